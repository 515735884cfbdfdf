// Issue 12, an explorer you can trust in a review: the window's counts equal `quantcut-cli check` on the
// saved file, keys act only on the op the table highlights, a bad file no longer drops the good ones,
// coincident handles separate, every chart zooms and pans, colours mean one thing, and the smaller items.
#include "MainWindow.h"
#include "ProjectController.h"
#include "SyntheticProject.h"
#include "TestPaths.h"
#include "UserPrompts.h"
#include "chart/ChartView.h"
#include "chart/CutAxisMapping.h"
#include "chart/CutHandle.h"
#include "chart/GroupAxisItem.h"
#include "chart/LayerSensitivityView.h"
#include "chart/ProfileColors.h"
#include "chart/RankScatterView.h"
#include "chart/RankedCurveView.h"
#include "chart/ZoomRange.h"
#include "check/Checker.h"
#include "models/ComparisonModel.h"
#include "models/OpFilterProxyModel.h"
#include "models/OpTableModel.h"
#include "models/ProfileSummaryModel.h"
#include "models/ViolationsModel.h"
#include "profile/CutSuggester.h"
#include "widgets/ChartArea.h"
#include "widgets/ComparePanel.h"
#include "widgets/FrozenColumnTableView.h"
#include "widgets/OpTablePanel.h"
#include "widgets/SideDocks.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QtTest>

using namespace qc;
using namespace qc::gui;

namespace {
class RecordingPrompts : public UserPrompts
{
public:
    QStringList* errors;
    QString* savePath;
    bool* proceed;
    int* questions;
    RecordingPrompts(QStringList* sink, QString* path, bool* go, int* asked)
        : errors(sink)
        , savePath(path)
        , proceed(go)
        , questions(asked)
    { }
    void showError(QWidget*, const QString& title, const QString& text) override
    {
        errors->append(title + QStringLiteral(": ") + text);
    }
    SaveChoice askSaveChanges(QWidget*, const QString&) override { return SaveChoice::Discard; }
    QString askSavePath(QWidget*, const QString&, const QString&, const QString&) override
    {
        return *savePath;
    }
    bool askChoice(QWidget*, const QString&, const QString&, const QStringList& items, int& index) override
    {
        return index >= 0 && index < items.size();
    }
    bool askProceedDespiteErrors(QWidget*, const QString&, const QString&) override
    {
        ++*questions;
        return *proceed;
    }
    bool askImageSize(QWidget*, QSize&, int&) override { return true; }
};

// What `quantcut-cli check` says about a saved file: its error and warning totals and errors per profile.
struct CliCheck
{
    int errors = -1;
    int warnings = -1;
    QMap<QString, int> errorsPerProfile;
};

CliCheck runCliCheck(const QString& path)
{
    QProcess cli;
    cli.start(qc::test::cliPath(), { QStringLiteral("check"), path });
    CliCheck result;
    if (!cli.waitForFinished(60000))
        return result;
    const QString out = QString::fromUtf8(cli.readAllStandardOutput());
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    const QRegularExpression totals(QStringLiteral(R"((\d+) errors, (\d+) warnings)"));
    const QRegularExpressionMatch m = totals.match(err);
    if (m.hasMatch()) {
        result.errors = m.captured(1).toInt();
        result.warnings = m.captured(2).toInt();
    }
    const QRegularExpression line(QStringLiteral(R"(^error \S+ \[([^\]]+)\]:)"));
    for (const QString& l : out.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch lm = line.match(l);
        if (lm.hasMatch())
            ++result.errorsPerProfile[lm.captured(1)];
    }
    return result;
}

int rowOfOp(const QAbstractItemModel* model, int op, int role)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(role).toInt() == op)
            return row;
    }
    return -1;
}
} // namespace

class TestGuiTrust : public QObject
{
    Q_OBJECT

    QStringList m_errors;
    QString m_savePath;
    bool m_proceed = true;
    int m_questions = 0;
    QTemporaryDir m_dir;

    std::unique_ptr<MainWindow> makeWindow(int ops = 600)
    {
        auto window = std::make_unique<MainWindow>();
        window->setPrompts(
            std::make_unique<RecordingPrompts>(&m_errors, &m_savePath, &m_proceed, &m_questions));
        window->controller()->resetProject(makeSyntheticProject(ops));
        window->resize(MainWindow::kDefaultSize);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
        QCoreApplication::processEvents();
        return window;
    }

    std::unique_ptr<MainWindow> makeExampleWindow()
    {
        const QStringList files = MainWindow::exampleFiles();
        if (files.size() < 3)
            return nullptr;
        auto window = makeWindow(10);
        if (!window)
            return nullptr;
        window->controller()->resetProject(Project());
        if (!window->openFiles(files, true))
            return nullptr;
        return window;
    }

