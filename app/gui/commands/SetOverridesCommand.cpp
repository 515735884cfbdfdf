#include "SetOverridesCommand.h"

#include "ProjectController.h"

namespace qc::gui {

SetOverridesCommand::SetOverridesCommand(ProjectController* controller, std::vector<Override> before,
    CutPlan planBefore, std::vector<Override> after, const QString& text)
    : m_controller(controller)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_planBefore(std::move(planBefore))
{
    setText(text);
}

void SetOverridesCommand::undo()
{
    m_controller->applyOverrides(m_before, m_planBefore);
}
void SetOverridesCommand::redo()
{
    if (m_planAfter)
        m_controller->applyOverrides(m_after, *m_planAfter);
    else
        m_planAfter = m_controller->applyOverridesKeepingCuts(m_after);
}

} // namespace qc::gui
