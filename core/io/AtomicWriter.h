#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>
#include <functional>

namespace qc {

// Writes the whole file or nothing (QSaveFile): an existing file survives a failed write.
// "-" writes to stdout. Throws FileError on failure.
void writeAtomically(const QString& path, const QByteArray& data);
// The same for output produced in pieces: write streams into the device, so a large file is never held
// in memory whole.
void writeAtomically(const QString& path, const std::function<void(QIODevice&)>& write);

// Throws FileError when the output is the same file as one of the inputs (the same canonical path, or the
// same device and inode: a symlink or a hard link to it), before anything is written: an output never
// replaces what a command reads. "-" (stdin, stdout) and outputs that do not exist yet are never the same.
void refuseInputAsOutput(const QString& output, const QStringList& inputs);

} // namespace qc