    // Press a key on the op table, with the focus there as a user's would be.
    static void pressOnTable(MainWindow* window, Qt::Key key)
    {
        window->opTable()->view()->setFocus();
        QTest::keyClick(window->opTable()->view(), key);
    }

    // The GUI's counts against the CLI's on the file the GUI saves.
    void compareWithCli(MainWindow* window, const QString& name)
    {
        ProjectController* controller = window->controller();
        const QString path = m_dir.filePath(name);
        QVERIFY(window->saveTo(path));
        const CliCheck cli = runCliCheck(path);
        QCOMPARE(cli.errors, controller->errorCount());
        QCOMPARE(cli.warnings, int(controller->violations().size()) - controller->errorCount());
        QVERIFY2(window->violationStatusText().startsWith(QStringLiteral("%1 error").arg(cli.errors)),
            qPrintable(window->violationStatusText()));
        const Project& p = controller->project();
        int profileErrors = 0;
        for (int i = 0; i < p.profileCount(); ++i) {
            const QString profile = p.cutPlan().profiles[size_t(i)].name;
            const int shown = window->docks()
                                  ->summaryModel()
                                  ->index(i, ProfileSummaryModel::ViolationsColumn)
                                  .data(ProfileSummaryModel::ValueRole)
                                  .toInt();
            QCOMPARE(shown, cli.errorsPerProfile.value(profile));
            profileErrors += shown;
        }
        // Every error names its profile, as the CLI's lines do.
        QCOMPARE(profileErrors, cli.errors);
    }

private slots:
    void init()
    {
        m_errors.clear();
        m_savePath.clear();
        m_proceed = true;
        m_questions = 0;
    }

    void countsEqualTheCliOnTheSavedFile()
    {
        auto window = makeWindow();
        QVERIFY(window);
        ProjectController* controller = window->controller();
        compareWithCli(window.get(), QStringLiteral("clean.yaml"));
        QCOMPARE(controller->errorCount(), 0);

        // Forced INT8 against the lm-head rule: one error per profile, as the CLI says.
        const int head = controller->opIndex(QStringLiteral("lm_head"));
        window->opTable()->selectOp(head);
        pressOnTable(window.get(), Qt::Key_I);
        QCOMPARE(controller->errorCount(), controller->project().profileCount());
        compareWithCli(window.get(), QStringLiteral("forced.yaml"));
        for (int row = 0; row < window->docks()->violationsModel()->rowCount(); ++row)
            QVERIFY(!window->docks()
                         ->violationsModel()
                         ->index(row, ViolationsModel::ProfileColumn)
                         .data()
                         .toString()
                         .isEmpty());

        // A kept op and a second forced one.
        window->opTable()->selectOp(5);
        pressOnTable(window.get(), Qt::Key_K);
        const int embed = controller->opIndex(QStringLiteral("model.embed_tokens"));
        window->opTable()->selectOp(embed);
        pressOnTable(window.get(), Qt::Key_I);
        QCOMPARE(controller->errorCount(), 2 * controller->project().profileCount());
        compareWithCli(window.get(), QStringLiteral("two.yaml"));
    }

    void theWindowsCheckIsTheStoredListCheck()
    {
        // The window's fast path must find exactly what the stored-list check (the CLI's) finds.
        auto sorted = [](std::vector<Violation> v) {
            std::sort(v.begin(), v.end(), [](const Violation& a, const Violation& b) {
                return std::tie(a.profile, a.op, a.message) < std::tie(b.profile, b.op, b.message);
            });
            return v;
        };
        auto expectSame = [&](const ProjectController& controller) {
            const Project& p = controller.project();
            QCOMPARE(sorted(controller.violations()), sorted(Checker::check(p, p.lists())));
        };
        ProjectController controller;
        controller.resetProject(makeSyntheticProject(600));
        expectSame(controller);
        controller.setOverride(controller.opIndex(QStringLiteral("lm_head")), Override::Action::Int8);
        expectSame(controller);
        controller.setOverride(
            controller.opIndex(QStringLiteral("model.embed_tokens")), Override::Action::Int8);
        controller.setOverride(
            controller.opIndex(QStringLiteral("model.layers.3.self_attn.q_proj")), Override::Action::Keep);
        expectSame(controller);
        // One of a fused group forced, another kept: a split where the two checks word things differently.
        controller.setOverride(
            controller.opIndex(QStringLiteral("model.layers.5.self_attn.q_proj")), Override::Action::Int8);
        controller.setOverride(
            controller.opIndex(QStringLiteral("model.layers.5.self_attn.k_proj")), Override::Action::Keep);
        QVERIFY(std::any_of(controller.violations().begin(), controller.violations().end(),
            [](const Violation& v) { return v.kind == Violation::Kind::SplitFusedGroup; }));
        expectSame(controller);
        // Cuts out of order (as a hand-edited file may have them) and an empty profile.
        CutPlan plan = controller.project().cutPlan();
        plan.profiles[0].cut = 0.0;
        plan.profiles[2].cut = 0.3;
        controller.setCutPlan(plan, QStringLiteral("out of order"));
        expectSame(controller);
        // A drag step.
        controller.setCutPlan(makeSyntheticProject(600).cutPlan(), QStringLiteral("back"));
        controller.setCut(1, 0.6, controller.beginDrag());
        expectSame(controller);
        // Half the ops missing from one metric: hundreds of partial-ranking warnings.
        Project partial = makeSyntheticProject(600);
        std::vector<Metric> metrics = partial.metrics();
        metrics[1].entries.resize(metrics[1].entries.size() / 2);
        partial.setMetrics(metrics);
        controller.resetProject(partial);
        controller.setOverride(controller.opIndex(QStringLiteral("lm_head")), Override::Action::Int8);
        expectSame(controller);
        if (auto window = makeExampleWindow()) {
            expectSame(*window->controller());
            window->controller()->setOverride(
                window->controller()->opIndex(QStringLiteral("model.language_model.embed_tokens")),
                Override::Action::Int8);
            expectSame(*window->controller());
        }
    }

