#pragma once

#include <QWidget>

class QPlainTextEdit;
class QTableView;

namespace qc::gui {

class ProjectController;
class SourcesModel;

// The Sources dock: every loaded metric with its format, file, polarity (reversible: checkbox, context menu
// or the button) and how its names matched the inventory; below, the unmatched and ambiguous names of the
// selected source, so that a naming mismatch is visible instead of silently unranked.
class SourcesPanel : public QWidget
{
    Q_OBJECT
public:
    SourcesPanel(ProjectController* controller, SourcesModel* model, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    QPlainTextEdit* details() const { return m_details; }
    QAction* flipAction() const { return m_flip; }

private:
    int currentRow() const;
    void updateDetails();

    ProjectController* m_controller;
    SourcesModel* m_model;
    QTableView* m_view;
    QPlainTextEdit* m_details;
    QAction* m_flip;
    int m_rowBeforeReset = -1;
};

} // namespace qc::gui
