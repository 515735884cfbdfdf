#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <functional>

namespace qc {

// Writes the whole file or nothing (QSaveFile): an existing file survives a failed write.
// "-" writes to stdout. Throws FileError on failure.
void writeAtomically(const QString& path, const QByteArray& data);
// The same for output produced in pieces: write streams into the device, so a large file is never held
// in memory whole.
void writeAtomically(const QString& path, const std::function<void(QIODevice&)>& write);

} // namespace qc
