#include "SetMetricAllMeasuredCommand.h"

#include "ProjectController.h"

namespace qc::gui {

SetMetricAllMeasuredCommand::SetMetricAllMeasuredCommand(
    ProjectController* controller, int metric, bool allMeasured, const QString& text)
    : m_controller(controller)
    , m_metric(metric)
    , m_allMeasured(allMeasured)
{
    setText(text);
}

void SetMetricAllMeasuredCommand::undo()
{
    m_controller->applyMetricAllMeasured(m_metric, !m_allMeasured);
}

void SetMetricAllMeasuredCommand::redo()
{
    m_controller->applyMetricAllMeasured(m_metric, m_allMeasured);
}

} // namespace qc::gui
