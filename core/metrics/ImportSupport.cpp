#include "ImportSupport.h"

#include "io/FileError.h"
#include "io/InputFile.h"

#include <QJsonArray>
#include <QJsonParseError>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <yaml-cpp/yaml.h>

namespace qc::importing {

namespace {
bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QByteArrayView trimmed(QByteArrayView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isBlank(text[begin]))
        ++begin;
    while (end > begin && isBlank(text[end - 1]))
        --end;
    return text.sliced(begin, end - begin);
}

// The text of a JSON string written with escapes (the raw content between its quotes).
QString decodeJsonString(QByteArrayView raw)
{
    const QByteArray array = "[\"" + raw.toByteArray() + "\"]";
    return QJsonDocument::fromJson(array).array().at(0).toString();
}
} // namespace

std::optional<double> parseNumber(QByteArrayView text)
{
    text = trimmed(text);
    // from_chars takes no leading '+', which Python and CSV writers may emit.
    if (text.size() > 1 && text[0] == '+' && text[1] != '-')
        text = text.sliced(1);
    if (text.isEmpty())
        return std::nullopt;
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ptr != end)
        return std::nullopt;
    if (ec == std::errc::result_out_of_range) // overflow: the written number is not a finite double
        return std::copysign(HUGE_VAL, text[0] == '-' ? -1.0 : 1.0);
    if (ec != std::errc())
        return std::nullopt;
    return value;
}

std::optional<double> parseNumber(const QString& text)
{
    // Numbers are short ASCII: narrow them on the stack instead of allocating a QByteArray per cell.
    char buffer[64];
    if (text.size() > qsizetype(sizeof buffer))
        return parseNumber(QByteArrayView(text.toUtf8()));
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c > 0x7f)
            return std::nullopt;
        buffer[i] = char(c);
    }
    return parseNumber(QByteArrayView(buffer, text.size()));
}

QJsonDocument parseJson(const QByteArray& data, const QString& file)
{
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError)
        throw FileError(file, lineOfOffset(data, error.offset),
            QStringLiteral("invalid JSON: %1").arg(error.errorString()));
    return doc;
}

int lineOfOffsetOr0(const QByteArray& data, qsizetype offset)
{
    return offset < 0 ? 0 : lineOfOffset(data, offset);
}

QByteArray jsonQuoted(const QString& text)
{
    bool plain = true;
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\' || c.unicode() < 0x20) {
            plain = false;
            break;
        }
    }
    if (plain)
        return '"' + text.toUtf8() + '"';
    const QByteArray array = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

int LineCounter::lineAt(qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, m_data.size());
    if (offset < m_offset) { // out of order: count again from the start
        m_offset = 0;
        m_line = 1;
    }
    m_line += int(std::count(m_data.cbegin() + m_offset, m_data.cbegin() + offset, '\n'));
    m_offset = offset;
    return m_line;
}

int JsonNameLocator::lineOf(const QString& name)
{
    const qsizetype at = find(name);
    if (at < 0)
        return 0;
    m_cursor = at + 1;
    return m_lines.lineAt(at);
}

qsizetype JsonNameLocator::find(const QString& name)
{
    if (!m_indexed) {
        const qsizetype at = m_data.indexOf(jsonQuoted(name), m_cursor);
        if (at >= 0)
            return at;
        buildIndex();
    }
    const auto it = m_offsets.constFind(name);
    if (it == m_offsets.cend())
        return -1;
    const auto next = std::lower_bound(it->begin(), it->end(), m_cursor);
    return next == it->end() ? -1 : *next;
}

void JsonNameLocator::buildIndex()
{
    m_indexed = true;
    const qsizetype n = m_data.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (m_data[i] != '"')
            continue;
        const qsizetype begin = i + 1;
        qsizetype j = begin;
        bool escaped = false;
        while (j < n && m_data[j] != '"') {
            if (m_data[j] == '\\') {
                escaped = true;
                ++j;
            }
            ++j;
        }
        const QByteArrayView raw(m_data.constData() + begin, std::min(j, n) - begin);
        m_offsets[escaped ? decodeJsonString(raw) : QString::fromUtf8(raw)].push_back(i);
        i = j; // the closing quote
    }
}

namespace {
// A linear scan over valid JSON that keeps only what the importers need: object members.
class MemberScanner
{
public:
    explicit MemberScanner(const QByteArray& data)
        : m_data(data)
    { }

    std::vector<JsonMember> scan()
    {
        const qsizetype n = m_data.size();
        qsizetype i = 0;
        while (i < n) {
            const char c = m_data[i];
            if (isBlank(c) || c == ':') {
                ++i;
            } else if (c == '{' || c == '[') {
                m_stack.push_back({ c, owner() });
                m_expectKey = c == '{';
                m_pending = -1;
                ++i;
            } else if (c == '}' || c == ']') {
                m_stack.pop_back();
                m_pending = -1;
                ++i;
            } else if (c == ',') {
                m_expectKey = !m_stack.empty() && m_stack.back().type == '{';
                ++i;
            } else if (c == '"') {
                i = string(i);
            } else {
                i = scalar(i);
            }
        }
        return std::move(m_members);
    }

private:
    struct Container
    {
        char type;
        int owner;
    };

    // The member a container that starts now belongs to.
    int owner() const
    {
        if (m_stack.empty())
            return -1;
        if (m_stack.back().type == '[')
            return -2;
        return m_pending >= 0 ? m_pending : -2;
    }

    int parentOfNewMember() const { return m_stack.back().owner; }

