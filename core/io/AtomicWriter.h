#pragma once

#include <QByteArray>
#include <QString>

namespace qc {

// Writes the whole file or nothing (QSaveFile): an existing file survives a failed write.
// "-" writes to stdout. Throws FileError on failure.
void writeAtomically(const QString& path, const QByteArray& data);

} // namespace qc
