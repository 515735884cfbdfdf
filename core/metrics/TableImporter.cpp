#include "TableImporter.h"

#include "ImportSupport.h"
#include "io/CsvReader.h"
#include "io/CsvTable.h"
#include "io/FileError.h"
#include "io/InputFile.h"
#include "io/StringPool.h"
#include "io/YamlInput.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <yaml-cpp/yaml.h>

namespace qc {

using namespace importing;

namespace {
const char* const nameAliases[] = { "name", "op", "op_name", "module", "layer", "node" };
const char* const metadataColumns[] = { "op_type", "type", "layer_index", "component", "in_features",
    "out_features", "params", "size_cost", "num_bits" };
const QString nameColumnHint = QStringLiteral("expected one of: name, op, op_name, module, layer, node");

bool isOneOf(const QString& header, const auto& list)
{
    for (const char* item : list) {
        if (header.compare(QLatin1String(item), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

int findColumn(const QStringList& header, const auto& aliases)
{
    for (const char* alias : aliases) {
        for (int c = 0; c < header.size(); ++c) {
            if (header[c].compare(QLatin1String(alias), Qt::CaseInsensitive) == 0)
                return c;
        }
    }
    return -1;
}

QString defaultNote(const TableImporter::Column& column)
{
    return column.polarity ? QStringLiteral("Polarity from the annotation in the column header.")
                           : QStringLiteral("No polarity annotation: higher is more sensitive by default.");
}

QString jsonCellText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17); // round-trips exactly
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    default:
        return QStringLiteral("[nested value]");
    }
}

// YAML's special floats (.nan, .inf, -.inf) as the number parser knows them; null as no value.
QString yamlScalarText(const YAML::Node& node)
{
    if (!node.IsDefined() || node.IsNull())
        return {};
    if (!node.IsScalar())
        return QStringLiteral("[nested value]");
    QString text = QString::fromStdString(node.Scalar());
    if (node.Tag() != "!") { // plain scalars only: a quoted '.nan' is a string
        const QString lower = text.toLower();
        if (lower == QLatin1String(".nan"))
            return QStringLiteral("nan");
        if (lower == QLatin1String(".inf") || lower == QLatin1String("+.inf"))
            return QStringLiteral("inf");
        if (lower == QLatin1String("-.inf"))
            return QStringLiteral("-inf");
        if (lower == QLatin1String("~") || lower == QLatin1String("null"))
            return {};
    }
    return text;
}

// Rows gathered from JSON or YAML objects, columns in order of first appearance.
struct Table
{
    QStringList header;
    int headerLine = 1;
    std::vector<TableImporter::Row> rows;
};
} // namespace

TableImporter::Column TableImporter::parseHeader(const QString& header)
{
    static const struct
    {
        QLatin1String annotation;
        bool suffixOnly;
        Polarity polarity;
    } annotations[] = {
        { QLatin1String("[lower]"), true, Polarity::LowerIsMoreSensitive },
        { QLatin1String("[higher]"), true, Polarity::HigherIsMoreSensitive },
        { QLatin1String("(lower is more sensitive)"), false, Polarity::LowerIsMoreSensitive },
        { QLatin1String("(higher is more sensitive)"), false, Polarity::HigherIsMoreSensitive },
    };
    const QString trimmed = header.trimmed();
    for (const auto& a : annotations) {
        const qsizetype at = a.suffixOnly
            ? (trimmed.endsWith(a.annotation, Qt::CaseInsensitive) ? trimmed.size() - a.annotation.size()
                                                                   : -1)
            : trimmed.indexOf(a.annotation, 0, Qt::CaseInsensitive);
        if (at >= 0) {
            QString key = trimmed;
            key.remove(at, a.annotation.size());
            return { key.trimmed(), a.polarity };
        }
    }
    return { trimmed, std::nullopt };
}

TableImporter::Layout TableImporter::layout(const QStringList& header,
    const std::function<std::optional<QString>(int column)>& firstValue, int headerLine) const
{
    Layout layout;
    layout.nameColumn = findColumn(header, nameAliases);
    if (layout.nameColumn < 0)
        throw FileError(m_file, headerLine, QStringLiteral("no name column (%1)").arg(nameColumnHint));
    layout.typeColumn = findColumn(header, std::initializer_list<const char*> { "op_type", "type" });

    // The score columns first, so that a file with too many is refused before any is read.
    QHash<QString, int> keys;
    for (int c = 0; c < header.size(); ++c) {
        const QString& columnHeader = header[c];
        if (c == layout.nameColumn || isOneOf(columnHeader, nameAliases)
            || isOneOf(columnHeader, metadataColumns))
            continue;
        const Column column = parseHeader(columnHeader);
        // A score column: annotated, or its first value is a number. Text columns (notes, dtypes) are
        // skipped; a later non-number in a score column is an error, not a reason to skip the column.
        if (!column.polarity) {
            const std::optional<QString> first = firstValue(c);
            if (!first || !parseNumber(*first))
                continue;
        }
        if (column.key.isEmpty())
            throw FileError(m_file, headerLine, QStringLiteral("a score column has no name"));
        if (keys.contains(column.key))
            throw FileError(
                m_file, headerLine, QStringLiteral("two score columns named '%1'").arg(column.key));
        keys.insert(column.key, c);
        layout.scoreColumns.emplace_back(c, column);
    }
    if (layout.scoreColumns.size() > size_t(kMaxMetrics))
        throw FileError(
            m_file, headerLine, tooManyMetrics(qsizetype(layout.scoreColumns.size()), "score columns"));
    return layout;
}

std::vector<Metric> TableImporter::metricsOf(
    const Layout& layout, std::vector<EntryCollector>& collected, int headerLine) const
{
    std::vector<Metric> metrics;
    for (size_t k = 0; k < layout.scoreColumns.size(); ++k) {
        if (collected[k].isEmpty())
            continue;
        const Column& column = layout.scoreColumns[k].second;
        Metric metric = makeMetric(column.key, column.key,
            column.polarity.value_or(Polarity::HigherIsMoreSensitive), defaultNote(column));
        metric.entries = collected[k].take();
        metrics.push_back(std::move(metric));
    }
    if (metrics.empty())
        throw FileError(m_file, headerLine,
            layout.scoreColumns.empty()
                ? QStringLiteral("no scores: no column of numbers besides the name and metadata columns")
                : QStringLiteral("no scores: every score cell is empty"));
    return metrics;
}

QString TableImporter::notANumber(const QString& cell, const QString& columnHeader)
{
    return QStringLiteral("score '%1' in column '%2' is not a number").arg(cell, columnHeader);
}

std::vector<Metric> TableImporter::readTable(
    const QStringList& header, const std::vector<Row>& rows, int headerLine) const
{
    const Layout layout = this->layout(
        header,
        [&rows](int c) -> std::optional<QString> {
            const auto first = std::find_if(
                rows.begin(), rows.end(), [c](const Row& row) { return !row.cells[c].isEmpty(); });
            return first == rows.end() ? std::nullopt : std::optional<QString>(first->cells[c]);
        },
        headerLine);
    std::vector<EntryCollector> collected(layout.scoreColumns.size(), EntryCollector(m_file, m_inventory));
    for (size_t k = 0; k < layout.scoreColumns.size(); ++k) {
        const int c = layout.scoreColumns[k].first;
        collected[k].reserve(qsizetype(rows.size()));
        for (const Row& row : rows) {
            const QString& cell = row.cells[c];
            if (cell.isEmpty())
                continue; // this op has no value in this metric
            const std::optional<double> value = parseNumber(cell);
            if (!value)
                throw FileError(m_file, row.line, notANumber(cell, header[c]));
            collected[k].add({ row.cells[layout.nameColumn],
                layout.typeColumn >= 0 ? row.cells[layout.typeColumn] : QString(), *value, row.line, {} });
        }
    }
    return metricsOf(layout, collected, headerLine);
}

// Streamed: rows are read twice from the bytes (once until every column has shown a first value, once to
// collect), never held as strings. One name string per row, shared by its entries in every score column.
std::vector<Metric> TableImporter::readCsv(const QByteArray& text) const
{
    std::vector<std::optional<QString>> firstValues;
    QStringList header;
    {
        CsvReader probe(text, m_file);
        header = probe.header();
        firstValues.resize(size_t(header.size()));
        qsizetype missing = header.size();
        while (missing > 0 && probe.next()) {
            for (int c = 0; c < header.size(); ++c) {
                if (!firstValues[size_t(c)] && !probe.cell(c).isEmpty()) {
                    firstValues[size_t(c)] = probe.text(c);
                    --missing;
                }
            }
        }
    }
    const int headerLine = 1; // the header is the first line of a table file
    const Layout layout = this->layout(
        header, [&firstValues](int c) { return firstValues[size_t(c)]; }, headerLine);
    std::vector<EntryCollector> collected(layout.scoreColumns.size(), EntryCollector(m_file, m_inventory));
    const auto rowsAbout = qsizetype(std::count(text.begin(), text.end(), '\n'));
    for (EntryCollector& entries : collected)
        entries.reserve(rowsAbout);
    StringPool types;
    CsvReader reader(text, m_file);
    int previousOp = -1;
    while (reader.next()) {
        QString name;
        QString type;
        int op = -1;
        bool named = false;
        for (size_t k = 0; k < layout.scoreColumns.size(); ++k) {
            const int c = layout.scoreColumns[k].first;
            const QByteArrayView cell = reader.cell(c);
            if (cell.isEmpty())
                continue; // this op has no value in this metric
            const std::optional<double> value = parseNumber(cell);
            if (!value)
                throw FileError(m_file, reader.line(), notANumber(reader.text(c), header[c]));
            if (!named) {
                // An op's name is found from its bytes and shared; only other names become new strings.
                op = m_inventory ? m_inventory->indexOfUtf8(reader.cell(layout.nameColumn), previousOp + 1)
                                 : -1;
                if (op >= 0)
                    previousOp = op;
                name = op >= 0 ? m_inventory->at(op).name : reader.text(layout.nameColumn);
                if (layout.typeColumn >= 0)
                    type = types.shared(reader.cell(layout.typeColumn));
                named = true;
            }
            collected[k].addAs({ name, type, *value, reader.line(), {} }, op);
        }
    }
    return metricsOf(layout, collected, headerLine);
}

QString TableImporter::baseKey() const
{
    const QString base = QFileInfo(m_file).completeBaseName();
    return base.isEmpty() || m_file == QLatin1String("-") ? QStringLiteral("score") : base;
}

Metric TableImporter::mapMetric(
    const QString& key, std::optional<Polarity> polarity, std::vector<MetricEntry> entries) const
{
    Metric metric = makeMetric(key, key, polarity.value_or(Polarity::HigherIsMoreSensitive),
        polarity ? QStringLiteral("Polarity stated in the file.")
                 : QStringLiteral("No polarity stated: higher is more sensitive by default."));
    metric.entries = std::move(entries);
    return metric;
}

std::vector<Metric> TableImporter::readJson(const QByteArray& text, const QJsonDocument& doc) const
{
    if (doc.isArray())
        return readJsonRows(text, doc.array());
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("metrics")).isObject())
        return readJsonMetrics(text, root);
    if (isJsonScoreMap(root)) {
        const std::vector<JsonMember> members = scanJsonMembers(text);
        EntryCollector entries(m_file, m_inventory);
        entries.reserve(qsizetype(members.size()));
        addJsonScoreMap(text, members, -1, m_file, entries);
        if (entries.isEmpty())
            throw FileError(m_file, QStringLiteral("no scores: every value is null"));
        const Column column = parseHeader(baseKey());
        return { mapMetric(column.key, column.polarity, entries.take()) };
    }
    throw FileError(m_file, 1,
        QStringLiteral(
            "unsupported JSON shape: expected {name: score}, {\"metrics\": {key: {name: score}}} or a list "
            "of row objects"));
}

