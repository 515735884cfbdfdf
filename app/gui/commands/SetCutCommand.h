#pragma once

#include <QUndoCommand>

namespace qc::gui {

class ProjectController;

// Moves one profile's cut. Every step of one drag (same dragId) merges into a single undo step; a drag that
// ends where it started becomes obsolete and leaves no step at all.
class SetCutCommand : public QUndoCommand
{
public:
    SetCutCommand(ProjectController* controller, int profile, double oldCut, double newCut, int dragId);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    int profile() const { return m_profile; }
    double newCut() const { return m_newCut; }

private:
    void apply(double cut);

    ProjectController* m_controller;
    int m_profile;
    double m_oldCut;
    double m_newCut;
    int m_dragId;
};

} // namespace qc::gui
