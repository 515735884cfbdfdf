#pragma once

#include "inventory/Inventory.h"
#include "inventory/OpClassifier.h"
#include "metrics/Metric.h"
#include "profile/CutPlan.h"
#include "profile/Override.h"
#include "profile/ProfileCutter.h"
#include "ranking/CombineSpec.h"
#include "ranking/OpScores.h"
#include "ranking/Ranking.h"
#include "reconcile/NameReconciler.h"
#include "rules/RuleSet.h"

#include <vector>

namespace qc {

// Everything one profile file holds: the inventory, the sources, the combination, the rules, the overrides
// and the cut plan, plus what is derived from them (reconciliation, ranking, cuts). A value type: copy it
// to keep a snapshot (undo, background loading).
class Project
{
public:
    Project();

    const Inventory& inventory() const { return m_inventory; }
    bool inventoryFromRankings() const { return m_inventoryFromRankings; }
    const std::vector<Metric>& metrics() const { return m_metrics; }
    // The files the project was read from (every source's file, the inventory's): what a save or an export
    // must never write over.
    QStringList inputFiles() const;
    const RuleSet& rules() const { return m_rules; }
    const std::vector<Override>& overrides() const { return m_overrides; }
    const CombineSpec& combine() const { return m_combine; }
    bool fuseGroups() const { return m_fuseGroups; }
    const CutPlan& cutPlan() const { return m_cutPlan; }

    // Setters leave the derived state stale until recompute() (or recut() for cuts only).
    void setInventory(Inventory inventory, bool fromRankings = false);
    void setMetrics(std::vector<Metric> metrics);
    void setRules(RuleSet rules) { m_rules = std::move(rules); }
    void setOverrides(std::vector<Override> overrides) { m_overrides = std::move(overrides); }
    void setCombine(CombineSpec combine) { m_combine = std::move(combine); }
    void setFuseGroups(bool fuse) { m_fuseGroups = fuse; }
    void setCutPlan(CutPlan plan) { m_cutPlan = std::move(plan); }
    void setCut(int profile, double cut) { m_cutPlan.profiles[size_t(profile)].cut = cut; }

    // When no inventory was given: the union of the ranked names (with their types) serves.
    void useRankedNamesAsInventory(const OpClassifier& classifier = OpClassifier::defaults());

    // Reconciles names, lays scores over the inventory, ranks, cuts. Throws FileError (conflicting scores of
    // one op) or std::invalid_argument (broken rule, unknown metric in the combination).
    void recompute();
    // Only re-applies the cut plan to the current ranking: the cheap path of a drag.
    void recut();

    const std::vector<Reconciliation>& reconciliations() const { return m_reconciliations; }
    const std::vector<OpScores>& scores() const { return m_scores; }
    const Ranking& ranking() const { return m_ranking; }
    const std::vector<ProfileCut>& cuts() const { return m_cuts; }
    int profileCount() const { return int(m_cutPlan.profiles.size()); }
    int metricIndex(const QString& id) const;
    // A metric's measured values per op, negated where lower means more sensitive: larger = more
    // sensitive, NaN = none (or not a measurement).
    std::vector<double> orientedValues(int metric) const;

    bool isQuantized(int op, int profile) const
    {
        return m_ranking.isQuantized(op, m_cuts[size_t(profile)].units);
    }
    // "rule:<name>", "override[:<note>]", "fused:<op>", "unmeasured", "unranked" or "cut"; empty when the op
    // is INT8.
    QString keepReason(int op, int profile) const;

private:
    void shareExactNames(Metric& metric, const Reconciliation& reconciliation) const;

    Inventory m_inventory;
    bool m_inventoryFromRankings = false;
    std::vector<Metric> m_metrics;
    RuleSet m_rules;
    std::vector<Override> m_overrides;
    CombineSpec m_combine;
    bool m_fuseGroups = true;
    CutPlan m_cutPlan;

    std::vector<Reconciliation> m_reconciliations;
    std::vector<OpScores> m_scores;
    Ranking m_ranking;
    std::vector<ProfileCut> m_cuts;
};

} // namespace qc
