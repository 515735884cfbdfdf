#include "CurveDecimator.h"

#include <algorithm>

namespace qc::gui {

QList<QPointF> CurveDecimator::decimate(
    const std::vector<double>& xs, const std::vector<double>& ys, int columns)
{
    const size_t n = std::min(xs.size(), ys.size());
    QList<QPointF> points;
    if (n == 0)
        return points;
    columns = std::max(columns, 1);
    if (n <= size_t(2 * columns)) {
        points.reserve(qsizetype(n));
        for (size_t i = 0; i < n; ++i)
            points.append({ xs[i], ys[i] });
        return points;
    }
    const double x0 = xs.front();
    const double span = std::max(xs[n - 1] - x0, 1e-300);
    points.reserve(4 * columns + 2);
    size_t i = 0;
    while (i < n) {
        const int bucket = std::min(int((xs[i] - x0) / span * columns), columns - 1);
        size_t first = i;
        size_t lo = i;
        size_t hi = i;
        size_t last = i;
        for (; i < n && std::min(int((xs[i] - x0) / span * columns), columns - 1) == bucket; ++i) {
            if (ys[i] < ys[lo])
                lo = i;
            if (ys[i] > ys[hi])
                hi = i;
            last = i;
        }
        // Keep the x order of the extremes so the line does not fold back.
        size_t picks[4] = { first, std::min(lo, hi), std::max(lo, hi), last };
        size_t previous = size_t(-1);
        for (size_t k : picks) {
            if (k != previous)
                points.append({ xs[k], ys[k] });
            previous = k;
        }
    }
    return points;
}

} // namespace qc::gui
