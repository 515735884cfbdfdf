#include "SetMetricFlippedCommand.h"

#include "ProjectController.h"

namespace qc::gui {

SetMetricFlippedCommand::SetMetricFlippedCommand(
    ProjectController* controller, int metric, bool flipped, const QString& text)
    : m_controller(controller)
    , m_metric(metric)
    , m_flipped(flipped)
{
    setText(text);
}

void SetMetricFlippedCommand::undo()
{
    m_controller->applyMetricFlipped(m_metric, !m_flipped);
}
void SetMetricFlippedCommand::redo()
{
    m_controller->applyMetricFlipped(m_metric, m_flipped);
}

} // namespace qc::gui
