// Evidence in the explorer (issue 8) and source names (issue 12 item 3): the Evidence column, the
// Unmeasured filter, no-signal layers drawn apart from ranked ones, what the Sources dock says about a
// source, the undoable "All values are measured" checkbox, and default, unique, editable source names.
#include "MainWindow.h"
#include "MetricText.h"
#include "ProjectController.h"
#include "SyntheticProject.h"
#include "TestPaths.h"
#include "UserPrompts.h"
#include "chart/LayerSensitivityView.h"
#include "load/ProjectLoader.h"
#include "metrics/SourceName.h"
#include "models/OpFilterProxyModel.h"
#include "models/OpTableModel.h"
#include "models/SourcesModel.h"
#include "profile/CutPlan.h"
#include "rules/Override.h"
#include "widgets/ChartArea.h"
#include "widgets/OpTablePanel.h"
#include "widgets/ScatterPanel.h"
#include "widgets/SideDocks.h"
#include "widgets/SourcesPanel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScatterSeries>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace qc;
using namespace qc::gui;

namespace {
class QuietPrompts : public UserPrompts
{
public:
    explicit QuietPrompts(QStringList* sink)
        : errors(sink)
    { }
    void showError(QWidget*, const QString& title, const QString& text) override
    {
        errors->append(title + QStringLiteral(": ") + text);
    }
    bool askProceedDespiteErrors(QWidget*, const QString&, const QString&) override { return true; }
    SaveChoice askSaveChanges(QWidget*, const QString&) override { return SaveChoice::Discard; }
    QString askSavePath(QWidget*, const QString&, const QString&, const QString&) override { return {}; }
    bool askChoice(QWidget*, const QString&, const QString&, const QStringList& items, int& index) override
    {
        return index >= 0 && index < items.size();
    }
    QStringList* errors;
};

constexpr int kVisionOps = 12;
constexpr int kLanguageOps = 16;

// A vision tower of kVisionOps ops all scored exactly 0 (never run), a language model of kLanguageOps ops
// with real scores, one op that was never a candidate and one the source does not mention.
Project evidenceFixture()
{
    std::vector<Op> ops;
    for (int i = 0; i < kVisionOps; ++i) // two ops per vision block
        ops.push_back({ QStringLiteral("visual.blocks.%1.fc%2").arg(i / 2).arg(i % 2),
            QStringLiteral("Linear"), QStringLiteral("vision"), i / 2, 1000 });
    for (int i = 0; i < kLanguageOps; ++i)
        ops.push_back({ QStringLiteral("model.layers.%1.mlp.down_proj").arg(i), QStringLiteral("Linear"),
            QStringLiteral("language"), i, 2000 });
    ops.push_back({ QStringLiteral("lm_head"), QStringLiteral("Linear"), QStringLiteral("head"), -1, 5000 });
    ops.push_back({ QStringLiteral("model.layers.0.mlp.up_proj"), QStringLiteral("Linear"),
        QStringLiteral("language"), 0, 2000 }); // not in the source
    Metric m;
    m.id = m.key = QStringLiteral("autoquant");
    m.format = QStringLiteral("modelopt-autoquant");
    m.file = QStringLiteral("/data/modelopt_autoquant_int8_lm_large.json");
    m.numberFormat = QStringLiteral("INT8_LM_DEFAULT_CFG");
    m.effectiveBits = 8.0;
    m.facts = { { QStringLiteral("scheme.coverage_mode"), QStringLiteral("lm_only") },
        { QStringLiteral("dataset.num_samples"), QStringLiteral("512") } };
    int line = 1;
    for (int i = 0; i < kVisionOps; ++i)
        m.entries.push_back({ ops[size_t(i)].name, QStringLiteral("Linear"), 0.0, ++line, {} });
    for (int i = 0; i < kLanguageOps; ++i)
        m.entries.push_back(
            { ops[size_t(kVisionOps + i)].name, QStringLiteral("Linear"), 0.5 + i * 0.25, ++line, {} });
    MetricEntry head { QStringLiteral("lm_head"), QStringLiteral("Linear"), 0.0, ++line, {} };
    head.candidate = false;
    m.entries.push_back(head);
    std::vector<Metric> metrics { m };
    SourceName::nameNew(metrics, 0);
    Project project;
    project.setInventory(Inventory(std::move(ops), QStringLiteral("fixture_ops.csv")));
    project.setMetrics(std::move(metrics));
    return project;
}

Metric reportLike(const QString& file, const QString& samples = QStringLiteral("512"))
{
    Metric m;
    m.id = m.key = QStringLiteral("autoquant");
    m.format = QStringLiteral("modelopt-autoquant");
    m.file = file;
    m.numberFormat = QStringLiteral("INT8_LM_DEFAULT_CFG");
    m.facts = { { QStringLiteral("dataset.num_samples"), samples } };
    return m;
}

Metric csvScore(const QString& file)
{
    Metric m;
    m.id = m.key = m.label = QStringLiteral("score");
    m.format = QStringLiteral("csv");
    m.file = file;
    return m;
}

int rowsWithEvidence(const OpTableModel& model, const QString& text)
{
    int n = 0;
    for (int r = 0; r < model.rowCount(); ++r)
        n += model.index(r, model.evidenceColumn()).data().toString() == text ? 1 : 0;
    return n;
}
} // namespace

