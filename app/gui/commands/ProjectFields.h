#pragma once

#include "project/Project.h"

namespace qc::gui {

// What a change of one input means for the views.
enum class EditScope {
    Cuts, // only the cuts moved (the drag path)
    Ranking, // same ops, new states and ranking
    Shape, // inventory, metrics or profiles changed shape: models reset, charts rebuild
    Outcomes, // only the measured outcomes: nothing is re-derived, the trade-off views refresh
};

// The inputs an undo step changes, each with how to read and write it on a Project. A Field is a small
// value (== tells two of them apart for merging); kMergeKind is its QUndoCommand::id() when merging.
struct CutPlanField
{
    using Value = CutPlan;
    static constexpr int kMergeKind = 1;
    Value get(const Project& p) const { return p.cutPlan(); }
    void set(Project& p, const Value& v) const { p.setCutPlan(v); }
    EditScope scope(const Project& p, const Value& v) const
    {
        const CutPlan& now = p.cutPlan();
        return v.profiles.size() == now.profiles.size() && v.by == now.by && v.order == now.order
            ? EditScope::Cuts
            : EditScope::Shape;
    }
    bool operator==(const CutPlanField&) const = default;
};

// Hand edits move the cuts with them (no other op changes its decision): both are one step.
struct HandEdits
{
    std::vector<Override> overrides;
    CutPlan cutPlan;
};

struct HandEditsField
{
    using Value = HandEdits;
    static constexpr int kMergeKind = 2;
    Value get(const Project& p) const { return { p.overrides(), p.cutPlan() }; }
    void set(Project& p, const Value& v) const { p.setOverrides(v.overrides, v.cutPlan); }
    EditScope scope(const Project&, const Value&) const { return EditScope::Ranking; }
    bool operator==(const HandEditsField&) const = default;
};

struct RulesField
{
    using Value = RuleSet;
    static constexpr int kMergeKind = 3;
    Value get(const Project& p) const { return p.rules(); }
    void set(Project& p, const Value& v) const { p.setRules(v); }
    EditScope scope(const Project&, const Value&) const { return EditScope::Ranking; }
    bool operator==(const RulesField&) const = default;
};

struct CombineField
{
    using Value = CombineSpec;
    static constexpr int kMergeKind = 4;
    Value get(const Project& p) const { return p.combine(); }
    void set(Project& p, const Value& v) const { p.setCombine(v); }
    EditScope scope(const Project&, const Value&) const { return EditScope::Ranking; }
    bool operator==(const CombineField&) const = default;
};

// A source's name, polarity or evidence choice: every legend, header and tooltip shows them.
struct MetricChoiceField
{
    using Value = MetricChoice;
    static constexpr int kMergeKind = 5;
    int metric = -1;
    Value get(const Project& p) const { return MetricChoice::of(p.metrics()[size_t(metric)]); }
    void set(Project& p, const Value& v) const { p.setMetricChoice(metric, v); }
    EditScope scope(const Project&, const Value&) const { return EditScope::Shape; }
    bool operator==(const MetricChoiceField&) const = default;
};

// The measured outcomes attached to the profiles (results files opened, or removed).
struct OutcomesField
{
    using Value = std::vector<Outcome>;
    static constexpr int kMergeKind = 7;
    Value get(const Project& p) const { return p.outcomes(); }
    void set(Project& p, const Value& v) const { p.setOutcomes(v); }
    EditScope scope(const Project&, const Value&) const { return EditScope::Outcomes; }
    bool operator==(const OutcomesField&) const = default;
};

// Everything at once: files added to the project. Undo re-derives from the inputs before.
struct InputsField
{
    using Value = ProjectInputs;
    static constexpr int kMergeKind = 6;
    Value get(const Project& p) const { return p.inputs(); }
    void set(Project& p, const Value& v) const { p = Project(v); }
    EditScope scope(const Project&, const Value&) const { return EditScope::Shape; }
    bool operator==(const InputsField&) const = default;
};

} // namespace qc::gui
