#include "NiceAxis.h"

#include <algorithm>
#include <cmath>

namespace qc::gui {

double NiceRange::niceNumber(double value, bool round)
{
    if (value <= 0.0 || !std::isfinite(value))
        return 1.0;
    const double exponent = std::floor(std::log10(value));
    const double fraction = value / std::pow(10.0, exponent);
    double nice = 10.0;
    if (round)
        nice = fraction < 1.5 ? 1.0 : fraction < 3.0 ? 2.0 : fraction < 7.0 ? 5.0 : 10.0;
    else
        nice = fraction <= 1.0 ? 1.0 : fraction <= 2.0 ? 2.0 : fraction <= 5.0 ? 5.0 : 10.0;
    return nice * std::pow(10.0, exponent);
}

NiceRange NiceRange::compute(double lo, double hi, int maxTicks)
{
    if (!std::isfinite(lo) || !std::isfinite(hi))
        return {};
    if (hi < lo)
        std::swap(lo, hi);
    if (hi == lo) {
        const double pad = lo == 0.0 ? 1.0 : std::abs(lo) * 0.1;
        lo -= pad;
        hi += pad;
    }
    maxTicks = std::max(maxTicks, 2);
    const double span = niceNumber(hi - lo, false);
    const double step = niceNumber(span / double(maxTicks - 1), true);
    NiceRange r;
    r.min = std::floor(lo / step) * step;
    r.max = std::ceil(hi / step) * step;
    r.tickCount = int(std::lround((r.max - r.min) / step)) + 1;
    return r;
}

} // namespace qc::gui
