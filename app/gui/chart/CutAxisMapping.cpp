#include "CutAxisMapping.h"

#include <algorithm>

namespace qc::gui {

double CutAxisMapping::valueAt(double x) const
{
    if (plotArea.width() <= 0.0)
        return axisMin;
    const double t = std::clamp((x - plotArea.left()) / plotArea.width(), 0.0, 1.0);
    return axisMin + t * (axisMax - axisMin);
}

double CutAxisMapping::xAt(double value) const
{
    if (axisMax == axisMin)
        return plotArea.left();
    return plotArea.left() + (value - axisMin) / (axisMax - axisMin) * plotArea.width();
}

} // namespace qc::gui
