#include "AtomicWriter.h"

#include "FileError.h"

#include <QFile>
#include <QSaveFile>
#include <cstdio>

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

void writeAtomically(const QString& path, const QByteArray& data)
{
    writeAtomically(path, [&](QIODevice& device) { device.write(data); });
}

} // namespace qc
