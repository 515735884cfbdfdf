#include "SourcesModel.h"

#include "ColumnHeaders.h"
#include "MetricText.h"
#include "ProjectController.h"
#include "metrics/MetricImporter.h"

#include <QColor>
#include <QFileInfo>
#include <QLocale>
#include <cmath>

namespace qc::gui {

SourcesModel::SourcesModel(ProjectController* controller, QObject* parent)
    : QAbstractTableModel(parent)
    , m_controller(controller)
    , m_rows(int(controller->project().metrics().size()))
{
    connect(controller, &ProjectController::projectReset, this, [this] {
        beginResetModel();
        m_rows = int(m_controller->project().metrics().size());
        endResetModel();
    });
    connect(controller, &ProjectController::rankingChanged, this, [this] {
        if (m_rows > 0) // overrides and rules leave the matching alone, but a combination may change it
            emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
    });
}

int SourcesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int SourcesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourcesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Project& p = m_controller->project();
    if (size_t(index.row()) >= p.metrics().size())
        return {};
    const Metric& m = p.metrics()[size_t(index.row())];
    const Reconciliation* r = size_t(index.row()) < p.reconciliations().size()
        ? &p.reconciliations()[size_t(index.row())]
        : nullptr;
    if (role == Qt::CheckStateRole && index.column() == ReversedColumn)
        return m.flipped ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::EditRole && index.column() == NameColumn)
        return metricShortName(m);
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case NameColumn:
            return QString(metricToolTip(m) + tr("<br><i>Double-click or F2 to rename (undoable).</i>"));
        case NoSignalColumn:
            return tr("Values that cannot rank (exact zeros over a component or block, or a component tied "
                      "at one value); see the details below. \"All values are measured\" counts them.");
        case FileColumn:
            return m.file;
        case ReversedColumn:
            return tr("Check to reverse this source's polarity (undoable): for a source whose direction was "
                      "read wrong. Source says: %1")
                .arg(polarityPhrase(m.sourcePolarity));
        case UnmatchedColumn:
        case AmbiguousColumn:
            return matchReport(index.row(), 20);
        default:
            return metricToolTip(m);
        }
    }
    if (role == Qt::BackgroundRole && r
        && ((index.column() == UnmatchedColumn && !r->unmatched.isEmpty())
            || (index.column() == NoSignalColumn && noSignal(index.row()) > 0)
            || (index.column() == AmbiguousColumn && !r->ambiguous.isEmpty())))
        return QColor(230, 160, 40, 90); // worth a look, not an error
    if (role == Qt::TextAlignmentRole)
        return index.column() >= MatchedColumn && index.column() <= AmbiguousColumn
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case NameColumn:
        return metricShortName(m);
    case FormatColumn:
        return m.format;
    case FileColumn:
        return QFileInfo(m.file).fileName();
    case PolarityColumn:
        return m.polarity() == Polarity::LowerIsMoreSensitive ? tr("lower = sens.") : tr("higher = sens.");
    case ReversedColumn:
        return {};
    case MatchedColumn:
        return r ? locale.toString(r->matchedCount()) : QString();
    case NoSignalColumn:
        return locale.toString(noSignal(index.row()));
    case UnmatchedColumn:
        return r ? locale.toString(r->unmatched.size()) : QString();
    case AmbiguousColumn:
        return r ? locale.toString(r->ambiguous.size()) : QString();
    }
    return {};
}

QVariant SourcesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char* const titles[ColumnCount]
        = { "Source", "Polarity", "Rev.", "Matched", "No sig.", "Unm.", "Amb.", "Format", "File" };
    static const char* const tips[ColumnCount]
        = { "The source's name (double-click to rename) and what it measures",
              "Which direction means more sensitive, as used",
              "Reversed by you: check to flip the polarity (undoable)",
              "Source names matched to an inventory op",
              "Ops whose value carries no signal and is not ranked (details below)",
              "Source names that match no inventory op (listed below)",
              "Source names that match several inventory ops (listed below)", "The importer that read it",
              "The file it came from" };
    return columnHeader("qc::gui::SourcesModel", section, role, titles, tips);
}

Qt::ItemFlags SourcesModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == ReversedColumn)
        f |= Qt::ItemIsUserCheckable;
    if (index.isValid() && index.column() == NameColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool SourcesModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (role == Qt::EditRole && index.column() == NameColumn) {
        const QString name = value.toString();
        if (!m_controller->canRenameMetric(index.row(), name))
            return false;
        // An undoable rename, applied once the editor has closed: it resets every model showing the name,
        // this one included, which must not happen while the view is still committing the editor's data.
        QMetaObject::invokeMethod(
            m_controller, [c = m_controller, row = index.row(), name] { c->setMetricLabel(row, name); },
            Qt::QueuedConnection);
        return true;
    }
    if (role != Qt::CheckStateRole || index.column() != ReversedColumn)
        return false;
    // The controller resets the model (the polarity shows in every legend and header).
    m_controller->setMetricFlipped(index.row(), value.toInt() == Qt::Checked);
    return true;
}

