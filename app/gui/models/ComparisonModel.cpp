#include "ComparisonModel.h"

#include "ProjectController.h"
#include "chart/ProfileColors.h"
#include "compare/ReferenceSchemes.h"

#include <QColor>

namespace qc::gui {

ComparisonModel::ComparisonModel(ProjectController* controller, QObject* parent)
    : QAbstractTableModel(parent)
    , m_controller(controller)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(150);
    connect(&m_timer, &QTimer::timeout, this, &ComparisonModel::refresh);
    connect(controller, &ProjectController::projectReset, this, [this] {
        if (!m_scheme.isEmpty())
            m_reference.reset(); // a built-in scheme is rebuilt on the new inventory
        schedule();
    });
    connect(controller, &ProjectController::rankingChanged, this, &ComparisonModel::schedule);
    connect(controller, &ProjectController::cutsChanged, this, &ComparisonModel::schedule);
}

void ComparisonModel::setReferenceScheme(const QString& name)
{
    m_scheme = name;
    m_reference.reset();
    m_referenceProfile = 0;
    m_referenceLabel = name;
    schedule();
}

void ComparisonModel::setReferenceProject(Project reference, int profile, const QString& label)
{
    m_scheme.clear();
    m_reference = std::move(reference);
    m_referenceProfile = profile;
    m_referenceLabel = label;
    schedule();
}

void ComparisonModel::setProfile(int profile)
{
    m_profile = profile;
    schedule();
}

void ComparisonModel::setActive(bool active)
{
    m_active = active;
    if (m_active && m_stale)
        schedule();
}

void ComparisonModel::schedule()
{
    m_stale = true;
    if (m_active)
        m_timer.start();
}

void ComparisonModel::refresh()
{
    const Project& project = m_controller->project();
    beginResetModel();
    m_diff.reset();
    if (project.profileCount() > 0 && !project.inventory().isEmpty() && !m_referenceLabel.isEmpty()) {
        if (!m_reference && !m_scheme.isEmpty())
            m_reference = ReferenceSchemes::byName(m_scheme, project.inventory());
        const int profile
            = m_profile >= 0 && m_profile < project.profileCount() ? m_profile : project.profileCount() - 1;
        if (m_reference && m_referenceProfile < m_reference->profileCount())
            m_diff = ProfileDiff::compute(project, profile, *m_reference, m_referenceProfile);
    }
    m_stale = false;
    endResetModel();
    emit summaryChanged(summary());
}

QString ComparisonModel::summary() const
{
    if (!m_diff)
        return tr("Choose a reference to compare with.");
    const ProfileDiff& d = *m_diff;
    return tr(
        "<b>%1</b> against <b>%2</b>: INT8 in both %3 · only in the profile %4 · only in the reference %5 · "
        "in neither %6 · overlap (Jaccard) %7%8")
        .arg(d.nameA.toHtmlEscaped(), d.nameB.toHtmlEscaped())
        .arg(d.both.size())
        .arg(d.onlyA.size())
        .arg(d.onlyB.size())
        .arg(d.neither)
        .arg(QString::number(d.jaccard, 'f', 3))
        .arg(d.unmatchedB.isEmpty()
                ? QString()
                : tr(" · %1 reference ops not in this inventory").arg(d.unmatchedB.size()));
}

int ComparisonModel::layerOf(const QString& op) const
{
    const int index = m_controller->opIndex(op);
    return index >= 0 ? m_controller->project().inventory().at(index).layer : -1;
}

int ComparisonModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_diff ? 0 : int(m_diff->disagreements.size());
}

int ComparisonModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComparisonModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProfileDiff::Disagreement& x = m_diff->disagreements[size_t(index.row())];
    const auto status = [](bool int8) { return int8 ? tr("INT8") : tr("kept"); };
    switch (role) {
    case OpRole:
        return m_controller->opIndex(x.op);
    case SortRole:
        if (index.column() == SensitivityColumn)
            return x.sensitivity;
        if (index.column() == LayerColumn)
            return layerOf(x.op);
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case OpColumn:
            return x.op;
        case LayerColumn: {
            const int layer = layerOf(x.op);
            return layer >= 0 ? QVariant(layer) : QVariant(QStringLiteral("–"));
        }
        case SensitivityColumn:
            return QString::number(x.sensitivity, 'f', 3);
        case ProjectColumn:
            return status(x.quantizedA);
        case ReferenceColumn:
            return status(x.quantizedB);
        }
        return {};
    case Qt::BackgroundRole:
        // The reference quantizing an op the ranking rates sensitive is the disagreement that can hurt.
        if (x.quantizedB && index.column() == ReferenceColumn) {
            // A heat of the metrics' colour: red is kept for violations.
            QColor heat = metricColor(0);
            heat.setAlpha(int(40 + 120 * x.sensitivity));
            return heat;
        }
        return {};
    case Qt::ToolTipRole:
        return tr("%1: sensitivity %2 (mean normalized metric rank, 1 = most sensitive); %3 in the profile, "
                  "%4 in %5")
            .arg(x.op, QString::number(x.sensitivity, 'f', 3), status(x.quantizedA), status(x.quantizedB),
                m_referenceLabel);
    }
    return {};
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OpColumn:
        return tr("Op");
    case LayerColumn:
        return tr("Layer");
    case SensitivityColumn:
        return tr("Sensitivity");
    case ProjectColumn:
        return tr("Profile");
    case ReferenceColumn:
        return tr("Reference");
    }
    return {};
}

} // namespace qc::gui
