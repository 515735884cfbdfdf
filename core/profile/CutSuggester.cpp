#include "CutSuggester.h"

#include "profile/ProfileCutter.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace qc {

namespace {
// The break in [lo, hi] (units left of it) with the largest jump in log score; the middle when flat.
int bestBreak(const Ranking& ranking, int lo, int hi)
{
    int best = (lo + hi) / 2;
    double bestGap = 0.0;
    for (int k = lo; k <= hi; ++k) {
        const double a = std::max(ranking.orderScore(k - 1), 1e-9);
        const double b = std::max(ranking.orderScore(k), 1e-9);
        const double gap = std::log(b) - std::log(a);
        if (gap > bestGap)
            best = k, bestGap = gap;
    }
    return best;
}
} // namespace

std::vector<int> CutSuggester::suggestUnits(const Ranking& ranking, int profiles)
{
    const int n = ranking.eligibleUnits();
    if (n < 2 * profiles + 2 || profiles <= 0)
        return {};
    // Breaks too close to the ends would give an empty or an everything-but-nothing profile.
    const int margin = std::max(1, n / 50);
    std::vector<int> units(static_cast<size_t>(profiles));
    const int topLo = std::max(margin + profiles, int(std::ceil(n * (1.0 - kTopWindow))));
    units.back() = bestBreak(ranking, std::min(topLo, n - margin), n - margin);
    // Evenly spaced windows below the last break, one per remaining profile.
    const double step = double(units.back()) / profiles;
    for (int p = 0; p + 1 < profiles; ++p) {
        const double centre = step * (p + 1);
        // A third of a step either way: neighbouring profiles stay at least a third of a step apart.
        const int lo = std::max(margin, int(std::ceil(centre - step / 3)));
        const int hi = std::min(units.back() - (profiles - 1 - p), int(std::floor(centre + step / 3)));
        units[size_t(p)] = bestBreak(ranking, lo, std::max(lo, hi));
    }
    // Strictly nested: each profile adds at least one unit to the previous one.
    for (int p = 1; p < profiles; ++p)
        units[size_t(p)] = std::max(units[size_t(p)], units[size_t(p - 1)] + 1);
    return units;
}

CutPlan CutSuggester::suggest(const Ranking& ranking, const CutPlan& current)
{
    CutPlan plan = current;
    const std::vector<int> units = suggestUnits(ranking, int(plan.profiles.size()));
    for (size_t p = 0; p < units.size(); ++p)
        plan.profiles[p].cut = ProfileCutter::cutForUnits(ranking, plan.by, units[p]);
    return plan;
}

} // namespace qc
