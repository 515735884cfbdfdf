#pragma once

#include "ExampleFiles.h"
#include "export/ExportOptions.h"
#include "load/ProjectLoader.h"

#include <QMainWindow>
#include <memory>

class QMenu;
class QScreen;

namespace qc::gui {

class ChartArea;
class ExportActions;
class LoadJob;
class OpTableModel;
class OpTablePanel;
class ProjectController;
class RecentFilesMenu;
class SideDocks;
class StatusIndicators;
class UserPrompts;

// The explorer: the charts on top, the op table below, the side docks; the menus, and what the window itself
// does with files (open, save, export, drop). Owns the controller; every panel talks to it. Loading runs
// in a LoadJob, exports in ExportActions.
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
    ChartArea* chartArea() const { return m_chartArea; }
    SideDocks* docks() const { return m_docks; }
    QString violationStatusText() const;

    // Replaces the dialogs (tests); the window takes ownership.
    void setPrompts(std::unique_ptr<UserPrompts> prompts);

    // Opens files of any kind; in the background unless wait is set (tests, --screenshot). Returns false on
    // failure (already reported) or when the user cancelled.
    bool openFiles(const QStringList& paths, bool wait = false);
    bool isLoading() const;
    void cancelLoading();
    bool saveTo(const QString& path);
    // .png or .svg of the charts alone, size in pixels (empty: as on screen), dpi recorded in a PNG.
    bool exportCharts(const QString& path, const QSize& size = {}, int dpi = 96);
    // Writes one profile in one ProfileExporter format (verified, atomically); errors go to the prompts and
    // leave no file. The File > Export actions ask for the profile and the path, then call this.
    bool exportProfile(
        const QString& format, int profile, const QString& path, const ExportOptions& options = {});
    // The profile an export starts from: the one selected in the summary, else the last (largest).
    int currentProfile() const;
    QMenu* exportMenu() const;
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
    void updateTitle();
    bool maybeSave();
    bool proceedDespiteErrors(const QString& action, const QString& profile = {});
    bool save();
    bool saveAs();
    void openDialog();
    void finishLoad(const ProjectLoader::Result& result);

    ProjectController* m_controller;
    std::unique_ptr<UserPrompts> m_prompts;
    OpTableModel* m_opModel;
    OpTablePanel* m_opTable;
    ChartArea* m_chartArea;
    SideDocks* m_docks;
    StatusIndicators* m_status;
    ExportActions* m_exports = nullptr;
    LoadJob* m_loadJob;
    RecentFilesMenu* m_recentMenu = nullptr;
    QStringList m_loadingPaths;
    bool m_lastLoadSucceeded = false;
};

} // namespace qc::gui
