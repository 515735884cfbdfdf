// End-to-end tests of the command line: every test runs the real `quantcut-cli` binary through QProcess and
// asserts on exit codes, messages, the YAML profile file (parsed with yaml-cpp) and exported JSON.
// Fixtures: the bundled synthetic Qwen2.5-VL-3B example (resources/examples/qwen2_5_vl_3b), small synthetic
// files in tests/data/cli/, and the real files under QUANTCUT_SHARED_DATA (skipped when absent).
//
// A test that documents a known bug asserts the correct behaviour and is skipped with QSKIP("bug: ...") at
// the point of failure, so the suite stays green until the bug is fixed; remove the skip with the fix.

// The expected values are ASCII literals by the hundred; implicit conversion keeps the tables readable.
#undef QT_NO_CAST_FROM_ASCII
#include "CliRun.h"
#include "TestPaths.h"
#include "check/Checker.h"
#include "document/ProfileDocument.h"
#include "load/FileKind.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <yaml-cpp/yaml.h>

namespace {

// ---- running the binary --------------------------------------------------------------------------------

using Run = qc::test::CliRun;
using qc::test::runCli;

#define EXPECT_EXIT(run, expected)                                                                           \
    do {                                                                                                     \
        if ((run).code != (expected))                                                                        \
            QFAIL(qPrintable(QStringLiteral("expected exit %1, got ").arg(expected) + (run).describe()));    \
    } while (false)

#define EXPECT_CONTAINS(haystack, needle)                                                                    \
    do {                                                                                                     \
        if (!QString::fromUtf8(haystack).contains(needle))                                                   \
            QFAIL(qPrintable(QStringLiteral("expected to find \"%1\" in:\n%2")                               \
                                 .arg(needle, QString::fromUtf8(haystack).left(4000))));                     \
    } while (false)

QString example(const QString& file)
{
    return qc::test::sourcePath(QStringLiteral("resources/examples/qwen2_5_vl_3b/") + file);
}

QString fixture(const QString& file)
{
    return qc::test::sourcePath(QStringLiteral("tests/data/cli/") + file);
}

QString realData(const QString& file)
{
    return qc::test::sharedData(QStringLiteral("qwen2_5_vl_3b/") + file);
}

QStringList exampleProfilesArgs(const QString& output)
{
    return { "profiles", "--inventory", example("ops.csv"), "--metric",
        "mse_v2=" + example("inc_mse_v2_debug.log"), "--metric", "hawq_v2=" + example("inc_hawq_v2.log"),
        "-o", output };
}

QByteArray readBytes(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void writeBytes(const QString& path, const QByteArray& data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
}

// ---- reading a profile file ------------------------------------------------------------------------------

QString str(const YAML::Node& n)
{
    return n && n.IsScalar() ? QString::fromStdString(n.Scalar()) : QString();
}

struct Profile
{
    QString name;
    QString label;
    double cut = -1;
    QStringList quantize;
    QMap<QString, QString> keep; // op -> reason
    qint64 opsQuantized = -1;
    qint64 paramsQuantized = -1;
    double paramsFraction = -1;
    int keepEntries = 0; // list length, to catch duplicates the map would hide
};

struct Source
{
    QString id, format, polarity, note;
    bool flipped = false;
    qint64 entries = -1, matched = -1;
    QStringList unmatched, ambiguous;
    QMap<QString, double> scores;
};

struct Doc
{
    bool ok = false;
    QString error;
    YAML::Node root;
    QStringList ops; // inventory order
    QMap<QString, QString> opType;
    QList<Source> sources;
    QList<Profile> profiles;
    QString method;

    const Profile* profile(const QString& name) const
    {
        for (const Profile& p : profiles) {
            if (p.name == name)
                return &p;
        }
        return nullptr;
    }
    const Source* source(const QString& id) const
    {
        for (const Source& s : sources) {
            if (s.id == id)
                return &s;
        }
        return nullptr;
    }
};

QStringList strings(const YAML::Node& n)
{
    QStringList out;
    if (n && n.IsSequence()) {
        for (const YAML::Node& item : n)
            out.append(str(item));
    }
    return out;
}

Doc parseDoc(const QByteArray& yaml)
{
    Doc d;
    try {
        d.root = YAML::Load(yaml.toStdString());
        for (const YAML::Node& row : d.root["inventory"]["ops"]) {
            d.ops.append(str(row[0]));
            d.opType.insert(str(row[0]), str(row[1]));
        }
        for (const YAML::Node& s : d.root["sources"]) {
            Source src;
            src.id = str(s["id"]);
            src.format = str(s["format"]);
            src.polarity = str(s["polarity"]);
            src.note = str(s["note"]);
            src.flipped = s["flipped"].as<bool>();
            src.entries = s["entries"].as<qint64>();
            src.matched = s["matched"].as<qint64>();
            src.unmatched = strings(s["unmatched"]);
            src.ambiguous = strings(s["ambiguous"]);
            for (const YAML::Node& row : s["scores"])
                src.scores.insert(str(row[0]), row[1].as<double>());
            d.sources.append(src);
        }
        d.method = str(d.root["combination"]["method"]);
        for (const YAML::Node& p : d.root["profiles"]) {
            Profile prof;
            prof.name = str(p["name"]);
            prof.label = str(p["label"]);
            prof.cut = p["cut"].as<double>();
            prof.quantize = strings(p["quantize"]);
            for (const YAML::Node& k : p["keep"]) {
                prof.keep.insert(str(k["op"]), str(k["reason"]));
                ++prof.keepEntries;
            }
            prof.opsQuantized = p["stats"]["ops_quantized"].as<qint64>();
            prof.paramsQuantized = p["stats"]["params_quantized"].as<qint64>();
            prof.paramsFraction = p["stats"]["params_fraction"].as<double>();
            d.profiles.append(prof);
        }
        d.ok = true;
    } catch (const YAML::Exception& e) {
        d.error = QString::fromStdString(e.what());
    }
    return d;
}

Doc loadDoc(const QString& path)
{
    return parseDoc(readBytes(path));
}

#define REQUIRE_DOC(doc)                                                                                     \
    do {                                                                                                     \
        if (!(doc).ok)                                                                                       \
            QFAIL(qPrintable(QStringLiteral("profile file does not parse: ") + (doc).error));                \
    } while (false)

// Every inventory op is in exactly one of quantize and keep of every profile, and each profile quantizes a
// superset of the previous one.
QString structuralProblems(const Doc& d)
{
    const QSet<QString> inventory(d.ops.cbegin(), d.ops.cend());
    if (inventory.size() != d.ops.size())
        return "the inventory lists an op twice";
    QSet<QString> previous;
    for (const Profile& p : d.profiles) {
        const QSet<QString> q(p.quantize.cbegin(), p.quantize.cend());
        if (q.size() != p.quantize.size())
            return p.name + ": an op is listed twice in quantize";
        if (p.keep.size() != p.keepEntries)
            return p.name + ": an op is listed twice in keep";
        for (const QString& op : p.quantize) {
            if (p.keep.contains(op))
                return p.name + ": '" + op + "' is in both quantize and keep";
            if (!inventory.contains(op))
                return p.name + ": quantizes '" + op + "', not in the inventory";
        }
        for (auto it = p.keep.cbegin(); it != p.keep.cend(); ++it) {
            if (!inventory.contains(it.key()))
                return p.name + ": keeps '" + it.key() + "', not in the inventory";
            if (it.value().isEmpty())
                return p.name + ": keeps '" + it.key() + "' without a reason";
        }
        if (q.size() + p.keep.size() != inventory.size())
            return p.name
                + QStringLiteral(": %1 quantized + %2 kept != %3 ops")
                      .arg(q.size())
                      .arg(p.keep.size())
                      .arg(inventory.size());
        if (p.opsQuantized != q.size())
            return p.name
                + QStringLiteral(": stats.ops_quantized %1 != %2 listed").arg(p.opsQuantized).arg(q.size());
        if (!q.contains(previous))
            return p.name + ": does not quantize everything the previous profile does";
        previous = q;
    }
    return {};
}

#define REQUIRE_STRUCTURE(doc)                                                                               \
    do {                                                                                                     \
        const QString problem = structuralProblems(doc);                                                     \
        if (!problem.isEmpty())                                                                              \
            QFAIL(qPrintable(problem));                                                                      \
    } while (false)

// The fused partners of an op: q/k/v of one attention, gate/up of one MLP (the key FusedGroups uses).
QString fusedKey(const QString& op)
{
    static const QRegularExpression qkv(R"(^(.*)\.(q_proj|k_proj|v_proj)$)");
    static const QRegularExpression gateUp(R"(^(.*)\.(gate_proj|up_proj)$)");
    if (const auto m = qkv.match(op); m.hasMatch())
        return m.captured(1) + ".{qkv}";
    if (const auto m = gateUp.match(op); m.hasMatch())
        return m.captured(1) + ".{gate_up}";
    return {};
}

QString splitGroups(const Doc& d)
{
    for (const Profile& p : d.profiles) {
        const QSet<QString> q(p.quantize.cbegin(), p.quantize.cend());
        QHash<QString, bool> status;
        for (const QString& op : d.ops) {
            const QString key = fusedKey(op);
            if (key.isEmpty())
                continue;
            const auto it = status.constFind(key);
            if (it == status.constEnd())
                status.insert(key, q.contains(op));
            else if (*it != q.contains(op))
                return p.name + ": fused group " + key + " is split at '" + op + "'";
        }
    }
    return {};
}

// Runs /usr/bin/python3 over the INC op_name_dict: which names does some key fullmatch, exactly like INC's
// `re.compile(key).fullmatch(str(op_name))` in strategy/utils/tuning_space.py?
bool pythonFullmatch(const QString& jsonPath, const QStringList& names, const QString& dir,
    QStringList& matched, QString& error)
{
    const QString script = dir + "/fullmatch.py";
    writeBytes(script,
        "import json, re, sys\n"
        "cfg = json.load(open(sys.argv[1], encoding='utf-8'))\n"
        "keys = [re.compile(k) for k in cfg['op_name_dict']]\n"
        "names = json.load(open(sys.argv[2], encoding='utf-8'))\n"
        "print(json.dumps(sorted(n for n in names if any(k.fullmatch(n) for k in keys))))\n");
    const QString namesPath = dir + "/names.json";
    writeBytes(namesPath, QJsonDocument(QJsonArray::fromStringList(names)).toJson());
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), { script, jsonPath, namesPath });
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        error = QString::fromUtf8(p.readAllStandardError());
        return false;
    }
    const QJsonArray array = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    matched.clear();
    for (const QJsonValue& v : array)
        matched.append(v.toString());
    return true;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList withModuleVariants(const QStringList& names)
{
    QStringList all = names;
    for (const QString& n : names)
        all.append(n + ".module");
    return all;
}