std::vector<Metric> TableImporter::readJsonMetrics(const QByteArray& text, const QJsonObject& root) const
{
    const std::vector<JsonMember> members = scanJsonMembers(text);
    const int metricsMember = findJsonMember(members, -1, QStringLiteral("metrics"));
    const QJsonObject polarities = root.value(QLatin1String("polarity")).toObject();
    const QJsonObject metricsObject = root.value(QLatin1String("metrics")).toObject();
    const qsizetype count = std::count_if(
        members.begin(), members.end(), [&](const JsonMember& m) { return m.parent == metricsMember; });
    if (count > kMaxMetrics)
        throw FileError(
            m_file, lineOfOffset(text, members[size_t(metricsMember)].offset), tooManyMetrics(count));
    LineCounter lines(text);
    std::vector<Metric> metrics;
    for (size_t i = 0; i < members.size(); ++i) {
        const JsonMember& member = members[i];
        if (member.parent != metricsMember)
            continue;
        const int line = lines.lineAt(member.offset);
        if (!metricsObject.value(member.key).isObject())
            throw FileError(
                m_file, line, QStringLiteral("metric '%1' is not a {name: score} map").arg(member.key));
        Column column = parseHeader(member.key);
        const QJsonValue stated = polarities.value(member.key);
        if (!stated.isUndefined()) {
            column.polarity = parsePolarity(stated.toString());
            if (!column.polarity)
                throw FileError(m_file, lineOfOffsetOr0(text, text.indexOf("\"polarity\"")),
                    QStringLiteral(
                        "polarity of '%1' must be higher-is-more-sensitive or lower-is-more-sensitive")
                        .arg(member.key));
        }
        EntryCollector entries(m_file, m_inventory);
        addJsonScoreMap(text, members, int(i), m_file, entries);
        if (!entries.isEmpty())
            metrics.push_back(mapMetric(column.key, column.polarity, entries.take()));
    }
    for (auto it = polarities.begin(); it != polarities.end(); ++it) {
        if (!metricsObject.contains(it.key()))
            throw FileError(m_file, lineOfOffsetOr0(text, text.indexOf("\"polarity\"")),
                QStringLiteral("polarity given for '%1', which is not in metrics").arg(it.key()));
    }
    if (metrics.empty())
        throw FileError(m_file, QStringLiteral("no scores: metrics holds no values"));
    return metrics;
}

