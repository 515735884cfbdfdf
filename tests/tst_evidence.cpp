// What a score is worth: measured, no candidate, no signal, missing; the producer's real format names; the
// AutoQuantize manifest; AutoQuant's own decision, reconstructed exactly; tied cuts.
// The expected values are ASCII literals; implicit conversion keeps them readable.
#undef QT_NO_CAST_FROM_ASCII
#include "TestPaths.h"
#include "TestProjects.h"
#include "budget/BudgetOptimum.h"
#include "budget/ChoiceKnapsack.h"
#include "check/Checker.h"
#include "compare/AutoQuantDecision.h"
#include "compare/ReferenceSchemes.h"
#include "document/ProfileDocument.h"
#include "inventory/InventoryReader.h"
#include "inventory/OpClassifier.h"
#include "io/FileError.h"
#include "metrics/AutoQuantManifest.h"
#include "metrics/ImportSupport.h"
#include "metrics/MetricImporter.h"
#include "profile/ProfileCutter.h"
#include "project/Project.h"
#include "rules/RuleSet.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <limits>

using namespace qc;

namespace {
// A Qwen2.5-VL-like inventory: a vision tower of `vision` Linears and a merger Linear (when vision > 0), then
// `layers` text layers of o_proj and down_proj.
Inventory vlm(int vision, int layers)
{
    std::vector<Op> ops;
    for (int b = 0; b < vision; ++b)
        ops.push_back({ QStringLiteral("model.visual.blocks.%1.mlp.down_proj").arg(b),
            QStringLiteral("Linear"), QStringLiteral("vision"), b, 50 });
    if (vision > 0)
        ops.push_back({ QStringLiteral("model.visual.merger.mlp.0"), QStringLiteral("Linear"),
            QStringLiteral("merger"), -1, 80 });
    for (int l = 0; l < layers; ++l) {
        for (const char* leaf : { "self_attn.o_proj", "mlp.down_proj" })
            ops.push_back({ QStringLiteral("model.language_model.layers.%1.").arg(l) + QLatin1String(leaf),
                QStringLiteral("Linear"), QStringLiteral("language"), l, 100 });
    }
    return Inventory(std::move(ops), QStringLiteral("test"));
}

Metric scored(const Inventory& inv, const std::function<double(const Op&)>& value)
{
    std::vector<std::pair<QString, double>> values;
    for (const Op& op : inv.ops()) {
        if (const double v = value(op); !std::isnan(v)) // NaN: the source does not mention the op
            values.emplace_back(op.name, v);
    }
    return test::metricOf(QStringLiteral("aq"), Polarity::HigherIsMoreSensitive, values);
}

Project computed(const Inventory& inv, std::vector<Metric> metrics)
{
    Project p;
    p.setInventory(inv);
    p.setMetrics(std::move(metrics));
    p.setRules(RuleSet());
    return p;
}

bool anyQuantized(const Project& p, const QString& component)
{
    for (int op = 0; op < p.inventory().size(); ++op) {
        for (int profile = 0; profile < p.profileCount(); ++profile) {
            if (p.inventory().at(op).component == component && p.isQuantized(op, profile))
                return true;
        }
    }
    return false;
}

QString writeTemp(QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
    return path;
}

const QByteArray kManifest = R"json({
  "scheme": {"name": "w4a8_mix", "auto_quantize_bits": 6.0, "auto_quantize_method": "gradient",
             "coverage_mode": "lm_only", "quant_formats": ["INT4_WEIGHT_INT8_ACT_CFG", "INT8_DEFAULT_CFG"]},
  "model": {"id": "/ckpt/tiny"},
  "num_quantized_layers": 5,
  "layers": {"model.layers.0.self_attn.q_proj": {"quantized": true, "module_type": "QuantLinear"},
             "model.layers.0.mlp.down_proj": {"quantized": true, "module_type": "QuantLinear"}},
  "layer_sensitivity": {
    "model.layers.0.self_attn.q_proj.quant_recipe": {
      "formats": ["INT4_WEIGHT_INT8_ACT_CFG(effective-bits: 4.0)", "INT8_DEFAULT_CFG(effective-bits: 8.0)",
                  "NONE(effective-bits: 16.0)"],
      "scores": [2.0, 0.5, 0.0], "costs": [256.0, 512.0, 1024.0], "importance": 2.0, "rank": 3},
    "model.layers.0.mlp.down_proj.quant_recipe": {
      "formats": ["INT4_WEIGHT_INT8_ACT_CFG(effective-bits: 4.0)", "INT8_DEFAULT_CFG(effective-bits: 8.0)",
                  "NONE(effective-bits: 16.0)"],
      "scores": [0.25, 0.125, 0.0], "costs": [512.0, 1024.0, 2048.0], "importance": 0.25, "rank": 1},
    "visual.blocks.0.mlp.fc1.quant_recipe": {
      "formats": ["NONE(effective-bits: 16.0)"], "scores": [0.0], "costs": [4096.0], "importance": 0.0,
      "rank": 2}
  },
  "autoquant_state": {"constraints": {"effective_bits": 4.0}, "score": 0.0, "is_satisfied": true}
})json";
} // namespace