    void countsEqualTheCliOnTheRealExample()
    {
        auto window = makeExampleWindow();
        if (!window)
            QSKIP("the bundled example is not there");
        ProjectController* controller = window->controller();
        compareWithCli(window.get(), QStringLiteral("example.yaml"));
        // The issue's case: embed_tokens forced to INT8 is four errors, [A] to [D].
        const int embed = controller->opIndex(QStringLiteral("model.language_model.embed_tokens"));
        QVERIFY(embed >= 0);
        window->opTable()->selectOp(embed);
        pressOnTable(window.get(), Qt::Key_I);
        QCOMPARE(controller->errorCount(), 4);
        compareWithCli(window.get(), QStringLiteral("example-forced.yaml"));
    }

    void keysActOnlyOnTheHighlightedOp()
    {
        auto window = makeWindow();
        QVERIFY(window);
        ProjectController* controller = window->controller();
        OpTablePanel* table = window->opTable();
        const int head = controller->opIndex(QStringLiteral("lm_head"));
        controller->setOverride(head, Override::Action::Int8); // a violation outside the filter

        table->filterEdit()->setText(QStringLiteral("layers.2.mlp"));
        QTest::keyClick(table->filterEdit(), Qt::Key_Return);
        QVERIFY(table->proxy()->rowCount() > 0 && table->proxy()->rowCount() < 600);
        QVERIFY2(table->matchCountLabel()->text().startsWith(
                     QString::number(table->proxy()->rowCount()) + QStringLiteral(" of")),
            qPrintable(table->matchCountLabel()->text()));
        const QModelIndex first = table->proxy()->index(0, 0);
        QTest::mouseClick(
            table->view()->viewport(), Qt::LeftButton, {}, table->view()->visualRect(first).center());
        const int filteredOp = table->currentOp();
        QVERIFY(controller->opIndex(QStringLiteral("model.layers.2.mlp.experts.0.gate_proj")) >= 0);
        QCOMPARE(controller->selectedOp(), filteredOp);

        // Clicking lm_head's violation: the table shows and highlights lm_head, not the old row.
        QTableView* violations = window->docks()->violationsView();
        const int row = rowOfOp(violations->model(), head, ViolationsModel::OpRole);
        QVERIFY(row >= 0);
        QTest::mouseClick(violations->viewport(), Qt::LeftButton, {},
            violations->visualRect(violations->model()->index(row, 0)).center());
        QCOMPARE(controller->selectedOp(), head);
        QCOMPARE(table->currentOp(), head);
        QVERIFY(table->filterEdit()->text().isEmpty());
        QCOMPARE(table->proxy()->rowCount(), 600);
        QVERIFY(table->view()->selectionModel()->isRowSelected(table->view()->currentIndex().row(), {}));
        pressOnTable(window.get(), Qt::Key_K);
        QCOMPARE(controller->project().overrides().size(), size_t(1));
        QCOMPARE(controller->project().overrides()[0].op, QStringLiteral("lm_head"));
        QCOMPARE(controller->project().overrides()[0].action, Override::Action::Keep);

        // Nothing highlighted: K refuses instead of editing the op the table last had.
        controller->setSelectedOp(-1);
        QVERIFY(!table->view()->currentIndex().isValid());
        QSignalSpy refused(table, &OpTablePanel::message);
        const int undoCount = controller->undoStack()->count();
        pressOnTable(window.get(), Qt::Key_I);
        QCOMPARE(controller->undoStack()->count(), undoCount);
        QCOMPARE(refused.count(), 1);
    }

