// Measured outcomes per profile: the results file formats, bad rows, the Pareto front, compression measures,
// attaching with fingerprints, the stale flag, the profile file's outcomes section and the trade-off table.
#include "TestPaths.h"
#include "TestProjects.h"
#include "check/Checker.h"
#include "document/ProfileDocument.h"
#include "io/FileError.h"
#include "load/FileKind.h"
#include "load/ProjectLoader.h"
#include "outcomes/CompressionMeasure.h"
#include "outcomes/OutcomeList.h"
#include "outcomes/OutcomeReader.h"
#include "outcomes/ParetoFront.h"
#include "report/ReviewReport.h"
#include "tradeoff/TradeOff.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace qc;

Q_DECLARE_METATYPE(std::vector<ParetoFront::Point>)
Q_DECLARE_METATYPE(std::vector<int>)

namespace {
QString data(const char* name)
{
    return test::sourcePath(QStringLiteral("tests/data/outcomes/") + QLatin1String(name));
}

// smallDecoder(4) ranked by one metric with the default cuts A, B, C, D.
Project decoderProject()
{
    const Inventory inv = test::smallDecoder(4);
    Project p;
    p.setInventory(inv);
    p.setMetrics({ test::scoreLinears(inv, QStringLiteral("mse"), Polarity::HigherIsMoreSensitive,
        [](int layer, const QString& leaf) { return layer * 10.0 + leaf.size(); }) });
    return p;
}

// The project with every test results file attached as the CLI attaches them.
Project withOutcomes()
{
    Project p = decoderProject();
    std::vector<Outcome> all;
    const std::vector<ProfileLists> lists = p.lists();
    const std::pair<const char*, OutcomeReader::Target> files[]
        = { { "results.csv", {} }, { "b_inc3.json", {} },
              { "c_llmcompressor.yaml", { QStringLiteral("C"), QStringLiteral("llmcompressor") } },
              { "lm_eval_d_modelopt.json", { QStringLiteral("D"), {} } } };
    for (const auto& [name, target] : files)
        OutcomeList::attach(all, OutcomeReader::read(data(name), target), lists, data(name));
    p.setOutcomes(all);
    return p;
}

const OutcomeValue* find(const std::vector<Outcome>& outcomes, const QString& profile, const QString& metric,
    const QString& framework = {})
{
    for (const Outcome& o : outcomes) {
        for (const OutcomeValue& v : o.values) {
            if (o.profile == profile && v.metric == metric
                && (framework.isEmpty() || v.framework == framework))
                return &v;
        }
    }
    return nullptr;
}
} // namespace

