#pragma once

#include <QRectF>

namespace qc::gui {

// Pixel <-> cut maths of the ranked-curve chart: the x axis runs linearly from axisMin to axisMax across the
// plot area. Kept apart from the widgets so that it can be tested with plain numbers.
struct CutAxisMapping
{
    QRectF plotArea;
    double axisMin = 0.0;
    double axisMax = 1.0;

    double valueAt(double x) const; // clamped to [axisMin, axisMax]
    double xAt(double value) const;
};

} // namespace qc::gui
