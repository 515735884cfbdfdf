#include "Project.h"

#include "KeepCause.h"
#include "inventory/InventoryReader.h"
#include "profile/CutCarryOver.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <utility>

namespace qc {

void ProjectInputs::useRankedNamesAsInventory(const OpClassifier& classifier)
{
    std::vector<std::pair<QString, QString>> names;
    for (const Metric& metric : metrics) {
        for (const MetricEntry& entry : metric.entries) {
            // Wrapper suffixes are not part of the module's name.
            QString bare = entry.name;
            for (const QLatin1String suffix : { QLatin1String(".module"), QLatin1String(".quant_recipe") }) {
                if (bare.endsWith(suffix))
                    bare.chop(suffix.size());
            }
            names.emplace_back(bare, entry.opType);
        }
    }
    inventory = InventoryReader::fromNames(names, classifier);
    inventoryFromRankings = true;
}

int ProjectInputs::metricIndex(const QString& id) const
{
    for (size_t i = 0; i < metrics.size(); ++i) {
        if (metrics[i].id == id)
            return int(i);
    }
    return -1;
}

QStringList ProjectInputs::inputFiles() const
{
    QStringList files;
    for (const Metric& metric : metrics)
        files.append(metric.file);
    if (!inventoryFromRankings)
        files.append(inventory.source());
    return files;
}

Project::Project()
{
    derive(Everything);
}

Project::Project(ProjectInputs inputs)
    : m_inputs(std::move(inputs))
{
    derive(Everything);
}

template<typename T> void Project::replaceInput(T& field, T value, unsigned stale)
{
    std::swap(field, value);
    try {
        derive(stale);
    } catch (...) {
        std::swap(field, value);
        throw;
    }
}

void Project::setInventory(Inventory inventory, bool fromRankings)
{
    const bool before = std::exchange(m_inputs.inventoryFromRankings, fromRankings);
    try {
        replaceInput(m_inputs.inventory, std::move(inventory), Everything);
    } catch (...) {
        m_inputs.inventoryFromRankings = before;
        throw;
    }
}

void Project::setMetrics(std::vector<Metric> metrics)
{
    replaceInput(m_inputs.metrics, std::move(metrics), Scores);
}

void Project::setRules(RuleSet rules)
{
    replaceInput(m_inputs.rules, std::move(rules), Keeping);
}

void Project::setOverrides(std::vector<Override> overrides)
{
    replaceInput(m_inputs.overrides, std::move(overrides), RankingOnly);
}

void Project::setOverrides(std::vector<Override> overrides, CutPlan plan)
{
    std::swap(m_inputs.cutPlan, plan);
    try {
        replaceInput(m_inputs.overrides, std::move(overrides), RankingOnly);
    } catch (...) {
        std::swap(m_inputs.cutPlan, plan);
        throw;
    }
}

void Project::setOverridesKeepingCuts(std::vector<Override> overrides)
{
    std::swap(m_inputs.overrides, overrides);
    Ranking ranking;
    try {
        ranking = rankFromInputs();
    } catch (...) {
        std::swap(m_inputs.overrides, overrides);
        throw;
    }
    m_inputs.cutPlan = carryCutsOver(m_ranking, m_cuts, ranking, m_inputs.cutPlan);
    m_ranking = std::move(ranking);
    recut();
}

void Project::setCombine(CombineSpec combine)
{
    replaceInput(m_inputs.combine, std::move(combine), RankingOnly);
}

void Project::setFuseGroups(bool fuse)
{
    replaceInput(m_inputs.fuseGroups, fuse, Basis);
}

void Project::setCutPlan(CutPlan plan)
{
    if (plan.order != m_inputs.cutPlan.order) {
        replaceInput(m_inputs.cutPlan, std::move(plan), RankingOnly); // another order is another ranking
        return;
    }
    m_inputs.cutPlan = std::move(plan);
    recut();
}

void Project::setCut(int profile, double cut)
{
    m_inputs.cutPlan.profiles.at(size_t(profile)).cut = cut;
    recut();
}

void Project::setMetricChoice(int metric, const MetricChoice& choice)
{
    Metric& m = m_inputs.metrics.at(size_t(metric));
    const MetricChoice before = MetricChoice::of(m);
    choice.applyTo(m);
    try {
        derive(Scores);
    } catch (...) {
        before.applyTo(m_inputs.metrics[size_t(metric)]);
        throw;
    }
}

std::vector<double> Project::orientedValues(int metric) const
{
    const OpScores& s = m_scores[size_t(metric)];
    std::vector<double> out(s.values.size());
    const double sign = s.polarity == Polarity::LowerIsMoreSensitive ? -1.0 : 1.0;
    for (size_t op = 0; op < out.size(); ++op)
        out[op] = sign * s.measured(int(op));
    return out;
}

void Project::derive(unsigned stale)
{
    // Everything is built aside first: a throw leaves the project as it was.
    const Inventory& inventory = m_inputs.inventory;
    std::vector<Reconciliation> reconciliations;
    std::vector<OpScores> scores;
    if (stale & Scores) {
        const NameReconciler reconciler(inventory);
        for (const Metric& metric : m_inputs.metrics) {
            reconciliations.push_back(reconciler.reconcile(metric));
            scores.push_back(OpScores::build(metric, reconciliations.back(), inventory));
        }
    }
    const std::vector<OpScores>& newScores = (stale & Scores) ? scores : m_scores;
    std::optional<RankingBasis> basis;
    if (stale & (Scores | Basis))
        basis = RankingBasis::build(inventory, newScores, m_inputs.fuseGroups);
    std::optional<NameShapes> shapes;
    if (stale & Shapes)
        shapes = NameShapes::of(inventory);
    std::optional<std::vector<int>> keeping;
    if (stale & Keeping)
        keeping = m_inputs.rules.keepingRules(inventory, shapes ? *shapes : m_shapes);
    // Swapped in to rank; a throw swaps them back out.
    auto swapStages = [&] {
        if (stale & Scores) {
            std::swap(m_reconciliations, reconciliations);
            std::swap(m_scores, scores);
        }
        if (basis)
            std::swap(m_basis, *basis);
        if (shapes)
            std::swap(m_shapes, *shapes);
        if (keeping)
            std::swap(m_keepingRules, *keeping);
    };
    swapStages();
    try {
        m_ranking = rankFromInputs();
    } catch (...) {
        swapStages();
        throw;
    }
    if (stale & Scores)
        shareExactNames();
    recut();
}

Ranking Project::rankFromInputs() const
{
    const CombineSpec& combine = m_inputs.combine;
    if (combine.method == CombineSpec::Method::Single && metricIndex(combine.metric) < 0)
        throw std::invalid_argument(
            "the combination names metric '" + combine.metric.toStdString() + "', which no source provides");
    for (const auto& [id, w] : combine.weights) {
        if (metricIndex(id) < 0)
            throw std::invalid_argument(
                "the weighted combination names metric '" + id.toStdString() + "', which no source provides");
    }
    RankingInput input;
    input.inventory = &m_inputs.inventory;
    input.scores = &m_scores;
    input.basis = &m_basis;
    input.keepingRules = &m_keepingRules;
    input.overrides = &m_inputs.overrides;
    input.combine = combine;
    input.order = m_inputs.cutPlan.order;
    return buildRanking(input);
}

void Project::recut()
{
    m_cuts = ProfileCutter::cut(m_ranking, m_inputs.cutPlan);
}

// A source name equal to its op's name becomes the same string (Qt shares it): at a million ops that is
// one copy of every name instead of one per metric plus the inventory's.
void Project::shareExactNames()
{
    for (size_t m = 0; m < m_inputs.metrics.size(); ++m) {
        std::vector<MetricEntry>& entries = m_inputs.metrics[m].entries;
        const Reconciliation& reconciliation = m_reconciliations[m];
        for (size_t e = 0; e < entries.size(); ++e) {
            const int op = reconciliation.ops[e];
            if (op < 0)
                continue;
            const QString& name = m_inputs.inventory.at(op).name;
            if (entries[e].name.constData() != name.constData() && entries[e].name == name)
                entries[e].name = name; // not shared yet (the reader had no inventory)
        }
    }
}

QString Project::keepReason(int op, int profile) const
{
    if (isQuantized(op, profile))
        return {};
    const KeepCause cause = KeepCause::of(m_ranking, op);
    switch (cause.kind) {
    case KeepCause::Kind::Rule:
        return KeepCause::ruleReason(rules().rules()[size_t(cause.index)].name);
    case KeepCause::Kind::Override:
        return KeepCause::overrideReason(overrides()[size_t(cause.index)].note);
    case KeepCause::Kind::Fused:
        return KeepCause::kFusedPrefix + inventory().at(cause.index).name;
    default:
        return KeepCause::word(cause.kind);
    }
}

std::vector<ProfileLists> Project::lists() const
{
    const std::vector<int>& byName = inventory().byName();
    std::vector<ProfileLists> result;
    for (int p = 0; p < profileCount(); ++p) {
        ProfileLists lists;
        lists.spec = cutPlan().profiles[size_t(p)];
        for (const int op : byName) {
            const QString reason = keepReason(op, p);
            if (reason.isEmpty())
                lists.quantize.append(inventory().at(op).name);
            else
                lists.keep.emplace_back(inventory().at(op).name, reason);
        }
        result.push_back(std::move(lists));
    }
    return result;
}

} // namespace qc