std::vector<Metric> TableImporter::readJsonRows(const QByteArray& text, const QJsonArray& rows) const
{
    Table table;
    QHash<QString, int> columnOf;
    table.rows.reserve(size_t(rows.size()));
    for (const QJsonValue& item : rows) {
        if (!item.isObject())
            throw FileError(m_file, 1,
                QStringLiteral("a list of scores must hold objects like {\"name\": ..., \"score\": ...}"));
        const QJsonObject object = item.toObject();
        Row row;
        row.cells.resize(table.header.size());
        for (auto it = object.begin(); it != object.end(); ++it) {
            auto found = columnOf.constFind(it.key());
            if (found == columnOf.cend()) {
                found = columnOf.insert(it.key(), int(table.header.size()));
                table.header.append(it.key());
                row.cells.resize(table.header.size());
            }
            row.cells[*found] = jsonCellText(it.value());
        }
        table.rows.push_back(std::move(row));
    }
    for (Row& row : table.rows)
        row.cells.resize(table.header.size());
    // Lines: each row's name is searched after the previous one.
    const int nameColumn = findColumn(table.header, nameAliases);
    if (nameColumn >= 0) {
        JsonNameLocator locator(text, 0);
        for (Row& row : table.rows)
            row.line = locator.lineOf(row.cells[nameColumn]);
    }
    return readTable(table.header, table.rows, table.headerLine);
}

