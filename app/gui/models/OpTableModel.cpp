#include "OpTableModel.h"

#include "MetricText.h"
#include "ProjectController.h"
#include "chart/ProfileColors.h"
#include "rules/Override.h"

#include <QColor>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace qc::gui {

OpTableModel::OpTableModel(ProjectController* controller, QObject* parent)
    : QAbstractTableModel(parent)
    , m_controller(controller)
    , m_metricCount(int(controller->project().metrics().size()))
    , m_profileCount(controller->project().profileCount())
{
    connect(controller, &ProjectController::projectReset, this, [this] {
        beginResetModel();
        m_metricCount = int(project().metrics().size());
        m_profileCount = project().profileCount();
        rememberShownState();
        endResetModel();
    });
    connect(controller, &ProjectController::rankingChanged, this, &OpTableModel::announceDerivedChange);
    connect(controller, &ProjectController::cutsChanged, this, &OpTableModel::announceCutChange);
    rememberShownState();
}

void OpTableModel::rememberShownState()
{
    const Project& p = project();
    m_shownUnits.clear();
    for (const ProfileCut& cut : p.cuts())
        m_shownUnits.push_back(cut.units);
    m_shownHeaders.clear();
    for (int i = 0; i < m_profileCount; ++i)
        m_shownHeaders.append(headerData(profileColumn(i), Qt::Horizontal).toString());
}

const Project& OpTableModel::project() const
{
    return m_controller->project();
}

int OpTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : project().inventory().size();
}

int OpTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : editColumn() + 1;
}

int OpTableModel::combinedColumn() const
{
    return metricValueColumn(m_metricCount);
}

int OpTableModel::metricOfColumn(int column) const
{
    return column >= metricValueColumn(0) && column < combinedColumn() ? (column - metricValueColumn(0)) / 2
                                                                       : -1;
}

namespace {
// The roles a re-rank or a re-cut changes. SortRole is left out on purpose: re-sorting 100k rows on every
// drag step would cost more than the whole drag budget; the view re-sorts on header click.
const QList<int> kDerivedRoles { Qt::DisplayRole, Qt::BackgroundRole, Qt::ToolTipRole,
    OpTableModel::ViolationRole };
// Past this many changed cells one signal per profile column is cheaper than one per cell (each goes
// through the filter proxy to both views).
constexpr size_t kMaxCellSignals = 2000;
} // namespace

void OpTableModel::announceDerivedChange()
{
    // One signal for the derived columns and the row colour.
    rememberShownState();
    if (rowCount() == 0)
        return;
    emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), kDerivedRoles);
    if (m_profileCount > 0) // names and labels are editable
        emit headerDataChanged(Qt::Horizontal, profileColumn(0), columnCount() - 1);
}

bool OpTableModel::collectMovedOps(std::vector<std::vector<int>>& movedByProfile) const
{
    const Ranking& r = project().ranking();
    const std::vector<ProfileCut>& cuts = project().cuts();
    movedByProfile.assign(size_t(m_profileCount), {});
    size_t total = 0;
    for (size_t i = 0; i < movedByProfile.size(); ++i) {
        const int from = std::min(m_shownUnits[i], cuts[i].units);
        const int to = std::max(m_shownUnits[i], cuts[i].units);
        for (int k = from; k < to; ++k) {
            const std::span<const int> members = r.units[size_t(r.order[size_t(k)])].members;
            total += members.size();
            if (total > kMaxCellSignals)
                return false;
            movedByProfile[i].insert(movedByProfile[i].end(), members.begin(), members.end());
        }
    }
    return true;
}

void OpTableModel::announceCutChange()
{
    const Project& p = project();
    const std::vector<int>& violationOps = m_controller->violationChangedOps();
    if (rowCount() == 0 || int(p.cuts().size()) != m_profileCount || m_shownUnits.size() != p.cuts().size()
        || violationOps.size() > kMaxCellSignals)
        return announceDerivedChange();
    std::vector<std::vector<int>> moved;
    if (collectMovedOps(moved)) {
        for (size_t i = 0; i < moved.size(); ++i) {
            for (const int op : moved[i]) {
                const QModelIndex cell = index(op, profileColumn(int(i)));
                emit dataChanged(cell, cell, kDerivedRoles);
            }
        }
    } else {
        for (int i = 0; i < m_profileCount; ++i) {
            if (m_shownUnits[size_t(i)] != p.cuts()[size_t(i)].units)
                emit dataChanged(
                    index(0, profileColumn(i)), index(rowCount() - 1, profileColumn(i)), kDerivedRoles);
        }
    }
    for (const int op : violationOps) // the row colour, its tooltips
        emit dataChanged(index(op, 0), index(op, columnCount() - 1), kDerivedRoles);
    for (size_t i = 0; i < m_shownUnits.size(); ++i)
        m_shownUnits[i] = p.cuts()[i].units;
    announceProfileHeaders();
}

