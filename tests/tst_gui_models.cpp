// Item models under QAbstractItemModelTester, and the chart maths (pixel <-> cut, nice axes, decimation,
// suggested cuts) on plain numbers.
#include "ProjectController.h"
#include "SyntheticProject.h"
#include "chart/CurveDecimator.h"
#include "chart/CutAxisMapping.h"
#include "chart/NiceAxis.h"
#include "chart/TradeOffView.h"
#include "compare/ReferenceSchemes.h"
#include "load/ProjectLoader.h"
#include "models/ComparisonModel.h"
#include "models/OpFilterProxyModel.h"
#include "models/OpTableModel.h"
#include "models/ProfileSummaryModel.h"
#include "models/RulesModel.h"
#include "models/SourcesModel.h"
#include "models/TradeOffModel.h"
#include "models/ViolationsModel.h"
#include "profile/CutSuggester.h"
#include "profile/ProfileCutter.h"

#include <QAbstractItemModelTester>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QtTest>

using namespace qc;
using namespace qc::gui;

// A synthetic project of `opCount` ops in a controller, its op table and the filter over that.
struct FilteredOps
{
    explicit FilteredOps(int opCount)
    {
        controller.resetProject(makeSyntheticProject(opCount));
        proxy.setOpModel(&ops);
    }
    ProjectController controller;
    OpTableModel ops { &controller };
    OpFilterProxyModel proxy;
};

class TestGuiModels : public QObject
{
    Q_OBJECT

