// Every framework export, evaluated with that framework's own matching rule
// (tests/scripts/framework_rules.py, plain Python) on the Qwen2.5-VL-3B inventory under both transformers
// namings: the set it quantizes must equal the profile's `quantize` set. Plus the verification that refuses a
// config that would not.
#include "TestPaths.h"
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
#include <QTemporaryDir>
#include <QTest>

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
        QTest::addColumn<bool>("newNaming");
        QTest::addColumn<bool>("lmOnly");
        QTest::addColumn<QString>("activations");
        for (const char* format : { "inc2", "inc3", "modelopt", "modelopt-legacy", "llmcompressor" }) {
            for (const bool newNaming : { true, false }) {
                for (const bool lmOnly : { false, true }) {
                    QTest::addRow(
                        "%s %s %s", format, newNaming ? "new-names" : "old-names", lmOnly ? "lm-only" : "all")
                        << QString::fromLatin1(format) << newNaming << lmOnly << QStringLiteral("static");
                }
            }
        }
        QTest::addRow("llmcompressor dynamic") << "llmcompressor" << true << false << "dynamic";
        QTest::addRow("modelopt dynamic") << "modelopt" << true << false << "dynamic";
    }

    void frameworkRuleQuantizesExactlyTheProfile()
    {
        QFETCH(QString, format);
        QFETCH(bool, newNaming);
        QFETCH(bool, lmOnly);
        QFETCH(QString, activations);
        const Project p = exampleProject(newNaming, lmOnly);
        QCOMPARE(p.reconciliations()[0].matchedCount(), 416); // both namings reconcile every source name
        ExportOptions options;
        if (activations == QLatin1String("dynamic"))
            options.activations = ExportOptions::Activations::PerTokenDynamic;
        for (int profile = 0; profile < p.profileCount(); profile += 3) { // A and D
            const QByteArray exported = ProfileExporter::run(p, format, profile, options);
            QStringList expected = p.lists()[size_t(profile)].quantize;
            QVERIFY(!expected.isEmpty());
            QCOMPARE(frameworkQuantizes(format, exported, p.inventory()), expected);
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
        QJsonObject root = QJsonDocument::fromJson(Inc2Exporter::toJson(p, 0)).object();
        QJsonObject dict = root.value(QStringLiteral("op_name_dict")).toObject();
        const QString key = Inc2Exporter::keyFor(QStringLiteral("lm_head"));
        QVERIFY(dict.contains(key));
        dict.remove(key);
        root.insert(QStringLiteral("op_name_dict"), dict);
        try {
            Inc2Exporter::verify(p, 0, QJsonDocument(root).toJson());
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
            ModelOptExporter::verify(p, 3, QJsonDocument(cfg).toJson(), ModelOptExporter::Form::List);
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
