#include "Seeds.h"
#include "metrics/MetricImporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace qc::seeds {

namespace {
const QString kTarget = QStringLiteral("metric_import");
// Must match fuzz_metric_import.cpp's kPaths.
enum Path { Csv, Json, Yaml, Yml, Log, HawqJson, NoExtension, AutoQuantJson, PathCount };

// fuzz_metric_import's selector: 0 = detect, i + 1 = the i-th format id; times the path index.
uint8_t selector(const QString& format, Path path)
{
    const auto& formats = MetricImporter::formats();
    int choice = 0;
    for (size_t i = 0; i < formats.size(); ++i) {
        if (formats[i].id == format)
            choice = int(i) + 1;
    }
    return uint8_t(choice + int(formats.size() + 1) * path);
}

// The file detected, and forced to the format it is.
void addBoth(SeedSink& sink, const QString& name, const QString& format, Path path, const QByteArray& content)
{
    sink.add(kTarget, name + QStringLiteral(".detect"), selector({}, path), content);
    sink.add(kTarget, name + QStringLiteral(".") + format, selector(format, path), content);
}

const Metric& metric(const Slice& slice, int i)
{
    return slice.metrics[size_t(i) % slice.metrics.size()];
}

QJsonObject scoreMap(const Metric& m)
{
    QJsonObject map;
    for (const MetricEntry& e : m.entries)
        map.insert(e.name, e.value);
    return map;
}

QByteArray json(const QJsonValue& value)
{
    return value.isObject() ? QJsonDocument(value.toObject()).toJson()
                            : QJsonDocument(value.toArray()).toJson();
}

// The generic shapes (csv, json, yaml) of the slice's two rankings, as a user's script writes them.
void writeTables(SeedSink& sink, const Slice& slice)
{
    const Metric& lower = metric(slice, 0);
    const Metric& higher = metric(slice, int(slice.metrics.size()) - 1);
    QByteArray csv = "name,op_type," + lower.key.toUtf8() + " [lower]," + higher.key.toUtf8() + "\n";
    QByteArray yaml = "metrics:\n  " + lower.key.toUtf8() + ":\n";
    QJsonArray rows;
    for (const MetricEntry& e : lower.entries) {
        double other = 0;
        for (const MetricEntry& h : higher.entries) {
            if (h.name == e.name)
                other = h.value;
        }
        csv += e.name.toUtf8() + ',' + e.opType.toUtf8() + ',' + QByteArray::number(e.value, 'g', 17) + ','
            + QByteArray::number(other, 'g', 17) + '\n';
        yaml += "    " + e.name.toUtf8() + ": " + QByteArray::number(e.value, 'g', 17) + '\n';
        rows.append(QJsonObject { { QStringLiteral("op"), e.name }, { QStringLiteral("type"), e.opType },
            { QStringLiteral("score"), e.value } });
    }
    yaml += "polarity:\n  " + lower.key.toUtf8() + ": lower-is-more-sensitive\n";
    addBoth(sink, QStringLiteral("slice.csv"), QStringLiteral("csv"), Csv, csv);
    QByteArray semicolons = csv;
    semicolons.replace(',', ';');
    addBoth(sink, QStringLiteral("slice.semicolon.csv"), QStringLiteral("csv"), NoExtension,
        "\xEF\xBB\xBF" + semicolons);
    QByteArray crlf = csv;
    crlf.replace("\n", "\r\n");
    addBoth(sink, QStringLiteral("slice.crlf.csv"), QStringLiteral("csv"), Csv, crlf);
    addBoth(sink, QStringLiteral("slice.yaml"), QStringLiteral("yaml"), Yaml, yaml);
    addBoth(sink, QStringLiteral("slice.rows.json"), QStringLiteral("json"), Json, json(rows));
    addBoth(sink, QStringLiteral("slice.map.json"), QStringLiteral("json"), Json, json(scoreMap(higher)));
    addBoth(sink, QStringLiteral("slice.metrics.json"), QStringLiteral("json"), Json,
        json(QJsonObject {
            { QStringLiteral("metrics"),
                QJsonObject { { lower.key, scoreMap(lower) }, { higher.key, scoreMap(higher) } } },
            { QStringLiteral("polarity"),
                QJsonObject { { lower.key, QStringLiteral("lower-is-more-sensitive") } } } }));
    addBoth(sink, QStringLiteral("slice.hawq.json"), QStringLiteral("hawq-json"), HawqJson,
        json(scoreMap(higher)));
    addBoth(sink, QStringLiteral("slice.hawq_wrapped.json"), QStringLiteral("hawq-json"), Json,
        json(QJsonObject { { QStringLiteral("hawq_v2"), scoreMap(higher) } }));

    // INC's MSE_V2 dump: {meta, fp32_fallback_sensitivity, int8_requant_sensitivity}.
    QJsonArray fallback;
    for (const MetricEntry& e : lower.entries)
        fallback.append(QJsonObject { { QStringLiteral("op_name"), e.name },
            { QStringLiteral("op_type"), e.opType }, { QStringLiteral("mse"), e.value } });
    addBoth(sink, QStringLiteral("slice.inc_mse.json"), QStringLiteral("inc-mse-json"), Json,
        json(QJsonObject { { QStringLiteral("meta"),
                               QJsonObject { { QStringLiteral("strategy"), QStringLiteral("mse_v2") } } },
            { QStringLiteral("fp32_fallback_sensitivity"), fallback },
            { QStringLiteral("int8_requant_sensitivity"), QJsonArray {} } }));
}
} // namespace

