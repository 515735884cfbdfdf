#include "ZoomRange.h"

#include <algorithm>

namespace qc::gui {

void ZoomRange::setHome(double lo, double hi)
{
    const bool zoomed = isZoomed();
    m_homeLo = std::min(lo, hi);
    m_homeHi = std::max(lo, hi);
    if (!zoomed) {
        reset();
        return;
    }
    clampToHome();
}

void ZoomRange::zoomAt(double factor, double anchor)
{
    anchor = std::clamp(anchor, m_lo, m_hi);
    m_lo = anchor - (anchor - m_lo) * factor;
    m_hi = anchor + (m_hi - anchor) * factor;
    clampToHome();
}

void ZoomRange::zoomTo(double a, double b)
{
    m_lo = std::min(a, b);
    m_hi = std::max(a, b);
    clampToHome();
}

void ZoomRange::pan(double delta)
{
    // Clamped as a whole: panning against an end keeps the span instead of squeezing it.
    delta = std::clamp(delta, m_homeLo - m_lo, m_homeHi - m_hi);
    m_lo += delta;
    m_hi += delta;
}

void ZoomRange::reset()
{
    m_lo = m_homeLo;
    m_hi = m_homeHi;
}

void ZoomRange::clampToHome()
{
    const double home = m_homeHi - m_homeLo;
    const double minSpan = home * kMinFraction;
    if (m_hi - m_lo < minSpan) {
        const double centre = 0.5 * (m_lo + m_hi);
        m_lo = centre - 0.5 * minSpan;
        m_hi = centre + 0.5 * minSpan;
    }
    const double span = std::min(m_hi - m_lo, home);
    m_lo = std::clamp(m_lo, m_homeLo, m_homeHi - span);
    m_hi = m_lo + span;
}

} // namespace qc::gui
