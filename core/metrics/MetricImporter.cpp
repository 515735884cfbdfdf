#include "MetricImporter.h"

#include "AutoQuantManifest.h"
#include "HawqJsonImporter.h"
#include "ImportSupport.h"
#include "IncLogImporter.h"
#include "IncMseJsonImporter.h"
#include "ModelOptAutoQuantImporter.h"
#include "ModelOptManifestImporter.h"
#include "NotARanking.h"
#include "TableImporter.h"
#include "io/CsvTable.h"
#include "io/FileError.h"
#include "io/InputFile.h"
#include "io/Sha256.h"

#include <QFileInfo>
#include <QJsonParseError>
#include <future>
#include <optional>
#include <yaml-cpp/yaml.h>

namespace qc {

namespace {
const QString incMseJson = QStringLiteral("inc-mse-json");
const QString incLog = QStringLiteral("inc-log");
const QString hawqJson = QStringLiteral("hawq-json");
const QString modelOpt = QStringLiteral("modelopt-autoquant");
const QString modelOptManifest = QStringLiteral("modelopt-autoquant-manifest");
const QString csv = QStringLiteral("csv");
const QString json = QStringLiteral("json");
const QString yaml = QStringLiteral("yaml");

char firstNonBlank(const QByteArray& text)
{
    for (const char c : text) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return c;
    }
    return '\0';
}

QString jsonFormat(const QJsonDocument& doc, const QString& path)
{
    if (AutoQuantManifest::fits(doc))
        return modelOptManifest;
    if (ModelOptAutoQuantImporter::fits(doc))
        return modelOpt;
    if (IncMseJsonImporter::fits(doc))
        return incMseJson;
    if (HawqJsonImporter::fits(doc, path))
        return hawqJson;
    return json;
}

// The detected format, and the parsed JSON document when detection had to parse it.
struct Sniffed
{
    QString format;
    std::optional<QJsonDocument> doc;
};

Sniffed sniff(const QByteArray& text, const QString& path)
{
    const QString extension = QFileInfo(path).suffix().toLower();
    const bool yamlExtension = extension == QLatin1String("yaml") || extension == QLatin1String("yml");
    const char first = firstNonBlank(text);
    if ((first == '{' || first == '[') && !yamlExtension) {
        QJsonParseError error;
        QJsonDocument doc = QJsonDocument::fromJson(text, &error);
        if (error.error == QJsonParseError::NoError)
            return { jsonFormat(doc, path), std::move(doc) };
        // Broken JSON is reported as JSON, unless it is YAML flow style in a file not named .json.
        if (extension != QLatin1String("json") && importing::isYamlCollection(text))
            return { yaml, std::nullopt };
        return { json, std::nullopt };
    }
    if (IncLogImporter::fits(text))
        return { incLog, std::nullopt };
    if (yamlExtension)
        return { yaml, std::nullopt };
    if (extension == QLatin1String("json"))
        return { json, std::nullopt };
    const qsizetype lineEnd = text.indexOf('\n');
    if (CsvTable::detectDelimiter(text.left(lineEnd < 0 ? text.size() : lineEnd)) != '\0')
        return { csv, std::nullopt };
    if (importing::isYamlCollection(text))
        return { yaml, std::nullopt };
    return {};
}

// A name equal to an op's becomes the op's string (Qt shares it): for the formats whose readers do not look
// names up as they read them.
void shareNames(std::vector<Metric>& metrics, const Inventory& inventory)
{
    for (Metric& metric : metrics) {
        for (MetricEntry& entry : metric.entries) {
            const int op = inventory.indexOf(entry.name);
            if (op >= 0)
                entry.name = inventory.at(op).name;
        }
    }
}

std::vector<Metric> read(const QString& format, const QByteArray& text, const QString& path,
    std::optional<QJsonDocument> doc, const Inventory* inventory)
{
    const auto shared = [inventory](std::vector<Metric> metrics) {
        if (inventory)
            shareNames(metrics, *inventory);
        return metrics;
    };
    if (format == incLog)
        return shared(IncLogImporter(path).read(text));
    if (format == csv)
        return TableImporter(path, inventory).readCsv(text);
    if (format == yaml)
        return TableImporter(path, inventory).readYaml(text);
    if (!doc)
        doc = importing::parseJson(text, path);
    if (format == incMseJson)
        return shared(IncMseJsonImporter(path).read(text, *doc));
    if (format == modelOpt) {
        if (!ModelOptAutoQuantImporter::fits(*doc))
            throw FileError(
                path, 1, QStringLiteral("not a ModelOpt AutoQuantize file (no layer_sensitivity)"));
        return shared(ModelOptAutoQuantImporter(path).read(text, *doc));
    }
    if (format == modelOptManifest) {
        if (!AutoQuantManifest::fits(*doc))
            throw FileError(path, 1,
                QStringLiteral(
                    "not a ModelOpt AutoQuantize manifest (no layer_sensitivity map of candidates)"));
        return shared(ModelOptManifestImporter(path).read(text, *doc));
    }
    if (format == hawqJson)
        return shared(HawqJsonImporter(path).read(text, *doc));
    return TableImporter(path, inventory).readJson(text, *doc);
}
} // namespace

