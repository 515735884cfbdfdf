#include "MainWindow.h"

#include "AppSettings.h"
#include "ExampleFiles.h"
#include "MetricText.h"
#include "ProjectController.h"
#include "UserPrompts.h"
#include "chart/ChartImageExporter.h"
#include "chart/CutSuggester.h"
#include "chart/LayerSensitivityView.h"
#include "chart/ProfileColors.h"
#include "chart/RankScatterView.h"
#include "chart/RankedCurveView.h"
#include "export/ExportVerifier.h"
#include "export/ProfileExporter.h"
#include "io/AtomicWriter.h"
#include "io/FileError.h"
#include "models/ComparisonModel.h"
#include "models/OpTableModel.h"
#include "models/ProfileSummaryModel.h"
#include "models/RulesModel.h"
#include "models/SourcesModel.h"
#include "models/ViolationsModel.h"
#include "project/ProfileDocument.h"
#include "widgets/ComparePanel.h"
#include "widgets/EditTexts.h"
#include "widgets/OpTablePanel.h"
#include "widgets/ProfilePanel.h"
#include "widgets/RulesPanel.h"
#include "widgets/ScatterPanel.h"
#include "widgets/SourcesPanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

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
    m_summaryModel = new ProfileSummaryModel(m_controller, this);
    m_violationsModel = new ViolationsModel(m_controller, this);
    m_rulesModel = new RulesModel(m_controller, this);
    m_sourcesModel = new SourcesModel(m_controller, this);

    // Charts: per-layer sensitivity on the left, ranked curve / metric vs metric on the right.
    m_layerChart = new LayerSensitivityView(m_controller);
    m_layerMode = new QComboBox;
    m_layerMode->addItems({ tr("Mean normalized rank"), tr("Max normalized rank"), tr("Min-max value"),
        tr("Raw value (log)") });
    m_layerMode->setToolTip(
        tr("How ops of one layer are summarized: normalized rank (1 = most sensitive), min-max "
           "normalized value, or the raw values on a log axis"));
    connect(m_layerMode, &QComboBox::currentIndexChanged, this, [this](int mode) {
        m_layerChart->setMode(LayerSensitivityView::Mode(mode));
        AppSettings::layerChartMode.set(mode);
    });
    auto* layerPanel = new QWidget;
    auto* layerLayout = new QVBoxLayout(layerPanel);
    layerLayout->setContentsMargins(0, 0, 0, 0);
    auto* layerBar = new QHBoxLayout;
    layerBar->addWidget(new QLabel(tr("Per layer:")));
    layerBar->addWidget(m_layerMode);
    layerBar->addStretch();
    layerLayout->addLayout(layerBar);
    layerLayout->addWidget(m_layerChart, 1);

    m_rankedCurve = new RankedCurveView(m_controller);
    auto* scatterPanel = new ScatterPanel(m_controller);
    m_scatter = scatterPanel->view();

    m_chartTabs = new QTabWidget;
    m_chartTabs->addTab(m_rankedCurve, tr("Ranked curve && cuts"));
    m_chartTabs->addTab(scatterPanel, tr("Metric vs metric"));
    m_comparisonModel = new ComparisonModel(m_controller, this);
    m_comparePanel = new ComparePanel(m_controller, m_comparisonModel, m_prompts.get());
    m_chartTabs->addTab(m_comparePanel, tr("Compare"));
    // The comparison costs a reconciliation and a pass over every op: only while its tab is shown.
    connect(m_chartTabs, &QTabWidget::currentChanged, this,
        [this](int index) { m_comparisonModel->setActive(m_chartTabs->widget(index) == m_comparePanel); });
    auto* chartSplitter = new QSplitter(Qt::Horizontal);
    chartSplitter->addWidget(layerPanel);
    chartSplitter->addWidget(m_chartTabs);
    chartSplitter->setStretchFactor(0, 1);
    chartSplitter->setStretchFactor(1, 1);
    chartSplitter->setSizes({ 540, 460 });
    m_chartArea = chartSplitter;

    m_opTable = new OpTablePanel(m_controller, m_opModel);
    connect(m_opTable, &OpTablePanel::editRequested, this, &MainWindow::requestEdit);
    auto* central = new QSplitter(Qt::Vertical);
    central->addWidget(chartSplitter);
    central->addWidget(m_opTable);
    central->setStretchFactor(0, 3);
    central->setStretchFactor(1, 2);
    central->setSizes({ 520, 300 });
    setCentralWidget(central);

    createDocks();
    createActions();

    m_violationLabel = new QLabel;
    m_summaryLabel = new QLabel;
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(200);
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, &MainWindow::cancelLoading);
    statusBar()->addWidget(m_summaryLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    statusBar()->addPermanentWidget(m_violationLabel);
    connect(&m_loadWatcher, &QFutureWatcher<ProjectLoader::Result>::progressValueChanged, m_progress,
        &QProgressBar::setValue);
    connect(&m_loadWatcher, &QFutureWatcher<ProjectLoader::Result>::progressRangeChanged, m_progress,
        &QProgressBar::setRange);
    connect(&m_loadWatcher, &QFutureWatcher<ProjectLoader::Result>::finished, this, &MainWindow::finishLoad);

    connect(m_controller, &ProjectController::violationsChanged, this, &MainWindow::updateStatus);
    connect(m_controller, &ProjectController::cutsChanged, this, &MainWindow::updateStatus);
    connect(m_controller, &ProjectController::projectReset, this, &MainWindow::updateStatus);
    connect(m_controller->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_controller, &ProjectController::filePathChanged, this, &MainWindow::updateTitle);

    m_layerMode->setCurrentIndex(std::clamp(AppSettings::layerChartMode.get(), 0, 3));
    resize(firstRunSize(screen()));
    restoreGeometry(AppSettings::windowGeometry.get());
    restoreState(AppSettings::windowState.get());
    updateTitle();
    updateStatus();
}

