#include "SetCutPlanCommand.h"

#include "ProjectController.h"

namespace qc::gui {

SetCutPlanCommand::SetCutPlanCommand(
    ProjectController* controller, CutPlan before, CutPlan after, const QString& text)
    : m_controller(controller)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(text);
}

void SetCutPlanCommand::undo()
{
    m_controller->applyCutPlan(m_before);
}
void SetCutPlanCommand::redo()
{
    m_controller->applyCutPlan(m_after);
}

} // namespace qc::gui
