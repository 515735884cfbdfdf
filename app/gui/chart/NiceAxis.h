#pragma once

namespace qc::gui {

// Axis ranges on round numbers (1, 2, 5 x 10^n), computed once per data change. QValueAxis::applyNiceNumbers
// changes the axis twice and is slow (qt-anchors §6.9), so the charts set range and tick count from this.
struct NiceRange
{
    double min = 0.0;
    double max = 1.0;
    int tickCount = 2; // including both ends

    static double niceNumber(double value, bool round);
    static NiceRange compute(double lo, double hi, int maxTicks = 6);
};

} // namespace qc::gui
