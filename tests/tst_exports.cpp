// Every framework export, evaluated with that framework's own matching rule
// (tests/scripts/framework_rules.py, plain Python) over the runtime module names of the transformers
// naming it was exported for, from inventories in either naming: the set it quantizes must equal the
// profile's `quantize` set. Plus the verification that refuses a config that would not.
#include "TestPaths.h"
#include "TestProjects.h"
#include "check/Checker.h"
#include "export/ExportVerifier.h"
#include "export/Inc2Exporter.h"
#include "export/ModelOptExporter.h"
#include "export/ProfileExporter.h"
#include "inventory/InventoryReader.h"
#include "metrics/MetricImporter.h"
#include "project/Project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <yaml-cpp/yaml.h>

using namespace qc;

class TestExports : public QObject
{
    Q_OBJECT

private:
    QString m_python = QStringLiteral("/usr/bin/python3");

    static QString example(const char* file)
    {
        return test::sourcePath(QStringLiteral("resources/examples/qwen2_5_vl_3b/") + QLatin1String(file));
    }

    // transformers < 4.52 names: model.layers.N, visual.blocks.N (the hub checkpoint's keys).
    static Inventory oldNaming(const Inventory& inv)
    {
        std::vector<Op> ops = inv.ops();
        for (Op& op : ops) {
            if (op.name.startsWith(QLatin1String("model.language_model.")))
                op.name.replace(0, 21, QStringLiteral("model."));
            else if (op.name.startsWith(QLatin1String("model.visual.")))
                op.name.remove(0, 6);
        }
        return Inventory(std::move(ops), inv.source());
    }

    static QString fixture(const char* file)
    {
        return test::sourcePath(QStringLiteral("tests/data/frameworks/") + QLatin1String(file));
    }

    // The runtime names of the ops `profile` quantizes, sorted: `runtime` lists the same ops in the same
    // order as the project's inventory, under the names the framework sees.
    static QStringList runtimeQuantize(const Project& p, int profile, const Inventory& runtime)
    {
        QStringList names;
        for (int op = 0; op < p.inventory().size(); ++op) {
            if (p.isQuantized(op, profile))
                names.append(runtime.at(op).name);
        }
        names.sort();
        return names;
    }

    // `runtime` reordered to the order of `inventory`, joined by the legacy name (transformers < 4.52 keeps
    // the checkpoint's names): the tiny model's ops under transformers 4.57's named_modules() names.
    static Inventory inOrderOf(const Inventory& inventory, const Inventory& runtime)
    {
        const Inventory legacy = oldNaming(runtime);
        std::vector<Op> ops;
        for (const Op& op : inventory.ops()) {
            const int i = legacy.indexOf(op.name);
            if (i < 0)
                return {};
            ops.push_back(runtime.at(i));
        }
        return Inventory(std::move(ops), runtime.source());
    }

    // The tiny Qwen2.5-VL of tests/frameworks (checkpoint names), ranked by the real INC MSE_V2 log and
    // ModelOpt AutoQuantize report of that model, as the frameworks suite imports them.
    static Project tinyProject()
    {
        Project p;
        p.setInventory(InventoryReader::read(fixture("qwen2_5_vl_tiny.ops.csv")));
        std::vector<Metric> metrics = MetricImporter::import(fixture("inc_mse_v2.log"));
        for (Metric& m : MetricImporter::import(fixture("autoquant.json")))
            metrics.push_back(std::move(m));
        p.setMetrics(std::move(metrics));
        return p;
    }

    static Project exampleProject(bool newNaming, bool lmOnly)
    {
        Project p;
        const Inventory inv = InventoryReader::read(example("ops.csv"));
        p.setInventory(newNaming ? inv : oldNaming(inv));
        std::vector<Metric> metrics = MetricImporter::import(example("inc_mse_v2_debug.log"));
        for (Metric& m : MetricImporter::import(example("inc_hawq_v2.log")))
            metrics.push_back(std::move(m));
        p.setMetrics(std::move(metrics));
        if (lmOnly) {
            RuleSet rules = RuleSet::defaults();
            rules.append(RuleSet::languageModelOnlyRule());
            p.setRules(rules);
        }
        return p;
    }

