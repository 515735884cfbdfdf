// Compact patterns, transfer onto a model of another depth, reference schemes and profile diffs.
#include "TestPaths.h"
#include "TestProjects.h"
#include "check/Checker.h"
#include "compare/ProfileDiff.h"
#include "compare/ReferenceSchemes.h"
#include "inventory/InventoryReader.h"
#include "io/FileError.h"
#include "metrics/MetricImporter.h"
#include "patterns/LayerPattern.h"
#include "patterns/ProfileTransfer.h"

#include <QTemporaryDir>
#include <QTest>

using namespace qc;

class TestCompare : public QObject
{
    Q_OBJECT

private:
    static QString example(const char* file)
    {
        return test::sourcePath(QStringLiteral("resources/examples/qwen2_5_vl_3b/") + QLatin1String(file));
    }

    static Project exampleProject()
    {
        Project p;
        p.setInventory(InventoryReader::read(example("ops.csv")));
        std::vector<Metric> metrics = MetricImporter::import(example("inc_mse_v2_debug.log"));
        for (Metric& m : MetricImporter::import(example("inc_hawq_v2.log")))
            metrics.push_back(std::move(m));
        p.setMetrics(std::move(metrics));
        p.setOverrides({ { QStringLiteral("model.language_model.layers.35.mlp.gate_proj"),
            Override::Action::Keep, QStringLiteral("last") } });
        return p;
    }

    // The example's model with `layers` language layers (Qwen2.5-VL-7B has 28).
    static Inventory shallower(const Inventory& inv, int layers)
    {
        std::vector<Op> ops;
        for (const Op& op : inv.ops()) {
            if (op.component != QLatin1String("language") || op.layer < layers)
                ops.push_back(op);
        }
        return Inventory(std::move(ops), QStringLiteral("7b-shaped"));
    }

private slots:
    void ranges_data()
    {
        QTest::addColumn<QList<int>>("layers");
        QTest::addColumn<QString>("text");
        QTest::addRow("one") << QList<int> { 3 } << "3";
        QTest::addRow("run") << QList<int> { 0, 1, 2, 3 } << "0-3";
        QTest::addRow("gaps and order") << QList<int> { 14, 0, 1, 35, 11, 12, 13 } << "0-1,11-14,35";
        QTest::addRow("duplicates") << QList<int> { 2, 2, 3 } << "2-3";
    }

    void ranges()
    {
        QFETCH(QList<int>, layers);
        QFETCH(QString, text);
        QCOMPARE(LayerPattern::formatRanges(std::vector<int>(layers.begin(), layers.end())), text);
        std::vector<int> sorted(layers.begin(), layers.end());
        std::sort(sorted.begin(), sorted.end());
        sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
        QCOMPARE(LayerPattern::parseRanges(text), sorted);
    }

