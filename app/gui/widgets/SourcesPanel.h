#pragma once

#include <QWidget>

class QCheckBox;
class QPlainTextEdit;
class QTableView;

namespace qc::gui {

class ProjectController;
class SourcesModel;

// The Sources dock: every loaded metric with its name (renamable), format, file, polarity (reversible:
// checkbox, context menu or the button) and how its names matched the inventory; below, what the selected
// source is (number format, run facts, evidence counts, why values are no signal, with a checkbox to count
// them all as measured) and its unmatched and ambiguous names, so nothing is silently unranked.
class SourcesPanel : public QWidget
{
    Q_OBJECT
public:
    SourcesPanel(ProjectController* controller, SourcesModel* model, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    QPlainTextEdit* details() const { return m_details; }
    QAction* flipAction() const { return m_flip; }
    QAction* renameAction() const { return m_rename; }
    QCheckBox* allMeasuredBox() const { return m_allMeasured; }

private:
    int currentRow() const;
    void updateDetails();

    ProjectController* m_controller;
    SourcesModel* m_model;
    QTableView* m_view;
    QPlainTextEdit* m_details;
    QCheckBox* m_allMeasured;
    QAction* m_flip;
    QAction* m_rename = nullptr;
    int m_rowBeforeReset = -1;
};

} // namespace qc::gui