    QStringList frameworkQuantizes(const QString& format, const QByteArray& exported, const Inventory& inv)
    {
        QTemporaryDir dir;
        QFile out(dir.filePath(QStringLiteral("export")));
        QFile ops(dir.filePath(QStringLiteral("ops.tsv")));
        if (!out.open(QIODevice::WriteOnly) || !ops.open(QIODevice::WriteOnly))
            return { QStringLiteral("<cannot write temp files>") };
        out.write(exported);
        out.close();
        for (const Op& op : inv.ops())
            ops.write((op.name + QLatin1Char('\t') + op.opType + QLatin1Char('\n')).toUtf8());
        ops.close();
        QProcess proc;
        proc.start(m_python,
            { test::sourcePath(QStringLiteral("tests/scripts/framework_rules.py")), format, out.fileName(),
                ops.fileName() });
        if (!proc.waitForFinished(120000) || proc.exitCode() != 0)
            return {
                QStringLiteral("<python failed: %1>").arg(QString::fromUtf8(proc.readAllStandardError()))
            };
        return QString::fromUtf8(proc.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private slots:
    void initTestCase()
    {
        if (!QFileInfo::exists(m_python))
            QSKIP("no /usr/bin/python3: the frameworks' matching rules are evaluated in Python");
        QProcess probe;
        probe.start(m_python, { QStringLiteral("-c"), QStringLiteral("import yaml") });
        probe.waitForFinished();
        if (probe.exitCode() != 0)
            QSKIP("python3-yaml is not installed");
    }

    void frameworkRuleQuantizesExactlyTheProfile_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("newNaming"); // the inventory's
        QTest::addColumn<bool>("runtimeNew"); // the runtime's the export is for (--naming)
        QTest::addColumn<bool>("lmOnly");
        QTest::addColumn<QString>("activations");
        for (const char* format : { "inc2", "inc3", "modelopt", "modelopt-legacy", "llmcompressor" }) {
            for (const bool newNaming : { true, false }) {
                for (const bool runtimeNew : { true, false }) {
                    for (const bool lmOnly : { false, true }) {
                        QTest::addRow("%s %s for %s %s", format, newNaming ? "new-names" : "old-names",
                            runtimeNew ? "new" : "legacy", lmOnly ? "lm-only" : "all")
                            << QString::fromLatin1(format) << newNaming << runtimeNew << lmOnly
                            << QStringLiteral("static");
                    }
                }
            }
        }
        QTest::addRow("llmcompressor dynamic") << "llmcompressor" << true << true << false << "dynamic";
        QTest::addRow("modelopt dynamic") << "modelopt" << true << true << false << "dynamic";
    }

    void frameworkRuleQuantizesExactlyTheProfile()
    {
        QFETCH(QString, format);
        QFETCH(bool, newNaming);
        QFETCH(bool, runtimeNew);
        QFETCH(bool, lmOnly);
        QFETCH(QString, activations);
        const Project p = exampleProject(newNaming, lmOnly);
        QCOMPARE(p.reconciliations()[0].matchedCount(), 416); // both namings reconcile every source name
        ExportOptions options;
        options.naming = runtimeNew ? ModuleNaming::New : ModuleNaming::Legacy;
        if (activations == QLatin1String("dynamic"))
            options.activations = ExportOptions::Activations::PerTokenDynamic;
        const Inventory newNames = InventoryReader::read(example("ops.csv"));
        const Inventory runtime = runtimeNew ? newNames : oldNaming(newNames);
        for (int profile = 0; profile < p.profileCount(); profile += 3) { // A and D
            const QByteArray exported = ProfileExporter::run(p, format, profile, options);
            const QStringList expected = runtimeQuantize(p, profile, runtime);
            QVERIFY(!expected.isEmpty());
            QCOMPARE(frameworkQuantizes(format, exported, runtime), expected);
        }
    }

    void runtimeNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("toNew");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* tag, const char* name, bool toNew, const char* expected) {
            QTest::newRow(tag) << QString::fromLatin1(name) << toNew << QString::fromLatin1(expected);
        };
        row("text layer to new", "model.layers.0.self_attn.q_proj", true,
            "model.language_model.layers.0.self_attn.q_proj");
        row("new text layer stays", "model.language_model.layers.0.self_attn.q_proj", true,
            "model.language_model.layers.0.self_attn.q_proj");
        row("embed to new", "model.embed_tokens", true, "model.language_model.embed_tokens");
        row("final norm to new", "model.norm", true, "model.language_model.norm");
        row("vision to new", "visual.blocks.0.attn.qkv", true, "model.visual.blocks.0.attn.qkv");
        row("merger to new", "visual.merger.mlp.0", true, "model.visual.merger.mlp.0");
        row("new vision stays", "model.visual.patch_embed.proj", true, "model.visual.patch_embed.proj");
        row("lm_head to new", "lm_head", true, "lm_head");
        row("not the vision tower", "visual_proj", true, "visual_proj");
        row("not the final norm", "model.normalizer", true, "model.normalizer");
        row("text layer to legacy", "model.language_model.layers.1.mlp.up_proj", false,
            "model.layers.1.mlp.up_proj");
        row("embed to legacy", "model.language_model.embed_tokens", false, "model.embed_tokens");
        row("vision to legacy", "model.visual.blocks.1.mlp.down_proj", false,
            "visual.blocks.1.mlp.down_proj");
        row("legacy text stays", "model.layers.0.mlp.up_proj", false, "model.layers.0.mlp.up_proj");
        row("legacy vision stays", "visual.blocks.0.attn.qkv", false, "visual.blocks.0.attn.qkv");
        row("lm_head to legacy", "lm_head", false, "lm_head");
    }

    void runtimeNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, toNew);
        QFETCH(QString, expected);
        QCOMPARE(RuntimeNames::inNaming(name, toNew ? ModuleNaming::New : ModuleNaming::Legacy), expected);
    }

    void plainDecodersKeepTheirNames()
    {
        // A text-only Llama/Qwen2 has "model.layers.N" under every transformers version: no rename.
        const Inventory inv = test::smallDecoder(2);
        for (const ModuleNaming naming : { ModuleNaming::New, ModuleNaming::Legacy }) {
            const RuntimeNames names(inv, naming);
            QVERIFY(!names.applies());
            QCOMPARE(names.renamedCount(), 0);
            QCOMPARE(names.of(1), QStringLiteral("model.layers.0.input_layernorm"));
        }
        // LLaVA moved its text model under "model.language_model." too, but from "language_model.model.":
        // not this rename, so its names stay.
        const Inventory llava(
            { { QStringLiteral("model.vision_tower.blocks.0.fc1"), QStringLiteral("Linear") },
                { QStringLiteral("model.language_model.layers.0.mlp.up_proj"), QStringLiteral("Linear") } },
            QStringLiteral("test"));
        const RuntimeNames legacy(llava, ModuleNaming::Legacy);
        QVERIFY(!legacy.applies());
        QCOMPARE(legacy.of(1), QStringLiteral("model.language_model.layers.0.mlp.up_proj"));
    }

    void tinyCheckpointExportsNameTheRuntimeModules_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("runtimeNew");
        for (const char* format : { "inc2", "inc3", "modelopt", "modelopt-legacy", "llmcompressor" }) {
            for (const bool runtimeNew : { true, false })
                QTest::addRow("%s for %s", format, runtimeNew ? "new" : "legacy")
                    << QString::fromLatin1(format) << runtimeNew;
        }
    }

    // The case users hit: an inventory read from a Qwen2.5-VL checkpoint (which keeps the pre-4.52 keys even
    // when transformers 4.57 saved it), exported for each runtime. The runtime truth is the tiny model's own
    // named_modules() under transformers 4.57 and 4.51 (fixtures of tests/frameworks).
    void tinyCheckpointExportsNameTheRuntimeModules()
    {
        QFETCH(QString, format);
        QFETCH(bool, runtimeNew);
        const Project p = tinyProject();
        // The ops CSV is the checkpoint's inventory: the index.json's tensors folded into their modules.
        QFile index(fixture("qwen2_5_vl_tiny.safetensors.index.json"));
        QVERIFY(index.open(QIODevice::ReadOnly));
        QSet<QString> modules;
        const QJsonObject weights = QJsonDocument::fromJson(index.readAll())
                                        .object()
                                        .value(QStringLiteral("weight_map"))
                                        .toObject();
        for (auto it = weights.begin(); it != weights.end(); ++it)
            modules.insert(it.key().section(QLatin1Char('.'), 0, -2));
        QCOMPARE(modules.size(), p.inventory().size());
        for (const Op& op : p.inventory().ops())
            QVERIFY2(modules.contains(op.name), qPrintable(op.name));

        const Inventory runtime = runtimeNew ? inOrderOf(p.inventory(),
                                      InventoryReader::read(fixture("qwen2_5_vl_tiny.tf457_runtime.ops.csv")))
                                             : p.inventory();
        QCOMPARE(runtime.size(), p.inventory().size());
        ExportOptions options;
        options.naming = runtimeNew ? ModuleNaming::New : ModuleNaming::Legacy;
        for (int profile = 0; profile < p.profileCount(); ++profile) {
            const QByteArray exported = ProfileExporter::run(p, format, profile, options);
            const QStringList expected = runtimeQuantize(p, profile, runtime);
            QVERIFY(!expected.isEmpty());
            QCOMPARE(frameworkQuantizes(format, exported, runtime), expected);
            QVERIFY(
                exported.contains(runtimeNew ? "new: transformers >= 4.52" : "legacy: transformers < 4.52"));
        }
    }

    void qwen3VlNamesAreItsCheckpointNames()
    {
        // Qwen3-VL exists from transformers 4.57 and is stored under its runtime names: nothing to rename.
        Project p;
        p.setInventory(InventoryReader::read(fixture("qwen3_vl_tiny.ops.csv")));
        p.setMetrics({ test::scoreLinears(p.inventory(), QStringLiteral("s"), Polarity::HigherIsMoreSensitive,
            [](int layer, const QString& leaf) { return layer + leaf.size() * 0.01; }) });
        const RuntimeNames names(p.inventory(), ModuleNaming::New);
        QVERIFY(names.applies());
        QCOMPARE(names.renamedCount(), 0);
        for (const char* format : { "inc2", "inc3", "modelopt", "modelopt-legacy", "llmcompressor" }) {
            const QByteArray exported = ProfileExporter::run(p, QLatin1String(format), 0, {});
            QCOMPARE(
                frameworkQuantizes(QLatin1String(format), exported, p.inventory()), p.lists()[0].quantize);
        }
    }

    void llmCompressorSmoothQuantMapsTheTextLayersOnly_data()
    {
        QTest::addColumn<bool>("runtimeNew");
        QTest::newRow("new") << true;
        QTest::newRow("legacy") << false;
    }

    // llm-compressor cannot infer SmoothQuant mappings for Qwen2.5-VL (its default "re:.*gate_proj" also hits
    // the vision blocks, which have no post_attention_layernorm): the recipe states them, on the text layers.
    void llmCompressorSmoothQuantMapsTheTextLayersOnly()
    {
        QFETCH(bool, runtimeNew);
        const Project p = tinyProject();
        const Inventory runtime = runtimeNew ? inOrderOf(p.inventory(),
                                      InventoryReader::read(fixture("qwen2_5_vl_tiny.tf457_runtime.ops.csv")))
                                             : p.inventory();
        const QString layers
            = runtimeNew ? QStringLiteral("model.language_model.layers.") : QStringLiteral("model.layers.");
        ExportOptions options;
        options.naming = runtimeNew ? ModuleNaming::New : ModuleNaming::Legacy;
        for (int profile = 0; profile < p.profileCount(); ++profile) {
            const YAML::Node sq
                = YAML::Load(ProfileExporter::run(p, QStringLiteral("llmcompressor"), profile, options)
                                 .toStdString())["quant_stage"]["quant_modifiers"]["SmoothQuantModifier"];
            QVERIFY(sq.IsMap());
            QCOMPARE(sq["mappings"].size(), size_t(2));
            // compressed-tensors: re.match of the regex after "re:" over the runtime names.
            const auto matched = [&](const YAML::Node& target) {
                const QString text = QString::fromStdString(target.as<std::string>());
                const QRegularExpression re(text.mid(3));
                QStringList names;
                for (const Op& op : runtime.ops()) {
                    if (re.match(op.name, 0, QRegularExpression::NormalMatch,
                              QRegularExpression::AnchorAtOffsetMatchOption)
                            .hasMatch())
                        names.append(op.name);
                }
                return names;
            };
            const QString leaves[2][4]
                = { { QStringLiteral("self_attn.q_proj"), QStringLiteral("self_attn.k_proj"),
                        QStringLiteral("self_attn.v_proj"), QStringLiteral("input_layernorm") },
                      { QStringLiteral("mlp.gate_proj"), QStringLiteral("mlp.up_proj"),
                          QStringLiteral("post_attention_layernorm"), QString() } };
            for (size_t m = 0; m < 2; ++m) {
                const YAML::Node mapping = sq["mappings"][m];
                std::vector<YAML::Node> targets(mapping[0].begin(), mapping[0].end());
                targets.push_back(mapping[1]);
                for (size_t t = 0; t < targets.size(); ++t) {
                    const QString& leaf = leaves[m][t];
                    QCOMPARE(matched(targets[t]),
                        QStringList(
                            { layers + QStringLiteral("0.") + leaf, layers + QStringLiteral("1.") + leaf }));
                }
            }
            // Ignored: exactly the groups none of whose projections the profile quantizes.
            QStringList expectedIgnore;
            for (size_t m = 0; m < 2; ++m) {
                for (const QString layer : { QStringLiteral("0."), QStringLiteral("1.") }) {
                    QStringList group;
                    bool anyQuantized = false;
                    for (const QString& leaf : leaves[m]) {
                        if (leaf.isEmpty())
                            continue;
                        group.append(layers + layer + leaf);
                        const int op = runtime.indexOf(group.back()); // the same order as the inventory
                        anyQuantized = anyQuantized || (op >= 0 && p.isQuantized(op, profile));
                    }
                    if (!anyQuantized)
                        expectedIgnore += group;
                }
            }
            QStringList ignore;
            for (const YAML::Node& n : sq["ignore"])
                ignore.append(QString::fromStdString(n.as<std::string>()));
            expectedIgnore.sort();
            ignore.sort();
            QCOMPARE(ignore, expectedIgnore);
        }
    }

    void statesTheNumericFormat()
    {
        const Project p = exampleProject(true, false);
        ExportOptions dynamic;
        dynamic.activations = ExportOptions::Activations::PerTokenDynamic;
        QVERIFY(ProfileExporter::run(p, QStringLiteral("llmcompressor"), 1, dynamic)
                    .contains("strategy: token, dynamic: true"));
        QVERIFY(ProfileExporter::run(p, QStringLiteral("llmcompressor"), 1, {})
                    .contains("strategy: tensor, dynamic: false"));
        QVERIFY(ProfileExporter::run(p, QStringLiteral("inc3"), 1, {})
                    .contains("\"act_granularity\": \"per_tensor\""));
        ExportOptions fp8;
        fp8.numbers = ExportOptions::NumberFormat::Fp8;
        const QJsonObject root
            = QJsonDocument::fromJson(ProfileExporter::run(p, QStringLiteral("modelopt"), 1, fp8)).object();
        const QJsonObject weight = root.value(QStringLiteral("quant_cfg")).toArray().at(1).toObject();
        QCOMPARE(
            weight.value(QStringLiteral("quantizer_name")).toString(), QStringLiteral("*weight_quantizer"));
        QCOMPARE(weight.value(QStringLiteral("cfg")).toObject().value(QStringLiteral("num_bits")).toArray(),
            QJsonArray({ 4, 3 }));
        QCOMPARE(
            root.value(QStringLiteral("_quantcut")).toObject().value(QStringLiteral("weights")).toString(),
            QStringLiteral("fp8 e4m3 per-tensor"));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, ProfileExporter::run(p, QStringLiteral("inc2"), 1, fp8));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, ProfileExporter::run(p, QStringLiteral("onnx"), 1, {}));
    }

    void verificationRefusesAWrongConfig()
    {
        const Project p = exampleProject(true, false);
        // INC 2.x: drop one fp32 key: the op it kept would now be quantized.
        QJsonObject root = QJsonDocument::fromJson(Inc2Exporter::toJson(p, 0, {})).object();
        QJsonObject dict = root.value(QStringLiteral("op_name_dict")).toObject();
        const QString key = Inc2Exporter::keyFor(QStringLiteral("lm_head"));
        QVERIFY(dict.contains(key));
        dict.remove(key);
        root.insert(QStringLiteral("op_name_dict"), dict);
        try {
            Inc2Exporter::verify(p, 0, QJsonDocument(root).toJson(), ModuleNaming::New);
            QFAIL("no mismatch reported");
        } catch (const ExportMismatch& e) {
            QCOMPARE(e.wronglyQuantized(), QStringList { QStringLiteral("lm_head") });
            QVERIFY(e.wronglyKept().isEmpty());
        }
        // ModelOpt: a broad pattern appended after everything switches quantized down_proj ops off.
        QJsonObject cfg
            = QJsonDocument::fromJson(ModelOptExporter::toJson(p, 3, {}, ModelOptExporter::Form::List))
                  .object();
        QJsonArray list = cfg.value(QStringLiteral("quant_cfg")).toArray();
        list.append(QJsonObject { { QStringLiteral("quantizer_name"), QStringLiteral("*down_proj*") },
            { QStringLiteral("enable"), false } });
        cfg.insert(QStringLiteral("quant_cfg"), list);
        try {
            ModelOptExporter::verify(
                p, 3, QJsonDocument(cfg).toJson(), ModelOptExporter::Form::List, ModuleNaming::New);
            QFAIL("no mismatch reported");
        } catch (const ExportMismatch& e) {
            QVERIFY(!e.wronglyKept().isEmpty());
            QVERIFY(std::all_of(e.wronglyKept().begin(), e.wronglyKept().end(),
                [](const QString& n) { return n.endsWith(QLatin1String("down_proj")); }));
        }
        // llm-compressor targets Linear: a profile that quantizes the Conv3d patch embedding cannot be
        // expressed.
        Project conv = exampleProject(true, false);
        conv.setOverrides(
            { { QStringLiteral("model.visual.patch_embed.proj"), Override::Action::Int8, {} } });
        try {
            ProfileExporter::run(conv, QStringLiteral("llmcompressor"), 0, {});
            QFAIL("no mismatch reported");
        } catch (const ExportMismatch& e) {
            QCOMPARE(e.wronglyKept(), QStringList { QStringLiteral("model.visual.patch_embed.proj") });
            QVERIFY(
                QString::fromUtf8(e.what()).contains(QStringLiteral("would keep ops the profile quantizes")));
        }
    }

    void neutralFormats()
    {
        const Project p = exampleProject(true, false);
        const QList<QByteArray> csv = ProfileExporter::run(p, QStringLiteral("csv"), 0, {}).split('\n');
        QCOMPARE(csv.size(), 555 + 2); // header, one row per op, trailing newline
        QCOMPARE(csv[0],
            QByteArray(
                "name,op_type,component,layer,params,mse_v2_fallback [lower],mse_v2_fallback_rank,hawq_v2,"
                "hawq_v2_rank,combined_score,profile_A,profile_B,profile_C,profile_D"));
        QVERIFY(csv[1].startsWith("model.visual.patch_embed.proj,Conv3d,vision,,1505280,"));
        QVERIFY(csv[1].endsWith(
            ",keep:rule:embeddings,keep:rule:embeddings,keep:rule:embeddings,keep:rule:embeddings"));
        const QJsonObject json
            = QJsonDocument::fromJson(ProfileExporter::run(p, QStringLiteral("json"), 2, {})).object();
        QCOMPARE(json.value(QStringLiteral("quantize")).toArray().size(), qsizetype(p.cuts()[2].ops));
        QCOMPARE(json.value(QStringLiteral("quantize")).toArray().size()
                + json.value(QStringLiteral("keep")).toArray().size(),
            555);
        const QByteArray md = ProfileExporter::run(p, QStringLiteral("markdown"), 1, {});
        QVERIFY(md.contains("| B | moderate | 0.5 | 207 of 555 |"));
        QVERIFY(md.contains("| `lm_head` | rule:lm-head |"));
    }
};

QTEST_GUILESS_MAIN(TestExports)
#include "tst_exports.moc"