class TestGuiEvidence : public QObject
{
    Q_OBJECT

    QStringList m_errors;
    QTemporaryDir m_dir;

    std::unique_ptr<MainWindow> makeWindow(Project project)
    {
        auto window = std::make_unique<MainWindow>();
        window->setPrompts(std::make_unique<QuietPrompts>(&m_errors));
        window->controller()->resetProject(std::move(project));
        window->resize(1280, 800);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
        QCoreApplication::processEvents();
        return window;
    }

    // Selects a source row in the dock the way a user does: a click on its name.
    static void clickSource(SourcesPanel* panel, int row)
    {
        QTableView* view = panel->view();
        const QRect rect = view->visualRect(view->model()->index(row, SourcesModel::NameColumn));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    }

private slots:
    void init() { m_errors.clear(); }

    // A hand edit changes that op's (and its fused group's) decisions only: other ops keep theirs in every
    // profile, although the count of eligible units behind each fraction cut changed (issue 12, item 5).
    void handEditMovesNoOtherOp()
    {
        auto window = makeWindow(makeSyntheticProject(600));
        QVERIFY(window);
        ProjectController* controller = window->controller();
        const Project& p = controller->project();
        auto decisions = [&] {
            std::vector<std::vector<bool>> d(size_t(p.profileCount()));
            for (int prof = 0; prof < p.profileCount(); ++prof)
                for (int op = 0; op < p.inventory().size(); ++op)
                    d[size_t(prof)].push_back(p.isQuantized(op, prof));
            return d;
        };
        const auto before = decisions();
        const CutPlan planBefore = p.cutPlan();
        // An op that C quantizes and B does not.
        int target = -1;
        for (int op = 0; op < p.inventory().size() && target < 0; ++op) {
            if (before[2][size_t(op)] && !before[1][size_t(op)])
                target = op;
        }
        QVERIFY(target >= 0);
        const int unit = p.ranking().unitOf[size_t(target)];
        for (const Override::Action action : { Override::Action::Keep, Override::Action::Int8 }) {
            controller->setOverride(target, action);
            const auto after = decisions();
            for (int prof = 0; prof < p.profileCount(); ++prof) {
                for (int op = 0; op < p.inventory().size(); ++op) {
                    if (p.ranking().unitOf[size_t(op)] == unit)
                        QCOMPARE(bool(after[size_t(prof)][size_t(op)]), action == Override::Action::Int8);
                    else
                        QVERIFY2(after[size_t(prof)][size_t(op)] == before[size_t(prof)][size_t(op)],
                            qPrintable(
                                QStringLiteral("profile %1, %2").arg(prof).arg(p.inventory().at(op).name)));
                }
            }
            controller->undoStack()->undo();
            QCOMPARE(p.cutPlan(), planBefore); // undo restores the exact cut values
            QVERIFY(decisions() == before);
        }
    }

