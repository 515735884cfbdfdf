#include "BudgetOptimum.h"

#include "ChoiceKnapsack.h"
#include "project/Project.h"

#include <stdexcept>

namespace qc {

namespace {
qint64 unitParams(const Project& p, const Ranking::Unit& unit)
{
    qint64 params = 0;
    for (const int m : unit.members)
        params += std::max<qint64>(p.inventory().at(m).params, 0);
    return params;
}

// The budget in weight bits: bits × all weights, or GB × 8e9, less what no cut can change.
qint64 eligibleBudget(const Project& p, double cut)
{
    const Ranking& r = p.ranking();
    const double total = p.cutPlan().by == CutPlan::CutBy::Bits ? cut * double(r.totalParams) : cut * 8e9;
    const qint64 fixed = 16 * (r.totalParams - r.eligibleParams() - r.forcedParams) + 8 * r.forcedParams;
    return qint64(std::floor(total)) - fixed;
}
} // namespace

BudgetOptimum BudgetOptimum::of(const Project& project, int profile)
{
    BudgetOptimum result;
    const Ranking& r = project.ranking();
    ChoiceProblem problem;
    for (const int u : r.order) {
        const qint64 params = unitParams(project, r.units[size_t(u)]);
        // Option 0 keeps the unit (16 bits per weight), option 1 quantizes it (8 bits).
        problem.groups.push_back({ { 16 * params, 0.0 }, { 8 * params, r.units[size_t(u)].score } });
    }
    problem.budget = eligibleBudget(project, project.cutPlan().profiles[size_t(profile)].cut);
    ChoiceSolution solution;
    try {
        solution = solveChoiceKnapsack(problem, qint64(256) << 20);
    } catch (const std::length_error& e) {
        result.why = QString::fromUtf8(e.what());
        return result;
    }
    if (!solution.feasible) {
        result.why = QStringLiteral("no choice of the eligible ops meets the budget");
        return result;
    }
    const int nested = project.cuts()[size_t(profile)].units;
    qint64 both = 0;
    qint64 nestedOps = 0;
    for (size_t pos = 0; pos < r.order.size(); ++pos) {
        const Ranking::Unit& unit = r.units[size_t(r.order[pos])];
        const bool inNested = int(pos) < nested;
        const bool inOptimum = solution.choice[pos] == 1;
        const qint64 ops = qint64(unit.members.size());
        result.nestedScore += inNested ? unit.score : 0.0;
        result.optimumScore += inOptimum ? unit.score : 0.0;
        result.optimumOps += inOptimum ? ops : 0;
        nestedOps += inNested ? ops : 0;
        both += inNested && inOptimum ? ops : 0;
    }
    const qint64 either = nestedOps + result.optimumOps - both;
    result.jaccard = either > 0 ? double(both) / double(either) : 1.0;
    result.solved = true;
    return result;
}

} // namespace qc
