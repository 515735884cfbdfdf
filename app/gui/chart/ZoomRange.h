#pragma once

namespace qc::gui {

// What one chart axis shows of its data range ("home"): zoomed around a point, to an interval, panned, reset.
// The visible interval never leaves home and never gets narrower than a readable fraction of it, so a
// chart cannot be zoomed or panned into emptiness.
class ZoomRange
{
public:
    static constexpr double kMinFraction = 1e-4; // the narrowest visible span, of the home span

    // A new home keeps the zoom when there is one (clamped into the new home), else shows all of it.
    void setHome(double lo, double hi);
    double lo() const { return m_lo; }
    double hi() const { return m_hi; }
    double homeLo() const { return m_homeLo; }
    double homeHi() const { return m_homeHi; }
    double span() const { return m_hi - m_lo; }
    bool isZoomed() const { return m_lo > m_homeLo || m_hi < m_homeHi; }

    // factor < 1 zooms in, > 1 out; anchor (a data value) stays where it is on screen.
    void zoomAt(double factor, double anchor);
    void zoomTo(double a, double b);
    void pan(double delta); // in data units
    void reset();
    // Where a data value falls, as a fraction of the visible interval (0 = lo, 1 = hi), and back.
    double fractionOf(double value) const { return span() > 0 ? (value - m_lo) / span() : 0.0; }
    double valueAt(double fraction) const { return m_lo + fraction * span(); }

private:
    void clampToHome();

    double m_homeLo = 0.0;
    double m_homeHi = 1.0;
    double m_lo = 0.0;
    double m_hi = 1.0;
};

} // namespace qc::gui
