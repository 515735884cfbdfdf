#pragma once

#include <QAbstractTableModel>

namespace qc::gui {

class ProjectController;

// One row per loaded source (metric): its name (editable, undoable), where it came from, its polarity (the
// "Reversed" column is checkable and undoable), how many of its values carry no signal and how its names
// matched the inventory: matched, unmatched and ambiguous counts.
class SourcesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        PolarityColumn,
        ReversedColumn,
        MatchedColumn,
        NoSignalColumn, // values that cannot rank (see the gaps in sourceReport)
        UnmatchedColumn,
        AmbiguousColumn,
        FormatColumn, // where it came from last: the counts matter more at the dock's width
        FileColumn,
        ColumnCount
    };

    explicit SourcesModel(ProjectController* controller, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // The names of one source that match no op, or several: at most limit of each, then a count of the rest.
    QString matchReport(int row, int limit = 200) const;
    // What the source is: name, format, number format and effective bits, the run's facts, how many values
    // are measured, no signal, not a candidate or missing, and why values are no signal.
    QString sourceReport(int row) const;

private:
    int noSignal(int row) const;

    ProjectController* m_controller;
    int m_rows = 0;
};

} // namespace qc::gui
