#pragma once

#include "ExampleFiles.h"
#include "ProjectLoader.h"
#include "export/ExportOptions.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QScreen;
class QSplitter;
class QTabWidget;
class QTableView;

namespace qc::gui {

class ComparePanel;
class ComparisonModel;
class LayerSensitivityView;
class OpTableModel;
class OpTablePanel;
class ProfilePanel;
class ProfileSummaryModel;
class ProjectController;
class RankScatterView;
class RankedCurveView;
class RulesModel;
class RulesPanel;
class SourcesModel;
class SourcesPanel;
class UserPrompts;
class ViolationsModel;

// The explorer: charts on top (per-layer sensitivity; ranked curve with cut handles; metric vs metric), the
// op table below, profiles, violations and rules in docks. Owns the controller; every panel talks to it.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr QSize kDefaultSize { 1440, 900 };
    // The size a first start opens with: the default, shrunk to fit the screen's available area.
    static QSize firstRunSize(const QScreen* screen);

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ProjectController* controller() const { return m_controller; }
    OpTableModel* opModel() const { return m_opModel; }
    OpTablePanel* opTable() const { return m_opTable; }
    ComparePanel* comparePanel() const { return m_comparePanel; }
    ProfileSummaryModel* summaryModel() const { return m_summaryModel; }
    ViolationsModel* violationsModel() const { return m_violationsModel; }
    RulesModel* rulesModel() const { return m_rulesModel; }
    RankedCurveView* rankedCurve() const { return m_rankedCurve; }
    LayerSensitivityView* layerChart() const { return m_layerChart; }
    RankScatterView* scatter() const { return m_scatter; }
    ProfilePanel* profilePanel() const { return m_profilePanel; }
    SourcesModel* sourcesModel() const { return m_sourcesModel; }
    SourcesPanel* sourcesPanel() const { return m_sourcesPanel; }
    QTableView* violationsView() const { return m_violationsView; }
    QString violationStatusText() const;

    // Replaces the dialogs (tests); the window takes ownership.
    void setPrompts(std::unique_ptr<UserPrompts> prompts);

    // Opens files of any kind; in the background unless wait is set (tests, --screenshot). Returns false on
    // failure (already reported) or when the user cancelled.
    bool openFiles(const QStringList& paths, bool wait = false);
    bool isLoading() const { return m_loadWatcher.isRunning(); }
    void cancelLoading();
    bool saveTo(const QString& path);
    // .png or .svg of the charts alone, size in pixels (empty: as on screen), dpi recorded in a PNG.
    bool exportCharts(const QString& path, const QSize& size = {}, int dpi = 96);
    QList<QWidget*> exportedCharts() const;
    // Writes one profile in one ProfileExporter format (verified, atomically); errors go to the prompts and
    // leave no file. The File > Export actions ask for the profile and the path, then call this.
    bool exportProfile(
        const QString& format, int profile, const QString& path, const ExportOptions& options = {});
    // The profile an export starts from: the one selected in the summary, else the last (largest).
    int currentProfile() const;
    QMenu* exportMenu() const { return m_exportMenu; }
    // Hand edit with a note, asking for the note through the prompts.
    void requestEdit(int op, int action);
    void suggestCuts();
    bool openExample();
    static QString exampleDirectory() { return qc::gui::exampleDirectory(); }
    static QStringList exampleFiles() { return qc::gui::exampleFiles(); }
    // Renders the window offscreen at its current size.
    bool saveScreenshot(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createDocks();
    void updateTitle();
    void updateStatus();
    void updateRecentMenu();
    bool maybeSave();
    bool proceedDespiteErrors(const QString& action, const QString& profile = {});
    bool save();
    bool saveAs();
    void openDialog();
    void exportChartsDialog(const QString& suffix);
    ExportOptions exportOptions() const;
    void exportDialog(const QString& format, const ExportOptions& options);
    void finishLoad();
    void selectViolation(const QModelIndex& index);

    ProjectController* m_controller;
    std::unique_ptr<UserPrompts> m_prompts;
    OpTableModel* m_opModel;
    ProfileSummaryModel* m_summaryModel;
    ViolationsModel* m_violationsModel;
    RulesModel* m_rulesModel;
    OpTablePanel* m_opTable;
    LayerSensitivityView* m_layerChart;
    RankedCurveView* m_rankedCurve;
    RankScatterView* m_scatter;
    ProfilePanel* m_profilePanel;
    RulesPanel* m_rulesPanel;
    SourcesModel* m_sourcesModel;
    SourcesPanel* m_sourcesPanel;
    QTableView* m_violationsView;
    QTableView* m_summaryView;
    QWidget* m_chartArea;
    QTabWidget* m_chartTabs;
    QAction* m_dynamicActivations = nullptr;
    QAction* m_smoothQuant = nullptr;
    QAction* m_gptq = nullptr;
    QAction* m_legacyNames = nullptr;
    ComparisonModel* m_comparisonModel;
    ComparePanel* m_comparePanel;
    QComboBox* m_layerMode;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_exportMenu = nullptr;
    QLabel* m_violationLabel;
    QLabel* m_summaryLabel;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QFutureWatcher<ProjectLoader::Result> m_loadWatcher;
    QStringList m_loadingPaths;
    bool m_lastLoadSucceeded = false;
};

} // namespace qc::gui
