#pragma once

#include "ReportDocument.h"
#include "TradeOffReport.h"

#include <QString>
#include <vector>

namespace qc {

class Project;

// The review report of a profile file: sources and polarity, metric agreement, the charts, one section per
// profile (what is INT8, what is kept and why, stats), the measured outcomes (when the file has any),
// violations, and the comparison with the reference schemes. Charts are rendered elsewhere (by the explorer's
// chart code) and referenced by file name.
class ReviewReport
{
public:
    struct Chart
    {
        QString title;
        QString png; // relative to the report folder
        QString svg;
    };
    struct Charts
    {
        Chart layers;
        Chart ranked;
        Chart scatter; // empty png when there are fewer than two metrics
        std::vector<TradeOffReport::Chart> tradeOffs; // one per outcome metric with measured variants
    };
    // The measure the report's trade-off charts and Pareto fronts use.
    static constexpr CompressionMeasure::Kind kTradeOffMeasure = CompressionMeasure::Kind::WeightMemory;

    static ReportDocument build(const Project& project, const QString& sourceFile, const Charts& charts);
    // Weight bytes when INT8 ops take 1 byte per parameter and the rest 2 (bf16).
    static qint64 weightBytes(const Project& project, int profile);
};

} // namespace qc