    // A budget in effective bits: switching keeps every profile's ops, and the curve's axis spans the bits
    // that quantizing none to all of the eligible units gives.
    void budgetInEffectiveBits()
    {
        auto window = makeWindow(makeSyntheticProject(600));
        QVERIFY(window);
        ProjectController* controller = window->controller();
        std::vector<qint64> before;
        for (const ProfileCut& c : controller->project().cuts())
            before.push_back(c.ops);
        controller->setCutBy(CutPlan::CutBy::Bits);
        const Project& p = controller->project();
        QCOMPARE(p.cutPlan().by, CutPlan::CutBy::Bits);
        for (size_t i = 0; i < before.size(); ++i) {
            QCOMPARE(p.cuts()[i].ops, before[i]);
            QVERIFY(p.cutPlan().profiles[i].cut > 8.0 && p.cutPlan().profiles[i].cut <= 16.0);
            QVERIFY(i == 0 || p.cutPlan().profiles[i].cut <= p.cutPlan().profiles[i - 1].cut); // budgets fall
        }
        QCOMPARE(controller->errorCount(), 0); // falling budgets are in order
        controller->undoStack()->undo();
        QCOMPARE(controller->project().cutPlan().by, CutPlan::CutBy::Ops);
    }

    void defaultNamesAreUniqueForOneProducer()
    {
        std::vector<Metric> metrics { reportLike(QStringLiteral("/d/modelopt_autoquant_int8_lm_large.json")),
            reportLike(QStringLiteral("/d/modelopt_autoquant_int8_lm_medium.json")),
            reportLike(QStringLiteral("/d/modelopt_autoquant_int8_lm_small.json")) };
        QCOMPARE(SourceName::base(metrics[0]), QStringLiteral("AutoQuant INT8_LM_DEFAULT_CFG · 512 samples"));
        SourceName::nameNew(metrics, 0);
        QCOMPARE(metrics[0].label, QStringLiteral("AutoQuant INT8_LM_DEFAULT_CFG · 512 samples · large"));
        QCOMPARE(metrics[1].label, QStringLiteral("AutoQuant INT8_LM_DEFAULT_CFG · 512 samples · medium"));
        QCOMPARE(metrics[2].label, QStringLiteral("AutoQuant INT8_LM_DEFAULT_CFG · 512 samples · small"));

        // Two CSVs with a "score" column each.
        std::vector<Metric> csvs { csvScore(QStringLiteral("/a/mse_scores.csv")),
            csvScore(QStringLiteral("/b/hawq_scores.csv")) };
        SourceName::nameNew(csvs, 0);
        QCOMPARE(csvs[0].label, QStringLiteral("score · mse"));
        QCOMPARE(csvs[1].label, QStringLiteral("score · hawq"));

        // One at a time: the first keeps the bare name until a sibling arrives; then both are told apart.
        std::vector<Metric> growing { reportLike(QStringLiteral("/d/run_large.json")) };
        SourceName::nameNew(growing, 0);
        QCOMPARE(growing[0].label, QStringLiteral("AutoQuant INT8_LM_DEFAULT_CFG · 512 samples"));
        growing.push_back(reportLike(QStringLiteral("/d/run_small.json")));
        SourceName::nameNew(growing, 1);
        QCOMPARE(growing[0].label, QStringLiteral("AutoQuant INT8_LM_DEFAULT_CFG · 512 samples · large"));
        QCOMPARE(growing[1].label, QStringLiteral("AutoQuant INT8_LM_DEFAULT_CFG · 512 samples · small"));
        // A name the user chose stays; the same file twice gets a counter.
        growing[0].label = QStringLiteral("mine");
        growing.push_back(reportLike(QStringLiteral("/e/run_small.json")));
        SourceName::nameNew(growing, 2);
        QCOMPARE(growing[0].label, QStringLiteral("mine"));
        QCOMPARE(growing[1].label, QStringLiteral("AutoQuant INT8_LM_DEFAULT_CFG · 512 samples · small"));
        QCOMPARE(growing[2].label, QStringLiteral("AutoQuant INT8_LM_DEFAULT_CFG · 512 samples · small (2)"));
    }

