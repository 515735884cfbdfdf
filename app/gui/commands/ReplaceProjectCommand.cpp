#include "ReplaceProjectCommand.h"

#include "ProjectController.h"

namespace qc::gui {

ReplaceProjectCommand::ReplaceProjectCommand(
    ProjectController* controller, Project before, Project after, const QString& text)
    : m_controller(controller)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(text);
}

void ReplaceProjectCommand::undo()
{
    m_controller->applyProject(m_before);
}
void ReplaceProjectCommand::redo()
{
    m_controller->applyProject(m_after);
}

} // namespace qc::gui
