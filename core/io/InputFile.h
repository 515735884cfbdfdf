#pragma once

#include <QByteArray>
#include <QString>

namespace qc {

// Reads a whole input; "-" is stdin. Throws FileError for a missing, unreadable or empty file.
QByteArray readInput(const QString& path);

// Like readInput, and also rejects content that is not UTF-8 text (NUL bytes, invalid sequences).
QByteArray readTextInput(const QString& path);

// The checks of readTextInput for data already read: throws FileError (with the line of a NUL byte or an
// invalid UTF-8 sequence) unless the data is non-blank UTF-8 text.
void requireText(const QByteArray& data, const QString& path);

// Byte offset of the first invalid UTF-8 sequence, -1 when the data is valid. No copy of the data.
qsizetype invalidUtf8Offset(const QByteArray& data);

// Strips a UTF-8 byte order mark.
QByteArray withoutBom(const QByteArray& data);

// 1-based line number of a byte offset.
int lineOfOffset(const QByteArray& data, qsizetype offset);

} // namespace qc
