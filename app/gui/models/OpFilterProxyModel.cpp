#include "OpFilterProxyModel.h"

#include "OpTableModel.h"
#include "ProjectController.h"

namespace qc::gui {

OpFilterProxyModel::OpFilterProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(OpTableModel::SortRole);
    // Filtering reads the project directly, never a role the table announces on a drag, so a drag does not
    // refilter (a status filter is refreshed explicitly when the cuts settle).
    setFilterRole(Qt::UserRole + 100);
    setDynamicSortFilter(false);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { setFilterText(m_pendingText, m_pendingRegex); });
}

void OpFilterProxyModel::setOpModel(OpTableModel* model)
{
    m_opModel = model;
    setSourceModel(model);
    // Replaces QSortFilterProxyModel's own handler (its only connection to the signal).
    disconnect(model, &QAbstractItemModel::dataChanged, this, nullptr);
    connect(model, &QAbstractItemModel::dataChanged, this, &OpFilterProxyModel::forwardDataChanged);
}

void OpFilterProxyModel::forwardDataChanged(
    const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid() || topLeft.parent().isValid() || rowCount() == 0)
        return;
    // The table's columns are the proxy's (no column filter): only rows are mapped.
    if (topLeft.row() == 0 && bottomRight.row() == sourceModel()->rowCount() - 1) {
        emit dataChanged(index(0, topLeft.column()), index(rowCount() - 1, bottomRight.column()), roles);
        return;
    }
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const QModelIndex first = mapFromSource(sourceModel()->index(row, topLeft.column()));
        if (first.isValid()) // a filtered-out row is not shown
            emit dataChanged(first, index(first.row(), bottomRight.column()), roles);
    }
}

void OpFilterProxyModel::setFilterText(const QString& text, bool regex)
{
    m_debounce.stop();
    const QString pattern = regex ? text : QRegularExpression::escape(text);
    const QRegularExpression expression(pattern, QRegularExpression::CaseInsensitiveOption);
    if (expression == m_nameFilter)
        return;
    m_nameFilter = expression;
    invalidateRowsFilter();
}

void OpFilterProxyModel::setFilterTextDebounced(const QString& text, bool regex)
{
    m_pendingText = text;
    m_pendingRegex = regex;
    m_debounce.start();
}

void OpFilterProxyModel::setComponentFilter(const QString& component)
{
    m_component = component;
    invalidateRowsFilter();
}

void OpFilterProxyModel::setTypeFilter(const QString& opType)
{
    m_type = opType;
    invalidateRowsFilter();
}

void OpFilterProxyModel::setStatusFilter(Status status, int profile)
{
    m_status = status;
    m_statusProfile = profile;
    invalidateRowsFilter();
}

void OpFilterProxyModel::clearFilters()
{
    m_debounce.stop();
    m_nameFilter = QRegularExpression(QString(), QRegularExpression::CaseInsensitiveOption);
    m_component.clear();
    m_type.clear();
    m_status = Status::Any;
    invalidateRowsFilter();
}

bool OpFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_opModel || sourceParent.isValid())
        return true;
    const ProjectController* controller = m_opModel->controller();
    const Project& project = controller->project();
    const Op& op = project.inventory().at(sourceRow);
    if (!m_component.isEmpty() && op.component != m_component)
        return false;
    if (!m_type.isEmpty() && op.opType != m_type)
        return false;
    if (!m_nameFilter.pattern().isEmpty() && m_nameFilter.isValid()
        && !m_nameFilter.match(op.name).hasMatch())
        return false;
    if (m_status == Status::Any)
        return true;
    if (size_t(sourceRow) >= project.ranking().state.size())
        return false;
    const OpState state = project.ranking().state[size_t(sourceRow)];
    switch (m_status) {
    case Status::Any:
        return true;
    case Status::Int8InAny:
        return project.profileCount() > 0 && project.isQuantized(sourceRow, project.profileCount() - 1);
    case Status::KeptByRule:
        return state == OpState::KeptByRule;
    case Status::KeptByOverride:
        return state == OpState::KeptByOverride;
    case Status::ForcedInt8:
        return state == OpState::ForcedInt8;
    case Status::Unranked:
        return state == OpState::Unranked;
    case Status::Unmeasured:
        return state == OpState::Unmeasured;
    case Status::Violations:
        return controller->opHasViolation(sourceRow);
    case Status::AddedInProfile:
        return m_statusProfile >= 1 && m_statusProfile < project.profileCount()
            && project.isQuantized(sourceRow, m_statusProfile)
            && !project.isQuantized(sourceRow, m_statusProfile - 1);
    }
    return true;
}

} // namespace qc::gui
