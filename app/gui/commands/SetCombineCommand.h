#pragma once

#include "project/Project.h"

#include <QUndoCommand>

namespace qc::gui {

class ProjectController;

// Changes how the metrics combine into one ranking (mean-rank, max-rank, one metric, weighted) and
// recomputes the ranking; the cut points keep their values in the plan's measure.
class SetCombineCommand : public QUndoCommand
{
public:
    SetCombineCommand(
        ProjectController* controller, CombineSpec before, CombineSpec after, const QString& text);

    void undo() override;
    void redo() override;

private:
    ProjectController* m_controller;
    CombineSpec m_before;
    CombineSpec m_after;
};

} // namespace qc::gui