class TestOutcomes : public QObject
{
    Q_OBJECT

private slots:
    void readsEachFormat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("profile"); // the target, empty for none
        QTest::addColumn<QString>("framework");
        QTest::addColumn<int>("outcomeCount");
        QTest::addColumn<int>("valueCount"); // in all outcomes
        QTest::addColumn<QString>("checkProfile");
        QTest::addColumn<QString>("checkMetric");
        QTest::addColumn<QString>("checkFramework");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("stderr"); // NaN: none
        QTest::addColumn<bool>("higherIsBetter");
        const double nan = std::nan("");
        QTest::addRow("csv naming profiles") << "results.csv" << QString() << QString() << 5 << 12 << "C"
                                             << "hellaswag/acc"
                                             << "modelopt" << 0.595 << 0.005 << true;
        QTest::addRow("csv baseline") << "results.csv" << QString() << QString() << 5 << 12 << "baseline"
                                      << "wikitext/word_perplexity"
                                      << "baseline" << 10.0 << nan << false;
        QTest::addRow("json rows") << "b_inc3.json" << QString() << QString() << 1 << 2 << "B"
                                   << "latency_ms"
                                   << "inc3" << 48.0 << nan << false;
        QTest::addRow("yaml rows with a target") << "c_llmcompressor.yaml"
                                                 << "C"
                                                 << "llmcompressor" << 1 << 2 << "C"
                                                 << "hellaswag/acc"
                                                 << "llmcompressor" << 0.58 << 0.005 << true;
        QTest::addRow("lm-eval acc") << "lm_eval_d_modelopt.json"
                                     << "D" << QString() << 1 << 5 << "D"
                                     << "arc_easy/acc"
                                     << "modelopt" << 0.7121 << 0.0093 << true;
        QTest::addRow("lm-eval filter in the name") << "lm_eval_d_modelopt.json"
                                                    << "D" << QString() << 1 << 5 << "D"
                                                    << "gsm8k/exact_match(strict-match)"
                                                    << "modelopt" << 0.4102 << 0.0135 << true;
        QTest::addRow("lm-eval N/A stderr, lower is better") << "lm_eval_d_modelopt.json"
                                                             << "D" << QString() << 1 << 5 << "D"
                                                             << "wikitext/word_perplexity"
                                                             << "modelopt" << 10.71 << nan << false;
        QTest::addRow("lm-eval framework from the target") << "lm_eval_d_modelopt.json"
                                                           << "D"
                                                           << "inc3" << 1 << 5 << "D"
                                                           << "wikitext/bits_per_byte"
                                                           << "inc3" << 0.5812 << nan << false;
    }
    void readsEachFormat()
    {
        QFETCH(QString, file);
        QFETCH(QString, profile);
        QFETCH(QString, framework);
        const std::vector<Outcome> outcomes
            = OutcomeReader::read(data(file.toUtf8().constData()), { profile, framework });
        QFETCH(int, outcomeCount);
        QCOMPARE(int(outcomes.size()), outcomeCount);
        size_t values = 0;
        for (const Outcome& o : outcomes) {
            values += o.values.size();
            QCOMPARE(o.file, file);
            QCOMPARE(o.sha256.size(), qsizetype(64));
            QVERIFY(o.profileFingerprint.isEmpty()); // attaching stamps it
        }
        QFETCH(int, valueCount);
        QCOMPARE(int(values), valueCount);
        QFETCH(QString, checkProfile);
        QFETCH(QString, checkMetric);
        QFETCH(QString, checkFramework);
        const OutcomeValue* v = find(outcomes, checkProfile, checkMetric, checkFramework);
        QVERIFY(v);
        QFETCH(double, value);
        QFETCH(double, stderr);
        QFETCH(bool, higherIsBetter);
        QCOMPARE(v->value, value);
        QCOMPARE(std::isnan(v->standardError), std::isnan(stderr));
        if (!std::isnan(stderr))
            QCOMPARE(v->standardError, stderr);
        QCOMPARE(v->higherIsBetter, higherIsBetter);
    }

    void lmEvalProfileFromModelArgs()
    {
        // "pretrained=/models/qwen2.5-vl-3b-D-modelopt-int8": D is a word of its own there, A..C are not.
        const QStringList profiles
            = { QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D") };
        const std::vector<Outcome> outcomes
            = OutcomeReader::read(data("lm_eval_d_modelopt.json"), { {}, {}, profiles });
        QCOMPARE(outcomes.size(), size_t(1));
        QCOMPARE(outcomes.front().profile, QStringLiteral("D"));
        QCOMPARE(outcomes.front().values.front().framework, QStringLiteral("modelopt"));
        // Two profile names in model_args: the user must say which.
        try {
            OutcomeReader::read(
                data("lm_eval_d_modelopt.json"), { {}, {}, { QStringLiteral("D"), QStringLiteral("vl") } });
            QFAIL("no error");
        } catch (const FileError& e) {
            QVERIFY2(e.message().contains(QStringLiteral("but several in model_args (D, vl)")),
                qPrintable(e.message()));
        }
    }

    void openedLikeAnyOtherFile()
    {
        for (const char* name :
            { "results.csv", "b_inc3.json", "c_llmcompressor.yaml", "lm_eval_d_modelopt.json" })
            QCOMPARE(detectFileKind(data(name)), FileKind::Outcomes);
        QCOMPARE(detectFileKind(test::sourcePath(QStringLiteral("tests/data/cli/tiny_scores.csv"))),
            FileKind::Rankings);
        // The explorer's load: results files only change the outcomes; a bad one is reported, the rest load.
        const Project base = decoderProject();
        const ProjectLoader::Result r = ProjectLoader::load(
            base, { data("results.csv"), data("bad/bad_value.csv"), data("lm_eval_d_modelopt.json") });
        QVERIFY(r.changesProject());
        QVERIFY(r.onlyOutcomes);
        QCOMPARE(r.project.outcomes().size(), size_t(5 + 1)); // D from model_args
        QCOMPARE(r.failed.size(), qsizetype(1));
        QVERIFY2(r.failed.front().contains(QStringLiteral("bad_value.csv:3: value 'abc' is not a number")),
            qPrintable(r.failed.front()));
        QCOMPARE(r.project.ranking().order, base.ranking().order);
    }

    void detectsByContent_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("format"); // empty: not a results file
        QTest::addRow("csv") << QByteArray("profile;framework;metric;value;higher_is_better\n") << "csv";
        QTest::addRow("ranking csv") << QByteArray("name,score\nmodel.layers.0.q_proj,1\n") << QString();
        QTest::addRow("lm-eval") << QByteArray("{\"results\": {\"x\": {\"acc,none\": 1}}}") << "lm-eval";
        QTest::addRow("json rows") << QByteArray(
            "[{\"metric\": \"m\", \"value\": 1, \"higher_is_better\": true}]")
                                   << "rows";
        QTest::addRow("hawq json") << QByteArray("{\"model.layers.0.q_proj\": 0.5}") << QString();
        QTest::addRow("yaml rows") << QByteArray(
            "outcomes:\n- metric: m\n  value: 1\n  higher_is_better: no\n")
                                   << "rows";
        QTest::addRow("profile file with outcomes")
            << QByteArray("quantcut_profiles: 1\noutcomes:\n- {metric: m, higher_is_better: true}\n")
            << QString();
    }
    void detectsByContent()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, format);
        const std::optional<OutcomeReader::Format> found = OutcomeReader::detect(head);
        QCOMPARE(found ? OutcomeReader::formatName(*found) : QString(), format);
    }

    void badRows_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        const QByteArray head = "profile,framework,metric,value,higher_is_better,stderr\n";
        QTest::addRow("value not a number") << head + "A,modelopt,m,0.5,true,\nA,inc2,m,abc,true,\n"
                                            << "r.csv" << QString() << 3 << "value 'abc' is not a number";
        QTest::addRow("infinite value") << head + "A,modelopt,m,inf,true,\n"
                                        << "r.csv" << QString() << 2 << "not a finite number";
        QTest::addRow("bad direction")
            << head + "A,modelopt,m,0.5,maybe,\n"
            << "r.csv" << QString() << 2 << "higher_is_better must be true or false";
        QTest::addRow("negative stderr")
            << head + "A,modelopt,m,0.5,true,-1\n"
            << "r.csv" << QString() << 2 << "stderr of 'm' must be a finite number of at least 0";
        QTest::addRow("no profile") << head + ",modelopt,m,0.5,true,\n"
                                    << "r.csv" << QString() << 2 << "names no profile";
        QTest::addRow("no framework") << head + "A,,m,0.5,true,\n"
                                      << "r.csv" << QString() << 2 << "names no framework";
        QTest::addRow("given twice") << head + "A,inc2,m,0.5,true,\nB,inc2,m,0.5,true,\nA,inc2,m,0.6,true,\n"
                                     << "r.csv" << QString() << 4 << "given twice (first on line 2)";
        QTest::addRow("two directions")
            << head + "A,inc2,m,0.5,true,\nB,inc2,m,0.5,false,\n"
            << "r.csv" << QString() << 3 << "higher_is_better false here but true on line 2";
        QTest::addRow("other profile than the target")
            << head + "C,inc2,m,0.5,true,\n"
            << "r.csv"
            << "B" << 2 << "names profile 'C' but the file is attached to profile 'B'";
        QTest::addRow("missing column") << QByteArray("profile,metric,value\nA,m,1\n") << "r.csv" << QString()
                                        << 1 << "not a results file";
        QTest::addRow("yaml unknown key")
            << QByteArray("- {profile: A, framework: x, metric: m, value: 1, higher_is_better: true}\n"
                          "- {profile: A, framework: x, metric: n, valu: 1, higher_is_better: true}\n")
            << "r.yaml" << QString() << 2 << "unknown key 'valu'";
        QTest::addRow("yaml value text")
            << QByteArray("outcomes:\n  - profile: A\n    framework: x\n    metric: m\n    value: high\n"
                          "    higher_is_better: true\n")
            << "r.yaml" << QString() << 5 << "value 'high' is not a number";
        QTest::addRow("json rows, line of the bad row")
            << QByteArray(
                   "[\n {\"profile\": \"A\", \"framework\": \"x\", \"metric\": \"m\", \"value\": 1, "
                   "\"higher_is_better\": true},\n {\"profile\": \"A\", \"framework\": \"x\", \"metric\": "
                   "\"n\", \"value\": 1, \"higher_is_better\": \"sometimes\"}\n]\n")
            << "r.json" << QString() << 3 << "higher_is_better must be true or false";
        QTest::addRow("lm-eval without a profile")
            << QByteArray(
                   "{\"results\": {\"t\": {\"acc,none\": 0.5}}, \"config\": {\"model_args\": \"modelopt\"}}")
            << "r.json" << QString() << 1 << "attach the file as PROFILE=FILE";
        QTest::addRow("lm-eval without a framework") << QByteArray(
            "{\"results\": {\"t\": {\"acc,none\": 0.5}}, \"config\": {\"model_args\": \"pretrained=x\"}}")
                                                     << "r.json"
                                                     << "B" << 1 << "names no framework";
        QTest::addRow("lm-eval value text") << QByteArray(
            "{\"results\": {\"t\": {\n\"acc,none\": \"high\"}}, \"config\": {\"model_args\": \"inc2\"}}")
                                            << "r.json"
                                            << "B" << 2 << "value 'high' is not a number";
    }
    void badRows()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, name);
        QFETCH(QString, target);
        QFETCH(int, line);
        QFETCH(QString, message);
        try {
            OutcomeReader::parse(content, name, { target, {} });
            QFAIL("no error");
        } catch (const FileError& e) {
            QCOMPARE(e.file(), name);
            QVERIFY2(e.message().contains(message), qPrintable(e.message()));
            QCOMPARE(e.line(), line);
        }
    }

    void paretoFront_data()
    {
        QTest::addColumn<std::vector<ParetoFront::Point>>("points");
        QTest::addColumn<bool>("xHigherIsBetter");
        QTest::addColumn<bool>("yHigherIsBetter");
        QTest::addColumn<std::vector<int>>("front");
        const double nan = std::nan("");
        // x = weight memory (lower is better), y = accuracy (higher is better).
        QTest::addRow("staircase") << std::vector<ParetoFront::Point> { { 4, 0.60 }, { 3, 0.59 }, { 2, 0.55 },
            { 3, 0.50 }, { 1, 0.40 } }
                                   << false << true << std::vector<int> { 4, 2, 1, 0 };
        QTest::addRow("equal x: the better y only")
            << std::vector<ParetoFront::Point> { { 2, 0.5 }, { 2, 0.6 }, { 1, 0.4 } } << false << true
            << std::vector<int> { 2, 1 };
        QTest::addRow("ties stay together")
            << std::vector<ParetoFront::Point> { { 2, 0.6 }, { 2, 0.6 }, { 3, 0.6 }, { 1, 0.3 } } << false
            << true << std::vector<int> { 3, 0, 1 };
        QTest::addRow("equal y, worse x is dominated") << std::vector<ParetoFront::Point> { { 1, 0.5 },
            { 2, 0.5 } } << false << true << std::vector<int> { 0 };
        // Perplexity: lower is better on y too.
        QTest::addRow("y lower is better")
            << std::vector<ParetoFront::Point> { { 4, 10.0 }, { 3, 10.5 }, { 2, 10.4 }, { 1, 12.0 } } << false
            << false << std::vector<int> { 3, 2, 0 };
        // x = INT8 fraction (higher is better).
        QTest::addRow("x higher is better")
            << std::vector<ParetoFront::Point> { { 0.2, 0.6 }, { 0.5, 0.58 }, { 0.4, 0.55 }, { 0.9, 0.5 } }
            << true << true << std::vector<int> { 0, 1, 3 };
        QTest::addRow("NaN takes no part") << std::vector<ParetoFront::Point> { { nan, 0.9 }, { 1, nan },
            { 2, 0.5 } } << false << true << std::vector<int> { 2 };
        QTest::addRow("empty") << std::vector<ParetoFront::Point> {} << false << true << std::vector<int> {};
    }
    void paretoFront()
    {
        QFETCH(std::vector<ParetoFront::Point>, points);
        QFETCH(bool, xHigherIsBetter);
        QFETCH(bool, yHigherIsBetter);
        QFETCH(std::vector<int>, front);
        QCOMPARE(ParetoFront::indices(points, xHigherIsBetter, yHigherIsBetter), front);
        // Nothing on the front is dominated, everything off it is.
        for (int i = 0; i < int(points.size()); ++i) {
            if (std::isnan(points[size_t(i)].x) || std::isnan(points[size_t(i)].y))
                continue;
            bool dominated = false;
            for (const ParetoFront::Point& other : points)
                dominated = dominated
                    || ParetoFront::dominates(other, points[size_t(i)], xHigherIsBetter, yHigherIsBetter);
            QCOMPARE(std::find(front.begin(), front.end(), i) == front.end(), dominated);
        }
    }

    void compressionMeasures()
    {
        const CompressionMeasure::Size size { 10, 40, 3'000'000'000, 4'000'000'000 };
        using K = CompressionMeasure::Kind;
        QCOMPARE(CompressionMeasure::value(K::WeightMemory, size), 5.0); // 3 GB INT8 + 2 * 1 GB bf16
        QCOMPARE(CompressionMeasure::value(K::Int8Ops, size), 0.25);
        QCOMPARE(CompressionMeasure::value(K::Int8Params, size), 0.75);
        QCOMPARE(CompressionMeasure::value(K::EffectiveBits, size), 10.0);
        QVERIFY(std::isnan(CompressionMeasure::value(K::EffectiveBits, { 1, 2, 0, 0 })));
        QCOMPARE(CompressionMeasure::format(K::EffectiveBits, 10.0), QStringLiteral("10.00 bits"));
        QVERIFY(!CompressionMeasure::higherIsMoreCompressed(K::WeightMemory));
        QVERIFY(CompressionMeasure::higherIsMoreCompressed(K::Int8Params));
    }

    void attachStampsFingerprints()
    {
        const Project p = withOutcomes();
        QCOMPARE(int(p.outcomes().size()), 5 + 1 + 1 + 1);
        const std::vector<ProfileLists> lists = p.lists();
        for (const Outcome& o : p.outcomes()) {
            if (o.isBaseline()) {
                QVERIFY(o.profileFingerprint.isEmpty());
                continue;
            }
            const auto it = std::find_if(
                lists.begin(), lists.end(), [&](const ProfileLists& l) { return l.spec.name == o.profile; });
            QVERIFY(it != lists.end());
            QCOMPARE(o.profileFingerprint, profileFingerprint(it->quantize));
        }
        QVERIFY(Checker::staleOutcomes(p).empty());
        // Python's hashlib over the same text gives the same digest: the file documents it that way.
        QCOMPARE(profileFingerprint({ QStringLiteral("b"), QStringLiteral("a") }),
            QStringLiteral("7e18f737311b2dc3b2f269dd78396b0351f14fb66efa879f768cb23181883c78"));
    }

    void attachRefusesWhatDoesNotFit_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        const QByteArray head = "profile,framework,metric,value,higher_is_better\n";
        QTest::addRow("unknown profile") << head + "A,inc2,x,1,true\nZ,inc2,x,1,true\n"
                                         << 3 << "profile 'Z' is not in the profile file (it has A, B, C, D";
        QTest::addRow("already given by another file") << head + "C,modelopt,hellaswag/acc,0.5,true\n"
                                                       << 2 << "already given by results.csv";
        QTest::addRow("other direction") << head + "A,inc3,hellaswag/acc,0.5,false\n"
                                         << 2 << "higher_is_better false here but true";
    }
    void attachRefusesWhatDoesNotFit()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, line);
        QFETCH(QString, message);
        const Project p = withOutcomes();
        std::vector<Outcome> outcomes = p.outcomes();
        try {
            OutcomeList::attach(outcomes, OutcomeReader::parse(content, QStringLiteral("new.csv")), p.lists(),
                QStringLiteral("new.csv"));
            QFAIL("no error");
        } catch (const FileError& e) {
            QVERIFY2(e.message().contains(message), qPrintable(e.message()));
            QCOMPARE(e.line(), line);
            QCOMPARE(e.file(), QStringLiteral("new.csv"));
        }
        QVERIFY(outcomes == p.outcomes()); // unchanged
    }

    void reattachingAFileReplacesIt()
    {
        const Project p = withOutcomes();
        std::vector<Outcome> outcomes = p.outcomes();
        OutcomeList::attach(
            outcomes, OutcomeReader::read(data("b_inc3.json")), p.lists(), data("b_inc3.json"));
        QCOMPARE(outcomes.size(), p.outcomes().size());
    }

    void staleOutcomesAreFlagged()
    {
        Project p = withOutcomes();
        QVERIFY(Checker::staleOutcomes(p).empty());
        // Re-cut B: its INT8 ops change, so its outcomes are of another model now. A is as it was.
        p.setCut(1, 0.3);
        const auto stale = Checker::staleOutcomes(p);
        QVERIFY(!stale.empty());
        for (const auto& [profile, why] : stale) {
            QCOMPARE(profile, QStringLiteral("B"));
            QVERIFY2(why.contains(QStringLiteral("measured on other INT8 ops")), qPrintable(why));
        }
        const std::vector<Violation> violations = Checker::check(p);
        const auto count = std::count_if(violations.begin(), violations.end(), [](const Violation& v) {
            return v.kind == Violation::Kind::StaleOutcome && v.severity == Violation::Severity::Warning;
        });
        QCOMPARE(size_t(count), stale.size());
        QCOMPARE(kindName(Violation::Kind::StaleOutcome), QStringLiteral("stale-outcome"));
        // What `check` finds in the saved file: the stored lists against the stored fingerprints.
        const QByteArray yaml = test::yamlOf(p);
        const ProfileDocument::Loaded loaded = ProfileDocument::parse(yaml, QStringLiteral("p.yaml"));
        const std::vector<Violation> fromFile = Checker::check(loaded.project, loaded.storedLists);
        QCOMPARE(size_t(std::count_if(fromFile.begin(), fromFile.end(),
                     [](const Violation& v) { return v.kind == Violation::Kind::StaleOutcome; })),
            stale.size());
        const TradeOff t = TradeOff::build(p);
        const TradeOff::Metric& acc = t.metrics()[size_t(t.metricIndex(QStringLiteral("hellaswag/acc")))];
        for (const TradeOff::Point& point : acc.points)
            QCOMPARE(point.stale, point.profile == QLatin1String("B"));
    }

    void profileFileRoundTripsByteIdentically()
    {
        const Project p = withOutcomes();
        const QByteArray first = test::yamlOf(p);
        QVERIFY(first.contains("\noutcomes:\n  - profile: baseline\n    file: results.csv\n"));
        QVERIFY(first.contains("      - {framework: modelopt, metric: hellaswag/acc, value: 0.595, "
                               "higher_is_better: true, stderr: "
                               "0.005, notes: \"calibrated on 512 samples, seed 1\"}\n"));
        QVERIFY(first.contains("metric: wikitext/word_perplexity, value: 10.71, higher_is_better: false}\n"));
        const ProfileDocument::Loaded loaded = ProfileDocument::parse(first, QStringLiteral("p.yaml"));
        QVERIFY(loaded.project.outcomes() == p.outcomes());
        QCOMPARE(test::yamlOf(loaded.project), first);
        // Through a file on disk too, as the explorer and the CLI save it.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.yaml"));
        test::saveProject(p, path);
        const Project reloaded = ProfileDocument::load(path).project;
        const QString again = dir.filePath(QStringLiteral("again.yaml"));
        test::saveProject(reloaded, again);
        QFile a(path), b(again);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(b.readAll(), a.readAll());
    }

    void noOutcomesNoSection()
    {
        const QByteArray yaml = test::yamlOf(decoderProject());
        QVERIFY(!yaml.contains("outcomes:"));
        QVERIFY(ProfileDocument::parse(yaml, QStringLiteral("p.yaml")).project.outcomes().empty());
    }

    void badOutcomesSection_data()
    {
        QTest::addColumn<QByteArray>("section");
        QTest::addColumn<QString>("message");
        QTest::addRow("not a list") << QByteArray("outcomes: {a: 1}\n") << "'outcomes' must be a list";
        QTest::addRow("no values") << QByteArray(
            "outcomes:\n  - {profile: A, file: f, sha256: x, profile_fingerprint: y}\n")
                                   << "missing key 'values'";
        QTest::addRow("value text") << QByteArray(
            "outcomes:\n  - profile: A\n    file: f\n    sha256: x\n    profile_fingerprint: y\n"
            "    values:\n      - {framework: f, metric: m, value: x, higher_is_better: true}\n")
                                    << "expected a finite number";
        QTest::addRow("twice") << QByteArray(
            "outcomes:\n  - profile: A\n    file: f\n    sha256: x\n    profile_fingerprint: y\n"
            "    values:\n      - {framework: f, metric: m, value: 1, higher_is_better: true}\n"
            "      - {framework: f, metric: m, value: 2, higher_is_better: true}\n")
                               << "given twice";
    }
    void badOutcomesSection()
    {
        QFETCH(QByteArray, section);
        QFETCH(QString, message);
        const QByteArray yaml = test::yamlOf(decoderProject()) + section;
        try {
            ProfileDocument::parse(yaml, QStringLiteral("p.yaml"));
            QFAIL("no error");
        } catch (const FileError& e) {
            QVERIFY2(e.message().contains(message), qPrintable(e.message()));
            QVERIFY(e.line() > 0);
        }
    }

    void reviewReportSection()
    {
        ReviewReport::Charts charts;
        charts.tradeOffs.push_back({ QStringLiteral("hellaswag/acc"), QStringLiteral("acc chart"),
            QStringLiteral("tradeoff_1.png"), QStringLiteral("tradeoff_1.svg") });
        const QString md = QString::fromUtf8(
            ReviewReport::build(withOutcomes(), QStringLiteral("p.yaml"), charts).toMarkdown());
        QVERIFY(md.contains(QStringLiteral("## Measured outcomes\n")));
        QVERIFY(md.contains(
            QStringLiteral("### `hellaswag/acc`\n\nhellaswag/acc (higher is better), baseline 0.6 ± 0.005 "
                           "from results.csv.\n\n![acc chart](tradeoff_1.png)")));
        QVERIFY2(
            md.contains(QStringLiteral("| D | ModelOpt | 0.56 | 0.006 | -0.04 | -6.67% |")), qPrintable(md));
        QVERIFY(md.contains(QStringLiteral("- on D, ModelOpt beats INC 2.x on hellaswag/acc by 0.04")));
        // Without outcomes the report is as it was.
        QVERIFY(!QString::fromUtf8(
            ReviewReport::build(decoderProject(), QStringLiteral("p.yaml"), {}).toMarkdown())
                     .contains(QStringLiteral("Measured outcomes")));
    }

    void tradeOffTable()
    {
        const TradeOff t = TradeOff::build(withOutcomes());
        QCOMPARE(t.frameworks(),
            QStringList({ QStringLiteral("inc2"), QStringLiteral("inc3"), QStringLiteral("modelopt"),
                QStringLiteral("llmcompressor") }));
        const int m = t.metricIndex(QStringLiteral("hellaswag/acc"));
        QVERIFY(m >= 0);
        const TradeOff::Metric& acc = t.metrics()[size_t(m)];
        QCOMPARE(acc.baseline, 0.6);
        QCOMPARE(acc.baselineFile, QStringLiteral("results.csv"));
        QCOMPARE(int(acc.points.size()), 8 + 1 + 1); // results.csv, inc3 on B, llm-compressor on C
        const TradeOff::Point& first = acc.points.front();
        QCOMPARE(first.profile, QStringLiteral("A"));
        QCOMPARE(first.framework, QStringLiteral("inc2"));
        QVERIFY(std::abs(first.delta - (0.597 - 0.6)) < 1e-12);
        QVERIFY(std::abs(first.relativeDelta - (0.597 - 0.6) / 0.6) < 1e-12);
        // Later profiles compress more by every measure.
        using K = CompressionMeasure::Kind;
        QVERIFY(acc.points.back().x(K::WeightMemory) < first.x(K::WeightMemory));
        QVERIFY(acc.points.back().x(K::EffectiveBits) < first.x(K::EffectiveBits));
        QVERIFY(acc.points.back().x(K::Int8Params) > first.x(K::Int8Params));
        // The front: ModelOpt on every profile (it beats INC at each), nothing else.
        QStringList front;
        for (const int i : t.front(m, K::WeightMemory))
            front.append(acc.points[size_t(i)].profile + QLatin1Char('/') + acc.points[size_t(i)].framework);
        QCOMPARE(front,
            QStringList({ QStringLiteral("D/modelopt"), QStringLiteral("C/modelopt"),
                QStringLiteral("B/modelopt"), QStringLiteral("A/modelopt") }));
        const QStringList s = t.suggestions(K::WeightMemory);
        QVERIFY2(s.contains(
                     QStringLiteral("most compression within 1% of baseline on hellaswag/acc: C with "
                                    "ModelOpt (0.595, -0.833% against the baseline; %1)")
                         .arg(CompressionMeasure::format(K::WeightMemory, acc.points[6].x(K::WeightMemory)))),
            qPrintable(s.join(QLatin1Char('\n'))));
        QVERIFY(s.contains(QStringLiteral("best hellaswag/acc: A with ModelOpt (0.598)")));
        QVERIFY2(s.contains(
                     QStringLiteral("on D, ModelOpt beats INC 2.x on hellaswag/acc by 0.04 (more than twice "
                                    "the combined stderr)")),
            qPrintable(s.join(QLatin1Char('\n'))));
        // A metric without a baseline says so.
        QCOMPARE(s.back(),
            QStringLiteral("no baseline for latency_ms, arc_easy/acc, arc_easy/acc_norm, "
                           "gsm8k/exact_match(strict-match), wikitext/bits_per_byte: add outcomes "
                           "of the profile `baseline` for deltas and the 1% suggestion"));
        const int ppl = t.metricIndex(QStringLiteral("wikitext/word_perplexity"));
        const std::vector<QStringList> rows = t.tableRows(ppl, K::EffectiveBits);
        QCOMPARE(rows.front().mid(0, 6),
            QStringList({ QStringLiteral("A"), QStringLiteral("ModelOpt"), QStringLiteral("10.02"),
                QStringLiteral("-"), QStringLiteral("+0.02"), QStringLiteral("+0.2%") }));
        QCOMPARE(rows.front().size(), TradeOff::tableHeader().size());
    }
};

QTEST_GUILESS_MAIN(TestOutcomes)
#include "tst_outcomes.moc"
