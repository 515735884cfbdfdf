#include "AtomicWriter.h"

#include "FileError.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <cstdio>
#include <sys/stat.h>

namespace qc {

void writeAtomically(const QString& path, const std::function<void(QIODevice&)>& write)
{
    if (path == QLatin1String("-")) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            throw FileError(path, QStringLiteral("cannot write to stdout"));
        write(out);
        if (out.error() != QFileDevice::NoError)
            throw FileError(path, QStringLiteral("cannot write to stdout"));
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw FileError(path, QStringLiteral("cannot open for writing: %1").arg(file.errorString()));
    try {
        write(file);
    } catch (...) {
        file.cancelWriting();
        throw;
    }
    // QSaveFile remembers a failed write and refuses to commit it: the old file stays.
    if (!file.commit())
        throw FileError(path, QStringLiteral("cannot save: %1").arg(file.errorString()));
}

namespace {
bool isSameFile(const QString& a, const QString& b)
{
    const QString canonicalA = QFileInfo(a).canonicalFilePath();
    if (canonicalA.isEmpty())
        return false; // does not exist
    if (canonicalA == QFileInfo(b).canonicalFilePath())
        return true;
    struct stat sa = {};
    struct stat sb = {};
    return ::stat(QFile::encodeName(a).constData(), &sa) == 0
        && ::stat(QFile::encodeName(b).constData(), &sb) == 0 && sa.st_dev == sb.st_dev
        && sa.st_ino == sb.st_ino;
}
} // namespace

void refuseInputAsOutput(const QString& output, const QStringList& inputs)
{
    if (output == QLatin1String("-"))
        return;
    for (const QString& input : inputs) {
        if (input != QLatin1String("-") && !input.isEmpty() && isSameFile(output, input))
            throw FileError(output,
                QStringLiteral("is the same file as the input %1: refusing to write over an input")
                    .arg(input));
    }
}

void writeAtomically(const QString& path, const QByteArray& data)
{
    writeAtomically(path, [&](QIODevice& device) { device.write(data); });
}

} // namespace qc
