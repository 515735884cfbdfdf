#pragma once

#include <vector>

namespace qc {

// The points of a trade-off that no other point beats in both directions: the profiles worth considering.
// A point dominates another when it is at least as good on both axes and better on one; equal points do not
// dominate each other, so both stay on the front. Points with a NaN coordinate take no part.
class ParetoFront
{
public:
    struct Point
    {
        double x = 0.0;
        double y = 0.0;
    };

    // Indices of the non-dominated points, sorted by x ascending (then y, then index): the order a line
    // through the front is drawn in.
    static std::vector<int> indices(
        const std::vector<Point>& points, bool xHigherIsBetter, bool yHigherIsBetter);
    static bool dominates(const Point& a, const Point& b, bool xHigherIsBetter, bool yHigherIsBetter);
};

} // namespace qc