void writeMetricSeeds(SeedSink& sink, const Slice& slice)
{
    const QString example = QStringLiteral("resources/examples/qwen2_5_vl_3b/");
    addBoth(sink, QStringLiteral("example.mse_v2.log"), QStringLiteral("inc-log"), Log,
        sliceLog(sink.read(example + QStringLiteral("inc_mse_v2_debug.log"))));
    addBoth(sink, QStringLiteral("example.hawq_v2.log"), QStringLiteral("inc-log"), Log,
        sliceLog(sink.read(example + QStringLiteral("inc_hawq_v2.log"))));
    writeTables(sink, slice);

    // What the real frameworks wrote in the frameworks suite, committed for the C++ tests.
    const QString frameworks = QStringLiteral("tests/data/frameworks/");
    addBoth(sink, QStringLiteral("frameworks.autoquant.json"), QStringLiteral("modelopt-autoquant"),
        AutoQuantJson, sink.read(frameworks + QStringLiteral("autoquant.json")));
    addBoth(sink, QStringLiteral("frameworks.manifest.json"), QStringLiteral("modelopt-autoquant-manifest"),
        Json, sink.read(frameworks + QStringLiteral("autoquant.manifest.json")));
    addBoth(sink, QStringLiteral("frameworks.search.json"), QStringLiteral("json"), Json,
        sink.read(frameworks + QStringLiteral("autoquant.search.json")));
    addBoth(sink, QStringLiteral("frameworks.inc_mse_v2.json"), QStringLiteral("inc-mse-json"), Json,
        sink.read(frameworks + QStringLiteral("inc_mse_v2.json")));
    addBoth(sink, QStringLiteral("frameworks.inc_mse_v2.log"), QStringLiteral("inc-log"), Log,
        sliceLog(sink.read(frameworks + QStringLiteral("inc_mse_v2.log"))));
    addBoth(sink, QStringLiteral("frameworks.inc_hawq_v2.log"), QStringLiteral("inc-log"), Log,
        sliceLog(sink.read(frameworks + QStringLiteral("inc_hawq_v2.log"))));
    addBoth(sink, QStringLiteral("importers.inc_mse_v2_debug.log"), QStringLiteral("inc-log"), Log,
        sliceLog(sink.read(QStringLiteral("tests/data/importers/inc_mse_v2_debug.log"))));

    // The CLI tests' inputs, good and bad, as the files they are.
    const QDir cli(sink.source(QStringLiteral("tests/data/cli")));
    for (const QString& name : cli.entryList({ QStringLiteral("*.csv") }, QDir::Files))
        sink.add(kTarget, QStringLiteral("cli.") + name, selector({}, Csv),
            sink.read(QStringLiteral("tests/data/cli/") + name));
    const QDir bad(sink.source(QStringLiteral("tests/data/cli/bad")));
    for (const QString& name :
        bad.entryList({ QStringLiteral("*.csv"), QStringLiteral("*.json") }, QDir::Files))
        sink.add(kTarget, QStringLiteral("cli.bad.") + name,
            selector({}, name.endsWith(QLatin1String(".json")) ? Json : Csv),
            sink.read(QStringLiteral("tests/data/cli/bad/") + name));
}

} // namespace qc::seeds
