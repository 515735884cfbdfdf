#pragma once

#include <QUndoCommand>

namespace qc::gui {

class ProjectController;

// Reverses (or restores) one metric's polarity, for a source whose direction the importer got wrong, and
// recomputes the ranking.
class SetMetricFlippedCommand : public QUndoCommand
{
public:
    SetMetricFlippedCommand(ProjectController* controller, int metric, bool flipped, const QString& text);

    void undo() override;
    void redo() override;

private:
    ProjectController* m_controller;
    int m_metric;
    bool m_flipped;
};

} // namespace qc::gui
