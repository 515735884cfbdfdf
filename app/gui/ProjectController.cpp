#include "ProjectController.h"

#include "MetricText.h"
#include "check/Checker.h"
#include "commands/ReplaceProjectCommand.h"
#include "commands/SetCombineCommand.h"
#include "commands/SetCutCommand.h"
#include "commands/SetCutPlanCommand.h"
#include "commands/SetMetricAllMeasuredCommand.h"
#include "commands/SetMetricFlippedCommand.h"
#include "commands/SetMetricLabelCommand.h"
#include "commands/SetOverridesCommand.h"
#include "commands/SetRulesCommand.h"
#include "io/FileError.h"
#include "profile/CutCarryOver.h"
#include "profile/ProfileCutter.h"

#include <algorithm>
#include <iterator>

namespace qc::gui {

ProjectController::ProjectController(QObject* parent)
    : QObject(parent)
{
    recomputeSafely();
    updateViolations();
}

void ProjectController::resetProject(Project project, const QString& filePath)
{
    m_undoStack.clear();
    m_selectedOp = -1;
    applyProject(std::move(project));
    m_undoStack.setClean();
    setFilePath(filePath);
}

void ProjectController::resetComputedProject(Project project, const QString& filePath)
{
    m_undoStack.clear();
    m_selectedOp = -1;
    applyComputedProject(std::move(project));
    m_undoStack.setClean();
    setFilePath(filePath);
}

void ProjectController::setFilePath(const QString& path)
{
    if (m_filePath == path)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

void ProjectController::setCut(int profile, double cut, int dragId)
{
    if (profile < 0 || profile >= m_project.profileCount())
        return;
    cut = clampCut(profile, cut);
    const double old = m_project.cutPlan().profiles[size_t(profile)].cut;
    if (cut == old)
        return;
    m_undoStack.push(new SetCutCommand(this, profile, old, cut, dragId));
}

void ProjectController::setCutPlan(const CutPlan& plan, const QString& text)
{
    if (plan == m_project.cutPlan())
        return;
    m_undoStack.push(new SetCutPlanCommand(this, m_project.cutPlan(), plan, text));
}

void ProjectController::setOverride(int op, std::optional<Override::Action> action, const QString& note)
{
    if (op < 0 || op >= m_project.inventory().size())
        return;
    const QString& name = m_project.inventory().at(op).name;
    std::vector<Override> overrides = m_project.overrides();
    std::erase_if(overrides, [&](const Override& o) { return o.op == name; });
    QString text;
    if (action) {
        overrides.push_back({ name, *action, note });
        text = *action == Override::Action::Keep ? tr("Keep %1 in higher precision").arg(name)
                                                 : tr("Force %1 to INT8").arg(name);
    } else {
        text = tr("Clear hand edit of %1").arg(name);
    }
    if (overrides == m_project.overrides())
        return;
    m_undoStack.push(new SetOverridesCommand(
        this, m_project.overrides(), m_project.cutPlan(), std::move(overrides), text));
}

QStringList ProjectController::setRules(const RuleSet& rules, const QString& text)
{
    const QStringList errors = rules.validate();
    if (!errors.isEmpty() || rules == m_project.rules())
        return errors;
    m_undoStack.push(new SetRulesCommand(this, m_project.rules(), rules, text));
    return {};
}

void ProjectController::replaceProject(const Project& project, const QString& text)
{
    m_undoStack.push(new ReplaceProjectCommand(this, m_project, project, text));
}

void ProjectController::adoptComputedProject(Project project, const QString& text)
{
    m_undoStack.push(new ReplaceProjectCommand(this, m_project, std::move(project), text, true));
}

void ProjectController::setCutBy(CutPlan::CutBy by)
{
    CutPlan plan = m_project.cutPlan();
    if (plan.by == by)
        return;
    const Ranking& ranking = m_project.ranking();
    for (size_t i = 0; i < plan.profiles.size(); ++i) {
        // The same units in the new measure: each profile keeps exactly what it quantizes.
        const int units = i < m_project.cuts().size()
            ? m_project.cuts()[i].units
            : ProfileCutter::unitsForCut(ranking, plan.by, plan.profiles[i].cut);
        plan.profiles[i].cut = ProfileCutter::cutForUnits(ranking, by, units);
    }
    plan.by = by;
    m_undoStack.push(new SetCutPlanCommand(
        this, m_project.cutPlan(), plan, tr("Measure cuts by %1").arg(CutPlan::cutByName(by))));
}

void ProjectController::setCombine(const CombineSpec& combine)
{
    if (combine == m_project.combine())
        return;
    m_undoStack.push(new SetCombineCommand(
        this, m_project.combine(), combine, tr("Combine metrics by %1").arg(combine.toString())));
}

void ProjectController::setMetricFlipped(int metric, bool flipped)
{
    if (metric < 0 || size_t(metric) >= m_project.metrics().size()
        || m_project.metrics()[size_t(metric)].flipped == flipped)
        return;
    const QString name = metricShortName(m_project.metrics()[size_t(metric)]);
    m_undoStack.push(new SetMetricFlippedCommand(this, metric, flipped,
        flipped ? tr("Reverse the polarity of %1").arg(name) : tr("Restore the polarity of %1").arg(name)));
}

void ProjectController::setMetricAllMeasured(int metric, bool allMeasured)
{
    if (!isMetric(metric) || m_project.metrics()[size_t(metric)].allMeasured == allMeasured)
        return;
    const QString name = metricShortName(m_project.metrics()[size_t(metric)]);
    m_undoStack.push(new SetMetricAllMeasuredCommand(this, metric, allMeasured,
        allMeasured ? tr("Count every value of %1 as measured").arg(name)
                    : tr("Set aside the no-signal values of %1").arg(name)));
}

bool ProjectController::canRenameMetric(int metric, const QString& label) const
{
    const QString name = label.simplified();
    if (!isMetric(metric) || name.isEmpty())
        return false;
    // Names tell sources apart in every legend and picker: two alike would defeat that.
    const std::vector<Metric>& metrics = m_project.metrics();
    for (size_t m = 0; m < metrics.size(); ++m) {
        if (int(m) != metric && metricShortName(metrics[m]) == name)
            return false;
    }
    return true;
}

bool ProjectController::setMetricLabel(int metric, const QString& label)
{
    if (!canRenameMetric(metric, label))
        return false;
    const QString name = label.simplified();
    const Metric& m = m_project.metrics()[size_t(metric)];
    if (m.label == name)
        return true;
    m_undoStack.push(new SetMetricLabelCommand(
        this, metric, m.label, name, tr("Rename %1 to %2").arg(metricShortName(m), name)));
    return true;
}

void ProjectController::applyCombine(CombineSpec combine)
{
    m_project.setCombine(std::move(combine));
    recomputeSafely();
    updateViolations();
    emit rankingChanged();
    emit violationsChanged();
}

void ProjectController::applyMetricFlipped(int metric, bool flipped)
{
    // Legends, headers and tooltips state the polarity: a reset, not just a re-rank.
    changeMetric(metric, [flipped](Metric& m) { m.flipped = flipped; });
}

void ProjectController::applyMetricAllMeasured(int metric, bool allMeasured)
{
    // Evidence, gaps and the ranking all change, and the Sources dock's counts with them.
    changeMetric(metric, [allMeasured](Metric& m) { m.allMeasured = allMeasured; });
}

void ProjectController::applyMetricLabel(int metric, const QString& label)
{
    // The ranking does not depend on the name, but every legend, header and picker shows it; a recompute
    // of a few sources is cheap next to the reset the views do anyway.
    changeMetric(metric, [&label](Metric& m) { m.label = label; });
}

void ProjectController::changeMetric(int metric, const std::function<void(Metric&)>& change)
{
    if (!isMetric(metric))
        return;
    std::vector<Metric> metrics = m_project.metrics();
    change(metrics[size_t(metric)]);
    m_project.setMetrics(std::move(metrics));
    recomputeSafely();
    updateViolations();
    emit projectReset();
    emit violationsChanged();
}

void ProjectController::applyCutPlan(const CutPlan& plan)
{
    const bool sameShape
        = plan.profiles.size() == m_project.cutPlan().profiles.size() && plan.by == m_project.cutPlan().by;
    m_project.setCutPlan(plan);
    m_project.recut();
    updateViolations();
    if (sameShape)
        emit cutsChanged();
    else
        emit projectReset();
    emit violationsChanged();
}

CutPlan ProjectController::applyOverridesKeepingCuts(std::vector<Override> overrides)
{
    const Ranking before = m_project.ranking();
    const std::vector<ProfileCut> cuts = m_project.cuts();
    m_project.setOverrides(std::move(overrides));
    recomputeSafely();
    m_project.setCutPlan(carryCutsOver(before, cuts, m_project.ranking(), m_project.cutPlan()));
    m_project.recut();
    updateViolations();
    emit rankingChanged();
    emit violationsChanged();
    return m_project.cutPlan();
}

void ProjectController::applyOverrides(std::vector<Override> overrides, const CutPlan& plan)
{
    m_project.setOverrides(std::move(overrides));
    m_project.setCutPlan(plan);
    recomputeSafely();
    updateViolations();
    emit rankingChanged();
    emit violationsChanged();
}

void ProjectController::applyRules(RuleSet rules)
{
    m_project.setRules(std::move(rules));
    recomputeSafely();
    updateViolations();
    emit rankingChanged();
    emit violationsChanged();
}

void ProjectController::applyProject(Project project)
{
    m_project = std::move(project);
    recomputeSafely();
    announceProject();
}

void ProjectController::applyComputedProject(Project project)
{
    m_project = std::move(project);
    announceProject();
}

void ProjectController::announceProject()
{
    if (m_selectedOp >= m_project.inventory().size())
        m_selectedOp = -1;
    updateViolations();
    emit projectReset();
    emit violationsChanged();
}

double ProjectController::maxCut() const
{
    return m_project.cutPlan().maxCut(m_project.ranking().eligibleOps(), m_project.ranking().totalParams);
}

double ProjectController::clampCut(int profile, double cut) const
{
    const auto& profiles = m_project.cutPlan().profiles;
    const double lo = profile > 0 ? profiles[size_t(profile - 1)].cut : 0.0;
    const double hi = size_t(profile + 1) < profiles.size() ? profiles[size_t(profile + 1)].cut : maxCut();
    return std::clamp(cut, std::min(lo, hi), std::max(lo, hi));
}

QString ProjectController::violationText(int op) const
{
    if (!opHasViolation(op))
        return {};
    const QString& name = m_project.inventory().at(op).name;
    QStringList lines;
    for (const Violation& v : m_violations) {
        if (v.op == name)
            lines.append((v.profile.isEmpty() ? QString() : v.profile + QStringLiteral(": ")) + v.message);
    }
    return lines.join(QLatin1Char('\n'));
}

int ProjectController::profileViolationCount(int profile) const
{
    return profile >= 0 && size_t(profile) < m_profileViolations.size() ? m_profileViolations[size_t(profile)]
                                                                        : 0;
}

QString ProjectController::errorSummary(const QString& profile, int max) const
{
    QStringList lines;
    int more = 0;
    for (const Violation& v : m_violations) {
        if (v.severity != Violation::Severity::Error || (!profile.isEmpty() && v.profile != profile))
            continue;
        if (lines.size() < max)
            lines.append(
                (v.profile.isEmpty() ? QString() : QStringLiteral("[%1] ").arg(v.profile)) + v.message);
        else
            ++more;
    }
    if (more > 0)
        lines.append(tr("… and %n more", nullptr, more));
    return lines.join(QLatin1Char('\n'));
}

void ProjectController::setSelectedOp(int op)
{
    if (op == m_selectedOp)
        return;
    m_selectedOp = op;
    emit selectedOpChanged(op);
}

void ProjectController::recomputeSafely()
{
    // Rule sets are validated before they get here and loaders recompute their copy first, so a throw here
    // means data that no longer fits together; keep the window alive and let the checker report what it can.
    try {
        m_project.recompute();
    } catch (const FileError& e) {
        qWarning("recompute failed: %s", qPrintable(e.toString()));
    } catch (const std::exception& e) {
        qWarning("recompute failed: %s", e.what());
    }
}

std::vector<Violation> ProjectController::checkAsSaved() const
{
    // What `quantcut-cli check` finds in the saved file is the checker of stored lists on the lists a save
    // writes. That costs a sort of every name per check (half a second at 100k ops, too slow for a drag),
    // so the list-free check stands in for it where the two provably agree: they differ only in that a
    // forced op is reported once without a profile instead of once per profile (it is INT8 in every
    // profile), which is expanded here. Split fused groups and cuts out of order, where the two also word
    // or count differently, are rare: then the stored-list check runs itself.
    std::vector<Violation> fast = Checker::check(m_project);
    if (m_project.inventory().isEmpty())
        return fast; // nothing loaded yet: no profiles to speak of
    const bool unusual = std::any_of(fast.begin(), fast.end(), [](const Violation& v) {
        return v.kind == Violation::Kind::SplitFusedGroup || v.kind == Violation::Kind::CutsOutOfOrder;
    });
    if (unusual)
        return Checker::check(m_project, m_project.lists());
    std::vector<Violation> forced;
    std::vector<Violation> rest;
    for (Violation& v : fast) {
        if (v.kind == Violation::Kind::RuleViolation && v.profile.isEmpty())
            forced.push_back(std::move(v));
        else
            rest.push_back(std::move(v));
    }
    std::vector<Violation> out;
    out.reserve(forced.size() * size_t(m_project.profileCount()) + rest.size());
    for (const ProfileSpec& spec : m_project.cutPlan().profiles) {
        for (Violation v : forced) {
            v.profile = spec.name;
            out.push_back(std::move(v));
        }
    }
    std::move(rest.begin(), rest.end(), std::back_inserter(out));
    return out;
}

void ProjectController::updateViolations()
{
    m_violations = checkAsSaved();
    m_errorCount = Checker::errorCount(m_violations);
    m_opFlag.assign(size_t(m_project.inventory().size()), 0);
    m_profileViolations.assign(size_t(m_project.profileCount()), 0);
    QHash<QString, int> profileIndex;
    for (int p = 0; p < m_project.profileCount(); ++p)
        profileIndex.insert(m_project.cutPlan().profiles[size_t(p)].name, p);
    for (const Violation& v : m_violations) {
        const int p = profileIndex.value(v.profile, -1);
        if (p >= 0 && v.severity == Violation::Severity::Error)
            ++m_profileViolations[size_t(p)];
        // Informational: a partial ranking still ranks the op; unmeasured values have their own style.
        if (v.kind == Violation::Kind::PartialRanking || v.kind == Violation::Kind::Unmeasured
            || v.kind == Violation::Kind::NoSignal || v.kind == Violation::Kind::NotCandidate
            || v.kind == Violation::Kind::TiedCut)
            continue;
        const int op = m_project.inventory().indexOf(v.op);
        if (op >= 0)
            m_opFlag[size_t(op)] = 1;
    }
}

} // namespace qc::gui
