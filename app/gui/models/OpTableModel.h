#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

namespace qc {
class Project;
struct Override;
} // namespace qc

namespace qc::gui {

class ProjectController;

// One row per inventory op, in model order: identity, each metric's raw value (greyed when it is not a
// measurement) and normalized rank, the combined rank, what the values are worth (evidence), per profile INT8
// or kept with the reason, and the hand edit with its note (the note is edited in place: K and I act at once,
// the why comes after). Reads the controller's project on demand, so a drag only announces which columns
// changed; nothing is copied per row.
class OpTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers as numbers (NaN sorts first), text as text
        OpIndexRole, // the inventory index of the row's op
        ViolationRole, // true when a violation names the op
    };
    enum FixedColumn { NameColumn, TypeColumn, ComponentColumn, LayerColumn, ParamsColumn, FixedColumnCount };

    explicit OpTableModel(ProjectController* controller, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // Column layout: fixed columns, the evidence, then (value, rank) per metric, the combined rank, one
    // column per profile. The evidence is one column for all metrics, next to the values it qualifies:
    // whether anything measured the op is what decides if it ranks; where the metrics disagree its text names
    // each.
    int evidenceColumn() const { return FixedColumnCount; }
    int metricValueColumn(int metric) const { return FixedColumnCount + 1 + 2 * metric; }
    int metricRankColumn(int metric) const { return metricValueColumn(metric) + 1; }
    // The metric of a value or rank column, -1 for any other column.
    int metricOfColumn(int column) const;
    bool isRankColumn(int column) const
    {
        return metricOfColumn(column) >= 0 && column == metricRankColumn(metricOfColumn(column));
    }
    int combinedColumn() const;
    int profileColumn(int profile) const { return combinedColumn() + 1 + profile; }
    int editColumn() const { return profileColumn(m_profileCount); } // the hand edit and its note
    // "INT8", or "kept: <reason>"
    QString statusText(int op, int profile) const;
    // "measured", "no signal", "not a candidate", "missing" when every metric agrees, else per metric:
    // "mixed — AutoQuant…: no signal, MSE_V2: measured". Empty without metrics.
    QString evidenceText(int op) const;

    const ProjectController* controller() const { return m_controller; }

private:
    void announceDerivedChange();
    // A drag step: only the cells of the ops that changed sides of a cut, and the rows of ops whose
    // violations changed, so that the table repaints nothing when none of them is on screen.
    void announceCutChange();
    // The ops that changed sides of some cut since the last announcement, per profile; false when there
    // are more than the per-cell signals are worth.
    bool collectMovedOps(std::vector<std::vector<int>>& movedByProfile) const;
    void announceProfileHeaders();
    void rememberShownState();
    const Override* overrideOf(int op) const;
    const Project& project() const;

    ProjectController* m_controller;
    int m_metricCount = 0;
    int m_profileCount = 0;
    std::vector<int> m_shownUnits; // per profile: the INT8 units the table last announced
    QStringList m_shownHeaders; // per profile: the header text last announced
};

} // namespace qc::gui
