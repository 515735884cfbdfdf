#pragma once

#include "Metric.h"
#include "inventory/Inventory.h"
#include "io/NameIndex.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

// Helpers shared by the metric importers; not part of the public API.
namespace qc::importing {

// Parses a number as the sources write it ("1.5", "+2e-3", "nan", "inf", "Infinity"), surrounding blanks
// allowed. Non-finite values parse: callers reject them with a clearer message than "not a number".
std::optional<double> parseNumber(QByteArrayView text);
std::optional<double> parseNumber(const QString& text);

// Whether a text parses as a YAML map or sequence (not a scalar, not an error).
bool isYamlCollection(const QByteArray& text);

// Parses JSON, throwing FileError("invalid JSON: ...") with the line of the parser's offset.
QJsonDocument parseJson(const QByteArray& data, const QString& file);

// 1-based line of a byte offset, 0 for a negative offset ("not found").
int lineOfOffsetOr0(const QByteArray& data, qsizetype offset);

// JSON text of a string, quotes included: what to search for to find where a name is written.
QByteArray jsonQuoted(const QString& text);

// Line numbers of increasing byte offsets in linear total time (the importers look them up in file order).
class LineCounter
{
public:
    explicit LineCounter(const QByteArray& data)
        : m_data(data)
    { }
    int lineAt(qsizetype offset);

private:
    const QByteArray& m_data;
    qsizetype m_offset = 0;
    int m_line = 1;
};

// Finds where JSON array entries are written: each name is searched after the previous one, so entries in
// file order cost one pass; 0 for a name not written as a string after the previous one. The first miss (a
// name written with escapes, say) indexes every string of the text once, so that later lookups cost a hash
// lookup instead of another scan to the end: linear in the text whatever the names.
class JsonNameLocator
{
public:
    JsonNameLocator(const QByteArray& data, qsizetype start)
        : m_data(data)
        , m_lines(data)
        , m_cursor(start)
    { }
    int lineOf(const QString& name);

private:
    qsizetype find(const QString& name);
    void buildIndex();

    const QByteArray& m_data;
    LineCounter m_lines;
    qsizetype m_cursor;
    bool m_indexed = false;
    QHash<QString, std::vector<qsizetype>> m_offsets; // decoded string -> offsets of its opening quotes
};

// Every object member of a JSON text in document order, with its offset and the member that owns its
// object. QJsonObject sorts keys and silently keeps only the last of duplicate keys; the importers need the
// written order, the line and the duplicates, so maps of scores are read from this scan.
struct JsonMember
{
    QString key;
    qsizetype offset = 0;
    int parent = -1; // index of the member whose value holds this member; -1 the root object; -2 in an array
    enum class Kind { Scalar, String, Container } kind = Kind::Scalar;
    QByteArrayView value; // the raw scalar text (string content without quotes)
};
std::vector<JsonMember> scanJsonMembers(const QByteArray& data); // data must be valid JSON

class EntryCollector;
// Adds the members of one object of {name: score} (the members whose parent is `parent`) in written order.
// Numbers and numeric strings are scores, null is "no value", anything else is an error with its line.
void addJsonScoreMap(const QByteArray& text, const std::vector<JsonMember>& members, int parent,
    const QString& file, EntryCollector& out);
// Index of the member `key` whose parent is `parent`, or -1.
int findJsonMember(const std::vector<JsonMember>& members, int parent, const QString& key);
// Whether a JSON object is a {name: score} map: not empty, every value a number, a string or null.
bool isJsonScoreMap(const QJsonObject& object);

// Collects the entries of one metric: rejects empty names and non-finite scores, accepts a repeated name
// with the same score once, and rejects a repeated name with a different score. Given the inventory, an
// entry named exactly as an op takes the op's string (one copy of each name however many metrics name it)
// and is told apart from the others by the op, not by hashing its name again.
class EntryCollector
{
public:
    explicit EntryCollector(QString file, const Inventory* inventory = nullptr)
        : m_file(std::move(file))
        , m_inventory(inventory)
    { }
    void reserve(qsizetype n);
    void add(MetricEntry entry)
    {
        const int op = m_inventory ? m_inventory->indexOf(entry.name) : -1;
        addAs(std::move(entry), op);
    }
    // `op` is the inventory op named exactly as the entry, found by the caller, or -1 for none.
    void addAs(MetricEntry entry, int op);
    bool contains(const QString& name) const;
    bool isEmpty() const { return m_entries.empty(); }
    std::vector<MetricEntry> take() { return std::move(m_entries); }

private:
    QString m_file;
    const Inventory* m_inventory;
    QStringView nameAt(int position) const { return m_entries[size_t(position)].name; }
    NameIndex m_index; // name -> position in m_entries, for names that are no op's
    std::vector<int> m_entryOfOp; // per inventory op: its position in m_entries, -1 before it is named
    std::vector<MetricEntry> m_entries;
};

// A metric with the fields every importer sets itself; the dispatcher sets file, hash, format and id.
Metric makeMetric(const QString& key, const QString& label, Polarity polarity, QString note = {});

} // namespace qc::importing
