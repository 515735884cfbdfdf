#include "SetMetricLabelCommand.h"

#include "ProjectController.h"

namespace qc::gui {

SetMetricLabelCommand::SetMetricLabelCommand(
    ProjectController* controller, int metric, QString oldLabel, QString newLabel, const QString& text)
    : m_controller(controller)
    , m_metric(metric)
    , m_old(std::move(oldLabel))
    , m_new(std::move(newLabel))
{
    setText(text);
}

void SetMetricLabelCommand::undo()
{
    m_controller->applyMetricLabel(m_metric, m_old);
}

void SetMetricLabelCommand::redo()
{
    m_controller->applyMetricLabel(m_metric, m_new);
}

} // namespace qc::gui
