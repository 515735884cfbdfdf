#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <vector>

namespace qc {

// A delimited text table held whole as text: header plus rows, each row remembering its 1-based source line.
// Read by CsvReader (its rules); for large files read rows from a CsvReader instead.
class CsvTable
{
public:
    struct Row
    {
        int line = 0;
        QStringList cells;
    };

    // Throws FileError (with the line) on an unterminated quote or a row with the wrong cell count: the
    // first one in the file.
    static CsvTable parse(const QByteArray& data, const QString& file);
    // The delimiter a header line uses, or '\0' when it has none of the three.
    static char detectDelimiter(const QByteArray& headerLine);

    const QStringList& header() const { return m_header; }
    const std::vector<Row>& rows() const { return m_rows; }
    char delimiter() const { return m_delimiter; }
    // Column index by case-insensitive name, or -1.
    int column(const QString& name) const;
    int column(std::initializer_list<const char*> aliases) const;

private:
    QStringList m_header;
    std::vector<Row> m_rows;
    char m_delimiter = ',';
};

} // namespace qc
