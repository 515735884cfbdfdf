#include "Checker.h"

#include "io/Sha256.h"
#include "outcomes/OutcomeList.h"
#include "profile/ProfileCutter.h"
#include "project/Project.h"
#include "ranking/FusedGroups.h"

#include <QHash>
#include <algorithm>
#include <iterator>
#include <numeric>

namespace qc {

namespace {
using Kind = Violation::Kind;
using Severity = Violation::Severity;

Violation make(Severity s, Kind k, QString profile, QString op, QString message)
{
    return { s, k, std::move(profile), std::move(op), std::move(message) };
}

// Values the sources give that are not measurements: said once per source and stretch, not per op.
void checkEvidence(const Project& project, std::vector<Violation>& out)
{
    for (size_t m = 0; m < project.metrics().size(); ++m) {
        const QString& id = project.metrics()[m].id;
        const OpScores& scores = project.scores()[m];
        for (const SignalGap& gap : scores.gaps)
            out.push_back(make(Severity::Warning, Kind::NoSignal, {}, gap.firstOp,
                QStringLiteral("source '%1': %2: no signal, not ranked (--all-measured %1 ranks them)")
                    .arg(id, gap.describe())));
        const int notCandidates = scores.countByEvidence()[size_t(Evidence::NotCandidate)];
        if (notCandidates > 0)
            out.push_back(make(Severity::Warning, Kind::NotCandidate, {}, {},
                QStringLiteral("source '%1': %2 ops were no quantization candidate (only NONE): not measured")
                    .arg(id)
                    .arg(notCandidates)));
    }
}

// Inventory indices in name order, as QStringList::sort orders names. Kept between checks: a drag checks at
// every step and the names stay; one pass confirms that the kept order still sorts this inventory (n
// compares instead of a sort's n log n).
const std::vector<int>& nameOrder(const Inventory& inv)
{
    static thread_local std::vector<int> order;
    bool sorted = order.size() == size_t(inv.size());
    for (size_t i = 1; sorted && i < order.size(); ++i)
        sorted = inv.at(order[i - 1]).name < inv.at(order[i]).name;
    if (!sorted) {
        order.resize(size_t(inv.size()));
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](int a, int b) { return inv.at(a).name < inv.at(b).name; });
    }
    return order;
}

// profileFingerprint() of the computed INT8 ops of each profile outcomes name: one pass over the ops in name
// order per such profile, and nothing at all without outcomes (the drag path stays as cheap as it was).
QHash<QString, QString> outcomeFingerprints(const Project& project)
{
    QHash<QString, QString> out;
    const auto& specs = project.cutPlan().profiles;
    const std::vector<int>& order = nameOrder(project.inventory());
    for (int p = 0; p < int(specs.size()); ++p) {
        const bool named = std::any_of(project.outcomes().begin(), project.outcomes().end(),
            [&](const Outcome& o) { return o.profile == specs[size_t(p)].name; });
        if (!named)
            continue;
        QByteArray text;
        for (const int op : order) {
            if (!project.isQuantized(op, p))
                continue;
            if (!text.isEmpty())
                text += '\n';
            text += project.inventory().at(op).name.toUtf8();
        }
        out.insert(specs[size_t(p)].name, QString::fromLatin1(Sha256::hex(text)));
    }
    return out;
}

// Outcomes whose profile has other INT8 ops now than when they were attached (or is gone): their numbers
// are not this profile's.
void checkOutcomes(const std::vector<std::pair<QString, QString>>& stale, std::vector<Violation>& out)
{
    for (const auto& [profile, why] : stale)
        out.push_back(make(Severity::Warning, Kind::StaleOutcome, profile, {}, why));
}

// A budget the eligible ops cannot meet: the profile quantizes all of them and still misses it.
void checkBudgets(const Project& project, std::vector<Violation>& out)
{
    const CutPlan& plan = project.cutPlan();
    if (!CutPlan::isBudget(plan.by))
        return;
    for (int p = 0; p < project.profileCount(); ++p) {
        const double reached
            = ProfileCutter::cutForUnits(project.ranking(), plan.by, project.cuts()[size_t(p)].units);
        const ProfileSpec& spec = plan.profiles[size_t(p)];
        if (reached > spec.cut + 1e-9)
            out.push_back(make(Severity::Warning, Kind::BudgetNotMet, spec.name, {},
                QStringLiteral("profile %1 asks for %2 %3 but quantizing every eligible op reaches %4")
                    .arg(spec.name)
                    .arg(spec.cut)
                    .arg(CutPlan::cutByName(plan.by))
                    .arg(reached, 0, 'g', 6)));
    }
}