class TestEvidence : public QObject
{
    Q_OBJECT

private slots:
    // ---- no signal

    void zeroComponentIsNoSignal()
    {
        const Inventory inv = vlm(12, 6);
        // Text-only calibration: the vision tower and merger never ran, their scores are exactly 0.
        const Project p = computed(inv, { scored(inv, [](const Op& op) {
            return op.component == QLatin1String("language") ? 1.0 + op.layer : 0.0;
        }) });
        const OpScores& s = p.scores()[0];
        QCOMPARE(s.countByEvidence()[size_t(Evidence::NoSignal)], 13);
        QCOMPARE(s.countByEvidence()[size_t(Evidence::Measured)], 12);
        QCOMPARE(s.gaps.size(), size_t(2)); // merger and vision, in name order
        QCOMPARE(s.gaps[0].component, QStringLiteral("merger"));
        QCOMPARE(s.gaps[1].why, SignalGap::Why::ZeroComponent);
        QCOMPARE(s.gaps[1].ops, 12);
        QVERIFY(!anyQuantized(p, QStringLiteral("vision")));
        QVERIFY(!anyQuantized(p, QStringLiteral("merger")));
        QVERIFY(anyQuantized(p, QStringLiteral("language")));
        const int vision0 = inv.indexOf(QStringLiteral("model.visual.blocks.0.mlp.down_proj"));
        QCOMPARE(p.keepReason(vision0, 0), QStringLiteral("unmeasured"));
        QCOMPARE(p.ranking().state[size_t(vision0)], OpState::Unmeasured);
        // Stated once per stretch, and per op.
        const std::vector<Violation> v = Checker::check(p);
        const auto count = [&](Violation::Kind k) {
            return std::count_if(v.begin(), v.end(), [k](const Violation& x) { return x.kind == k; });
        };
        QCOMPARE(count(Violation::Kind::NoSignal), 2);
        QCOMPARE(count(Violation::Kind::Unmeasured), 13);
        QCOMPARE(count(Violation::Kind::Unranked), 0);
    }

    void userCanSayAllIsMeasured()
    {
        const Inventory inv = vlm(12, 6);
        Metric m = scored(inv,
            [](const Op& op) { return op.component == QLatin1String("language") ? 1.0 + op.layer : 0.0; });
        m.allMeasured = true;
        const Project p = computed(inv, { m });
        QVERIFY(p.scores()[0].gaps.empty());
        QCOMPARE(p.scores()[0].countByEvidence()[size_t(Evidence::Measured)], 25);
        QVERIFY(anyQuantized(p, QStringLiteral("vision")));
    }

    void tiedComponentIsNoSignal()
    {
        // The real INC sanity dump: three ops, one MSE.
        const Inventory inv = vlm(3, 0);
        const Project p = computed(inv, { scored(inv, [](const Op& op) {
            return op.component == QLatin1String("vision") ? 239756304.0 : std::nan("");
        }) });
        QCOMPARE(p.scores()[0].gaps.size(), size_t(1));
        QCOMPARE(p.scores()[0].gaps[0].why, SignalGap::Why::TiedComponent);
        QCOMPARE(p.scores()[0].gaps[0].value, 239756304.0);
        QCOMPARE(p.ranking().eligibleUnits(), 0);
    }

    void zeroBlockInsideAComponent()
    {
        const Inventory inv = vlm(0, 10); // 20 language ops
        // Layers 2..6 (10 ops) exactly 0, the rest measured.
        const Project p = computed(inv, { scored(inv, [](const Op& op) {
            return op.layer >= 2 && op.layer <= 6 ? 0.0 : 1.0 + op.layer;
        }) });
        QCOMPARE(p.scores()[0].gaps.size(), size_t(1));
        QCOMPARE(p.scores()[0].gaps[0].why, SignalGap::Why::ZeroBlock);
        QCOMPARE(p.scores()[0].gaps[0].ops, 10);
        QCOMPARE(
            p.scores()[0].gaps[0].firstOp, QStringLiteral("model.language_model.layers.2.self_attn.o_proj"));
        // A few zeros are not a block: they rank.
        const Project few = computed(
            inv, { scored(inv, [](const Op& op) { return op.layer == 3 ? 0.0 : 1.0 + op.layer; }) });
        QVERIFY(few.scores()[0].gaps.empty());
    }

    void measuredElsewhereStillRanks()
    {
        // Vision has no signal in one metric but is measured by another: it ranks by that one.
        const Inventory inv = vlm(12, 6);
        Metric aq = scored(inv,
            [](const Op& op) { return op.component == QLatin1String("language") ? 1.0 + op.layer : 0.0; });
        Metric mse = scored(inv, [](const Op& op) { return double(op.layer + 2) * (op.params % 7 + 1); });
        mse.id = QStringLiteral("mse");
        const Project p = computed(inv, { aq, mse });
        const int vision0 = inv.indexOf(QStringLiteral("model.visual.blocks.0.mlp.down_proj"));
        QCOMPARE(p.ranking().state[size_t(vision0)], OpState::Eligible);
        QVERIFY(p.ranking().units[size_t(p.ranking().unitOf[size_t(vision0)])].partial);
    }

