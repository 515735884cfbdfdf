#pragma once

#include "profile/CutPlan.h"

#include <QRectF>

namespace qc {
struct Ranking;
}

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

    // The cut a pointer at pixel x asks for: snapped to the nearest boundary between whole units of the
    // ranking, so a dragged cut always names exactly the ops it quantizes.
    static double snapCut(const Ranking& ranking, CutPlan::CutBy by, double cut);
};

} // namespace qc::gui
