#pragma once

#include <QString>
#include <QUndoCommand>

namespace qc::gui {

class ProjectController;

// Renames one source (its display name, stored as the metric's label in the profile file).
class SetMetricLabelCommand : public QUndoCommand
{
public:
    SetMetricLabelCommand(
        ProjectController* controller, int metric, QString oldLabel, QString newLabel, const QString& text);

    void undo() override;
    void redo() override;

private:
    ProjectController* m_controller;
    int m_metric;
    QString m_old;
    QString m_new;
};

} // namespace qc::gui
