#include "IncLogImporter.h"

#include "ImportSupport.h"
#include "io/FileError.h"

#include <optional>

namespace qc {

using namespace importing;

namespace {
constexpr QByteArrayView fallbackOrderMarker("fallback order:");
constexpr QByteArrayView dumpMseMarker("Dump MSE order:");
constexpr QByteArrayView opsListMarker("*** ops_lst(");
constexpr QByteArrayView highestMarker("have the highest sensitivity");
constexpr QByteArrayView theOpMarker("*** The op ");
constexpr QByteArrayView hawqOpMarker("*** op: ");
constexpr QByteArrayView hawqTraceMarker(", hessian trace :");

struct OpRef
{
    QString name;
    QString type;
};

// Reads the Python reprs INC logs: tuples of quoted strings, dicts, lists, tensor(x) values.
class ReprCursor
{
public:
    explicit ReprCursor(QByteArrayView text, qsizetype pos = 0)
        : m_text(text)
        , m_pos(pos)
    { }

    qsizetype pos() const { return m_pos; }
    bool atEnd()
    {
        skipSpaces();
        return m_pos >= m_text.size();
    }
    bool accept(char c)
    {
        skipSpaces();
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool accept(QByteArrayView word)
    {
        skipSpaces();
        if (!m_text.sliced(m_pos).startsWith(word))
            return false;
        m_pos += word.size();
        return true;
    }

    // 'text' or "text" with Python's backslash escapes for quotes and backslashes.
    std::optional<QString> quoted()
    {
        skipSpaces();
        if (m_pos >= m_text.size() || (m_text[m_pos] != '\'' && m_text[m_pos] != '"'))
            return std::nullopt;
        const char quote = m_text[m_pos++];
        // Names rarely hold escapes: convert the slice directly instead of copying byte by byte (a quarter
        // of an MSE_V2 log's import time).
        const qsizetype begin = m_pos;
        qsizetype end = begin;
        while (end < m_text.size() && m_text[end] != quote && m_text[end] != '\\')
            ++end;
        if (end < m_text.size() && m_text[end] == quote) {
            m_pos = end + 1;
            return QString::fromUtf8(m_text.sliced(begin, end - begin));
        }
        QByteArray bytes;
        while (m_pos < m_text.size() && m_text[m_pos] != quote) {
            if (m_text[m_pos] == '\\' && m_pos + 1 < m_text.size())
                ++m_pos;
            bytes.append(m_text[m_pos++]);
        }
        if (m_pos >= m_text.size())
            return std::nullopt;
        ++m_pos;
        return QString::fromUtf8(bytes);
    }

    // ('name', 'Type')
    std::optional<OpRef> opTuple()
    {
        std::optional<QString> name, type;
        if (!accept('(') || !(name = quoted()) || !accept(',') || !(type = quoted()) || !accept(')'))
            return std::nullopt;
        return OpRef { *name, *type };
    }

    // A plain number, or tensor(x) with optional keyword arguments (device='cuda:0', dtype=...).
    std::optional<double> value()
    {
        const bool tensor = accept(QByteArrayView("tensor("));
        skipSpaces();
        const qsizetype begin = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != ')' && m_text[m_pos] != '}'
            && m_text[m_pos] != ' ' && m_text[m_pos] != '\r')
            ++m_pos;
        const std::optional<double> number = parseNumber(m_text.sliced(begin, m_pos - begin));
        if (tensor) {
            // Skip keyword arguments up to the closing parenthesis; quoted values may hold ',' or ')'.
            while (m_pos < m_text.size() && m_text[m_pos] != ')') {
                if (m_text[m_pos] == '\'' || m_text[m_pos] == '"') {
                    if (!quoted())
                        return std::nullopt;
                } else {
                    ++m_pos;
                }
            }
            if (!accept(')'))
                return std::nullopt;
        }
        return number;
    }

private:
    void skipSpaces()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t'))
            ++m_pos;
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

struct Line
{
    QByteArrayView text; // without the line break
    int number = 0;
};

std::vector<Line> splitLines(const QByteArray& data)
{
    std::vector<Line> lines;
    lines.reserve(size_t(data.count('\n') + 1));
    qsizetype begin = 0;
    int number = 1;
    while (begin <= data.size()) {
        qsizetype end = data.indexOf('\n', begin);
        if (end < 0)
            end = data.size();
        qsizetype stop = end;
        if (stop > begin && data[stop - 1] == '\r')
            --stop;
        lines.push_back({ QByteArrayView(data.constData() + begin, stop - begin), number++ });
        begin = end + 1;
    }
    return lines;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Drops "YYYY-MM-DD HH:MM:SS[,mmm] [LEVEL] " so continuation lines can be read with or without it.
QByteArrayView withoutLogPrefix(QByteArrayView line)
{
    if (line.size() < 20 || !isDigit(line[0]) || line[4] != '-' || line[7] != '-' || line[10] != ' '
        || line[13] != ':' || line[16] != ':')
        return line;
    const qsizetype open = line.indexOf('[', 19);
    const qsizetype close = open < 0 ? -1 : line.indexOf("] ", open);
    return close < 0 ? line : line.sliced(close + 2);
}

// What one pass over the log found; the best MSE source is chosen afterwards.
struct Findings
{
    const Line* fallbackOrder = nullptr;
    int fallbackOrderCount = 0;
    const Line* dumpMse = nullptr; // the "Dump MSE order:" line; the block follows it
    const Line* opsList = nullptr;
    std::vector<std::pair<OpRef, int>> highestPicks; // op and line, in log order
    std::vector<const Line*> hawqLines; // the first contiguous block
    bool hawqBlockClosed = false;
};

Metric scoreMetric(const QString& note)
{
    return makeMetric(QStringLiteral("mse_v2_fallback"), QStringLiteral("INC MSE_V2 fp32 fallback"),
        Polarity::LowerIsMoreSensitive, note);
}

class LogReader
{
public:
    LogReader(const QByteArray& text, const QString& file)
        : m_file(file)
        , m_lines(splitLines(text))
    { }

    std::vector<Metric> read()
    {
        scan();
        std::vector<Metric> metrics;
        if (std::optional<Metric> mse = mseMetric())
            metrics.push_back(std::move(*mse));
        if (!m_found.hawqLines.empty())
            metrics.push_back(hawqMetric());
        if (metrics.empty())
            throw FileError(m_file, QStringLiteral("no INC MSE_V2 or HAWQ_V2 sensitivity lines found"));
        return metrics;
    }

private:
    void scan()
    {
        for (const Line& line : m_lines) {
            const QByteArrayView t = line.text;
            const bool hawq = t.contains(hawqOpMarker) && t.contains(hawqTraceMarker);
            if (hawq && !m_found.hawqBlockClosed)
                m_found.hawqLines.push_back(&line);
            else if (!hawq && !m_found.hawqLines.empty())
                m_found.hawqBlockClosed = true; // a later HAWQ run re-scores; the first block is the result
            if (hawq)
                continue;
            if (t.contains(fallbackOrderMarker)) {
                if (!m_found.fallbackOrder)
                    m_found.fallbackOrder = &line;
                ++m_found.fallbackOrderCount;
            } else if (t.contains(dumpMseMarker)) {
                if (!m_found.dumpMse)
                    m_found.dumpMse = &line;
            } else if (t.contains(opsListMarker)) {
                if (!m_found.opsList)
                    m_found.opsList = &line;
            } else if (t.contains(highestMarker)) {
                const qsizetype at = t.indexOf(theOpMarker);
                ReprCursor cursor(t, at < 0 ? 0 : at + theOpMarker.size());
                const std::optional<OpRef> op = at < 0 ? std::nullopt : cursor.opTuple();
                if (!op)
                    throw FileError(
                        m_file, line.number, QStringLiteral("cannot read the op of a fallback line"));
                m_found.highestPicks.push_back({ *op, line.number });
            }
        }
    }

    std::optional<Metric> mseMetric() const
    {
        // Best source first; an empty dict or list (nothing left to score) gives way to the next source.
        if (m_found.fallbackOrder) {
            Metric metric = fromFallbackOrder(*m_found.fallbackOrder);
            if (!metric.entries.empty())
                return metric;
        }
        if (m_found.dumpMse)
            return fromDumpMse(*m_found.dumpMse);
        if (m_found.opsList) {
            Metric metric = fromOpsList(*m_found.opsList);
            if (!metric.entries.empty())
                return metric;
        }
        if (!m_found.highestPicks.empty())
            return fromHighestPicks();
        return std::nullopt;
    }

    Metric fromFallbackOrder(const Line& line) const
    {
        const QByteArrayView t = line.text;
        ReprCursor cursor(t, t.indexOf(fallbackOrderMarker) + fallbackOrderMarker.size());
        if (!cursor.accept('{'))
            throw FileError(
                m_file, line.number, QStringLiteral("'fallback order:' is not followed by a dict"));
        EntryCollector entries(m_file);
        while (!cursor.accept('}')) {
            const std::optional<OpRef> op = cursor.opTuple();
            if (!op || !cursor.accept(':'))
                throw unreadable(line, cursor.pos());
            const std::optional<double> value = cursor.value();
            if (!value)
                throw unreadable(line, cursor.pos());
            entries.add({ op->name, op->type, *value, line.number, {} });
            if (cursor.accept(','))
                continue;
            if (cursor.accept('}'))
                break;
            throw unreadable(line, cursor.pos());
        }
        QString note
            = QStringLiteral("Scores (sum of squared output errors with only that op in fp32) from the "
                             "first 'fallback order:' line, line %1: the global ranking with every op "
                             "INT8. INC sorts ascending and falls back the first op, so lower is more "
                             "sensitive.")
                  .arg(line.number);
        if (m_found.fallbackOrderCount > 1)
            note
                += QStringLiteral(" %1 later 'fallback order:' lines re-score a changed state (earlier picks "
                                  "already fp32, or another calibration batch) and are ignored.")
                       .arg(m_found.fallbackOrderCount - 1);
        Metric metric = scoreMetric(note);
        metric.entries = entries.take();
        return metric;
    }

    Metric fromDumpMse(const Line& header) const
    {
        EntryCollector entries(m_file);
        for (size_t i = size_t(header.number); i < m_lines.size(); ++i) { // lines after the header
            const Line& line = m_lines[i];
            ReprCursor cursor(withoutLogPrefix(line.text));
            const std::optional<OpRef> op = cursor.opTuple();
            if (!op || !cursor.accept(':'))
                break; // the block ends at the first line that is not "(op): value"
            const std::optional<double> value = cursor.value();
            if (!value || !cursor.atEnd())
                throw unreadable(line, cursor.pos());
            entries.add({ op->name, op->type, *value, line.number, {} });
        }
        if (entries.isEmpty())
            throw FileError(
                m_file, header.number, QStringLiteral("'Dump MSE order:' is followed by no scores"));
        Metric metric = scoreMetric(QStringLiteral(
            "Scores (mean squared output error with only that op in fp32) from the first "
            "'Dump MSE order:' block, line %1 (ONNX Runtime / TensorFlow). INC sorts ascending "
            "and falls back the first op, so lower is more sensitive.")
                                        .arg(header.number));
        metric.entries = entries.take();
        return metric;
    }

    Metric fromOpsList(const Line& line) const
    {
        const QByteArrayView t = line.text;
        const qsizetype colon = t.indexOf(':', t.indexOf(opsListMarker)); // after "(N)"
        ReprCursor cursor(t, colon < 0 ? t.size() : colon + 1);
        if (colon < 0 || !cursor.accept('['))
            throw FileError(m_file, line.number, QStringLiteral("'ops_lst' is not followed by a list"));
        std::vector<std::pair<OpRef, int>> ops;
        while (!cursor.accept(']')) {
            const std::optional<OpRef> op = cursor.opTuple();
            if (!op)
                throw unreadable(line, cursor.pos());
            ops.push_back({ *op, line.number });
            cursor.accept(',');
        }
        Metric metric = rankMetric(QStringLiteral("mse_v2_fallback"),
            QStringLiteral("INC MSE_V2 fp32 fallback (order only)"), ops,
            QStringLiteral(
                "Order only, from the first '*** ops_lst' line, line %1 (the log has no scores; they "
                "need LOGLEVEL=DEBUG 'fallback order:'). Value = position, 1 = most sensitive. On "
                "PyTorch the list may hold only the <=5 re-scored ops when scores were close.")
                .arg(line.number));
        return metric;
    }

    Metric fromHighestPicks() const
    {
        return rankMetric(QStringLiteral("mse_v2_fallback_order"),
            QStringLiteral("INC MSE_V2 greedy fallback order"), m_found.highestPicks,
            QStringLiteral(
                "Order only: the greedy fallback order of the '*** The op ... have the highest "
                "sensitivity' lines. Each pick was re-scored after the earlier ones fell back to "
                "fp32, so it is not one global ranking. Value = position, 1 = first fallen back."));
    }

    Metric rankMetric(const QString& key, const QString& label, const std::vector<std::pair<OpRef, int>>& ops,
        const QString& note) const
    {
        Metric metric = makeMetric(key, label, Polarity::LowerIsMoreSensitive, note);
        metric.valuesAreRanks = true;
        EntryCollector entries(m_file);
        int position = 0;
        for (const auto& [op, lineNumber] : ops) {
            if (entries.contains(op.name))
                continue; // an op picked again (another target dtype) keeps its first position
            entries.add({ op.name, op.type, double(++position), lineNumber, {} });
        }
        metric.entries = entries.take();
        return metric;
    }

    Metric hawqMetric() const
    {
        EntryCollector entries(m_file);
        for (const Line* line : m_found.hawqLines) {
            const QByteArrayView t = line->text;
            const qsizetype nameBegin = t.indexOf(hawqOpMarker) + hawqOpMarker.size();
            const qsizetype nameEnd = t.indexOf(hawqTraceMarker, nameBegin);
            if (nameEnd < 0)
                throw unreadable(*line, nameBegin);
            ReprCursor cursor(t, nameEnd + hawqTraceMarker.size());
            const std::optional<double> value = cursor.value();
            if (!value || !cursor.atEnd())
                throw FileError(m_file, line->number, QStringLiteral("hessian trace is not a number"));
            const QString name = QString::fromUtf8(t.sliced(nameBegin, nameEnd - nameBegin)).trimmed();
            entries.add({ name, {}, *value, line->number, {} });
        }
        Metric metric = makeMetric(QStringLiteral("hawq_v2"), QStringLiteral("INC HAWQ_V2 Hessian trace"),
            Polarity::HigherIsMoreSensitive,
            QStringLiteral(
                "Weight Hessian trace (mean per element) of each module of the fused FX model, from the "
                "first 'hessian trace' block, line %1. INC falls back the largest trace first, so "
                "higher is more sensitive.")
                .arg(m_found.hawqLines.front()->number));
        metric.entries = entries.take();
        return metric;
    }

    FileError unreadable(const Line& line, qsizetype column) const
    {
        return FileError(
            m_file, line.number, QStringLiteral("cannot read the op list at column %1").arg(column + 1));
    }

    const QString& m_file;
    std::vector<Line> m_lines;
    Findings m_found;
};
} // namespace

bool IncLogImporter::fits(const QByteArray& text)
{
    return text.contains(fallbackOrderMarker) || text.contains("ops_lst(") || text.contains(dumpMseMarker)
        || text.contains("hessian trace :") || text.contains(highestMarker);
}

std::vector<Metric> IncLogImporter::read(const QByteArray& text) const
{
    return LogReader(text, m_file).read();
}

} // namespace qc
