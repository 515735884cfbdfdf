#include "ParetoFront.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace qc {

bool ParetoFront::dominates(const Point& a, const Point& b, bool xHigherIsBetter, bool yHigherIsBetter)
{
    // Oriented so that larger is better on both axes.
    const double ax = xHigherIsBetter ? a.x : -a.x;
    const double bx = xHigherIsBetter ? b.x : -b.x;
    const double ay = yHigherIsBetter ? a.y : -a.y;
    const double by = yHigherIsBetter ? b.y : -b.y;
    return ax >= bx && ay >= by && (ax > bx || ay > by);
}

std::vector<int> ParetoFront::indices(
    const std::vector<Point>& points, bool xHigherIsBetter, bool yHigherIsBetter)
{
    std::vector<int> valid;
    for (int i = 0; i < int(points.size()); ++i) {
        if (!std::isnan(points[size_t(i)].x) && !std::isnan(points[size_t(i)].y))
            valid.push_back(i);
    }
    // Best x first (ties: best y first): a point is on the front when its y beats every y seen before it,
    // or equals the best y of a point with the same x and y. O(n log n).
    const auto ox = [&](int i) { return xHigherIsBetter ? points[size_t(i)].x : -points[size_t(i)].x; };
    const auto oy = [&](int i) { return yHigherIsBetter ? points[size_t(i)].y : -points[size_t(i)].y; };
    std::sort(valid.begin(), valid.end(), [&](int a, int b) {
        if (ox(a) != ox(b))
            return ox(a) > ox(b);
        if (oy(a) != oy(b))
            return oy(a) > oy(b);
        return a < b;
    });
    std::vector<int> front;
    double bestY = -INFINITY;
    bool any = false;
    for (const int i : valid) {
        if (!any || oy(i) > bestY) {
            front.push_back(i);
            bestY = oy(i);
            any = true;
        } else if (oy(i) == bestY && !front.empty()) {
            // Only a point equal to the last front point in both coordinates ties with it; one with the same
            // y but worse x is dominated.
            const int last = front.back();
            if (ox(last) == ox(i))
                front.push_back(i);
        }
    }
    std::sort(front.begin(), front.end(), [&](int a, int b) {
        const Point& pa = points[size_t(a)];
        const Point& pb = points[size_t(b)];
        if (pa.x != pb.x)
            return pa.x < pb.x;
        if (pa.y != pb.y)
            return pa.y < pb.y;
        return a < b;
    });
    return front;
}

} // namespace qc
