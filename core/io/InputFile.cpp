#include "InputFile.h"

#include "FileError.h"

#include <QFile>
#include <QStringDecoder>
#include <cstdio>

namespace qc {

QByteArray readInput(const QString& path)
{
    QFile file;
    const bool isStdin = path == QLatin1String("-");
    const bool opened = isStdin ? file.open(stdin, QIODevice::ReadOnly)
                                : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) throw FileError(path, QStringLiteral("cannot open: %1").arg(file.errorString()));
    QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        throw FileError(path, QStringLiteral("cannot read: %1").arg(file.errorString()));
    if (data.isEmpty()) throw FileError(path, QStringLiteral("the file is empty"));
    return data;
}

QByteArray withoutBom(const QByteArray& data)
{
    return data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data;
}

QByteArray readTextInput(const QString& path)
{
    const QByteArray data = readInput(path);
    const qsizetype nul = data.indexOf('\0');
    if (nul >= 0)
        throw FileError(
            path, lineOfOffset(data, nul), QStringLiteral("not a text file (contains a NUL byte)"));
    QStringDecoder decoder(QStringDecoder::Utf8);
    [[maybe_unused]] const QString text = decoder.decode(data);
    if (decoder.hasError()) throw FileError(path, QStringLiteral("not a text file (invalid UTF-8)"));
    if (withoutBom(data).trimmed().isEmpty()) throw FileError(path, QStringLiteral("the file is empty"));
    return withoutBom(data);
}

int lineOfOffset(const QByteArray& data, qsizetype offset)
{
    const qsizetype end = std::min(offset, data.size());
    return 1 + int(std::count(data.cbegin(), data.cbegin() + end, '\n'));
}

} // namespace qc
