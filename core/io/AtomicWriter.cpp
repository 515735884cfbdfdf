#include "AtomicWriter.h"

#include "FileError.h"

#include <QFile>
#include <QSaveFile>
#include <cstdio>

namespace qc {

void writeAtomically(const QString& path, const QByteArray& data)
{
    if (path == QLatin1String("-")) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(data) != data.size())
            throw FileError(path, QStringLiteral("cannot write to stdout"));
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw FileError(path, QStringLiteral("cannot open for writing: %1").arg(file.errorString()));
    if (file.write(data) != data.size()) {
        file.cancelWriting();
        throw FileError(path, QStringLiteral("cannot write: %1").arg(file.errorString()));
    }
    if (!file.commit())
        throw FileError(path, QStringLiteral("cannot save: %1").arg(file.errorString()));
}

} // namespace qc