// A cut inside a run of tied scores is decided by the tie-break, not by the metrics.
void checkTiedCuts(const Project& project, std::vector<Violation>& out)
{
    const Ranking& r = project.ranking();
    for (int p = 0; p < project.profileCount(); ++p) {
        const auto [first, last] = r.tiedRunAt(project.cuts()[size_t(p)].units);
        if (first == last)
            continue;
        QStringList ops;
        for (int pos = first; pos < last && ops.size() < 6; ++pos)
            ops.append(project.inventory().at(r.units[size_t(r.order[size_t(pos)])].members.front()).name);
        if (last - first > 6)
            ops.append(QStringLiteral("…"));
        const QString& name = project.cutPlan().profiles[size_t(p)].name;
        out.push_back(make(Severity::Warning, Kind::TiedCut, name, {},
            QStringLiteral("profile %1's cut falls inside %2 units tied at combined score %3 (%4): the "
                           "tie-break (more parameters first, then model order) picks %5 of them")
                .arg(name)
                .arg(last - first)
                .arg(r.orderScore(first))
                .arg(ops.join(QStringLiteral(", ")))
                .arg(project.cuts()[size_t(p)].units - first)));
    }
}

// Sources that name no op or several, and values that are not measurements: no cut changes these.
void checkSources(const Project& project, std::vector<Violation>& out)
{
    for (size_t m = 0; m < project.metrics().size(); ++m) {
        const Metric& metric = project.metrics()[m];
        const Reconciliation& rec = project.reconciliations()[m];
        for (const QString& name : rec.unmatched)
            out.push_back(make(Severity::Warning, Kind::UnmatchedName, {}, name,
                QStringLiteral("source '%1': '%2' matches no op of the inventory").arg(metric.id, name)));
        for (const auto& [e, candidates] : rec.candidates) {
            const QString& name = metric.entries[size_t(e)].name;
            out.push_back(make(Severity::Warning, Kind::UnmatchedName, {}, name,
                QStringLiteral("source '%1': '%2' matches several ops: %3")
                    .arg(metric.id, name, candidates.join(QStringLiteral(", ")))));
        }
    }
    checkEvidence(project, out);
}

// Overrides of unknown ops and ops the ranking cannot place: a pass over every op, and no cut changes it.
void checkOpStates(const Project& project, std::vector<Violation>& out)
{
    for (const QString& op : project.ranking().unknownOverrides)
        out.push_back(make(Severity::Warning, Kind::UnknownOp, {}, op,
            QStringLiteral("override of '%1', which is not in the inventory").arg(op)));
    const Ranking& r = project.ranking();
    for (int op = 0; op < project.inventory().size(); ++op) {
        const QString& name = project.inventory().at(op).name;
        if (r.state[size_t(op)] == OpState::Unranked)
            out.push_back(make(Severity::Warning, Kind::Unranked, {}, name,
                QStringLiteral("'%1' is ranked by no metric: kept in higher precision").arg(name)));
        else if (r.state[size_t(op)] == OpState::Unmeasured)
            out.push_back(make(Severity::Warning, Kind::Unmeasured, {}, name,
                QStringLiteral("'%1' has no measured score in any source (no signal or no candidate): kept "
                               "in higher precision")
                    .arg(name)));
        else if (r.state[size_t(op)] == OpState::Eligible && r.units[size_t(r.unitOf[size_t(op)])].partial)
            out.push_back(make(Severity::Warning, Kind::PartialRanking, {}, name,
                QStringLiteral("'%1' is missing from some metrics: ranked by the others").arg(name)));
    }
}

void checkCutOrder(const Project& project, std::vector<Violation>& out)
{
    const auto& specs = project.cutPlan().profiles;
    const bool budget = CutPlan::isBudget(project.cutPlan().by); // budgets fall as profiles grow
    for (size_t p = 1; p < specs.size(); ++p) {
        if (budget ? specs[p].cut > specs[p - 1].cut : specs[p].cut < specs[p - 1].cut)
            out.push_back(make(Severity::Error, Kind::CutsOutOfOrder, specs[p].name, {},
                (budget ? QStringLiteral("budget of %1 (%2) is above the budget of %3 (%4)")
                        : QStringLiteral("cut of %1 (%2) is below the cut of %3 (%4)"))
                    .arg(specs[p].name)
                    .arg(specs[p].cut)
                    .arg(specs[p - 1].name)
                    .arg(specs[p - 1].cut)));
    }
}