    qsizetype string(qsizetype i)
    {
        const qsizetype begin = i + 1;
        qsizetype j = begin;
        bool escaped = false;
        while (m_data[j] != '"') {
            if (m_data[j] == '\\') {
                escaped = true;
                ++j;
            }
            ++j;
        }
        const QByteArrayView raw(m_data.constData() + begin, j - begin);
        if (!m_stack.empty() && m_stack.back().type == '{' && m_expectKey) {
            JsonMember member;
            member.key = escaped ? decodeJsonString(raw) : QString::fromUtf8(raw);
            member.offset = i;
            member.parent = parentOfNewMember();
            m_members.push_back(std::move(member));
            m_pending = int(m_members.size() - 1);
            m_expectKey = false;
        } else if (m_pending >= 0) {
            m_members[m_pending].kind = JsonMember::Kind::String;
            m_members[m_pending].value = raw;
            m_pending = -1;
        }
        return j + 1;
    }

    qsizetype scalar(qsizetype i)
    {
        qsizetype j = i;
        while (j < m_data.size() && !isBlank(m_data[j]) && m_data[j] != ',' && m_data[j] != '}'
            && m_data[j] != ']')
            ++j;
        if (m_pending >= 0) {
            m_members[m_pending].value = QByteArrayView(m_data.constData() + i, j - i);
            m_pending = -1;
        }
        return j;
    }

    const QByteArray& m_data;
    std::vector<Container> m_stack;
    std::vector<JsonMember> m_members;
    int m_pending = -1; // the member whose value comes next
    bool m_expectKey = false;
};
} // namespace

std::vector<JsonMember> scanJsonMembers(const QByteArray& data)
{
    std::vector<JsonMember> members = MemberScanner(data).scan();
    // A member whose value is a container: mark it so callers do not mistake it for a missing scalar.
    for (JsonMember& m : members) {
        if (m.kind == JsonMember::Kind::Scalar && m.value.isNull())
            m.kind = JsonMember::Kind::Container;
    }
    return members;
}

void addJsonScoreMap(const QByteArray& text, const std::vector<JsonMember>& members, int parent,
    const QString& file, EntryCollector& out)
{
    LineCounter lines(text);
    for (const JsonMember& member : members) {
        if (member.parent != parent)
            continue;
        const int line = lines.lineAt(member.offset);
        if (member.kind == JsonMember::Kind::Scalar && member.value == QByteArrayView("null"))
            continue; // no value for this op
        const std::optional<double> value
            = member.kind == JsonMember::Kind::Container ? std::nullopt : parseNumber(member.value);
        if (!value)
            throw FileError(file, line, QStringLiteral("score of '%1' is not a number").arg(member.key));
        out.add({ member.key, {}, *value, line, {} });
    }
}

int findJsonMember(const std::vector<JsonMember>& members, int parent, const QString& key)
{
    for (size_t i = 0; i < members.size(); ++i) {
        if (members[i].parent == parent && members[i].key == key)
            return int(i);
    }
    return -1;
}

bool isJsonScoreMap(const QJsonObject& object)
{
    if (object.isEmpty())
        return false;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it->isDouble() && !it->isString() && !it->isNull())
            return false;
    }
    return true;
}

void EntryCollector::reserve(qsizetype n)
{
    if (!m_inventory)
        m_index.reserve(n); // with an inventory, nearly every name is an op's and needs no index
    m_entries.reserve(size_t(n));
}

bool EntryCollector::contains(const QString& name) const
{
    const int op = m_inventory ? m_inventory->indexOf(name) : -1;
    if (op >= 0)
        return !m_entryOfOp.empty() && m_entryOfOp[size_t(op)] >= 0;
    return m_index.find(name, [this](int i) { return nameAt(i); }) >= 0;
}

void EntryCollector::addAs(MetricEntry entry, int op)
{
    if (entry.name.isEmpty())
        throw FileError(m_file, entry.line, QStringLiteral("empty op name"));
    if (!std::isfinite(entry.value))
        throw FileError(m_file, entry.line, QStringLiteral("score is not a finite number"));
    // One lookup per entry: a new name is stored at the position it is about to take.
    const int position = int(m_entries.size());
    int first = position;
    if (op >= 0) {
        if (m_entryOfOp.empty())
            m_entryOfOp.assign(size_t(m_inventory->size()), -1);
        int& slot = m_entryOfOp[size_t(op)];
        if (slot < 0)
            slot = position;
        first = slot;
        entry.name = m_inventory->at(op).name;
    } else {
        first = m_index.insert(entry.name, position, [this](int i) { return nameAt(i); });
    }
    if (first != position) {
        const MetricEntry& earlier = m_entries[size_t(first)];
        if (earlier.value == entry.value)
            return; // the same statement twice: harmless
        throw FileError(m_file, entry.line,
            QStringLiteral("duplicate op name '%1' with a different score (first at line %2)")
                .arg(entry.name)
                .arg(earlier.line));
    }
    m_entries.push_back(std::move(entry));
}

bool isYamlCollection(const QByteArray& text)
{
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        return root.IsMap() || root.IsSequence();
    } catch (const YAML::Exception&) {
        return false;
    }
}

Metric makeMetric(const QString& key, const QString& label, Polarity polarity, QString note)
{
    Metric metric;
    metric.key = key;
    metric.id = key;
    metric.label = label;
    metric.sourcePolarity = polarity;
    metric.note = std::move(note);
    return metric;
}

} // namespace qc::importing