// Lines of a profile file, and where a profile's block starts ("  - name: B") and ends.
struct Lines
{
    QList<QByteArray> lines;
    explicit Lines(const QByteArray& data) { lines = data.split('\n'); }
    QByteArray join() const { return lines.join('\n'); }
    int profileStart(const QString& name) const
    {
        return int(lines.indexOf(QByteArray("  - name: ") + name.toUtf8()));
    }
    int profileEnd(int start) const
    {
        for (int i = start + 1; i < lines.size(); ++i) {
            if (!lines[i].startsWith("    "))
                return i;
        }
        return int(lines.size());
    }
    // The first line in [from, to) that starts with `prefix`.
    int find(int from, int to, const QByteArray& prefix) const
    {
        for (int i = from; i < to; ++i) {
            if (lines[i].startsWith(prefix))
                return i;
        }
        return -1;
    }
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_exampleProfiles; // the example's default profiles, written once
    bool m_python = false;

    QString tmp(const QString& name) const { return m_dir.filePath(name); }

    // The default profiles of the bundled example (exit 0 is asserted by profilesOnExample()).
    QString exampleProfiles()
    {
        if (m_exampleProfiles.isEmpty()) {
            const QString path = tmp("example.yaml");
            if (runCli(exampleProfilesArgs(path)).code == 0)
                m_exampleProfiles = path;
        }
        return m_exampleProfiles;
    }

