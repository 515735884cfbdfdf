#include "ProjectController.h"

#include "MetricText.h"
#include "check/Checker.h"
#include "commands/ProjectEdit.h"
#include "io/FileError.h"
#include "profile/CutCarryOver.h"
#include "profile/ProfileCutter.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace qc::gui {

ProjectController::ProjectController(QObject* parent)
    : QObject(parent)
    , m_cutFree(Checker::cutFree(m_project))
{
    updateViolations(EditScope::Shape);
}

void ProjectController::resetProject(Project project, const QString& filePath)
{
    m_undoStack.clear();
    m_selectedOp = -1;
    m_selectedProfile = -1;
    m_project = std::move(project);
    announce(EditScope::Shape);
    m_undoStack.setClean();
    setFilePath(filePath);
}

void ProjectController::adoptProject(Project project, const QString& text)
{
    ProjectInputs before = m_project.inputs();
    m_project = std::move(project);
    announce(EditScope::Shape);
    m_undoStack.push(new ProjectEdit<InputsField>(this, {}, std::move(before), m_project.inputs(), text, 0,
        ProjectEdit<InputsField>::Applied::Already));
}

template<typename Field>
void ProjectController::push(Field field, typename Field::Value after, const QString& text, int mergeId)
{
    typename Field::Value before = field.get(m_project);
    m_undoStack.push(
        new ProjectEdit<Field>(this, std::move(field), std::move(before), std::move(after), text, mergeId));
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
    if (cut == m_project.cutPlan().profiles[size_t(profile)].cut)
        return;
    CutPlan plan = m_project.cutPlan();
    plan.profiles[size_t(profile)].cut = cut;
    const QString text = tr("Move cut of profile %1").arg(plan.profiles[size_t(profile)].name);
    push(CutPlanField {}, std::move(plan), text, dragId);
}

void ProjectController::setCutPlan(const CutPlan& plan, const QString& text)
{
    if (plan == m_project.cutPlan())
        return;
    push(CutPlanField {}, plan, text);
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
    // The carried-over cuts are known only once the new ranking is: apply first, then record the step.
    HandEdits before { m_project.overrides(), m_project.cutPlan() };
    if (!change([&](Project& p) { p.setOverridesKeepingCuts(std::move(overrides)); }))
        return;
    announce(EditScope::Ranking);
    m_undoStack.push(new ProjectEdit<HandEditsField>(this, {}, std::move(before),
        { m_project.overrides(), m_project.cutPlan() }, text, 0,
        ProjectEdit<HandEditsField>::Applied::Already));
}

QStringList ProjectController::setRules(const RuleSet& rules, const QString& text)
{
    const QStringList errors = rules.validate();
    if (!errors.isEmpty() || rules == m_project.rules())
        return errors;
    push(RulesField {}, rules, text);
    return {};
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
    push(CutPlanField {}, std::move(plan), tr("Measure cuts by %1").arg(CutPlan::cutByName(by)));
}

void ProjectController::setCombine(const CombineSpec& combine)
{
    if (combine == m_project.combine())
        return;
    push(CombineField {}, combine, tr("Combine metrics by %1").arg(combine.toString()));
}

void ProjectController::setMetricFlipped(int metric, bool flipped)
{
    if (metric < 0 || size_t(metric) >= m_project.metrics().size()
        || m_project.metrics()[size_t(metric)].flipped == flipped)
        return;
    const QString name = metricShortName(m_project.metrics()[size_t(metric)]);
    MetricChoice choice = MetricChoice::of(m_project.metrics()[size_t(metric)]);
    choice.flipped = flipped;
    changeMetricChoice(metric, choice,
        flipped ? tr("Reverse the polarity of %1").arg(name) : tr("Restore the polarity of %1").arg(name));
}

void ProjectController::setMetricAllMeasured(int metric, bool allMeasured)
{
    if (!isMetric(metric) || m_project.metrics()[size_t(metric)].allMeasured == allMeasured)
        return;
    const QString name = metricShortName(m_project.metrics()[size_t(metric)]);
    MetricChoice choice = MetricChoice::of(m_project.metrics()[size_t(metric)]);
    choice.allMeasured = allMeasured;
    changeMetricChoice(metric, choice,
        allMeasured ? tr("Count every value of %1 as measured").arg(name)
                    : tr("Set aside the no-signal values of %1").arg(name));
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
    MetricChoice choice = MetricChoice::of(m);
    choice.label = name;
    changeMetricChoice(metric, choice, tr("Rename %1 to %2").arg(metricShortName(m), name));
    return true;
}