    void loadedReportsGetDistinctNames()
    {
        QC_REQUIRE_SHARED_DATA();
        const QString dir = qc::test::sharedData(QStringLiteral("qwen2_5_vl_3b/"));
        const ProjectLoader::Result r = ProjectLoader::load(Project(),
            { dir + QStringLiteral("ops.csv"), dir + QStringLiteral("modelopt_autoquant_int8_lm_large.json"),
                dir + QStringLiteral("modelopt_autoquant_int8_lm_medium.json"),
                dir + QStringLiteral("modelopt_autoquant_int8_lm_small.json") });
        QVERIFY2(r.changesProject(), qPrintable(r.problems()));
        QStringList names;
        for (const Metric& m : r.project.metrics())
            names.append(metricShortName(m));
        QCOMPARE(names.size(), 3);
        QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), 3);
        QVERIFY2(names[0].startsWith(QStringLiteral("AutoQuant INT8_LM_DEFAULT_CFG")), qPrintable(names[0]));
        QVERIFY2(names[0].endsWith(QStringLiteral("large")), qPrintable(names.join(QLatin1Char('|'))));
        QVERIFY(names[2].endsWith(QStringLiteral("small")));
    }

    void evidenceColumnOnTheFixture()
    {
        auto window = makeWindow(evidenceFixture());
        QVERIFY(window);
        OpTableModel* model = window->opModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            window->opTable()->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->headerData(model->evidenceColumn(), Qt::Horizontal).toString(),
            QStringLiteral("Evidence"));
        QCOMPARE(rowsWithEvidence(*model, QStringLiteral("no signal")), kVisionOps);
        QCOMPARE(rowsWithEvidence(*model, QStringLiteral("measured")), kLanguageOps);
        QCOMPARE(rowsWithEvidence(*model, QStringLiteral("not a candidate")), 1);
        QCOMPARE(rowsWithEvidence(*model, QStringLiteral("missing")), 1);
        const int head = window->controller()->opIndex(QStringLiteral("lm_head"));
        QCOMPARE(
            model->index(head, model->evidenceColumn()).data().toString(), QStringLiteral("not a candidate"));
        // Not-measured values are greyed, measured ones are not.
        QVERIFY(model->index(0, model->metricValueColumn(0)).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model->index(kVisionOps, model->metricValueColumn(0)).data(Qt::ForegroundRole).isValid());
        // The vision rank is empty: a no-signal zero is not "least sensitive".
        QCOMPARE(model->index(0, model->metricRankColumn(0)).data().toString(), QStringLiteral("–"));

        // Unmeasured and Unranked are separate filters, chosen in the combo box.
        QList<QComboBox*> boxes = window->opTable()->findChildren<QComboBox*>();
        QComboBox* statusBox = nullptr;
        for (QComboBox* box : boxes) {
            if (box->findText(QStringLiteral("Unmeasured")) >= 0)
                statusBox = box;
        }
        QVERIFY(statusBox);
        statusBox->setCurrentIndex(statusBox->findText(QStringLiteral("Unmeasured")));
        // The tower (lm_head, never a candidate, is kept by the default head rule first).
        QCOMPARE(window->opTable()->proxy()->rowCount(), kVisionOps);
        QCOMPARE(window->controller()->project().ranking().state[size_t(head)], OpState::KeptByRule);
        statusBox->setCurrentIndex(statusBox->findText(QStringLiteral("Unranked")));
        QCOMPARE(window->opTable()->proxy()->rowCount(), 1); // no source mentions it
        QCOMPARE(window->opTable()->proxy()->index(0, 0).data().toString(),
            QStringLiteral("model.layers.0.mlp.up_proj"));
        statusBox->setCurrentIndex(0);

        // The chart: the tower is hollow grey on the baseline, never a point of the line, in every mode.
        LayerSensitivityView* chart = window->chartArea()->layerChart();
        QVERIFY(chart->legendText().contains(QStringLiteral("no signal (not ranked)")));
        QVERIFY(chart->legendText().contains(QStringLiteral("not a candidate (not ranked)")));
        QCOMPARE(chart->noSignalSeries()->count(), kVisionOps / 2); // one per vision layer
        QCOMPARE(chart->gapRuns().size(), size_t(1)); // the tower is labelled "no signal · not ranked"
        QCOMPARE(
            chart->gapRuns().front(), std::make_pair(chart->slotOfOp(0), chart->slotOfOp(kVisionOps - 1)));
        for (const QPointF& point : chart->noSignalSeries()->points())
            QCOMPARE(point.y(), 0.0);
        for (auto mode : { LayerSensitivityView::Mode::MeanRank, LayerSensitivityView::Mode::MaxRank,
                 LayerSensitivityView::Mode::MinMax, LayerSensitivityView::Mode::RawLog }) {
            chart->setMode(mode);
            const int visionSlot = chart->slotOfOp(0);
            const int languageSlot = chart->slotOfOp(kVisionOps);
            QVERIFY(std::isnan(chart->slotValue(0, visionSlot)));
            QVERIFY(!std::isnan(chart->slotValue(0, languageSlot)));
            QVERIFY(chart->slotToolTip(visionSlot).contains(QStringLiteral("no signal")));
        }
        chart->setMode(LayerSensitivityView::Mode::MeanRank);
        // The least sensitive ranked point is the first language layer, at min-max 0.
        chart->setMode(LayerSensitivityView::Mode::MinMax);
        QCOMPARE(chart->slotValue(0, chart->slotOfOp(kVisionOps)), 0.0);
        chart->setMode(LayerSensitivityView::Mode::MeanRank);
    }

    void evidenceOnTheRealLmLargeReport()
    {
        QC_REQUIRE_SHARED_DATA();
        auto window = makeWindow(Project());
        QVERIFY(window);
        const QString dir = qc::test::sharedData(QStringLiteral("qwen2_5_vl_3b/"));
        QVERIFY(window->openFiles({ dir + QStringLiteral("ops.csv"),
                                      dir + QStringLiteral("modelopt_autoquant_int8_lm_large.json") },
            true));
        QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(QLatin1Char('\n'))));
        const Project& p = window->controller()->project();
        OpTableModel* model = window->opModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const std::array<int, 4> counts = p.scores()[0].countByEvidence();
        QCOMPARE(counts[size_t(Evidence::NoSignal)], 163);
        QCOMPARE(rowsWithEvidence(*model, QStringLiteral("no signal")), 163);
        QCOMPARE(rowsWithEvidence(*model, QStringLiteral("measured")), counts[size_t(Evidence::Measured)]);
        // Every vision op the report scores reads "no signal" and is never ranked: a rule keeps it, or it
        // is kept as unmeasured (not "unranked").
        int vision = 0;
        for (int op = 0; op < p.inventory().size(); ++op) {
            if (p.inventory().at(op).component != QLatin1String("vision")
                || p.scores()[0].evidence[size_t(op)] == Evidence::Missing)
                continue;
            QCOMPARE(
                model->index(op, model->evidenceColumn()).data().toString(), QStringLiteral("no signal"));
            const OpState state = p.ranking().state[size_t(op)];
            QVERIFY(state == OpState::Unmeasured || state == OpState::KeptByRule);
            if (state == OpState::Unmeasured) {
                ++vision;
                QCOMPARE(p.keepReason(op, 0), QStringLiteral("unmeasured"));
            }
        }
        QVERIFY(vision > 100);
        LayerSensitivityView* chart = window->chartArea()->layerChart();
        QVERIFY(chart->legendText().contains(QStringLiteral("no signal (not ranked)")));
        const int visionSlot
            = chart->slotOfOp(p.inventory().indexOf(QStringLiteral("model.visual.blocks.0.mlp.down_proj")));
        QVERIFY(visionSlot >= 0);
        QVERIFY(std::isnan(chart->slotValue(0, visionSlot)));
        QVERIFY(std::any_of(
            chart->gapRuns().begin(), chart->gapRuns().end(), [&](const std::pair<int, int>& run) {
                return run.first <= visionSlot && visionSlot <= run.second;
            }));
        // The dock says what the source is and why the tower has no signal.
        window->docks()->sourcesPanel()->view()->setCurrentIndex(
            window->docks()->sourcesModel()->index(0, 0));
        const QString details = window->docks()->sourcesPanel()->details()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("INT8_LM_DEFAULT_CFG")), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("scheme.coverage_mode: full")));
        QVERIFY(details.contains(QStringLiteral("163 no signal")));
        QVERIFY(details.contains(QStringLiteral("component vision")));
        QCOMPARE(window->docks()->sourcesModel()->index(0, SourcesModel::NoSignalColumn).data().toString(),
            QStringLiteral("163"));
    }

    void allMeasuredIsOneUndoStepAndSurvivesSaveAndReopen()
    {
        auto window = makeWindow(evidenceFixture());
        QVERIFY(window);
        ProjectController* controller = window->controller();
        const Project& p = controller->project();
        SourcesModel* sources = window->docks()->sourcesModel();
        QAbstractItemModelTester tester(sources, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SourcesPanel* panel = window->docks()->sourcesPanel();
        clickSource(panel, 0);
        QVERIFY(panel->details()->toPlainText().contains(QStringLiteral("dataset.num_samples: 512")));
        QVERIFY(panel->details()->toPlainText().contains(
            QStringLiteral("No signal, not ranked: component vision")));
        QCOMPARE(
            sources->index(0, SourcesModel::NoSignalColumn).data().toString(), QString::number(kVisionOps));
        const int eligibleBefore = p.ranking().eligibleUnits();
        QCOMPARE(eligibleBefore, kLanguageOps);
        QCOMPARE(p.ranking().state[0], OpState::Unmeasured);
        const int steps = controller->undoStack()->count();

        QCheckBox* box = panel->allMeasuredBox();
        QVERIFY(box->isEnabled());
        QVERIFY(!box->isChecked());
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
        QVERIFY(p.metrics()[0].allMeasured);
        QVERIFY(box->isChecked());
        QCOMPARE(controller->undoStack()->count(), steps + 1);
        QCOMPARE(p.ranking().eligibleUnits(), kLanguageOps + kVisionOps); // the zeros now rank, first
        QCOMPARE(p.ranking().state[0], OpState::Eligible);
        QCOMPARE(rowsWithEvidence(*window->opModel(), QStringLiteral("no signal")), 0);
        QVERIFY(p.scores()[0].gaps.empty());
        QVERIFY(!window->chartArea()->layerChart()->legendText().contains(
            QStringLiteral("no signal (not ranked)")));
        QCOMPARE(sources->index(0, SourcesModel::NoSignalColumn).data().toString(), QStringLiteral("0"));

        controller->undoStack()->undo();
        QVERIFY(!p.metrics()[0].allMeasured);
        QVERIFY(!box->isChecked());
        QCOMPARE(p.ranking().eligibleUnits(), eligibleBefore);
        QCOMPARE(p.ranking().state[0], OpState::Unmeasured);
        controller->undoStack()->redo();
        QVERIFY(p.metrics()[0].allMeasured);

        const QString path = m_dir.filePath(QStringLiteral("all_measured.yaml"));
        QVERIFY(window->saveTo(path));
        auto reopened = makeWindow(Project());
        QVERIFY(reopened);
        QVERIFY(reopened->openFiles({ path }, true));
        QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(QLatin1Char('\n'))));
        const Project& q = reopened->controller()->project();
        QVERIFY(q.metrics()[0].allMeasured);
        QCOMPARE(q.ranking().eligibleUnits(), kLanguageOps + kVisionOps);
        QCOMPARE(q.ranking().order, p.ranking().order);
        clickSource(reopened->docks()->sourcesPanel(), 0);
        QVERIFY(reopened->docks()->sourcesPanel()->allMeasuredBox()->isChecked());
    }

    void renamedSourceShowsEverywhereAndSurvivesSaveAndReopen()
    {
        auto window = makeWindow(evidenceFixture());
        QVERIFY(window);
        ProjectController* controller = window->controller();
        const Project& p = controller->project();
        const QString before = QStringLiteral("AutoQuant INT8_LM_DEFAULT_CFG · 512 samples");
        QCOMPARE(metricShortName(p.metrics()[0]), before);
        QVERIFY(window->chartArea()->layerChart()->legendText().contains(before));
        SourcesModel* sources = window->docks()->sourcesModel();
        QAbstractItemModelTester tester(sources, QAbstractItemModelTester::FailureReportingMode::QtTest);

        // F2 on the name, type, Enter: the editor of the table, as a user renames.
        SourcesPanel* panel = window->docks()->sourcesPanel();
        clickSource(panel, 0);
        QTableView* view = panel->view();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_F2);
        auto* editor = view->viewport()->findChild<QLineEdit*>();
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("LM-large run"));
        QTest::keyClick(editor, Qt::Key_Return);
        const QString name = QStringLiteral("LM-large run");
        QTRY_COMPARE(p.metrics()[0].label, name); // applied once the editor has closed
        QCOMPARE(sources->index(0, SourcesModel::NameColumn).data().toString(), name);
        QVERIFY(window->chartArea()->layerChart()->legendText().contains(name));
        QVERIFY(!window->chartArea()->layerChart()->legendText().contains(before));
        OpTableModel* ops = window->opModel();
        QCOMPARE(ops->headerData(ops->metricValueColumn(0), Qt::Horizontal).toString(), name);
        QVERIFY(ops->headerData(ops->metricRankColumn(0), Qt::Horizontal).toString().contains(name));
        QVERIFY(ops->headerData(ops->metricValueColumn(0), Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(name));
        auto* picker = window->findChild<ScatterPanel*>()->findChild<QComboBox*>();
        QVERIFY(picker);
        QCOMPARE(picker->itemText(0), name);

        // One undo step; an empty name is refused.
        QVERIFY(!sources->setData(
            sources->index(0, SourcesModel::NameColumn), QStringLiteral("  "), Qt::EditRole));
        QCOMPARE(p.metrics()[0].label, name);
        controller->undoStack()->undo();
        QCOMPARE(p.metrics()[0].label, before);
        QVERIFY(window->chartArea()->layerChart()->legendText().contains(before));
        controller->undoStack()->redo();
        QCOMPARE(p.metrics()[0].label, name);

        const QString path = m_dir.filePath(QStringLiteral("renamed.yaml"));
        QVERIFY(window->saveTo(path));
        auto reopened = makeWindow(Project());
        QVERIFY(reopened);
        QVERIFY(reopened->openFiles({ path }, true));
        QCOMPARE(reopened->controller()->project().metrics()[0].label, name);
        QVERIFY(reopened->chartArea()->layerChart()->legendText().contains(name));
        QCOMPARE(reopened->opModel()
                     ->headerData(reopened->opModel()->metricValueColumn(0), Qt::Horizontal)
                     .toString(),
            name);
    }

    void aProfileFileWithAlikeNamesOpensWithDistinctOnes()
    {
        // As the command line writes it: two reports under the importer's one label.
        Project project = evidenceFixture();
        std::vector<Metric> metrics = project.metrics();
        metrics[0].label = QStringLiteral("ModelOpt AutoQuantize · INT8_LM_DEFAULT_CFG (8 effective bits)");
        Metric second = metrics[0];
        second.id = QStringLiteral("autoquant_2");
        second.file = QStringLiteral("/data/modelopt_autoquant_int8_lm_small.json");
        metrics.push_back(second);
        project.setMetrics(metrics);
        auto window = makeWindow(project);
        QVERIFY(window);
        const QString path = m_dir.filePath(QStringLiteral("alike.yaml"));
        QVERIFY(window->saveTo(path));
        auto reopened = makeWindow(Project());
        QVERIFY(reopened);
        QVERIFY(reopened->openFiles({ path }, true));
        const auto& loaded = reopened->controller()->project().metrics();
        QCOMPARE(loaded.size(), size_t(2));
        QCOMPARE(loaded[0].label, QStringLiteral("AutoQuant INT8_LM_DEFAULT_CFG · 512 samples · large"));
        QCOMPARE(loaded[1].label, QStringLiteral("AutoQuant INT8_LM_DEFAULT_CFG · 512 samples · small"));
    }

    void duplicateNamesAreRefused()
    {
        Project project = evidenceFixture();
        std::vector<Metric> metrics = project.metrics();
        Metric second = metrics[0];
        second.id = QStringLiteral("autoquant_2");
        second.file = QStringLiteral("/data/modelopt_autoquant_int8_lm_small.json");
        metrics.push_back(second);
        SourceName::nameNew(metrics, 1);
        QVERIFY(metrics[0].label != metrics[1].label);
        project.setMetrics(metrics);
        ProjectController controller;
        controller.resetProject(project);
        QVERIFY(!controller.setMetricLabel(1, metrics[0].label));
        QCOMPARE(controller.project().metrics()[1].label, metrics[1].label);
        QCOMPARE(controller.undoStack()->count(), 0);
        QVERIFY(controller.setMetricLabel(1, QStringLiteral("small")));
        QCOMPARE(controller.undoStack()->count(), 1);
    }
};

QTEST_MAIN(TestGuiEvidence)
#include "tst_gui_evidence.moc"
