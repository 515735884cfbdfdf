#pragma once

#include "ReportDocument.h"
#include "outcomes/Outcome.h"
#include "tradeoff/TradeOff.h"

#include <QString>
#include <vector>

namespace qc {

// The outcomes part of a review: per metric the baseline, the table of variants (delta to baseline,
// compression, Pareto front) and its chart, the suggestions, and which outcomes are stale. Shared by the
// report and `quantcut-cli outcomes --markdown`.
class TradeOffReport
{
public:
    struct Chart
    {
        QString metric;
        QString title;
        QString png; // relative to the report folder
        QString svg;
    };
    static void add(ReportDocument& doc, const TradeOff& tradeOff, TradeOff::Measure measure,
        const std::vector<Chart>& charts = {});
    // "hellaswag/acc (higher is better), baseline 0.6 ± 0.005 from results.csv": a metric's heading.
    static QString describe(const TradeOff::Metric& metric);
};

} // namespace qc
