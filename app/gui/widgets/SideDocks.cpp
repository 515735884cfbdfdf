#include "SideDocks.h"

#include "MenuAction.h"
#include "ProfilePanel.h"
#include "ProjectController.h"
#include "RulesPanel.h"
#include "SourcesPanel.h"
#include "models/ProfileSummaryModel.h"
#include "models/RulesModel.h"
#include "models/SourcesModel.h"
#include "models/ViolationsModel.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMainWindow>
#include <QTableView>
#include <QVBoxLayout>

namespace qc::gui {

SideDocks::SideDocks(ProjectController* controller, QMainWindow* window)
    : QObject(window)
    , m_controller(controller)
    , m_window(window)
    , m_summaryModel(new ProfileSummaryModel(controller, this))
    , m_violationsModel(new ViolationsModel(controller, this))
    , m_rulesModel(new RulesModel(controller, this))
    , m_sourcesModel(new SourcesModel(controller, this))
{
    window->setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    QDockWidget* profiles = addDock(tr("Profiles"), QStringLiteral("ProfilesDock"), createProfiles());
    QDockWidget* violations
        = addDock(tr("Violations"), QStringLiteral("ViolationsDock"), createViolationsView());
    m_rulesPanel = new RulesPanel(m_rulesModel);
    QDockWidget* rules = addDock(tr("Rules"), QStringLiteral("RulesDock"), m_rulesPanel);
    m_sourcesPanel = new SourcesPanel(controller, m_sourcesModel);
    QDockWidget* sources = addDock(tr("Sources"), QStringLiteral("SourcesDock"), m_sourcesPanel);
    window->tabifyDockWidget(violations, rules);
    window->tabifyDockWidget(rules, sources);
    violations->raise();
    window->resizeDocks({ profiles }, { 440 }, Qt::Horizontal);
}

QDockWidget* SideDocks::addDock(const QString& title, const QString& name, QWidget* widget)
{
    auto* dock = new QDockWidget(title, m_window);
    dock->setObjectName(name);
    dock->setWidget(widget);
    m_window->addDockWidget(Qt::RightDockWidgetArea, dock);
    return dock;
}

QWidget* SideDocks::createProfiles()
{
    m_profilePanel = new ProfilePanel(m_controller);
    m_summaryView = new QTableView;
    m_summaryView->setModel(m_summaryModel);
    m_summaryView->verticalHeader()->hide();
    m_summaryView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents); // a few rows
    m_summaryView->horizontalHeader()->setMinimumSectionSize(24);
    // Label and cut are edited in the rows right above; the memory columns need the width.
    m_summaryView->setColumnHidden(ProfileSummaryModel::LabelColumn, true);
    m_summaryView->setColumnHidden(ProfileSummaryModel::CutColumn, true);
    m_summaryView->setSelectionBehavior(QAbstractItemView::SelectRows);
    // The selected profile is the controller's: a click on the trade-off chart selects the row here too.
    connect(m_summaryView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) {
            m_controller->setSelectedProfile(current.isValid() ? current.row() : -1);
        });
    connect(m_controller, &ProjectController::selectedProfileChanged, this, [this](int profile) {
        if (profile >= 0 && profile < m_summaryModel->rowCount()
            && m_summaryView->currentIndex().row() != profile)
            m_summaryView->selectRow(profile);
    });
    auto* profiles = new QWidget;
    auto* layout = new QVBoxLayout(profiles);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_profilePanel);
    layout->addWidget(m_summaryView, 1);
    return profiles;
}

QTableView* SideDocks::createViolationsView()
{
    m_violationsView = new QTableView;
    m_violationsView->setModel(m_violationsModel);
    m_violationsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_violationsView->verticalHeader()->hide();
    m_violationsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_violationsView->horizontalHeader()->setSectionResizeMode(
        ViolationsModel::MessageColumn, QHeaderView::Stretch);
    m_violationsView->setTextElideMode(Qt::ElideLeft); // what is left of a long op name is its end
    m_violationsView->setWordWrap(false);
    connect(m_violationsView, &QTableView::clicked, this, &SideDocks::selectViolation);
    connect(m_violationsView, &QTableView::activated, this, &SideDocks::selectViolation);
    return m_violationsView;
}

void SideDocks::selectViolation(const QModelIndex& index)
{
    const int op = index.data(ViolationsModel::OpRole).toInt();
    if (op >= 0)
        m_controller->setSelectedOp(op);
}

void SideDocks::addViewActions(QMenu* view)
{
    const auto docks = m_window->findChildren<QDockWidget*>();
    for (QDockWidget* dock : docks)
        view->addAction(dock->toggleViewAction());
    // On a small screen the side panels fold away at once and come back as they were.
    QAction* panels = addMenuAction(m_window, view, tr("Side &Panels"), QKeySequence(Qt::Key_F9));
    panels->setCheckable(true);
    panels->setChecked(true);
    panels->setObjectName(QStringLiteral("SidePanelsAction"));
    connect(panels, &QAction::triggered, this, [docks](bool shown) {
        for (QDockWidget* dock : docks)
            dock->setVisible(shown);
    });
}

int SideDocks::currentProfile() const
{
    const int count = m_controller->project().profileCount();
    const QModelIndex current = m_summaryView->currentIndex();
    if (current.isValid() && current.row() < count)
        return current.row();
    return count - 1;
}

} // namespace qc::gui
