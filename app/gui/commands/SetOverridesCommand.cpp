#include "SetOverridesCommand.h"

#include "ProjectController.h"

namespace qc::gui {

SetOverridesCommand::SetOverridesCommand(ProjectController* controller, std::vector<Override> before,
    std::vector<Override> after, const QString& text)
    : m_controller(controller)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(text);
}

void SetOverridesCommand::undo()
{
    m_controller->applyOverrides(m_before);
}
void SetOverridesCommand::redo()
{
    m_controller->applyOverrides(m_after);
}

} // namespace qc::gui
