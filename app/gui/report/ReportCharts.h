#pragma once

#include "report/ReviewReport.h"

#include <QString>

namespace qc::gui {

// Renders the explorer's own charts (per-layer sensitivity, ranked curve with the cuts, metric against
// metric) of a project to PNG and SVG files in a folder, headless: a review report shows exactly what the
// explorer shows. Needs a QApplication (the offscreen platform is enough).
class ReportCharts
{
public:
    // Writes layers.png/.svg, ranked.png/.svg and, with two or more metrics, scatter.png/.svg.
    // Throws FileError when a file cannot be written.
    static ReviewReport::Charts render(const Project& project, const QString& folder);
};

} // namespace qc::gui
