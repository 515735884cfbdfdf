#pragma once

#include <QList>
#include <QPointF>
#include <vector>

namespace qc::gui {

// Reduces a curve to at most about two points per pixel column: per column bucket the first, min, max and
// last points in x order, so spikes survive (pulseview's min/max envelope). Qt Charts redraws every point
// it is given on every change (qt-anchors §6.1, §6.3), so series only ever get the decimated list.
class CurveDecimator
{
public:
    static QList<QPointF> decimate(const std::vector<double>& xs, const std::vector<double>& ys, int columns);
};

} // namespace qc::gui
