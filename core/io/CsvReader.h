#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <array>
#include <initializer_list>
#include <vector>

namespace qc {

// Reads a delimited text table one row at a time. Comma, semicolon or tab (detected from the header line),
// RFC 4180 quotes, CRLF and a BOM tolerated; blank lines skipped; cells trimmed as QString::trimmed does.
// A cell is a view of its UTF-8 bytes: into the input for plain cells (nearly all), into the reader's own
// buffer for quoted or Unicode-trimmed ones, so a million-row file is never held as strings.
class CsvReader
{
public:
    // Reads the header. `data` must outlive the reader. Throws FileError "no header line".
    CsvReader(const QByteArray& data, QString file);

    const QStringList& header() const { return m_header; }
    char delimiter() const { return m_delimiter; }
    // Column index by case-insensitive name, or -1; the first alias found wins.
    int column(const QString& name) const { return column(m_header, name); }
    int column(std::initializer_list<const char*> aliases) const { return column(m_header, aliases); }
    static int column(const QStringList& header, const QString& name);
    static int column(const QStringList& header, std::initializer_list<const char*> aliases);

    // Moves to the next row; false after the last. Throws FileError (with the line) on an unterminated
    // quote or a row whose cell count differs from the header's.
    bool next();
    int line() const { return m_rowLine; } // 1-based line the current row starts on
    qsizetype cellCount() const { return qsizetype(m_cells.size()); }
    QByteArrayView cell(int column) const;
    QString text(int column) const { return QString::fromUtf8(cell(column)); }

    // The delimiter a header line uses, or '\0' when it has none of the three.
    static char detectDelimiter(QByteArrayView headerLine);

private:
    // One raw row (cells, not yet checked against the header); false at the end of the data.
    bool readRow();
    void addCell(const char* begin, const char* end, bool inInput);
    void addCopiedCell(QByteArrayView bytes);

    QByteArray m_data; // shares the caller's buffer (implicit sharing), without its BOM
    QString m_file;
    const char* m_pos = nullptr;
    const char* m_end = nullptr;
    int m_line = 1;
    int m_rowLine = 0;
    char m_delimiter = ',';
    std::array<bool, 256> m_stops {}; // the bytes that end a plain run: delimiter, newline, quote, CR
    QStringList m_header;
    // A cell is [begin, end) in the input, or in m_copies when its offset is negative (-offset - 1).
    struct Cell
    {
        qsizetype begin;
        qsizetype size;
    };
    std::vector<Cell> m_cells;
    QByteArray m_copies;
    QByteArray m_scratch;
};

} // namespace qc
