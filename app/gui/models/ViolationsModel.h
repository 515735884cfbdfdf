#pragma once

#include "profile/Violation.h"

#include <QAbstractTableModel>
#include <vector>

namespace qc::gui {

class ProjectController;

// The checker's findings, one row each; OpRole gives the inventory index of the op a row names (-1 if none)
// so the violations panel can jump to it.
class ViolationsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, KindColumn, ProfileColumn, OpColumn, MessageColumn, ColumnCount };
    enum Role { OpRole = Qt::UserRole + 1 };

    explicit ViolationsModel(ProjectController* controller, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ProjectController* m_controller;
    std::vector<Violation> m_violations; // a copy: the model stays consistent between reset signals
};

} // namespace qc::gui