    void keysActAtOnceAndNotesAreEditedInTheTable()
    {
        auto window = makeWindow();
        QVERIFY(window);
        ProjectController* controller = window->controller();
        OpTableModel* model = window->opModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int head = controller->opIndex(QStringLiteral("lm_head"));
        window->opTable()->selectOp(head);
        // Force INT8 names the rule it would break.
        QVERIFY2(window->opTable()->editActions()[1]->text().contains(QStringLiteral("lm-head")),
            qPrintable(window->opTable()->editActions()[1]->text()));
        pressOnTable(window.get(), Qt::Key_I);
        QCOMPARE(controller->project().overrides().size(), size_t(1)); // no dialog in between
        QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("lm-head")),
            qPrintable(window->statusBar()->currentMessage()));
        const QModelIndex note = model->index(head, model->editColumn());
        QVERIFY(model->flags(note) & Qt::ItemIsEditable);
        QVERIFY(!(model->flags(model->index(0, model->editColumn())) & Qt::ItemIsEditable));
        QCOMPARE(note.data().toString(), QStringLiteral("INT8"));
        QVERIFY(model->setData(note, QStringLiteral("checked with the team")));
        QCOMPARE(controller->project().overrides()[0].note, QStringLiteral("checked with the team"));
        QCOMPARE(controller->project().overrides()[0].action, Override::Action::Int8);
        QCOMPARE(note.data().toString(), QStringLiteral("INT8 — checked with the team"));
        controller->undoStack()->undo();
        QCOMPARE(controller->project().overrides()[0].note, QString());
    }

    void aBadFileDoesNotDropTheGoodOnes()
    {
        const QStringList files = MainWindow::exampleFiles();
        if (files.size() < 3)
            QSKIP("the bundled example is not there");
        const QString truncated = m_dir.filePath(QStringLiteral("truncated.json"));
        QFile file(truncated);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"mse_v2\": {\"model.language_model.layers.0.mlp.up_proj\": 1.0,");
        file.close();
        auto window = makeWindow(10);
        QVERIFY(window);
        window->controller()->resetProject(Project());
        QVERIFY(window->openFiles({ files[0], files[1], truncated, files[2] }, true));
        const Project& p = window->controller()->project();
        QCOMPARE(p.metrics().size(), size_t(2));
        QVERIFY(p.inventory().size() > 100);
        QCOMPARE(m_errors.size(), 1); // one dialog
        QVERIFY2(m_errors.front().contains(QStringLiteral("truncated.json")), qPrintable(m_errors.front()));
        QVERIFY2(m_errors.front().contains(QStringLiteral("Loaded:")), qPrintable(m_errors.front()));
        const QString status = window->statusBar()->currentMessage();
        QVERIFY2(status.contains(QStringLiteral("ops.csv"))
                && status.contains(QStringLiteral("1 file(s) not loaded")),
            qPrintable(status));
        // A first load is a start: undo does not lead back to the empty window.
        QVERIFY(!window->controller()->undoStack()->canUndo());

        // Only bad files: nothing changes, and the status bar says so.
        m_errors.clear();
        QVERIFY(!window->openFiles({ truncated }, true));
        QCOMPARE(m_errors.size(), 1);
        QVERIFY(window->statusBar()->currentMessage().startsWith(QStringLiteral("Nothing loaded")));
        QCOMPARE(p.metrics().size(), size_t(2));
    }

    void coincidentHandlesMoveInTheDragDirection()
    {
        auto window = makeWindow();
        QVERIFY(window);
        RankedCurveView* view = window->chartArea()->rankedCurve();
        ProjectController* controller = window->controller();
        const Project& p = controller->project();
        CutPlan plan = p.cutPlan();
        plan.profiles[0].cut = plan.profiles[1].cut; // A dragged onto B
        controller->setCutPlan(plan, QStringLiteral("A onto B"));
        const double shared = p.cutPlan().profiles[1].cut;
        QCOMPARE(view->handleViewportPos(0), view->handleViewportPos(1));

        auto drag = [&](int profile, double toFraction) {
            const QPoint start = view->handleViewportPos(profile);
            const CutAxisMapping map = view->mapping();
            const QPoint target = view->mapFromScene(
                view->chart()->mapToScene(QPointF(map.xAt(toFraction), map.plotArea.center().y())));
            QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
            for (int step = 1; step <= 5; ++step)
                QTest::mouseMove(view->viewport(), start + (target - start) * step / 5);
            QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, target);
        };
        // Grabbing the pair (B is on top) and going left moves A; B stays.
        drag(1, shared - 0.2);
        QVERIFY2(p.cutPlan().profiles[0].cut < shared - 0.1,
            qPrintable(QString::number(p.cutPlan().profiles[0].cut)));
        QCOMPARE(p.cutPlan().profiles[1].cut, shared);
        // Together again, going right moves B (A cannot pass it).
        controller->undoStack()->undo();
        QCOMPARE(p.cutPlan().profiles[0].cut, shared);
        drag(0, shared + 0.05);
        QCOMPARE(p.cutPlan().profiles[0].cut, shared);
        QVERIFY(p.cutPlan().profiles[1].cut > shared);
    }

    void zoomRangeStaysInsideItsHome()
    {
        ZoomRange z;
        z.setHome(0.0, 1.0);
        z.zoomAt(0.5, 0.25);
        QCOMPARE(z.lo(), 0.125);
        QCOMPARE(z.hi(), 0.625);
        z.pan(10.0);
        QCOMPARE(z.hi(), 1.0);
        QCOMPARE(z.span(), 0.5);
        z.zoomTo(0.3, 0.3); // a zero-width band: the narrowest readable span instead
        QVERIFY(z.span() >= ZoomRange::kMinFraction * 0.999);
        z.zoomAt(1e6, 0.5);
        QCOMPARE(z.lo(), 0.0);
        QCOMPARE(z.hi(), 1.0);
        QVERIFY(!z.isZoomed());
        z.zoomTo(0.2, 0.4);
        z.setHome(0.0, 2.0); // a rebuild keeps the zoom
        QCOMPARE(z.lo(), 0.2);
        QCOMPARE(z.hi(), 0.4);
    }

    void rankedCurveZoomsPansAndDecimatesTheVisibleRange()
    {
        auto window = makeWindow(20000);
        QVERIFY(window);
        RankedCurveView* view = window->chartArea()->rankedCurve();
        const QValueAxis* x = qobject_cast<QValueAxis*>(view->chart()->axes(Qt::Horizontal).front());
        QVERIFY(x);
        QCOMPARE(x->min(), 0.0);
        QCOMPARE(x->max(), 1.0);
        const int width = int(view->chart()->plotArea().width());
        auto* series = qobject_cast<QLineSeries*>(view->chart()->series().front());
        const QList<QPointF> whole = series->points();
        QVERIFY(whole.size() <= 4 * width + 2);

        // Rubber band over the middle fifth.
        const CutAxisMapping map = view->mapping();
        const QPoint a = view->mapFromScene(
            view->chart()->mapToScene(QPointF(map.xAt(0.4), map.plotArea.center().y() - 40)));
        const QPoint b = view->mapFromScene(
            view->chart()->mapToScene(QPointF(map.xAt(0.6), map.plotArea.center().y() + 40)));
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, a);
        QTest::mouseMove(view->viewport(), (a + b) / 2);
        QTest::mouseMove(view->viewport(), b);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, b);
        QVERIFY2(qAbs(x->min() - 0.4) < 0.01 && qAbs(x->max() - 0.6) < 0.01,
            qPrintable(QStringLiteral("%1..%2").arg(x->min()).arg(x->max())));
        // Re-decimated to the visible range: the points lie in it (one beyond each edge), at pixel density.
        const QList<QPointF> zoomed = series->points();
        QVERIFY(zoomed.size() <= 4 * width + 4);
        int inside = 0;
        for (const QPointF& pt : zoomed)
            inside += pt.x() >= x->min() && pt.x() <= x->max();
        QVERIFY(inside >= zoomed.size() - 2);
        QVERIFY2(
            inside > whole.size() / 3, qPrintable(QStringLiteral("%1 of %2").arg(inside).arg(whole.size())));
        // Readable ticks: 0.02 apart, so two decimals.
        QCOMPARE(x->labelFormat(), QStringLiteral("%.2f"));

        // Wheel in, keys pan, 0 resets.
        const double span = x->max() - x->min();
        QWheelEvent wheel(QPointF(view->viewport()->rect().center()),
            view->viewport()->mapToGlobal(QPointF(view->viewport()->rect().center())), QPoint(),
            QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        QVERIFY(x->max() - x->min() < span * 0.9);
        const double before = x->min();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Right);
        QVERIFY(x->min() > before);
        QTest::keyClick(view, Qt::Key_0);
        QCOMPARE(x->min(), 0.0);
        QCOMPARE(x->max(), 1.0);
        QCOMPARE(x->labelFormat(), QStringLiteral("%.1f"));
        QCOMPARE(series->points().size(), whole.size());
    }

    void layerChartAndScatterZoom()
    {
        auto window = makeWindow(2000);
        QVERIFY(window);
        LayerSensitivityView* layers = window->chartArea()->layerChart();
        layers->setFocus();
        const int slotCount = int(layers->layerSlots().size());
        QTest::keyClick(layers, Qt::Key_Plus);
        QTest::keyClick(layers, Qt::Key_Plus);
        const ZoomRange& lx = layers->zoomRange(Qt::Horizontal);
        QVERIFY(lx.isZoomed());
        QVERIFY(lx.span() < slotCount * 0.7);
        // The layer labels follow: only visible layers are labelled.
        for (const GroupAxisItem::Label& label : layers->groupAxis()->tickLabels())
            QVERIFY(label.text.toInt() >= int(std::floor(lx.lo())) - 1
                && label.text.toInt() <= int(std::ceil(lx.hi())) + 1);
        QTest::keyClick(layers, Qt::Key_Home);
        QVERIFY(!lx.isZoomed());

        QTest::keyClick(window.get(), Qt::Key_2, Qt::AltModifier);
        RankScatterView* scatter = window->chartArea()->scatter();
        QVERIFY(scatter->isVisible());
        const QRect plot = scatter->plotRect();
        QWheelEvent wheel(QPointF(plot.center()), scatter->mapToGlobal(QPointF(plot.center())), QPoint(),
            QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(scatter, &wheel);
        QVERIFY(scatter->zoomRange(Qt::Horizontal).span() < 0.7);
        QVERIFY(scatter->zoomRange(Qt::Vertical).span() < 0.7);
        scatter->resetZoom();
        // Hover names the op under the pointer and its two ranks.
        const auto& ranks = window->controller()->project().ranking().metricRank;
        int op = 0;
        while (std::isnan(ranks[0][size_t(op)]) || std::isnan(ranks[1][size_t(op)]))
            ++op;
        const QPoint at(plot.left() + int(ranks[0][size_t(op)] * plot.width()),
            plot.bottom() - int(ranks[1][size_t(op)] * plot.height()));
        const int hovered = scatter->opAt(at);
        QVERIFY(hovered >= 0);
        const QString tip = scatter->opToolTip(hovered);
        QVERIFY2(tip.contains(window->controller()->project().inventory().at(hovered).name.toHtmlEscaped()),
            qPrintable(tip));
        QVERIFY(tip.contains(QStringLiteral("rank by")));
    }

    void coloursMeanOneThing()
    {
        auto hueDistance = [](int a, int b) {
            const int d = std::abs(a - b) % 360;
            return std::min(d, 360 - d);
        };
        const int red = violationColor().hsvHue();
        for (int m = 0; m < 6; ++m) {
            const QColor c = metricColor(m);
            QVERIFY2(c.hsvSaturation() < 40 || hueDistance(c.hsvHue(), red) > 60, qPrintable(c.name()));
            for (int p = 0; p < 8; ++p)
                QVERIFY(c != profileColor(p));
        }
        auto window = makeWindow();
        QVERIFY(window);
        // The selection marker is a ring in the text colour, not red.
        const QColor ring = selectionColor(window->palette());
        QVERIFY(hueDistance(ring.hsvHue(), red) > 60 || ring.hsvSaturation() < 40);
    }

    void chartsFollowADarkPalette()
    {
        const QPalette light = QApplication::palette();
        QPalette dark = light;
        dark.setColor(QPalette::Window, QColor(45, 45, 48));
        dark.setColor(QPalette::Base, QColor(30, 30, 32));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        QApplication::setPalette(dark);
        auto window = makeWindow();
        QApplication::setPalette(light);
        QVERIFY(window);
        for (ChartView* view : { static_cast<ChartView*>(window->chartArea()->rankedCurve()),
                 static_cast<ChartView*>(window->chartArea()->layerChart()) }) {
            QVERIFY(view->chart()->backgroundBrush().color().lightness() < 128);
            QVERIFY(view->chart()->axes(Qt::Horizontal).front()->labelsColor().lightness() > 128);
        }
        // The curve and the selection ring take the text colour: light on dark.
        auto* curve
            = qobject_cast<QLineSeries*>(window->chartArea()->rankedCurve()->chart()->series().front());
        QVERIFY(curve->pen().color().lightness() > 128);
        QVERIFY(selectionColor(window->palette()).lightness() > 128);
        const QImage shot = window->grab().toImage();
        const QPoint centre = window->chartArea()->rankedCurve()->mapTo(
            window.get(), window->chartArea()->rankedCurve()->rect().center());
        QVERIFY(shot.pixelColor(centre).lightness() < 160); // a dark plot, not a white chart in a dark window
    }

    void exportAsksBeforeGoingPastErrors()
    {
        auto window = makeWindow();
        QVERIFY(window);
        ProjectController* controller = window->controller();
        controller->setOverride(controller->opIndex(QStringLiteral("lm_head")), Override::Action::Int8);
        m_savePath = m_dir.filePath(QStringLiteral("asked.json"));
        QFile::remove(m_savePath);
        QAction* inc2 = nullptr;
        for (QAction* action : window->exportMenu()->actions()) {
            if (action->data().toString() == QLatin1String("inc2"))
                inc2 = action;
        }
        QVERIFY(inc2);
        m_proceed = false;
        inc2->trigger();
        QCOMPARE(m_questions, 1);
        QVERIFY(!QFileInfo::exists(m_savePath));
    }

    void clickingAFrozenNameSelectsAndTheKeysFollow()
    {
        auto window = makeWindow();
        QVERIFY(window);
        auto* view = qobject_cast<FrozenColumnTableView*>(window->opTable()->view());
        QVERIFY(view);
        window->chartArea()->rankedCurve()->setFocus(); // the focus elsewhere, as after using a chart
        QTableView* frozen = view->frozenView();
        const QModelIndex third = frozen->model()->index(3, 0);
        QTest::mouseClick(frozen->viewport(), Qt::LeftButton, {}, frozen->visualRect(third).center());
        const int op = third.data(OpTableModel::OpIndexRole).toInt();
        QCOMPARE(window->opTable()->currentOp(), op);
        QCOMPARE(window->controller()->selectedOp(), op);
        QVERIFY(view->hasFocus());
        QTest::keyClick(view, Qt::Key_K);
        QCOMPARE(window->controller()->project().overrides().size(), size_t(1));
        QCOMPARE(window->controller()->project().overrides()[0].op,
            window->controller()->project().inventory().at(op).name);
    }

    void frozenNameColumnAndReadableCells()
    {
        auto window = makeExampleWindow();
        if (!window)
            QSKIP("the bundled example is not there");
        auto* view = qobject_cast<FrozenColumnTableView*>(window->opTable()->view());
        QVERIFY(view);
        OpTableModel* model = window->opModel();
        view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->maximum());
        QCoreApplication::processEvents();
        QTableView* frozen = view->frozenView();
        QVERIFY(frozen->isVisible());
        QVERIFY(!frozen->isColumnHidden(OpTableModel::NameColumn));
        QVERIFY(frozen->isColumnHidden(1));
        QCOMPARE(frozen->columnWidth(0), view->columnWidth(0));
        QVERIFY(frozen->geometry().left() <= view->frameWidth() + 1);
        // The per-profile columns fit "kept: rule:…" texts; the tooltip holds the full text anyway.
        const QFontMetrics metrics = view->fontMetrics();
        for (int op = 0; op < model->rowCount(); ++op) {
            const QString text = model->index(op, model->profileColumn(3)).data().toString();
            if (text.startsWith(QStringLiteral("kept: rule:"))) {
                QVERIFY2(metrics.horizontalAdvance(text) < view->columnWidth(model->profileColumn(3)),
                    qPrintable(text));
                QVERIFY(model->index(op, model->profileColumn(3))
                            .data(Qt::ToolTipRole)
                            .toString()
                            .contains(text));
                break;
            }
        }
        // Compare: a layer column tells the o_proj rows apart.
        QTest::keyClick(window.get(), Qt::Key_3, Qt::AltModifier);
        QAbstractItemModel* comparison = window->chartArea()->comparePanel()->view()->model();
        QAbstractItemModelTester tester(comparison, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(comparison->rowCount() > 0);
        const QModelIndex first = comparison->index(0, ComparisonModel::OpColumn);
        const int op = window->controller()->opIndex(first.data().toString());
        QCOMPARE(comparison->index(0, ComparisonModel::LayerColumn).data().toString(),
            window->controller()->project().inventory().at(op).layer >= 0
                ? QString::number(window->controller()->project().inventory().at(op).layer)
                : QStringLiteral("–"));
    }

    void smallScreensAndSidePanels()
    {
        auto window = makeWindow();
        QVERIFY(window);
        const QSize first = MainWindow::firstRunSize(window->screen());
        const QSize available = window->screen()->availableGeometry().size();
        QVERIFY(first.width() <= available.width() && first.height() <= available.height());
        QVERIFY(first.width() <= MainWindow::kDefaultSize.width());
        QAction* panels = window->findChild<QAction*>(QStringLiteral("SidePanelsAction"));
        QVERIFY(panels);
        panels->trigger();
        for (QDockWidget* dock : window->findChildren<QDockWidget*>())
            QVERIFY(!dock->isVisible());
        panels->trigger();
        QVERIFY(window->findChild<QDockWidget*>(QStringLiteral("ProfilesDock"))->isVisible());
    }

    void suggestedCutsAreNestedWithTheLastNearTheTop()
    {
        std::vector<Project> projects;
        projects.push_back(makeSyntheticProject(600));
        auto window = makeExampleWindow();
        if (window)
            projects.push_back(window->controller()->project());
        for (const Project& p : projects) {
            const Ranking& r = p.ranking();
            const std::vector<int> units = CutSuggester::suggestUnits(r, p.profileCount());
            QCOMPARE(int(units.size()), p.profileCount());
            for (size_t i = 1; i < units.size(); ++i)
                QVERIFY(units[i] > units[i - 1]);
            const int n = r.eligibleUnits();
            QVERIFY2(units.back() >= int(n * (1.0 - CutSuggester::kTopWindow)) - 1,
                qPrintable(QStringLiteral("%1 of %2").arg(units.back()).arg(n)));
            QVERIFY(units.front() >= 1);
            // Spread: no two profiles within a twentieth of the units of each other.
            for (size_t i = 1; i < units.size(); ++i)
                QVERIFY(units[i] - units[i - 1] >= n / 20);
            const CutPlan plan = CutSuggester::suggest(r, p.cutPlan());
            for (size_t i = 1; i < plan.profiles.size(); ++i)
                QVERIFY(plan.profiles[i].cut > plan.profiles[i - 1].cut);
        }
    }

    void saveAndExportAskBeforeGoingPastErrors()
    {
        auto window = makeWindow();
        QVERIFY(window);
        ProjectController* controller = window->controller();
        controller->setOverride(controller->opIndex(QStringLiteral("lm_head")), Override::Action::Int8);
        m_savePath = m_dir.filePath(QStringLiteral("asked.yaml"));
        QFile::remove(m_savePath);
        QAction* save = nullptr;
        for (QAction* action : window->actions()) {
            if (action->shortcut() == QKeySequence(QKeySequence::Save))
                save = action;
        }
        QVERIFY(save);
        m_proceed = false;
        save->trigger();
        QCOMPARE(m_questions, 1);
        QVERIFY(!QFileInfo::exists(m_savePath));
        m_proceed = true;
        save->trigger();
        QCOMPARE(m_questions, 2);
        QVERIFY(QFileInfo::exists(m_savePath));
        // A clean project saves without a question.
        controller->setOverride(controller->opIndex(QStringLiteral("lm_head")), std::nullopt);
        save->trigger();
        QCOMPARE(m_questions, 2);
    }

    void chartExportIsTheChartsAloneAtTheChosenSize()
    {
        auto window = makeWindow();
        QVERIFY(window);
        const QString png = m_dir.filePath(QStringLiteral("charts.png"));
        const QString title = window->chartArea()->rankedCurve()->chart()->title();
        QVERIFY(title.contains(QStringLiteral("drag")));
        QVERIFY(window->exportCharts(png, QSize(2400, 900), 192));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(2400, 900));
        QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 192);
        QCOMPARE(window->chartArea()->rankedCurve()->chart()->title(), title); // the hint is back on screen
        // The top-left corner is the image's plain background, not the mode box above the chart on screen.
        QCOMPARE(image.pixelColor(3, 3).rgb(), window->palette().color(QPalette::Base).rgb());
    }

    void partialRankingWarningsFoldIntoOneRow()
    {
        Project project = makeSyntheticProject(600);
        std::vector<Metric> metrics = project.metrics();
        metrics[1].entries.resize(metrics[1].entries.size() / 2); // half the ops lack the second metric
        project.setMetrics(metrics);
        ProjectController controller;
        controller.resetProject(project);
        ViolationsModel model(&controller);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int partial = int(std::count_if(controller.violations().begin(), controller.violations().end(),
            [](const Violation& v) { return v.kind == Violation::Kind::PartialRanking; }));
        QVERIFY(partial > 100);
        QVERIFY(model.rowCount() < 10);
        int counted = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            counted += model.index(row, 0).data(ViolationsModel::CountRole).toInt();
        QCOMPARE(counted, int(controller.violations().size()));
        int folded = -1;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, 0).data(ViolationsModel::CountRole).toInt() == partial)
                folded = row;
        }
        QVERIFY(folded >= 0);
        QVERIFY(model.index(folded, ViolationsModel::KindColumn)
                    .data()
                    .toString()
                    .contains(QString::number(partial)));
    }

    void profileDifferenceFilterAndMatchCount()
    {
        auto window = makeWindow();
        QVERIFY(window);
        OpTablePanel* table = window->opTable();
        QAbstractItemModelTester tester(
            table->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Project& p = window->controller()->project();
        QComboBox* status = table->statusFilter();
        const int item = status->findText(QStringLiteral("INT8 in C but not in B"));
        QVERIFY(item >= 0);
        status->setCurrentIndex(item);
        QCOMPARE(qint64(table->proxy()->rowCount()), p.cuts()[2].ops - p.cuts()[1].ops);
        QVERIFY(table->matchCountLabel()->text().contains(QStringLiteral(" of 600")));
        for (int row = 0; row < table->proxy()->rowCount(); ++row) {
            const int op = table->proxy()->index(row, 0).data(OpTableModel::OpIndexRole).toInt();
            QVERIFY(p.isQuantized(op, 2) && !p.isQuantized(op, 1));
        }
    }
};

QTEST_MAIN(TestGuiTrust)
#include "tst_gui_trust.moc"
