#pragma once

#include <QColor>
#include <QPalette>

namespace qc::gui {

// One meaning per colour, everywhere: profiles take the warm Dark2 colours, metrics a cool palette of
// blues and teals, grey (hollow) marks values that do not rank, and red means a violation and nothing else.
// The selected op is marked by shape (a ring in the text colour), never by a hue, so it reads on light and
// dark palettes alike.

// One colour per profile, shared by the handles, the shaded bands and the profile panel.
inline QColor profileColor(int profile)
{
    static const QColor colors[] = { QColor(0x1b, 0x9e, 0x77), QColor(0xd9, 0x5f, 0x02),
        QColor(0x75, 0x70, 0xb3), QColor(0xe7, 0x29, 0x8a), QColor(0x66, 0xa6, 0x1e),
        QColor(0xe6, 0xab, 0x02), QColor(0xa6, 0x76, 0x1d), QColor(0x66, 0x66, 0x66) };
    return colors[profile % 8];
}

// Metric series colours: no red, no orange, none of the profile colours.
inline QColor metricColor(int metric)
{
    static const QColor colors[]
        = { QColor(0x1f, 0x77, 0xb4), QColor(0x17, 0xbe, 0xcf), QColor(0x8c, 0x9e, 0xff),
              QColor(0x2c, 0x5f, 0x8a), QColor(0x5a, 0xc8, 0xa0), QColor(0x9a, 0x9a, 0xb0) };
    return colors[metric % 6];
}

// Framework series of the trade-off chart (its profiles are labels, not colours): distinct hues without red,
// in the order TradeOff::frameworks() gives (INC 2.x, INC 3.x, ModelOpt, llm-compressor, then others).
inline QColor frameworkColor(int framework)
{
    static const QColor colors[]
        = { QColor(0x1f, 0x77, 0xb4), QColor(0x17, 0xbe, 0xcf), QColor(0x2c, 0xa0, 0x2c),
              QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b), QColor(0x7f, 0x7f, 0x7f) };
    return colors[framework % 6];
}

// Values that do not rank (no signal, not a candidate): neutral grey, drawn hollow, never a metric's hue.
inline QColor unrankedColor()
{
    return QColor(0x8a, 0x8a, 0x8a);
}

// Violations only: rows, markers and the status bar's error count.
inline QColor violationColor(int alpha = 255)
{
    return QColor(0xd0, 0x21, 0x21, alpha);
}

// The selection ring: the palette's text colour, the strongest contrast to the plot.
inline QColor selectionColor(const QPalette& palette)
{
    return palette.color(QPalette::Text);
}

inline bool isDarkPalette(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace qc::gui
