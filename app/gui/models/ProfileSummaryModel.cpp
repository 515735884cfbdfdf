#include "ProfileSummaryModel.h"

#include "ColumnHeaders.h"
#include "ProjectController.h"
#include "chart/ProfileColors.h"

#include <QColor>
#include <QLocale>
#include <cmath>

namespace qc::gui {

ProfileSummaryModel::ProfileSummaryModel(ProjectController* controller, QObject* parent)
    : QAbstractTableModel(parent)
    , m_controller(controller)
    , m_rows(controller->project().profileCount())
{
    // Inventory::totalParams() walks every op: cached per project, never per cell.
    m_totalParams = controller->project().inventory().totalParams();
    connect(controller, &ProjectController::projectReset, this, [this] {
        beginResetModel();
        m_rows = m_controller->project().profileCount();
        m_totalParams = m_controller->project().inventory().totalParams();
        endResetModel();
    });
    // Every change the controller announces ends with violationsChanged: one signal per change, after the
    // cuts, the ranking and the counts are all current (a drag step re-measured the dock's columns thrice).
    connect(controller, &ProjectController::violationsChanged, this, [this] {
        if (m_rows > 0)
            emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
    });
}

int ProfileSummaryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}
int ProfileSummaryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProfileSummaryModel::formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 2, QLocale::DataSizeSIFormat);
}

QString ProfileSummaryModel::formatCount(qint64 count)
{
    static const char* const suffixes[] = { "", " K", " M", " G", " T" };
    double value = double(count);
    int unit = 0;
    while (std::abs(value) >= 999.5 && unit < 4)
        value /= 1000.0, ++unit;
    if (unit == 0)
        return QLocale().toString(count);
    const int decimals = std::abs(value) < 9.995 ? 2 : std::abs(value) < 99.95 ? 1 : 0;
    return QLocale().toString(value, 'f', decimals) + QLatin1String(suffixes[unit]);
}

QVariant ProfileSummaryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Project& p = m_controller->project();
    if (size_t(index.row()) >= p.cuts().size())
        return {};
    const ProfileSpec& spec = p.cutPlan().profiles[size_t(index.row())];
    const ProfileCut& cut = p.cuts()[size_t(index.row())];
    const qint64 totalOps = p.inventory().size();
    const qint64 totalParams = m_totalParams;
    const bool paramsKnown = totalParams > 0;
    const double opsFraction = totalOps > 0 ? double(cut.ops) / double(totalOps) : 0.0;
    const double paramsFraction = paramsKnown ? double(cut.params) / double(totalParams) : 0.0;

    if (role == ValueRole) {
        switch (index.column()) {
        case NameColumn:
            return spec.name;
        case LabelColumn:
            return spec.label;
        case CutColumn:
            return spec.cut;
        case OpsColumn:
            return cut.ops;
        case OpsFractionColumn:
            return opsFraction;
        case ParamsColumn:
            return cut.params;
        case ParamsFractionColumn:
            return paramsFraction;
        case MemoryColumn:
            return estimatedBytes(totalParams, cut.params);
        case Bf16MemoryColumn:
            return 2 * totalParams;
        case ViolationsColumn:
            return m_controller->profileViolationCount(index.row());
        }
        return {};
    }
    if (role == Qt::BackgroundRole && index.column() == ViolationsColumn
        && m_controller->profileViolationCount(index.row()) > 0)
        return violationColor(90);
    if (role == Qt::ToolTipRole) {
        const QLocale locale;
        switch (index.column()) {
        case ParamsColumn:
            return tr("%1 of %2 parameters in INT8")
                .arg(locale.toString(cut.params), locale.toString(totalParams));
        case MemoryColumn:
        case Bf16MemoryColumn: {
            const qint64 bytes
                = index.column() == MemoryColumn ? estimatedBytes(totalParams, cut.params) : 2 * totalParams;
            return tr("%1 bytes; %2 of all-bf16")
                .arg(locale.toString(bytes))
                .arg(paramsKnown
                        ? QString(locale.toString(100.0 * double(bytes) / double(2 * totalParams), 'f', 1)
                            + QStringLiteral(" %"))
                        : QStringLiteral("?"));
        }
        default:
            return headerData(index.column(), Qt::Horizontal, Qt::ToolTipRole);
        }
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() >= CutColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                           : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case NameColumn:
        return spec.name;
    case LabelColumn:
        return spec.label;
    case CutColumn:
        return QString::number(spec.cut, 'f', p.cutPlan().by == CutPlan::CutBy::Count ? 0 : 3);
    case OpsColumn:
        return locale.toString(cut.ops);
    case OpsFractionColumn:
        return QString(locale.toString(100.0 * opsFraction, 'f', 1) + QStringLiteral(" %"));
    case ParamsColumn:
        return paramsKnown ? formatCount(cut.params) : QStringLiteral("?");
    case ParamsFractionColumn:
        return paramsKnown ? QString(locale.toString(100.0 * paramsFraction, 'f', 1) + QStringLiteral(" %"))
                           : QStringLiteral("?");
    case MemoryColumn:
        return paramsKnown ? formatBytes(estimatedBytes(totalParams, cut.params)) : QStringLiteral("?");
    case Bf16MemoryColumn:
        return paramsKnown ? formatBytes(2 * totalParams) : QStringLiteral("?");
    case ViolationsColumn:
        return m_controller->profileViolationCount(index.row());
    }
    return {};
}

QVariant ProfileSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    // Short titles so that the weight-memory columns fit the default dock width; tooltips say it in full.
    static const char* const titles[ColumnCount]
        = { "Profile", "Label", "Cut", "Ops", "% all", "Params", "Par. %", "Weights", "bf16", "Viol." };
    static const char* const tips[ColumnCount]
        = { "Profile name", "Profile label", "Cut point in the plan's measure",
              "Ops this profile runs in INT8 (forced ones included)", "Share of all inventory ops in INT8",
              "Parameters in INT8 ops", "Share of all known parameters in INT8",
              "Estimated weight memory: 1 byte per INT8 parameter, 2 bytes (bf16) for the rest",
              "Weight memory with everything in bf16 (2 bytes per parameter)",
              "Errors in this profile, counted as quantcut-cli check counts the saved file" };
    return columnHeader("qc::gui::ProfileSummaryModel", section, role, titles, tips);
}

Qt::ItemFlags ProfileSummaryModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && (index.column() == NameColumn || index.column() == LabelColumn))
        f |= Qt::ItemIsEditable;
    return f;
}

bool ProfileSummaryModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid)
        || (index.column() != NameColumn && index.column() != LabelColumn))
        return false;
    CutPlan plan = m_controller->project().cutPlan();
    ProfileSpec& spec = plan.profiles[size_t(index.row())];
    const QString text = value.toString().trimmed();
    if (index.column() == NameColumn) {
        if (text.isEmpty())
            return false;
        for (const ProfileSpec& other : plan.profiles) {
            if (&other != &spec && other.name == text)
                return false; // names identify profiles in files and reasons
        }
        spec.name = text;
    } else {
        spec.label = text;
    }
    m_controller->setCutPlan(plan,
        tr("Rename profile %1").arg(m_controller->project().cutPlan().profiles[size_t(index.row())].name));
    return true;
}

} // namespace qc::gui