const std::vector<MetricImporter::Format>& MetricImporter::formats()
{
    static const std::vector<Format> list {
        { incMseJson,
            QStringLiteral("INC MSE_V2 dump: fp32_fallback_sensitivity / int8_requant_sensitivity lists") },
        { incLog, QStringLiteral("Intel Neural Compressor 2.x log with MSE_V2 or HAWQ_V2 lines") },
        { hawqJson, QStringLiteral("INC HAWQ_V2 Hessian traces as a JSON object {module: trace}") },
        { modelOpt, QStringLiteral("NVIDIA ModelOpt AutoQuantize report: layer_sensitivity rows") },
        { modelOptManifest,
            QStringLiteral(
                "NVIDIA ModelOpt AutoQuantize manifest: candidates with scores and costs per group") },
        { csv, QStringLiteral("Delimited table: a name column plus score columns") },
        { json, QStringLiteral("JSON {name: score}, {\"metrics\": {key: {name: score}}} or a list of rows") },
        { yaml, QStringLiteral("YAML in the same shapes as json") },
    };
    return list;
}

bool MetricImporter::isKnownFormat(const QString& id)
{
    const auto& list = formats();
    return std::any_of(list.begin(), list.end(), [&id](const Format& f) { return f.id == id; });
}

QString MetricImporter::formatIds()
{
    QStringList ids;
    for (const Format& f : formats())
        ids.append(f.id);
    return ids.join(QLatin1String(", "));
}

QString MetricImporter::detect(const QByteArray& data, const QString& path)
{
    if (data.contains('\0'))
        return {};
    return sniff(withoutBom(data), path).format;
}

std::vector<Metric> MetricImporter::import(
    const QString& path, const QString& format, const Inventory* inventory)
{
    return importData(readInput(path), path, format, inventory);
}

std::vector<Metric> MetricImporter::importData(
    const QByteArray& data, const QString& path, const QString& format, const Inventory* inventory)
{
    if (!format.isEmpty() && !isKnownFormat(format))
        throw FileError(path, QStringLiteral("unknown format '%1' (known: %2)").arg(format, formatIds()));
    requireText(data, path);
    const QByteArray text = withoutBom(data);
    Sniffed sniffed;
    if (format.isEmpty()) {
        sniffed = sniff(text, path);
        // The generic shapes accept almost anything: say what a file is before their parsers say less.
        const bool generic = sniffed.format.isEmpty() || sniffed.format == csv || sniffed.format == json
            || sniffed.format == yaml;
        if (const QString what = generic ? notARanking(text) : QString(); !what.isEmpty())
            throw FileError(path, what);
        if (sniffed.format.isEmpty())
            throw FileError(path, QStringLiteral("cannot tell the format (known: %1)").arg(formatIds()));
    } else {
        sniffed.format = format;
    }
    // Hash on a second core while parsing (a large log's hash is a visible share of its import).
    // The future joins before any exit (its destructor waits), also when parsing throws.
    std::future<QByteArray> hash = std::async(std::launch::async, [&data] { return Sha256::hex(data); });
    std::vector<Metric> metrics = read(sniffed.format, text, path, std::move(sniffed.doc), inventory);
    if (metrics.size() > size_t(kMaxMetrics))
        throw FileError(path, 1, tooManyMetrics(qsizetype(metrics.size())));
    const QString sha256 = QString::fromLatin1(hash.get());
    for (Metric& metric : metrics) {
        metric.id = metric.key;
        metric.file = path;
        metric.fileSha256 = sha256;
        metric.format = sniffed.format;
    }
    return metrics;
}

} // namespace qc
