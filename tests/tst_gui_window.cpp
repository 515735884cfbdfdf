// The main window end to end, offscreen: dragging a cut handle, hand edits that violate a rule, save and
// reopen, malformed files, chart export, and the bundled example.
#include "MainWindow.h"
#include "ProjectController.h"
#include "SyntheticProject.h"
#include "TestPaths.h"
#include "UserPrompts.h"
#include "chart/CutAxisMapping.h"
#include "chart/CutHandle.h"
#include "chart/GroupAxisItem.h"
#include "chart/LayerSensitivityView.h"
#include "chart/ProfileColors.h"
#include "chart/RankedCurveView.h"
#include "check/Checker.h"
#include "export/ProfileExporter.h"
#include "models/OpFilterProxyModel.h"
#include "models/OpTableModel.h"
#include "models/SourcesModel.h"
#include "models/TradeOffModel.h"
#include "models/ViolationsModel.h"
#include "widgets/ChartArea.h"
#include "widgets/ComparePanel.h"
#include "widgets/OpTablePanel.h"
#include "widgets/ProfilePanel.h"
#include "widgets/SideDocks.h"
#include "widgets/SourcesPanel.h"
#include "widgets/TradeOffPanel.h"

#include <QAction>
#include <QColor>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace qc;
using namespace qc::gui;

namespace {
// Answers every question without a dialog and records the errors shown.
class RecordingPrompts : public UserPrompts
{
public:
    QStringList* errors;
    explicit RecordingPrompts(QStringList* sink)
        : errors(sink)
    { }
    void showError(QWidget*, const QString& title, const QString& text) override
    {
        errors->append(title + QStringLiteral(": ") + text);
    }
    bool proceedDespiteErrors = true;
    int proceedQuestions = 0;
    bool askProceedDespiteErrors(QWidget*, const QString&, const QString&) override
    {
        ++proceedQuestions;
        return proceedDespiteErrors;
    }
    SaveChoice askSaveChanges(QWidget*, const QString&) override { return SaveChoice::Discard; }
    QString* savePath = nullptr; // answer to every file dialog
    QString askSavePath(QWidget*, const QString&, const QString&, const QString&) override
    {
        return savePath ? *savePath : QString();
    }
    bool askChoice(QWidget*, const QString&, const QString&, const QStringList& items, int& index) override
    {
        return index >= 0 && index < items.size(); // keep the preselection
    }
};
} // namespace

class TestGuiWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> makeWindow(int ops = 600)
    {
        auto window = std::make_unique<MainWindow>();
        auto prompts = std::make_unique<RecordingPrompts>(&m_errors);
        prompts->savePath = &m_savePath;
        window->setPrompts(std::move(prompts));
        window->controller()->resetProject(makeSyntheticProject(ops));
        window->resize(MainWindow::kDefaultSize);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
        QCoreApplication::processEvents();
        return window;
    }

    QStringList m_errors;
    QString m_savePath;
    QTemporaryDir m_dir;

    std::unique_ptr<MainWindow> makeExampleWindow()
    {
        const QStringList files = MainWindow::exampleFiles();
        if (files.isEmpty())
            return nullptr;
        auto window = makeWindow(10);
        if (!window)
            return nullptr;
        window->controller()->resetProject(Project());
        if (!window->openFiles(files, true))
            return nullptr;
        return window;
    }

