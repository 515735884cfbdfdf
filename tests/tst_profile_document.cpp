// The YAML profile file (round trip, determinism, bad input) and the INC 2.x export's regex behaviour.
#include "TestPaths.h"
#include "TestProjects.h"
#include "document/ProfileDocument.h"
#include "document/YamlText.h"
#include "export/Inc2Exporter.h"
#include "io/FileError.h"
#include "outcomes/Outcome.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <yaml-cpp/yaml.h>

using namespace qc;

class TestProfileDocument : public QObject
{
    Q_OBJECT

private:
    // A project using every feature the file must carry: two metrics (one flipped, one with a derived group
    // member), a weighted combination, custom rules, overrides, custom cuts by params.
    static Project richProject()
    {
        const Inventory inv = test::smallDecoder(4);
        Metric a = test::scoreLinears(inv, QStringLiteral("mse"), Polarity::LowerIsMoreSensitive,
            [](int layer, const QString& leaf) { return 100.0 - layer * 7.5 - leaf.size() * 0.25; });
        a.note = QStringLiteral("lower: more sensitive; \"quoted\" note: with colon");
        a.entries.push_back(
            { QStringLiteral("model.layers.9.mlp.down_proj"), QStringLiteral("Linear"), 1.0, 7, {} });
        Metric b = test::scoreLinears(
            inv, QStringLiteral("hawq"), Polarity::HigherIsMoreSensitive, [](int layer, const QString& leaf) {
                return layer * 1e-7 + (leaf == QLatin1String("o_proj") ? 3e20 : 0.5);
            });
        b.flipped = true;
        b.entries.back().groupLeader = QStringLiteral("model.layers.3.mlp.gate_proj");
        Project p;
        p.setInventory(inv);
        p.setMetrics({ a, b });
        p.setCombine(CombineSpec::parse(QStringLiteral("weighted:mse=2,hawq=0.5")));
        RuleSet rules = RuleSet::defaults();
        Rule early;
        early.name = QStringLiteral("early-mlp");
        early.namePattern = QStringLiteral("*.mlp.*");
        early.components = { QStringLiteral("language") };
        early.layerFrom = 0;
        early.layerTo = 0;
        early.reason = QStringLiteral("first layer: outliers");
        rules.append(early);
        p.setRules(rules);
        p.setOverrides({ { QStringLiteral("model.layers.2.self_attn.o_proj"), Override::Action::Keep,
                             QStringLiteral("hand edit") },
            { QStringLiteral("lm_head"), Override::Action::Int8, {} } });
        CutPlan plan;
        plan.by = CutPlan::CutBy::Params;
        plan.profiles = { { QStringLiteral("lo"), QStringLiteral("safe one"), 0.3 },
            { QStringLiteral("hi"), QStringLiteral("fast"), 0.9 } };
        p.setCutPlan(plan);
        return p;
    }

    static QString writeTemp(const QTemporaryDir& dir, const char* name, const QByteArray& data)
    {
        const QString path = dir.filePath(QLatin1String(name));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(data);
        return path;
    }

    struct PythonRun
    {
        QString skip; // why the check cannot run here, empty when it ran
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    // Debian's own Python, where python3-yaml and python3-jsonschema are installed by the set-up command.
    static PythonRun runPython(const QString& script, const QStringList& args)
    {
        const QString python = QStringLiteral("/usr/bin/python3");
        if (!QFileInfo::exists(python))
            return { QStringLiteral("no /usr/bin/python3 on this machine"), -1, {}, {} };
        QProcess proc;
        proc.start(python, QStringList { QStringLiteral("-c"), script } + args);
        if (!proc.waitForFinished(60000))
            return { QStringLiteral("python3 did not finish"), -1, {}, {} };
        PythonRun run { {}, proc.exitCode(), proc.readAllStandardOutput(), proc.readAllStandardError() };
        if (run.exitCode != 0 && run.err.contains("No module named"))
            run.skip = QStringLiteral("a Python module is missing: ")
                + QString::fromUtf8(run.err.trimmed().split('\n').last());
        return run;
    }

private slots:
    void nonFiniteNumbersReadBack()
    {
        // Found by fuzz_profile_file: a non-finite number was written "nan.0" / "inf.0", which yaml-cpp (and
        // PyYAML) read as text, so a saved file holding one did not load again.
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        QCOMPARE(yamlNumber(nan), QStringLiteral(".nan"));
        QCOMPARE(yamlNumber(inf), QStringLiteral(".inf"));
        QCOMPARE(yamlNumber(-inf), QStringLiteral("-.inf"));
        for (const double value : { nan, inf, -inf, 0.25, -3.0e20 }) {
            const YAML::Node node = YAML::Load("v: " + yamlNumber(value).toStdString());
            const double back = node["v"].as<double>();
            QVERIFY2(std::isnan(value) ? std::isnan(back) : back == value, qPrintable(yamlNumber(value)));
        }
    }

