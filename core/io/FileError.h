#pragma once

#include <QString>
#include <stdexcept>

namespace qc {

// The one error type for bad input and failed output: names the file and, where known, the line.
class FileError : public std::runtime_error
{
public:
    FileError(QString file, int line, QString message);
    FileError(QString file, QString message)
        : FileError(std::move(file), 0, std::move(message))
    { }

    const QString& file() const { return m_file; }
    int line() const { return m_line; }
    const QString& message() const { return m_message; }
    // "file:line: message", the form every command-line message takes.
    QString toString() const;

private:
    QString m_file;
    int m_line = 0;
    QString m_message;
};

} // namespace qc