int SourcesModel::noSignal(int row) const
{
    const auto& scores = m_controller->project().scores();
    return row >= 0 && size_t(row) < scores.size()
        ? scores[size_t(row)].countByEvidence()[size_t(Evidence::NoSignal)]
        : 0;
}

QString SourcesModel::sourceReport(int row) const
{
    const Project& p = m_controller->project();
    if (row < 0 || size_t(row) >= p.metrics().size())
        return {};
    const Metric& m = p.metrics()[size_t(row)];
    const QLocale locale;
    QStringList lines;
    lines.append(metricShortName(m));
    QString formatText = m.format;
    for (const MetricImporter::Format& f : MetricImporter::formats()) {
        if (f.id == m.format)
            formatText = QStringLiteral("%1 (%2)").arg(f.description, f.id);
    }
    lines.append(tr("Format: %1").arg(formatText));
    if (!m.numberFormat.isEmpty() || !std::isnan(m.effectiveBits))
        lines.append(tr("Number format: %1%2")
                         .arg(m.numberFormat.isEmpty() ? tr("not stated") : m.numberFormat,
                             std::isnan(m.effectiveBits) ? QString()
                                                         : tr(", %1 effective bits").arg(m.effectiveBits)));
    lines.append(tr("File: %1").arg(m.file));
    if (!m.facts.empty()) {
        lines.append(tr("Run:"));
        for (const auto& [key, value] : m.facts)
            lines.append(QStringLiteral("  %1: %2").arg(key, value));
    }
    if (size_t(row) < p.scores().size()) {
        const OpScores& s = p.scores()[size_t(row)];
        const std::array<int, 4> counts = s.countByEvidence();
        lines.append(tr("Evidence per op: %1 measured, %2 no signal, %3 not a candidate, %4 missing")
                         .arg(locale.toString(counts[size_t(Evidence::Measured)]),
                             locale.toString(counts[size_t(Evidence::NoSignal)]),
                             locale.toString(counts[size_t(Evidence::NotCandidate)]),
                             locale.toString(counts[size_t(Evidence::Missing)])));
        if (m.allMeasured)
            lines.append(tr("All values count as measured (your call): nothing is set aside as no signal."));
        for (const SignalGap& gap : s.gaps)
            lines.append(tr("  No signal, not ranked: %1").arg(gap.describe()));
    }
    return lines.join(QLatin1Char('\n'));
}

QString SourcesModel::matchReport(int row, int limit) const
{
    const Project& p = m_controller->project();
    if (row < 0 || size_t(row) >= p.reconciliations().size() || size_t(row) >= p.metrics().size())
        return {};
    const Metric& m = p.metrics()[size_t(row)];
    const Reconciliation& r = p.reconciliations()[size_t(row)];
    QStringList lines;
    lines.append(tr("%1 (%2): %3 of %4 names matched")
                     .arg(metricShortName(m), QFileInfo(m.file).fileName())
                     .arg(r.matchedCount())
                     .arg(r.ops.size()));
    for (auto it = r.countByHow.cbegin(); it != r.countByHow.cend(); ++it)
        lines.append(QStringLiteral("  %1: %2").arg(it.key()).arg(it.value()));
    auto list = [&](const QString& title, const QStringList& names, bool withCandidates) {
        if (names.isEmpty())
            return;
        lines.append(QString());
        lines.append(title.arg(names.size()));
        QHash<QString, QStringList> candidates;
        if (withCandidates) {
            for (const auto& [e, c] : r.candidates) {
                if (size_t(e) < m.entries.size())
                    candidates.insert(m.entries[size_t(e)].name, c);
            }
        }
        for (qsizetype i = 0; i < names.size() && i < limit; ++i) {
            const QStringList c = candidates.value(names[i]);
            lines.append(c.isEmpty()
                    ? QStringLiteral("  ") + names[i]
                    : QStringLiteral("  %1 → %2").arg(names[i], c.join(QStringLiteral(", "))));
        }
        if (names.size() > limit)
            lines.append(tr("  … and %1 more").arg(names.size() - limit));
    };
    list(tr("Unmatched (%1): not in the inventory, not ranked"), r.unmatched, false);
    list(tr("Ambiguous (%1): match several ops, not ranked"), r.ambiguous, true);
    return lines.join(QLatin1Char('\n'));
}

} // namespace qc::gui
