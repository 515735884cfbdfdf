// The bad-input catalogue of issue 14 as tests, and the regression tests of the defects it found. Every case
// generates its input in a fresh temporary folder (nothing large is committed), runs the real `quantcut-cli`
// and asserts the exit code, one message line naming the file (and the line where there is one), that no
// output appears, and that every file the case made (the inputs, and an output that already existed) is byte
// for byte what it was.

// The expected values are ASCII literals by the hundred; implicit conversion keeps the tables readable.
#undef QT_NO_CAST_FROM_ASCII
#include "CliRun.h"
#include "TestPaths.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>
#include <functional>
#include <unistd.h>

namespace {

using Run = qc::test::CliRun;
using qc::test::runCli;

QByteArray readBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeBytes(const QString& path, const QByteArray& data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
}

// ---- generated inputs -----------------------------------------------------------------------------------

const QByteArray kInventory = "name,op_type,component,layer_index,params\n"
                              "model.layers.0.self_attn.q_proj,Linear,language,0,1000\n"
                              "model.layers.0.mlp.down_proj,Linear,language,0,2000\n"
                              "model.layers.1.self_attn.q_proj,Linear,language,1,1000\n"
                              "model.layers.1.mlp.down_proj,Linear,language,1,2000\n"
                              "lm_head,Linear,head,-1,5000\n";

const QByteArray kMetric = "name,score\n"
                           "model.layers.0.self_attn.q_proj,0.1\n"
                           "model.layers.0.mlp.down_proj,0.4\n"
                           "model.layers.1.self_attn.q_proj,0.2\n"
                           "model.layers.1.mlp.down_proj,0.3\n";

// An 8-byte little-endian header length, the header, then `dataBytes` zero bytes.
QByteArray safetensors(const QByteArray& header, qsizetype dataBytes = 0, quint64 length = 0)
{
    QByteArray out(8, '\0');
    qToLittleEndian<quint64>(length ? length : quint64(header.size()), out.data());
    return out + header + QByteArray(dataBytes, '\0');
}

QByteArray repeated(const QByteArray& item, int times)
{
    QByteArray out;
    out.reserve(item.size() * times);
    for (int i = 0; i < times; ++i)
        out += item;
    return out;
}

// One catalogue case. Arguments may hold {DIR} (the case's folder), {OUT} (a fresh output path; a second run
// uses an existing file there), {INV} and {METRIC} (good inputs in the folder) and {PROFILE} (a good profile
// file made from them).
struct Case
{
    QString name;
    std::function<void(const QDir&)> setup;
    QStringList args;
    QString file; // the file the message names
    int line = 0; // the line it names: 0 none, -1 some line
    QStringList expected; // further parts of the message
    QByteArray input; // stdin
};

void file(const QDir& dir, const QString& name, const QByteArray& data)
{
    writeBytes(dir.filePath(name), data);
}

auto files(std::initializer_list<std::pair<const char*, QByteArray>> list)
{
    std::vector<std::pair<QString, QByteArray>> copy;
    for (const auto& [name, data] : list)
        copy.emplace_back(QString::fromLatin1(name), data);
    return [copy](const QDir& dir) {
        for (const auto& [name, data] : copy)
            file(dir, name, data);
    };
}

QStringList profilesWithMetric(const QString& metric)
{
    return { "profiles", "--inventory", "{INV}", "--metric", "m=" + metric, "-o", "{OUT}" };
}

QStringList profilesWithInventory(const QString& inventory)
{
    return { "profiles", "--inventory", inventory, "--metric", "{METRIC}", "-o", "{OUT}" };
}

// A variant of the good profile file: `from` (first occurrence) replaced by `to`.
std::function<void(const QDir&)> editedProfile(const QString& name, QByteArray from, QByteArray to);

std::vector<Case> makeCatalogue()
{
    std::vector<Case> c;
    auto metric = [&](const char* name, const char* fileName, const QByteArray& data, int line,
                      QStringList expected) {
        c.push_back({ name, files({ { fileName, data } }), profilesWithMetric("{DIR}/" + QString(fileName)),
            fileName, line, expected });
    };
    auto inventory = [&](const char* name, const char* fileName, const QByteArray& data, int line,
                         QStringList expected) {
        c.push_back({ name, files({ { fileName, data } }),
            profilesWithInventory("{DIR}/" + QString(fileName)), fileName, line, expected });
    };

    // ---- metric files (profiles --metric)
    metric("metric: empty", "m.csv", "", 0, { "empty" });
    metric("metric: whitespace only", "m.csv", " \n\t\n  \n", 0, { "empty" });
    metric("metric: truncated JSON", "m.json", "{\"a\": 1,\n\"b\": ", 2, { "invalid JSON" });
    metric("metric: invalid JSON", "m.json", "{\"a\": 1,\n\"b\" 2}\n", 2, { "invalid JSON" });
    metric("metric: truncated YAML", "m.yaml", "a: 1\nb: [1, 2\n", -1, { "invalid YAML" });
    metric("metric: invalid YAML", "m.yaml", "a: 1\n b: 2\n- c\n", -1, { "invalid YAML" });
    metric("metric: CSV unterminated quote", "m.csv", "name,score\n\"model.layers.0.mlp.down_proj,0.5\n", 2,
        { "unterminated" });
    metric("metric: CSV wrong field count", "m.csv", "name,score\nmodel.layers.0.mlp.down_proj,0.5,7\n", 2,
        { "expected 2 fields" });
    metric("metric: CSV missing name column", "m.csv", "op_id,score\nx,1\n", 1, { "no name column" });
    metric("metric: NaN score", "m.csv", "name,score\nmodel.layers.0.mlp.down_proj,0.5\nlm_head,nan\n", 3,
        { "not a finite number" });
    metric("metric: infinite score", "m.csv", "name,score\nlm_head,0.5\nmodel.layers.0.mlp.down_proj,-inf\n",
        3, { "not a finite number" });
    metric("metric: duplicate op with another score", "m.csv",
        "name,score\nmodel.layers.0.mlp.down_proj,0.5\nlm_head,1\nmodel.layers.0.mlp.down_proj,0.7\n", 4,
        { "duplicate op name", "first at line 2" });
    metric("metric: binary (NUL bytes)", "m.csv", QByteArray("name,score\nlm_head,1\n\0\0\x01\x02", 24), 3,
        { "not a text file" });
    // Defect 9: the line of the invalid sequence.
    metric("metric: invalid UTF-8", "m.csv", "name,score\nlm_head,1\nmodel.layers.0.mlp.down\xff_proj,0.5\n",
        3, { "invalid UTF-8" });
    c.push_back({ "metric: a directory", [](const QDir& dir) { dir.mkdir("m.csv"); },
        profilesWithMetric("{DIR}/m.csv"), "m.csv", 0, { "cannot" } });
    c.push_back(
        { "metric: missing file", {}, profilesWithMetric("{DIR}/m.csv"), "m.csv", 0, { "cannot open" } });
    metric("metric: huge line (a 1 MB number)", "m.csv",
        "name,score\nlm_head," + QByteArray(1 << 20, '7') + "\n", 2, { "not a finite number" });
    {
        // Defect 4: a metric per score column, limited.
        QByteArray header = "name";
        QByteArray row = "lm_head";
        for (int i = 0; i < 1000; ++i) {
            header += ",s" + QByteArray::number(i);
            row += ",1";
        }
        metric("metric: many score columns (1000)", "m.csv", header + "\n" + row + "\n", 1,
            { "1000 score columns", "more than the 64 metrics" });
    }
    metric("metric: deep nesting (JSON)", "m.json", QByteArray(100000, '['), 1, { "invalid JSON" });
    metric("metric: deep nesting (YAML)", "m.yaml", "a: " + QByteArray(100000, '['), 1, { "invalid YAML" });
    {
        QByteArray row = "- &a {name: lm_head";
        for (int i = 0; i < 40; ++i)
            row += ", s" + QByteArray::number(i) + ": 1";
        metric("metric: alias bomb (YAML)", "m.yaml", row + "}\n" + repeated("- *a\n", 20000), -1,
            { "alias bomb" });
    }
    metric("metric: no score column", "m.csv", "name,note\nlm_head,fine\n", 1, { "no scores" });
    metric(
        "metric: no known format", "m.txt", "hello world\nthis is prose\n", 0, { "cannot tell the format" });
    c.push_back({ "metric: bad stdin", {}, profilesWithMetric("-"), "-", 2, { "not a finite number" },
        "name,score\nlm_head,nan\n" });
    c.push_back({ "metric: empty stdin", {}, profilesWithMetric("-"), "-", 0, { "empty" } });

    // ---- inventories (profiles --inventory)
    inventory("inventory: empty", "ops.csv", "", 0, { "empty" });
    inventory("inventory: header only", "ops.csv", "name,op_type\n", 1, { "no ops" });
    inventory(
        "inventory: missing name column", "ops.csv", "op_id,op_type\nx,Linear\n", 1, { "no name column" });
    inventory("inventory: duplicate op", "ops.csv",
        "name,op_type\nlm_head,Linear\nx,Linear\nlm_head,Linear\n", 4,
        { "duplicate op name 'lm_head'", "first at line 2" });
    inventory(
        "inventory: params not an integer", "ops.csv", "name,params\nlm_head,12.5\n", 2, { "params '12.5'" });
    // Defect 1: the sum of a CSV's counts overflowed int64.
    inventory("inventory: params beyond 2^63 in sum", "ops.csv",
        "name,params\nlm_head,9223372036854775807\nx,1\n", 2, { "9223372036854775807", "2^53" });
    // Defect 6: stored as layer 0.
    inventory("inventory: layer_index beyond int", "ops.csv", "name,layer_index\nlm_head,4294967296\n", 2,
        { "layer 4294967296 is above 2147483647" });
    inventory("safetensors: implausible header length", "model.safetensors",
        safetensors("{}", 0, 0x4000000000000000ull), 0, { "implausible header length" });
    inventory("safetensors: truncated", "model.safetensors", safetensors("{\"a.weight\":{}}", 0, 4000), 0,
        { "truncated safetensors file" });
    // Defect 1: the file, qint64(1e19) was undefined behaviour.
    inventory("safetensors: shape 1e19", "model.safetensors",
        QByteArray::fromHex("16000000000000007b2261223a7b227368617065223a5b316531395d7d7d"), 0,
        { "tensor 'a' has an invalid shape" });
    inventory("safetensors: data_offsets beyond 2^63", "model.safetensors",
        safetensors("{\"a.weight\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,1e19]}}"), 0,
        { "tensor 'a.weight' data [0, 1e+19)" });
    inventory("safetensors: weight + bias beyond 2^63", "model.safetensors",
        safetensors(
            "{\"m.weight\":{\"shape\":[4611686018427387904]},\"m.bias\":{\"shape\":[4611686018427387904]}}"),
        0, { "absurd shape" });
    inventory("safetensors: header not JSON", "model.safetensors", safetensors("{\"a\": oops}"), 0,
        { "invalid safetensors header JSON" });
    inventory("safetensors index: missing shard", "model.safetensors.index.json",
        "{\"weight_map\": {\"a.weight\": \"model-00001.safetensors\"}}\n", 0, { "missing shard" });
    c.push_back({ "inventory: directory without one", [](const QDir& dir) { dir.mkdir("model"); },
        profilesWithInventory("{DIR}/model"), "model", 0, { "no inventory in this directory" } });
    c.push_back({ "inventory: missing file", {}, profilesWithInventory("{DIR}/none.csv"), "none.csv", 0,
        { "no such file" } });
    inventory("inventory: non-UTF-8", "ops.csv", "name\nlm_head\nx\xc3\x28y\n", 3, { "invalid UTF-8" });

    // ---- profile and rules files
    c.push_back({ "profile: not YAML", files({ { "p.yaml", "quantcut_profiles: 1\ninventory: [a,\n" } }),
        { "check", "{DIR}/p.yaml" }, "p.yaml", -1, { "invalid YAML" } });
    c.push_back({ "profile: unsupported version",
        editedProfile("p.yaml", "quantcut_profiles: 1", "quantcut_profiles: 7"), { "check", "{DIR}/p.yaml" },
        "p.yaml", 3, { "format version 7 is not supported" } });
    // Defect 2: yaml-cpp's own message escaped, naming no file.
    c.push_back({ "profile: a scalar where a mapping belongs",
        files({ { "p.yaml", "quantcut_profiles: 1\ninventory: x\n" } }), { "check", "{DIR}/p.yaml" },
        "p.yaml", 2, { "expected a mapping" } });
    c.push_back({ "rules file: a scalar where a mapping belongs",
        files({ { "r.yaml", "rules:\n  - {name: r, action: keep, match: x}\n" } }),
        { "profiles", "--inventory", "{INV}", "--metric", "{METRIC}", "--rules", "{DIR}/r.yaml", "-o",
            "{OUT}" },
        "r.yaml", 2, { "expected a mapping" } });
    // Defect 7: cuts outside their measure's domain loaded.
    c.push_back({ "profile: cut NaN", editedProfile("p.yaml", "cut: 0.25", "cut: .nan"),
        { "export", "{DIR}/p.yaml", "--to", "json", "-o", "{OUT}" }, "p.yaml", -1, { "cut A=nan" } });
    c.push_back({ "profile: cut above 1", editedProfile("p.yaml", "cut: 0.8", "cut: 1.5"),
        { "check", "{DIR}/p.yaml" }, "p.yaml", -1, { "cut C=1.5 is above 1" } });
    c.push_back({ "profile: negative cut", editedProfile("p.yaml", "cut: 0.25", "cut: -0.25"),
        { "check", "{DIR}/p.yaml" }, "p.yaml", -1, { "cut A=-0.25 is not a number >= 0" } });
    // Defect 8: exported with exit 0.
    c.push_back({ "profile: op in quantize and keep",
        editedProfile(
            "p.yaml", "    keep:\n", "    keep:\n    - {op: model.layers.0.self_attn.q_proj, reason: x}\n"),
        { "export", "{DIR}/p.yaml", "--to", "json", "--profile", "A", "-o", "{OUT}" }, "p.yaml", 0,
        { "edited by hand" } });
    // Defect 1: a profile file's inventory read unchecked.
    c.push_back({ "profile: inventory params beyond 2^63 in sum",
        editedProfile(
            "p.yaml", "lm_head, Linear, head, -1, 5000]", "lm_head, Linear, head, -1, 9223372036854775807]"),
        { "check", "{DIR}/p.yaml" }, "p.yaml", -1, { "9223372036854775807", "2^53" } });
    c.push_back({ "rules file: alias bomb",
        files({ { "r.yaml",
            "types: &t [" + repeated("Linear, ", 200)
                + "Linear]\nrules:\n  - &r {name: r, action: keep, match: {op_type: *t}}\n"
                + repeated("  - *r\n", 5000) } }),
        { "profiles", "--inventory", "{INV}", "--metric", "{METRIC}", "--rules", "{DIR}/r.yaml", "-o",
            "{OUT}" },
        "r.yaml", -1, { "alias bomb" } });

    // ---- outputs. Defect 3: an output equal to an input destroyed the input, exit 0.
    const QString same = "is the same file as the input";
    c.push_back({ "output = the metric file", files({ { "m.csv", kMetric } }),
        { "profiles", "--inventory", "{INV}", "--metric", "{DIR}/m.csv", "-o", "{DIR}/m.csv" }, "m.csv", 0,
        { same } });
    c.push_back({ "output = the inventory", {},
        { "profiles", "--inventory", "{INV}", "--metric", "{METRIC}", "-o", "{INV}" }, "ops.csv", 0,
        { same } });
    c.push_back({ "output = the exported profile file", {},
        { "export", "{PROFILE}", "--to", "json", "-o", "{PROFILE}" }, "p.yaml", 0, { same } });
    c.push_back({ "output = the transferred profile file", {},
        { "transfer", "{PROFILE}", "--inventory", "{INV}", "-o", "{PROFILE}" }, "p.yaml", 0, { same } });
    c.push_back({ "output = a diffed profile file", {},
        { "diff", "{PROFILE}", "{PROFILE}", "-o", "{PROFILE}" }, "p.yaml", 0, { same } });
    c.push_back({ "output = the reference's inventory", {},
        { "reference", "--scheme", "lm-only", "--inventory", "{INV}", "-o", "{INV}" }, "ops.csv", 0,
        { same } });
    c.push_back({ "output = the report's profile file",
        [](const QDir& dir) {
            dir.mkdir("report");
            QFile::copy(dir.filePath("p.yaml"), dir.filePath("report/report.md"));
        },
        { "report", "{DIR}/report/report.md", "-o", "{DIR}/report" }, "report.md", 0, { same } });
    c.push_back({ "output = a symlink to the input",
        [](const QDir& dir) {
            file(dir, "m.csv", kMetric);
            QFile::link(dir.filePath("m.csv"), dir.filePath("link.csv"));
        },
        { "profiles", "--inventory", "{INV}", "--metric", "{DIR}/m.csv", "-o", "{DIR}/link.csv" }, "link.csv",
        0, { same } });
    // Root writes into a read-only folder anyway: then the read-only /proc stands in for it.
    const bool root = ::geteuid() == 0;
    c.push_back({ "output in a read-only directory",
        [](const QDir& dir) {
            dir.mkdir("ro");
            file(QDir(dir.filePath("ro")), "out.yaml", "# existing\n");
            QFile::setPermissions(dir.filePath("ro"), QFile::ReadOwner | QFile::ExeOwner);
        },
        { "profiles", "--inventory", "{INV}", "--metric", "{METRIC}", "-o",
            root ? "/proc/quantcut-out.yaml" : "{DIR}/ro/out.yaml" },
        root ? "quantcut-out.yaml" : "out.yaml", 0, { "cannot open for writing" } });
    c.push_back({ "output in a missing directory", {},
        { "profiles", "--inventory", "{INV}", "--metric", "{METRIC}", "-o", "{DIR}/no/such/out.yaml" },
        "out.yaml", 0, { "cannot open for writing" } });
    return c;
}

QByteArray g_profile; // the good profile file's text, made once by initTestCase

std::function<void(const QDir&)> editedProfile(const QString& name, QByteArray from, QByteArray to)
{
    return [=](const QDir& dir) {
        QByteArray text = g_profile;
        const qsizetype at = text.indexOf(from);
        if (at < 0)
            qFatal("the profile file has no '%s'", from.constData());
        text.replace(at, from.size(), to);
        file(dir, name, text);
    };
}

// Every file under a folder with its bytes (symlinks as their targets' paths).
QMap<QString, QByteArray> snapshot(const QString& root)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(root, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        out.insert(path,
            info.isSymLink()   ? "-> " + info.symLinkTarget().toUtf8()
                : info.isDir() ? QByteArray("<dir>")
                               : readBytes(path));
    }
    return out;
}

} // namespace

