#pragma once

#include "project/Project.h"

#include <QUndoCommand>

namespace qc::gui {

class ProjectController;

// Replaces the hand edits (keep / force INT8 with a note) and recomputes the ranking.
class SetOverridesCommand : public QUndoCommand
{
public:
    SetOverridesCommand(ProjectController* controller, std::vector<Override> before,
        std::vector<Override> after, const QString& text);

    void undo() override;
    void redo() override;

private:
    ProjectController* m_controller;
    std::vector<Override> m_before;
    std::vector<Override> m_after;
};

} // namespace qc::gui
