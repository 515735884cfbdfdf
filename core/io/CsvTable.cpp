#include "CsvTable.h"

#include "CsvReader.h"

namespace qc {

char CsvTable::detectDelimiter(const QByteArray& headerLine)
{
    return CsvReader::detectDelimiter(headerLine);
}

int CsvTable::column(const QString& name) const
{
    return CsvReader::column(m_header, name);
}

int CsvTable::column(std::initializer_list<const char*> aliases) const
{
    return CsvReader::column(m_header, aliases);
}

CsvTable CsvTable::parse(const QByteArray& data, const QString& file)
{
    CsvReader reader(data, file);
    CsvTable table;
    table.m_header = reader.header();
    table.m_delimiter = reader.delimiter();
    while (reader.next()) {
        Row row;
        row.line = reader.line();
        row.cells.reserve(reader.cellCount());
        for (int c = 0; c < reader.cellCount(); ++c)
            row.cells.append(reader.text(c));
        table.m_rows.push_back(std::move(row));
    }
    return table;
}

} // namespace qc
