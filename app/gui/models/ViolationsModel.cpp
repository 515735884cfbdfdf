#include "ViolationsModel.h"

#include "ProjectController.h"
#include "chart/ProfileColors.h"

#include <QColor>
#include <QHash>

namespace qc::gui {

ViolationsModel::ViolationsModel(ProjectController* controller, QObject* parent)
    : QAbstractTableModel(parent)
    , m_controller(controller)
    , m_violations(controller->violations())
{
    rebuildRows();
    connect(controller, &ProjectController::violationsChanged, this, [this] {
        if (m_violations == m_controller->violations())
            return; // most drag steps change nothing here: keep the view's selection and scroll position
        beginResetModel();
        m_violations = m_controller->violations();
        rebuildRows();
        endResetModel();
    });
}

void ViolationsModel::rebuildRows()
{
    QHash<int, int> warningsOfKind;
    for (const Violation& v : m_violations) {
        if (v.severity == Violation::Severity::Warning)
            ++warningsOfKind[int(v.kind)];
    }
    m_rows.clear();
    QHash<int, size_t> groupRow; // kind -> its folded row
    for (const Violation& v : m_violations) {
        const bool fold
            = v.severity == Violation::Severity::Warning && warningsOfKind[int(v.kind)] > kFoldAbove;
        if (!fold) {
            m_rows.push_back({ v, {}, 1 });
            continue;
        }
        const auto it = groupRow.constFind(int(v.kind));
        if (it == groupRow.cend()) {
            groupRow.insert(int(v.kind), m_rows.size());
            m_rows.push_back({ v, { v.op }, 1 });
        } else {
            Row& row = m_rows[*it];
            row.ops.append(v.op);
            ++row.count;
        }
    }
}

int ViolationsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}
int ViolationsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ViolationsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[size_t(index.row())];
    const Violation& v = row.violation;
    const bool folded = row.count > 1;
    if (role == OpRole)
        return v.op.isEmpty() ? -1 : m_controller->opIndex(v.op);
    if (role == CountRole)
        return row.count;
    if (role == Qt::BackgroundRole && v.severity == Violation::Severity::Error)
        return violationColor(60);
    if (role == Qt::ToolTipRole) {
        if (!folded)
            return v.message;
        constexpr int kListed = 40;
        QString tip = tr("%n warning(s) of this kind, e.g.:\n%1", nullptr, row.count).arg(v.message);
        tip += QStringLiteral("\n\n") + row.ops.mid(0, kListed).join(QLatin1Char('\n'));
        if (row.ops.size() > kListed)
            tip += tr("\n… and %n more", nullptr, int(row.ops.size()) - kListed);
        return tip;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SeverityColumn:
        return severityName(v.severity);
    case KindColumn:
        return folded ? QStringLiteral("%1 ×%2").arg(kindName(v.kind)).arg(row.count) : kindName(v.kind);
    case ProfileColumn:
        return v.profile;
    case OpColumn:
        return folded ? tr("%1 and %n more", nullptr, row.count - 1).arg(v.op) : v.op;
    case MessageColumn:
        return folded ? tr("%n op(s) like: %1", nullptr, row.count).arg(v.message) : v.message;
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
