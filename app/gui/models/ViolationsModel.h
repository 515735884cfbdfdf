#pragma once

#include "check/Violation.h"

#include <QAbstractTableModel>
#include <vector>

namespace qc::gui {

class ProjectController;

// The checker's findings, one row each, except that many warnings of one kind (a partially ranked metric
// gives hundreds of near-identical lines) fold into one row that counts them and lists them in its tooltip.
// Errors are never folded. OpRole gives the inventory index of the op a row names (-1 if none) so the
// violations panel can jump to it; CountRole how many findings a row stands for.
class ViolationsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, KindColumn, ProfileColumn, OpColumn, MessageColumn, ColumnCount };
    enum Role { OpRole = Qt::UserRole + 1, CountRole };
    static constexpr int kFoldAbove = 5; // warnings of one kind beyond this many share one row

    explicit ViolationsModel(ProjectController* controller, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        Violation violation; // the first of the group
        QStringList ops; // every op of a folded group
        int count = 1;
    };
    void rebuildRows();

    ProjectController* m_controller;
    std::vector<Violation> m_violations; // a copy: the model stays consistent between reset signals
    std::vector<Row> m_rows;
};

} // namespace qc::gui
