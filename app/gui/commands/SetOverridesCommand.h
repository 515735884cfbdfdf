#pragma once

#include "project/Project.h"

#include <QUndoCommand>
#include <optional>

namespace qc::gui {

class ProjectController;

// Replaces the hand edits (keep / force INT8 with a note) and recomputes the ranking. The cut values move so
// that no other op changes its decision (a fraction cut would otherwise shift with the eligible count); undo
// restores the exact plan before.
class SetOverridesCommand : public QUndoCommand
{
public:
    SetOverridesCommand(ProjectController* controller, std::vector<Override> before, CutPlan planBefore,
        std::vector<Override> after, const QString& text);

    void undo() override;
    void redo() override;

private:
    ProjectController* m_controller;
    std::vector<Override> m_before;
    std::vector<Override> m_after;
    CutPlan m_planBefore;
    std::optional<CutPlan> m_planAfter; // known after the first redo
};

} // namespace qc::gui
