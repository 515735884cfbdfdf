#include "SetCombineCommand.h"

#include "ProjectController.h"

namespace qc::gui {

SetCombineCommand::SetCombineCommand(
    ProjectController* controller, CombineSpec before, CombineSpec after, const QString& text)
    : m_controller(controller)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(text);
}

void SetCombineCommand::undo()
{
    m_controller->applyCombine(m_before);
}
void SetCombineCommand::redo()
{
    m_controller->applyCombine(m_after);
}

} // namespace qc::gui
