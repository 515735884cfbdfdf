#pragma once

#include "project/Project.h"

#include <QUndoCommand>

namespace qc::gui {

class ProjectController;

// Swaps in a whole project (an imported ranking or inventory), so that a load can be undone. With computed
// set, both projects are taken as they are (their derived state is current: a loader's result, the project
// that was showing) and nothing is recomputed on the way in or out.
class ReplaceProjectCommand : public QUndoCommand
{
public:
    ReplaceProjectCommand(ProjectController* controller, Project before, Project after, const QString& text,
        bool computed = false);

    void undo() override;
    void redo() override;

private:
    ProjectController* m_controller;
    Project m_before;
    Project m_after;
    bool m_computed;
};

} // namespace qc::gui
