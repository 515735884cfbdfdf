#include "TradeOffModel.h"

#include "ProjectController.h"
#include "chart/ProfileColors.h"

#include <QBrush>
#include <QPalette>

namespace qc::gui {

TradeOffModel::TradeOffModel(ProjectController* controller, QObject* parent)
    : QAbstractTableModel(parent)
    , m_controller(controller)
{
    for (const auto signal : { &ProjectController::projectReset, &ProjectController::rankingChanged,
             &ProjectController::cutsChanged, &ProjectController::outcomesChanged })
        connect(controller, signal, this, &TradeOffModel::changed);
}

void TradeOffModel::changed()
{
    if (m_active)
        refresh();
    else
        m_dirty = true;
}

void TradeOffModel::setActive(bool active)
{
    m_active = active;
    if (active && m_dirty)
        refresh();
}

void TradeOffModel::setMeasure(TradeOff::Measure measure)
{
    if (measure == m_measure)
        return;
    m_measure = measure;
    refresh();
}

void TradeOffModel::refresh()
{
    m_dirty = false;
    beginResetModel();
    m_tradeOff = TradeOff::build(m_controller->project());
    m_rows.clear();
    for (int m = 0; m < int(m_tradeOff.metrics().size()); ++m) {
        const std::vector<QStringList> cells = m_tradeOff.tableRows(m, m_measure);
        for (int p = 0; p < int(cells.size()); ++p)
            m_rows.push_back(
                { m, p, QStringList { m_tradeOff.metrics()[size_t(m)].name } + cells[size_t(p)] });
    }
    endResetModel();
    m_suggestions = m_tradeOff.suggestions(m_measure);
    emit suggestionsChanged(m_suggestions);
}

int TradeOffModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TradeOffModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(TradeOff::tableHeader().size()) + 1;
}

QVariant TradeOffModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[size_t(index.row())];
    const TradeOff::Point& point = m_tradeOff.metrics()[size_t(row.metric)].points[size_t(row.point)];
    switch (role) {
    case Qt::DisplayRole:
        return index.column() < row.cells.size() ? row.cells[index.column()] : QString();
    case Qt::ToolTipRole:
        return point.stale
            ? tr("Measured on other INT8 ops than profile %1 has now: re-measure it, or undo the "
                 "change that moved it")
                  .arg(point.profile)
            : tr("%1 of %2 with %3, from %4")
                  .arg(m_tradeOff.metrics()[size_t(row.metric)].name, point.profile,
                      frameworkDisplayName(point.framework), point.file);
    case Qt::ForegroundRole:
        return point.stale ? QVariant(QBrush(unrankedColor())) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() >= 3 && index.column() <= 10 ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                           : QVariant();
    case ProfileRole:
        return point.profileIndex;
    case MetricRole:
        return row.metric;
    case StaleRole:
        return point.stale;
    default:
        return {};
    }
}

QVariant TradeOffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QStringList header = QStringList { tr("metric") } + TradeOff::tableHeader();
    return section >= 0 && section < header.size() ? header[section] : QVariant();
}

} // namespace qc::gui