    void malformedRanges()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LayerPattern::parseRanges(QStringLiteral("3-1")));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LayerPattern::parseRanges(QStringLiteral("a")));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LayerPattern::parseRanges(QStringLiteral("1-2-3")));
    }

    void compressExpandRoundTripOnEveryProfile()
    {
        const Project p = exampleProject();
        for (const ProfileLists& lists : p.lists()) {
            QStringList keep;
            for (const auto& [op, reason] : lists.keep)
                keep.append(op);
            for (const QStringList& names : { lists.quantize, keep }) {
                const QStringList patterns = LayerPattern::compress(names);
                QVERIFY(patterns.size() < names.size());
                QStringList sorted = names;
                sorted.sort();
                QCOMPARE(LayerPattern::expandAll(patterns), sorted);
            }
        }
        QCOMPARE(LayerPattern::compress({ QStringLiteral("model.language_model.layers.0.mlp.down_proj"),
                     QStringLiteral("model.language_model.layers.1.mlp.down_proj"), QStringLiteral("lm_head"),
                     QStringLiteral("model.language_model.layers.5.mlp.down_proj"),
                     QStringLiteral("model.visual.blocks.7.attn.qkv") }),
            QStringList({ QStringLiteral("lm_head"),
                QStringLiteral("model.language_model.layers.{0-1,5}.mlp.down_proj"),
                QStringLiteral("model.visual.blocks.7.attn.qkv") }));
    }

    void roleSets_data()
    {
        QTest::addColumn<QString>("names");
        QTest::addColumn<QString>("patterns");
        QTest::addRow("q/k/v share layers")
            << "m.layers.2.attn.q_proj m.layers.2.attn.k_proj m.layers.3.attn.q_proj "
               "m.layers.3.attn.k_proj m.layers.3.attn.v_proj"
            << "m.layers.3.attn.v_proj m.layers.{2-3}.attn.{k_proj,q_proj}";
        QTest::addRow("merger indices") << "visual.merger.mlp.0 visual.merger.mlp.2 lm_head"
                                        << "lm_head visual.merger.mlp.0 visual.merger.mlp.2";
        QTest::addRow("norms")
            << "m.layers.0.input_layernorm m.layers.0.post_attention_layernorm m.layers.1.input_layernorm "
               "m.layers.1.post_attention_layernorm"
            << "m.layers.{0-1}.{input_layernorm,post_attention_layernorm}";
    }

    void roleSets()
    {
        QFETCH(QString, names);
        QFETCH(QString, patterns);
        const QStringList nameList = names.split(QLatin1Char(' '));
        const QStringList patternList = patterns.split(QLatin1Char(' '));
        QCOMPARE(LayerPattern::compress(nameList), patternList);
        QStringList sorted = nameList;
        sorted.sort();
        QCOMPARE(LayerPattern::expandAll(patternList), sorted);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LayerPattern::expand(QStringLiteral("a.{x,}.b")));
    }

    void mapLayer_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<int>("targetDepth");
        QTest::addColumn<int>("sourceDepth");
        QTest::addColumn<int>("expected");
        QTest::addRow("first") << 0 << 28 << 36 << 0;
        QTest::addRow("last") << 27 << 28 << 36 << 35;
        QTest::addRow("middle") << 14 << 28 << 36 << 18; // round(14 * 35 / 27) = round(18.15)
        QTest::addRow("deeper target") << 63 << 64 << 36 << 35;
        QTest::addRow("same depth") << 17 << 36 << 36 << 17;
    }

    void mapLayer()
    {
        QFETCH(int, target);
        QFETCH(int, targetDepth);
        QFETCH(int, sourceDepth);
        QFETCH(int, expected);
        QCOMPARE(ProfileTransfer::mapLayer(target, targetDepth, sourceDepth), expected);
    }

    void transferTo28Layers()
    {
        const Project source = exampleProject();
        const Inventory target = shallower(source.inventory(), 28);
        ProfileTransfer::Report report;
        const Project moved = ProfileTransfer::transfer(source, target, &report);
        QCOMPARE(report.mappedOps, target.size());
        QVERIFY(report.unmappedTargetOps.isEmpty());
        QCOMPARE(report.depths.value(QStringLiteral("language")), std::make_pair(36, 28));
        // Same rules, same cut fractions, still nested, no violations.
        QCOMPARE(moved.rules(), source.rules());
        QCOMPARE(moved.cutPlan(), source.cutPlan());
        QCOMPARE(Checker::errorCount(Checker::check(moved)), 0);
        QCOMPARE(Checker::errorCount(Checker::check(moved, moved.lists())), 0);
        for (int prof = 1; prof < moved.profileCount(); ++prof)
            QVERIFY(moved.cuts()[size_t(prof)].ops >= moved.cuts()[size_t(prof - 1)].ops);
        const Inventory& inv = moved.inventory();
        for (int op = 0; op < inv.size(); ++op) {
            const QString& name = inv.at(op).name;
            if (name == QLatin1String("lm_head") || inv.at(op).opType == QLatin1String("RMSNorm"))
                for (int prof = 0; prof < moved.profileCount(); ++prof)
                    QVERIFY(!moved.isQuantized(op, prof));
        }
        // The override on the last layer lands on the target's last layer; the last layer's scores come
        // from the source's last layer.
        QCOMPARE(moved.overrides().size(), size_t(1));
        QCOMPARE(moved.overrides()[0].op, QStringLiteral("model.language_model.layers.27.mlp.gate_proj"));
        const int srcDown
            = source.inventory().indexOf(QStringLiteral("model.language_model.layers.35.mlp.down_proj"));
        const int dstDown = inv.indexOf(QStringLiteral("model.language_model.layers.27.mlp.down_proj"));
        QCOMPARE(moved.scores()[0].values[size_t(dstDown)], source.scores()[0].values[size_t(srcDown)]);
        // Fractions stay fractions: D quantizes 95% of the eligible ops in both.
        QVERIFY(std::abs(double(moved.ranking().cumOps[size_t(moved.cuts()[3].units)])
                        / double(moved.ranking().eligibleOps())
                    - 0.95)
            < 0.02);
    }

    void transferReportsWhatCannotBeMapped()
    {
        const Project source = exampleProject();
        std::vector<Op> ops = shallower(source.inventory(), 28).ops();
        ops.push_back({ QStringLiteral("model.language_model.layers.3.mlp.shared_expert.down_proj"),
            QStringLiteral("Linear"), QStringLiteral("language"), 3, 10 });
        ProfileTransfer::Report report;
        const Project moved = ProfileTransfer::transfer(source, Inventory(std::move(ops)), &report);
        QCOMPARE(report.unmappedTargetOps,
            QStringList { QStringLiteral("model.language_model.layers.3.mlp.shared_expert.down_proj") });
        const int op = moved.inventory().indexOf(report.unmappedTargetOps.front());
        QCOMPARE(moved.keepReason(op, 3), QStringLiteral("unranked"));
    }

    void referenceSchemes()
    {
        const Inventory inv = InventoryReader::read(example("ops.csv"));
        const Project lm = ReferenceSchemes::languageModelOnly(inv);
        QCOMPARE(lm.cuts().front().ops, qint64(252)); // every public release: the 36 x 7 text-decoder Linears
        for (int op = 0; op < inv.size(); ++op) {
            const bool textLinear = inv.at(op).component == QLatin1String("language")
                && inv.at(op).opType == QLatin1String("Linear");
            QCOMPARE(lm.isQuantized(op, 0), textLinear);
        }
        const Project mo = ReferenceSchemes::modelOptDefaults(inv);
        QVERIFY(!mo.isQuantized(inv.indexOf(QStringLiteral("lm_head")), 0));
        QVERIFY(!mo.isQuantized(inv.indexOf(QStringLiteral("model.visual.blocks.0.attn.qkv")), 0));
        QVERIFY(
            mo.isQuantized(inv.indexOf(QStringLiteral("model.language_model.layers.0.self_attn.q_proj")), 0));
        QCOMPARE(Checker::errorCount(Checker::check(mo)), 0);
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, ReferenceSchemes::byName(QStringLiteral("gptq"), inv));
    }

    void referenceFromRealAutoQuantManifest()
    {
        QC_REQUIRE_SHARED_DATA();
        const Inventory inv
            = InventoryReader::read(test::sharedData(QStringLiteral("qwen2_5_vl_3b/ops.csv")));
        const Project aq = ReferenceSchemes::fromAutoQuant(inv,
            test::sharedData(QStringLiteral("qwen2_5_vl_3b/modelopt_autoquant_int8_lm_large.manifest.json")));
        QCOMPARE(aq.cuts().front().ops, qint64(415)); // 414 Linears (no lm_head in the run) + the Conv3d
        QVERIFY(!aq.isQuantized(inv.indexOf(QStringLiteral("lm_head")), 0));
    }

    void referenceFromModelOptManifest()
    {
        const Inventory inv = InventoryReader::read(example("ops.csv"));
        QTemporaryDir dir;
        auto write = [&](const char* name, const QByteArray& json) {
            QFile f(dir.filePath(QLatin1String(name)));
            if (f.open(QIODevice::WriteOnly))
                f.write(json);
            return f.fileName();
        };
        // The FP8 export hf_ptq.py writes for Qwen2.5-VL (the exclude list quoted in qwen2_5_vl_3b.md).
        const Project fp8 = ReferenceSchemes::byName(QStringLiteral("modelopt-manifest:")
                + write("hf_quant_config.json",
                    R"({"producer": {"name": "modelopt"}, "quantization": {"quant_algo": "FP8", "exclude_modules": ["lm_head", "model.visual*"]}})"),
            inv);
        QCOMPARE(fp8.cuts().front().ops, qint64(252));
        const Project mixed = ReferenceSchemes::fromModelOptManifest(inv,
            write("mixed.json",
                R"({"quantization": {"quant_algo": "MIXED_PRECISION", "quantized_layers": {
                    "model.language_model.layers.0.mlp.down_proj": {"quant_algo": "W8A8_SQ_PER_CHANNEL"},
                    "model.language_model.layers.1": {"quant_algo": "FP8"}}}})"));
        QCOMPARE(mixed.cuts().front().ops, qint64(1 + 9)); // one op, and every module under layer 1
        QVERIFY(mixed.isQuantized(
            inv.indexOf(QStringLiteral("model.language_model.layers.1.input_layernorm")), 0));
        QVERIFY_THROWS_EXCEPTION(FileError,
            ReferenceSchemes::fromModelOptManifest(inv, write("bad.json", R"({"quantization": {}})")));
    }

    void diffAgainstLanguageModelOnly()
    {
        const Project a = exampleProject();
        const Project lm = ReferenceSchemes::languageModelOnly(a.inventory());
        const ProfileDiff d = ProfileDiff::compute(a, 3, lm, 0);
        QCOMPARE(d.both.size() + d.onlyA.size(), qsizetype(a.cuts()[3].ops));
        QCOMPARE(d.both.size() + d.onlyB.size(), qsizetype(252));
        QCOMPARE(d.both.size() + d.onlyA.size() + d.onlyB.size() + d.neither, qsizetype(555));
        QVERIFY(std::abs(d.jaccard
                    - double(d.both.size()) / double(d.both.size() + d.onlyA.size() + d.onlyB.size()))
            < 1e-12);
        QVERIFY(!d.disagreements.empty());
        // Worst first: B (lm-only) quantizing what A rates most sensitive.
        const ProfileDiff::Disagreement& worst = d.disagreements.front();
        QVERIFY(worst.quantizedB && !worst.quantizedA);
        for (const ProfileDiff::Disagreement& x : d.disagreements) {
            const double severity = x.quantizedB ? x.sensitivity : 1.0 - x.sensitivity;
            QVERIFY(severity <= worst.sensitivity + 1e-12);
        }
        QVERIFY(d.toMarkdown().contains(QStringLiteral("| overlap (Jaccard) |")));
        // Names reconcile across transformers versions (scores and overrides alike): the same project under
        // the old naming gives the same profile.
        std::vector<Op> old = a.inventory().ops();
        for (Op& op : old)
            op.name.replace(QStringLiteral("model.language_model."), QStringLiteral("model."));
        Project renamed = a;
        renamed.setInventory(Inventory(std::move(old)));
        const ProfileDiff same = ProfileDiff::compute(a, 1, renamed, 1);
        QCOMPARE(same.jaccard, 1.0);
        QVERIFY(same.unmatchedB.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCompare)
#include "tst_compare.moc"
