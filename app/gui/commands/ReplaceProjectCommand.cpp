#include "ReplaceProjectCommand.h"

#include "ProjectController.h"

namespace qc::gui {

ReplaceProjectCommand::ReplaceProjectCommand(
    ProjectController* controller, Project before, Project after, const QString& text, bool computed)
    : m_controller(controller)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_computed(computed)
{
    setText(text);
}

void ReplaceProjectCommand::undo()
{
    if (m_computed)
        m_controller->applyComputedProject(m_before);
    else
        m_controller->applyProject(m_before);
}
void ReplaceProjectCommand::redo()
{
    if (m_computed)
        m_controller->applyComputedProject(m_after);
    else
        m_controller->applyProject(m_after);
}

} // namespace qc::gui
