#include "Project.h"

#include "inventory/InventoryReader.h"

#include <stdexcept>

namespace qc {

Project::Project()
    : m_rules(RuleSet::defaults())
    , m_cutPlan(CutPlan::defaults())
{ }

void Project::setInventory(Inventory inventory, bool fromRankings)
{
    m_inventory = std::move(inventory);
    m_inventoryFromRankings = fromRankings;
}

void Project::setMetrics(std::vector<Metric> metrics)
{
    m_metrics = std::move(metrics);
}

void Project::useRankedNamesAsInventory(const OpClassifier& classifier)
{
    std::vector<std::pair<QString, QString>> names;
    for (const Metric& metric : m_metrics) {
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
    m_inventory = InventoryReader::fromNames(names, classifier);
    m_inventoryFromRankings = true;
}

int Project::metricIndex(const QString& id) const
{
    for (size_t i = 0; i < m_metrics.size(); ++i) {
        if (m_metrics[i].id == id)
            return int(i);
    }
    return -1;
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

// A source name equal to its op's name becomes the same string (Qt shares it): at a million ops that is
// one copy of every name instead of one per metric plus the inventory's.
void Project::shareExactNames(Metric& metric, const Reconciliation& reconciliation) const
{
    for (size_t e = 0; e < metric.entries.size(); ++e) {
        const int op = reconciliation.matches[e].op;
        if (op >= 0 && metric.entries[e].name == m_inventory.at(op).name)
            metric.entries[e].name = m_inventory.at(op).name;
    }
}

void Project::recompute()
{
    if (m_combine.method == CombineSpec::Method::Single && metricIndex(m_combine.metric) < 0)
        throw std::invalid_argument("the combination names metric '" + m_combine.metric.toStdString()
            + "', which no source provides");
    for (const auto& [id, w] : m_combine.weights) {
        if (metricIndex(id) < 0)
            throw std::invalid_argument(
                "the weighted combination names metric '" + id.toStdString() + "', which no source provides");
    }
    const NameReconciler reconciler(m_inventory);
    m_reconciliations.clear();
    m_scores.clear();
    for (Metric& metric : m_metrics) {
        m_reconciliations.push_back(reconciler.reconcile(metric));
        m_scores.push_back(OpScores::build(metric, m_reconciliations.back(), m_inventory));
        shareExactNames(metric, m_reconciliations.back());
    }
    RankingInput input;
    input.inventory = &m_inventory;
    input.scores = &m_scores;
    input.keepingRules = m_rules.keepingRules(m_inventory);
    input.overrides = &m_overrides;
    input.combine = m_combine;
    input.fuseGroups = m_fuseGroups;
    input.order = m_cutPlan.order;
    m_ranking = buildRanking(input);
    recut();
}

void Project::recut()
{
    m_cuts = ProfileCutter::cut(m_ranking, m_cutPlan);
}

QString Project::keepReason(int op, int profile) const
{
    if (isQuantized(op, profile))
        return {};
    switch (m_ranking.state[size_t(op)]) {
    case OpState::KeptByRule:
        return QStringLiteral("rule:") + m_rules.rules()[size_t(m_ranking.rule[size_t(op)])].name;
    case OpState::KeptByOverride: {
        const QString& note = m_overrides[size_t(m_ranking.overrideIndex[size_t(op)])].note;
        return note.isEmpty() ? QStringLiteral("override") : QStringLiteral("override:") + note;
    }
    case OpState::KeptWithGroup:
        return QStringLiteral("fused:") + m_inventory.at(m_ranking.partner[size_t(op)]).name;
    case OpState::Unmeasured:
        return QStringLiteral("unmeasured");
    case OpState::Unranked:
        return QStringLiteral("unranked");
    default:
        return QStringLiteral("cut");
    }
}

QStringList Project::inputFiles() const
{
    QStringList files;
    for (const Metric& metric : m_metrics)
        files.append(metric.file);
    if (!m_inventoryFromRankings)
        files.append(m_inventory.source());
    return files;
}

} // namespace qc
