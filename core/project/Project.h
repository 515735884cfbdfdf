#pragma once

#include "ProjectInputs.h"
#include "profile/ProfileCutter.h"
#include "profile/ProfileLists.h"
#include "ranking/OpScores.h"
#include "ranking/Ranking.h"
#include "reconcile/NameReconciler.h"

#include <vector>

namespace qc {

// Everything one profile file holds (its inputs) and what is derived from them (reconciliation, scores,
// ranking, cuts), always in step: every change re-derives at once, a cut plan of the same order only re-cuts
// (the cheap path of a drag), and a change that throws leaves the project as it was. A value type: copy it
// to keep a snapshot.
class Project
{
public:
    Project(); // empty, with the default rules and cut plan
    // Throws FileError (conflicting scores of one op) or std::invalid_argument (broken rule, unknown metric
    // in the combination).
    explicit Project(ProjectInputs inputs);

    const ProjectInputs& inputs() const { return m_inputs; }
    const Inventory& inventory() const { return m_inputs.inventory; }
    bool inventoryFromRankings() const { return m_inputs.inventoryFromRankings; }
    const std::vector<Metric>& metrics() const { return m_inputs.metrics; }
    const RuleSet& rules() const { return m_inputs.rules; }
    const std::vector<Override>& overrides() const { return m_inputs.overrides; }
    const CombineSpec& combine() const { return m_inputs.combine; }
    bool fuseGroups() const { return m_inputs.fuseGroups; }
    const CutPlan& cutPlan() const { return m_inputs.cutPlan; }
    const std::vector<Outcome>& outcomes() const { return m_inputs.outcomes; }

    // Each change re-derives what depends on it; on a throw (as the constructor's) nothing changed. To set
    // several inputs at once, build ProjectInputs and construct.
    void setInventory(Inventory inventory, bool fromRankings = false);
    void setMetrics(std::vector<Metric> metrics);
    void setRules(RuleSet rules);
    void setOverrides(std::vector<Override> overrides);
    // Hand edits with the cut plan that goes with them (one re-derivation, what undo and redo restore).
    void setOverrides(std::vector<Override> overrides, CutPlan plan);
    // Hand edits that move no other op: the cuts are carried over so that every other op keeps its
    // decision in every profile.
    void setOverridesKeepingCuts(std::vector<Override> overrides);
    void setCombine(CombineSpec combine);
    void setFuseGroups(bool fuse);
    void setCutPlan(CutPlan plan);
    void setCut(int profile, double cut);
    void setMetricChoice(int metric, const MetricChoice& choice);
    // Outcomes derive nothing: set without re-deriving (and so without a throw).
    void setOutcomes(std::vector<Outcome> outcomes) { m_inputs.outcomes = std::move(outcomes); }

    const std::vector<Reconciliation>& reconciliations() const { return m_reconciliations; }
    const std::vector<OpScores>& scores() const { return m_scores; }
    const Ranking& ranking() const { return m_ranking; }
    const std::vector<ProfileCut>& cuts() const { return m_cuts; }
    int profileCount() const { return int(cutPlan().profiles.size()); }
    int metricIndex(const QString& id) const { return m_inputs.metricIndex(id); }
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
    // The profiles as lists (sorted, deterministic): what a file stores and every export consumes.
    std::vector<ProfileLists> lists() const;
    // The files the project was read from (every source's file, the inventory's): what a save or an export
    // must never write over.
    QStringList inputFiles() const { return m_inputs.inputFiles(); }

private:
    // What a change makes stale besides the ranking and the cuts (which every change re-derives).
    enum Stale : unsigned {
        RankingOnly = 0, // hand edits, combination, order
        Scores = 1, // reconciliation and scores, and so the basis (inventory, metrics, a source's choices)
        Basis = 2, // fused units (fusion on or off)
        Keeping = 4, // rule verdicts (rules)
        Shapes = 8, // the name shapes rules decide by (inventory)
        Everything = Scores | Basis | Keeping | Shapes,
    };

    // Replaces one input and re-derives; restores it when that throws.
    template<typename T> void replaceInput(T& field, T value, unsigned stale);
    void derive(unsigned stale);
    Ranking rankFromInputs() const;
    void recut();
    void shareExactNames();

    ProjectInputs m_inputs;
    std::vector<Reconciliation> m_reconciliations;
    std::vector<OpScores> m_scores;
    RankingBasis m_basis;
    NameShapes m_shapes; // of the inventory
    std::vector<int> m_keepingRules; // per op, from the rules: what a rule keeps
    Ranking m_ranking;
    std::vector<ProfileCut> m_cuts;
};

} // namespace qc
