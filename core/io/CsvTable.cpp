#include "CsvTable.h"

#include "FileError.h"
#include "InputFile.h"

namespace qc {

char CsvTable::detectDelimiter(const QByteArray& headerLine)
{
    const char candidates[] = { '\t', ';', ',' };
    char best = '\0';
    qsizetype bestCount = 0;
    for (const char c : candidates) {
        const qsizetype count = headerLine.count(c);
        if (count > bestCount) {
            best = c;
            bestCount = count;
        }
    }
    return best;
}

int CsvTable::column(const QString& name) const
{
    for (int i = 0; i < m_header.size(); ++i) {
        if (m_header[i].compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

int CsvTable::column(std::initializer_list<const char*> aliases) const
{
    for (const char* alias : aliases) {
        const int c = column(QLatin1String(alias));
        if (c >= 0)
            return c;
    }
    return -1;
}

CsvTable CsvTable::parse(const QByteArray& raw, const QString& file)
{
    const QByteArray data = withoutBom(raw);
    CsvTable table;
    const qsizetype firstEnd = data.indexOf('\n');
    const char delimiter = detectDelimiter(data.left(firstEnd < 0 ? data.size() : firstEnd));
    table.m_delimiter = delimiter ? delimiter : ',';

    std::vector<Row> rows;
    Row current;
    int line = 1;
    current.line = 1;
    bool inQuotes = false;
    bool rowHasContent = false;
    int quoteLine = 0;
    const qsizetype n = data.size();
    QByteArray cellBytes;
    auto endCell = [&] {
        current.cells.append(QString::fromUtf8(cellBytes));
        cellBytes.clear();
    };
    auto endRow = [&] {
        endCell();
        if (rowHasContent || current.cells.size() > 1)
            rows.push_back(std::move(current));
        current = Row {};
        rowHasContent = false;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const char c = data[i];
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < n && data[i + 1] == '"') {
                    cellBytes.append('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                cellBytes.append(c);
            }
            continue;
        }
        if (c == '"' && cellBytes.isEmpty()) {
            inQuotes = true;
            quoteLine = line;
            rowHasContent = true;
        } else if (c == table.m_delimiter) {
            endCell();
        } else if (c == '\r') {
            // CRLF: the '\n' ends the row.
        } else if (c == '\n') {
            endRow();
            ++line;
            current.line = line;
        } else {
            if (c != ' ' && c != '\t')
                rowHasContent = true;
            cellBytes.append(c);
        }
    }
    if (inQuotes)
        throw FileError(file, quoteLine, QStringLiteral("unterminated quoted field"));
    if (!cellBytes.isEmpty() || !current.cells.isEmpty())
        endRow();

    if (rows.empty())
        throw FileError(file, QStringLiteral("no header line"));
    table.m_header = rows.front().cells;
    for (QString& h : table.m_header)
        h = h.trimmed();
    for (size_t r = 1; r < rows.size(); ++r) {
        Row& row = rows[r];
        if (row.cells.size() != table.m_header.size())
            throw FileError(file, row.line,
                QStringLiteral("expected %1 fields as in the header, found %2")
                    .arg(table.m_header.size())
                    .arg(row.cells.size()));
        for (QString& cellText : row.cells)
            cellText = cellText.trimmed();
        table.m_rows.push_back(std::move(row));
    }
    return table;
}

} // namespace qc
