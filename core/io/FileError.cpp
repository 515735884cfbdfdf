#include "FileError.h"

namespace qc {

namespace {
QString format(const QString& file, int line, const QString& message)
{
    QString where = file.isEmpty() ? QStringLiteral("<input>") : file;
    if (line > 0)
        where += QLatin1Char(':') + QString::number(line);
    return where + QStringLiteral(": ") + message;
}
} // namespace

FileError::FileError(QString file, int line, QString message)
    : std::runtime_error(format(file, line, message).toStdString())
    , m_file(std::move(file))
    , m_line(line)
    , m_message(std::move(message))
{ }

QString FileError::toString() const
{
    return format(m_file, m_line, m_message);
}

} // namespace qc
