#pragma once

#include "Metric.h"
#include "io/CsvTable.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

class QJsonArray;
class QJsonObject;

namespace qc {

class Inventory;
namespace importing {
class EntryCollector;
}

// The generic formats: "csv", "json" and "yaml". See MetricImporter.h for the shapes and column rules.
class TableImporter
{
public:
    // With an inventory, names equal to an op's share its string (see EntryCollector).
    explicit TableImporter(QString file, const Inventory* inventory = nullptr)
        : m_file(std::move(file))
        , m_inventory(inventory)
    { }

    std::vector<Metric> readCsv(const QByteArray& text) const;
    std::vector<Metric> readJson(const QByteArray& text, const QJsonDocument& doc) const;
    std::vector<Metric> readYaml(const QByteArray& text) const;

    // A header with its polarity annotation ("score [lower]", "score (lower is more sensitive)") removed.
    struct Column
    {
        QString key;
        std::optional<Polarity> polarity; // set only when the header states one
    };
    static Column parseHeader(const QString& header);

    // A table in the shape of CsvTable, whatever the file format it came from.
    using Row = CsvTable::Row;
    // The metrics of a table: a name column plus one metric per score column.
    std::vector<Metric> readTable(
        const QStringList& header, const std::vector<Row>& rows, int headerLine) const;

private:
    // Where a table's names, types and scores are.
    struct Layout
    {
        int nameColumn = -1;
        int typeColumn = -1;
        std::vector<std::pair<int, Column>> scoreColumns;
    };
    // `firstValue(c)`: column c's first non-empty cell, nullopt when it has none.
    Layout layout(const QStringList& header,
        const std::function<std::optional<QString>(int column)>& firstValue, int headerLine) const;
    std::vector<Metric> metricsOf(
        const Layout& layout, std::vector<importing::EntryCollector>& collected, int headerLine) const;
    static QString notANumber(const QString& cell, const QString& columnHeader);
    std::vector<Metric> readJsonRows(const QByteArray& text, const QJsonArray& rows) const;
    std::vector<Metric> readJsonMetrics(const QByteArray& text, const QJsonObject& root) const;
    Metric mapMetric(
        const QString& key, std::optional<Polarity> polarity, std::vector<MetricEntry> entries) const;
    QString baseKey() const;

    QString m_file;
    const Inventory* m_inventory;
};

} // namespace qc
