#pragma once

#include "ProjectController.h"

#include <QUndoCommand>
#include <utility>

namespace qc::gui {

// The one undo command of the explorer: one input of the project (a Field of ProjectFields.h) from a value
// before to a value after. Pushed with a merge id, consecutive steps of one drag merge into one undo step.
template<typename Field> class ProjectEdit : public QUndoCommand
{
public:
    using Value = typename Field::Value;
    enum class Applied { Not, Already }; // Already: the controller applied the change before pushing

    ProjectEdit(ProjectController* controller, Field field, Value before, Value after, const QString& text,
        int mergeId = 0, Applied applied = Applied::Not)
        : QUndoCommand(text)
        , m_controller(controller)
        , m_field(std::move(field))
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeId(mergeId)
        , m_skipRedo(applied == Applied::Already)
    { }

    void undo() override { m_controller->apply(m_field, m_before); }
    void redo() override
    {
        if (std::exchange(m_skipRedo, false))
            return;
        m_controller->apply(m_field, m_after);
    }
    int id() const override { return m_mergeId != 0 ? Field::kMergeKind : -1; }
    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* next = dynamic_cast<const ProjectEdit*>(other);
        if (!next || next->m_mergeId != m_mergeId || !(next->m_field == m_field))
            return false;
        m_after = next->m_after;
        return true;
    }

private:
    ProjectController* m_controller;
    Field m_field;
    Value m_before;
    Value m_after;
    int m_mergeId;
    bool m_skipRedo;
};

} // namespace qc::gui
