#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace qc::gui {

class ComparisonModel;
class ProjectController;
class UserPrompts;

// The comparison tab: a profile of the project against a reference scheme or another profile file, with
// the counts and the ops on which the ranking and the reference disagree most; a click selects the op.
class ComparePanel : public QWidget
{
    Q_OBJECT
public:
    ComparePanel(ProjectController* controller, ComparisonModel* model, UserPrompts* prompts,
        QWidget* parent = nullptr);
    void setPrompts(UserPrompts* prompts) { m_prompts = prompts; }

    QComboBox* referenceBox() const { return m_reference; }
    QComboBox* profileBox() const { return m_profile; }
    QLabel* summaryLabel() const { return m_summary; }
    QTableView* view() const { return m_view; }

private:
    void fillProfiles();
    void chooseReference(int index);

    ProjectController* m_controller;
    ComparisonModel* m_model;
    UserPrompts* m_prompts;
    QComboBox* m_reference;
    QComboBox* m_profile;
    QLabel* m_summary;
    QTableView* m_view;
};

} // namespace qc::gui
