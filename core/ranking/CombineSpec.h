#pragma once

#include <QString>
#include <utility>
#include <vector>

namespace qc {

// How several metrics become one ranking.
struct CombineSpec
{
    enum class Method { MeanRank, MaxRank, Weighted, Single };

    Method method = Method::MeanRank;
    QString metric; // Single: the metric id
    std::vector<std::pair<QString, double>> weights; // Weighted: metric id -> weight

    // "mean-rank", "max-rank", "<metric id>", "weighted:a=2,b=1". Throws std::invalid_argument.
    static CombineSpec parse(const QString& text);
    QString toString() const;
    double weightOf(const QString& metricId) const; // 1 for unweighted methods, 0 for an unlisted metric

    bool operator==(const CombineSpec&) const = default;
};

} // namespace qc