    // The writer formats numbers with std::to_chars; files written before it used Qt's shortest form. Both
    // must give the same text, so old files stay byte-identical on save: magnitudes over 60 decades, values
    // rounded as stats are, and random bit patterns (subnormals, the largest doubles).
    void numbersAreQtShortestForm()
    {
        std::mt19937_64 rng(20261201);
        std::uniform_real_distribution<double> decades(-30, 30);
        auto qtForm = [](double v) {
            QString s = QString::number(v, 'g', QLocale::FloatingPointShortest);
            const qsizetype e = s.indexOf(QLatin1Char('e'));
            if (!QStringView(s).left(e < 0 ? s.size() : e).contains(QLatin1Char('.')))
                s.insert(e < 0 ? s.size() : e, QLatin1String(".0"));
            return s;
        };
        int checked = 0;
        auto check = [&](double v) {
            if (!std::isfinite(v) || v == 0.0)
                return;
            ByteSink appended;
            appendYamlNumber(appended, v);
            const QString expected = qtForm(v);
            if (yamlNumber(v) != expected || QString::fromLatin1(appended.view()) != expected)
                QFAIL(qPrintable(QStringLiteral("%1: %2").arg(expected, yamlNumber(v))));
            ++checked;
        };
        for (int i = 0; i < 300000; ++i) {
            const double v = std::pow(10.0, decades(rng));
            check(v);
            check(-v);
            check(std::round(v * 1e6) / 1e6);
            std::uint64_t bits = rng();
            double raw = 0;
            std::memcpy(&raw, &bits, sizeof raw);
            check(raw);
        }
        for (const double v :
            { 1.0, 1e-4, 1.2e-4, 1e5, 1.2e6, 1.2e7, 1e21, 1e100, 5e-324, 1.7976931348623157e308 })
            check(v);
        QVERIFY(checked > 1000000);
    }

    void roundTripIsByteIdentical()
    {
        const Project p = richProject();
        const QByteArray first = qc::test::yamlOf(p);
        QCOMPARE(qc::test::yamlOf(richProject()), first); // deterministic
        const ProfileDocument::Loaded loaded = ProfileDocument::parse(first, QStringLiteral("mem.yaml"));
        QCOMPARE(qc::test::yamlOf(loaded.project), first);
        // The state itself came back, not only the text.
        QCOMPARE(loaded.project.rules(), p.rules());
        QCOMPARE(loaded.project.overrides(), p.overrides());
        QCOMPARE(loaded.project.cutPlan(), p.cutPlan());
        QCOMPARE(loaded.project.combine(), p.combine());
        QCOMPARE(loaded.project.inventory().ops(), p.inventory().ops());
        QCOMPARE(loaded.project.metrics().size(), size_t(2));
        QCOMPARE(loaded.project.metrics()[1].polarity(), Polarity::LowerIsMoreSensitive);
        QVERIFY(loaded.project.metrics()[1].flipped);
        QCOMPARE(loaded.project.metrics()[1].entries.back().groupLeader,
            QStringLiteral("model.layers.3.mlp.gate_proj"));
        QCOMPARE(loaded.project.metrics()[0].note, p.metrics()[0].note);
        QCOMPARE(loaded.project.ranking().order, p.ranking().order);
        QCOMPARE(loaded.storedLists.size(), size_t(2));
        QCOMPARE(loaded.storedLists[1].quantize, p.lists()[1].quantize);
    }

