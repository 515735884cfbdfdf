#include "SetRulesCommand.h"

#include "ProjectController.h"

namespace qc::gui {

SetRulesCommand::SetRulesCommand(
    ProjectController* controller, RuleSet before, RuleSet after, const QString& text)
    : m_controller(controller)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(text);
}

void SetRulesCommand::undo()
{
    m_controller->applyRules(m_before);
}
void SetRulesCommand::redo()
{
    m_controller->applyRules(m_after);
}

} // namespace qc::gui
