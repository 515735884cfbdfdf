#pragma once

#include "project/Project.h"

#include <QUndoCommand>

namespace qc::gui {

class ProjectController;

// Replaces the rule list (add, edit, disable, reorder, presets) and recomputes the ranking.
class SetRulesCommand : public QUndoCommand
{
public:
    SetRulesCommand(ProjectController* controller, RuleSet before, RuleSet after, const QString& text);

    void undo() override;
    void redo() override;

private:
    ProjectController* m_controller;
    RuleSet m_before;
    RuleSet m_after;
};

} // namespace qc::gui
