#include "AutoQuantDecision.h"

#include "budget/ChoiceKnapsack.h"

#include <QSet>
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace qc {

namespace {
std::invalid_argument refusal(const QString& file, const QString& why)
{
    return std::invalid_argument(QString(file + QStringLiteral(": ") + why).toStdString());
}

qint64 wholeCost(double cost, const QString& group, const QString& file)
{
    if (cost != std::floor(cost) || cost > 9e15)
        throw refusal(file,
            QStringLiteral(
                "cost %1 of '%2' is not a whole number: the exact reconstruction needs weight counts")
                .arg(cost)
                .arg(group));
    return qint64(cost);
}

// The group's 16-bit weight count: its NONE candidate's cost.
qint64 noneCost(const AutoQuantManifest::Group& g, const QString& file)
{
    const AutoQuantManifest::Candidate* none = g.none();
    if (!none)
        throw refusal(
            file, QStringLiteral("'%1' has no NONE candidate, so its full cost is unknown").arg(g.name));
    return wholeCost(none->cost, g.name, file);
}

// Relative, so that tiny scores (a random model's are ~1e-7) are compared as closely as large ones.
bool agrees(double a, double b)
{
    return std::abs(a - b) <= 1e-6 * std::max(std::abs(a), std::abs(b));
}
} // namespace

QStringList AutoQuantDecision::quantizedGroups() const
{
    QStringList groups;
    for (const Choice& c : choices) {
        if (c.format != QLatin1String("NONE"))
            groups.append(c.group);
    }
    return groups;
}

AutoQuantDecision AutoQuantDecision::solve(
    const AutoQuantManifest& manifest, double bits, const QString& file)
{
    if (!std::isfinite(bits) || bits <= 0)
        throw refusal(file, QStringLiteral("no effective-bits target (scheme.auto_quantize_bits)"));
    ChoiceProblem problem;
    qint64 full = 0;
    for (const AutoQuantManifest::Group& g : manifest.groups) {
        full += noneCost(g, file);
        std::vector<ChoiceProblem::Option> options;
        for (const AutoQuantManifest::Candidate& c : g.candidates)
            options.push_back({ wholeCost(c.cost, g.name, file), c.score });
        problem.groups.push_back(std::move(options));
    }
    problem.budget = qint64(std::floor(double(full) * bits / 16.0));
    const ChoiceSolution solution = solveChoiceKnapsack(problem);
    if (!solution.feasible)
        throw refusal(file, QStringLiteral("no choice of candidates reaches %1 effective bits").arg(bits));
    AutoQuantDecision decision;
    for (size_t g = 0; g < manifest.groups.size(); ++g)
        decision.choices.push_back({ manifest.groups[g].name,
            manifest.groups[g].candidates[size_t(solution.choice[g])].label.format });
    decision.score = solution.score;
    decision.effectiveBits = full > 0 ? 16.0 * double(solution.cost) / double(full) : 0.0;
    decision.recordedScore = std::numeric_limits<double>::quiet_NaN();
    decision.recordedEffectiveBits = std::numeric_limits<double>::quiet_NaN();
    return decision;
}

AutoQuantDecision AutoQuantDecision::greedyByRatio(
    const AutoQuantManifest& manifest, double bits, const QString& file)
{
    struct Step
    {
        size_t group;
        int candidate;
        double saved;
        double score;
    };
    std::vector<Step> steps;
    qint64 full = 0;
    for (size_t g = 0; g < manifest.groups.size(); ++g) {
        const AutoQuantManifest::Group& group = manifest.groups[g];
        const qint64 none = noneCost(group, file);
        full += none;
        int cheapest = -1;
        for (int c = 0; c < int(group.candidates.size()); ++c) {
            const auto& cand = group.candidates[size_t(c)];
            if (!cand.label.isNone() && (cheapest < 0 || cand.cost < group.candidates[size_t(cheapest)].cost))
                cheapest = c;
        }
        if (cheapest >= 0)
            steps.push_back({ g, cheapest, double(none) - group.candidates[size_t(cheapest)].cost,
                group.candidates[size_t(cheapest)].score });
    }
    std::stable_sort(steps.begin(), steps.end(),
        [](const Step& a, const Step& b) { return a.score * b.saved < b.score * a.saved; });
    AutoQuantDecision decision;
    for (const AutoQuantManifest::Group& g : manifest.groups)
        decision.choices.push_back({ g.name, QStringLiteral("NONE") });
    const double budget = std::floor(double(full) * bits / 16.0);
    double cost = double(full);
    for (const Step& step : steps) {
        if (cost <= budget)
            break;
        decision.choices[step.group].format
            = manifest.groups[step.group].candidates[size_t(step.candidate)].label.format;
        cost -= step.saved;
        decision.score += step.score;
    }
    decision.effectiveBits = full > 0 ? 16.0 * cost / double(full) : 0.0;
    decision.recordedScore = std::numeric_limits<double>::quiet_NaN();
    decision.recordedEffectiveBits = std::numeric_limits<double>::quiet_NaN();
    return decision;
}

double AutoQuantDecision::jaccard(const AutoQuantDecision& a, const AutoQuantDecision& b)
{
    const QStringList qa = a.quantizedGroups();
    const QStringList qb = b.quantizedGroups();
    const QSet<QString> sa(qa.begin(), qa.end());
    const QSet<QString> sb(qb.begin(), qb.end());
    const qsizetype both = QSet<QString>(sa).intersect(sb).size();
    const qsizetype either = QSet<QString>(sa).unite(sb).size();
    return either > 0 ? double(both) / double(either) : 1.0;
}

AutoQuantDecision AutoQuantDecision::reconstruct(const AutoQuantManifest& manifest, const QString& file)
{
    if (std::isnan(manifest.recordedScore) || std::isnan(manifest.recordedEffectiveBits))
        throw refusal(file,
            QStringLiteral("no recorded outcome (autoquant_state.score, constraints.effective_bits) to check "
                           "the reconstruction against"));
    AutoQuantDecision decision = solve(manifest, manifest.autoQuantizeBits, file);
    decision.recordedScore = manifest.recordedScore;
    decision.recordedEffectiveBits = manifest.recordedEffectiveBits;
    if (!agrees(decision.score, manifest.recordedScore)
        || !agrees(decision.effectiveBits, manifest.recordedEffectiveBits))
        throw refusal(file,
            QStringLiteral("the reconstructed decision (score %1, %2 effective bits) does not reproduce the "
                           "recorded one (score %3, %4 effective bits): AutoQuant's choice cannot be told")
                .arg(decision.score, 0, 'g', 12)
                .arg(decision.effectiveBits, 0, 'g', 12)
                .arg(manifest.recordedScore, 0, 'g', 12)
                .arg(manifest.recordedEffectiveBits, 0, 'g', 12));
    return decision;
}

} // namespace qc