void ProjectController::changeMetricChoice(int metric, const MetricChoice& choice, const QString& text)
{
    // Legends, headers and tooltips state a source's name and polarity, and the Sources dock its evidence
    // counts: every one of these is a reset, not just a re-rank.
    push(MetricChoiceField { metric }, choice, text);
}

bool ProjectController::change(const std::function<void(Project&)>& edit)
{
    // Rule sets are validated before they get here and loaders derive their project first, so a throw here
    // means data that no longer fits together; the project stays as it was and the window alive.
    try {
        edit(m_project);
        return true;
    } catch (const FileError& e) {
        qWarning("change not applied: %s", qPrintable(e.toString()));
    } catch (const std::exception& e) {
        qWarning("change not applied: %s", e.what());
    }
    return false;
}

void ProjectController::announce(EditScope scope)
{
    if (m_selectedOp >= m_project.inventory().size())
        m_selectedOp = -1;
    if (m_selectedProfile >= m_project.profileCount())
        m_selectedProfile = -1;
    if (scope != EditScope::Cuts) // a drag step keeps what the checker finds about sources and op states
        m_cutFree = Checker::cutFree(m_project);
    updateViolations(scope);
    switch (scope) {
    case EditScope::Outcomes:
        emit outcomesChanged();
        break;
    case EditScope::Cuts:
        emit cutsChanged();
        break;
    case EditScope::Ranking:
        emit rankingChanged();
        break;
    case EditScope::Shape:
        emit projectReset();
        break;
    }
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

void ProjectController::setOutcomes(std::vector<Outcome> outcomes, const QString& text)
{
    if (outcomes == m_project.outcomes())
        return;
    push(OutcomesField {}, std::move(outcomes), text);
}

void ProjectController::setSelectedProfile(int profile)
{
    if (profile < -1 || profile >= m_project.profileCount() || profile == m_selectedProfile)
        return;
    m_selectedProfile = profile;
    emit selectedProfileChanged(profile);
}

void ProjectController::setSelectedOp(int op)
{
    if (op == m_selectedOp)
        return;
    m_selectedOp = op;
    emit selectedOpChanged(op);
}

std::vector<Violation> ProjectController::checkAsSaved() const
{
    // What `quantcut-cli check` finds in the saved file is the checker of stored lists on the lists a save
    // writes. That costs a sort of every name per check (half a second at 100k ops, too slow for a drag),
    // so the list-free check stands in for it where the two provably agree: they differ only in that a
    // forced op is reported once without a profile instead of once per profile (it is INT8 in every
    // profile), which is expanded here. Split fused groups and cuts out of order, where the two also word
    // or count differently, are rare: then the stored-list check runs itself.
    std::vector<Violation> fast = Checker::check(m_project, m_cutFree);
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

void ProjectController::updateViolations(EditScope scope)
{
    const std::vector<Violation> previous = std::exchange(m_violations, checkAsSaved());
    if (!noteChangedViolationOps(previous) && scope == EditScope::Cuts)
        return; // the same findings of the same ops (most drag steps): so are the flags and counts
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

bool ProjectController::noteChangedViolationOps(const std::vector<Violation>& previous)
{
    // The checker reports in a fixed order, so two checks differ in one stretch (a tied cut appears, a rule
    // violation goes): only the ops named there are looked up, not the thousands of unchanged findings.
    m_violationChangedOps.clear();
    const auto [first, firstNow]
        = std::mismatch(previous.begin(), previous.end(), m_violations.begin(), m_violations.end());
    if (first == previous.end() && firstNow == m_violations.end())
        return false; // most drag steps
    auto last = previous.end();
    auto lastNow = m_violations.end();
    while (last != first && lastNow != firstNow && *(last - 1) == *(lastNow - 1))
        --last, --lastNow;
    auto note = [this](const Violation& v) {
        const int op = v.op.isEmpty() ? -1 : m_project.inventory().indexOf(v.op);
        if (op >= 0)
            m_violationChangedOps.push_back(op);
    };
    std::for_each(first, last, note);
    std::for_each(firstNow, lastNow, note);
    std::sort(m_violationChangedOps.begin(), m_violationChangedOps.end());
    m_violationChangedOps.erase(
        std::unique(m_violationChangedOps.begin(), m_violationChangedOps.end()), m_violationChangedOps.end());
    return true;
}

} // namespace qc::gui
