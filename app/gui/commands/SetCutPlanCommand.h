#pragma once

#include "project/Project.h"

#include <QUndoCommand>

namespace qc::gui {

class ProjectController;

// Replaces the whole cut plan: suggested cuts, renamed or relabelled profiles. Cheap: only re-cuts.
class SetCutPlanCommand : public QUndoCommand
{
public:
    SetCutPlanCommand(ProjectController* controller, CutPlan before, CutPlan after, const QString& text);

    void undo() override;
    void redo() override;

private:
    ProjectController* m_controller;
    CutPlan m_before;
    CutPlan m_after;
};

} // namespace qc::gui
