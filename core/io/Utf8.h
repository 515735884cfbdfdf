#pragma once

#include "ByteSink.h"

#include <QByteArray>
#include <QStringView>

namespace qc {

// Appends `text` as UTF-8 without a QByteArray per call: ASCII (every op name in practice) is narrowed in
// place, anything else goes through Qt's encoder.
inline void appendUtf8(ByteSink& out, QStringView text)
{
    const char16_t* const begin = text.utf16();
    const char16_t* const end = begin + text.size();
    char16_t any = 0;
    for (const char16_t* p = begin; p < end; ++p)
        any |= *p;
    if (any >= 0x80) {
        out.append(text.toUtf8());
        return;
    }
    char* dst = out.growBy(text.size());
    for (const char16_t* p = begin; p < end; ++p)
        *dst++ = char(*p);
}

} // namespace qc