private slots:
    void init() { m_errors.clear(); }

    void draggingAHandleMovesTheCutAndOneUndoRestoresIt()
    {
        auto window = makeWindow();
        QVERIFY(window);
        RankedCurveView* view = window->chartArea()->rankedCurve();
        ProjectController* controller = window->controller();
        const Project& p = controller->project();
        const double oldCut = p.cutPlan().profiles[1].cut;
        const qint64 oldOps = p.cuts()[1].ops;
        const int undoCount = controller->undoStack()->count();

        const QPoint start = view->handleViewportPos(1);
        const CutAxisMapping map = view->mapping();
        // Target: 0.65 of the eligible ops, in viewport pixels.
        const QPointF targetChart(map.xAt(0.65), map.plotArea.center().y());
        const QPoint target = view->mapFromScene(view->chart()->mapToScene(targetChart));
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
        for (int step = 1; step <= 10; ++step)
            QTest::mouseMove(view->viewport(), start + (target - start) * step / 10);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, target);

        const double wanted = map.valueAt(view->chart()->mapFromScene(view->mapToScene(target)).x());
        const double expected = ProfileCutter::snapCut(p.ranking(), p.cutPlan().by, wanted);
        QVERIFY2(qAbs(expected - 0.65) < 0.01, qPrintable(QString::number(expected)));
        QCOMPARE(p.cutPlan().profiles[1].cut, expected);
        const int units = ProfileCutter::unitsForCut(p.ranking(), p.cutPlan().by, expected);
        QCOMPARE(p.cuts()[1].ops, p.ranking().forcedOps + p.ranking().cumOps[size_t(units)]);
        QVERIFY(p.cuts()[1].ops > oldOps);
        // The table follows: the op right below the cut is INT8 in B now.
        const int lastUnitOp
            = p.ranking().units[size_t(p.ranking().order[size_t(units - 1)])].members.front();
        QCOMPARE(window->opModel()->index(lastUnitOp, window->opModel()->profileColumn(1)).data().toString(),
            QStringLiteral("INT8"));
        // The handle is where the cut is.
        QVERIFY(qAbs(view->handles()[1]->pos().x() - map.xAt(expected)) < 1.0);

        QCOMPARE(controller->undoStack()->count(), undoCount + 1); // ten moves, one step
        controller->undoStack()->undo();
        QCOMPARE(p.cutPlan().profiles[1].cut, oldCut);
        QCOMPARE(p.cuts()[1].ops, oldOps);
        controller->undoStack()->redo();
        QCOMPARE(p.cutPlan().profiles[1].cut, expected);
    }

    void opTableKeepsModelOrderAcrossLoads()
    {
        // Until a header is clicked the table lists ops as the model does, after every load too.
        auto window = makeWindow();
        QVERIFY(window);
        for (int load = 0; load < 2; ++load) {
            window->controller()->resetProject(makeSyntheticProject(300 + load));
            QCoreApplication::processEvents();
            const OpFilterProxyModel* proxy = window->opTable()->proxy();
            QCOMPARE(proxy->sortColumn(), -1);
            for (int row = 0; row < 5; ++row)
                QCOMPARE(proxy->mapToSource(proxy->index(row, 0)).row(), row);
        }
    }

    void handleCannotPassItsNeighbour()
    {
        auto window = makeWindow();
        QVERIFY(window);
        RankedCurveView* view = window->chartArea()->rankedCurve();
        const Project& p = window->controller()->project();
        const QPoint start = view->handleViewportPos(0);
        const CutAxisMapping map = view->mapping();
        const QPoint target
            = view->mapFromScene(view->chart()->mapToScene(QPointF(map.xAt(0.9), map.plotArea.center().y())));
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
        QTest::mouseMove(view->viewport(), target);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, target);
        QCOMPARE(p.cutPlan().profiles[0].cut, p.cutPlan().profiles[1].cut); // stopped at B
    }

    void handEditAgainstARuleShowsEverywhereAndClears()
    {
        auto window = makeWindow();
        QVERIFY(window);
        ProjectController* controller = window->controller();
        const int head = controller->opIndex(QStringLiteral("lm_head"));
        QVERIFY(head >= 0);
        QCOMPARE(controller->errorCount(), 0);
        // Warnings only (a cut inside tied combined scores is one); the edit adds errors, clearing removes
        // them.
        const QString clean = window->violationStatusText();
        QVERIFY2(clean.startsWith(QStringLiteral("0 errors")), qPrintable(clean));

        // Select lm_head in the table and press I (force INT8).
        window->opTable()->selectOp(head);
        QCOMPARE(window->opTable()->currentOp(), head);
        window->opTable()->view()->setFocus();
        QTest::keyClick(window->opTable()->view(), Qt::Key_I);

        QCOMPARE(controller->project().overrides().size(), size_t(1));
        QCOMPARE(controller->project().overrides()[0].note, QString()); // no dialog: noted afterwards
        QVERIFY(controller->errorCount() > 0);
        const QVariant background = window->opModel()->index(head, 0).data(Qt::BackgroundRole);
        QVERIFY(background.isValid());
        QCOMPARE(background.value<QColor>().rgb(), violationColor().rgb());
        QVERIFY2(window->violationStatusText().contains(QStringLiteral("error"))
                && !window->violationStatusText().startsWith(QStringLiteral("0 ")),
            qPrintable(window->violationStatusText()));
        ViolationsModel* violations = window->docks()->violationsModel();
        bool listed = false;
        for (int row = 0; row < violations->rowCount(); ++row) {
            if (violations->index(row, ViolationsModel::OpColumn).data().toString()
                    == QLatin1String("lm_head")
                && violations->index(row, ViolationsModel::KindColumn).data().toString()
                    == QLatin1String("rule-violation")) {
                listed = true;
                // Clicking the violation jumps to the op.
                controller->setSelectedOp(-1);
                QTest::mouseClick(window->docks()->violationsView()->viewport(), Qt::LeftButton, {},
                    window->docks()->violationsView()->visualRect(violations->index(row, 0)).center());
                QCOMPARE(controller->selectedOp(), head);
            }
        }
        QVERIFY(listed);
        // The hand edit is INT8 in every profile, against the rule.
        QCOMPARE(window->opModel()->index(head, window->opModel()->profileColumn(0)).data().toString(),
            QStringLiteral("INT8"));

        window->opTable()->selectOp(head);
        window->opTable()->view()->setFocus();
        QTest::keyClick(window->opTable()->view(), Qt::Key_Delete);
        QVERIFY(controller->project().overrides().empty());
        QCOMPARE(controller->errorCount(), 0);
        QVERIFY(!window->opModel()->index(head, 0).data(Qt::BackgroundRole).isValid());
        QCOMPARE(violations->rowCount(), int(controller->violations().size()));
        QCOMPARE(window->violationStatusText(), clean);
        // Both edits are undoable.
        controller->undoStack()->undo();
        QVERIFY(controller->errorCount() > 0);
        controller->undoStack()->undo();
        QCOMPARE(controller->errorCount(), 0);
    }

    void saveAndReopenRestoresEverything()
    {
        auto window = makeWindow();
        QVERIFY(window);
        ProjectController* controller = window->controller();
        controller->setCut(2, 0.7);
        controller->setOverride(controller->opIndex(QStringLiteral("model.layers.1.self_attn.q_proj")),
            Override::Action::Keep, QStringLiteral("hand"));
        RuleSet rules = controller->project().rules();
        rules.append(RuleSet::languageModelOnlyRule());
        QVERIFY(controller->setRules(rules, QStringLiteral("preset")).isEmpty());
        CutPlan plan = controller->project().cutPlan();
        plan.profiles[0].label = QStringLiteral("tiny");
        controller->setCutPlan(plan, QStringLiteral("relabel"));
        QVERIFY(controller->isModified());

        const QString path = m_dir.filePath(QStringLiteral("roundtrip.yaml"));
        QVERIFY(window->saveTo(path));
        QVERIFY(!controller->isModified());
        QVERIFY(m_errors.isEmpty());
        // What the explorer saves, the command line's check accepts.
        QProcess check;
        check.start(qc::test::cliPath(), { QStringLiteral("check"), path });
        QVERIFY(check.waitForFinished(60000));
        QVERIFY2(check.exitCode() == 0, check.readAllStandardOutput().constData());

        auto reopened = makeWindow(10);
        QVERIFY(reopened);
        QVERIFY(reopened->openFiles({ path }, true));
        QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(QLatin1Char('\n'))));
        const Project& a = controller->project();
        const Project& b = reopened->controller()->project();
        QCOMPARE(b.inventory().ops(), a.inventory().ops());
        QCOMPARE(b.rules(), a.rules());
        QCOMPARE(b.overrides(), a.overrides());
        QCOMPARE(b.cutPlan(), a.cutPlan());
        QCOMPARE(b.combine(), a.combine());
        QCOMPARE(b.metrics().size(), a.metrics().size());
        for (size_t m = 0; m < a.metrics().size(); ++m) {
            QCOMPARE(b.metrics()[m].id, a.metrics()[m].id);
            QCOMPARE(b.metrics()[m].polarity(), a.metrics()[m].polarity());
            QCOMPARE(b.scores()[m].values.size(), a.scores()[m].values.size());
            for (size_t i = 0; i < a.scores()[m].values.size(); ++i) {
                const double x = a.scores()[m].values[i];
                const double y = b.scores()[m].values[i];
                QVERIFY((std::isnan(x) && std::isnan(y)) || qAbs(x - y) <= 1e-9 * qAbs(x));
            }
        }
        for (int i = 0; i < a.profileCount(); ++i) {
            QCOMPARE(b.cuts()[size_t(i)].ops, a.cuts()[size_t(i)].ops);
            QCOMPARE(b.cuts()[size_t(i)].params, a.cuts()[size_t(i)].params);
        }
        QCOMPARE(reopened->controller()->filePath(), QFileInfo(path).absoluteFilePath());
        QVERIFY(!reopened->controller()->isModified());
    }

    void malformedFileReportsAndChangesNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addRow("broken profile yaml")
            << QStringLiteral("broken.yaml") << QByteArray("quantcut_profiles: 1\ninventory: [unclosed\n");
        QTest::addRow("truncated json ranking")
            << QStringLiteral("broken.json") << QByteArray("{\"mse_v2\": {\"a\": 1.0,");
        QTest::addRow("binary junk") << QStringLiteral("junk.log") << QByteArray("\x00\x01\x02\xff\xfe", 5);
    }
    void malformedFileReportsAndChangesNothing()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        auto window = makeWindow();
        QVERIFY(window);
        ProjectController* controller = window->controller();
        controller->setCut(0, 0.3);
        const Project before = controller->project();
        const int undoCount = controller->undoStack()->count();
        const QString path = m_dir.filePath(name);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();

        QVERIFY(!window->openFiles({ path }, true));
        QCOMPARE(m_errors.size(), 1);
        QVERIFY2(m_errors.front().contains(name), qPrintable(m_errors.front()));
        const Project& after = controller->project();
        QCOMPARE(after.inventory().ops(), before.inventory().ops());
        QCOMPARE(after.metrics().size(), before.metrics().size());
        QCOMPARE(after.cutPlan(), before.cutPlan());
        QCOMPARE(after.rules(), before.rules());
        QCOMPARE(controller->undoStack()->count(), undoCount);
    }

    void exportsChartsAsPngAndSvg()
    {
        auto window = makeWindow();
        QVERIFY(window);
        const QString png = m_dir.filePath(QStringLiteral("charts.png"));
        const QString svg = m_dir.filePath(QStringLiteral("charts.svg"));
        QVERIFY(window->exportCharts(png));
        QVERIFY(window->exportCharts(svg));
        QImage image(png);
        QVERIFY(image.width() > 400 && image.height() > 200);
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.contains("<svg"));
        // Vector all through: the ranked curve's items, cached as pixmaps on screen, are painted as paths.
        QVERIFY(!svgText.contains("<image"));
        QVERIFY(svgText.contains("<polyline"));
    }

    // A failed export leaves the file that was there as it was: an image format Qt cannot write fails
    // after the file would have been opened.
    void failedChartExportKeepsTheOldFile()
    {
        auto window = makeWindow();
        QVERIFY(window);
        const QString path = m_dir.filePath(QStringLiteral("charts.nosuchformat"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the old file");
        old.close();
        m_errors.clear();
        QVERIFY(!window->exportCharts(path));
        QCOMPARE(m_errors.size(), 1);
        QVERIFY2(
            m_errors.front().contains(QLatin1String("cannot write the image")), qPrintable(m_errors.front()));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("the old file"));
    }

    void exportsEveryFormatFromTheMenuAndRefusesAMismatch()
    {
        if (MainWindow::exampleFiles().isEmpty())
            QSKIP("the bundled example is not there");
        auto window = makeExampleWindow();
        QVERIFY(window);
        QTemporaryDir dir;
        QStringList written;
        const auto actions = window->exportMenu()->actions();
        QAction* dynamicActivations = nullptr;
        for (QAction* action : actions) {
            if (action->isCheckable() && action->text().contains(QStringLiteral("per-token dynamic")))
                dynamicActivations = action;
            if (action->isSeparator() || action->isCheckable())
                continue; // the options every export takes
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
            const QString id = action->data().toString();
            m_savePath = dir.filePath(QStringLiteral("profile.") + id);
            action->trigger();
            QVERIFY2(
                m_errors.isEmpty(), qPrintable(id + QStringLiteral(": ") + m_errors.join(QLatin1Char('\n'))));
            QVERIFY2(QFileInfo(m_savePath).size() > 0, qPrintable(id));
            written.append(id);
        }
        // Every ProfileExporter format, plus ModelOpt in FP8.
        QCOMPARE(written.size(), qsizetype(ProfileExporter::formats().size() + 1));
        for (const QString& id : ProfileExporter::formatIds())
            QVERIFY2(written.contains(id), qPrintable(id));
        QFile fp8(dir.filePath(QStringLiteral("profile.modelopt-fp8")));
        QVERIFY(fp8.open(QIODevice::ReadOnly));
        QVERIFY(fp8.readAll().toLower().contains("fp8"));
        // The activation choice reaches the export: per-tensor static by default, per-token dynamic on
        // demand.
        QFile staticRecipe(dir.filePath(QStringLiteral("profile.llmcompressor")));
        QVERIFY(staticRecipe.open(QIODevice::ReadOnly));
        QVERIFY(staticRecipe.readAll().contains("strategy: tensor, dynamic: false"));
        QVERIFY(dynamicActivations);
        dynamicActivations->setChecked(true);
        m_savePath = dir.filePath(QStringLiteral("dynamic.yaml"));
        for (QAction* action : actions) {
            if (action->data().toString() == QLatin1String("llmcompressor"))
                action->trigger();
        }
        QFile dynamicRecipe(m_savePath);
        QVERIFY(dynamicRecipe.open(QIODevice::ReadOnly));
        QVERIFY(dynamicRecipe.readAll().contains("strategy: token, dynamic: true"));

        // A Conv3d forced to INT8: llm-compressor targets Linear only, so its recipe would keep the op. The
        // export is refused with the difference named and an existing file is left alone.
        ProjectController* controller = window->controller();
        const int conv = controller->opIndex(QStringLiteral("model.visual.patch_embed.proj"));
        QVERIFY(conv >= 0);
        controller->setOverride(conv, Override::Action::Int8, QStringLiteral("test"));
        const QString target = dir.filePath(QStringLiteral("mismatch.yaml"));
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old\n");
        old.close();
        QVERIFY(!window->exportProfile(QStringLiteral("llmcompressor"), window->currentProfile(), target));
        QCOMPARE(m_errors.size(), 1);
        QVERIFY2(m_errors.front().contains(QStringLiteral("patch_embed")), qPrintable(m_errors.front()));
        QFile check(target);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray("old\n"));
        m_errors.clear();
        const QString fresh = dir.filePath(QStringLiteral("fresh.yaml"));
        QVERIFY(!window->exportProfile(QStringLiteral("llmcompressor"), window->currentProfile(), fresh));
        QVERIFY(!QFileInfo::exists(fresh));
        // An option a format cannot express is refused the same way.
        m_errors.clear();
        ExportOptions fp8Inc;
        fp8Inc.numbers = ExportOptions::NumberFormat::Fp8;
        QVERIFY(!window->exportProfile(QStringLiteral("inc2"), 0, fresh, fp8Inc));
        QCOMPARE(m_errors.size(), 1);
        QVERIFY(!QFileInfo::exists(fresh));
    }

    void cutMeasureControlKeepsTheProfilesAndUndoes()
    {
        auto window = makeWindow();
        QVERIFY(window);
        ProjectController* controller = window->controller();
        const Project& p = controller->project();
        const CutPlan before = p.cutPlan();
        const std::vector<ProfileCut> cutsBefore = p.cuts();
        QComboBox* box = window->docks()->profilePanel()->cutByBox();
        for (const CutPlan::CutBy by :
            { CutPlan::CutBy::Count, CutPlan::CutBy::Params, CutPlan::CutBy::Score }) {
            const int undoIndex = controller->undoStack()->index();
            const int index = box->findData(int(by));
            QVERIFY(index >= 0);
            box->setCurrentIndex(index);
            emit box->activated(index);
            QCOMPARE(p.cutPlan().by, by);
            QCOMPARE(controller->undoStack()->index(), undoIndex + 1);
            for (size_t i = 0; i < cutsBefore.size(); ++i) {
                if (by == CutPlan::CutBy::Score) {
                    // A threshold cannot split units of equal score: the same threshold, ties included.
                    const Ranking& r = p.ranking();
                    QCOMPARE(r.orderScore(p.cuts()[i].units - 1), r.orderScore(cutsBefore[i].units - 1));
                    continue;
                }
                QCOMPARE(p.cuts()[i].ops, cutsBefore[i].ops); // same ops, new measure
                QCOMPARE(p.cuts()[i].units, cutsBefore[i].units);
            }
            controller->undoStack()->undo();
            QCOMPARE(p.cutPlan(), before);
            QCOMPARE(box->currentData().toInt(), int(CutPlan::CutBy::Ops));
        }
        QCOMPARE(window->chartArea()->rankedCurve()->chart()->axes(Qt::Horizontal).front()->titleText(),
            QStringLiteral("fraction of eligible ops in INT8"));
    }

    void combinationControlChangesTheRankingAndUndoes()
    {
        auto window = makeWindow();
        QVERIFY(window);
        ProjectController* controller = window->controller();
        const Project& p = controller->project();
        const CombineSpec before = p.combine();
        const std::vector<int> orderBefore = p.ranking().order;
        QComboBox* box = window->docks()->profilePanel()->combineBox();
        QCOMPARE(box->count(), 2 + 2 + 1); // mean, max, each metric, weighted

        const int single = box->findData(QStringLiteral("hawq_v2"));
        QVERIFY(single >= 0);
        box->setCurrentIndex(single);
        emit box->activated(single);
        QCOMPARE(p.combine().method, CombineSpec::Method::Single);
        QCOMPARE(p.combine().metric, QStringLiteral("hawq_v2"));
        QVERIFY(p.ranking().order != orderBefore);
        controller->undoStack()->undo();
        QCOMPARE(p.combine(), before);
        QCOMPARE(p.ranking().order, orderBefore);

        const int max = box->findData(QStringLiteral("max-rank"));
        box->setCurrentIndex(max);
        emit box->activated(max);
        QCOMPARE(p.combine().method, CombineSpec::Method::MaxRank);
        controller->undoStack()->undo();
        QCOMPARE(p.combine(), before);

        const int weighted = box->findData(QStringLiteral("weighted"));
        box->setCurrentIndex(weighted);
        emit box->activated(weighted);
        QCOMPARE(p.combine().method, CombineSpec::Method::Weighted);
        QCOMPARE(p.combine().weightOf(QStringLiteral("mse_v2")), 1.0);
        QVERIFY(window->docks()->profilePanel()->weightBox(0)->isVisibleTo(window.get()));
        const int undoIndex = controller->undoStack()->index();
        window->docks()->profilePanel()->weightBox(0)->setValue(3.0);
        QCOMPARE(p.combine().weightOf(QStringLiteral("mse_v2")), 3.0);
        QCOMPARE(p.combine().weightOf(QStringLiteral("hawq_v2")), 1.0);
        QCOMPARE(controller->undoStack()->index(), undoIndex + 1);
        controller->undoStack()->undo();
        QCOMPARE(p.combine().weightOf(QStringLiteral("mse_v2")), 1.0);
        QCOMPARE(window->docks()->profilePanel()->weightBox(0)->value(), 1.0);
        controller->undoStack()->undo();
        QCOMPARE(p.combine(), before);
        QVERIFY(!window->docks()->profilePanel()->weightBox(0)->isVisibleTo(window.get()));
    }

    void sourcesDockFlipsPolarityAndListsUnmatchedNames()
    {
        Project project = makeSyntheticProject(600);
        std::vector<Metric> metrics = project.metrics();
        metrics[1].entries.push_back(
            { QStringLiteral("model.layers.999.self_attn.q_proj"), QStringLiteral("Linear"), 1.0, 0, {} });
        project.setMetrics(std::move(metrics));
        auto window = makeWindow();
        QVERIFY(window);
        ProjectController* controller = window->controller();
        controller->resetProject(project);
        const Project& p = controller->project();
        SourcesModel* sources = window->docks()->sourcesModel();
        QCOMPARE(sources->rowCount(), 2);
        QCOMPARE(sources->index(1, SourcesModel::UnmatchedColumn).data().toString(), QStringLiteral("1"));
        QCOMPARE(sources->index(0, SourcesModel::UnmatchedColumn).data().toString(), QStringLiteral("0"));
        window->docks()->sourcesPanel()->view()->setCurrentIndex(sources->index(1, 0));
        QVERIFY2(window->docks()->sourcesPanel()->details()->toPlainText().contains(
                     QStringLiteral("model.layers.999.self_attn.q_proj")),
            qPrintable(window->docks()->sourcesPanel()->details()->toPlainText()));

        // Reverse MSE_V2 with the checkbox: the ranks by it turn over, the legend says so; one undo.
        const Polarity polarity = p.metrics()[0].polarity();
        const int op = p.ranking().units[size_t(p.ranking().order.front())].members.front();
        const double rank = p.ranking().metricRank[0][size_t(op)];
        QVERIFY(window->chartArea()->layerChart()->legendText().contains(
            QStringLiteral("lower = more sensitive")));
        QVERIFY(sources->setData(
            sources->index(0, SourcesModel::ReversedColumn), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(p.metrics()[0].flipped);
        QVERIFY(p.metrics()[0].polarity() != polarity);
        QVERIFY(p.ranking().metricRank[0][size_t(op)] != rank);
        QCOMPARE(sources->index(0, SourcesModel::ReversedColumn).data(Qt::CheckStateRole).toInt(),
            int(Qt::Checked));
        QVERIFY(!window->chartArea()->layerChart()->legendText().contains(
            QStringLiteral("lower = more sensitive")));
        controller->undoStack()->undo();
        QVERIFY(!p.metrics()[0].flipped);
        QCOMPARE(p.ranking().metricRank[0][size_t(op)], rank);
        QVERIFY(window->chartArea()->layerChart()->legendText().contains(
            QStringLiteral("lower = more sensitive")));

        // The context-menu action flips the selected source (HAWQ_V2 here), and keeps it selected.
        window->docks()->sourcesPanel()->view()->setCurrentIndex(sources->index(1, 0));
        window->docks()->sourcesPanel()->flipAction()->trigger();
        QVERIFY(p.metrics()[1].flipped);
        QCOMPARE(window->docks()->sourcesPanel()->view()->currentIndex().row(), 1);
        controller->undoStack()->undo();
        QVERIFY(!p.metrics()[1].flipped);
    }

    void layerChartLabelsStayApartForHundredsOfLayers()
    {
        auto window = makeWindow(60000); // about 300 MoE layers in one group
        QVERIFY(window);
        const LayerSensitivityView* chart = window->chartArea()->layerChart();
        QVERIFY(chart->layerSlots().size() > 250);
        const GroupAxisItem* axis = chart->groupAxis();
        auto apart = [](const std::vector<GroupAxisItem::Label>& labels) {
            for (size_t i = 0; i < labels.size(); ++i) {
                for (size_t j = i + 1; j < labels.size(); ++j) {
                    if (labels[i].rect.intersects(labels[j].rect))
                        return false;
                }
            }
            return true;
        };
        QVERIFY(axis->tickLabels().size() >= 4);
        QVERIFY(axis->tickLabels().size() < 40); // decimated: not one per layer
        QVERIFY(apart(axis->tickLabels()));
        QVERIFY(apart(axis->nameLabels()));
        QCOMPARE(axis->nameLabels().size(), size_t(1));
        // The tooltip names the layer under the pointer.
        QVERIFY(chart->slotToolTip(10).contains(QStringLiteral("layer")));
    }

    void layerChartUpdatesInPlaceOnARerank()
    {
        auto window = makeWindow();
        QVERIFY(window);
        ProjectController* controller = window->controller();
        LayerSensitivityView* chart = window->chartArea()->layerChart();
        const QList<QAbstractAxis*> axes = chart->chart()->axes();
        const QList<QAbstractSeries*> series = chart->chart()->series();
        const qsizetype items = chart->scene()->items().size();
        // A hand edit, its undo, a rule toggle and the other modes: the same axes and series, updated in
        // place (a removed one leaves its items in the scene until the event loop deletes them).
        const int op = controller->project().ranking().units.front().members.front();
        controller->setOverride(op, Override::Action::Keep);
        controller->undoStack()->undo();
        RuleSet rules = controller->project().rules();
        QVERIFY(!rules.isEmpty());
        rules.rules().front().enabled = !rules.rules().front().enabled;
        controller->setRules(rules, QStringLiteral("Toggle a rule"));
        chart->setMode(LayerSensitivityView::Mode::MaxRank);
        chart->setMode(LayerSensitivityView::Mode::MinMax);
        chart->setMode(LayerSensitivityView::Mode::MeanRank);
        QCoreApplication::processEvents();
        QCOMPARE(chart->chart()->axes(), axes);
        QCOMPARE(chart->chart()->series(), series);
        QCOMPARE(chart->scene()->items().size(), items);
        // What the lines show is the new ranking's per-layer mean rank.
        const Project& p = controller->project();
        for (size_t m = 0; m < p.metrics().size(); ++m) {
            const int slot = chart->slotOfOp(op);
            double sum = 0.0;
            int count = 0;
            for (int i = 0; i < p.inventory().size(); ++i) {
                const double rank = p.ranking().metricRank[m][size_t(i)];
                if (chart->slotOfOp(i) == slot && !std::isnan(rank))
                    sum += rank, ++count;
            }
            QVERIFY(count > 0);
            QCOMPARE(chart->slotValue(int(m), slot), sum / count);
            const auto* line = qobject_cast<QLineSeries*>(series[qsizetype(m)]);
            QVERIFY(line);
            bool shown = false;
            for (const QPointF& point : line->points())
                shown = shown || (point.x() == slot && point.y() == sum / count);
            QVERIFY(shown);
        }
        // The raw log mode shows its own y axis instead of the linear one, and back.
        chart->setMode(LayerSensitivityView::Mode::RawLog);
        QCOMPARE(chart->chart()->axes(Qt::Vertical).size(), 1);
        QVERIFY(qobject_cast<QLogValueAxis*>(chart->chart()->axes(Qt::Vertical).front()));
        chart->setMode(LayerSensitivityView::Mode::MeanRank);
        QCOMPARE(chart->chart()->axes(), axes);
    }

    void exampleLayerChartNamesEveryComponent()
    {
        if (MainWindow::exampleFiles().isEmpty())
            QSKIP("the bundled example is not there");
        auto window = makeExampleWindow();
        QVERIFY(window);
        const GroupAxisItem* axis = window->chartArea()->layerChart()->groupAxis();
        QStringList names;
        for (const GroupAxisItem::Label& label : axis->nameLabels()) {
            names.append(label.text);
            for (const GroupAxisItem::Label& other : axis->nameLabels())
                QVERIFY(&label == &other || !label.rect.intersects(other.rect));
        }
        // Whole names: nothing truncated, the one-slot groups included.
        QVERIFY2(names.contains(QStringLiteral("language 0–35")), qPrintable(names.join(QLatin1Char('|'))));
        QVERIFY2(names.contains(QStringLiteral("merger")), qPrintable(names.join(QLatin1Char('|'))));
        QVERIFY2(names.contains(QStringLiteral("embedding")), qPrintable(names.join(QLatin1Char('|'))));
        const QString legend = window->chartArea()->layerChart()->legendText();
        QVERIFY2(legend.contains(QStringLiteral("(lower = more sensitive)")), qPrintable(legend));
    }

    void backgroundLoadKeepsTheWindowResponsive()
    {
        const QStringList files = MainWindow::exampleFiles();
        if (files.isEmpty())
            QSKIP("the bundled example is not there");
        auto window = makeWindow(10);
        QVERIFY(window);
        QVERIFY(window->openFiles(files));
        QVERIFY(window->isLoading() || window->controller()->project().metrics().size() == 2);
        QTRY_VERIFY_WITH_TIMEOUT(!window->isLoading(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(window->controller()->project().metrics().size(), size_t(2 + 2),
            5000); // added to the synthetic two
    }

    void compareTabShowsTheDiffAndSelectsAnOp()
    {
        auto window = makeExampleWindow();
        if (!window)
            QSKIP("the bundled example is not there");
        QTest::keyClick(window.get(), Qt::Key_3, Qt::AltModifier);
        ComparePanel* panel = window->chartArea()->comparePanel();
        QVERIFY(panel->isVisible());
        QTRY_VERIFY(panel->summaryLabel()->text().contains(QStringLiteral("overlap (Jaccard)")));
        QVERIFY(panel->summaryLabel()->text().contains(QStringLiteral("language model only")));
        QTableView* view = panel->view();
        QVERIFY(view->model()->rowCount() > 0);
        const QModelIndex first = view->model()->index(0, 0);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
        QCOMPARE(window->controller()->selectedOp(), window->controller()->opIndex(first.data().toString()));
        // Another reference: ModelOpt's defaults.
        panel->referenceBox()->setCurrentIndex(1);
        emit panel->referenceBox()->activated(1);
        QTRY_VERIFY(panel->summaryLabel()->text().contains(QStringLiteral("ModelOpt")));
    }

    void bundledExampleOpens()
    {
        const QStringList files = MainWindow::exampleFiles();
        if (files.isEmpty())
            QSKIP("the bundled example is not there");
        auto window = makeWindow(10);
        QVERIFY(window);
        window->controller()->resetProject(Project());
        QVERIFY(window->openFiles(files, true));
        const Project& p = window->controller()->project();
        QCOMPARE(p.metrics().size(), size_t(2));
        QVERIFY(p.inventory().size() > 100);
        QVERIFY(p.ranking().eligibleUnits() > 50);
        QVERIFY(window->chartArea()->rankedCurve()->seriesPointCount() > 10);
        // One axis per direction: a load rebuilds the per-layer chart, it does not stack axes.
        QCOMPARE(window->chartArea()->layerChart()->chart()->axes(Qt::Vertical).size(), 1);
        QCOMPARE(window->chartArea()->layerChart()->chart()->axes(Qt::Horizontal).size(), 1);
        QCOMPARE(window->findChildren<LayerSensitivityView*>().size(), qsizetype(1));

        // The loader's project is adopted without a second recompute, and is what a recompute gives.
        const Project recomputed(p.inputs());
        QCOMPARE(p.ranking().order, recomputed.ranking().order);
        QCOMPARE(p.ranking().state, recomputed.ranking().state);
        for (int i = 0; i < p.profileCount(); ++i) {
            QCOMPARE(p.cuts()[size_t(i)].units, recomputed.cuts()[size_t(i)].units);
            QCOMPARE(p.cuts()[size_t(i)].ops, recomputed.cuts()[size_t(i)].ops);
        }
        QCOMPARE(window->controller()->violations().size(), Checker::check(recomputed).size());
        // Loading rankings on top is one undo step back to what was there.
        const int undoIndex = window->controller()->undoStack()->index();
        QVERIFY(window->openFiles({ files[1] }, true));
        QCOMPARE(window->controller()->undoStack()->index(), undoIndex + 1);
        window->controller()->undoStack()->undo();
        QCOMPARE(p.ranking().order, recomputed.ranking().order);
    }

    void resultsFilesOpenIntoTheTradeOffTab()
    {
        auto window = makeExampleWindow();
        if (!window)
            QSKIP("the bundled example is not found");
        ProjectController* controller = window->controller();
        const int undoIndex = controller->undoStack()->index();
        const Project before = controller->project();
        const QString results = qc::test::sourcePath(QStringLiteral("tests/data/outcomes/results.csv"));
        QVERIFY(window->openFiles({ results }, true));
        QVERIFY(m_errors.isEmpty());
        QCOMPARE(controller->project().outcomes().size(), size_t(5));
        QCOMPARE(controller->undoStack()->index(), undoIndex + 1); // one undoable step, nothing re-derived
        QCOMPARE(controller->project().ranking().order, before.ranking().order);
        window->chartArea()->showTab(ChartArea::TradeOffTab);
        TradeOffPanel* panel = window->chartArea()->tradeOffPanel();
        QCOMPARE(panel->model()->rowCount(), 10);
        QCOMPARE(panel->metricChooser()->count(), 2);
        QVERIFY(panel->suggestionsLabel()->text().contains(QStringLiteral("most compression within 1%")));
        // The summary's row follows a profile picked on the chart or in the table.
        panel->table()->selectRow(4);
        QTest::mouseClick(panel->table()->viewport(), Qt::LeftButton, {},
            panel->table()->visualRect(panel->model()->index(4, 1)).center());
        QCOMPARE(controller->selectedProfile(), 2); // row 4: C with INC 2.x
        QCOMPARE(window->docks()->summaryView()->currentIndex().row(), 2);
        QCOMPARE(window->currentProfile(), 2);
        QVERIFY(window->saveScreenshot(m_dir.filePath(QStringLiteral("tradeoff.png"))));
        // Renaming a profile takes its outcomes along (one step), so they are not orphaned as stale.
        QLineEdit* nameOfA = nullptr;
        for (QLineEdit* edit : window->docks()->profilePanel()->findChildren<QLineEdit*>()) {
            if (edit->text() == QLatin1String("A"))
                nameOfA = edit;
        }
        QVERIFY(nameOfA);
        nameOfA->setText(QStringLiteral("A1"));
        emit nameOfA->editingFinished();
        QCOMPARE(controller->project().cutPlan().profiles[0].name, QStringLiteral("A1"));
        QVERIFY(std::any_of(controller->project().outcomes().begin(), controller->project().outcomes().end(),
            [](const Outcome& o) { return o.profile == QLatin1String("A1"); }));
        QVERIFY(Checker::staleOutcomes(controller->project()).empty());
        controller->undoStack()->undo(); // the rename
        QCOMPARE(controller->project().cutPlan().profiles[0].name, QStringLiteral("A"));
        controller->undoStack()->undo();
        QVERIFY(controller->project().outcomes().empty());
        QCOMPARE(panel->model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestGuiWindow)
#include "tst_gui_window.moc"