    void unrankedStaysDistinctFromUnmeasured()
    {
        const Inventory inv = vlm(12, 6);
        // A source that does not mention the vision tower at all.
        const Project p = computed(inv, { scored(inv, [](const Op& op) {
            return op.component == QLatin1String("language") ? 1.0 + op.layer : std::nan("");
        }) });
        const int vision0 = inv.indexOf(QStringLiteral("model.visual.blocks.0.mlp.down_proj"));
        QCOMPARE(p.keepReason(vision0, 0), QStringLiteral("unranked"));
    }

    // ---- ties

    void tiedCutIsWarnedAndTieBreakIsStated()
    {
        const Inventory inv = vlm(0, 4); // 8 ops: o_proj 100, down_proj 100 params
        // Four ops tied at the least sensitive score.
        const Project p = computed(
            inv, { scored(inv, [](const Op& op) { return op.layer < 2 ? 1.0 : 2.0 + op.layer; }) });
        QCOMPARE(p.cuts()[0].units, 2); // A = 25% of 8
        const auto [first, last] = p.ranking().tiedRunAt(2);
        QCOMPARE(first, 0);
        QCOMPARE(last, 4);
        const std::vector<Violation> v = Checker::check(p);
        const auto tied = std::find_if(
            v.begin(), v.end(), [](const Violation& x) { return x.kind == Violation::Kind::TiedCut; });
        QVERIFY(tied != v.end());
        QCOMPARE(tied->profile, QStringLiteral("A"));
        QVERIFY2(tied->message.contains(QLatin1String("4 units tied")), qPrintable(tied->message));
        // Equal sizes: model order decides, so the first two ops of layer 0 go first.
        QVERIFY(
            p.isQuantized(inv.indexOf(QStringLiteral("model.language_model.layers.0.self_attn.o_proj")), 0));
        QVERIFY(p.isQuantized(inv.indexOf(QStringLiteral("model.language_model.layers.0.mlp.down_proj")), 0));
    }

    void tieBreakPrefersTheLargerUnit()
    {
        std::vector<Op> ops
            = { { QStringLiteral("a"), QStringLiteral("Linear"), QStringLiteral("language"), 0, 10 },
                  { QStringLiteral("b"), QStringLiteral("Linear"), QStringLiteral("language"), 0, 30 },
                  { QStringLiteral("c"), QStringLiteral("Linear"), QStringLiteral("language"), 0, 20 },
                  { QStringLiteral("d"), QStringLiteral("Linear"), QStringLiteral("language"), 0, 5 } };
        const Inventory inv(std::move(ops));
        const Project p = computed(inv,
            { test::metricOf(QStringLiteral("m"), Polarity::HigherIsMoreSensitive,
                { { QStringLiteral("a"), 1.0 }, { QStringLiteral("b"), 1.0 }, { QStringLiteral("c"), 1.0 },
                    { QStringLiteral("d"), 9.0 } }) });
        QStringList order;
        for (const int u : p.ranking().order)
            order.append(inv.at(p.ranking().units[size_t(u)].members.front()).name);
        QCOMPARE(order, QStringList({ "b", "c", "a", "d" }));
    }

    // ---- ModelOpt report: formats, NONE rows, facts

    void reportNamesTheRealFormat_data()
    {
        QTest::addColumn<QByteArray>("formats");
        QTest::addColumn<double>("bits");
        QTest::addColumn<QString>("label");
        QTest::newRow("int8") << QByteArray(R"(["INT8_DEFAULT_CFG"])") << 8.0
                              << "ModelOpt AutoQuantize · INT8_DEFAULT_CFG (8 effective bits)";
        QTest::newRow("fp8 weights") << QByteArray(R"(["FP8_WEIGHT_INT8_ACT_CFG"])") << 8.0
                                     << "ModelOpt AutoQuantize · FP8_WEIGHT_INT8_ACT_CFG (8 effective bits)";
        QTest::newRow("nvfp4") << QByteArray(R"(["NVFP4_WEIGHT_ONLY_CFG"])") << 4.0
                               << "ModelOpt AutoQuantize · NVFP4_WEIGHT_ONLY_CFG (4 effective bits)";
        QTest::newRow("w4a8") << QByteArray(R"(["INT4_WEIGHT_INT8_ACT_CFG"])") << 4.0
                              << "ModelOpt AutoQuantize · INT4_WEIGHT_INT8_ACT_CFG (4 effective bits)";
        QTest::newRow("custom") << QByteArray(R"(["CUSTOM_0"])") << 8.0
                                << "ModelOpt AutoQuantize · CUSTOM_0 (8 effective bits)";
        QTest::newRow("not stated") << QByteArray() << 8.0
                                    << "ModelOpt AutoQuantize · 8 effective bits (format not stated)";
    }