std::vector<Metric> TableImporter::readYaml(const QByteArray& text) const
{
    const YAML::Node root = parseYaml(text, m_file);
    YamlBudget budget(text, m_file);
    try {
        if (root.IsSequence()) {
            Table table;
            QHash<QString, int> columnOf;
            table.headerLine = yamlLine(root);
            for (const YAML::Node& item : root) {
                if (!item.IsMap())
                    throw FileError(m_file, yamlLine(item),
                        QStringLiteral("a list of scores must hold maps like {name: ..., score: ...}"));
                Row row { yamlLine(item), QStringList(table.header.size()) };
                for (const auto& pair : item) {
                    budget.spend(item);
                    const QString key = QString::fromStdString(pair.first.as<std::string>());
                    auto found = columnOf.constFind(key);
                    if (found == columnOf.cend()) {
                        found = columnOf.insert(key, int(table.header.size()));
                        table.header.append(key);
                        row.cells.resize(table.header.size());
                    }
                    row.cells[*found] = yamlScalarText(pair.second);
                }
                table.rows.push_back(std::move(row));
            }
            for (Row& row : table.rows)
                row.cells.resize(table.header.size());
            return readTable(table.header, table.rows, table.headerLine);
        }
        if (!root.IsMap())
            throw FileError(m_file, 1,
                QStringLiteral(
                    "unsupported YAML shape: expected {name: score}, {metrics: {key: {name: score}}} or a "
                    "list of rows"));
        auto readMap = [this, &budget](const YAML::Node& map) {
            EntryCollector entries(m_file, m_inventory);
            for (const auto& pair : map) {
                budget.spend(pair.first);
                const int line = yamlLine(pair.first);
                const QString name = QString::fromStdString(pair.first.as<std::string>());
                const QString text = yamlScalarText(pair.second);
                if (text.isEmpty())
                    continue;
                const std::optional<double> value = parseNumber(text);
                if (!value)
                    throw FileError(m_file, line, QStringLiteral("score of '%1' is not a number").arg(name));
                entries.add({ name, {}, *value, line, {} });
            }
            return entries;
        };
        std::vector<Metric> metrics;
        // A missing key gives an invalid node, which throws on IsMap(): test it first.
        const YAML::Node metricsNode = root["metrics"];
        if (metricsNode && metricsNode.IsMap()) {
            if (metricsNode.size() > size_t(kMaxMetrics))
                throw FileError(m_file, yamlLine(metricsNode), tooManyMetrics(qsizetype(metricsNode.size())));
            const YAML::Node polarities = root["polarity"];
            for (const auto& pair : metricsNode) {
                const QString key = QString::fromStdString(pair.first.as<std::string>());
                if (!pair.second.IsMap())
                    throw FileError(m_file, yamlLine(pair.first),
                        QStringLiteral("metric '%1' is not a {name: score} map").arg(key));
                Column column = parseHeader(key);
                if (polarities && polarities.IsMap() && polarities[key.toStdString()]) {
                    const YAML::Node stated = polarities[key.toStdString()];
                    column.polarity = parsePolarity(QString::fromStdString(stated.as<std::string>()));
                    if (!column.polarity)
                        throw FileError(m_file, yamlLine(stated),
                            QStringLiteral("polarity of '%1' must be higher-is-more-sensitive or "
                                           "lower-is-more-sensitive")
                                .arg(key));
                }
                EntryCollector entries = readMap(pair.second);
                if (!entries.isEmpty())
                    metrics.push_back(mapMetric(column.key, column.polarity, entries.take()));
            }
        } else {
            EntryCollector entries = readMap(root);
            if (!entries.isEmpty()) {
                const Column column = parseHeader(baseKey());
                metrics.push_back(mapMetric(column.key, column.polarity, entries.take()));
            }
        }
        if (metrics.empty())
            throw FileError(m_file, QStringLiteral("no scores in the YAML file"));
        return metrics;
    } catch (const YAML::Exception& e) {
        throw yamlError(e, m_file);
    }
}

} // namespace qc
