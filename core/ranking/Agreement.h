#pragma once

#include <utility>
#include <vector>

namespace qc {

// How far two metrics agree on the ops both rank (values oriented so that larger = more sensitive).
struct Agreement
{
    int common = 0; // ops with a value in both
    double spearman = 0.0; // rank correlation, ties averaged
    double kendall = 0.0; // tau-b, O(n log n)
    int topK = 0; // k used for the overlap: 10% of the common ops, at least 1
    double topKOverlap = 0.0; // |top-k of a ∩ top-k of b| / k

    // NaN entries are skipped. Fewer than 2 common ops gives common < 2 and zero statistics.
    static Agreement compute(const std::vector<double>& a, const std::vector<double>& b);

    // The pairs of metrics (a < b) whose agreement a profile file and a report state: every pair of up to
    // kAllPairsUpTo metrics, beyond that each metric against the first, so the work and the text grow
    // linearly with the metrics instead of with their square.
    static constexpr int kAllPairsUpTo = 8;
    static std::vector<std::pair<int, int>> statedPairs(int metricCount);
};

} // namespace qc