void OpTableModel::announceProfileHeaders()
{
    // Names and labels are editable (a rename is a cut-plan change): tell the header only when one changed.
    for (int i = 0; i < m_profileCount; ++i) {
        const QString text = headerData(profileColumn(i), Qt::Horizontal).toString();
        if (text != m_shownHeaders[qsizetype(i)]) {
            m_shownHeaders[qsizetype(i)] = text;
            emit headerDataChanged(Qt::Horizontal, profileColumn(i), profileColumn(i));
        }
    }
}

QString OpTableModel::statusText(int op, int profile) const
{
    const QString reason = project().keepReason(op, profile);
    return reason.isEmpty() ? QStringLiteral("INT8") : tr("kept: %1").arg(reason);
}

namespace {
QString evidencePhrase(Evidence e)
{
    switch (e) {
    case Evidence::Measured:
        return OpTableModel::tr("measured");
    case Evidence::NotCandidate:
        return OpTableModel::tr("not a candidate");
    case Evidence::NoSignal:
        return OpTableModel::tr("no signal");
    case Evidence::Missing:
        return OpTableModel::tr("missing");
    }
    return {};
}
} // namespace

QString OpTableModel::evidenceText(int op) const
{
    const std::vector<OpScores>& scores = project().scores();
    if (scores.empty() || size_t(op) >= scores.front().evidence.size())
        return {};
    const Evidence first = scores.front().evidence[size_t(op)];
    const bool same = std::all_of(
        scores.begin(), scores.end(), [&](const OpScores& s) { return s.evidence[size_t(op)] == first; });
    if (same)
        return evidencePhrase(first);
    QStringList parts;
    for (size_t m = 0; m < scores.size() && m < project().metrics().size(); ++m)
        parts.append(QStringLiteral("%1: %2").arg(
            metricAbbreviation(project().metrics()[m]), evidencePhrase(scores[m].evidence[size_t(op)])));
    return tr("mixed — %1").arg(parts.join(QStringLiteral(", ")));
}

QVariant OpTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int op = index.row();
    const int column = index.column();
    const Project& p = project();
    const Op& o = p.inventory().at(op);
    const Ranking& ranking = p.ranking();
    const bool rankingReady = size_t(op) < ranking.state.size();

    if (role == OpIndexRole)
        return op;
    if (role == ViolationRole)
        return m_controller->opHasViolation(op);
    if (role == Qt::BackgroundRole) {
        if (m_controller->opHasViolation(op))
            return violationColor(90); // translucent: readable on light and dark palettes
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return column >= LayerColumn && column < profileColumn(0) && column != evidenceColumn()
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole) {
        // A value that is not a measurement is shown as the source states it, but greyed: it does not rank.
        const int metric = metricOfColumn(column);
        if (metric >= 0 && !isRankColumn(column) && size_t(metric) < p.scores().size()
            && !p.scores()[size_t(metric)].isMeasured(op))
            return unrankedColor();
        if (column == evidenceColumn() && evidenceText(op) != evidencePhrase(Evidence::Measured))
            return unrankedColor();
        return {};
    }
    if (column == editColumn()) {
        const Override* edit = overrideOf(op);
        if (role == Qt::EditRole)
            return edit ? edit->note : QString();
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole) {
            if (!edit)
                return role == Qt::ToolTipRole ? tr("No hand edit (K keeps, I forces INT8)") : QString();
            const QString action = edit->action == Override::Action::Keep ? tr("keep") : tr("INT8");
            if (role == Qt::ToolTipRole)
                return tr("%1 by hand: %2\nDouble-click or F2 to edit the note")
                    .arg(action, edit->note.isEmpty() ? tr("(no note)") : edit->note);
            return edit->note.isEmpty() ? action : QString(action + QStringLiteral(" — ") + edit->note);
        }
    }
    if (role == Qt::ToolTipRole) {
        QString tip = o.name;
        if (column == evidenceColumn()) {
            for (size_t m = 0; m < p.scores().size() && m < p.metrics().size(); ++m)
                tip += QStringLiteral("\n%1: %2")
                           .arg(metricShortName(p.metrics()[m]),
                               evidencePhrase(p.scores()[m].evidence[size_t(op)]));
        }
        if (column >= profileColumn(0) && column < editColumn() && rankingReady)
            tip += QStringLiteral("\n") + p.cutPlan().profiles[size_t(column - profileColumn(0))].name
                + QStringLiteral(": ") + statusText(op, column - profileColumn(0));
        const QString violations = m_controller->violationText(op);
        if (!violations.isEmpty())
            tip += QStringLiteral("\n\n") + violations;
        return tip;
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};

    const bool sort = role == SortRole;
    auto number = [&](double v, int precision) -> QVariant {
        if (sort)
            return std::isnan(v) ? -1.0 : v;
        return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'g', precision);
    };
    switch (column) {
    case NameColumn:
        return o.name;
    case TypeColumn:
        return o.opType;
    case ComponentColumn:
        return o.component;
    case LayerColumn:
        if (sort)
            return o.layer;
        return o.layer >= 0 ? QVariant(o.layer) : QVariant(QStringLiteral("–"));
    case ParamsColumn:
        if (sort)
            return o.params;
        return o.params >= 0 ? QLocale().toString(o.params) : QStringLiteral("?");
    default:
        break;
    }
    if (column == evidenceColumn())
        return evidenceText(op);
    if (const int metric = metricOfColumn(column); metric >= 0) {
        const bool rank = isRankColumn(column);
        if (rank) {
            if (!rankingReady || size_t(metric) >= ranking.metricRank.size())
                return number(std::nan(""), 3);
            return number(double(ranking.metricRank[size_t(metric)][size_t(op)]), 3);
        }
        if (size_t(metric) >= p.scores().size())
            return number(std::nan(""), 4);
        return number(p.scores()[size_t(metric)].values[size_t(op)], 4);
    }
    if (column == combinedColumn())
        return number(rankingReady ? ranking.combinedScore(op) : std::nan(""), 3);
    const int profile = column - profileColumn(0);
    if (!rankingReady || profile >= m_profileCount)
        return {};
    if (sort)
        return p.isQuantized(op, profile) ? 1 : 0;
    return statusText(op, profile);
}

