#pragma once

#include <QUndoCommand>

namespace qc::gui {

class ProjectController;

// Says (or takes back) that every value of one metric is a measurement, so that exact-zero or tied
// components count as ranked values instead of "no signal", and recomputes the ranking. Done like the
// polarity flip (SetMetricFlippedCommand): the controller's apply does the work.
class SetMetricAllMeasuredCommand : public QUndoCommand
{
public:
    SetMetricAllMeasuredCommand(
        ProjectController* controller, int metric, bool allMeasured, const QString& text);

    void undo() override;
    void redo() override;

private:
    ProjectController* m_controller;
    int m_metric;
    bool m_allMeasured;
};

} // namespace qc::gui
