#pragma once

#include "check/Checker.h"
#include "check/Violation.h"
#include "commands/ProjectFields.h"
#include "project/Project.h"

#include <QObject>
#include <QStringList>
#include <QUndoStack>
#include <functional>
#include <optional>
#include <vector>

namespace qc::gui {

template<typename Field> class ProjectEdit;

// Owns the one Project the window shows, its undo history and what is derived for display (violations per
// op). Every edit goes through here: the public edit methods push one ProjectEdit each (the only way the
// project changes besides a reset), and the signals tell models and charts how much changed (a drag only
// re-cuts).
class ProjectController : public QObject
{
    Q_OBJECT
public:
    explicit ProjectController(QObject* parent = nullptr);

    const Project& project() const { return m_project; }
    QUndoStack* undoStack() { return &m_undoStack; }

    // Replaces everything and forgets the undo history: opening a profile file, a new project.
    void resetProject(Project project, const QString& filePath = {});
    // Takes a project a loader built from the current one plus files, as one undo step.
    void adoptProject(Project project, const QString& text);
    QString filePath() const { return m_filePath; }
    void setFilePath(const QString& path);
    bool isModified() const { return !m_undoStack.isClean(); }

    // Undoable edits. Cuts pushed with the same non-zero dragId merge into one undo step.
    int beginDrag() { return ++m_lastDragId; }
    void setCut(int profile, double cut, int dragId = 0);
    void setCutPlan(const CutPlan& plan, const QString& text);
    void setOverride(int op, std::optional<Override::Action> action, const QString& note = {});
    // Returns the validation errors; an invalid rule set is not applied.
    QStringList setRules(const RuleSet& rules, const QString& text);
    // Changes what the cuts measure, converting every cut so that each profile keeps the same ops (a score
    // threshold cannot split units of equal score: there a profile takes the whole tie).
    void setCutBy(CutPlan::CutBy by);
    void setCombine(const CombineSpec& combine);
    void setMetricFlipped(int metric, bool flipped);
    void setMetricAllMeasured(int metric, bool allMeasured);
    // Renames a source; returns false (and changes nothing) for an empty name or one another source has.
    bool setMetricLabel(int metric, const QString& label);
    bool canRenameMetric(int metric, const QString& label) const;
    // Replaces the measured outcomes (one undo step); nothing is re-derived.
    void setOutcomes(std::vector<Outcome> outcomes, const QString& text);

    // The cut that keeps profile between its neighbours (profiles are nested).
    double clampCut(int profile, double cut) const;
    double maxCut() const;

    const std::vector<Violation>& violations() const { return m_violations; }
    int errorCount() const { return m_errorCount; }
    bool opHasViolation(int op) const
    {
        return op >= 0 && size_t(op) < m_opFlag.size() && m_opFlag[size_t(op)];
    }
    QString violationText(int op) const;
    // The ops whose violations the last check changed (named before or after it; empty when the findings
    // are the same): what a drag step must repaint besides the moved cut's ops.
    const std::vector<int>& violationChangedOps() const { return m_violationChangedOps; }
    int profileViolationCount(int profile) const;
    // The error-level findings about profile (all profiles when empty), at most max lines and a "more"
    // line; empty when there are none. What save and export ask about before going on.
    QString errorSummary(const QString& profile = {}, int max = 8) const;
    int opIndex(const QString& name) const { return m_project.inventory().indexOf(name); }

    int selectedOp() const { return m_selectedOp; }
    void setSelectedOp(int op);
    // The profile the user picked (in the profile summary, the trade-off chart or its table), -1 for none.
    int selectedProfile() const { return m_selectedProfile; }
    void setSelectedProfile(int profile);

signals:
    void projectReset(); // inventory, metrics or profiles changed shape: reset models, rebuild charts
    void rankingChanged(); // same ops, new states and ranking (rules, overrides)
    void cutsChanged(); // only the cuts moved (the drag path)
    void violationsChanged();
    void selectedOpChanged(int op);
    void selectedProfileChanged(int profile);
    void outcomesChanged(); // only the outcomes (cuts, ranking and resets change their trade-offs too)
    void filePathChanged(const QString& path);

private:
    template<typename Field> friend class ProjectEdit;

    bool isMetric(int metric) const { return metric >= 0 && size_t(metric) < m_project.metrics().size(); }
    // What ProjectEdit calls: sets one input and tells the views.
    template<typename Field> void apply(const Field& field, const typename Field::Value& value)
    {
        const EditScope scope = field.scope(m_project, value);
        if (change([&](Project& p) { field.set(p, value); }))
            announce(scope);
    }
    template<typename Field>
    void push(Field field, typename Field::Value after, const QString& text, int mergeId = 0);
    void changeMetricChoice(int metric, const MetricChoice& choice, const QString& text);
    // Runs a change; false (project unchanged, a warning logged) when the inputs no longer fit together.
    bool change(const std::function<void(Project&)>& edit);
    void announce(EditScope scope);
    void updateViolations(EditScope scope);
    // Returns whether the findings changed at all.
    bool noteChangedViolationOps(const std::vector<Violation>& previous);
    std::vector<Violation> checkAsSaved() const;

    Project m_project;
    QUndoStack m_undoStack;
    QString m_filePath;
    int m_lastDragId = 0;
    int m_selectedOp = -1;
    int m_selectedProfile = -1;
    Checker::CutFree m_cutFree; // of m_project; kept while only the cuts move
    std::vector<Violation> m_violations;
    int m_errorCount = 0;
    std::vector<std::uint8_t> m_opFlag; // per op: 1 when a violation names it
    std::vector<int> m_profileViolations;
    std::vector<int> m_violationChangedOps;
};

} // namespace qc::gui