// The cut-dependent findings between the kept ones, in the order every check reports them.
void checkSourcesAndPlan(const Project& project, const std::vector<Violation>& sources,
    const std::vector<Violation>& opStates, std::vector<Violation>& out)
{
    out.insert(out.end(), sources.begin(), sources.end());
    checkTiedCuts(project, out);
    checkBudgets(project, out);
    out.insert(out.end(), opStates.begin(), opStates.end());
    checkCutOrder(project, out);
}

// Problems that do not depend on how the profiles are stored.
void checkSourcesAndPlan(const Project& project, std::vector<Violation>& out)
{
    std::vector<Violation> sources;
    std::vector<Violation> opStates;
    checkSources(project, sources);
    checkOpStates(project, opStates);
    checkSourcesAndPlan(project, sources, opStates, out);
}

Violation emptyProfile(const QString& profile)
{
    return make(Severity::Error, Kind::EmptyProfile, profile, {},
        QStringLiteral("profile %1 quantizes no op").arg(profile));
}

Violation ruleViolation(const Project& project, const QString& profile, int op, int rule)
{
    const QString& name = project.inventory().at(op).name;
    return make(Severity::Error, Kind::RuleViolation, profile, name,
        QStringLiteral("'%1' is INT8 although rule '%2' keeps it (%3)")
            .arg(name, project.rules().rules()[size_t(rule)].name,
                project.rules().rules()[size_t(rule)].reason));
}
} // namespace

Checker::CutFree Checker::cutFree(const Project& project)
{
    CutFree kept;
    const Ranking& r = project.ranking();
    // Forced INT8 is the same in every profile: report it once, without a profile.
    for (int op = 0; op < project.inventory().size(); ++op) {
        if (r.state[size_t(op)] == OpState::ForcedInt8 && r.rule[size_t(op)] >= 0)
            kept.ops.push_back(ruleViolation(project, {}, op, r.rule[size_t(op)]));
    }
    // Units outside the order (forced or kept whole): no cut places their members.
    for (const Ranking::Unit& unit : r.units) {
        if (unit.members.size() < 2 || unit.position >= 0)
            continue;
        const bool first = r.isQuantized(unit.members.front(), 0);
        for (const int m : unit.members) {
            if (r.isQuantized(m, 0) != first) {
                kept.ops.push_back(
                    make(Severity::Error, Kind::SplitFusedGroup, {}, project.inventory().at(m).name,
                        QStringLiteral("fused group of '%1' is split: '%2' is %3, '%4' is %5")
                            .arg(project.inventory().at(unit.members.front()).name,
                                project.inventory().at(unit.members.front()).name,
                                first ? QStringLiteral("INT8") : QStringLiteral("kept"),
                                project.inventory().at(m).name,
                                first ? QStringLiteral("kept") : QStringLiteral("INT8"))));
                break;
            }
        }
    }
    checkSources(project, kept.sources);
    checkOpStates(project, kept.opStates);
    return kept;
}

std::vector<Violation> Checker::check(const Project& project)
{
    return check(project, cutFree(project));
}

std::vector<Violation> Checker::check(const Project& project, const CutFree& kept)
{
    std::vector<Violation> out;
    out.reserve(kept.ops.size() + kept.sources.size() + kept.opStates.size() + 16);
    out.insert(out.end(), kept.ops.begin(), kept.ops.end());
    const auto& specs = project.cutPlan().profiles;
    // An empty project (nothing loaded yet) has no profiles to speak of.
    for (size_t p = 0; p < specs.size() && !project.inventory().isEmpty(); ++p) {
        if (project.cuts()[p].ops == 0)
            out.push_back(emptyProfile(specs[p].name));
    }
    checkSourcesAndPlan(project, kept.sources, kept.opStates, out);
    if (!project.outcomes().empty())
        checkOutcomes(staleOutcomes(project), out);
    return out;
}

