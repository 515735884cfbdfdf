// Tests of the metric importers (core/metrics): every format, detection, and the rejection of bad input.
// Fixtures are synthetic: written to a temporary directory here, or small files in tests/data/importers/.
// The real Qwen2.5-VL-3B files are read from QUANTCUT_SHARED_DATA and skipped when absent.

// The expected values are ASCII literals by the hundred; implicit conversion keeps the tables readable.
#undef QT_NO_CAST_FROM_ASCII
#include "TestPaths.h"
#include "inventory/Inventory.h"
#include "io/FileError.h"
#include "metrics/MetricImporter.h"
#include "metrics/ModelOptAutoQuantImporter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace qc;

namespace {

const MetricEntry* findEntry(const Metric& metric, const QString& name)
{
    for (const MetricEntry& e : metric.entries) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

QStringList names(const Metric& metric)
{
    QStringList list;
    for (const MetricEntry& e : metric.entries)
        list.append(e.name);
    return list;
}

QStringList keys(const std::vector<Metric>& metrics)
{
    QStringList list;
    for (const Metric& m : metrics)
        list.append(m.key);
    return list;
}

} // namespace

class TestImporters : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString& fileName, const QByteArray& content)
    {
        const QString path = m_dir.filePath(fileName);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
            qFatal("cannot write fixture %s", qPrintable(path));
        return path;
    }

    std::vector<Metric> importText(
        const QString& fileName, const QByteArray& content, const QString& format = {})
    {
        return MetricImporter::import(write(fileName, content), format);
    }

    // Imports and expects a FileError with a message containing `message` at `line`.
    void expectError(const QString& fileName, const QByteArray& content, const QString& format,
        const QString& message, int line)
    {
        const QString path = write(fileName, content);
        try {
            const std::vector<Metric> metrics = MetricImporter::import(path, format);
            QFAIL(qPrintable(QStringLiteral("no error; imported %1 metric(s)").arg(metrics.size())));
        } catch (const FileError& e) {
            QVERIFY2(e.message().contains(message), qPrintable(e.toString()));
            QCOMPARE(e.line(), line);
            QCOMPARE(e.file(), path);
        }
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void formatsList()
    {
        QStringList ids;
        for (const auto& f : MetricImporter::formats())
            ids.append(f.id);
        QCOMPARE(ids,
            QStringList({ "inc-mse-json", "inc-log", "hawq-json", "modelopt-autoquant",
                "modelopt-autoquant-manifest", "csv", "json", "yaml" }));
        QVERIFY(MetricImporter::isKnownFormat(QStringLiteral("csv")));
        QVERIFY(!MetricImporter::isKnownFormat(QStringLiteral("xlsx")));
    }

    void detect_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("format");
        QTest::newRow("modelopt") << QByteArray(R"({"layer_sensitivity": []})") << "x.json"
                                  << "modelopt-autoquant";
        QTest::newRow("inc-mse fallback") << QByteArray(R"({"fp32_fallback_sensitivity": []})") << "x.json"
                                          << "inc-mse-json";
        QTest::newRow("inc-mse requant") << QByteArray(R"({"int8_requant_sensitivity": []})") << "x"
                                         << "inc-mse-json";
        QTest::newRow("hawq by name") << QByteArray(R"({"a": 1.5})") << "run_HAWQ_traces.json"
                                      << "hawq-json";
        QTest::newRow("map without hawq name") << QByteArray(R"({"a": 1.5})") << "traces.json"
                                               << "json";
        QTest::newRow("hawq wrapper") << QByteArray(R"({"hawq_v2": {"a": 1.5}})") << "t.json"
                                      << "hawq-json";
        QTest::newRow("json list") << QByteArray(R"([{"name": "a", "score": 1}])") << "t.txt"
                                   << "json";
        QTest::newRow("broken json") << QByteArray(R"({"a": )") << "t.json"
                                     << "json";
        QTest::newRow("log fallback order") << QByteArray("x [DEBUG] fallback order: {}\n") << "run.txt"
                                            << "inc-log";
        QTest::newRow("log ops_lst") << QByteArray("*** ops_lst(1): [('a', 'Linear')]\n") << "run"
                                     << "inc-log";
        QTest::newRow("log dump") << QByteArray("Dump MSE order:\n('a', 'MatMul'): 1\n") << "r.log"
                                  << "inc-log";
        QTest::newRow("log hawq") << QByteArray("*** op: conv1, hessian trace : 0.5\n") << "r.log"
                                  << "inc-log";
        QTest::newRow("log highest") << QByteArray(
            "*** The op ('a', 'Linear') have the highest sensitivity in the current state, x\n")
                                     << "r"
                                     << "inc-log";
        QTest::newRow("yaml by extension") << QByteArray("a: 1\n") << "s.yaml"
                                           << "yaml";
        QTest::newRow("yml flow map") << QByteArray("{a: 1, b: 2}\n") << "s.yml"
                                      << "yaml";
        QTest::newRow("yaml by content") << QByteArray("a: 1\nb: 2\n") << "scores"
                                         << "yaml";
        QTest::newRow("yaml flow, no extension") << QByteArray("{a: 1, b: 2}\n") << "scores"
                                                 << "yaml";
        QTest::newRow("csv comma") << QByteArray("name,score\na,1\n") << "s.txt"
                                   << "csv";
        QTest::newRow("csv tab") << QByteArray("name\tscore\na\t1\n") << "s"
                                 << "csv";
        QTest::newRow("csv semicolon bom") << QByteArray("\xEF\xBB\xBFname;score\r\na;1\r\n") << "s"
                                           << "csv";
        QTest::newRow("plain text") << QByteArray("hello world\n") << "notes.txt"
                                    << "";
        QTest::newRow("binary") << QByteArray("name,score\n\0\0", 13) << "s.csv"
                                << "";
    }

    void detect()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, path);
        QFETCH(QString, format);
        QCOMPARE(MetricImporter::detect(content, path), format);
    }

    void incMseJson()
    {
        const QByteArray json = R"({
  "meta": {"backend": "pytorch_fx", "strategy": "mse_v2"},
  "fp32_fallback_sensitivity": [
    {"op_name": "model.layers.0.self_attn.q_proj", "op_type": "Linear", "mse": 0.5},
    {"op_name": "lm_head", "op_type": "Linear", "mse": 12.25}
  ],
  "int8_requant_sensitivity": [
    {"op_name": "lm_head", "op_type": "Linear", "mse": 3}
  ]
})";
        const QString path = write(QStringLiteral("dump.json"), json);
        const std::vector<Metric> metrics = MetricImporter::import(path);
        QCOMPARE(keys(metrics), QStringList({ "mse_v2_fallback", "mse_v2_requant" }));

        const Metric& fallback = metrics[0];
        QCOMPARE(fallback.id, QStringLiteral("mse_v2_fallback"));
        QCOMPARE(fallback.label, QStringLiteral("INC MSE_V2 fp32 fallback"));
        QCOMPARE(fallback.format, QStringLiteral("inc-mse-json"));
        QCOMPARE(fallback.file, path);
        QCOMPARE(fallback.fileSha256,
            QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(fallback.sourcePolarity, Polarity::LowerIsMoreSensitive);
        QVERIFY(!fallback.valuesAreRanks);
        QVERIFY2(fallback.note.contains(QLatin1String("opposite")), qPrintable(fallback.note));
        QCOMPARE(names(fallback), QStringList({ "model.layers.0.self_attn.q_proj", "lm_head" }));
        QCOMPARE(fallback.entries[0].opType, QStringLiteral("Linear"));
        QCOMPARE(fallback.entries[0].value, 0.5);
        QCOMPARE(fallback.entries[0].line, 4);
        QCOMPARE(fallback.entries[1].value, 12.25);
        QCOMPARE(fallback.entries[1].line, 5);
        QVERIFY(fallback.entries[1].groupLeader.isEmpty());

        const Metric& requant = metrics[1];
        QCOMPARE(requant.sourcePolarity, Polarity::HigherIsMoreSensitive);
        QCOMPARE(requant.entries.size(), size_t(1));
        QCOMPARE(requant.entries[0].name, QStringLiteral("lm_head"));
        QCOMPARE(requant.entries[0].value, 3.0);
        QCOMPARE(requant.entries[0].line, 8); // found after the requant list's key, not in the fallback list
    }

    void incMseJsonEmptyRequant()
    {
        const std::vector<Metric> metrics = importText(QStringLiteral("d.json"),
            R"({"fp32_fallback_sensitivity": [{"op_name": "a", "op_type": "Conv2d", "mse": 2}], "int8_requant_sensitivity": []})");
        QCOMPARE(keys(metrics), QStringList({ "mse_v2_fallback" }));
        QCOMPARE(metrics[0].entries[0].opType, QStringLiteral("Conv2d"));
    }

    void incLogFallbackOrder()
    {
        const std::vector<Metric> metrics = MetricImporter::import(
            qc::test::sourcePath(QStringLiteral("tests/data/importers/inc_mse_v2_debug.log")));
        QCOMPARE(keys(metrics), QStringList({ "mse_v2_fallback" }));
        const Metric& m = metrics[0];
        QCOMPARE(m.format, QStringLiteral("inc-log"));
        QCOMPARE(m.sourcePolarity, Polarity::LowerIsMoreSensitive);
        QVERIFY(!m.valuesAreRanks); // scores win over ops_lst and the INFO lines
        // The first "fallback order:" line (line 4), not the re-scored one on line 8.
        QCOMPARE(names(m), QStringList({ "model.layers.0.mlp.down_proj", "lm_head", "it's.odd" }));
        QCOMPARE(m.entries[0].value, 12.5);
        QCOMPARE(m.entries[1].value, 1200.0); // tensor(1.2e+03, device='cuda:0')
        QCOMPARE(m.entries[2].value, 0.25); // a plain float, double-quoted name
        QCOMPARE(m.entries[0].opType, QStringLiteral("Linear"));
        for (const MetricEntry& e : m.entries)
            QCOMPARE(e.line, 4);
        QVERIFY2(m.note.contains(QLatin1String("1 later 'fallback order:'")), qPrintable(m.note));
    }

    void incLogDumpMse()
    {
        const QByteArray log
            = "2024-05-02 10:00:00 [INFO] Start to fallback op to fp32.\n"
              "2024-05-02 10:00:01 [DEBUG] Dump MSE order:\n"
              "2024-05-02 10:00:01 [DEBUG] ('/bert/encoder/layer.0/output/dense/MatMul', 'MatMul'): 0.0123\n"
              "('/bert/pooler/dense/MatMul', 'MatMul'): 1.5e-05\r\n"
              "2024-05-02 10:00:02 [INFO] *** The op ('/bert/pooler/dense/MatMul', 'MatMul') have the "
              "highest sensitivity in the current state,                         fallback it to fp32.\n"
              "2024-05-02 10:00:03 [DEBUG] Dump MSE order:\n"
              "2024-05-02 10:00:03 [DEBUG] ('/bert/encoder/layer.0/output/dense/MatMul', 'MatMul'): 9\n";
        const std::vector<Metric> metrics = importText(QStringLiteral("onnx.log"), log);
        QCOMPARE(keys(metrics), QStringList({ "mse_v2_fallback" }));
        const Metric& m = metrics[0];
        QCOMPARE(m.sourcePolarity, Polarity::LowerIsMoreSensitive);
        QVERIFY(!m.valuesAreRanks);
        QCOMPARE(names(m),
            QStringList({ "/bert/encoder/layer.0/output/dense/MatMul", "/bert/pooler/dense/MatMul" }));
        QCOMPARE(m.entries[0].value, 0.0123);
        QCOMPARE(m.entries[0].opType, QStringLiteral("MatMul"));
        QCOMPARE(m.entries[0].line, 3);
        QCOMPARE(m.entries[1].value, 1.5e-05);
        QCOMPARE(m.entries[1].line, 4);
    }

    void incLogOpsList()
    {
        const QByteArray log
            = "2024-05-02 10:00:02 [DEBUG] *** ops_lst(3): [('b', 'Linear'), (\"a\", 'Conv2d'), ('c', "
              "'Linear')] \n"
              "2024-05-02 10:00:02 [INFO] *** The op ('b', 'Linear') have the highest sensitivity in the "
              "current state,                         fallback it to fp32.\n"
              "2024-05-02 10:00:09 [DEBUG] *** ops_lst(2): [('c', 'Linear'), ('a', 'Conv2d')] \n";
        const std::vector<Metric> metrics = importText(QStringLiteral("ops.log"), log);
        QCOMPARE(keys(metrics), QStringList({ "mse_v2_fallback" }));
        const Metric& m = metrics[0];
        QVERIFY(m.valuesAreRanks);
        QCOMPARE(m.sourcePolarity, Polarity::LowerIsMoreSensitive);
        QCOMPARE(names(m), QStringList({ "b", "a", "c" }));
        QCOMPARE(m.entries[0].value, 1.0);
        QCOMPARE(m.entries[1].value, 2.0);
        QCOMPARE(m.entries[1].opType, QStringLiteral("Conv2d"));
        QCOMPARE(m.entries[2].value, 3.0);
        QCOMPARE(m.entries[2].line, 1);
    }

    void incLogHighestPicks()
    {
        const QByteArray log
            = "2024-05-02 10:00:00 [INFO] Start to fallback op to fp32.\n"
              "2024-05-02 10:00:02 [INFO] *** The op ('lm_head', 'Linear') have the highest sensitivity in "
              "the current state,                         fallback it to fp32.\n"
              "2024-05-02 10:00:05 [INFO] Tune 2 result is: ...\n"
              "2024-05-02 10:00:06 [INFO] *** The op (\"model.layers.3.mlp.down_proj\", \"Linear\") have the "
              "highest sensitivity in the current state,                         fallback it to fp32.\n"
              "2024-05-02 10:00:09 [INFO] *** The op ('model.layers.3.mlp.down_proj', 'Linear') have the "
              "lowest sensitivity in the current state,                                    re-quantize it.\n";
        const std::vector<Metric> metrics = importText(QStringLiteral("info.log"), log);
        QCOMPARE(keys(metrics), QStringList({ "mse_v2_fallback_order" }));
        const Metric& m = metrics[0];
        QVERIFY(m.valuesAreRanks);
        QCOMPARE(m.sourcePolarity, Polarity::LowerIsMoreSensitive);
        QCOMPARE(names(m), QStringList({ "lm_head", "model.layers.3.mlp.down_proj" }));
        QCOMPARE(m.entries[0].value, 1.0);
        QCOMPARE(m.entries[0].line, 2);
        QCOMPARE(m.entries[1].value, 2.0);
        QCOMPARE(m.entries[1].line, 4);
    }

    void incLogEmptyDictFallsThrough()
    {
        const QByteArray log
            = "2024-05-02 10:00:01 [DEBUG] fallback order: {}\n"
              "2024-05-02 10:00:01 [DEBUG] *** ops_lst(0): [] \n"
              "2024-05-02 10:00:02 [INFO] *** The op ('fc', 'Linear') have the highest sensitivity in "
              "the current state,                         fallback it to fp32.\n";
        const std::vector<Metric> metrics = importText(QStringLiteral("empty.log"), log);
        QCOMPARE(keys(metrics), QStringList({ "mse_v2_fallback_order" }));
        QCOMPARE(names(metrics[0]), QStringList({ "fc" }));
        QCOMPARE(metrics[0].entries[0].line, 3);
    }

    void incLogHawqAndMse()
    {
        const QByteArray log = "2024-05-02 10:00:00 [INFO] **************  Start compute the hessian trace  "
                               "*****************\n"
                               "2024-05-02 10:00:09 [INFO] **************  Hessian Trace  *****************\n"
                               "2024-05-02 10:00:09 [INFO] *** op: layer1.0.conv1, hessian trace : 0.75\n"
                               "2024-05-02 10:00:09 [INFO] *** op: fc, hessian trace : 1.25e-02\n"
                               "2024-05-02 10:00:09 [INFO] ************************************************\n"
                               "2024-05-02 10:00:10 [DEBUG] fallback order: {('fc', 'Linear'): tensor(3.)}\n"
                               "2024-05-02 10:00:11 [INFO] *** op: fc, hessian trace : 99\n";
        const std::vector<Metric> metrics = importText(QStringLiteral("mixed.log"), log);
        QCOMPARE(keys(metrics), QStringList({ "mse_v2_fallback", "hawq_v2" }));
        const Metric& hawq = metrics[1];
        QCOMPARE(hawq.sourcePolarity, Polarity::HigherIsMoreSensitive);
        QCOMPARE(names(hawq), QStringList({ "layer1.0.conv1", "fc" })); // the second block is not read
        QCOMPARE(hawq.entries[0].value, 0.75);
        QCOMPARE(hawq.entries[0].line, 3);
        QCOMPARE(hawq.entries[1].value, 0.0125);
        QCOMPARE(metrics[0].entries[0].value, 3.0);
    }

    void hawqJson()
    {
        const QByteArray json = "{\n  \"layer1.0.conv1\": 0.5,\n  \"fc\": 2\n}\n";
        std::vector<Metric> metrics = importText(QStringLiteral("resnet_hawq.json"), json);
        QCOMPARE(keys(metrics), QStringList({ "hawq_v2" }));
        QCOMPARE(metrics[0].format, QStringLiteral("hawq-json"));
        QCOMPARE(metrics[0].sourcePolarity, Polarity::HigherIsMoreSensitive);
        // Written order, not QJsonObject's sorted order.
        QCOMPARE(names(metrics[0]), QStringList({ "layer1.0.conv1", "fc" }));
        QCOMPARE(metrics[0].entries[1].value, 2.0);
        QCOMPARE(metrics[0].entries[1].line, 3);

        metrics = importText(QStringLiteral("wrapped.json"), R"({"hawq_v2": {"conv": 1.5}})");
        QCOMPARE(metrics[0].format, QStringLiteral("hawq-json"));
        QCOMPARE(metrics[0].entries[0].value, 1.5);

        // The same map under another name is the generic json map, key = base name.
        metrics = importText(QStringLiteral("traces.json"), json);
        QCOMPARE(metrics[0].format, QStringLiteral("json"));
        QCOMPARE(metrics[0].key, QStringLiteral("traces"));
        QCOMPARE(metrics[0].sourcePolarity, Polarity::HigherIsMoreSensitive);

        // An explicit format wins over detection.
        metrics = importText(QStringLiteral("traces.json"), json, QStringLiteral("hawq-json"));
        QCOMPARE(metrics[0].key, QStringLiteral("hawq_v2"));
    }

    void modelOptGroups()
    {
        const QByteArray json = R"({
  "scheme": {"name": "x"},
  "autoquant_state": {"recipe": {"m.layers.0.self_attn.q_proj": "INT8"}},
  "layer_sensitivity": [
    {"layer": "m.layers.0.self_attn.q_proj", "num_bits": 8.0, "sensitivity": 0.5, "size_cost": 10},
    {"layer": "m.layers.0.mlp.gate_proj.quant_recipe", "num_bits": 8.0, "sensitivity": 0.25, "size_cost": 10},
    {"layer": "m.layers.1.self_attn.q_proj", "num_bits": 8.0, "sensitivity": 1.0, "size_cost": 10},
    {"layer": "m.layers.1.self_attn.k_proj", "num_bits": 8.0, "sensitivity": 2.0, "size_cost": 10},
    {"layer": "m.layers.0.mlp.down_proj", "num_bits": 8.0, "sensitivity": 0.125, "size_cost": 10}
  ]
})";
        const std::vector<Metric> metrics = importText(QStringLiteral("aq.json"), json);
        QCOMPARE(keys(metrics), QStringList({ "autoquant" }));
        const Metric& m = metrics[0];
        QCOMPARE(m.label, QStringLiteral("ModelOpt AutoQuantize · 8 effective bits (format not stated)"));
        QCOMPARE(m.format, QStringLiteral("modelopt-autoquant"));
        QCOMPARE(m.sourcePolarity, Polarity::HigherIsMoreSensitive);
        QCOMPARE(names(m),
            QStringList({ // the written entries in file order, then the derived members
                "m.layers.0.self_attn.q_proj", "m.layers.0.mlp.gate_proj.quant_recipe",
                "m.layers.1.self_attn.q_proj", "m.layers.1.self_attn.k_proj", "m.layers.0.mlp.down_proj",
                "m.layers.0.self_attn.k_proj", "m.layers.0.self_attn.v_proj",
                "m.layers.0.mlp.up_proj.quant_recipe", "m.layers.1.self_attn.v_proj" }));
        const MetricEntry* leader = findEntry(m, QStringLiteral("m.layers.0.self_attn.q_proj"));
        const MetricEntry* k = findEntry(m, QStringLiteral("m.layers.0.self_attn.k_proj"));
        QVERIFY(leader && k);
        QVERIFY(leader->groupLeader.isEmpty());
        QCOMPARE(leader->line, 5); // in layer_sensitivity, not the earlier mention in autoquant_state
        QCOMPARE(k->value, 0.5);
        QCOMPARE(k->groupLeader, QStringLiteral("m.layers.0.self_attn.q_proj"));
        QCOMPARE(k->line, 5);
        const MetricEntry* up = findEntry(m, QStringLiteral("m.layers.0.mlp.up_proj.quant_recipe"));
        QVERIFY(up);
        QCOMPARE(up->value, 0.25);
        QCOMPARE(up->groupLeader, QStringLiteral("m.layers.0.mlp.gate_proj.quant_recipe"));
        // A member the file scores itself keeps its own score.
        const MetricEntry* k1 = findEntry(m, QStringLiteral("m.layers.1.self_attn.k_proj"));
        QCOMPARE(k1->value, 2.0);
        QVERIFY(k1->groupLeader.isEmpty());
        QCOMPARE(findEntry(m, QStringLiteral("m.layers.1.self_attn.v_proj"))->value, 1.0);
        QCOMPARE(findEntry(m, QStringLiteral("m.layers.0.mlp.down_proj"))->groupLeader, QString());
    }

    void modelOptSeveralBits()
    {
        const QByteArray json = R"({"layer_sensitivity": [
            {"layer": "a.fc1", "num_bits": 8, "sensitivity": 0.5},
            {"layer": "a.fc1", "num_bits": 4, "sensitivity": 3.5},
            {"layer": "a.fc2", "num_bits": 4, "sensitivity": 1.5}]})";
        const std::vector<Metric> metrics = importText(QStringLiteral("aq2.json"), json);
        // num_bits is effective bits, not a weight width, and the file names no format: no INT label.
        QCOMPARE(keys(metrics), QStringList({ "autoquant_4bit", "autoquant_8bit" }));
        QCOMPARE(metrics[0].entries.size(), size_t(2));
        QCOMPARE(findEntry(metrics[0], QStringLiteral("a.fc1"))->value, 3.5);
        QCOMPARE(findEntry(metrics[1], QStringLiteral("a.fc1"))->value, 0.5);
        QCOMPARE(metrics[1].id, QStringLiteral("autoquant_8bit"));
        QCOMPARE(
            metrics[1].label, QStringLiteral("ModelOpt AutoQuantize · 8 effective bits (format not stated)"));
    }

    void derivedMembers()
    {
        QCOMPARE(ModelOptAutoQuantImporter::derivedMembers(QStringLiteral("x.q_proj")),
            QStringList({ "x.k_proj", "x.v_proj" }));
        QCOMPARE(ModelOptAutoQuantImporter::derivedMembers(QStringLiteral("visual.blocks.3.mlp.gate_proj")),
            QStringList({ "visual.blocks.3.mlp.up_proj" }));
        QVERIFY(
            ModelOptAutoQuantImporter::derivedMembers(QStringLiteral("visual.blocks.3.attn.qkv")).isEmpty());
        QVERIFY(ModelOptAutoQuantImporter::derivedMembers(QStringLiteral("q_proj")).isEmpty());
    }

    void csv_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("keys");
        QTest::addColumn<QList<int>>("polarities"); // 0 higher, 1 lower
        QTest::addColumn<QStringList>("names"); // of the first metric
        QTest::addColumn<QList<double>>("values"); // of the first metric
        QTest::addColumn<QList<int>>("lines"); // of the first metric

        QTest::newRow("semicolon, CRLF, BOM")
            << QByteArray(
                   "\xEF\xBB\xBFop_name;op_type;mse\r\nlayers.0.q;Linear;0.5\r\nlm_head;Linear;1e3\r\n")
            << QStringList { "mse" } << QList<int> { 0 } << QStringList { "layers.0.q", "lm_head" }
            << QList<double> { 0.5, 1000.0 } << QList<int> { 2, 3 };
        QTest::newRow("tab") << QByteArray("module\tscore\na\t-1.5\nb\t+2\n") << QStringList { "score" }
                             << QList<int> { 0 } << QStringList { "a", "b" } << QList<double> { -1.5, 2.0 }
                             << QList<int> { 2, 3 };
        QTest::newRow("two score columns, metadata skipped") << QByteArray(
            "name,op_type,layer_index,params,hawq,kl\nfc1,Linear,0,100,0.5,0.1\nfc2,Linear,1,100,0.25,0.2\n")
                                                             << QStringList { "hawq", "kl" }
                                                             << QList<int> { 0, 0 }
                                                             << QStringList { "fc1", "fc2" }
                                                             << QList<double> { 0.5, 0.25 }
                                                             << QList<int> { 2, 3 };
        QTest::newRow("[lower] annotation, empty cell")
            << QByteArray("layer,mse [lower],trace\na,1,\nb,,7\nc,3,8\n") << QStringList { "mse", "trace" }
            << QList<int> { 1, 0 } << QStringList { "a", "c" } << QList<double> { 1.0, 3.0 }
            << QList<int> { 2, 4 };
        QTest::newRow("(lower is more sensitive) annotation")
            << QByteArray("node,mse (lower is more sensitive)\nn1,0.5\n") << QStringList { "mse" }
            << QList<int> { 1 } << QStringList { "n1" } << QList<double> { 0.5 } << QList<int> { 2 };
        QTest::newRow("text column skipped, quoted name")
            << QByteArray("name,dtype,score\n\"a,b\",int8,2\nc,fp32,3\n") << QStringList { "score" }
            << QList<int> { 0 } << QStringList { "a,b", "c" } << QList<double> { 2.0, 3.0 }
            << QList<int> { 2, 3 };
        QTest::newRow("same name twice with the same score")
            << QByteArray("name,score\na,1\nb,2\na,1\n") << QStringList { "score" } << QList<int> { 0 }
            << QStringList { "a", "b" } << QList<double> { 1.0, 2.0 } << QList<int> { 2, 3 };
    }

    void csv()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, keys);
        QFETCH(QList<int>, polarities);
        QFETCH(QStringList, names);
        QFETCH(QList<double>, values);
        QFETCH(QList<int>, lines);
        const std::vector<Metric> metrics = importText(QStringLiteral("table.csv"), content);
        QCOMPARE(::keys(metrics), keys);
        for (size_t i = 0; i < metrics.size(); ++i) {
            QCOMPARE(metrics[i].format, QStringLiteral("csv"));
            QCOMPARE(
                int(metrics[i].sourcePolarity == Polarity::LowerIsMoreSensitive), polarities[qsizetype(i)]);
        }
        const Metric& m = metrics[0];
        QCOMPARE(::names(m), names);
        for (qsizetype i = 0; i < values.size(); ++i) {
            QCOMPARE(m.entries[size_t(i)].value, values[i]);
            QCOMPARE(m.entries[size_t(i)].line, lines[i]);
        }
    }

    void csvSecondMetric()
    {
        const std::vector<Metric> metrics
            = importText(QStringLiteral("t.csv"), "name,op_type,a,b [lower]\nx,Linear,1,4\ny,Conv2d,2,5\n");
        QCOMPARE(metrics.size(), size_t(2));
        QCOMPARE(metrics[1].key, QStringLiteral("b"));
        QCOMPARE(metrics[1].id, QStringLiteral("b"));
        QCOMPARE(metrics[1].sourcePolarity, Polarity::LowerIsMoreSensitive);
        QCOMPARE(metrics[1].entries[1].name, QStringLiteral("y"));
        QCOMPARE(metrics[1].entries[1].opType, QStringLiteral("Conv2d"));
        QCOMPARE(metrics[1].entries[1].value, 5.0);
    }

    // Given the inventory, names equal to an op's are the op's strings (shared, not copies), the entries are
    // those of a read without it, and a repeated name is told apart the same way whether an op has it or not.
    void namesShareTheInventorysStrings_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("csv") << "s.csv" << QByteArray("name,a,b\nm.x,1,4\nother,2,5\nm.ü,3,6\nm.x,1,4\n");
        QTest::newRow("json map") << "s.json" << QByteArray(R"({"m.x": 1, "other": 2, "m.ü": 3})");
        QTest::newRow("inc log")
            << "s.log"
            << QByteArray("2024-05-02 10:00:00 [INFO] Start to fallback op to fp32.\n"
                          "2024-05-02 10:00:01 [DEBUG] fallback order: {('m.x', 'Linear'): tensor(1.5), "
                          "('other', 'Linear'): 2.5, ('m.ü', 'Linear'): 0.25}\n");
    }
    void namesShareTheInventorysStrings()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        const Inventory inventory({ { QStringLiteral("m.x"), QStringLiteral("Linear"), {}, 0, 1 },
            { QStringLiteral("m.ü"), QStringLiteral("Linear"), {}, 0, 1 } });
        const std::vector<Metric> plain = MetricImporter::importData(content, file);
        const std::vector<Metric> shared = MetricImporter::importData(content, file, {}, &inventory);
        QCOMPARE(shared.size(), plain.size());
        for (size_t m = 0; m < shared.size(); ++m) {
            QCOMPARE(shared[m].entries.size(), plain[m].entries.size());
            QCOMPARE(shared[m].entries.size(), size_t(3)); // the repeated row once
            for (size_t e = 0; e < shared[m].entries.size(); ++e) {
                const MetricEntry& entry = shared[m].entries[e];
                QCOMPARE(entry.name, plain[m].entries[e].name);
                QCOMPARE(entry.value, plain[m].entries[e].value);
                const int op = inventory.indexOf(entry.name);
                QCOMPARE(op >= 0, entry.name != QLatin1String("other"));
                if (op >= 0)
                    QVERIFY(entry.name.constData() == inventory.at(op).name.constData());
            }
        }
    }
    void repeatedNameWithAnotherScoreIsRefusedWithAnInventory_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("an op's name")
            << QByteArray("name,a\nm.x,1\nother,2\nm.x,3\n")
            << "s.csv:4: duplicate op name 'm.x' with a different score (first at line 2)";
        QTest::newRow("no op's name")
            << QByteArray("name,a\nother,1\nm.x,2\nother,3\n")
            << "s.csv:4: duplicate op name 'other' with a different score (first at line 2)";
    }
    void repeatedNameWithAnotherScoreIsRefusedWithAnInventory()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const Inventory inventory({ { QStringLiteral("m.x"), QStringLiteral("Linear"), {}, 0, 1 } });
        try {
            MetricImporter::importData(content, QStringLiteral("s.csv"), {}, &inventory);
            QFAIL("accepted a repeated name with another score");
        } catch (const FileError& e) {
            QCOMPARE(e.toString(), message);
        }
    }

    void jsonShapes()
    {
        // {"metrics": ...} with a polarity, in written order.
        std::vector<Metric> metrics = importText(QStringLiteral("m.json"), R"({
  "metrics": {
    "kl": {"b": 0.5, "a": 0.25},
    "mse": {"a": 1, "b": null, "c": "2.5"}
  },
  "polarity": {"mse": "lower-is-more-sensitive"}
})");
        QCOMPARE(keys(metrics), QStringList({ "kl", "mse" }));
        QCOMPARE(metrics[0].sourcePolarity, Polarity::HigherIsMoreSensitive);
        QCOMPARE(names(metrics[0]), QStringList({ "b", "a" }));
        QCOMPARE(metrics[0].entries[1].line, 3);
        QCOMPARE(metrics[1].sourcePolarity, Polarity::LowerIsMoreSensitive);
        QCOMPARE(names(metrics[1]), QStringList({ "a", "c" })); // null = no value
        QCOMPARE(metrics[1].entries[1].value, 2.5);
        QCOMPARE(metrics[1].entries[1].line, 4);

        // A list of row objects, as CSV rows.
        metrics = importText(QStringLiteral("rows.json"),
            "[\n {\"name\": \"a\", \"op_type\": \"Linear\", \"score\": 1.5, \"size_cost\": 9},\n"
            " {\"name\": \"b\", \"score\": 0.1, \"kl [lower]\": 3}\n]\n");
        QCOMPARE(keys(metrics), QStringList({ "score", "kl" }));
        QCOMPARE(names(metrics[0]), QStringList({ "a", "b" }));
        QCOMPARE(metrics[0].entries[0].opType, QStringLiteral("Linear"));
        QCOMPARE(metrics[0].entries[1].value, 0.1);
        QCOMPARE(metrics[0].entries[1].line, 3);
        QCOMPARE(metrics[1].sourcePolarity, Polarity::LowerIsMoreSensitive);
        QCOMPARE(names(metrics[1]), QStringList({ "b" }));

        // A plain map: one metric named after the file.
        metrics = importText(QStringLiteral("kl_div.json"), "{\"x\": 1e-3}");
        QCOMPARE(keys(metrics), QStringList({ "kl_div" }));
        QCOMPARE(metrics[0].entries[0].value, 1e-3);
    }

    void yamlShapes()
    {
        std::vector<Metric> metrics
            = importText(QStringLiteral("scores.yaml"), "# synthetic\nfc1: 0.5\nfc2: 2\nfc3: ~\n");
        QCOMPARE(keys(metrics), QStringList({ "scores" }));
        QCOMPARE(metrics[0].format, QStringLiteral("yaml"));
        QCOMPARE(names(metrics[0]), QStringList({ "fc1", "fc2" }));
        QCOMPARE(metrics[0].entries[1].value, 2.0);
        QCOMPARE(metrics[0].entries[1].line, 3);

        metrics = importText(QStringLiteral("multi.yml"),
            "metrics:\n  mse:\n    a: 1\n    b: 2\n  hawq:\n    a: 5\npolarity:\n  mse: "
            "lower-is-more-sensitive\n");
        QCOMPARE(keys(metrics), QStringList({ "mse", "hawq" }));
        QCOMPARE(metrics[0].sourcePolarity, Polarity::LowerIsMoreSensitive);
        QCOMPARE(metrics[1].sourcePolarity, Polarity::HigherIsMoreSensitive);
        QCOMPARE(metrics[0].entries[1].line, 4);

        metrics = importText(QStringLiteral("rows.yaml"),
            "- {name: a, score: 1.5, op_type: Linear}\n- name: b\n  score: 0.5\n");
        QCOMPARE(keys(metrics), QStringList({ "score" }));
        QCOMPARE(names(metrics[0]), QStringList({ "a", "b" }));
        QCOMPARE(metrics[0].entries[0].opType, QStringLiteral("Linear"));
        QCOMPARE(metrics[0].entries[1].value, 0.5);
        QCOMPARE(metrics[0].entries[1].line, 2);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");

        QTest::newRow("invalid JSON") << "bad.json" << QByteArray("{\n  \"a\": 1,\n  \"b\" 2\n}\n") << ""
                                      << "invalid JSON: " << 3;
        QTest::newRow("truncated JSON")
            << "cut.json" << QByteArray("{\"layer_sensitivity\": [\n {\"layer\": \"a\", \"sensit") << ""
            << "invalid JSON: " << 2;
        QTest::newRow("truncated modelopt, explicit format")
            << "cut.json" << QByteArray("{\"layer_sensitivity\": [\n {\"layer\": \"a\"},\n")
            << "modelopt-autoquant"
            << "invalid JSON: " << 3;
        QTest::newRow("JSON Infinity") << "inf.json" << QByteArray("{\n\"a\": Infinity}") << ""
                                       << "invalid JSON: " << 2;
        QTest::newRow("JSON NaN token")
            << "nan.json"
            << QByteArray("{\"fp32_fallback_sensitivity\": [\n{\"op_name\": \"a\", \"mse\": NaN}]}") << ""
            << "invalid JSON: " << 2;
        QTest::newRow("NaN as JSON string") << "s.json" << QByteArray("{\n\"a\": 1,\n\"b\": \"NaN\"\n}") << ""
                                            << "score is not a finite number" << 3;
        QTest::newRow("NaN in inc-mse-json")
            << "d.json"
            << QByteArray("{\"fp32_fallback_sensitivity\": [\n{\"op_name\": \"a\", \"mse\": \"nan\"}]}") << ""
            << "score is not a finite number" << 2;
        QTest::newRow("NaN in CSV") << "n.csv" << QByteArray("name,score\na,1\nb,NaN\n") << ""
                                    << "score is not a finite number" << 3;
        QTest::newRow("inf in CSV") << "n.csv" << QByteArray("name,score\na,-inf\n") << ""
                                    << "score is not a finite number" << 2;
        QTest::newRow("overflow in CSV") << "n.csv" << QByteArray("name,score\na,1\nb,1e999\n") << ""
                                         << "score is not a finite number" << 3;
        QTest::newRow("tensor(nan) in log")
            << "r.log" << QByteArray("x\nfallback order: {('a', 'Linear'): tensor(nan, device='cuda:0')}\n")
            << ""
            << "score is not a finite number" << 2;
        QTest::newRow("inf hessian trace") << "r.log" << QByteArray("*** op: fc, hessian trace : inf\n") << ""
                                           << "score is not a finite number" << 1;
        QTest::newRow("YAML .nan") << "s.yaml" << QByteArray("a: 1\nb: .nan\n") << ""
                                   << "score is not a finite number" << 2;
        QTest::newRow("duplicate in CSV")
            << "d.csv" << QByteArray("name,score\na,1\nb,2\na,3\n") << ""
            << "duplicate op name 'a' with a different score (first at line 2)" << 4;
        QTest::newRow("duplicate key in JSON map")
            << "d.json" << QByteArray("{\n\"a\": 1,\n\"a\": 2\n}") << ""
            << "duplicate op name 'a' with a different score (first at line 2)" << 3;
        QTest::newRow("duplicate in modelopt")
            << "d.json"
            << QByteArray("{\"layer_sensitivity\": [\n{\"layer\": \"x.fc\", \"sensitivity\": "
                          "1},\n{\"layer\": \"x.fc\", \"sensitivity\": 2}]}")
            << ""
            << "duplicate op name 'x.fc' with a different score (first at line 2)" << 3;
        QTest::newRow("duplicate in fallback order")
            << "r.log" << QByteArray("fallback order: {('a', 'Linear'): 1.0, ('a', 'Linear'): 2.0}\n") << ""
            << "duplicate op name 'a' with a different score (first at line 1)" << 1;
        QTest::newRow("missing name column")
            << "t.csv" << QByteArray("id,score\na,1\n") << ""
            << "no name column (expected one of: name, op, op_name, module, layer, node)" << 1;
        QTest::newRow("missing name column in JSON rows")
            << "t.json" << QByteArray("[{\"id\": \"a\", \"score\": 1}]") << ""
            << "no name column" << 1;
        QTest::newRow("non-numeric score") << "t.csv" << QByteArray("name,score\na,1\nb,abc\n") << ""
                                           << "score 'abc' in column 'score' is not a number" << 3;
        QTest::newRow("no score column") << "t.csv" << QByteArray("name,op_type\na,Linear\n") << ""
                                         << "no scores" << 1;
        QTest::newRow("wrong cell count") << "t.csv" << QByteArray("name,score\na,1,2\n") << ""
                                          << "expected 2 fields" << 2;
        QTest::newRow("unknown format") << "t.csv" << QByteArray("name,score\na,1\n") << "xlsx"
                                        << "unknown format 'xlsx' (known: inc-mse-json, inc-log, hawq-json, "
                                           "modelopt-autoquant, modelopt-autoquant-manifest, csv, json, yaml)"
                                        << 0;
        QTest::newRow("undetectable") << "notes.txt" << QByteArray("just some words\n") << ""
                                      << "cannot tell the format" << 0;
        QTest::newRow("empty file") << "e.csv" << QByteArray() << ""
                                    << "the file is empty" << 0;
        QTest::newRow("blank file") << "e.csv" << QByteArray(" \n\r\n") << ""
                                    << "the file is empty" << 0;
        QTest::newRow("binary file") << "b.csv" << QByteArray("name,score\na,1\n\x01\0\x02", 17) << ""
                                     << "not a text file (contains a NUL byte)" << 3;
        // The line, as inventories give it (issue 14, defect 9).
        QTest::newRow("invalid UTF-8") << "b.csv" << QByteArray("name,score\n\xff\xfe,1\n") << ""
                                       << "not a text file (invalid UTF-8)" << 2;
        QTest::newRow("YAML syntax error") << "s.yaml" << QByteArray("a: 1\nb: 2\nc: [1, 2\nd: 3\n") << ""
                                           << "invalid YAML: " << 4;
        QTest::newRow("YAML bad indentation") << "s.yaml" << QByteArray("a: 1\n  b: 2\n") << ""
                                              << "invalid YAML: " << 2;
        QTest::newRow("log without data")
            << "r.log" << QByteArray("2024-05-02 10:00:00 [INFO] Start to fallback op to fp32.\n")
            << "inc-log"
            << "no INC MSE_V2 or HAWQ_V2 sensitivity lines found" << 0;
        QTest::newRow("inc-mse-json all empty")
            << "d.json" << QByteArray("{\"fp32_fallback_sensitivity\": [], \"int8_requant_sensitivity\": []}")
            << ""
            << "no scores" << 0;
        QTest::newRow("modelopt empty") << "d.json" << QByteArray("{\"layer_sensitivity\": []}") << ""
                                        << "no scores" << 1;
        QTest::newRow("modelopt non-numeric")
            << "d.json"
            << QByteArray("{\"layer_sensitivity\": [\n{\"layer\": \"x\", \"sensitivity\": \"high\"}]}") << ""
            << "sensitivity of 'x' is not a number" << 2;
        QTest::newRow("JSON map with text value")
            << "m.json" << QByteArray("{\n\"a\": 1,\n\"b\": \"abc\"\n}") << ""
            << "score of 'b' is not a number" << 3;
        QTest::newRow("bad polarity")
            << "m.json" << QByteArray("{\"metrics\": {\"a\": {\"x\": 1}},\n\"polarity\": {\"a\": \"down\"}}")
            << ""
            << "polarity of 'a' must be" << 2;
        QTest::newRow("unsupported JSON shape") << "m.json" << QByteArray("{\"a\": {\"b\": [1]}}") << ""
                                                << "unsupported JSON shape" << 1;
    }

    void errors()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QFETCH(QString, format);
        QFETCH(QString, message);
        QFETCH(int, line);
        expectError(fileName, content, format, message, line);
    }

    void missingFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("absent.csv"));
        QVERIFY_THROWS_EXCEPTION(FileError, MetricImporter::import(path));
    }

    void largeInputsImportCompletely_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("csv") << "csv";
        QTest::newRow("json map") << "json";
        QTest::newRow("json rows") << "rows";
    }

    void largeInputsImportCompletely()
    {
        QFETCH(QString, format);
        const int n = 100000;
        QByteArray data;
        data.reserve(n * 40);
        if (format == QLatin1String("csv")) {
            data += "name,op_type,score\n";
            for (int i = 0; i < n; ++i)
                data += "model.layers." + QByteArray::number(i) + ".mlp.down_proj,Linear,"
                    + QByteArray::number(i * 0.5) + '\n';
        } else if (format == QLatin1String("json")) {
            data += "{\n";
            for (int i = 0; i < n; ++i)
                data += (i ? ",\n" : "") + QByteArray("\"model.layers.") + QByteArray::number(i)
                    + ".mlp.down_proj\": " + QByteArray::number(i * 0.5);
            data += "\n}\n";
        } else {
            data += "[\n";
            for (int i = 0; i < n; ++i)
                data += (i ? ",\n" : "") + QByteArray("{\"name\": \"model.layers.") + QByteArray::number(i)
                    + ".mlp.down_proj\", \"score\": " + QByteArray::number(i * 0.5) + '}';
            data += "\n]\n";
        }
        // Correctness at size only: speed is measured by quantcut-bench, never by a timed test.
        const std::vector<Metric> metrics = MetricImporter::importData(data, QStringLiteral("big.") + format);
        QCOMPARE(metrics.size(), size_t(1));
        QCOMPARE(metrics[0].entries.size(), size_t(n));
        QCOMPARE(metrics[0].entries.back().value, (n - 1) * 0.5);
        QCOMPARE(metrics[0].entries.back().line, format == QLatin1String("csv") ? n + 1 : n + 1);
    }

    void realIncSanity()
    {
        QC_REQUIRE_SHARED_DATA();
        const QString path = qc::test::sharedData(QStringLiteral("qwen2_5_vl_3b/inc_mse_v2_sanity.json"));
        QCOMPARE(MetricImporter::detect(QByteArray(R"({"fp32_fallback_sensitivity": []})"), path),
            QStringLiteral("inc-mse-json"));
        const std::vector<Metric> metrics = MetricImporter::import(path);
        QCOMPARE(keys(metrics), QStringList({ "mse_v2_fallback" })); // the requant list is empty
        const Metric& m = metrics[0];
        QCOMPARE(m.format, QStringLiteral("inc-mse-json"));
        QCOMPARE(m.sourcePolarity, Polarity::LowerIsMoreSensitive);
        QCOMPARE(m.entries.size(), size_t(3));
        const MetricEntry* qkv = findEntry(m, QStringLiteral("model.visual.blocks.0.attn.qkv.module"));
        QVERIFY(qkv);
        QCOMPARE(qkv->value, 239756304.0);
        QCOMPARE(qkv->opType, QStringLiteral("Linear"));
        QVERIFY(qkv->line > 1);
        QCOMPARE(m.fileSha256.size(), 64);
    }

    void realModelOpt_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("small") << "modelopt_autoquant_int8_lm_small.json";
        QTest::newRow("medium") << "modelopt_autoquant_int8_lm_medium.json";
        QTest::newRow("large") << "modelopt_autoquant_int8_lm_large.json";
    }

    void realModelOpt()
    {
        QC_REQUIRE_SHARED_DATA();
        QFETCH(QString, file);
        const std::vector<Metric> metrics
            = MetricImporter::import(qc::test::sharedData(QStringLiteral("qwen2_5_vl_3b/") + file));
        QCOMPARE(keys(metrics), QStringList({ "autoquant" }));
        const Metric& m = metrics[0];
        QCOMPARE(m.format, QStringLiteral("modelopt-autoquant"));
        QCOMPARE(m.label, QStringLiteral("ModelOpt AutoQuantize · INT8_LM_DEFAULT_CFG (8 effective bits)"));
        QCOMPARE(m.numberFormat, QStringLiteral("INT8_LM_DEFAULT_CFG"));
        QCOMPARE(m.sourcePolarity, Polarity::HigherIsMoreSensitive);
        int written = 0;
        int derivedK = 0;
        int derivedV = 0;
        int derivedUp = 0;
        for (const MetricEntry& e : m.entries) {
            if (e.groupLeader.isEmpty()) {
                ++written;
                continue;
            }
            derivedK += e.name.endsWith(QLatin1String(".k_proj"));
            derivedV += e.name.endsWith(QLatin1String(".v_proj"));
            derivedUp += e.name.endsWith(QLatin1String(".up_proj"));
            QCOMPARE(e.value, findEntry(m, e.groupLeader)->value);
        }
        QCOMPARE(written, 275);
        QCOMPARE(derivedK, 36);
        QCOMPARE(derivedV, 36);
        QCOMPARE(derivedUp, 68);
        QCOMPARE(m.entries.size(), size_t(275 + 36 * 2 + 68));
        const MetricEntry* visualUp = findEntry(m, QStringLiteral("visual.blocks.7.mlp.up_proj"));
        QVERIFY(visualUp);
        QCOMPARE(visualUp->groupLeader, QStringLiteral("visual.blocks.7.mlp.gate_proj"));
        if (file.contains(QLatin1String("small"))) {
            const MetricEntry* gate = findEntry(m, QStringLiteral("language_model.layers.28.mlp.gate_proj"));
            const MetricEntry* up = findEntry(m, QStringLiteral("language_model.layers.28.mlp.up_proj"));
            QVERIFY(gate && up);
            QCOMPARE(gate->value, 1.804938467041211);
            QCOMPARE(up->value, 1.804938467041211);
            QCOMPARE(up->groupLeader, QStringLiteral("language_model.layers.28.mlp.gate_proj"));
            QCOMPARE(gate->line, 30); // "layer" of the first layer_sensitivity entry
            QCOMPARE(up->line, gate->line);
        }
    }
};

QTEST_GUILESS_MAIN(TestImporters)
#include "tst_importers.moc"
