#include "ViolationsModel.h"

#include "ProjectController.h"

#include <QColor>

namespace qc::gui {

ViolationsModel::ViolationsModel(ProjectController* controller, QObject* parent)
    : QAbstractTableModel(parent)
    , m_controller(controller)
    , m_violations(controller->violations())
{
    connect(controller, &ProjectController::violationsChanged, this, [this] {
        if (m_violations == m_controller->violations())
            return; // most drag steps change nothing here: keep the view's selection and scroll position
        beginResetModel();
        m_violations = m_controller->violations();
        endResetModel();
    });
}

int ViolationsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_violations.size());
}
int ViolationsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ViolationsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Violation& v = m_violations[size_t(index.row())];
    if (role == OpRole)
        return v.op.isEmpty() ? -1 : m_controller->opIndex(v.op);
    if (role == Qt::BackgroundRole && v.severity == Violation::Severity::Error)
        return QColor(230, 40, 40, 60);
    if (role == Qt::ToolTipRole)
        return v.message;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SeverityColumn:
        return severityName(v.severity);
    case KindColumn:
        return kindName(v.kind);
    case ProfileColumn:
        return v.profile;
    case OpColumn:
        return v.op;
    case MessageColumn:
        return v.message;
    }
    return {};
}

QVariant ViolationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case KindColumn:
        return tr("Kind");
    case ProfileColumn:
        return tr("Profile");
    case OpColumn:
        return tr("Op");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace qc::gui