std::vector<Violation> Checker::check(const Project& project, const std::vector<ProfileLists>& profiles)
{
    std::vector<Violation> out;
    const Inventory& inv = project.inventory();
    const std::vector<int> keeping = project.rules().keepingRules(inv);
    std::vector<std::vector<signed char>> status; // per profile, per op: -1 absent, 0 kept, 1 INT8
    for (const ProfileLists& lists : profiles) {
        const QString& pname = lists.spec.name;
        std::vector<signed char> s(size_t(inv.size()), -1);
        auto place = [&](const QString& name, signed char value) {
            const int op = inv.indexOf(name);
            if (op < 0) {
                out.push_back(make(Severity::Error, Kind::UnknownOp, pname, name,
                    QStringLiteral("profile %1 lists '%2', which is not in the inventory").arg(pname, name)));
            } else if (s[size_t(op)] != -1) {
                out.push_back(make(Severity::Error, Kind::DuplicateOp, pname, name,
                    QStringLiteral("profile %1 lists '%2' more than once").arg(pname, name)));
            } else {
                s[size_t(op)] = value;
            }
        };
        for (const QString& name : lists.quantize)
            place(name, 1);
        for (const auto& [name, reason] : lists.keep)
            place(name, 0);
        qint64 quantized = 0;
        for (int op = 0; op < inv.size(); ++op) {
            if (s[size_t(op)] == -1)
                out.push_back(make(Severity::Error, Kind::MissingOp, pname, inv.at(op).name,
                    QStringLiteral("profile %1 lists '%2' in neither quantize nor keep")
                        .arg(pname, inv.at(op).name)));
            if (s[size_t(op)] == 1) {
                ++quantized;
                if (keeping[size_t(op)] >= 0)
                    out.push_back(ruleViolation(project, pname, op, keeping[size_t(op)]));
            }
        }
        if (quantized == 0)
            out.push_back(emptyProfile(pname));
        QHash<QString, int> groupFirst;
        for (int op = 0; op < inv.size(); ++op) {
            const QString key = FusedGroups::groupKey(inv.at(op).name);
            if (key.isEmpty() || !project.fuseGroups())
                continue;
            const auto it = groupFirst.constFind(key);
            if (it == groupFirst.constEnd()) {
                groupFirst.insert(key, op);
            } else if (s[size_t(op)] >= 0 && s[size_t(it.value())] >= 0
                && s[size_t(op)] != s[size_t(it.value())]) {
                out.push_back(make(Severity::Error, Kind::SplitFusedGroup, pname, inv.at(op).name,
                    QStringLiteral("profile %1 splits a fused group: '%2' and '%3' differ")
                        .arg(pname, inv.at(it.value()).name, inv.at(op).name)));
            }
        }
        if (!status.empty()) {
            const std::vector<signed char>& prev = status.back();
            for (int op = 0; op < inv.size(); ++op) {
                if (prev[size_t(op)] == 1 && s[size_t(op)] == 0) {
                    out.push_back(make(Severity::Error, Kind::NotNested, pname, inv.at(op).name,
                        QStringLiteral("profile %1 keeps '%2', which the previous profile %3 quantizes")
                            .arg(pname, inv.at(op).name, profiles[status.size() - 1].spec.name)));
                }
            }
        }
        status.push_back(std::move(s));
    }
    checkSourcesAndPlan(project, out);
    checkOutcomes(OutcomeList::stale(project.outcomes(), profiles), out);
    return out;
}

QStringList Checker::errorsFor(const Project& project, int profile)
{
    QStringList out;
    const QString& name = project.cutPlan().profiles[size_t(profile)].name;
    for (const Violation& v : check(project)) {
        if (v.severity == Violation::Severity::Error && (v.profile.isEmpty() || v.profile == name))
            out.append(kindName(v.kind) + QStringLiteral(": ") + v.message);
    }
    return out;
}

std::vector<std::pair<QString, QString>> Checker::staleOutcomes(const Project& project)
{
    if (project.outcomes().empty())
        return {};
    return OutcomeList::stale(project.outcomes(), outcomeFingerprints(project));
}

int Checker::errorCount(const std::vector<Violation>& violations)
{
    return int(std::count_if(violations.begin(), violations.end(),
        [](const Violation& v) { return v.severity == Violation::Severity::Error; }));
}

QStringList Checker::handEditedOps(const ProfileLists& stored, const ProfileLists& computed)
{
    auto keptOps = [](const ProfileLists& lists) {
        QStringList ops;
        for (const auto& [op, reason] : lists.keep)
            ops.append(op);
        ops.sort();
        return ops;
    };
    QStringList storedQuantize = stored.quantize;
    storedQuantize.sort();
    QStringList computedQuantize = computed.quantize;
    computedQuantize.sort();
    const QStringList storedKeep = keptOps(stored);
    const QStringList computedKeep = keptOps(computed);
    // Multiset differences: an op listed twice differs by its second listing.
    QStringList differing;
    std::set_symmetric_difference(storedQuantize.begin(), storedQuantize.end(), computedQuantize.begin(),
        computedQuantize.end(), std::back_inserter(differing));
    std::set_symmetric_difference(storedKeep.begin(), storedKeep.end(), computedKeep.begin(),
        computedKeep.end(), std::back_inserter(differing));
    differing.sort();
    differing.removeDuplicates();
    return differing;
}

} // namespace qc
