#pragma once

#include "metrics/Metric.h"

#include <QString>

namespace qc::gui {

// How the explorer names a metric to people: legends, headers and tooltips always say its polarity, since
// "lower is more sensitive" (INC's fp32-fallback MSE) and "higher is more sensitive" (HAWQ) read alike.
// The source's name (its label: SourceName's default or the user's), or the id when it has none.
QString metricShortName(const Metric& metric);
QString metricAbbreviation(const Metric& metric); // the name elided in the middle: narrow labels
QString polarityPhrase(Polarity polarity); // "lower = more sensitive"
QString metricLegendName(const Metric& metric); // "MSE_V2 fallback (lower = more sensitive)"
QString metricToolTip(const Metric& metric); // what the metric measures, its source and polarity

} // namespace qc::gui
