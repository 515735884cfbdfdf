#pragma once

#include "check/Violation.h"
#include "project/Project.h"

#include <QObject>
#include <QStringList>
#include <QUndoStack>
#include <functional>
#include <optional>
#include <vector>

namespace qc::gui {

// Owns the one Project the window shows, its undo history and what is derived for display (violations per
// op). Every edit goes through here: the public edit methods push undoable commands, the apply* methods are
// what those commands call, and the signals tell models and charts how much changed (a drag only re-cuts).
class ProjectController : public QObject
{
    Q_OBJECT
public:
    explicit ProjectController(QObject* parent = nullptr);

    const Project& project() const { return m_project; }
    QUndoStack* undoStack() { return &m_undoStack; }

    // Replaces everything and forgets the undo history: opening a profile file, a new project.
    void resetProject(Project project, const QString& filePath = {});
    // The same for a project whose derived state is current (ProjectLoader recomputed it in the background).
    void resetComputedProject(Project project, const QString& filePath = {});
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
    void replaceProject(const Project& project, const QString& text);
    // Takes a project its loader already computed (recompute() done on the same inputs) as is: no second
    // recompute on the GUI thread. Undoable like replaceProject.
    void adoptComputedProject(Project project, const QString& text);
    // Changes what the cuts measure, converting every cut so that each profile keeps the same ops (a score
    // threshold cannot split units of equal score: there a profile takes the whole tie).
    void setCutBy(CutPlan::CutBy by);
    void setCombine(const CombineSpec& combine);
    void setMetricFlipped(int metric, bool flipped);
    void setMetricAllMeasured(int metric, bool allMeasured);
    // Renames a source; returns false (and changes nothing) for an empty name or one another source has.
    bool setMetricLabel(int metric, const QString& label);
    bool canRenameMetric(int metric, const QString& label) const;

    // The primitives the commands call; not undoable by themselves.
    void applyCutPlan(const CutPlan& plan);
    void applyOverrides(std::vector<Override> overrides, const CutPlan& plan);
    // Applies hand edits and moves the cut values so that no other op changes its decision in any profile;
    // returns the cut plan that did it (what redo applies again).
    CutPlan applyOverridesKeepingCuts(std::vector<Override> overrides);
    void applyRules(RuleSet rules);
    void applyProject(Project project);
    void applyComputedProject(Project project); // derived state already current
    void applyCombine(CombineSpec combine);
    void applyMetricFlipped(int metric, bool flipped);
    void applyMetricAllMeasured(int metric, bool allMeasured);
    void applyMetricLabel(int metric, const QString& label);

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
    int profileViolationCount(int profile) const;
    // The error-level findings about profile (all profiles when empty), at most max lines and a "more"
    // line; empty when there are none. What save and export ask about before going on.
    QString errorSummary(const QString& profile = {}, int max = 8) const;
    int opIndex(const QString& name) const { return m_project.inventory().indexOf(name); }

    int selectedOp() const { return m_selectedOp; }
    void setSelectedOp(int op);

signals:
    void projectReset(); // inventory, metrics or profiles changed shape: reset models, rebuild charts
    void rankingChanged(); // same ops, new states and ranking (rules, overrides)
    void cutsChanged(); // only the cuts moved (the drag path)
    void violationsChanged();
    void selectedOpChanged(int op);
    void filePathChanged(const QString& path);

private:
    bool isMetric(int metric) const { return metric >= 0 && size_t(metric) < m_project.metrics().size(); }
    // Changes one metric, recomputes and announces a reset (names and evidence show in every legend).
    void changeMetric(int metric, const std::function<void(Metric&)>& change);
    void recomputeSafely();
    void announceProject();
    void updateViolations();
    std::vector<Violation> checkAsSaved() const;

    Project m_project;
    QUndoStack m_undoStack;
    QString m_filePath;
    int m_lastDragId = 0;
    int m_selectedOp = -1;
    std::vector<Violation> m_violations;
    int m_errorCount = 0;
    std::vector<std::uint8_t> m_opFlag; // per op: 1 when a violation names it
    std::vector<int> m_profileViolations;
};

} // namespace qc::gui