    void reportNamesTheRealFormat()
    {
        QFETCH(QByteArray, formats);
        QFETCH(double, bits);
        QFETCH(QString, label);
        const QByteArray scheme = formats.isEmpty()
            ? QByteArray()
            : QByteArray(
                  R"("scheme": {"coverage_mode": "lm_only", "auto_quantize_bits": 8.6, "quant_formats": )")
                + formats + "},";
        const QByteArray bitsText = QByteArray::number(bits);
        const QByteArray json = "{" + scheme
            + R"("dataset": {"name": "coco2017_captions", "num_samples": 512},
            "layer_sensitivity": [
              {"layer": "language_model.layers.0.mlp.down_proj", "num_bits": )"
            + bitsText + R"(, "sensitivity": 0.5, "size_cost": 100.0},
              {"layer": "language_model.layers.1.mlp.down_proj", "num_bits": )"
            + bitsText + R"(, "sensitivity": 0.25, "size_cost": 100.0},
              {"layer": "visual.blocks.0.mlp.gate_proj", "num_bits": 16.0, "sensitivity": 0.0, "size_cost": 400.0}]})";
        const std::vector<Metric> metrics = MetricImporter::importData(json, QStringLiteral("aq.json"));
        // NONE-only rows never become a metric of their own.
        QCOMPARE(metrics.size(), size_t(1));
        const Metric& m = metrics[0];
        QCOMPARE(m.label, label);
        QCOMPARE(m.effectiveBits, bits);
        // The NONE-only group and the member it stands for are listed, but not as candidates.
        int notCandidates = 0;
        for (const MetricEntry& e : m.entries)
            notCandidates += e.candidate ? 0 : 1;
        QCOMPARE(notCandidates, 2); // gate_proj and its derived up_proj
        if (!formats.isEmpty()) {
            QVERIFY(std::find(m.facts.begin(), m.facts.end(),
                        std::make_pair(QStringLiteral("scheme.coverage_mode"), QStringLiteral("lm_only")))
                != m.facts.end());
            QVERIFY(std::find(m.facts.begin(), m.facts.end(),
                        std::make_pair(QStringLiteral("dataset.num_samples"), QStringLiteral("512")))
                != m.facts.end());
        }
    }

    void noneOnlyRowsAreNotCandidatesInTheProject()
    {
        const QByteArray json = R"({"layer_sensitivity": [
              {"layer": "language_model.layers.0.mlp.down_proj", "num_bits": 8.0, "sensitivity": 0.5},
              {"layer": "language_model.layers.1.mlp.down_proj", "num_bits": 8.0, "sensitivity": 0.25},
              {"layer": "language_model.layers.1.self_attn.o_proj", "num_bits": 8.0, "sensitivity": 0.75},
              {"layer": "visual.blocks.0.mlp.down_proj", "num_bits": 16.0, "sensitivity": 0.0},
              {"layer": "visual.blocks.1.mlp.down_proj", "num_bits": 16.0, "sensitivity": 0.0}]})";
        const Inventory inv = vlm(2, 2);
        Project p;
        p.setInventory(inv);
        p.setMetrics(MetricImporter::importData(json, QStringLiteral("aq.json")));
        p.setRules(RuleSet());
        QCOMPARE(p.scores()[0].countByEvidence()[size_t(Evidence::NotCandidate)], 2);
        QVERIFY(!anyQuantized(p, QStringLiteral("vision")));
        QCOMPARE(p.keepReason(inv.indexOf(QStringLiteral("model.visual.blocks.0.mlp.down_proj")), 3),
            QStringLiteral("unmeasured"));
        const std::vector<Violation> v = Checker::check(p);
        QVERIFY(std::any_of(v.begin(), v.end(), [](const Violation& x) {
            return x.kind == Violation::Kind::NotCandidate && x.message.contains(QLatin1String("2 ops"));
        }));
    }

    void onlyNoneRowsIsAnError()
    {
        const QByteArray json = R"({"layer_sensitivity": [
              {"layer": "visual.blocks.0.mlp.down_proj", "num_bits": 16.0, "sensitivity": 0.0}]})";
        try {
            MetricImporter::importData(json, QStringLiteral("none.json"));
            QFAIL("expected a FileError");
        } catch (const FileError& e) {
            QVERIFY2(e.message().contains(QLatin1String("only candidate is NONE")), qPrintable(e.message()));
        }
    }

    // ---- manifest

    void manifestImports()
    {
        QTemporaryDir dir;
        const QString path = writeTemp(dir, QStringLiteral("run_quant_manifest.json"), kManifest);
        QCOMPARE(MetricImporter::detect(kManifest, path), QStringLiteral("modelopt-autoquant-manifest"));
        const std::vector<Metric> metrics = MetricImporter::import(path);
        QCOMPARE(metrics.size(), size_t(2));
        QCOMPARE(metrics[0].id, QStringLiteral("autoquant_int4_weight_int8_act"));
        QCOMPARE(metrics[0].numberFormat, QStringLiteral("INT4_WEIGHT_INT8_ACT_CFG"));
        QCOMPARE(metrics[0].effectiveBits, 4.0);
        QCOMPARE(metrics[1].id, QStringLiteral("autoquant_int8_default"));
        const Metric& int8 = metrics[1];
        auto entry = [&](const QString& name) -> const MetricEntry* {
            for (const MetricEntry& e : int8.entries) {
                if (e.name == name)
                    return &e;
            }
            return nullptr;
        };
        const MetricEntry* q = entry(QStringLiteral("model.layers.0.self_attn.q_proj.quant_recipe"));
        QVERIFY(q);
        QCOMPARE(q->value, 0.5);
        QCOMPARE(q->cost, 512.0);
        QCOMPARE(q->opType, QStringLiteral("Linear")); // from layers' QuantLinear
        const MetricEntry* k = entry(QStringLiteral("model.layers.0.self_attn.k_proj.quant_recipe"));
        QVERIFY(k);
        QCOMPARE(k->groupLeader, q->name);
        const MetricEntry* fc1 = entry(QStringLiteral("visual.blocks.0.mlp.fc1.quant_recipe"));
        QVERIFY(fc1);
        QVERIFY(!fc1->candidate);
    }

    void manifestIsRefusedAsAnExportManifest()
    {
        QTemporaryDir dir;
        const QString path = writeTemp(dir, QStringLiteral("m.json"), kManifest);
        try {
            ReferenceSchemes::fromModelOptManifest(test::smallDecoder(1), path);
            QFAIL("expected a refusal");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("autoquant:FILE")), e.what());
        }
    }

    // ---- the exact solver

    void solverMatchesBruteForce()
    {
        QRandomGenerator rng(7);
        for (int instance = 0; instance < 300; ++instance) {
            ChoiceProblem problem;
            const int groups = 1 + int(rng.bounded(7));
            qint64 full = 0;
            for (int g = 0; g < groups; ++g) {
                std::vector<ChoiceProblem::Option> options;
                const int n = 1 + int(rng.bounded(3));
                for (int i = 0; i < n; ++i) // costs on a common grid, as AutoQuant's are
                    options.push_back({ qint64(rng.bounded(1, 9)) * 64, double(rng.bounded(0, 50)) / 8.0 });
                full += options[0].cost;
                problem.groups.push_back(std::move(options));
            }
            problem.budget = qint64(rng.bounded(0, int(full) + 1));
            // Every combination.
            double bestScore = std::numeric_limits<double>::infinity();
            qint64 bestCost = 0;
            std::vector<int> pick(size_t(groups), 0);
            for (;;) {
                qint64 cost = 0;
                double score = 0;
                for (int g = 0; g < groups; ++g) {
                    cost += problem.groups[size_t(g)][size_t(pick[size_t(g)])].cost;
                    score += problem.groups[size_t(g)][size_t(pick[size_t(g)])].score;
                }
                if (cost <= problem.budget
                    && (score < bestScore || (score == bestScore && cost < bestCost))) {
                    bestScore = score;
                    bestCost = cost;
                }
                int g = 0;
                while (g < groups && ++pick[size_t(g)] == int(problem.groups[size_t(g)].size()))
                    pick[size_t(g++)] = 0;
                if (g == groups)
                    break;
            }
            const ChoiceSolution s = solveChoiceKnapsack(problem);
            QCOMPARE(s.feasible, std::isfinite(bestScore));
            if (!s.feasible)
                continue;
            QVERIFY2(std::abs(s.score - bestScore) < 1e-9,
                qPrintable(
                    QStringLiteral("instance %1: %2 vs %3").arg(instance).arg(s.score).arg(bestScore)));
            QCOMPARE(s.cost, bestCost);
            QVERIFY(s.cost <= problem.budget);
        }
    }

    void decisionOnAFixture()
    {
        QTemporaryDir dir;
        const QString path = writeTemp(dir, QStringLiteral("m.json"), kManifest);
        const QJsonDocument doc = importing::parseJson(kManifest, path);
        const AutoQuantManifest manifest = AutoQuantManifest::parse(kManifest, doc, path);
        // Budget: (1024 + 2048 + 4096) × 6 / 16 = 2688. The vision group can only be NONE (4096), so 4096 >
        // 2688 is infeasible... unless the target is met by the LM groups alone: it is not.
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, AutoQuantDecision::reconstruct(manifest, path));
        // At 12 bits: budget 5376; NONE for vision costs 4096, leaving 1280 for q (>= 256) and down (>= 512):
        // INT8 q (512, 0.5) + INT4 down (512, 0.25) = 0.75 or INT4 q (256, 2.0) + INT8 down (1024, 0.125) =
        // 2.125, or INT4 both (768, 2.25): the best is 0.75.
        const AutoQuantDecision d = AutoQuantDecision::solve(manifest, 12.0, path);
        QCOMPARE(d.score, 0.75);
        QCOMPARE(d.choices[0].format, QStringLiteral("INT8_DEFAULT_CFG"));
        QCOMPARE(d.choices[1].format, QStringLiteral("INT4_WEIGHT_INT8_ACT_CFG"));
        QCOMPARE(d.choices[2].format, QStringLiteral("NONE"));
        QCOMPARE(d.effectiveBits, 16.0 * (512 + 512 + 4096) / 7168.0);
    }

    // ---- the real files

    void realLmLargeReportQuantizesNoVisionOp()
    {
        QC_REQUIRE_SHARED_DATA();
        Project p;
        p.setInventory(InventoryReader::read(test::sharedData(QStringLiteral("qwen2_5_vl_3b/ops.csv"))));
        p.setMetrics(MetricImporter::import(
            test::sharedData(QStringLiteral("qwen2_5_vl_3b/modelopt_autoquant_int8_lm_large.json"))));
        QCOMPARE(p.metrics().size(), size_t(1));
        QCOMPARE(p.metrics()[0].numberFormat, QStringLiteral("INT8_LM_DEFAULT_CFG"));
        QVERIFY(!anyQuantized(p, QStringLiteral("vision")));
        QVERIFY(!anyQuantized(p, QStringLiteral("merger")));
        QVERIFY(anyQuantized(p, QStringLiteral("language")));
        // The whole vision tower and merger scored exactly 0: no signal.
        const auto counts = p.scores()[0].countByEvidence();
        // 32 blocks × (qkv, proj, gate, up, down), patch_embed and the merger's two Linears: 163; the 252
        // text-decoder Linears are measured.
        QCOMPARE(counts[size_t(Evidence::NoSignal)], 163);
        QCOMPARE(counts[size_t(Evidence::Measured)], 252);
    }

    void realManifestReproducesAutoQuant()
    {
        QC_REQUIRE_SHARED_DATA();
        const QString path = test::sharedData(
            QStringLiteral("qwen2_5_vl_3b/modelopt_autoquant_int8_lm_large.manifest.json"));
        const std::vector<Metric> metrics = MetricImporter::import(path);
        QCOMPARE(metrics.size(), size_t(1));
        QCOMPARE(metrics[0].format, QStringLiteral("modelopt-autoquant-manifest"));
        QCOMPARE(metrics[0].numberFormat, QStringLiteral("INT8_DEFAULT_CFG"));
        QCOMPARE(metrics[0].entries.size(), size_t(275 + 36 * 2 + 68));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        const AutoQuantManifest manifest
            = AutoQuantManifest::parse(text, QJsonDocument::fromJson(text), path);
        QCOMPARE(manifest.groups.size(), size_t(275));
        const AutoQuantDecision d = AutoQuantDecision::reconstruct(manifest, path);
        QVERIFY(std::abs(d.score - 11.235865751874005) <= 1e-6 * 11.235865751874005);
        QVERIFY(std::abs(d.effectiveBits - 8.0) <= 1e-6 * 8.0);
        const Inventory inv
            = InventoryReader::read(test::sharedData(QStringLiteral("qwen2_5_vl_3b/ops.csv")));
        const Project ref = ReferenceSchemes::byName(QStringLiteral("autoquant:") + path, inv);
        // At 8 effective bits every group of the run takes INT8: 414 QuantLinears plus the Conv3d
        // patch_embed.
        QCOMPARE(ref.cuts()[0].ops, qint64(415));
    }

    void reportIsNotADecision()
    {
        QC_REQUIRE_SHARED_DATA();
        const Inventory inv
            = InventoryReader::read(test::sharedData(QStringLiteral("qwen2_5_vl_3b/ops.csv")));
        try {
            ReferenceSchemes::byName(QStringLiteral("autoquant:")
                    + test::sharedData(QStringLiteral("qwen2_5_vl_3b/modelopt_autoquant_int8_lm_large.json")),
                inv);
            QFAIL("expected a refusal");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(
                QString::fromUtf8(e.what()).contains(QLatin1String("candidates, not decisions")), e.what());
        }
    }

    // ---- budgets

    void budgetCutByEffectiveBits()
    {
        // smallDecoder(4): 28 eligible Linears, embed_tokens and lm_head (1000 each) kept, norms kept.
        const Inventory inv = test::smallDecoder(4);
        Project p;
        p.setInventory(inv);
        p.setMetrics({ test::scoreLinears(
            inv, QStringLiteral("m"), Polarity::HigherIsMoreSensitive, [](int layer, const QString& leaf) {
                return layer * 10.0 + (leaf == QLatin1String("down_proj") ? 5 : 1);
            }) });
        CutPlan plan;
        plan.by = CutPlan::CutBy::Bits;
        plan.profiles = { { QStringLiteral("A"), QStringLiteral("a"), 14.0 },
            { QStringLiteral("B"), QStringLiteral("b"), 12.0 } };
        p.setCutPlan(plan);
        const Ranking& r = p.ranking();
        QCOMPARE(r.totalParams, qint64(2000 + 1 + 4 * (1140 + 2))); // embed + lm_head, final norm, 4 layers
        for (int prof = 0; prof < 2; ++prof) {
            const int k = p.cuts()[size_t(prof)].units;
            const double reached = ProfileCutter::cutForUnits(r, plan.by, k);
            // The smallest prefix that meets the budget.
            QVERIFY2(reached <= plan.profiles[size_t(prof)].cut + 1e-9, qPrintable(QString::number(reached)));
            QVERIFY(
                k == 0 || ProfileCutter::cutForUnits(r, plan.by, k - 1) > plan.profiles[size_t(prof)].cut);
        }
        // Memory in GB falls as the bits do.
        QVERIFY(ProfileCutter::cutForUnits(r, CutPlan::CutBy::MemoryGb, p.cuts()[1].units)
            < ProfileCutter::cutForUnits(r, CutPlan::CutBy::MemoryGb, p.cuts()[0].units));
        // Budgets fall as profiles grow: a rising one is out of order.
        p.setCut(1, 15.0);
        const std::vector<Violation> v = Checker::check(p);
        QVERIFY(std::any_of(v.begin(), v.end(),
            [](const Violation& x) { return x.kind == Violation::Kind::CutsOutOfOrder; }));
    }

    void orderPerParameterIsTheGreedyOrder()
    {
        std::vector<Op> ops = { { "big", "Linear", "language", 0, 1000 },
            { "small", "Linear", "language", 0, 10 }, { "mid", "Linear", "language", 0, 100 } };
        const Inventory inv(std::move(ops));
        Project p;
        p.setInventory(inv);
        p.setRules(RuleSet());
        // big is the most sensitive by score, but the least per parameter.
        p.setMetrics({ test::metricOf(
            "m", Polarity::HigherIsMoreSensitive, { { "big", 3.0 }, { "small", 1.0 }, { "mid", 2.0 } }) });
        CutPlan plan = CutPlan::defaults();
        plan.order = CutPlan::Order::ScorePerParam;
        p.setCutPlan(plan);
        QStringList order;
        for (const int u : p.ranking().order)
            order.append(inv.at(p.ranking().units[size_t(u)].members.front()).name);
        QCOMPARE(order, QStringList({ "big", "mid", "small" })); // 1/1000, 0.67/100, 0.33/10
    }

    void budgetOptimumMatchesBruteForce()
    {
        const Inventory inv = test::smallDecoder(2); // 8 eligible units
        Project p;
        p.setInventory(inv);
        p.setMetrics({ test::scoreLinears(inv, QStringLiteral("m"), Polarity::HigherIsMoreSensitive,
            [](int layer, const QString& leaf) { return layer * 3.0 + double(leaf.size() % 5); }) });
        CutPlan plan;
        plan.by = CutPlan::CutBy::Bits;
        plan.profiles = { { QStringLiteral("A"), QStringLiteral("a"), 13.0 } };
        p.setCutPlan(plan);
        const BudgetOptimum o = BudgetOptimum::of(p, 0);
        QVERIFY(o.solved);
        const Ranking& r = p.ranking();
        const int n = r.eligibleUnits();
        const double budgetBits = 13.0 * double(r.totalParams);
        double best = std::numeric_limits<double>::infinity();
        for (int mask = 0; mask < (1 << n); ++mask) {
            double bits = 16.0 * double(r.totalParams);
            double score = 0;
            for (int pos = 0; pos < n; ++pos) {
                if (!(mask & (1 << pos)))
                    continue;
                const Ranking::Unit& u = r.units[size_t(r.order[size_t(pos)])];
                for (const int m : u.members)
                    bits -= 8.0 * double(inv.at(m).params);
                score += u.score;
            }
            if (bits <= budgetBits)
                best = std::min(best, score);
        }
        QVERIFY2(std::abs(o.optimumScore - best) < 1e-12,
            qPrintable(QStringLiteral("%1 vs %2").arg(o.optimumScore).arg(best)));
        QVERIFY(o.nestedScore >= o.optimumScore - 1e-12);
    }

    void realManifestGreedyAgainstExact()
    {
        QC_REQUIRE_SHARED_DATA();
        const QString path = test::sharedData(
            QStringLiteral("qwen2_5_vl_3b/modelopt_autoquant_int8_lm_large.manifest.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        const AutoQuantManifest manifest
            = AutoQuantManifest::parse(text, QJsonDocument::fromJson(text), path);
        for (const double bits : { 8.5, 12.0 }) {
            const AutoQuantDecision exact = AutoQuantDecision::solve(manifest, bits, path);
            const AutoQuantDecision greedy = AutoQuantDecision::greedyByRatio(manifest, bits, path);
            QVERIFY(exact.effectiveBits <= bits + 1e-9);
            QVERIFY(greedy.effectiveBits <= bits + 1e-9);
            QVERIFY(exact.score <= greedy.score + 1e-12); // the optimum is never worse
            QVERIFY(AutoQuantDecision::jaccard(exact, greedy) > 0.9);
        }
    }

    // ---- similar architectures

    void qwen3VlNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("component");
        QTest::addColumn<int>("layer");
        QTest::newRow("deepstack fc1") << "model.visual.deepstack_merger_list.1.linear_fc1"
                                       << "merger" << 1;
        QTest::newRow("deepstack norm") << "model.visual.deepstack_merger_list.2.norm"
                                        << "merger" << 2;
        QTest::newRow("merger") << "model.visual.merger.linear_fc2"
                                << "merger" << -1;
        QTest::newRow("vision mlp") << "model.visual.blocks.3.mlp.linear_fc1"
                                    << "vision" << 3;
        QTest::newRow("q_norm") << "model.language_model.layers.2.self_attn.q_norm"
                                << "language" << 2;
    }

    void qwen3VlNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, component);
        QFETCH(int, layer);
        QCOMPARE(OpClassifier::defaults().component(name), component);
        QCOMPARE(OpClassifier::layerIndex(name), layer);
    }

    void qwen3VlNormsAreKept()
    {
        const Inventory inv({ { "model.language_model.layers.0.self_attn.q_norm", "Qwen3VLTextRMSNorm",
                                  "language", 0, 128 },
            { "model.language_model.layers.0.self_attn.k_norm", "Qwen3VLTextRMSNorm", "language", 0, 128 },
            { "model.visual.deepstack_merger_list.0.norm", "LayerNorm", "merger", 0, 2048 } });
        const std::vector<int> keeping = RuleSet::defaults().keepingRules(inv);
        for (const int k : keeping)
            QVERIFY(k >= 0);
    }

    void componentsFileAddsAFamily()
    {
        QTemporaryDir dir;
        const QString path = writeTemp(dir, QStringLiteral("components.yaml"),
            "components:\n  - {component: audio, pattern: '(^|\\.)audio_tower(\\.|$)'}\n");
        const OpClassifier c = OpClassifier::withUserRules(path);
        QCOMPARE(c.component(QStringLiteral("model.audio_tower.layers.0.fc1")), QStringLiteral("audio"));
        QCOMPARE(c.component(QStringLiteral("model.visual.blocks.0.attn.qkv")), QStringLiteral("vision"));
        const QString bad
            = writeTemp(dir, QStringLiteral("bad.yaml"), "components:\n  - {component: x, pattern: '('}\n");
        try {
            OpClassifier::withUserRules(bad);
            QFAIL("expected a FileError");
        } catch (const FileError& e) {
            QCOMPARE(e.line(), 2);
            QVERIFY2(e.message().contains(QLatin1String("invalid pattern")), qPrintable(e.message()));
        }
    }

    // ---- files that are no ranking

    void saysWhatAFileIs_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("onnx precision map")
            << "precision.json"
            << QByteArray(R"({"/model/layers.0/mlp/down_proj/MatMul": "fp16", "/lm_head/MatMul": "fp32"})")
            << "is a precision map (op -> precision) without scores, not a ranking";
        QTest::newRow("nested precision map")
            << "p.json" << QByteArray(R"({"precisions": {"a": "int8", "b": "bf16"}})")
            << "is a precision map";
        QTest::newRow("markdown report")
            << "report.md"
            << QByteArray("# Sensitivity\n\n## Results\n\n| op | mse |\n|---|---|\n| a | 1 |\n")
            << "is a Markdown document, not a ranking";
        QTest::newRow("hydra config")
            << "config.yaml" << QByteArray("defaults:\n  - model: qwen\n  - _self_\nquant:\n  bits: 8\n")
            << "is a Hydra configuration";
    }

    void saysWhatAFileIs()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        try {
            MetricImporter::importData(content, name);
            QFAIL("expected a FileError");
        } catch (const FileError& e) {
            QVERIFY2(e.message().contains(message), qPrintable(e.message()));
        }
    }

    void yamlCommentIsNoMarkdown()
    {
        const std::vector<Metric> m
            = MetricImporter::importData("# scores\nfc1: 0.5\nfc2: 2\n", QStringLiteral("s.yaml"));
        QCOMPARE(m.size(), size_t(1));
    }

    // ---- the profile file keeps all of it

    void profileFileRoundTripsEvidence()
    {
        const QByteArray json
            = R"({"scheme": {"quant_formats": ["FP8_WEIGHT_INT8_ACT_CFG"], "coverage_mode": "full"},
            "layer_sensitivity": [
              {"layer": "language_model.layers.0.mlp.down_proj", "num_bits": 8.0, "sensitivity": 0.5, "size_cost": 50.0},
              {"layer": "language_model.layers.1.mlp.down_proj", "num_bits": 8.0, "sensitivity": 0.25, "size_cost": 50.0},
              {"layer": "visual.blocks.0.mlp.down_proj", "num_bits": 16.0, "sensitivity": 0.0, "size_cost": 50.0}]})";
        Project p;
        p.setInventory(vlm(2, 2));
        p.setMetrics(MetricImporter::importData(json, QStringLiteral("aq.json")));
        const QByteArray yaml = qc::test::yamlOf(p);
        QVERIFY(yaml.contains("number_format: FP8_WEIGHT_INT8_ACT_CFG"));
        QVERIFY(yaml.contains("evidence: {measured: 2, not_candidate: 1, no_signal: 0, missing: 4}"));
        QVERIFY(yaml.contains("scheme.coverage_mode: full"));
        const ProfileDocument::Loaded loaded = ProfileDocument::parse(yaml, QStringLiteral("p.yaml"));
        QCOMPARE(qc::test::yamlOf(loaded.project), yaml);
        QCOMPARE(loaded.project.metrics()[0].entries[2].candidate, false);
        QCOMPARE(loaded.project.metrics()[0].entries[0].cost, 50.0);
    }
};

QTEST_GUILESS_MAIN(TestEvidence)
#include "tst_evidence.moc"