MainWindow::~MainWindow()
{
    if (m_loadWatcher.isRunning()) {
        m_loadWatcher.cancel();
        m_loadWatcher.waitForFinished();
    }
}

void MainWindow::setPrompts(std::unique_ptr<UserPrompts> prompts)
{
    m_prompts = std::move(prompts);
}

void MainWindow::createDocks()
{
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    m_profilePanel = new ProfilePanel(m_controller);
    connect(m_profilePanel, &ProfilePanel::suggestRequested, this, &MainWindow::suggestCuts);
    m_summaryView = new QTableView;
    m_summaryView->setModel(m_summaryModel);
    m_summaryView->verticalHeader()->hide();
    m_summaryView->horizontalHeader()->setSectionResizeMode(
        QHeaderView::ResizeToContents); // a handful of rows
    m_summaryView->horizontalHeader()->setMinimumSectionSize(24);
    // Label and cut are edited in the rows right above; the memory columns need the width.
    m_summaryView->setColumnHidden(ProfileSummaryModel::LabelColumn, true);
    m_summaryView->setColumnHidden(ProfileSummaryModel::CutColumn, true);
    auto* profiles = new QWidget;
    auto* profileLayout = new QVBoxLayout(profiles);
    profileLayout->setContentsMargins(2, 2, 2, 2);
    profileLayout->addWidget(m_profilePanel);
    profileLayout->addWidget(m_summaryView, 1);
    auto* profileDock = new QDockWidget(tr("Profiles"), this);
    profileDock->setObjectName(QStringLiteral("ProfilesDock"));
    profileDock->setWidget(profiles);
    addDockWidget(Qt::RightDockWidgetArea, profileDock);

    m_violationsView = new QTableView;
    m_violationsView->setModel(m_violationsModel);
    m_violationsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_violationsView->verticalHeader()->hide();
    m_violationsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_violationsView->horizontalHeader()->setSectionResizeMode(
        ViolationsModel::MessageColumn, QHeaderView::Stretch);
    m_violationsView->setTextElideMode(Qt::ElideLeft); // what is left of a long op name is its end
    m_violationsView->setWordWrap(false);
    connect(m_violationsView, &QTableView::clicked, this, &MainWindow::selectViolation);
    connect(m_violationsView, &QTableView::activated, this, &MainWindow::selectViolation);
    auto* violationsDock = new QDockWidget(tr("Violations"), this);
    violationsDock->setObjectName(QStringLiteral("ViolationsDock"));
    violationsDock->setWidget(m_violationsView);
    addDockWidget(Qt::RightDockWidgetArea, violationsDock);

    m_rulesPanel = new RulesPanel(m_rulesModel);
    connect(m_rulesModel, &RulesModel::editRejected, this,
        [this](const QString& message) { m_prompts->showError(this, tr("Rule not changed"), message); });
    auto* rulesDock = new QDockWidget(tr("Rules"), this);
    rulesDock->setObjectName(QStringLiteral("RulesDock"));
    rulesDock->setWidget(m_rulesPanel);
    addDockWidget(Qt::RightDockWidgetArea, rulesDock);
    tabifyDockWidget(violationsDock, rulesDock);

    m_sourcesPanel = new SourcesPanel(m_controller, m_sourcesModel);
    auto* sourcesDock = new QDockWidget(tr("Sources"), this);
    sourcesDock->setObjectName(QStringLiteral("SourcesDock"));
    sourcesDock->setWidget(m_sourcesPanel);
    addDockWidget(Qt::RightDockWidgetArea, sourcesDock);
    tabifyDockWidget(rulesDock, sourcesDock);
    violationsDock->raise();
    resizeDocks({ profileDock }, { 440 }, Qt::Horizontal);
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    auto add = [this](QMenu* menu, const QString& text, const QKeySequence& key, auto slot,
                   const QString& tip = {}) {
        QAction* action = menu->addAction(text);
        action->setShortcut(key);
        action->setStatusTip(tip);
        action->setToolTip(tip);
        connect(action, &QAction::triggered, this, slot);
        addAction(action); // shortcuts work with the menu bar hidden (offscreen, fullscreen)
        return action;
    };
    add(file, tr("&Open…"), QKeySequence::Open, &MainWindow::openDialog,
        tr("Open rankings, an inventory or a profile file"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    file->addSeparator();
    add(file, tr("&Save"), QKeySequence::Save, &MainWindow::save, tr("Save the YAML profile file"));
    add(file, tr("Save &As…"), QKeySequence::SaveAs, &MainWindow::saveAs);
    file->addSeparator();
    add(file, tr("Export Charts as &PNG…"), QKeySequence(Qt::CTRL | Qt::Key_E),
        [this] { exportChartsDialog(QStringLiteral("png")); });
    add(file, tr("Export Charts as S&VG…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
        [this] { exportChartsDialog(QStringLiteral("svg")); });
    // Every ProfileExporter format; framework configs are verified against the profile before writing.
    m_exportMenu = file->addMenu(tr("E&xport Profile"));
    const std::vector<ProfileExporter::Format>& formats = ProfileExporter::formats();
    for (size_t i = 0; i < formats.size(); ++i) {
        const ProfileExporter::Format& format = formats[i];
        // Ctrl+I (INC 2.x, the common case) and Ctrl+Alt+1..8 in menu order.
        QKeySequence key(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_1 + int(i)));
        if (format.id == QLatin1String("inc2"))
            key = QKeySequence(Qt::CTRL | Qt::Key_I);
        QAction* action = add(
            m_exportMenu, QStringLiteral("%1 — %2…").arg(format.id, format.description), key,
            [this, id = format.id] { exportDialog(id, exportOptions()); },
            tr("Write the chosen profile as %1").arg(format.description));
        action->setData(format.id);
    }
    m_exportMenu->addSeparator();
    QAction* fp8 = add(
        m_exportMenu, tr("modelopt — ModelOpt quant_cfg with FP8 (E4M3) instead of INT8…"),
        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_9),
        [this] {
            ExportOptions options = exportOptions();
            options.numbers = ExportOptions::NumberFormat::Fp8;
            exportDialog(QStringLiteral("modelopt"), options);
        },
        tr("The same profile in FP8, for the W8A8-vs-FP8 comparison"));
    fp8->setData(QStringLiteral("modelopt-fp8"));
    // What "W8A8" means differs between frameworks: the choices every export states in its header.
    m_exportMenu->addSeparator();
    m_dynamicActivations
        = m_exportMenu->addAction(tr("Activations per-token dynamic (default: per-tensor static)"));
    m_dynamicActivations->setCheckable(true);
    m_dynamicActivations->setToolTip(
        tr("compressed-tensors' W8A8 is per-token dynamic; ModelOpt's and INC's INT8 are "
           "per-tensor static"));
    m_smoothQuant = m_exportMenu->addAction(tr("SmoothQuant (alpha 0.5)"));
    m_smoothQuant->setCheckable(true);
    m_smoothQuant->setChecked(true);
    m_smoothQuant->setToolTip(
        tr("INC 3.x smooth_quant, ModelOpt \"smoothquant\", llm-compressor SmoothQuantModifier"));
    m_gptq = m_exportMenu->addAction(tr("GPTQ weights (llm-compressor)"));
    m_gptq->setCheckable(true);
    m_gptq->setToolTip(tr("llm-compressor: GPTQModifier instead of QuantizationModifier"));
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
    QAction* preset = add(
        edit, tr("&Language Model Only"), QKeySequence(Qt::CTRL | Qt::Key_L),
        [this] { m_rulesModel->applyLanguageModelOnlyPreset(); },
        tr("Keep the vision tower and merger in higher precision"));
    Q_UNUSED(preset);
    add(edit, tr("&Find Op"), QKeySequence::Find, [this] {
        m_opTable->filterEdit()->setFocus();
        m_opTable->filterEdit()->selectAll();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    const auto docks = findChildren<QDockWidget*>();
    for (QDockWidget* dock : docks)
        view->addAction(dock->toggleViewAction());
    // On a small screen the side panels fold away at once and come back as they were.
    QAction* panels = add(view, tr("Side &Panels"), QKeySequence(Qt::Key_F9), [this, docks](bool shown) {
        for (QDockWidget* dock : docks)
            dock->setVisible(shown);
    });
    panels->setCheckable(true);
    panels->setChecked(true);
    panels->setObjectName(QStringLiteral("SidePanelsAction"));
    view->addSeparator();
    add(view, tr("&Ranked Curve"), QKeySequence(Qt::ALT | Qt::Key_1),
        [this] { m_chartTabs->setCurrentIndex(0); });
    add(view, tr("&Metric vs Metric"), QKeySequence(Qt::ALT | Qt::Key_2),
        [this] { m_chartTabs->setCurrentIndex(1); });
    add(view, tr("&Compare with a Reference"), QKeySequence(Qt::ALT | Qt::Key_3),
        [this] { m_chartTabs->setCurrentIndex(2); });

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

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = AppSettings::recentFiles.get();
    for (int i = 0; i < files.size(); ++i) {
        QAction* action = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(files[i]).fileName()));
        action->setToolTip(files[i]);
        const QString path = files[i];
        connect(action, &QAction::triggered, this, [this, path] { openFiles({ path }); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
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
    return m_violationLabel->text();
}

void MainWindow::updateStatus()
{
    const Project& p = m_controller->project();
    const int errors = m_controller->errorCount();
    const int warnings = int(m_controller->violations().size()) - errors;
    // Worded and counted as `quantcut-cli check` reports the saved file.
    m_violationLabel->setText(tr("%1 errors, %2 warnings").arg(errors).arg(warnings));
    m_violationLabel->setStyleSheet(errors > 0
            ? QStringLiteral("QLabel { color: white; background: %1; padding: 1px 6px; }")
                  .arg(violationColor().name())
            : QString());
    QStringList parts;
    parts.append(
        tr("%1 ops, %2 metrics").arg(QLocale().toString(p.inventory().size())).arg(p.metrics().size()));
    for (int i = 0; i < p.profileCount(); ++i)
        parts.append(QStringLiteral("%1: %2 INT8")
                         .arg(p.cutPlan().profiles[size_t(i)].name)
                         .arg(QLocale().toString(p.cuts()[size_t(i)].ops)));
    m_summaryLabel->setText(parts.join(QStringLiteral("   ")));
}

void MainWindow::selectViolation(const QModelIndex& index)
{
    const int op = index.data(ViolationsModel::OpRole).toInt();
    if (op >= 0)
        m_controller->setSelectedOp(op);
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
        ProfileDocument::save(m_controller->project(), path);
    } catch (const FileError& e) {
        m_prompts->showError(this, tr("Save failed"), e.toString());
        return false;
    }
    m_controller->undoStack()->setClean();
    m_controller->setFilePath(QFileInfo(path).absoluteFilePath());
    AppSettings::addRecentFile(QFileInfo(path).absoluteFilePath());
    updateRecentMenu();
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
    if (paths.isEmpty() || m_loadWatcher.isRunning())
        return false;
    const bool replaces = ProjectLoader::replacesProject(paths);
    if (replaces && !maybeSave())
        return false;
    m_loadingPaths = paths;
    // A profile file replaces the project; rankings and inventories add to the current one.
    Project base = replaces ? Project() : m_controller->project();
    if (wait) {
        QFutureInterface<ProjectLoader::Result> interface;
        QPromise<ProjectLoader::Result> promise(interface);
        promise.start();
        ProjectLoader::load(promise, std::move(base), paths);
        promise.finish();
        m_loadWatcher.setFuture(interface.future());
        m_loadWatcher.waitForFinished();
        QCoreApplication::sendPostedEvents(&m_loadWatcher);
        finishLoad();
        return m_lastLoadSucceeded;
    }
    m_progress->setRange(0, int(paths.size()) + 1);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    statusBar()->showMessage(tr("Loading %n file(s)…", nullptr, int(paths.size())));
    m_loadWatcher.setFuture(QtConcurrent::run(&ProjectLoader::load, std::move(base), paths));
    return true;
}

void MainWindow::cancelLoading()
{
    if (m_loadWatcher.isRunning())
        m_loadWatcher.cancel();
}

void MainWindow::finishLoad()
{
    if (m_loadingPaths.isEmpty())
        return; // already handled (a synchronous load also gets the watcher's signal)
    const QStringList paths = std::exchange(m_loadingPaths, {});
    m_lastLoadSucceeded = false;
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    statusBar()->clearMessage();
    const QFuture<ProjectLoader::Result> future = m_loadWatcher.future();
    if (future.isCanceled() || future.resultCount() == 0) {
        statusBar()->showMessage(tr("Loading cancelled; nothing changed"), 4000);
        return;
    }
    ProjectLoader::Result result = future.result();
    // One dialog for every file that did not load; the good ones load all the same.
    if (!result.failed.isEmpty() || !result.error.isEmpty())
        m_prompts->showError(this, tr("Could not open"), result.problems());
    statusBar()->showMessage(result.summary(), 8000);
    if (!result.changesProject())
        return;
    const Project& current = m_controller->project();
    // Loading into an empty window is a start, not an edit: undo must not lead back to the empty window.
    const bool fresh = current.inventory().isEmpty() && current.metrics().empty();
    if (!result.profilePath.isEmpty() || fresh)
        m_controller->resetComputedProject(std::move(result.project), result.profilePath);
    else
        m_controller->adoptComputedProject(
            std::move(result.project), tr("Load %1").arg(result.loaded.join(QStringLiteral(", "))));
    m_lastLoadSucceeded = true;
    for (const QString& path : paths)
        AppSettings::addRecentFile(QFileInfo(path).absoluteFilePath());
    updateRecentMenu();
}

void MainWindow::requestEdit(int op, int action)
{
    // At once, no dialog: the note is written afterwards in the table's hand-edit column.
    if (action == OpTablePanel::ClearEdit) {
        m_controller->setOverride(op, std::nullopt);
        return;
    }
    const bool keep = action == OpTablePanel::KeepEdit;
    m_controller->setOverride(op, keep ? Override::Action::Keep : Override::Action::Int8);
    statusBar()->showMessage(keep ? tr("Kept %1; add a note in the Hand edit column")
                                        .arg(m_controller->project().inventory().at(op).name)
                                  : forceInt8Text(m_controller->project(), op),
        8000);
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

QList<QWidget*> MainWindow::exportedCharts() const
{
    // The per-layer chart and the chart of the current tab (the ranked curve when the tab is a table).
    QWidget* right = m_chartTabs->currentIndex() == 1 ? static_cast<QWidget*>(m_scatter)
                                                      : static_cast<QWidget*>(m_rankedCurve);
    return { m_layerChart, right };
}

bool MainWindow::exportCharts(const QString& path, const QSize& size, int dpi)
{
    QString error;
    if (!ChartImageExporter::write(path, exportedCharts(), size, dpi, &error)) {
        m_prompts->showError(this, tr("Export failed"), error);
        return false;
    }
    statusBar()->showMessage(tr("Exported the charts to %1").arg(path), 6000);
    return true;
}

void MainWindow::exportChartsDialog(const QString& suffix)
{
    QSize size = ChartImageExporter::naturalSize(exportedCharts()) * 2; // print quality by default
    int dpi = 2 * ChartImageExporter::kScreenDpi;
    if (!m_prompts->askImageSize(this, size, dpi))
        return;
    const QString path = m_prompts->askSavePath(this, tr("Export Charts"),
        QDir(AppSettings::lastDirectory.get()).filePath(QStringLiteral("quantcut-charts.") + suffix),
        suffix == QLatin1String("svg") ? tr("SVG (*.svg)") : tr("PNG (*.png)"));
    if (!path.isEmpty())
        exportCharts(path, size, dpi);
}

int MainWindow::currentProfile() const
{
    const int count = m_controller->project().profileCount();
    const QModelIndex current = m_summaryView->currentIndex();
    if (current.isValid() && current.row() < count)
        return current.row();
    return count - 1;
}

ExportOptions MainWindow::exportOptions() const
{
    ExportOptions options;
    options.activations = m_dynamicActivations->isChecked() ? ExportOptions::Activations::PerTokenDynamic
                                                            : ExportOptions::Activations::PerTensorStatic;
    options.smoothQuant = m_smoothQuant->isChecked();
    options.gptq = m_gptq->isChecked();
    return options;
}

void MainWindow::exportDialog(const QString& format, const ExportOptions& options)
{
    const Project& p = m_controller->project();
    if (p.profileCount() == 0) {
        m_prompts->showError(this, tr("Nothing to export"), tr("The project has no profiles."));
        return;
    }
    QStringList names;
    for (const ProfileSpec& spec : p.cutPlan().profiles)
        names.append(spec.label.isEmpty() ? spec.name : spec.name + QStringLiteral(" — ") + spec.label);
    int profile = currentProfile();
    if (!m_prompts->askChoice(this, tr("Export %1").arg(format), tr("Profile:"), names, profile)
        || !proceedDespiteErrors(tr("Export"), p.cutPlan().profiles[size_t(profile)].name))
        return;
    QString extension = QStringLiteral("txt");
    for (const ProfileExporter::Format& f : ProfileExporter::formats()) {
        if (f.id == format)
            extension = f.extension;
    }
    const bool fp8 = options.numbers == ExportOptions::NumberFormat::Fp8;
    const QString suggested = QStringLiteral("%1_%2%3.%4")
                                  .arg(format, p.cutPlan().profiles[size_t(profile)].name,
                                      fp8 ? QStringLiteral("_fp8") : QString(), extension);
    const QString path = m_prompts->askSavePath(this, tr("Export %1").arg(format),
        QDir(AppSettings::lastDirectory.get()).filePath(suggested),
        tr("%1 (*.%2);;All files (*)").arg(extension.toUpper(), extension));
    if (path.isEmpty())
        return;
    AppSettings::lastDirectory.set(QFileInfo(path).absolutePath());
    exportProfile(format, profile, path, options);
}

bool MainWindow::exportProfile(
    const QString& format, int profile, const QString& path, const ExportOptions& options)
{
    const Project& p = m_controller->project();
    if (profile < 0 || profile >= p.profileCount()) {
        m_prompts->showError(this, tr("Export failed"), tr("No profile %1.").arg(profile));
        return false;
    }
    const QString name = p.cutPlan().profiles[size_t(profile)].name;
    try {
        // Generated and verified in memory first: a mismatch or a refused option writes nothing.
        refuseInputAsOutput(path, p.inputFiles() + QStringList { m_controller->filePath() });
        writeAtomically(path, ProfileExporter::run(p, format, profile, options));
    } catch (const ExportMismatch& e) {
        m_prompts->showError(this, tr("Export refused"),
            tr("The %1 export of profile %2 would not quantize exactly the profile's ops, so nothing was "
               "written.\n\n%3")
                .arg(format, name, QString::fromUtf8(e.what())));
        return false;
    } catch (const std::invalid_argument& e) {
        m_prompts->showError(this, tr("Export refused"), QString::fromUtf8(e.what()));
        return false;
    } catch (const FileError& e) {
        m_prompts->showError(this, tr("Export failed"), e.toString());
        return false;
    } catch (const std::exception& e) {
        m_prompts->showError(this, tr("Export failed"), QString::fromUtf8(e.what()));
        return false;
    }
    statusBar()->showMessage(tr("Exported profile %1 as %2 to %3").arg(name, format, path), 6000);
    return true;
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