    // The synthetic project (profiles A..D) with the test results file attached as the window attaches it.
    static void attachResults(ProjectController& controller)
    {
        const ProjectLoader::Result r = ProjectLoader::load(
            controller.project(), { QStringLiteral(QUANTCUT_SOURCE_DIR "/tests/data/outcomes/results.csv") });
        QVERIFY2(r.failed.isEmpty(), qPrintable(r.failed.join(QLatin1Char('\n'))));
        QVERIFY(r.onlyOutcomes);
        controller.setOutcomes(r.project.outcomes(), QStringLiteral("Attach outcomes"));
    }

private slots:
    void tradeOffModelFollowsOutcomesCutsAndUndo()
    {
        ProjectController controller;
        TradeOffModel model(&controller);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        controller.resetProject(makeSyntheticProject(600));
        model.setActive(true);
        QCOMPARE(model.rowCount(), 0);
        attachResults(controller);
        QCOMPARE(model.rowCount(), 10); // results.csv: 12 rows, 2 of them the baseline
        QCOMPARE(model.columnCount(), 13);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("metric"));
        QCOMPARE(model.headerData(5, Qt::Horizontal).toString(), QStringLiteral("delta"));
        const auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(cell(0, 0), QStringLiteral("hellaswag/acc"));
        QCOMPARE(cell(0, 1), QStringLiteral("A"));
        QCOMPARE(cell(0, 2), QStringLiteral("INC 2.x"));
        QCOMPARE(cell(0, 5), QStringLiteral("-0.003"));
        QCOMPARE(model.index(0, 0).data(TradeOffModel::ProfileRole).toInt(), 0);
        QCOMPARE(cell(1, 11), QStringLiteral("yes")); // A with ModelOpt is on the front
        QVERIFY(model.suggestions().contains(QStringLiteral("best hellaswag/acc: A with ModelOpt (0.598)")));
        // Re-cutting B makes its outcomes stale: greyed, off the front.
        controller.setCut(1, controller.project().cutPlan().profiles[1].cut * 0.5);
        int stale = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            const bool isB = cell(r, 1) == QLatin1String("B");
            QCOMPARE(model.index(r, 0).data(TradeOffModel::StaleRole).toBool(), isB);
            if (isB) {
                ++stale;
                QVERIFY(cell(r, 12).startsWith(QStringLiteral("STALE")));
                QVERIFY(cell(r, 11).isEmpty());
            }
        }
        QCOMPARE(stale, 3);
        QCOMPARE(std::count_if(controller.violations().begin(), controller.violations().end(),
                     [](const Violation& v) { return v.kind == Violation::Kind::StaleOutcome; }),
            1); // one outcome of B (results.csv), flagged once
        controller.undoStack()->undo(); // the cut
        QVERIFY(!model.index(2, 0).data(TradeOffModel::StaleRole).toBool());
        controller.undoStack()->undo(); // the outcomes
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(controller.project().outcomes().empty());
        controller.undoStack()->redo();
        QCOMPARE(model.rowCount(), 10);
        // Inactive, it waits until shown.
        model.setActive(false);
        controller.setOutcomes({}, QStringLiteral("Remove"));
        QCOMPARE(model.rowCount(), 10);
        model.setActive(true);
        QCOMPARE(model.rowCount(), 0);
    }

    void tradeOffViewDrawsFrameworksFrontAndBaseline()
    {
        ProjectController controller;
        controller.resetProject(makeSyntheticProject(600));
        attachResults(controller);
        TradeOffView view(&controller);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.tradeOff().metrics()[size_t(view.metric())].name, QStringLiteral("hellaswag/acc"));
        QCOMPARE(view.frameworkSeries().size(), qsizetype(2)); // INC 2.x and ModelOpt
        QCOMPARE(view.frameworkSeries()[0]->name(), QStringLiteral("INC 2.x"));
        QCOMPARE(view.frameworkSeries()[0]->count(), 4);
        QCOMPARE(view.baselineY(), 0.6);
        const QList<QPointF> front = view.frontLine();
        QCOMPARE(front.size(), qsizetype(4));
        for (const QPointF& p : front)
            QVERIFY(p.y() >= 0.56 - 1e-12); // the ModelOpt points
        // Hovering a point names it; a click selects its profile.
        const TradeOff::Metric& m = view.tradeOff().metrics()[size_t(view.metric())];
        int c = -1;
        for (int i = 0; i < int(m.points.size()); ++i) {
            if (m.points[size_t(i)].profile == QLatin1String("C")
                && m.points[size_t(i)].framework == QLatin1String("modelopt"))
                c = i;
        }
        QVERIFY(c >= 0);
        const QPoint at = view.pointPosition(c);
        QCOMPARE(view.pointAt(at), c);
        QCOMPARE(view.pointAt(at + QPoint(40, 40)), -1);
        const QString tip = view.pointToolTip(c);
        QVERIFY2(tip.contains(QStringLiteral("<b>C</b> with ModelOpt"))
                && tip.contains(QStringLiteral("0.595 ± 0.005"))
                && tip.contains(QStringLiteral("on the Pareto front")),
            qPrintable(tip));
        QSignalSpy selected(&controller, &ProjectController::selectedProfileChanged);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(controller.selectedProfile(), 2);
        QCOMPARE(selected.count(), 1);
        // Another measure: the front and the axis follow.
        view.setMeasure(CompressionMeasure::Kind::Int8Ops);
        QCOMPARE(view.frontLine().size(), qsizetype(4));
        QVERIFY(view.displayX(0.5) == 50.0);
    }

    void comparisonModelAgainstLanguageModelOnly()
    {
        ProjectController controller;
        ComparisonModel comparison(&controller);
        QAbstractItemModelTester tester(&comparison, QAbstractItemModelTester::FailureReportingMode::QtTest);
        controller.resetProject(makeSyntheticProject(600));
        comparison.setReferenceScheme(QStringLiteral("lm-only"));
        comparison.setProfile(1);
        comparison.refresh(); // inactive: nothing is computed until the tab is shown, so refresh by hand
        QVERIFY(comparison.diff().has_value());
        const Project& p = controller.project();
        const ProfileDiff expected
            = ProfileDiff::compute(p, 1, ReferenceSchemes::languageModelOnly(p.inventory()), 0);
        QCOMPARE(comparison.diff()->both, expected.both);
        QCOMPARE(comparison.diff()->onlyB, expected.onlyB);
        QCOMPARE(comparison.rowCount(), int(expected.disagreements.size()));
        QVERIFY(comparison.rowCount() > 0);
        const QModelIndex first = comparison.index(0, ComparisonModel::OpColumn);
        QCOMPARE(first.data().toString(), expected.disagreements.front().op);
        QCOMPARE(first.data(ComparisonModel::OpRole).toInt(),
            controller.opIndex(expected.disagreements.front().op));
        QVERIFY(comparison.summary().contains(
            QStringLiteral("overlap (Jaccard) %1").arg(QString::number(expected.jaccard, 'f', 3))));
        // Moving a cut while active refreshes it (after the debounce).
        comparison.setActive(true);
        controller.setCut(1, 0.9);
        QTRY_VERIFY(comparison.diff()->both.size() != expected.both.size());
    }

    void modelsSurviveEveryKindOfChange()
    {
        ProjectController controller;
        OpTableModel ops(&controller);
        OpFilterProxyModel proxy;
        proxy.setOpModel(&ops);
        ProfileSummaryModel summary(&controller);
        ViolationsModel violations(&controller);
        RulesModel rules(&controller);
        SourcesModel sources(&controller);
        const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
        QAbstractItemModelTester t1(&ops, mode), t2(&proxy, mode), t3(&summary, mode), t4(&violations, mode),
            t5(&rules, mode), t6(&sources, mode);

        controller.resetProject(makeSyntheticProject(400));
        QCOMPARE(ops.rowCount(), 400);
        QCOMPARE(
            ops.columnCount(), OpTableModel::FixedColumnCount + 1 + 2 * 2 + 1 + 4 + 1); // evidence, hand edit
        QCOMPARE(summary.rowCount(), 4);
        controller.setCut(1, 0.6);
        controller.setOverride(
            controller.opIndex(QStringLiteral("lm_head")), Override::Action::Int8, QStringLiteral("test"));
        rules.applyLanguageModelOnlyPreset();
        QCOMPARE(sources.rowCount(), 2);
        controller.setMetricFlipped(0, true);
        controller.setCombine(CombineSpec::parse(QStringLiteral("weighted:mse_v2=2,hawq_v2=1")));
        controller.setCutBy(CutPlan::CutBy::Params);
        proxy.setFilterText(QStringLiteral("experts\\.1\\."), true);
        QVERIFY(proxy.rowCount() > 0);
        proxy.setStatusFilter(OpFilterProxyModel::Status::Violations);
        QCOMPARE(proxy.rowCount(), 0); // lm_head does not match the name filter
        proxy.setFilterText(QString(), false);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setStatusFilter(OpFilterProxyModel::Status::Any);
        while (controller.undoStack()->canUndo())
            controller.undoStack()->undo();
        controller.resetProject(makeSyntheticProject(50));
        QCOMPARE(ops.rowCount(), 50);
        controller.resetProject(Project());
        QCOMPARE(ops.rowCount(), 0);
    }

    void opProxyForwardsEachChangeOnceAtItsRows()
    {
        FilteredOps filtered(400);
        ProjectController& controller = filtered.controller;
        OpTableModel& ops = filtered.ops;
        OpFilterProxyModel& proxy = filtered.proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy spy(&proxy, &QAbstractItemModel::dataChanged);
        const int column = ops.profileColumn(1);
        // A whole column (a drag step past the per-cell limit): the whole proxy column, in one signal.
        emit ops.dataChanged(ops.index(0, column), ops.index(ops.rowCount() - 1, column));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy[0][0].toModelIndex(), proxy.index(0, column));
        QCOMPARE(spy[0][1].toModelIndex(), proxy.index(proxy.rowCount() - 1, column));
        // Sorted and filtered: a cell arrives at the row that shows it, a hidden row not at all.
        proxy.sort(0, Qt::DescendingOrder);
        proxy.setFilterText(QStringLiteral("experts\\.1\\."), true);
        QVERIFY(proxy.rowCount() > 0 && proxy.rowCount() < ops.rowCount());
        const int shown = proxy.mapToSource(proxy.index(0, 0)).row();
        const int hidden = ops.rowCount() - 1; // lm_head, not an expert
        QVERIFY(!proxy.mapFromSource(ops.index(hidden, 0)).isValid());
        spy.clear();
        emit ops.dataChanged(ops.index(shown, column), ops.index(shown, column));
        emit ops.dataChanged(ops.index(hidden, column), ops.index(hidden, column));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy[0][0].toModelIndex(), proxy.index(0, column));
        QCOMPARE(spy[0][1].toModelIndex(), proxy.index(0, column));
        // Whole rows (findings changed), several at once: one signal per shown row, all columns.
        spy.clear();
        emit ops.dataChanged(ops.index(0, 0), ops.index(ops.rowCount() - 2, ops.columnCount() - 1));
        QCOMPARE(spy.size(), proxy.rowCount());
        for (const QList<QVariant>& args : std::as_const(spy)) {
            QCOMPARE(args[0].toModelIndex().column(), 0);
            QCOMPARE(args[1].toModelIndex().column(), proxy.columnCount() - 1);
            QCOMPARE(args[0].toModelIndex().row(), args[1].toModelIndex().row());
        }
    }

    void opTableShowsValuesRanksAndStatus()
    {
        ProjectController controller;
        controller.resetProject(makeSyntheticProject(300));
        OpTableModel ops(&controller);
        const Project& p = controller.project();
        const int head = controller.opIndex(QStringLiteral("lm_head"));
        QCOMPARE(ops.index(head, OpTableModel::NameColumn).data().toString(), QStringLiteral("lm_head"));
        QCOMPARE(
            ops.index(head, ops.profileColumn(3)).data().toString(), QStringLiteral("kept: rule:lm-head"));
        // The least sensitive unit is INT8 in every profile.
        const int first = p.ranking().units[size_t(p.ranking().order.front())].members.front();
        QCOMPARE(ops.index(first, ops.profileColumn(0)).data().toString(), QStringLiteral("INT8"));
        QCOMPARE(ops.index(first, ops.profileColumn(0)).data(OpTableModel::SortRole).toInt(), 1);
        QCOMPARE(ops.index(first, ops.metricValueColumn(1)).data(OpTableModel::SortRole).toDouble(),
            p.scores()[1].values[size_t(first)]);
        QVERIFY(qAbs(ops.index(first, ops.combinedColumn()).data(OpTableModel::SortRole).toDouble()
                    - p.ranking().orderScore(0))
            < 1e-12);
        QVERIFY(ops.headerData(ops.metricValueColumn(0), Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("lower = more sensitive")));
        QVERIFY(!ops.index(head, 0).data(Qt::BackgroundRole).isValid());
    }

    void summaryCountsAndMemory()
    {
        ProjectController controller;
        controller.resetProject(makeSyntheticProject(300));
        ProfileSummaryModel summary(&controller);
        const Project& p = controller.project();
        for (int row = 0; row < 4; ++row) {
            const qint64 int8Params = p.cuts()[size_t(row)].params;
            const qint64 total = p.inventory().totalParams();
            QCOMPARE(summary.index(row, ProfileSummaryModel::OpsColumn)
                         .data(ProfileSummaryModel::ValueRole)
                         .toLongLong(),
                p.cuts()[size_t(row)].ops);
            QCOMPARE(summary.index(row, ProfileSummaryModel::MemoryColumn)
                         .data(ProfileSummaryModel::ValueRole)
                         .toLongLong(),
                int8Params + 2 * (total - int8Params));
            QCOMPARE(summary.index(row, ProfileSummaryModel::Bf16MemoryColumn)
                         .data(ProfileSummaryModel::ValueRole)
                         .toLongLong(),
                2 * total);
        }
        QVERIFY(summary.setData(summary.index(0, ProfileSummaryModel::LabelColumn), QStringLiteral("tiny")));
        QCOMPARE(p.cutPlan().profiles[0].label, QStringLiteral("tiny"));
        QVERIFY(!summary.setData(
            summary.index(0, ProfileSummaryModel::NameColumn), QStringLiteral("B"))); // taken
        controller.undoStack()->undo();
        QCOMPARE(p.cutPlan().profiles[0].label, QStringLiteral("minimal"));
    }

    void rulesModelEditsAreUndoableAndValidated()
    {
        ProjectController controller;
        controller.resetProject(makeSyntheticProject(200));
        RulesModel rules(&controller);
        QSignalSpy rejected(&rules, &RulesModel::editRejected);
        const RuleSet before = controller.project().rules();
        const int rows = rules.rowCount();
        rules.addRule();
        QCOMPARE(rules.rowCount(), rows + 1);
        const int row = rows;
        QVERIFY(rules.setData(rules.index(row, RulesModel::SyntaxColumn), QStringLiteral("regex")));
        QVERIFY(
            !rules.setData(rules.index(row, RulesModel::PatternColumn), QStringLiteral("model.layers.(0")));
        QCOMPARE(rejected.count(), 1);
        QVERIFY(rules.setData(
            rules.index(row, RulesModel::PatternColumn), QStringLiteral("model\\.layers\\.0\\..*")));
        QVERIFY(rules.setData(rules.index(row, RulesModel::EnabledColumn), Qt::Checked, Qt::CheckStateRole));
        const int q = controller.opIndex(QStringLiteral("model.layers.0.self_attn.q_proj"));
        QCOMPARE(controller.project().ranking().state[size_t(q)], OpState::KeptByRule);
        rules.moveRule(row, -1);
        QCOMPARE(controller.project().rules().rules()[size_t(row - 1)].namePattern,
            QStringLiteral("model\\.layers\\.0\\..*"));
        while (controller.undoStack()->canUndo())
            controller.undoStack()->undo();
        QCOMPARE(controller.project().rules(), before);
        QCOMPARE(controller.project().ranking().state[size_t(q)], OpState::Eligible);
    }

    void filterIsDebounced()
    {
        FilteredOps filtered(200);
        ProjectController& controller = filtered.controller;
        OpTableModel& ops = filtered.ops;
        OpFilterProxyModel& proxy = filtered.proxy;
        proxy.setFilterTextDebounced(QStringLiteral("lm_head"), false);
        QCOMPARE(proxy.rowCount(), 200); // not yet
        QVERIFY(proxy.isFilterPending());
        QTRY_COMPARE_WITH_TIMEOUT(proxy.rowCount(), 1, 2000);
        proxy.setFilterText(QStringLiteral("["), true); // invalid regex filters nothing
        QVERIFY(!proxy.filterIsValid());
        QCOMPARE(proxy.rowCount(), 200);
    }

    void pixelCutMapping_data()
    {
        QTest::addColumn<QRectF>("plot");
        QTest::addColumn<double>("axisMax");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("value");
        QTest::addRow("left edge") << QRectF(50, 10, 400, 300) << 1.0 << 50.0 << 0.0;
        QTest::addRow("middle") << QRectF(50, 10, 400, 300) << 1.0 << 250.0 << 0.5;
        QTest::addRow("quarter") << QRectF(50, 10, 400, 300) << 1.0 << 150.0 << 0.25;
        QTest::addRow("right edge") << QRectF(50, 10, 400, 300) << 1.0 << 450.0 << 1.0;
        QTest::addRow("left of plot clamps") << QRectF(50, 10, 400, 300) << 1.0 << 0.0 << 0.0;
        QTest::addRow("right of plot clamps") << QRectF(50, 10, 400, 300) << 1.0 << 900.0 << 1.0;
        QTest::addRow("count axis") << QRectF(0, 0, 1000, 100) << 5000.0 << 100.0 << 500.0;
        QTest::addRow("fractional pixel") << QRectF(10.5, 0, 200, 100) << 1.0 << 60.5 << 0.25;
    }
    void pixelCutMapping()
    {
        QFETCH(QRectF, plot);
        QFETCH(double, axisMax);
        QFETCH(double, x);
        QFETCH(double, value);
        const CutAxisMapping map { plot, 0.0, axisMax };
        QCOMPARE(map.valueAt(x), value);
        if (x >= plot.left() && x <= plot.right())
            QCOMPARE(map.xAt(map.valueAt(x)), x);
    }

    void snapCutLandsOnUnitBoundaries_data()
    {
        QTest::addColumn<double>("wanted");
        for (double w : { 0.0, 0.013, 0.25, 0.5, 0.777, 0.999, 1.0 })
            QTest::addRow("%g", w) << w;
    }
    void snapCutLandsOnUnitBoundaries()
    {
        QFETCH(double, wanted);
        const Project p = makeSyntheticProject(500);
        const Ranking& r = p.ranking();
        const double snapped = ProfileCutter::snapCut(r, CutPlan::CutBy::Ops, wanted);
        const int k = ProfileCutter::unitsForCut(r, CutPlan::CutBy::Ops, snapped);
        QCOMPARE(ProfileCutter::cutForUnits(r, CutPlan::CutBy::Ops, k), snapped); // exactly a boundary
        // The nearest boundary: no other boundary is closer to what was asked for.
        const double oneUnit = 1.0 / double(r.eligibleOps());
        QVERIFY(qAbs(snapped - wanted) <= 2.0 * oneUnit * 8 + 1e-12); // a unit is at most a fused group
    }

    void niceRange_data()
    {
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::addRow("unit") << 0.0 << 1.0 << 0.0 << 1.0;
        QTest::addRow("ragged") << 0.13 << 0.87 << 0.0 << 1.0;
        QTest::addRow("counts") << 0.0 << 4321.0 << 0.0 << 5000.0;
        QTest::addRow("negative") << -3.2 << 7.9 << -5.0 << 10.0;
    }
    void niceRange()
    {
        QFETCH(double, lo);
        QFETCH(double, hi);
        QFETCH(double, min);
        QFETCH(double, max);
        const NiceRange r = NiceRange::compute(lo, hi, 6);
        QCOMPARE(r.min, min);
        QCOMPARE(r.max, max);
        QVERIFY(r.tickCount >= 2 && r.tickCount <= 12);
    }

    void decimationKeepsShapeAndBudget()
    {
        std::vector<double> xs(100000), ys(100000);
        for (size_t i = 0; i < xs.size(); ++i) {
            xs[i] = double(i) / double(xs.size() - 1);
            ys[i] = xs[i] * xs[i];
        }
        ys[54321] = 5.0; // a spike must survive
        const QList<QPointF> points = CurveDecimator::decimate(xs, ys, 800);
        QVERIFY(points.size() <= 4 * 800);
        QCOMPARE(points.front(), QPointF(0.0, 0.0));
        QCOMPARE(points.back(), QPointF(1.0, 1.0));
        QVERIFY(std::any_of(points.begin(), points.end(), [](const QPointF& p) { return p.y() == 5.0; }));
        for (qsizetype i = 1; i < points.size(); ++i)
            QVERIFY(points[i].x() >= points[i - 1].x());
    }

    void suggestedCutsFindTheJumps()
    {
        const Project p = makeSyntheticProject(600);
        const CutPlan plan = CutSuggester::suggest(p.ranking(), p.cutPlan());
        QCOMPARE(plan.profiles.size(), p.cutPlan().profiles.size());
        for (size_t i = 1; i < plan.profiles.size(); ++i)
            QVERIFY(plan.profiles[i].cut >= plan.profiles[i - 1].cut);
        QVERIFY(plan != p.cutPlan());
        ProjectController controller;
        controller.resetProject(p);
        controller.setCutPlan(plan, QStringLiteral("Suggest cuts"));
        QCOMPARE(controller.project().cutPlan(), plan);
        controller.undoStack()->undo();
        QCOMPARE(controller.project().cutPlan(), p.cutPlan());
    }

    void cutsStayNested()
    {
        ProjectController controller;
        controller.resetProject(makeSyntheticProject(300));
        controller.setCut(1, 0.9); // C is at 0.8: B may not pass it
        QCOMPARE(controller.project().cutPlan().profiles[1].cut, 0.8);
        controller.setCut(1, 0.1); // A is at 0.25
        QCOMPARE(controller.project().cutPlan().profiles[1].cut, 0.25);
        QCOMPARE(controller.undoStack()->count(), 2);
    }
};

QTEST_MAIN(TestGuiModels)
#include "tst_gui_models.moc"
