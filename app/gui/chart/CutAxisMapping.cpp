#include "CutAxisMapping.h"

#include "profile/ProfileCutter.h"

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

double CutAxisMapping::snapCut(const Ranking& ranking, CutPlan::CutBy by, double cut)
{
    const int n = ranking.eligibleUnits();
    if (n == 0)
        return cut;
    // unitsForCut rounds down; compare with the next boundary and take the nearer one.
    const int below = ProfileCutter::unitsForCut(ranking, by, cut);
    const double lo = ProfileCutter::cutForUnits(ranking, by, below);
    const double hi = ProfileCutter::cutForUnits(ranking, by, std::min(below + 1, n));
    return (cut - lo) <= (hi - cut) ? lo : hi;
}

} // namespace qc::gui