class TestBadInputs : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::vector<Case> m_cases;

    // A fresh folder with the good inputs (and the good profile file, p.yaml) for one case.
    QDir caseFolder(const QString& tag) const
    {
        QDir dir(m_dir.filePath(tag));
        dir.removeRecursively();
        QDir(m_dir.path()).mkpath(tag);
        file(dir, "ops.csv", kInventory);
        file(dir, "good.csv", kMetric);
        file(dir, "p.yaml", g_profile);
        return dir;
    }

    static QStringList expand(QStringList args, const QDir& dir, const QString& out)
    {
        args.replaceInStrings("{DIR}", dir.path());
        args.replaceInStrings("{OUT}", out);
        args.replaceInStrings("{INV}", dir.filePath("ops.csv"));
        args.replaceInStrings("{METRIC}", dir.filePath("good.csv"));
        args.replaceInStrings("{PROFILE}", dir.filePath("p.yaml"));
        return args;
    }

    static void checkMessage(const Run& r, const Case& c)
    {
        if (r.code != 2)
            QFAIL(qPrintable("expected exit 2, got " + r.describe()));
        const QString err = QString::fromUtf8(r.err).trimmed();
        if (qEnvironmentVariableIsSet("QUANTCUT_SHOW_MESSAGES")) // to review the messages
            qInfo().noquote() << c.name << "->" << err;
        QVERIFY2(!err.isEmpty(), "no message");
        QVERIFY2(!err.contains('\n'), qPrintable("more than one line:\n" + err));
        const QString where = QRegularExpression::escape(c.file)
            + (c.line > 0        ? QStringLiteral(":%1: ").arg(c.line)
                    : c.line < 0 ? QStringLiteral(":\\d+: ")
                                 : QString());
        QVERIFY2(QRegularExpression("(^|[/ ])" + where).match(err).hasMatch(),
            qPrintable(QStringLiteral("expected the message to name %1 (line %2):\n%3")
                           .arg(c.file)
                           .arg(c.line)
                           .arg(err)));
        for (const QString& part : c.expected)
            QVERIFY2(
                err.contains(part), qPrintable(QStringLiteral("expected \"%1\" in:\n%2").arg(part, err)));
        QVERIFY2(r.out.isEmpty(), r.out.left(200).constData());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo(qc::test::cliPath()).isExecutable(), qPrintable(qc::test::cliPath()));
        const QDir dir(m_dir.path());
        file(dir, "ops.csv", kInventory);
        file(dir, "good.csv", kMetric);
        const Run r = runCli({ "profiles", "--inventory", dir.filePath("ops.csv"), "--metric",
            dir.filePath("good.csv"), "-o", dir.filePath("p.yaml") });
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        g_profile = readBytes(dir.filePath("p.yaml"));
        m_cases = makeCatalogue();
    }

    void cleanupTestCase()
    {
        // The read-only folders, so that the temporary folder can go.
        QDirIterator it(m_dir.path(), QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext())
            QFile::setPermissions(it.next(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void catalogue_data()
    {
        QTest::addColumn<int>("index");
        const std::vector<Case> cases = makeCatalogue();
        for (size_t i = 0; i < cases.size(); ++i)
            QTest::newRow(qPrintable(cases[i].name)) << int(i);
    }

    void catalogue()
    {
        QFETCH(int, index);
        const Case& c = m_cases[size_t(index)];
        const QString tag = QString::number(index);

        // 1. A fresh output: the message, and no output appears.
        {
            const QDir dir = caseFolder(tag + "-fresh");
            if (c.setup)
                c.setup(dir);
            const QMap<QString, QByteArray> before = snapshot(dir.path());
            const Run r = runCli(expand(c.args, dir, dir.filePath("fresh.yaml")), c.input);
            checkMessage(r, c);
            if (QTest::currentTestFailed())
                return;
            QCOMPARE(snapshot(dir.path()), before); // inputs untouched, nothing new, no temporary file left
        }
        // 2. An existing output: it survives byte for byte.
        {
            const QDir dir = caseFolder(tag + "-existing");
            if (c.setup)
                c.setup(dir);
            file(dir, "existing.yaml", "# an existing output: " + c.name.toUtf8() + "\n");
            const QMap<QString, QByteArray> before = snapshot(dir.path());
            const Run r = runCli(expand(c.args, dir, dir.filePath("existing.yaml")), c.input);
            checkMessage(r, c);
            if (QTest::currentTestFailed())
                return;
            QCOMPARE(snapshot(dir.path()), before);
        }
    }

    void catalogueHasEveryKind() { QCOMPARE(int(m_cases.size()), 62); }

    // ---- defects that need more than one run ----------------------------------------------------------

    // Defect 4: agreement for every pair of 2000 score columns took 22.6 s and wrote 197 MB; now such a file
    // is refused at once, and up to the limit the file states linearly many pairs.
    void manyMetricsAreRefusedQuickly()
    {
        const QDir dir = caseFolder("many-metrics");
        QByteArray header = "name";
        QByteArray row = "lm_head";
        for (int i = 0; i < 100000; ++i) {
            header += ",s" + QByteArray::number(i);
            row += ",1";
        }
        file(dir, "m.csv", header + "\n" + row + "\n");
        QElapsedTimer timer;
        timer.start();
        const Run r = runCli({ "profiles", "--inventory", dir.filePath("ops.csv"), "--metric",
            dir.filePath("m.csv"), "-o", dir.filePath("out.yaml") });
        QCOMPARE(r.code, 2);
        QVERIFY2(
            r.err.contains("m.csv:1: 100000 score columns: more than the 64 metrics"), r.err.constData());
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
    }

    void agreementPairsGrowLinearlyBeyondEight()
    {
        const QDir dir = caseFolder("pairs");
        for (const int columns : { 8, 64 }) {
            QByteArray text = "name";
            for (int i = 0; i < columns; ++i)
                text += ",s" + QByteArray::number(i);
            text += "\n";
            for (int op = 0; op < 4; ++op) {
                text += QByteArrayList { "model.layers.0.self_attn.q_proj", "model.layers.0.mlp.down_proj",
                    "model.layers.1.self_attn.q_proj", "model.layers.1.mlp.down_proj" }[op];
                for (int i = 0; i < columns; ++i)
                    text += "," + QByteArray::number((op * 7 + i) % 5);
                text += "\n";
            }
            const QString m = dir.filePath(QStringLiteral("m%1.csv").arg(columns));
            const QString out = dir.filePath(QStringLiteral("out%1.yaml").arg(columns));
            writeBytes(m, text);
            const Run r
                = runCli({ "profiles", "--inventory", dir.filePath("ops.csv"), "--metric", m, "-o", out });
            QVERIFY2(r.code == 0, qPrintable(r.describe()));
            const int pairs = int(readBytes(out).count("\n  - {a: "));
            QCOMPARE(pairs, columns == 8 ? 28 : 63);
        }
    }

    // Defect 5: names written with escapes missed, and every later lookup scanned to the end again: 40k rows
    // took 37.9 s. The lines must still be right.
    void escapedJsonNamesAreLinear()
    {
        const QDir dir = caseFolder("escaped");
        QByteArray json = "[\n";
        constexpr int kRows = 40000;
        for (int i = 0; i < kRows; ++i)
            json += "{\"name\": \"\\u006dodel.layers." + QByteArray::number(i)
                + ".mlp.down_proj\", \"score\": " + QByteArray::number(i % 97) + "},\n";
        json += "{\"name\": \"\\u006dodel.layers.0.mlp.down_proj\", \"score\": 1000}\n]\n";
        file(dir, "m.json", json);
        QElapsedTimer timer;
        timer.start();
        const Run r
            = runCli({ "profiles", "--metric", dir.filePath("m.json"), "-o", dir.filePath("out.yaml") });
        QCOMPARE(r.code, 2);
        // The repeated name is on the last row, line kRows + 2, and its first statement on line 2.
        QVERIFY2(r.err.contains(QStringLiteral("m.json:%1: duplicate op name 'model.layers.0.mlp.down_proj'")
                                    .arg(kRows + 2)
                                    .toUtf8()),
            r.err.constData());
        QVERIFY2(r.err.contains("first at line 2"), r.err.constData());
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
    }

    // Defect 7: `check` said only "edited by hand?"; a NaN cut quantized every eligible op.
    void checkNamesTheBadCut()
    {
        const QDir dir = caseFolder("nan-cut");
        editedProfile("bad.yaml", "cut: 0.5", "cut: .nan")(dir);
        const Run r = runCli({ "check", dir.filePath("bad.yaml") });
        QCOMPARE(r.code, 2);
        const int line = int(readBytes(dir.filePath("bad.yaml"))
                                 .left(readBytes(dir.filePath("bad.yaml")).indexOf("cut: .nan"))
                                 .count('\n'))
            + 1;
        QVERIFY2(
            r.err.contains(QStringLiteral("bad.yaml:%1: cut B=nan is not a number >= 0").arg(line).toUtf8()),
            r.err.constData());
    }

    // Defect 3 for every command that writes is in the catalogue; a refused output is never created either.
    void outputEqualInputLeavesNoTrace()
    {
        const QDir dir = caseFolder("same");
        const QByteArray before = readBytes(dir.filePath("good.csv"));
        const Run r
            = runCli({ "profiles", "--metric", dir.filePath("good.csv"), "-o", dir.filePath("good.csv") });
        QCOMPARE(r.code, 2);
        QCOMPARE(readBytes(dir.filePath("good.csv")), before);
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestBadInputs)
#include "tst_bad_inputs.moc"
