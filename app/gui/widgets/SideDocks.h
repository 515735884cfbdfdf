#pragma once

#include <QObject>

class QDockWidget;
class QMainWindow;
class QMenu;
class QModelIndex;
class QTableView;

namespace qc::gui {

class ProfilePanel;
class ProfileSummaryModel;
class ProjectController;
class RulesModel;
class RulesPanel;
class SourcesModel;
class SourcesPanel;
class ViolationsModel;

// The panels beside the charts, as docks of the window: profiles with their summary, violations, rules
// and sources (the last three tabbed).
class SideDocks : public QObject
{
    Q_OBJECT
public:
    SideDocks(ProjectController* controller, QMainWindow* window);

    ProfilePanel* profilePanel() const { return m_profilePanel; }
    ProfileSummaryModel* summaryModel() const { return m_summaryModel; }
    QTableView* summaryView() const { return m_summaryView; }
    ViolationsModel* violationsModel() const { return m_violationsModel; }
    QTableView* violationsView() const { return m_violationsView; }
    RulesModel* rulesModel() const { return m_rulesModel; }
    SourcesModel* sourcesModel() const { return m_sourcesModel; }
    SourcesPanel* sourcesPanel() const { return m_sourcesPanel; }
    // The profile the summary has selected, else the last (largest).
    int currentProfile() const;
    // View menu: one toggle per dock, and F9 folding them all away at once.
    void addViewActions(QMenu* view);

private:
    QDockWidget* addDock(const QString& title, const QString& name, QWidget* widget);
    QWidget* createProfiles();
    QTableView* createViolationsView();
    void selectViolation(const QModelIndex& index);

    ProjectController* m_controller;
    QMainWindow* m_window;
    ProfileSummaryModel* m_summaryModel;
    ViolationsModel* m_violationsModel;
    RulesModel* m_rulesModel;
    SourcesModel* m_sourcesModel;
    ProfilePanel* m_profilePanel = nullptr;
    QTableView* m_summaryView = nullptr;
    QTableView* m_violationsView = nullptr;
    RulesPanel* m_rulesPanel = nullptr;
    SourcesPanel* m_sourcesPanel = nullptr;
};

} // namespace qc::gui
