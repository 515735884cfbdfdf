#pragma once

#include "project/Project.h"

#include <QUndoCommand>

namespace qc::gui {

class ProjectController;

// Swaps in a whole project (an imported ranking or inventory), so that a load can be undone.
class ReplaceProjectCommand : public QUndoCommand
{
public:
    ReplaceProjectCommand(ProjectController* controller, Project before, Project after, const QString& text);

    void undo() override;
    void redo() override;

private:
    ProjectController* m_controller;
    Project m_before;
    Project m_after;
};

} // namespace qc::gui
