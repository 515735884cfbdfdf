#pragma once

#include <QColor>

namespace qc::gui {

// One colour per profile, shared by the handles, the shaded bands and the profile panel (Dark2 palette:
// distinct on light and dark backgrounds and for common colour-vision deficiencies).
inline QColor profileColor(int profile)
{
    static const QColor colors[] = { QColor(0x1b, 0x9e, 0x77), QColor(0xd9, 0x5f, 0x02),
        QColor(0x75, 0x70, 0xb3), QColor(0xe7, 0x29, 0x8a), QColor(0x66, 0xa6, 0x1e),
        QColor(0xe6, 0xab, 0x02), QColor(0xa6, 0x76, 0x1d), QColor(0x66, 0x66, 0x66) };
    return colors[profile % 8];
}

// Metric series colours, distinct from the profile colours.
inline QColor metricColor(int metric)
{
    static const QColor colors[]
        = { QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
              QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b), QColor(0x17, 0xbe, 0xcf) };
    return colors[metric % 6];
}

} // namespace qc::gui
