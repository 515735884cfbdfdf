#include "InputFile.h"

#include "FileError.h"

#include <QFile>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace qc {

QByteArray readInput(const QString& path)
{
    QFile file;
    const bool isStdin = path == QLatin1String("-");
    const bool opened = isStdin ? file.open(stdin, QIODevice::ReadOnly)
                                : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened)
        throw FileError(path, QStringLiteral("cannot open: %1").arg(file.errorString()));
    QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        throw FileError(path, QStringLiteral("cannot read: %1").arg(file.errorString()));
    if (data.isEmpty())
        throw FileError(path, QStringLiteral("the file is empty"));
    return data;
}

QByteArray withoutBom(const QByteArray& data)
{
    return data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data;
}

qsizetype invalidUtf8Offset(const QByteArray& data)
{
    const auto* p = reinterpret_cast<const unsigned char*>(data.constData());
    const qsizetype n = data.size();
    for (qsizetype i = 0; i < n;) {
        // Eight ASCII bytes at a time: nearly every input is all ASCII.
        while (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, p + i, sizeof word);
            if (word & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        const int extra = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
        if (extra < 0 || c == 0xC0 || c == 0xC1 || c > 0xF4 || i + extra >= n)
            return i;
        for (int k = 1; k <= extra; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
        }
        // Overlong forms, UTF-16 surrogates and code points above U+10FFFF (what QStringDecoder rejects).
        const unsigned char second = p[i + 1];
        if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second > 0x9F) || (c == 0xF0 && second < 0x90)
            || (c == 0xF4 && second > 0x8F))
            return i;
        i += extra + 1;
    }
    return -1;
}

QByteArray readTextInput(const QString& path)
{
    const QByteArray data = readInput(path);
    requireText(data, path);
    return withoutBom(data);
}

void requireText(const QByteArray& data, const QString& path)
{
    const qsizetype nul = data.indexOf('\0');
    if (nul >= 0)
        throw FileError(
            path, lineOfOffset(data, nul), QStringLiteral("not a text file (contains a NUL byte)"));
    const qsizetype bad = invalidUtf8Offset(data);
    if (bad >= 0)
        throw FileError(path, lineOfOffset(data, bad), QStringLiteral("not a text file (invalid UTF-8)"));
    // What QByteArray::trimmed() calls space, without trimming (a copy of the whole file).
    const QByteArrayView text = QByteArrayView(data).sliced(data.startsWith("\xEF\xBB\xBF") ? 3 : 0);
    if (std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }))
        throw FileError(path, QStringLiteral("the file is empty"));
}

int lineOfOffset(const QByteArray& data, qsizetype offset)
{
    const qsizetype end = std::min(offset, data.size());
    return 1 + int(std::count(data.cbegin(), data.cbegin() + end, '\n'));
}

} // namespace qc
