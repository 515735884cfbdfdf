#include "CsvReader.h"

#include "FileError.h"
#include "InputFile.h"

#include <algorithm>

namespace qc {

namespace {
bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
bool isHigh(char c)
{
    return static_cast<unsigned char>(c) >= 0x80;
}
} // namespace

char CsvReader::detectDelimiter(QByteArrayView headerLine)
{
    const char candidates[] = { '\t', ';', ',' };
    char best = '\0';
    qsizetype bestCount = 0;
    for (const char c : candidates) {
        const auto count = qsizetype(std::count(headerLine.begin(), headerLine.end(), c));
        if (count > bestCount) {
            best = c;
            bestCount = count;
        }
    }
    return best;
}

CsvReader::CsvReader(const QByteArray& data, QString file)
    : m_data(withoutBom(data))
    , m_file(std::move(file))
{
    m_pos = m_data.constData();
    m_end = m_pos + m_data.size();
    const qsizetype firstEnd = m_data.indexOf('\n');
    const char detected
        = detectDelimiter(QByteArrayView(m_data).first(firstEnd < 0 ? m_data.size() : firstEnd));
    m_delimiter = detected ? detected : ',';
    for (const char c : { m_delimiter, '\n', '"', '\r' })
        m_stops[static_cast<unsigned char>(c)] = true;
    if (!readRow())
        throw FileError(m_file, QStringLiteral("no header line"));
    for (qsizetype c = 0; c < cellCount(); ++c)
        m_header.append(text(int(c)));
}

int CsvReader::column(const QStringList& header, const QString& name)
{
    for (int i = 0; i < header.size(); ++i) {
        if (header[i].compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

int CsvReader::column(const QStringList& header, std::initializer_list<const char*> aliases)
{
    for (const char* alias : aliases) {
        const int c = column(header, QLatin1String(alias));
        if (c >= 0)
            return c;
    }
    return -1;
}

QByteArrayView CsvReader::cell(int column) const
{
    const Cell& c = m_cells[size_t(column)];
    if (c.begin >= 0)
        return QByteArrayView(m_data.constData() + c.begin, c.size);
    return QByteArrayView(m_copies.constData() + (-c.begin - 1), c.size);
}

bool CsvReader::next()
{
    if (!readRow())
        return false;
    if (cellCount() != m_header.size())
        throw FileError(m_file, m_rowLine,
            QStringLiteral("expected %1 fields as in the header, found %2")
                .arg(m_header.size())
                .arg(cellCount()));
    return true;
}

// QString::trimmed() on the bytes: ASCII whitespace is cut here; a cell that still starts or ends with a
// non-ASCII byte (it may be a Unicode space) is trimmed as text and kept as a copy.
void CsvReader::addCell(const char* begin, const char* end, bool inInput)
{
    while (begin < end && isAsciiSpace(*begin))
        ++begin;
    while (end > begin && isAsciiSpace(end[-1]))
        --end;
    if (begin < end && (isHigh(*begin) || isHigh(end[-1]))) {
        const QString text = QString::fromUtf8(begin, end - begin);
        const QString trimmed = text.trimmed();
        if (trimmed.size() != text.size())
            return addCopiedCell(trimmed.toUtf8());
    }
    if (inInput)
        m_cells.push_back({ begin - m_data.constData(), end - begin });
    else
        addCopiedCell(QByteArrayView(begin, end - begin));
}

void CsvReader::addCopiedCell(QByteArrayView bytes)
{
    m_cells.push_back({ -(m_copies.size() + 1), bytes.size() });
    m_copies.append(bytes);
}

// One pass over the bytes. A cell without quotes or carriage returns is cut straight from the input; any
// other goes through the character rules (a quote opens only at the cell's first byte, "" inside quotes is
// one quote, '\r' is dropped outside quotes) into a copy.
bool CsvReader::readRow()
{
    for (;;) {
        if (m_pos > m_end)
            return false;
        m_cells.clear();
        m_copies.clear();
        m_rowLine = m_line;
        bool rowHasContent = false;
        for (;;) {
            const char* const cellStart = m_pos;
            const char* p = m_pos;
            while (p < m_end && !m_stops[static_cast<unsigned char>(*p)])
                ++p;
            // Once a row has content, its later cells need not be looked at twice.
            if (!rowHasContent)
                rowHasContent = std::any_of(cellStart, p, [](char c) { return c != ' ' && c != '\t'; });
            bool cellHasBytes = p > cellStart;
            if (p < m_end && (*p == '"' || *p == '\r')) {
                m_scratch.clear();
                m_scratch.append(cellStart, p - cellStart);
                bool inQuotes = false;
                int quoteLine = 0;
                for (; p < m_end; ++p) {
                    const char c = *p;
                    if (inQuotes) {
                        if (c == '"') {
                            if (p + 1 < m_end && p[1] == '"') {
                                m_scratch += '"';
                                ++p;
                            } else {
                                inQuotes = false;
                            }
                        } else {
                            if (c == '\n')
                                ++m_line;
                            m_scratch += c;
                        }
                        continue;
                    }
                    if (c == '"' && m_scratch.isEmpty()) {
                        inQuotes = true;
                        quoteLine = m_line;
                        rowHasContent = true;
                    } else if (c == m_delimiter || c == '\n') {
                        break;
                    } else if (c != '\r') {
                        if (c != ' ' && c != '\t')
                            rowHasContent = true;
                        m_scratch += c;
                    }
                }
                if (inQuotes)
                    throw FileError(m_file, quoteLine, QStringLiteral("unterminated quoted field"));
                cellHasBytes = !m_scratch.isEmpty();
                addCell(m_scratch.constData(), m_scratch.constData() + m_scratch.size(), false);
            } else {
                addCell(cellStart, p, true);
            }
            m_pos = p + 1; // past the delimiter or newline; past m_end at the end of the data
            if (p >= m_end) {
                // A last line without its newline is a row only when it holds something.
                if ((cellHasBytes || m_cells.size() > 1) && (rowHasContent || m_cells.size() > 1))
                    return true;
                return false;
            }
            if (*p == m_delimiter)
                continue;
            ++m_line; // '\n'
            if (rowHasContent || m_cells.size() > 1)
                return true;
            break; // a blank line: read the next
        }
    }
}

} // namespace qc