QVariant OpTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    const Project& p = project();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Op");
        case TypeColumn:
            return tr("Type");
        case ComponentColumn:
            return tr("Component");
        case LayerColumn:
            return tr("Layer");
        case ParamsColumn:
            return tr("Params");
        default:
            break;
        }
        if (const int metric = metricOfColumn(section); metric >= 0) {
            // The name elided in the middle (its end tells sibling sources apart); the full name, polarity
            // and source are in the header tooltip.
            const Metric& m = p.metrics()[size_t(metric)];
            return isRankColumn(section) ? QString(tr("rank · ") + metricAbbreviation(m))
                                         : metricAbbreviation(m);
        }
        if (section == combinedColumn())
            return tr("Combined");
        if (section == evidenceColumn())
            return tr("Evidence");
        if (section == editColumn())
            return tr("Hand edit");
        if (section < columnCount()) {
            const ProfileSpec& spec = p.cutPlan().profiles[size_t(section - profileColumn(0))];
            return spec.label.isEmpty() ? spec.name : QString(spec.name + QStringLiteral(" ") + spec.label);
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (const int metric = metricOfColumn(section); metric >= 0) {
            const Metric& m = p.metrics()[size_t(metric)];
            return !isRankColumn(section)
                ? QString(
                    metricToolTip(m) + tr("<br><i>This column: the raw value as the source states it.</i>"))
                : QString(metricToolTip(m)
                    + tr("<br><i>This column: the op's normalized rank by this metric.</i>"));
        }
        if (section == combinedColumn())
            return tr(
                "Combined sensitivity (%1) of the op's unit: 1 = most sensitive; cuts take units from the "
                "least sensitive end.")
                .arg(p.combine().toString());
        if (section == evidenceColumn())
            return tr("What the op's values are worth: measured, no signal (a value that cannot rank, e.g. a "
                      "component all exactly 0), not a candidate (never quantizable) or missing. Only "
                      "measured values rank; an op none measured is kept as \"unmeasured\".");
        if (section == editColumn())
            return tr("The op's hand edit (keep or force INT8, in every profile) and its note; edit the note "
                      "in place");
        if (section > combinedColumn() && section < columnCount())
            return tr("INT8 in this profile, or kept in higher precision and why");
    }
    return {};
}

const Override* OpTableModel::overrideOf(int op) const
{
    const QString& name = project().inventory().at(op).name;
    for (const Override& o : project().overrides()) {
        if (o.op == name)
            return &o;
    }
    return nullptr;
}

Qt::ItemFlags OpTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == editColumn() && overrideOf(index.row()))
        f |= Qt::ItemIsEditable;
    return f;
}

bool OpTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid)
        || index.column() != editColumn())
        return false;
    const Override* edit = overrideOf(index.row());
    if (!edit)
        return false;
    // An undoable edit like the hand edit itself; the ranking signal announces the new text.
    m_controller->setOverride(index.row(), edit->action, value.toString().trimmed());
    return true;
}

} // namespace qc::gui