    void fileContent()
    {
        const Project p = richProject();
        const QString yaml = QString::fromUtf8(qc::test::yamlOf(p));
        QVERIFY(yaml.contains(QStringLiteral("quantcut_profiles: 1\n")));
        QVERIFY(yaml.contains(QStringLiteral("    polarity: lower-is-more-sensitive\n")));
        QVERIFY(yaml.contains(QStringLiteral("  method: \"weighted:mse=2,hawq=0.5\"\n")));
        QVERIFY(yaml.contains(
            QStringLiteral("- {op: model.layers.2.self_attn.o_proj, reason: \"override:hand edit\"}")));
        QVERIFY(yaml.contains(
            QStringLiteral("- {op: model.layers.0.mlp.down_proj, reason: \"rule:early-mlp\"}")));
        QVERIFY(yaml.contains(QStringLiteral("    unmatched:\n    - model.layers.9.mlp.down_proj\n")));
        QVERIFY(yaml.contains(QStringLiteral("3.0e+20"))); // a float PyYAML reads as a float
        QVERIFY(yaml.contains(QStringLiteral("kind: rule-violation")));
        // Every op in exactly one list of every profile, lists sorted.
        for (const ProfileLists& lists : p.lists()) {
            QStringList all = lists.quantize;
            for (const auto& [op, reason] : lists.keep)
                all.append(op);
            QCOMPARE(all.size(), qsizetype(p.inventory().size()));
            all.removeDuplicates();
            QCOMPARE(all.size(), qsizetype(p.inventory().size()));
            QStringList sorted = lists.quantize;
            sorted.sort();
            QCOMPARE(lists.quantize, sorted);
        }
    }

    void pythonYamlReadsTheFile()
    {
        QTemporaryDir dir;
        const QString path = writeTemp(dir, "p.yaml", qc::test::yamlOf(richProject()));
        const PythonRun run
            = runPython(QStringLiteral("import sys, yaml\nd = yaml.safe_load(open(sys.argv[1]))\n"
                                       "p = d['profiles'][1]\n"
                                       "print(d['quantcut_profiles'], len(p['quantize']) + len(p['keep']), "
                                       "p['stats']['ops_quantized'] == len(p['quantize']),"
                                       " type(d['sources'][1]['scores'][3][1]).__name__)"),
                { path });
        if (!run.skip.isEmpty())
            QSKIP(qPrintable(run.skip));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out.trimmed(), QByteArray("1 39 True float"));
    }