    Doc runExample(const QStringList& extra, const QString& name, Run* runOut = nullptr)
    {
        const QString path = tmp(name);
        const Run r = runCli(exampleProfilesArgs(path) + extra);
        if (runOut)
            *runOut = r;
        if (r.code != 0) {
            Doc d;
            d.error = r.describe();
            return d;
        }
        return loadDoc(path);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo(qc::test::cliPath()).isExecutable(), qPrintable(qc::test::cliPath()));
        QVERIFY(QFileInfo::exists(example("ops.csv")));
        m_python = QFileInfo(QStringLiteral("/usr/bin/python3")).isExecutable();
    }

    // ---- 1. usage --------------------------------------------------------------------------------------

    void help()
    {
        for (const QString flag : { "--help", "-h", "help" }) {
            const Run r = runCli({ flag });
            EXPECT_EXIT(r, 0);
            for (const QString command : { "quantcut-cli profiles", "quantcut-cli check",
                     "quantcut-cli export", "quantcut-cli info", "--version" })
                EXPECT_CONTAINS(r.out, command);
            EXPECT_CONTAINS(r.out, "Exit codes:");
            EXPECT_CONTAINS(r.out, "0  success");
            EXPECT_CONTAINS(r.out, "1  check found violations");
            EXPECT_CONTAINS(r.out, "2  bad input or usage");
            QVERIFY(r.err.isEmpty());
        }
    }

    void version()
    {
        const Run r = runCli({ "--version" });
        EXPECT_EXIT(r, 0);
        QVERIFY2(QRegularExpression(R"(^quantcut-cli \d+\.\d+(\.\d+)?\S*\n$)")
                     .match(QString::fromUtf8(r.out))
                     .hasMatch(),
            r.out.constData());
    }

    void noArgumentsIsAUsageError()
    {
        const Run r = runCli({});
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "Usage:");
        QVERIFY(r.out.isEmpty()); // usage goes to stderr when it is an error
    }

    void unknownCommand()
    {
        const Run r = runCli({ "frobnicate" });
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "unknown command 'frobnicate'");
    }

    void unknownOption_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("option");
        QTest::addRow("profiles") << QStringList { "profiles", "--frobnicate", "x" } << "--frobnicate";
        QTest::addRow("profiles --cut") << QStringList { "profiles", "--cut=0.5" } << "--cut";
        QTest::addRow("check") << QStringList { "check", "x.yaml", "--strict" } << "--strict";
        QTest::addRow("export") << QStringList { "export", "x.yaml", "--to", "inc2", "--fp16" } << "--fp16";
        QTest::addRow("info") << QStringList { "info", "--verbose", "x" } << "--verbose";
    }

    void unknownOption()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, option);
        const Run r = runCli(args);
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "unknown option " + option);
    }

    void helpAfterACommand()
    {
        // `quantcut-cli profiles --help` is how most users ask; it should print the usage, not fail.
        const Run r = runCli({ "profiles", "--help" });
        EXPECT_EXIT(r, 0);
        EXPECT_CONTAINS(r.out, "quantcut-cli profiles");
    }

    void missingOutputIsAUsageError()
    {
        const Run r = runCli(
            { "profiles", "--inventory", example("ops.csv"), "--metric", example("inc_hawq_v2.log") });
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "missing -o FILE");
    }

    // ---- 2. profiles on the bundled example ------------------------------------------------------------

    void profilesOnExample()
    {
        const QString path = tmp("profiles-example.yaml");
        const Run r = runCli(exampleProfilesArgs(path));
        EXPECT_EXIT(r, 0);
        QVERIFY(r.out.isEmpty()); // messages go to stderr
        EXPECT_CONTAINS(r.err, "profile A (minimal, cut 0.25)");
        const Doc d = loadDoc(path);
        REQUIRE_DOC(d);
        QCOMPARE(d.root["quantcut_profiles"].as<int>(), 1);
        QCOMPARE(d.ops.size(), 555);
        QCOMPARE(d.ops.first(), "model.visual.patch_embed.proj"); // ops.csv order
        QCOMPARE(d.ops.last(), "lm_head");

        QCOMPARE(d.profiles.size(), 4);
        const QStringList names { "A", "B", "C", "D" };
        const QStringList labels { "minimal", "moderate", "aggressive", "max" };
        const QList<double> cuts { 0.25, 0.5, 0.8, 0.95 };
        for (int p = 0; p < 4; ++p) {
            QCOMPARE(d.profiles[p].name, names[p]);
            QCOMPARE(d.profiles[p].label, labels[p]);
            QCOMPARE(d.profiles[p].cut, cuts[p]);
        }
        REQUIRE_STRUCTURE(d);
        for (int p = 1; p < 4; ++p)
            QVERIFY(d.profiles[p].opsQuantized > d.profiles[p - 1].opsQuantized);
        QCOMPARE(QString(splitGroups(d)), QString());

        // Pinned ops are kept by a named rule in every profile.
        QStringList pinned { "lm_head", "model.language_model.embed_tokens",
            "model.visual.patch_embed.proj" };
        int norms = 0;
        for (const QString& op : d.ops) {
            if (d.opType.value(op) == "RMSNorm") {
                pinned.append(op);
                ++norms;
            }
        }
        QCOMPARE(norms, 138);
        for (const Profile& p : d.profiles) {
            for (const QString& op : pinned) {
                QVERIFY2(p.keep.contains(op), qPrintable(p.name + " does not keep " + op));
                QVERIFY2(p.keep.value(op).startsWith("rule:"),
                    qPrintable(p.name + " " + op + ": " + p.keep.value(op)));
            }
            QCOMPARE(p.keep.value("lm_head"), "rule:lm-head");
        }
        // Every GEMM is ranked: nothing is kept as "unranked".
        for (const Profile& p : d.profiles) {
            for (auto it = p.keep.cbegin(); it != p.keep.cend(); ++it)
                QVERIFY2(it.value() != "unranked", qPrintable(it.key()));
        }

        // The sources state polarity and account for every name.
        QCOMPARE(d.sources.size(), 2);
        const Source* mse = d.source("mse_v2");
        const Source* hawq = d.source("hawq_v2");
        QVERIFY(mse && hawq);
        QCOMPARE(mse->polarity, "lower-is-more-sensitive");
        QCOMPARE(hawq->polarity, "higher-is-more-sensitive");
        QCOMPARE(mse->format, "inc-log");
        QCOMPARE(hawq->format, "inc-log");
        QVERIFY(!mse->flipped && !hawq->flipped);
        for (const Source* s : { mse, hawq }) {
            QCOMPARE(s->entries, 416);
            QCOMPARE(s->matched, 416);
            QCOMPARE(s->unmatched, QStringList());
            QCOMPARE(s->ambiguous, QStringList());
        }
        QCOMPARE(d.method, "mean-rank");
        EXPECT_CONTAINS(r.err,
            "source mse_v2 (inc-log, lower-is-more-sensitive): 416 names, 416 matched, 0 "
            "unmatched, 0 ambiguous");
    }

    void profilesAreDeterministic()
    {
        const QString first = tmp("det-1.yaml");
        const QString second = tmp("det-2.yaml");
        EXPECT_EXIT(runCli(exampleProfilesArgs(first)), 0);
        EXPECT_EXIT(runCli(exampleProfilesArgs(second)), 0);
        const QByteArray a = readBytes(first);
        QVERIFY(a.size() > 10000);
        QCOMPARE(readBytes(second), a);
        // The output path is not part of the content.
        QVERIFY(!a.contains("det-1"));
    }

    void checkOnFreshProfilesIsClean()
    {
        const QString path = exampleProfiles();
        QVERIFY(!path.isEmpty());
        const Run r = runCli({ "check", path });
        EXPECT_EXIT(r, 0);
        QVERIFY2(!r.out.contains("error "), r.out.constData());
        EXPECT_CONTAINS(r.err, ": 555 ops, 4 profiles, 0 errors");
        QVERIFY2(!r.err.contains("edited by hand"), r.err.constData());
    }

    void loadAndSaveGivesTheSameFile()
    {
        // The command line has no command that re-saves a profile file, so this is done in process with the
        // same library the binary links: ProfileDocument::load + toYaml must reproduce the CLI's bytes.
        const QString path = exampleProfiles();
        QVERIFY(!path.isEmpty());
        const QByteArray original = readBytes(path);
        const qc::ProfileDocument::Loaded loaded = qc::ProfileDocument::load(path);
        const QByteArray again
            = qc::ProfileDocument::toYaml(loaded.project, qc::Checker::check(loaded.project));
        if (again != original) {
            const QList<QByteArray> a = original.split('\n');
            const QList<QByteArray> b = again.split('\n');
            for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i) {
                if (a[i] != b[i])
                    QFAIL(qPrintable(QStringLiteral("line %1 differs:\n  cli:   %2\n  saved: %3")
                                         .arg(i + 1)
                                         .arg(QString::fromUtf8(a[i]), QString::fromUtf8(b[i]))));
            }
            QFAIL("the re-saved file differs in length");
        }
    }

    // ---- 3. options --------------------------------------------------------------------------------------

    void cutsNamed()
    {
        const Doc d = runExample({ "--cuts", "A=0.1,B=0.9" }, "cuts-named.yaml");
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        QCOMPARE(d.profiles.size(), 2);
        QCOMPARE(d.profiles[0].name, "A");
        QCOMPARE(d.profiles[0].cut, 0.1);
        QCOMPARE(d.profiles[1].name, "B");
        QCOMPARE(d.profiles[1].cut, 0.9);
        QVERIFY(d.profiles[0].opsQuantized > 0);
        QVERIFY(d.profiles[1].opsQuantized > d.profiles[0].opsQuantized);
    }

    void cutsCustomNames()
    {
        const Doc d = runExample({ "--cuts", "safe=0.2,fast=0.7,all=1" }, "cuts-custom.yaml");
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        QCOMPARE(d.profiles.size(), 3);
        QCOMPARE(d.profiles[0].name, "safe");
        QCOMPARE(d.profiles[2].name, "all");
        // A cut of 1 quantizes every eligible op: the only ops kept are the pinned ones.
        for (auto it = d.profiles[2].keep.cbegin(); it != d.profiles[2].keep.cend(); ++it)
            QVERIFY2(it.value().startsWith("rule:"), qPrintable(it.key() + ": " + it.value()));
    }

    void cutsPlain()
    {
        const Doc d = runExample({ "--cuts", "0.3,0.6" }, "cuts-plain.yaml");
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        QCOMPARE(d.profiles.size(), 2);
        QCOMPARE(d.profiles[0].name, "A");
        QCOMPARE(d.profiles[0].label, "minimal");
        QCOMPARE(d.profiles[0].cut, 0.3);
        QCOMPARE(d.profiles[1].name, "B");
        QCOMPARE(d.profiles[1].label, "moderate");
        QCOMPARE(d.profiles[1].cut, 0.6);
    }

    void cutByParams()
    {
        const Doc d = runExample({ "--cut-by", "params" }, "cut-params.yaml");
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        QCOMPARE(str(d.root["cut_by"]), "params");
        QCOMPARE(d.profiles.size(), 4);
        for (int p = 0; p < 4; ++p) {
            // Fractions of the eligible parameters, which are fewer than all parameters.
            QVERIFY2(d.profiles[p].paramsFraction <= d.profiles[p].cut + 1e-9,
                qPrintable(QStringLiteral("%1: %2 > %3")
                               .arg(d.profiles[p].name)
                               .arg(d.profiles[p].paramsFraction)
                               .arg(d.profiles[p].cut)));
            if (p > 0)
                QVERIFY(d.profiles[p].paramsQuantized > d.profiles[p - 1].paramsQuantized);
        }
        QCOMPARE(QString(splitGroups(d)), QString());
    }

    void cutByCount()
    {
        const Doc d = runExample({ "--cut-by", "count", "--cuts", "10,20" }, "cut-count.yaml");
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        QCOMPARE(str(d.root["cut_by"]), "count");
        QCOMPARE(d.profiles.size(), 2);
        // A fused unit (up to 3 ops: q/k/v) moves as one: the count is reached without exceeding it.
        QVERIFY2(d.profiles[0].opsQuantized <= 10 && d.profiles[0].opsQuantized >= 8,
            qPrintable(QString::number(d.profiles[0].opsQuantized)));
        QVERIFY2(d.profiles[1].opsQuantized <= 20 && d.profiles[1].opsQuantized >= 18,
            qPrintable(QString::number(d.profiles[1].opsQuantized)));
        QCOMPARE(QString(splitGroups(d)), QString());
    }

    void cutByCountNeedsCuts()
    {
        const Run r
            = runCli(exampleProfilesArgs(tmp("count-nocuts.yaml")) + QStringList { "--cut-by", "count" });
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "--cut-by count needs --cuts");
        QVERIFY(!QFileInfo::exists(tmp("count-nocuts.yaml")));
    }

    void cutByScore()
    {
        const Doc d = runExample({ "--cut-by", "score" }, "cut-score.yaml");
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        QCOMPARE(str(d.root["cut_by"]), "score");
        QCOMPARE(d.profiles.size(), 4);
        for (int p = 1; p < 4; ++p)
            QVERIFY(d.profiles[p].opsQuantized >= d.profiles[p - 1].opsQuantized);
        QVERIFY(d.profiles[3].opsQuantized > 0);
    }

    void combineMethods_data()
    {
        QTest::addColumn<QString>("combine");
        QTest::addColumn<QString>("method");
        QTest::addRow("mean-rank") << "mean-rank"
                                   << "mean-rank";
        QTest::addRow("max-rank") << "max-rank"
                                  << "max-rank";
        QTest::addRow("single") << "hawq_v2"
                                << "hawq_v2";
        QTest::addRow("weighted") << "weighted:mse_v2=2,hawq_v2=1"
                                  << "weighted:mse_v2=2,hawq_v2=1";
    }

    void combineMethods()
    {
        QFETCH(QString, combine);
        QFETCH(QString, method);
        const Doc d
            = runExample({ "--combine", combine }, "combine-" + QString(QTest::currentDataTag()) + ".yaml");
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        QCOMPARE(d.method, method);
        QCOMPARE(QString(splitGroups(d)), QString());
    }

    void combineMethodsDiffer()
    {
        const Doc mean = runExample({}, "cmp-mean.yaml");
        const Doc max = runExample({ "--combine", "max-rank" }, "cmp-max.yaml");
        const Doc hawq = runExample({ "--combine", "hawq_v2" }, "cmp-hawq.yaml");
        REQUIRE_DOC(mean);
        REQUIRE_DOC(max);
        REQUIRE_DOC(hawq);
        QVERIFY(mean.profiles[1].quantize != hawq.profiles[1].quantize);
        QVERIFY(mean.profiles[1].quantize != max.profiles[1].quantize);
    }

    void combineSingleMetricFollowsItsOrder()
    {
        // With hawq_v2 alone, profile B quantizes the least sensitive units (lowest trace); a fused unit is
        // scored by its most sensitive member. No quantized unit may be more sensitive than a unit kept by
        // the cut.
        const Doc d = runExample({ "--combine", "hawq_v2" }, "single-hawq.yaml");
        REQUIRE_DOC(d);
        const Source* hawq = d.source("hawq_v2");
        QVERIFY(hawq);
        QHash<QString, double> unitScore;
        auto unitOf = [](const QString& op) {
            const QString key = fusedKey(op);
            return key.isEmpty() ? op : key;
        };
        for (auto it = hawq->scores.cbegin(); it != hawq->scores.cend(); ++it) {
            const QString u = unitOf(it.key());
            unitScore[u] = std::max(unitScore.value(u, -1e300), it.value());
        }
        const Profile& b = d.profiles[1];
        double maxQuantized = -1e300;
        double minCut = 1e300;
        for (const QString& op : b.quantize)
            maxQuantized = std::max(maxQuantized, unitScore.value(unitOf(op)));
        for (auto it = b.keep.cbegin(); it != b.keep.cend(); ++it) {
            if (it.value() == "cut")
                minCut = std::min(minCut, unitScore.value(unitOf(it.key())));
        }
        QVERIFY(b.opsQuantized > 0);
        QVERIFY2(maxQuantized <= minCut, qPrintable(QStringLiteral("%1 > %2").arg(maxQuantized).arg(minCut)));
    }

    void flip()
    {
        const Doc d = runExample({ "--flip", "mse_v2" }, "flip.yaml");
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        const Source* mse = d.source("mse_v2");
        const Source* hawq = d.source("hawq_v2");
        QVERIFY(mse && hawq);
        QCOMPARE(mse->polarity, "higher-is-more-sensitive");
        QVERIFY(mse->flipped);
        QCOMPARE(hawq->polarity, "higher-is-more-sensitive");
        QVERIFY(!hawq->flipped);
        // The flip changes the ranking.
        const Doc plain = runExample({}, "flip-plain.yaml");
        REQUIRE_DOC(plain);
        QVERIFY(plain.profiles[0].quantize != d.profiles[0].quantize);
        // The flipped file is still clean.
        EXPECT_EXIT(runCli({ "check", tmp("flip.yaml") }), 0);
    }

    void flipUnknownMetric()
    {
        const Run r = runCli(exampleProfilesArgs(tmp("flip-bad.yaml")) + QStringList { "--flip", "nosuch" });
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "'nosuch'");
        QVERIFY(!QFileInfo::exists(tmp("flip-bad.yaml")));
    }

    void presetLmOnly()
    {
        const Doc d = runExample({ "--preset", "lm-only" }, "lm-only.yaml");
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        int visual = 0;
        for (const Profile& p : d.profiles) {
            QVERIFY(p.opsQuantized > 0);
            for (const QString& op : p.quantize)
                QVERIFY2(!op.startsWith("model.visual."), qPrintable(p.name + " quantizes " + op));
            for (auto it = p.keep.cbegin(); it != p.keep.cend(); ++it) {
                if (!it.key().startsWith("model.visual."))
                    continue;
                ++visual;
                QVERIFY2(it.value().startsWith("rule:"), qPrintable(it.key() + ": " + it.value()));
            }
        }
        int visualOps = 0;
        for (const QString& op : d.ops)
            visualOps += op.startsWith("model.visual.") ? 1 : 0;
        QCOMPARE(visualOps, 228); // patch_embed, 32 blocks x 7, the merger's norm and two Linears
        QCOMPARE(visual, 4 * visualOps);
        // The merger (model.visual.merger.*) is part of the kept tower.
        QCOMPARE(d.profiles[3].keep.value("model.visual.merger.mlp.0"), "rule:lm-only");
    }

    void unknownPreset()
    {
        const Run r
            = runCli(exampleProfilesArgs(tmp("preset-bad.yaml")) + QStringList { "--preset", "vision" });
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "unknown preset 'vision'");
    }

    void noDefaultRules()
    {
        const Doc d = runExample({ "--no-default-rules" }, "no-rules.yaml");
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        QVERIFY(d.root["rules"].IsSequence() && d.root["rules"].size() == 0);
        for (const Profile& p : d.profiles) {
            for (auto it = p.keep.cbegin(); it != p.keep.cend(); ++it)
                QVERIFY2(!it.value().startsWith("rule:"), qPrintable(it.key() + ": " + it.value()));
        }
        // lm_head is ranked now: quantized in D or kept only by the cut.
        const Profile* dProfile = d.profile("D");
        QVERIFY(dProfile);
        QVERIFY2(dProfile->quantize.contains("lm_head") || dProfile->keep.value("lm_head") == "cut",
            qPrintable(dProfile->keep.value("lm_head")));
        // The norms and embed_tokens have no score: kept as unranked, not quantized.
        QCOMPARE(dProfile->keep.value("model.language_model.norm"), "unranked");
        QCOMPARE(dProfile->keep.value("model.language_model.embed_tokens"), "unranked");
    }

    void rulesFile()
    {
        const Doc d = runExample({ "--rules", fixture("keep_o_proj.rules.yaml") }, "rules-file.yaml");
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        int oProj = 0;
        for (const Profile& p : d.profiles) {
            for (const QString& op : p.quantize)
                QVERIFY2(!op.endsWith(".o_proj"), qPrintable(p.name + " quantizes " + op));
            for (const QString& op : d.ops) {
                if (!op.endsWith(".o_proj"))
                    continue;
                ++oProj;
                QCOMPARE(p.keep.value(op), "rule:keep-o-proj");
            }
            // The default rules still hold.
            QCOMPARE(p.keep.value("lm_head"), "rule:lm-head");
        }
        QCOMPARE(oProj, 4 * 36);
        // The file records the user rule after the defaults.
        const YAML::Node rules = d.root["rules"];
        QVERIFY(rules.IsSequence() && rules.size() >= 2);
        QCOMPARE(str(rules[rules.size() - 1]["name"]), "keep-o-proj");
        QCOMPARE(str(rules[rules.size() - 1]["match"]["name"]), "*.o_proj");
        EXPECT_EXIT(runCli({ "check", tmp("rules-file.yaml") }), 0);
    }

    void overrideAgainstARuleIsAViolation()
    {
        Run r;
        const Doc d = runExample({ "--override", "lm_head=int8:try" }, "override.yaml", &r);
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        EXPECT_CONTAINS(r.err, "1 errors");
        for (const Profile& p : d.profiles)
            QVERIFY2(p.quantize.contains("lm_head"), qPrintable(p.name));
        const YAML::Node overrides = d.root["overrides"];
        QVERIFY(overrides.IsSequence() && overrides.size() == 1);
        QCOMPARE(str(overrides[0]["op"]), "lm_head");
        QCOMPARE(str(overrides[0]["action"]), "int8");
        QCOMPARE(str(overrides[0]["note"]), "try");
        // The file itself lists the violation ...
        bool listed = false;
        for (const YAML::Node& v : d.root["violations"])
            listed = listed || (str(v["kind"]) == "rule-violation" && str(v["op"]) == "lm_head");
        QVERIFY(listed);
        // ... and check reports it with exit 1.
        const Run check = runCli({ "check", tmp("override.yaml") });
        EXPECT_EXIT(check, 1);
        bool found = false;
        for (const QByteArray& line : check.out.split('\n'))
            found = found || (line.startsWith("error rule-violation") && line.contains("'lm_head'"));
        QVERIFY2(found, check.out.constData());
    }

    void overrideKeep()
    {
        const QString op = "model.language_model.layers.20.mlp.down_proj";
        const Doc d
            = runExample({ "--override", op + "=keep:measured bad", "--cuts", "1" }, "override-keep.yaml");
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        QCOMPARE(d.profiles[0].keep.value(op), "override:measured bad");
        EXPECT_EXIT(runCli({ "check", tmp("override-keep.yaml") }), 0);
    }

    void badOverride()
    {
        const Run r = runCli(
            exampleProfilesArgs(tmp("override-bad.yaml")) + QStringList { "--override", "lm_head=fp8" });
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "--override expects OP=keep|int8[:NOTE], got 'lm_head=fp8'");
    }

    void formatForced()
    {
        const Doc d
            = runExample({ "--format", "hawq_v2=inc-log", "--format", "mse_v2=inc-log" }, "format.yaml");
        REQUIRE_DOC(d);
        QCOMPARE(d.source("hawq_v2")->format, "inc-log");
        QCOMPARE(d.source("mse_v2")->format, "inc-log");
        QCOMPARE(d.source("hawq_v2")->matched, 416);
        // Forcing CSV on the tiny scores, which are CSV anyway, works with an id-less metric too.
        const QString out = tmp("format-csv.yaml");
        const Run r = runCli({ "profiles", "--inventory", fixture("tiny_ops.csv"), "--metric",
            "s=" + fixture("tiny_scores.csv"), "--format", "s=csv", "-o", out });
        EXPECT_EXIT(r, 0);
        const Doc tiny = loadDoc(out);
        REQUIRE_DOC(tiny);
        QCOMPARE(tiny.source("s")->format, "csv");
    }

    void formatWrongForTheFile()
    {
        // A HAWQ log read as ModelOpt JSON is bad input, not an empty ranking.
        const QString out = tmp("format-wrong.yaml");
        const Run r = runCli({ "profiles", "--inventory", example("ops.csv"), "--metric",
            "h=" + example("inc_hawq_v2.log"), "--format", "h=modelopt-autoquant", "-o", out });
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "inc_hawq_v2.log");
        QVERIFY(!QFileInfo::exists(out));
    }

    void formatNamesNoMetric()
    {
        const Run r
            = runCli(exampleProfilesArgs(tmp("format-noid.yaml")) + QStringList { "--format", "x=csv" });
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "'x'");
    }

    void stdinAndStdout()
    {
        const QByteArray csv = readBytes(fixture("tiny_scores.csv"));
        QVERIFY(!csv.isEmpty());
        const Run r
            = runCli({ "profiles", "--inventory", fixture("tiny_ops.csv"), "--metric", "-", "-o", "-" }, csv);
        EXPECT_EXIT(r, 0);
        const Doc d = parseDoc(r.out);
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        QCOMPARE(d.ops.size(), 21);
        QCOMPARE(d.sources.size(), 1);
        QCOMPARE(d.sources[0].entries, 15);
        QCOMPARE(d.sources[0].matched, 15);
        QCOMPARE(d.sources[0].polarity, "higher-is-more-sensitive");
        QCOMPARE(d.sources[0].scores.value("model.layers.1.mlp.gate_proj"), 0.05);
        // Nothing but the file on stdout; the summary went to stderr.
        QVERIFY(r.out.startsWith("# QuantCut profile file"));
        EXPECT_CONTAINS(r.err, "profile D (max, cut 0.95)");
        // The same profiles as when the scores come from a file.
        const QString out = tmp("tiny-file.yaml");
        EXPECT_EXIT(runCli({ "profiles", "--inventory", fixture("tiny_ops.csv"), "--metric",
                        fixture("tiny_scores.csv"), "-o", out }),
            0);
        const Doc fromFile = loadDoc(out);
        REQUIRE_DOC(fromFile);
        for (int p = 0; p < 4; ++p) {
            QCOMPARE(d.profiles[p].quantize, fromFile.profiles[p].quantize);
            QCOMPARE(d.profiles[p].keep, fromFile.profiles[p].keep);
        }
        // The least sensitive unit of the tiny model is layer 1's gate/up (0.05, 0.08): A quantizes it.
        QCOMPARE(d.profiles[0].quantize,
            QStringList({ "model.layers.1.mlp.gate_proj", "model.layers.1.mlp.up_proj" }));
    }

    void stdinWithId()
    {
        const QByteArray csv = readBytes(fixture("tiny_scores.csv"));
        const QString out = tmp("stdin-id.yaml");
        const Run r = runCli(
            { "profiles", "--inventory", fixture("tiny_ops.csv"), "--metric", "mine=-", "-o", out }, csv);
        EXPECT_EXIT(r, 0);
        const Doc d = loadDoc(out);
        REQUIRE_DOC(d);
        QVERIFY(d.source("mine"));
        QCOMPARE(d.source("mine")->matched, 15);
    }

    void noInventoryUsesRankedNames()
    {
        const QString out = tmp("no-inventory.yaml");
        const Run r = runCli({ "profiles", "--metric", "hawq_v2=" + example("inc_hawq_v2.log"), "-o", out });
        EXPECT_EXIT(r, 0);
        const Doc d = loadDoc(out);
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        QCOMPARE(d.ops.size(), 416);
        QVERIFY(d.root["inventory"]["from_rankings"].as<bool>());
        QCOMPARE(d.profiles[0].keep.value("lm_head"), "rule:lm-head");
        QCOMPARE(d.profiles[0].keep.value("model.visual.patch_embed.proj"), "rule:embeddings");
    }

    void variantsCheckAndRoundTrip_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("checkCode");
        QTest::addRow("default") << QStringList {} << 0;
        QTest::addRow("cut-by count") << QStringList { "--cut-by", "count", "--cuts", "10,20,300" } << 0;
        QTest::addRow("cut-by params") << QStringList { "--cut-by", "params" } << 0;
        QTest::addRow("cut-by score") << QStringList { "--cut-by", "score" } << 0;
        QTest::addRow("weighted") << QStringList { "--combine", "weighted:mse_v2=2,hawq_v2=1" } << 0;
        QTest::addRow("max-rank") << QStringList { "--combine", "max-rank" } << 0;
        QTest::addRow("flip") << QStringList { "--flip", "hawq_v2" } << 0;
        QTest::addRow("lm-only") << QStringList { "--preset", "lm-only" } << 0;
        QTest::addRow("no default rules") << QStringList { "--no-default-rules" } << 0;
        QTest::addRow("no fuse") << QStringList { "--no-fuse" } << 0;
        QTest::addRow("rules file") << QStringList { "--rules", fixture("keep_o_proj.rules.yaml") } << 0;
        QTest::addRow("override keep")
            << QStringList { "--override", "model.visual.merger.mlp.2=keep:note" } << 0;
        QTest::addRow("override against rule") << QStringList { "--override", "lm_head=int8:try" } << 1;
        QTest::addRow("empty profile") << QStringList { "--cuts", "0,0.5" } << 1;
        QTest::addRow("cuts out of order") << QStringList { "--cuts", "0.8,0.3" } << 1;
        QTest::addRow("eight profiles") << QStringList { "--cuts", "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8" } << 0;
    }

    void variantsCheckAndRoundTrip()
    {
        // Every variant writes a file that check accepts (or flags with exit 1 when it has errors), and that
        // the library loads and saves to the same bytes.
        QFETCH(QStringList, extra);
        QFETCH(int, checkCode);
        const QString tag = QString(QTest::currentDataTag()).replace(' ', '-');
        const QString path = tmp("variant-" + tag + ".yaml");
        const Run r = runCli(exampleProfilesArgs(path) + extra);
        EXPECT_EXIT(r, 0);
        const Doc d = loadDoc(path);
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        const bool fused = !extra.contains("--no-fuse");
        if (fused)
            QCOMPARE(QString(splitGroups(d)), QString());
        EXPECT_CONTAINS(r.err, QStringLiteral("%1 errors").arg(checkCode == 0 ? 0 : 1));
        const Run check = runCli({ "check", path });
        EXPECT_EXIT(check, checkCode);
        QVERIFY2(!check.err.contains("edited by hand"), check.err.constData());
        if (checkCode == 1) {
            const QStringList expected { "error rule-violation", "error empty-profile [A]",
                "error cuts-out-of-order [B]" };
            bool found = false;
            for (const QString& e : expected)
                found = found || check.out.startsWith(e.toUtf8())
                    || check.out.contains(QByteArray("\n" + e.toUtf8()));
            QVERIFY2(found, check.out.constData());
        }
        const QByteArray original = readBytes(path);
        const qc::Project reloaded = qc::ProfileDocument::load(path).project;
        const QByteArray again = qc::ProfileDocument::toYaml(reloaded, qc::Checker::check(reloaded));
        QVERIFY2(again == original, "load + save changes the file");
    }

    void checkWithWarningsOnlyExitsZero()
    {
        QByteArray csv = readBytes(fixture("tiny_scores.csv"));
        csv += "model.layers.7.mlp.down_proj,0.3\n";
        const QString out = tmp("warnings.yaml");
        const Run r = runCli(
            { "profiles", "--inventory", fixture("tiny_ops.csv"), "--metric", "s=-", "-o", out }, csv);
        EXPECT_EXIT(r, 0);
        EXPECT_CONTAINS(r.err, "15 matched, 1 unmatched");
        const Doc d = loadDoc(out);
        REQUIRE_DOC(d);
        QCOMPARE(d.source("s")->unmatched, QStringList { "model.layers.7.mlp.down_proj" });
        const Run check = runCli({ "check", out });
        EXPECT_EXIT(check, 0);
        EXPECT_CONTAINS(
            check.out, "warning unmatched-name: source 's': 'model.layers.7.mlp.down_proj' matches no op");
        EXPECT_CONTAINS(check.err, "0 errors, 1 warnings");
    }

    // ---- 4. check ---
    // ------------------------------------------------------------------------------------------

    void checkHandEdits_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("expected"); // the start of a line check prints
        QTest::addColumn<QString>("op");
        QTest::addRow("missing op") << "missing"
                                    << "error missing-op [B]"
                                    << "lm_head";
        QTest::addRow("lm_head quantized") << "rule"
                                           << "error rule-violation [D]"
                                           << "lm_head";
        QTest::addRow("not nested") << "nesting"
                                    << "error not-nested [B]"
                                    << "";
        QTest::addRow("listed twice") << "duplicate"
                                      << "error duplicate-op [C]"
                                      << "lm_head";
        QTest::addRow("unknown op") << "unknown"
                                    << "error unknown-op [A]"
                                    << "model.visual.blocks.99.attn.qkv";
        QTest::addRow("split group") << "split"
                                     << "error split-fused-group [D]"
                                     << "";
    }

    void checkHandEdits()
    {
        QFETCH(QString, edit);
        QFETCH(QString, expected);
        QFETCH(QString, op);
        const QString source = exampleProfiles();
        QVERIFY(!source.isEmpty());
        Lines f(readBytes(source));
        const QByteArray lmHeadKeep = "    - {op: lm_head, reason: ";
        if (edit == "missing") {
            // Delete lm_head from B's keep list.
            const int b = f.profileStart("B");
            QVERIFY(b > 0);
            const int line = f.find(b, f.profileEnd(b), lmHeadKeep);
            QVERIFY(line > 0);
            f.lines.removeAt(line);
        } else if (edit == "rule") {
            // Move lm_head from D's keep list to its quantize list.
            const int dStart = f.profileStart("D");
            const int line = f.find(dStart, f.profileEnd(dStart), lmHeadKeep);
            QVERIFY(line > 0);
            f.lines.removeAt(line);
            const int quantize = f.find(dStart, f.profileEnd(dStart), "    quantize:");
            QVERIFY(quantize > 0);
            f.lines.insert(quantize + 1, "    - lm_head");
        } else if (edit == "nesting") {
            // B keeps an op A quantizes: take A's first quantized op that is in no fused group.
            const Doc d = loadDoc(source);
            QString moved;
            for (const QString& q : d.profiles[0].quantize) {
                if (fusedKey(q).isEmpty()) {
                    moved = q;
                    break;
                }
            }
            QVERIFY(!moved.isEmpty());
            op = moved;
            const int b = f.profileStart("B");
            const int line = f.lines.indexOf("    - " + moved.toUtf8(), b);
            QVERIFY(line > b && line < f.profileEnd(b));
            f.lines[line] = "    - {op: " + moved.toUtf8() + ", reason: cut}";
            // Move the line from the quantize list into the keep list (order within keep does not matter).
            const QByteArray entry = f.lines.takeAt(line);
            const int keep = f.find(b, f.profileEnd(b), "    keep:");
            QVERIFY(keep > 0);
            f.lines.insert(keep + 1, entry);
        } else if (edit == "duplicate") {
            const int c = f.profileStart("C");
            const int quantize = f.find(c, f.profileEnd(c), "    quantize:");
            QVERIFY(quantize > 0);
            f.lines.insert(quantize + 1, "    - lm_head");
        } else if (edit == "unknown") {
            const int a = f.profileStart("A");
            const int quantize = f.find(a, f.profileEnd(a), "    quantize:");
            QVERIFY(quantize > 0);
            f.lines.insert(quantize + 1, "    - " + op.toUtf8());
        } else if (edit == "split") {
            // D quantizes layer 5's q/k/v (or keeps them); flip only k_proj.
            const int dStart = f.profileStart("D");
            const QByteArray k = "model.language_model.layers.5.self_attn.k_proj";
            const int inQuantize = f.lines.indexOf("    - " + k, dStart);
            QVERIFY2(inQuantize > dStart && inQuantize < f.profileEnd(dStart),
                "D does not quantize layer 5 k_proj");
            f.lines.removeAt(inQuantize);
            const int keep = f.find(dStart, f.profileEnd(dStart), "    keep:");
            f.lines.insert(keep + 1, "    - {op: " + k + ", reason: hand}");
        }
        const QString edited = tmp("edited-" + edit + ".yaml");
        writeBytes(edited, f.join());
        const Run r = runCli({ "check", edited });
        EXPECT_EXIT(r, 1);
        bool found = false;
        for (const QByteArray& line : r.out.split('\n')) {
            if (line.startsWith(expected.toUtf8())
                && (op.isEmpty() || line.contains(QByteArray("'" + op.toUtf8() + "'"))))
                found = true;
        }
        QVERIFY2(found,
            qPrintable(QStringLiteral("no line \"%1 ... '%2'\" in:\n%3")
                           .arg(expected, op, QString::fromUtf8(r.out))));
        EXPECT_CONTAINS(r.err, "edited-" + edit + ".yaml: 555 ops, 4 profiles");
        QVERIFY2(!r.err.contains(" 0 errors"), r.err.constData());
    }

    void checkAgainstASmallerInventory()
    {
        const QString source = exampleProfiles();
        QVERIFY(!source.isEmpty());
        // The example inventory without lm_head and one down_proj.
        QList<QByteArray> rows = readBytes(example("ops.csv")).split('\n');
        const qsizetype before = rows.size();
        rows.removeIf([](const QByteArray& row) {
            return row.startsWith("lm_head,")
                || row.startsWith("model.language_model.layers.7.mlp.down_proj,");
        });
        QCOMPARE(rows.size(), before - 2);
        const QString inventory = tmp("ops-smaller.csv");
        writeBytes(inventory, rows.join('\n'));
        const Run r = runCli({ "check", source, "--inventory", inventory });
        EXPECT_EXIT(r, 1);
        for (const QString profile : { "A", "B", "C", "D" }) {
            EXPECT_CONTAINS(r.out,
                "error unknown-op [" + profile + "]: profile " + profile
                    + " lists 'lm_head', which is not in the inventory");
            EXPECT_CONTAINS(r.out,
                "error unknown-op [" + profile + "]: profile " + profile
                    + " lists 'model.language_model.layers.7.mlp.down_proj'");
        }
        EXPECT_CONTAINS(r.err, ": 553 ops, 4 profiles");
    }

    void checkAgainstTheSameInventoryIsClean()
    {
        const QString source = exampleProfiles();
        QVERIFY(!source.isEmpty());
        const Run r = runCli({ "check", source, "--inventory", example("ops.csv") });
        EXPECT_EXIT(r, 0);
    }

    void checkMalformedYaml()
    {
        const QString file = fixture("bad/malformed_profiles.yaml");
        const Run r = runCli({ "check", file });
        EXPECT_EXIT(r, 2);
        // The unclosed flow sequence opens on line 5.
        const QRegularExpression where(R"(malformed_profiles\.yaml:(\d+): invalid YAML)");
        const QRegularExpressionMatch m = where.match(QString::fromUtf8(r.err));
        QVERIFY2(m.hasMatch(), r.err.constData());
        const int line = m.captured(1).toInt();
        QVERIFY2(line >= 5 && line <= 7, r.err.constData());
        QCOMPARE(r.err.trimmed().count('\n'), 0); // one message
    }

    void checkNotAProfileFile()
    {
        const Run r = runCli({ "check", fixture("keep_o_proj.rules.yaml") });
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "keep_o_proj.rules.yaml:1: not a QuantCut profile file");
    }

    void checkMissingFile()
    {
        const Run r = runCli({ "check", tmp("nope.yaml") });
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "nope.yaml: cannot open");
    }

    void checkFromStdin()
    {
        const QString source = exampleProfiles();
        QVERIFY(!source.isEmpty());
        const Run r = runCli({ "check", "-" }, readBytes(source));
        EXPECT_EXIT(r, 0);
    }

    // ---- 5. export --to inc2
    // -------------------------------------------------------------------------------

    void exportInc2_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addRow("A") << "A";
        QTest::addRow("C") << "C";
        QTest::addRow("default is the last") << "";
    }

    void exportInc2()
    {
        QFETCH(QString, profile);
        const QString source = exampleProfiles();
        QVERIFY(!source.isEmpty());
        const Doc d = loadDoc(source);
        REQUIRE_DOC(d);
        const QString json = tmp("inc2-" + (profile.isEmpty() ? QString("default") : profile) + ".json");
        QStringList args { "export", source, "--to", "inc2", "-o", json };
        if (!profile.isEmpty())
            args << "--profile" << profile;
        const Run r = runCli(args);
        EXPECT_EXIT(r, 0);
        const QString expectedName = profile.isEmpty() ? QString("D") : profile;
        const Profile* p = d.profile(expectedName);
        QVERIFY(p);
        EXPECT_CONTAINS(r.err, "exported profile " + expectedName);

        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(readBytes(json), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value("profile").toObject().value("name").toString(), expectedName);
        QCOMPARE(root.value("profile").toObject().value("ops_int8").toInt(), p->opsQuantized);
        QCOMPARE(root.value("profile").toObject().value("ops_fp32").toInt(), p->keep.size());
        QCOMPARE(root.value("excluded_precisions").toArray(), QJsonArray({ "bf16", "fp16" }));
        const QJsonObject dict = root.value("op_name_dict").toObject();
        QCOMPARE(dict.size(), p->keep.size());
        const QJsonObject fp32 { { "weight", QJsonObject { { "dtype", QJsonArray { "fp32" } } } },
            { "activation", QJsonObject { { "dtype", QJsonArray { "fp32" } } } } };
        for (auto it = dict.constBegin(); it != dict.constEnd(); ++it)
            QCOMPARE(it.value().toObject(), fp32);

        if (!m_python)
            QSKIP("/usr/bin/python3 is absent: the regex fullmatch check is skipped");
        QStringList matched;
        QString pyError;
        QVERIFY2(pythonFullmatch(json, withModuleVariants(d.ops), m_dir.path(), matched, pyError),
            qPrintable(pyError));
        // Exactly the kept ops, under their plain and their QuantWrapper names; no quantized op.
        QCOMPARE(matched, sorted(withModuleVariants(p->keep.keys())));
        const QSet<QString> hit(matched.cbegin(), matched.cend());
        for (const QString& q : p->quantize) {
            QVERIFY2(!hit.contains(q), qPrintable(q));
            QVERIFY2(!hit.contains(q + ".module"), qPrintable(q));
        }
    }

    void exportInc2EscapesRegexCharacters()
    {
        // Op names with regex metacharacters (ONNX paths, brackets, +, $, |) must match only themselves.
        const QString inventory = tmp("special-ops.csv");
        const QStringList names { "/model/layers.0/attn/MatMul", "enc.layer[0].dense(x)+y$", "a|b.proj",
            "a.b.proj", "axb.proj", "model.layers.0.mlp.down_proj", "model.layers.0.mlp.down_proj2", "w.*" };
        QByteArray csv = "name,op_type,layer_index,component,in_features,out_features,params\n";
        QByteArray scores = "name,score\n";
        int i = 1;
        for (const QString& n : names) {
            csv += "\"" + n.toUtf8() + "\",Linear,,language,4,4,16\n";
            scores += "\"" + n.toUtf8() + "\"," + QByteArray::number(i++) + "\n";
        }
        writeBytes(inventory, csv);
        writeBytes(tmp("special-scores.csv"), scores);
        const QString profiles = tmp("special.yaml");
        // Keep the ones with metacharacters by override; quantize the look-alikes.
        const Run r = runCli({ "profiles", "--inventory", inventory, "--metric", tmp("special-scores.csv"),
            "--no-default-rules", "--cuts", "1", "--override", "/model/layers.0/attn/MatMul=keep",
            "--override", "enc.layer[0].dense(x)+y$=keep", "--override", "a|b.proj=keep", "--override",
            "a.b.proj=keep", "--override", "model.layers.0.mlp.down_proj=keep", "--override", "w.*=keep",
            "-o", profiles });
        EXPECT_EXIT(r, 0);
        const Doc d = loadDoc(profiles);
        REQUIRE_DOC(d);
        QCOMPARE(d.ops, names);
        QCOMPARE(d.profiles[0].quantize, QStringList({ "axb.proj", "model.layers.0.mlp.down_proj2" }));
        const QString json = tmp("special.json");
        EXPECT_EXIT(runCli({ "export", profiles, "--to", "inc2", "-o", json }), 0);
        if (!m_python)
            QSKIP("/usr/bin/python3 is absent: the regex fullmatch check is skipped");
        QStringList probe = withModuleVariants(names);
        probe << "/model/layers.0/attn/MatMul.modulex"
              << "a.b.projXmodule"
              << "w.anything"
              << "w.*.module.module";
        QStringList matched;
        QString pyError;
        QVERIFY2(pythonFullmatch(json, probe, m_dir.path(), matched, pyError), qPrintable(pyError));
        QCOMPARE(matched, sorted(withModuleVariants(d.profiles[0].keep.keys())));
    }

    void exportToStdout()
    {
        const QString source = exampleProfiles();
        QVERIFY(!source.isEmpty());
        const Run r = runCli({ "export", source, "--to", "inc2", "--profile", "B", "-o", "-" });
        EXPECT_EXIT(r, 0);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(r.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value("profile").toObject().value("name").toString(), "B");
        QVERIFY(root.value("op_name_dict").toObject().contains(R"(lm_head(?:\.module)?)"));
    }

    void exportUnknownProfile()
    {
        const QString source = exampleProfiles();
        QVERIFY(!source.isEmpty());
        const QString json = tmp("inc2-unknown.json");
        const Run r = runCli({ "export", source, "--to", "inc2", "--profile", "E", "-o", json });
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "no profile named 'E' (the file has: A, B, C, D)");
        QVERIFY(!QFileInfo::exists(json));
    }

    void exportUnknownFormat()
    {
        const QString source = exampleProfiles();
        QVERIFY(!source.isEmpty());
        const QString json = tmp("nosuchformat.json");
        const Run r = runCli({ "export", source, "--to", "nosuchformat", "-o", json });
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "unknown export format 'nosuchformat' (known: ");
        EXPECT_CONTAINS(r.err, "inc2");
        QVERIFY(!QFileInfo::exists(json));
        const Run missing = runCli({ "export", source, "-o", json });
        EXPECT_EXIT(missing, 2);
        EXPECT_CONTAINS(missing.err, "missing --to");
        QVERIFY(!QFileInfo::exists(json));
    }

    void exportKeepsAnExistingFileOnFailure()
    {
        const QString source = exampleProfiles();
        QVERIFY(!source.isEmpty());
        const QString json = tmp("inc2-sentinel.json");
        const QByteArray sentinel = "{\"sentinel\": true}\n";
        writeBytes(json, sentinel);
        EXPECT_EXIT(runCli({ "export", source, "--to", "inc2", "--profile", "Z", "-o", json }), 2);
        QCOMPARE(readBytes(json), sentinel);
        EXPECT_EXIT(
            runCli({ "export", fixture("bad/malformed_profiles.yaml"), "--to", "inc2", "-o", json }), 2);
        QCOMPARE(readBytes(json), sentinel);
    }

    void exportHonoursHandEditedLists()
    {
        // A hand edit the file's own check accepts: D keeps an op that only D quantized (nesting holds).
        // The export must keep it in fp32, or refuse the file; it must never quantize an op the file keeps.
        const QString source = exampleProfiles();
        QVERIFY(!source.isEmpty());
        const Doc d = loadDoc(source);
        REQUIRE_DOC(d);
        const Profile* c = d.profile("C");
        const Profile* dProfile = d.profile("D");
        QString op;
        for (const QString& q : dProfile->quantize) {
            if (!c->quantize.contains(q) && fusedKey(q).isEmpty()) {
                op = q;
                break;
            }
        }
        QVERIFY(!op.isEmpty());
        Lines f(readBytes(source));
        const int start = f.profileStart("D");
        const int line = int(f.lines.indexOf("    - " + op.toUtf8(), start));
        QVERIFY(line > start);
        f.lines.removeAt(line);
        f.lines.insert(f.find(start, f.profileEnd(start), "    keep:") + 1,
            "    - {op: " + op.toUtf8() + ", reason: hand}");
        const QString edited = tmp("hand-edited-export.yaml");
        writeBytes(edited, f.join());
        const Run check = runCli({ "check", edited });
        EXPECT_EXIT(check, 0);
        EXPECT_CONTAINS(check.err, "edited by hand");

        const QString json = tmp("hand-edited-export.json");
        const Run r = runCli({ "export", edited, "--to", "inc2", "--profile", "D", "-o", json });
        // A file whose lists disagree with its rules and cuts is refused: exporting the recomputed
        // lists would silently drop the hand edit.
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "edited by hand");
        EXPECT_CONTAINS(r.err, op);
        QVERIFY(!QFileInfo::exists(json));
    }

    void exportShowsAViolation()
    {
        // Issue: a forced INT8 on an op a rule keeps "is a violation that every output shows".
        const QString profiles = tmp("export-violation.yaml");
        EXPECT_EXIT(
            runCli(exampleProfilesArgs(profiles) + QStringList { "--override", "lm_head=int8:try" }), 0);
        const QString json = tmp("export-violation.json");
        const Run r = runCli({ "export", profiles, "--to", "inc2", "-o", json });
        EXPECT_EXIT(r, 0);
        const QByteArray content = readBytes(json);
        QVERIFY(!content.isEmpty());
        const QJsonArray violations = QJsonDocument::fromJson(content).object().value("violations").toArray();
        QCOMPARE(violations.size(), 1);
        QVERIFY(violations.at(0).toString().startsWith(
            "rule-violation: 'lm_head' is INT8 although rule 'lm-head' keeps it"));
        EXPECT_CONTAINS(r.err, "warning: profile D has a violation");
    }

    // ---- 6. info ---
    // -------------------------------------------------------------------------------------------

    // One decision of what a file is: `info` says what the explorer's loader and `profiles` see.
    void infoClassifiesAsTheLoader_data()
    {
        QTest::addColumn<QString>("path");
        const QString data = QStringLiteral(QUANTCUT_SOURCE_DIR "/tests/data/");
        QStringList files { example("ops.csv"), example("inc_mse_v2_debug.log"), example("inc_hawq_v2.log") };
        for (const char* folder : { "cli", "frameworks", "importers" }) {
            const QDir dir(data + QLatin1String(folder));
            for (const QString& name : dir.entryList(QDir::Files, QDir::Name))
                files.append(dir.filePath(name));
        }
        for (const QString& file : files)
            QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file;
    }
    void infoClassifiesAsTheLoader()
    {
        QFETCH(QString, path);
        const Run r = runCli({ "info", path });
        if (r.code != 0)
            QSKIP("not a loadable file (its refusal is tested elsewhere)");
        const qc::FileKind kind = qc::detectFileKind(path);
        const bool saysInventory = r.out.contains("format: op inventory");
        const bool saysProfile = r.out.contains("format: quantcut profile file");
        QVERIFY2(saysInventory == (kind == qc::FileKind::Inventory), r.describe().toUtf8().constData());
        QVERIFY2(saysProfile == (kind == qc::FileKind::ProfileDocument), r.describe().toUtf8().constData());
    }

    void infoScoresCsvIsRankings()
    {
        // A name,score table is a ranking, not an op inventory, for every front end.
        const QString path = QStringLiteral(QUANTCUT_SOURCE_DIR "/tests/data/cli/tiny_scores.csv");
        QCOMPARE(qc::detectFileKind(path), qc::FileKind::Rankings);
        const Run r = runCli({ "info", path });
        EXPECT_EXIT(r, 0);
        EXPECT_CONTAINS(r.out, "format: csv");
    }

    void infoInventory()
    {
        const Run r = runCli({ "info", example("ops.csv") });
        EXPECT_EXIT(r, 0);
        EXPECT_CONTAINS(r.out, "format: op inventory");
        EXPECT_CONTAINS(r.out, "ops: 555, parameters: 4065787904");
        EXPECT_CONTAINS(r.out, "type Linear: 415");
        EXPECT_CONTAINS(r.out, "type RMSNorm: 138");
        EXPECT_CONTAINS(r.out, "type Conv3d: 1");
        EXPECT_CONTAINS(r.out, "type Embedding: 1");
    }

    void infoExampleLogs_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("polarity");
        QTest::addRow("mse_v2") << "inc_mse_v2_debug.log"
                                << "lower-is-more-sensitive";
        QTest::addRow("hawq_v2") << "inc_hawq_v2.log"
                                 << "higher-is-more-sensitive";
    }

    void infoExampleLogs()
    {
        QFETCH(QString, file);
        QFETCH(QString, polarity);
        const Run plain = runCli({ "info", example(file) });
        EXPECT_EXIT(plain, 0);
        EXPECT_CONTAINS(plain.out, "format: inc-log");
        EXPECT_CONTAINS(plain.out, "416 scores, " + polarity);
        QVERIFY(!plain.out.contains("matched"));
        const Run r = runCli({ "info", example(file), "--inventory", example("ops.csv") });
        EXPECT_EXIT(r, 0);
        EXPECT_CONTAINS(r.out, "matched 416 of 416 names");
        QVERIFY(!r.out.contains("unmatched:"));
        QVERIFY(!r.out.contains("ambiguous:"));
        if (file.contains("mse"))
            EXPECT_CONTAINS(r.out, "by strip .module");
    }

    void infoSeveralFiles()
    {
        const Run r = runCli({ "info", example("ops.csv"), example("inc_hawq_v2.log") });
        EXPECT_EXIT(r, 0);
        EXPECT_CONTAINS(r.out, "format: op inventory");
        EXPECT_CONTAINS(r.out, "format: inc-log");
    }

    void infoProfileFile()
    {
        const QString source = exampleProfiles();
        QVERIFY(!source.isEmpty());
        const Run r = runCli({ "info", source });
        EXPECT_EXIT(r, 0);
        EXPECT_CONTAINS(r.out, "format: quantcut profile file, 4 profiles");
        EXPECT_CONTAINS(r.out, "ops: 555");
        EXPECT_CONTAINS(r.out, "metric mse_v2:");
        EXPECT_CONTAINS(r.out, "lower-is-more-sensitive");
        EXPECT_CONTAINS(r.out, "matched 416 of 416 names");
    }

    void infoUnmatchedNames()
    {
        QByteArray csv = readBytes(fixture("tiny_scores.csv"));
        csv += "model.layers.9.mlp.down_proj,0.3\n";
        const Run r = runCli({ "info", "-", "--inventory", fixture("tiny_ops.csv") }, csv);
        EXPECT_EXIT(r, 0);
        EXPECT_CONTAINS(r.out, "matched 15 of 16 names");
        EXPECT_CONTAINS(r.out, "unmatched: model.layers.9.mlp.down_proj");
    }

    void infoRealModelOpt()
    {
        QC_REQUIRE_SHARED_DATA();
        const Run r = runCli({ "info", realData("modelopt_autoquant_int8_lm_large.json"), "--inventory",
            realData("ops.csv") });
        EXPECT_EXIT(r, 0);
        EXPECT_CONTAINS(r.out, "format: modelopt-autoquant");
        EXPECT_CONTAINS(r.out, "higher-is-more-sensitive");
        EXPECT_CONTAINS(r.out, "415 scores");
        EXPECT_CONTAINS(r.out, "matched 415 of 415 names");
        QVERIFY(!r.out.contains("unmatched:"));
        QVERIFY(!r.out.contains("ambiguous:"));
        const Run mse
            = runCli({ "info", realData("inc_mse_v2_sanity.json"), "--inventory", realData("ops.csv") });
        EXPECT_EXIT(mse, 0);
        EXPECT_CONTAINS(mse.out, "format: inc-mse-json");
        EXPECT_CONTAINS(mse.out, "lower-is-more-sensitive");
        EXPECT_CONTAINS(mse.out, "matched 3 of 3 names");
    }

    // ---- 7. real data
    // ----------------------------------------------------------------------------------------

    void realModelOpt()
    {
        QC_REQUIRE_SHARED_DATA();
        const QString out = tmp("real-autoquant.yaml");
        const Run r = runCli({ "profiles", "--inventory", realData("ops.csv"), "--metric",
            "autoquant=" + realData("modelopt_autoquant_int8_lm_large.json"), "-o", out });
        EXPECT_EXIT(r, 0);
        const Doc d = loadDoc(out);
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        QCOMPARE(d.ops.size(), 555);
        QCOMPARE(d.profiles.size(), 4);
        QCOMPARE(QString(splitGroups(d)), QString());
        const Source* s = d.source("autoquant");
        QVERIFY(s);
        QCOMPARE(s->format, "modelopt-autoquant");
        QCOMPARE(s->polarity, "higher-is-more-sensitive");
        // 275 written names; q_proj stands for q/k/v and gate_proj for gate/up: 415 with the members.
        QCOMPARE(s->entries, 415);
        QCOMPARE(s->matched, 415);
        QCOMPARE(s->unmatched, QStringList());
        QCOMPARE(s->ambiguous, QStringList());
        for (const Profile& p : d.profiles) {
            QVERIFY(p.opsQuantized > 0);
            QCOMPARE(p.keep.value("lm_head"), "rule:lm-head");
            QVERIFY(p.keep.value("model.language_model.embed_tokens").startsWith("rule:"));
            QVERIFY(p.keep.value("model.visual.patch_embed.proj").startsWith("rule:"));
            for (const QString& op : d.ops) {
                if (d.opType.value(op) == "RMSNorm")
                    QVERIFY2(p.keep.value(op).startsWith("rule:"), qPrintable(p.name + " " + op));
            }
        }
        // The real AutoQuant run scored the whole vision tower and merger exactly 0: text-only calibration
        // never ran them. No signal, not robustness: no profile quantizes a vision or merger op.
        int zeros = 0;
        for (auto it = s->scores.cbegin(); it != s->scores.cend(); ++it)
            zeros += it.value() == 0.0 ? 1 : 0;
        QVERIFY(zeros >= 131);
        for (const Profile& p : d.profiles) {
            for (const QString& op : p.quantize)
                QVERIFY2(!op.startsWith("model.visual."), qPrintable(p.name + " " + op));
            QCOMPARE(p.keep.value("model.visual.blocks.0.attn.qkv"), "unmeasured");
        }
        EXPECT_CONTAINS(r.err, "163 no signal");
        // Deterministic despite the ties.
        const QString again = tmp("real-autoquant-2.yaml");
        EXPECT_EXIT(runCli({ "profiles", "--inventory", realData("ops.csv"), "--metric",
                        "autoquant=" + realData("modelopt_autoquant_int8_lm_large.json"), "-o", again }),
            0);
        QCOMPARE(readBytes(again), readBytes(out));
        const Run check = runCli({ "check", out });
        EXPECT_EXIT(check, 0);
    }

    void realTwoMetrics()
    {
        QC_REQUIRE_SHARED_DATA();
        const QString out = tmp("real-two.yaml");
        const Run r = runCli({ "profiles", "--inventory", realData("ops.csv"), "--metric",
            "mse=" + realData("inc_mse_v2_sanity.json"), "--metric",
            "autoquant=" + realData("modelopt_autoquant_int8_lm_medium.json"), "-o", out });
        EXPECT_EXIT(r, 0);
        const Doc d = loadDoc(out);
        REQUIRE_DOC(d);
        REQUIRE_STRUCTURE(d);
        QCOMPARE(QString(splitGroups(d)), QString());
        const Source* aq = d.source("autoquant");
        QVERIFY(aq);
        QCOMPARE(aq->matched, 415);
        // The sanity run has three fp32-fallback scores (all equal: a tie) and an empty int8-requant list.
        qint64 mseMatched = 0;
        for (const Source& s : d.sources) {
            if (s.id == "autoquant")
                continue;
            QVERIFY2(s.id.startsWith("mse"), qPrintable(s.id));
            QCOMPARE(s.unmatched, QStringList());
            QCOMPARE(s.ambiguous, QStringList());
            QCOMPARE(s.matched, s.entries);
            mseMatched += s.matched;
            if (s.entries > 0)
                QCOMPARE(s.polarity, "lower-is-more-sensitive");
        }
        QCOMPARE(mseMatched, 3);
        for (const Profile& p : d.profiles) {
            QVERIFY(p.opsQuantized > 0);
            QCOMPARE(p.keep.value("lm_head"), "rule:lm-head");
            QVERIFY(p.keep.value("model.language_model.embed_tokens").startsWith("rule:"));
            QVERIFY(p.keep.value("model.language_model.norm").startsWith("rule:"));
        }
        EXPECT_EXIT(runCli({ "check", out }), 0);
    }

    // ---- 8. bad input
    // ----------------------------------------------------------------------------------------

    void badInput_data()
    {
        // args: {OUT} is the output path; expected: parts of the one message on stderr; line: the line the
        // message names (0: none).
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("file"); // the file the message names ("" for option errors)
        QTest::addColumn<int>("line");
        QTest::addColumn<QStringList>("expected");
        const QString inv = example("ops.csv");
        auto metric = [&](const QString& badFile) {
            return QStringList { "profiles", "--inventory", inv, "--metric", "m=" + fixture("bad/" + badFile),
                "-o", "{OUT}" };
        };
        const QStringList good { "profiles", "--inventory", inv, "--metric",
            "hawq_v2=" + example("inc_hawq_v2.log"), "-o", "{OUT}" };
        QTest::addRow("truncated json")
            // Input ends after the newline of line 4: the end of input is on line 5.
            << metric("truncated.json") << "truncated.json" << 5 << QStringList { "invalid JSON" };
        QTest::addRow("invalid json")
            << metric("invalid.json") << "invalid.json" << 3 << QStringList { "invalid JSON" };
        QTest::addRow("csv without name column")
            << metric("missing_name_column.csv") << "missing_name_column.csv" << 1 << QStringList { "name" };
        QTest::addRow("nan score") << metric("nan_score.csv") << "nan_score.csv" << 3
                                   << QStringList { "not a finite number" };
        QTest::addRow("infinite score")
            << metric("inf_score.csv") << "inf_score.csv" << 4 << QStringList { "not a finite number" };
        QTest::addRow("duplicate names") << metric("duplicate_names.csv") << "duplicate_names.csv" << 5
                                         << QStringList { "duplicate op name 'model.layers.0.mlp.down_proj'",
                                                "different score", "line 2" };
        // Two spellings of one op (the parameter name folds into the module) with different scores.
        QTest::addRow("aliased names")
            << metric("aliased_names.csv") << "aliased_names.csv" << 3
            << QStringList { "'model.layers.0.mlp.down_proj.weight' and "
                             "'model.layers.0.mlp.down_proj' (line 2) name the same "
                             "op with different scores" };
        QTest::addRow("empty file") << metric("empty.csv") << "empty.csv" << 0 << QStringList { "empty" };
        QTest::addRow("binary file") << metric("binary.csv") << "binary.csv" << 3
                                     << QStringList { "not a text file" };
        QTest::addRow("nonexistent file")
            << metric("no_such_file.csv") << "no_such_file.csv" << 0 << QStringList { "cannot open" };
        QTest::addRow("unknown format")
            << QStringList(good + QStringList { "--format", "hawq_v2=nosuchformat" }) << "" << 0
            << QStringList { "nosuchformat" };
        QTest::addRow("invalid regex in rules")
            << QStringList(good + QStringList { "--rules", fixture("bad/invalid_regex.rules.yaml") })
            << "invalid_regex.rules.yaml" << 6
            << QStringList { "rule 'broken': invalid regex", "missing closing parenthesis" };
        QTest::addRow("cut above 1") << QStringList(good + QStringList { "--cuts", "1.5" }) << "" << 0
                                     << QStringList { "1.5", "above 1" };
        QTest::addRow("cut not a number") << QStringList(good + QStringList { "--cuts", "0.2,x" }) << "" << 0
                                          << QStringList { "--cuts", "'x'" };
        QTest::addRow("unknown combine metric")
            << QStringList(good + QStringList { "--combine", "nosuchmetric" }) << "" << 0
            << QStringList { "nosuchmetric" };
        QTest::addRow("weighted unknown metric")
            << QStringList(good + QStringList { "--combine", "weighted:nosuch=1" }) << "" << 0
            << QStringList { "nosuch" };
        QTest::addRow("unknown cut-by") << QStringList(good + QStringList { "--cut-by", "flops" }) << "" << 0
                                        << QStringList { "--cut-by" };
        QTest::addRow("cut-by params without params")
            << QStringList { "profiles", "--metric", "hawq_v2=" + example("inc_hawq_v2.log"), "--cut-by",
                   "params", "-o", "{OUT}" }
            << "" << 0 << QStringList { "--cut-by params needs an inventory with parameter counts" };
        QTest::addRow("missing inventory") << QStringList { "profiles", "--inventory",
            fixture("bad/no_ops.csv"), "--metric", example("inc_hawq_v2.log"), "-o", "{OUT}" }
                                           << "no_ops.csv" << 0 << QStringList { "no such file" };
        QTest::addRow("duplicate inventory op")
            << QStringList { "profiles", "--inventory", fixture("bad/duplicate_inventory.csv"), "--metric",
                   fixture("tiny_scores.csv"), "-o", "{OUT}" }
            << "duplicate_inventory.csv" << 5
            << QStringList { "duplicate op name 'model.layers.0.self_attn.q_proj'" };
        QTest::addRow("inventory without name column") << QStringList { "profiles", "--inventory",
            fixture("bad/missing_name_column.csv"), "--metric", fixture("tiny_scores.csv"), "-o",
            "{OUT}" } << "missing_name_column.csv" << 1 << QStringList { "no name column" };
        QTest::addRow("binary inventory") << QStringList { "profiles", "--inventory",
            fixture("bad/binary.csv"), "--metric", fixture("tiny_scores.csv"), "-o", "{OUT}" }
                                          << "binary.csv" << 3 << QStringList { "not a text file" };
        QTest::addRow("rules file with a bad action")
            << QStringList(good + QStringList { "--rules", fixture("bad/bad_action.rules.yaml") })
            << "bad_action.rules.yaml" << 3
            << QStringList { "rule action must be keep or allow, found 'drop'" };
        QTest::addRow("rules file that is not YAML")
            << QStringList(good + QStringList { "--rules", fixture("bad/malformed_profiles.yaml") })
            << "malformed_profiles.yaml" << 6 << QStringList { "invalid YAML" };
        QTest::addRow("output directory missing")
            << QStringList { "profiles", "--inventory", inv, "--metric",
                   "hawq_v2=" + example("inc_hawq_v2.log"), "-o", "{OUT}/../no-such-dir/out.yaml" }
            << "out.yaml" << 0 << QStringList { "cannot open for writing" };
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QStringList, expected);
        const QString tag = QString(QTest::currentDataTag()).replace(' ', '-');

        // 1. No output file is created.
        const QString fresh = tmp("bad-" + tag + ".yaml");
        QStringList freshArgs = args;
        freshArgs.replaceInStrings("{OUT}", fresh);
        const Run r = runCli(freshArgs);
        EXPECT_EXIT(r, 2);
        const QString err = QString::fromUtf8(r.err).trimmed();
        QVERIFY2(!err.isEmpty(), "no message");
        QVERIFY2(!err.contains('\n'), qPrintable("more than one line:\n" + err));
        if (!file.isEmpty()) {
            const QString where = line > 0 ? QStringLiteral("%1:%2: ").arg(file).arg(line) : file;
            EXPECT_CONTAINS(r.err, where);
        }
        for (const QString& part : expected)
            EXPECT_CONTAINS(r.err, part);
        QVERIFY2(!QFileInfo::exists(fresh), "an output file was written");
        QVERIFY(r.out.isEmpty());

        // 2. An existing output file survives byte for byte, and no temporary file is left beside it.
        const QString existing = tmp("sentinel-" + tag + ".yaml");
        const QByteArray sentinel = "# sentinel: " + tag.toUtf8() + "\nquantcut_profiles: 1\n";
        writeBytes(existing, sentinel);
        const QStringList before = QDir(m_dir.path()).entryList(QDir::Files);
        QStringList existingArgs = args;
        existingArgs.replaceInStrings("{OUT}", existing);
        EXPECT_EXIT(runCli(existingArgs), 2);
        QCOMPARE(readBytes(existing), sentinel);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), before);
    }

    void conflictMessageShowsTheScoresAsWritten()
    {
        const Run r = runCli({ "profiles", "--inventory", fixture("tiny_ops.csv"), "--metric",
            fixture("bad/aliased_names.csv"), "-o", tmp("aliased.yaml") });
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "(0.9 vs 0.5)");
    }

    void badInputOnStdin()
    {
        const QString out = tmp("bad-stdin.yaml");
        const Run r = runCli({ "profiles", "--inventory", example("ops.csv"), "--metric", "-", "-o", out },
            "name,score\nlm_head,nan\n");
        EXPECT_EXIT(r, 2);
        // stdin is named "-" in the message; the line is still given.
        EXPECT_CONTAINS(r.err, "-:2: ");
        QVERIFY(!QFileInfo::exists(out));
    }

    void badStdinEmpty()
    {
        const QString out = tmp("bad-stdin-empty.yaml");
        const Run r = runCli({ "profiles", "--inventory", example("ops.csv"), "--metric", "-", "-o", out });
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "empty");
        QVERIFY(!QFileInfo::exists(out));
    }

    void cleanupTestCase() { }

    // ---- patterns, transfer, reference, diff, export formats --------------------------------------------

    void patternsRoundTrip()
    {
        const Run r = runCli({ "patterns", exampleProfiles() + ":B" });
        EXPECT_EXIT(r, 0);
        EXPECT_CONTAINS(r.out, "profile B (moderate)");
        EXPECT_CONTAINS(
            r.out, "  model.language_model.layers.{0-35}.{input_layernorm,post_attention_layernorm}\n");
        EXPECT_CONTAINS(r.err, "round trip: the patterns expand back to exactly the 555 ops");
    }

    void transferOntoAShallowerModel()
    {
        // A 28-layer (Qwen2.5-VL-7B-shaped) inventory: the example's rows without language layers 28-35.
        QStringList rows = QString::fromUtf8(readBytes(example("ops.csv"))).split("\n", Qt::SkipEmptyParts);
        QStringList kept;
        const QRegularExpression deep("^model\\.language_model\\.layers\\.(2[89]|3\\d)\\.");
        for (const QString& row : rows) {
            if (!deep.match(row).hasMatch())
                kept.append(row);
        }
        const QString inventory = tmp("ops28.csv");
        writeBytes(inventory, (kept.join("\n") + "\n").toUtf8());
        const QString out = tmp("t28.yaml");
        const Run r = runCli({ "transfer", exampleProfiles(), "--inventory", inventory, "-o", out });
        EXPECT_EXIT(r, 0);
        EXPECT_CONTAINS(r.err, "component language: 36 layers -> 28");
        EXPECT_CONTAINS(r.err, "483 of 483 ops mapped");
        EXPECT_EXIT(runCli({ "check", out }), 0);
        const Doc d = loadDoc(out);
        QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
        QCOMPARE(d.root["inventory"]["ops_total"].as<int>(), 483);
        QCOMPARE(d.root["profiles"][3]["cut"].as<double>(), 0.95);
    }

    void transferOntoAnUnrelatedModelFails()
    {
        const QString inventory = tmp("unrelated.csv");
        writeBytes(inventory, "name,op_type\nencoder.conv_in,Conv2d\ndecoder.conv_out,Conv2d\n");
        const QString out = tmp("unrelated.yaml");
        const Run r = runCli({ "transfer", exampleProfiles(), "--inventory", inventory, "-o", out });
        EXPECT_EXIT(r, 2);
        EXPECT_CONTAINS(r.err, "not the same architecture");
        QVERIFY(!QFileInfo::exists(out));
    }

    void referenceAndDiff()
    {
        const QString ref = tmp("ref-lm.yaml");
        const Run made
            = runCli({ "reference", "--scheme", "lm-only", "--inventory", example("ops.csv"), "-o", ref });
        EXPECT_EXIT(made, 0);
        EXPECT_CONTAINS(made.err, "252 of 555 ops INT8");
        EXPECT_EXIT(runCli({ "check", ref }), 0);
        const Run d = runCli({ "diff", exampleProfiles() + ":D", ref });
        EXPECT_EXIT(d, 0);
        EXPECT_CONTAINS(d.out, "| overlap (Jaccard) |");
        EXPECT_CONTAINS(d.out, "| op | sensitivity in A | A | B |");
        const Run bad = runCli(
            { "reference", "--scheme", "gptq", "--inventory", example("ops.csv"), "-o", tmp("x.yaml") });
        EXPECT_EXIT(bad, 2);
        EXPECT_CONTAINS(bad.err, "unknown reference scheme 'gptq'");
        const Run noProfile = runCli({ "diff", exampleProfiles() + ":Z", ref });
        EXPECT_EXIT(noProfile, 2);
        EXPECT_CONTAINS(noProfile.err, "has no profile named 'Z' (it has: A, B, C, D)");
    }

    void everyExportFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("contains");
        QTest::addRow("inc3") << "inc3"
                              << "\"smooth_quant\"";
        QTest::addRow("modelopt") << "modelopt"
                                  << "\"quantizer_name\": \"*weight_quantizer\"";
        QTest::addRow("modelopt-legacy") << "modelopt-legacy"
                                         << "\"default\": {\"enable\": false}";
        QTest::addRow("llmcompressor") << "llmcompressor"
                                       << "QuantizationModifier:";
        QTest::addRow("json") << "json"
                              << "\"quantize\"";
        QTest::addRow("csv") << "csv"
                             << "name,op_type,component,layer,params";
        QTest::addRow("markdown") << "markdown"
                                  << "## Profiles";
    }

    void everyExportFormat()
    {
        QFETCH(QString, format);
        QFETCH(QString, contains);
        const QString out = tmp("export." + format);
        const Run r = runCli({ "export", exampleProfiles(), "--to", format, "--profile", "C", "-o", out });
        EXPECT_EXIT(r, 0);
        QVERIFY(readBytes(out).contains(contains.toUtf8()));
    }

    void namingOption_data()
    {
        QTest::addColumn<QStringList>("naming"); // the --naming arguments
        QTest::addColumn<QString>("key"); // the INC 2.x key of a kept text layer op
        QTest::addColumn<QString>("stated");
        QTest::addRow("default: new")
            << QStringList {} << R"(model\\.language_model\\.layers\\.0\\.self_attn\\.o_proj)"
            << "module names: new: transformers >= 4.52";
        QTest::addRow("new") << QStringList { "--naming", "new" }
                             << R"(model\\.language_model\\.layers\\.0\\.self_attn\\.o_proj)"
                             << "module names: new: transformers >= 4.52";
        QTest::addRow("legacy") << QStringList { "--naming", "legacy" }
                                << R"(model\\.layers\\.0\\.self_attn\\.o_proj)"
                                << "module names: legacy: transformers < 4.52";
    }

    // A profile over the tiny Qwen2.5-VL checkpoint's names (model.layers.N, visual.*), exported for either
    // transformers runtime: the names are the runtime's, and the choice is stated on stderr and in the file.
    void namingOption()
    {
        QFETCH(QStringList, naming);
        QFETCH(QString, key);
        QFETCH(QString, stated);
        const QString data = qc::test::sourcePath(QStringLiteral("tests/data/frameworks/"));
        const QString profiles = tmp("tiny.yaml");
        EXPECT_EXIT(runCli({ "profiles", "--inventory", data + "qwen2_5_vl_tiny.ops.csv", "--metric",
                        "mselog=" + data + "inc_mse_v2.log", "-o", profiles }),
            0);
        const QString out = tmp("tiny.inc2.json");
        const Run r = runCli(
            QStringList { "export", profiles, "--to", "inc2", "--profile", "A", "-o", out } + naming);
        EXPECT_EXIT(r, 0);
        EXPECT_CONTAINS(r.err, stated);
        const QByteArray written = readBytes(out);
        QVERIFY2(written.contains(key.toUtf8()), written.constData());
        QCOMPARE(written.contains("language_model"), naming.isEmpty() || naming.back() == "new");
        QVERIFY(written.contains(stated.mid(QStringLiteral("module names: ").size()).toUtf8()));
        const Run bad
            = runCli({ "export", profiles, "--to", "inc2", "--naming", "4.51", "-o", tmp("bad.json") });
        EXPECT_EXIT(bad, 2);
        EXPECT_CONTAINS(bad.err, "--naming must be new");
        QVERIFY(!QFileInfo::exists(tmp("bad.json")));
    }

    void fp8OnlyForModelOpt()
    {
        const QString out = tmp("fp8.json");
        const Run ok
            = runCli({ "export", exampleProfiles(), "--to", "modelopt", "--numbers", "fp8", "-o", out });
        EXPECT_EXIT(ok, 0);
        QVERIFY(readBytes(out).contains("fp8 e4m3"));
        const Run bad = runCli(
            { "export", exampleProfiles(), "--to", "inc3", "--numbers", "fp8", "-o", tmp("fp8-inc3.json") });
        EXPECT_EXIT(bad, 2);
        QVERIFY(!QFileInfo::exists(tmp("fp8-inc3.json")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
