#include "CutSuggester.h"

#include "profile/ProfileCutter.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace qc::gui {

CutPlan CutSuggester::suggest(const Ranking& ranking, const CutPlan& current)
{
    CutPlan plan = current;
    const int n = ranking.eligibleUnits();
    const int profiles = int(plan.profiles.size());
    if (n < 4 || profiles == 0)
        return plan;
    // Breaks too close to the ends would give an empty or an everything profile.
    const int margin = std::max(1, n / 50);
    const int minSeparation = std::max(1, n / (3 * profiles));
    std::vector<std::pair<double, int>> gaps; // (jump in log score, k = units left of the break)
    for (int i = 0; i + 1 < n; ++i) {
        const int k = i + 1;
        if (k < margin || k > n - margin)
            continue;
        const double a = std::max(ranking.orderScore(i), 1e-9);
        const double b = std::max(ranking.orderScore(i + 1), 1e-9);
        gaps.push_back({ std::log(b) - std::log(a), k });
    }
    std::sort(gaps.begin(), gaps.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    std::vector<int> chosen;
    for (const auto& [gap, k] : gaps) {
        if (int(chosen.size()) == profiles || gap <= 0.0)
            break;
        const bool farEnough = std::all_of(
            chosen.begin(), chosen.end(), [&](int c) { return std::abs(c - k) >= minSeparation; });
        if (farEnough)
            chosen.push_back(k);
    }
    std::sort(chosen.begin(), chosen.end());
    if (chosen.empty())
        return plan;
    // Fewer breaks than profiles: the breaks go to the profiles whose current cuts are nearest.
    std::vector<double> cuts;
    for (int k : chosen)
        cuts.push_back(ProfileCutter::cutForUnits(ranking, plan.by, k));
    if (int(cuts.size()) == profiles) {
        for (int p = 0; p < profiles; ++p)
            plan.profiles[size_t(p)].cut = cuts[size_t(p)];
    } else {
        for (double c : cuts) {
            int best = 0;
            for (int p = 1; p < profiles; ++p) {
                if (std::abs(plan.profiles[size_t(p)].cut - c)
                    < std::abs(plan.profiles[size_t(best)].cut - c))
                    best = p;
            }
            plan.profiles[size_t(best)].cut = c;
        }
        // Keep the plan nested after partial replacement.
        for (int p = 1; p < profiles; ++p)
            plan.profiles[size_t(p)].cut
                = std::max(plan.profiles[size_t(p)].cut, plan.profiles[size_t(p - 1)].cut);
    }
    return plan;
}

} // namespace qc::gui
