#include "MainWindow.h"

#include "AppSettings.h"
#include "ExampleFiles.h"
#include "ExportActions.h"
#include "LoadJob.h"
#include "MenuAction.h"
#include "MetricText.h"
#include "ProjectController.h"
#include "UserPrompts.h"
#include "chart/ChartImageExporter.h"
#include "check/Checker.h"
#include "document/ProfileDocument.h"
#include "io/AtomicWriter.h"
#include "io/FileError.h"
#include "models/OpTableModel.h"
#include "models/RulesModel.h"
#include "profile/CutSuggester.h"
#include "widgets/ChartArea.h"
#include "widgets/ComparePanel.h"
#include "widgets/EditTexts.h"
#include "widgets/OpTablePanel.h"
#include "widgets/ProfilePanel.h"
#include "widgets/RecentFilesMenu.h"
#include "widgets/SideDocks.h"
#include "widgets/StatusIndicators.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QUndoStack>

namespace qc::gui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_controller(new ProjectController(this))
    , m_prompts(std::make_unique<UserPrompts>())
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/quantcut.svg")));
    setAcceptDrops(true);
    m_opModel = new OpTableModel(m_controller, this);
    m_chartArea = new ChartArea(m_controller, m_prompts.get());
    m_loadJob = new LoadJob(this);
    m_opTable = new OpTablePanel(m_controller, m_opModel);
    connect(m_opTable, &OpTablePanel::message, this,
        [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    auto* central = new QSplitter(Qt::Vertical);
    central->addWidget(m_chartArea);
    central->addWidget(m_opTable);
    central->setStretchFactor(0, 3);
    central->setStretchFactor(1, 2);
    central->setSizes({ 520, 300 });
    setCentralWidget(central);

    m_docks = new SideDocks(m_controller, this);
    connect(m_docks->profilePanel(), &ProfilePanel::suggestRequested, this, &MainWindow::suggestCuts);
    connect(m_docks->rulesModel(), &RulesModel::editRejected, this,
        [this](const QString& message) { m_prompts->showError(this, tr("Rule not changed"), message); });
    createActions();

    m_status = new StatusIndicators(m_controller, statusBar());
    connect(m_status, &StatusIndicators::cancelRequested, this, &MainWindow::cancelLoading);
    connect(m_loadJob, &LoadJob::started, m_status, &StatusIndicators::showLoading);
    connect(m_loadJob, &LoadJob::progress, m_status, &StatusIndicators::setProgress);
    connect(m_loadJob, &LoadJob::finished, this, &MainWindow::finishLoad);
    connect(m_loadJob, &LoadJob::cancelled, this, [this] {
        m_status->endLoading();
        statusBar()->showMessage(tr("Loading cancelled; nothing changed"), 4000);
    });
    connect(m_controller->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_controller, &ProjectController::filePathChanged, this, &MainWindow::updateTitle);

    resize(firstRunSize(screen()));
    restoreGeometry(AppSettings::windowGeometry.get());
    restoreState(AppSettings::windowState.get());
    updateTitle();
}

MainWindow::~MainWindow() = default;

QMenu* MainWindow::exportMenu() const
{
    return m_exports->menu();
}
bool MainWindow::isLoading() const
{
    return m_loadJob->isRunning();
}

void MainWindow::setPrompts(std::unique_ptr<UserPrompts> prompts)
{
    m_prompts = std::move(prompts);
    m_exports->setPrompts(m_prompts.get());
    m_chartArea->comparePanel()->setPrompts(m_prompts.get());
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    auto add = [this](QMenu* menu, const QString& text, const QKeySequence& key, auto slot,
                   const QString& tip = {}) {
        QAction* action = addMenuAction(this, menu, text, key, tip);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add(file, tr("&Open…"), QKeySequence::Open, &MainWindow::openDialog,
        tr("Open rankings, an inventory or a profile file"));
    m_recentMenu = new RecentFilesMenu(this);
    connect(
        m_recentMenu, &RecentFilesMenu::chosen, this, [this](const QString& path) { openFiles({ path }); });
    file->addMenu(m_recentMenu);
    file->addSeparator();
    add(file, tr("&Save"), QKeySequence::Save, &MainWindow::save, tr("Save the YAML profile file"));
    add(file, tr("Save &As…"), QKeySequence::SaveAs, &MainWindow::saveAs);
    file->addSeparator();
    m_exports = new ExportActions(
        m_controller, m_prompts.get(), this, [this] { return currentProfile(); },
        [this](const QString& profile) { return proceedDespiteErrors(tr("Export"), profile); });
    connect(m_exports, &ExportActions::status, this,
        [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    m_exports->addChartActions(file, m_chartArea);
    file->addMenu(m_exports->menu());
    file->addSeparator();
    add(file, tr("&Quit"), QKeySequence::Quit, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_controller->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_controller->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    addAction(undo);
    addAction(redo);
    edit->addSeparator();
    edit->addActions(m_opTable->editActions());
    edit->addSeparator();
    add(edit, tr("&Suggest Cuts"), QKeySequence(Qt::CTRL | Qt::Key_G), &MainWindow::suggestCuts,
        tr("Cuts at natural breaks of the ranked curve (undoable)"));
    add(
        edit, tr("&Language Model Only"), QKeySequence(Qt::CTRL | Qt::Key_L),
        [this] { m_docks->rulesModel()->applyLanguageModelOnlyPreset(); },
        tr("Keep the vision tower and merger in higher precision"));
    add(edit, tr("&Find Op"), QKeySequence::Find, [this] {
        m_opTable->filterEdit()->setFocus();
        m_opTable->filterEdit()->selectAll();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_docks->addViewActions(view);
    view->addSeparator();
    m_chartArea->addViewActions(view);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    add(help, tr("Open &Example (Qwen2.5-VL-3B)"), QKeySequence(Qt::Key_F1 | Qt::SHIFT),
        &MainWindow::openExample);
    add(help, tr("&About QuantCut"), QKeySequence(), [this] {
        QMessageBox::about(this, tr("About QuantCut"),
            tr("<b>QuantCut %1</b><br>Nested INT8 W8A8 mixed-precision profiles from per-op sensitivity "
               "rankings.")
                .arg(QStringLiteral(QUANTCUT_VERSION)));
    });
}

void MainWindow::updateTitle()
{
    const QString path = m_controller->filePath();
    setWindowTitle(
        (path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName()) + QStringLiteral("[*] — QuantCut"));
    setWindowModified(m_controller->isModified());
}

QString MainWindow::violationStatusText() const
{
    return m_status->violationText();
}

bool MainWindow::maybeSave()
{
    if (!m_controller->isModified())
        return true;
    const QString name = m_controller->filePath().isEmpty() ? tr("The project")
                                                            : QFileInfo(m_controller->filePath()).fileName();
    switch (m_prompts->askSaveChanges(this, name)) {
    case UserPrompts::SaveChoice::Save:
        return save();
    case UserPrompts::SaveChoice::Discard:
        return true;
    case UserPrompts::SaveChoice::Cancel:
        return false;
    }
    return false;
}

bool MainWindow::saveTo(const QString& path)
{
    try {
        refuseInputAsOutput(path, m_controller->project().inputFiles());
        ProfileDocument::save(m_controller->project(), Checker::check(m_controller->project()), path);
    } catch (const FileError& e) {
        m_prompts->showError(this, tr("Save failed"), e.toString());
        return false;
    }
    m_controller->undoStack()->setClean();
    m_controller->setFilePath(QFileInfo(path).absoluteFilePath());
    m_recentMenu->add(path);
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(path), 4000);
    return true;
}

bool MainWindow::proceedDespiteErrors(const QString& action, const QString& profile)
{
    const QString errors = m_controller->errorSummary(profile);
    return errors.isEmpty() || m_prompts->askProceedDespiteErrors(this, action, errors);
}

bool MainWindow::save()
{
    if (m_controller->filePath().isEmpty())
        return saveAs();
    return proceedDespiteErrors(tr("Save")) && saveTo(m_controller->filePath());
}

bool MainWindow::saveAs()
{
    if (!proceedDespiteErrors(tr("Save")))
        return false;
    const QString path = m_prompts->askSavePath(this, tr("Save Profiles"),
        QDir(AppSettings::lastDirectory.get()).filePath(QStringLiteral("profiles.yaml")),
        tr("QuantCut profiles (*.yaml *.yml)"));
    return !path.isEmpty() && saveTo(path);
}

void MainWindow::openDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open Rankings, Inventory or Profiles"),
        AppSettings::lastDirectory.get(),
        tr("All supported (*.yaml *.yml *.json *.log *.txt *.csv *.tsv *.safetensors);;All files (*)"));
    if (paths.isEmpty())
        return;
    AppSettings::lastDirectory.set(QFileInfo(paths.front()).absolutePath());
    openFiles(paths);
}

bool MainWindow::openFiles(const QStringList& paths, bool wait)
{
    if (paths.isEmpty() || m_loadJob->isRunning())
        return false;
    const bool replaces = ProjectLoader::replacesProject(paths);
    if (replaces && !maybeSave())
        return false;
    m_loadingPaths = paths;
    m_lastLoadSucceeded = false;
    // A profile file replaces the project; rankings and inventories add to the current one.
    const Project base = replaces ? Project() : m_controller->project();
    if (wait) {
        m_loadJob->runNow(base, paths);
        return m_lastLoadSucceeded;
    }
    statusBar()->showMessage(tr("Loading %n file(s)…", nullptr, int(paths.size())));
    return m_loadJob->start(base, paths);
}

void MainWindow::cancelLoading()
{
    m_loadJob->cancel();
}

void MainWindow::finishLoad(const ProjectLoader::Result& result)
{
    m_status->endLoading();
    const QStringList paths = std::exchange(m_loadingPaths, {});
    // One dialog for every file that did not load; the good ones load all the same.
    if (!result.failed.isEmpty() || !result.error.isEmpty())
        m_prompts->showError(this, tr("Could not open"), result.problems());
    statusBar()->showMessage(result.summary(), 8000);
    if (!result.changesProject())
        return;
    const Project& current = m_controller->project();
    // Loading into an empty window is a start, not an edit: undo must not lead back to the empty window.
    const bool fresh = current.inventory().isEmpty() && current.metrics().empty();
    if (result.onlyOutcomes && !fresh)
        m_controller->setOutcomes(result.project.outcomes(),
            tr("Attach outcomes from %1").arg(result.loaded.join(QStringLiteral(", "))));
    else if (!result.profilePath.isEmpty() || fresh)
        m_controller->resetProject(result.project, result.profilePath);
    else
        m_controller->adoptProject(
            result.project, tr("Load %1").arg(result.loaded.join(QStringLiteral(", "))));
    m_lastLoadSucceeded = true;
    for (const QString& path : paths)
        m_recentMenu->add(path);
}

void MainWindow::suggestCuts()
{
    const Project& p = m_controller->project();
    m_controller->setCutPlan(CutSuggester::suggest(p.ranking(), p.cutPlan()), tr("Suggest cuts"));
}

bool MainWindow::openExample()
{
    const QStringList files = exampleFiles();
    if (files.isEmpty()) {
        m_prompts->showError(
            this, tr("Example not found"), tr("The bundled Qwen2.5-VL-3B example is not installed."));
        return false;
    }
    if (!maybeSave())
        return false;
    // The example starts a fresh project rather than adding to the current one.
    m_controller->resetProject(Project());
    return openFiles(files);
}

bool MainWindow::exportCharts(const QString& path, const QSize& size, int dpi)
{
    return m_exports->exportCharts(path, size, dpi);
}

int MainWindow::currentProfile() const
{
    return m_docks->currentProfile();
}

bool MainWindow::exportProfile(
    const QString& format, int profile, const QString& path, const ExportOptions& options)
{
    return m_exports->exportProfile(format, profile, path, options);
}

QSize MainWindow::firstRunSize(const QScreen* screen)
{
    // The default where it fits, else nearly all of the available area (taskbars and docks excluded).
    if (!screen)
        return kDefaultSize;
    const QSize available = screen->availableGeometry().size();
    return kDefaultSize.boundedTo(QSize(available.width() * 96 / 100, available.height() * 94 / 100));
}

bool MainWindow::saveScreenshot(const QString& path)
{
    // What deleteLater() left (Qt Charts removes a replaced axis's items that way) goes first: outside the
    // event loop processEvents() never deletes them, and the old axis would be painted beside the new one.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
    const QPixmap pixmap = grab();
    return !pixmap.isNull() && pixmap.save(path);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    cancelLoading();
    AppSettings::windowGeometry.set(saveGeometry());
    AppSettings::windowState.set(saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    const auto urls = event->mimeData()->urls();
    for (const QUrl& url : urls) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        openFiles(paths);
    }
}

} // namespace qc::gui