    void fileMatchesTheShippedSchema()
    {
        QTemporaryDir dir;
        // With measured outcomes too: a variant of "hi" and the baseline.
        Project withOutcomes = richProject();
        Outcome variant { QStringLiteral("hi"), QStringLiteral("r.csv"), QStringLiteral("ab12"),
            profileFingerprint(withOutcomes.lists()[1].quantize),
            { { QStringLiteral("modelopt"), QStringLiteral("hellaswag/acc"), 0.5, true, 0.01,
                  QStringLiteral("n") },
                { QStringLiteral("inc2"), QStringLiteral("ppl"), 10.0, false, std::nan(""), {} } } };
        Outcome baseline { QStringLiteral("baseline"), QStringLiteral("r.csv"), QStringLiteral("ab12"), {},
            { { QStringLiteral("baseline"), QStringLiteral("ppl"), 9.5, false, 0.1, {} } } };
        withOutcomes.setOutcomes({ variant, baseline });
        const QString path = writeTemp(dir, "p.yaml", qc::test::yamlOf(withOutcomes));
        const PythonRun run = runPython(
            QStringLiteral(
                "import sys, json, yaml, jsonschema\n"
                "schema = json.load(open(sys.argv[1]))\n"
                "jsonschema.Draft202012Validator.check_schema(schema)\n"
                "jsonschema.validate(yaml.safe_load(open(sys.argv[2])), schema, "
                "cls=jsonschema.Draft202012Validator)\n"
                "bad = yaml.safe_load(open(sys.argv[2])); bad['profiles'][0]['keep'][0]['reason'] = 7\n"
                "try:\n    jsonschema.validate(bad, schema, cls=jsonschema.Draft202012Validator)\nexcept "
                "jsonschema.ValidationError:\n    print('rejected')\n"
                "bad = yaml.safe_load(open(sys.argv[2])); bad['outcomes'][0]['values'][0]['value'] = 'high'\n"
                "try:\n    jsonschema.validate(bad, schema, cls=jsonschema.Draft202012Validator)\nexcept "
                "jsonschema.ValidationError:\n    print('rejected')\n"
                "print('valid', len(yaml.safe_load(open(sys.argv[2]))['outcomes']))"),
            { test::sourcePath(QStringLiteral("resources/schema/quantcut-profiles.schema.json")), path });
        if (!run.skip.isEmpty())
            QSKIP(qPrintable(run.skip));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out, QByteArray("rejected\nrejected\nvalid 2\n"));
    }

    void badFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        const QByteArray good = qc::test::yamlOf(richProject());
        QTest::addRow("not yaml") << QByteArray("quantcut_profiles: 1\ninventory: [unclosed\n") << 3
                                  << "invalid YAML";
        QTest::addRow("no version key") << QByteArray("profiles: []\n") << 1 << "not a QuantCut profile file";
        QByteArray newer = good;
        newer.replace("quantcut_profiles: 1", "quantcut_profiles: 7");
        QTest::addRow("newer version") << newer << 3 << "format version 7 is not supported";
        QByteArray noScores = good;
        noScores.replace("    scores:\n", "    scorez:\n");
        QTest::addRow("missing key") << noScores << 0 << "missing key 'scores'";
        QByteArray badOp = good;
        badOp.replace("- [model.layers.0.input_layernorm, RMSNorm, language, 0, 1]",
            "- [model.layers.0.input_layernorm, RMSNorm]");
        QTest::addRow("short inventory row")
            << badOp << 0 << "an inventory op is [name, op_type, component, layer, params]";
        QByteArray badNumber = good;
        badNumber.replace("  cut: 0.3\n", "  cut: lots\n");
        QTest::addRow("cut not a number") << badNumber << 0 << "expected a number, found 'lots'";
        QByteArray badPolarity = good;
        badPolarity.replace("polarity: lower-is-more-sensitive", "polarity: sideways");
        QTest::addRow("bad polarity") << badPolarity << 0 << "polarity must be";
        QByteArray badRegex = good;
        badRegex.replace("name: \"(.*\\\\.)?lm_head\"", "name: \"(unclosed\"");
        QTest::addRow("bad regex") << badRegex << 0 << "invalid regex '(unclosed'";
        QByteArray dupOp = good;
        dupOp.replace("- [model.norm, RMSNorm, language, -1, 1]", "- [lm_head, RMSNorm, language, -1, 1]");
        QTest::addRow("duplicate op") << dupOp << 0 << "duplicate op name 'lm_head'";
        QByteArray baseline = good;
        QVERIFY(baseline.contains("\n  - name: lo\n"));
        baseline.replace("\n  - name: lo\n", "\n  - name: baseline\n");
        QTest::addRow("profile named baseline") << baseline << 0 << "profile name 'baseline' is reserved";
    }

    void badFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, line);
        QFETCH(QString, message);
        try {
            ProfileDocument::parse(content, QStringLiteral("bad.yaml"));
            QFAIL("no error");
        } catch (const FileError& e) {
            QCOMPARE(e.file(), QStringLiteral("bad.yaml"));
            QVERIFY2(e.message().contains(message), qPrintable(e.toString()));
            if (line > 0)
                QCOMPARE(e.line(), line);
            else
                QVERIFY2(e.line() > 0, qPrintable(e.toString()));
        }
    }

    void saveIsAtomic()
    {
        QTemporaryDir dir;
        const QString path = writeTemp(dir, "keep.yaml", "precious\n");
        // A directory path cannot be written: the existing file elsewhere stays as it was.
        QVERIFY_THROWS_EXCEPTION(FileError,
            qc::test::saveProject(richProject(), dir.filePath(QStringLiteral("no/such/dir/p.yaml"))));
        qc::test::saveProject(richProject(), path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), qc::test::yamlOf(richProject()));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
            QStringList { QStringLiteral("keep.yaml") }); // no temp left
    }

    void rulesFile()
    {
        QTemporaryDir dir;
        const QString path = writeTemp(dir, "rules.yaml",
            "rules:\n  - name: keep-o\n    action: keep\n    reason: o_proj outliers\n    match: {name: "
            "\"*.o_proj\"}\n");
        const RuleSet rules = ProfileDocument::loadRules(path);
        QCOMPARE(rules.rules().size(), size_t(1));
        QCOMPARE(rules.rules()[0].namePattern, QStringLiteral("*.o_proj"));
        QCOMPARE(rules.rules()[0].syntax, Rule::Syntax::Glob);
        const QString bad
            = writeTemp(dir, "bad.yaml", "rules:\n  - name: x\n    action: drop\n    match: {}\n");
        try {
            ProfileDocument::loadRules(bad);
            QFAIL("no error");
        } catch (const FileError& e) {
            QCOMPARE(e.line(), 3);
            QVERIFY(e.message().contains(QStringLiteral("keep or allow")));
        }
    }

    void inc2KeysFullmatchNameAndModuleSuffix_data()
    {
        QTest::addColumn<QString>("opName");
        QTest::addColumn<QString>("incName");
        QTest::addColumn<bool>("matches");
        const QString qkv = QStringLiteral("model.visual.blocks.0.attn.qkv");
        QTest::addRow("plain") << qkv << qkv << true;
        QTest::addRow("QuantWrapper") << qkv << QString(qkv + QStringLiteral(".module")) << true;
        QTest::addRow("dot is literal") << qkv << QStringLiteral("model.visual.blocks.0.attnxqkv") << false;
        QTest::addRow("no prefix match")
            << qkv << QStringLiteral("model.visual.blocks.0.attn.qkv_extra") << false;
        QTest::addRow("no suffix match")
            << QStringLiteral("model.layers.1.mlp") << QStringLiteral("model.layers.11.mlp") << false;
        QTest::addRow("no inner match")
            << QStringLiteral("layers.1.mlp") << QStringLiteral("model.layers.1.mlp") << false;
        QTest::addRow("other wrapper") << qkv << QString(qkv + QStringLiteral(".module.module")) << false;
        QTest::addRow("onnx names") << QStringLiteral("/bert/encoder/layer.0/MatMul")
                                    << QStringLiteral("/bert/encoder/layer.0/MatMul") << true;
    }

    void inc2KeysFullmatchNameAndModuleSuffix()
    {
        QFETCH(QString, opName);
        QFETCH(QString, incName);
        QFETCH(bool, matches);
        // INC: re.compile(key).fullmatch(op_name)
        const QRegularExpression key(QRegularExpression::anchoredPattern(Inc2Exporter::keyFor(opName)));
        QVERIFY(key.isValid());
        QCOMPARE(key.match(incName).hasMatch(), matches);
    }

    void inc2ExportKeepsExactlyTheKeepSet()
    {
        const Project p = richProject();
        for (int prof = 0; prof < p.profileCount(); ++prof) {
            const QJsonObject root = QJsonDocument::fromJson(Inc2Exporter::toJson(p, prof, {})).object();
            const QJsonObject dict = root.value(QStringLiteral("op_name_dict")).toObject();
            QCOMPARE(root.value(QStringLiteral("excluded_precisions")).toVariant().toStringList(),
                QStringList({ QStringLiteral("bf16"), QStringLiteral("fp16") }));
            int kept = 0;
            for (int op = 0; op < p.inventory().size(); ++op) {
                const QString name = p.inventory().at(op).name;
                bool matched = false;
                for (auto it = dict.begin(); it != dict.end() && !matched; ++it) {
                    const QRegularExpression key(QRegularExpression::anchoredPattern(it.key()));
                    matched = key.match(name).hasMatch()
                        && key.match(name + QStringLiteral(".module")).hasMatch();
                }
                QCOMPARE(matched, !p.isQuantized(op, prof));
                kept += matched;
                if (matched)
                    QCOMPARE(dict.value(Inc2Exporter::keyFor(name))
                                 .toObject()
                                 .value(QStringLiteral("weight"))
                                 .toObject()
                                 .value(QStringLiteral("dtype"))
                                 .toArray()
                                 .at(0)
                                 .toString(),
                        QStringLiteral("fp32"));
            }
            QCOMPARE(dict.size(), kept);
        }
        QCOMPARE(profileIndex(p, QStringLiteral("hi")), 1);
        QCOMPARE(profileIndex(p, {}), 1);
        QCOMPARE(profileIndex(p, QStringLiteral("zz")), -1);
    }
};

QTEST_GUILESS_MAIN(TestProfileDocument)
#include "tst_profile_document.moc"
