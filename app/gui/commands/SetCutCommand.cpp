#include "SetCutCommand.h"

#include "CommandIds.h"
#include "ProjectController.h"

namespace qc::gui {

SetCutCommand::SetCutCommand(
    ProjectController* controller, int profile, double oldCut, double newCut, int dragId)
    : m_controller(controller)
    , m_profile(profile)
    , m_oldCut(oldCut)
    , m_newCut(newCut)
    , m_dragId(dragId)
{
    const auto& spec = controller->project().cutPlan().profiles[size_t(profile)];
    setText(QObject::tr("Move cut of profile %1").arg(spec.name));
}

void SetCutCommand::undo()
{
    apply(m_oldCut);
}
void SetCutCommand::redo()
{
    apply(m_newCut);
}

int SetCutCommand::id() const
{
    return SetCutCommandId;
}

bool SetCutCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const SetCutCommand*>(other);
    if (m_dragId == 0 || next->m_dragId != m_dragId || next->m_profile != m_profile)
        return false;
    m_newCut = next->m_newCut;
    setObsolete(m_newCut == m_oldCut);
    return true;
}

void SetCutCommand::apply(double cut)
{
    CutPlan plan = m_controller->project().cutPlan();
    if (size_t(m_profile) >= plan.profiles.size())
        return;
    plan.profiles[size_t(m_profile)].cut = cut;
    m_controller->applyCutPlan(plan);
}

} // namespace qc::gui
