#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>
#include <algorithm>
#include <cstring>

namespace qc {

// Deterministic YAML text: scalars quoted only when a plain scalar would be misread, numbers in their
// shortest round-trip form. Used by every YAML writer so the same data always gives the same bytes.
QString yamlScalar(const QString& text);
QString yamlNumber(double value);
QString yamlNumber(qint64 value);
QString yamlBool(bool value);

// The same text appended as UTF-8 to a buffer, without a QString per value: what the profile file's
// writer uses for its million-line lists.
void appendYamlScalar(QByteArray& out, QStringView text);
void appendYamlNumber(QByteArray& out, double value);
void appendYamlNumber(QByteArray& out, qint64 value);

// Room for `count` more bytes at the end of `out`, returned to be filled; and bytes appended that way.
// QByteArray::append goes through insert(), which costs several times more per call than the copy when a
// file is written a few bytes at a time.
inline char* growBy(QByteArray& out, qsizetype count)
{
    const qsizetype at = out.size();
    if (out.capacity() < at + count)
        out.reserve(std::max<qsizetype>(2 * out.capacity(), at + count));
    out.resize(at + count);
    return out.data() + at;
}
inline void appendBytes(QByteArray& out, QByteArrayView bytes)
{
    if (!bytes.isEmpty())
        std::memcpy(growBy(out, bytes.size()), bytes.data(), size_t(bytes.size()));
}

} // namespace qc
