#include "ProfileCutter.h"

#include <algorithm>
#include <cmath>

namespace qc {

int ProfileCutter::unitsForCut(const Ranking& r, CutPlan::CutBy by, double cut)
{
    const int n = r.eligibleUnits();
    // Largest k whose cumulative measure stays within the target; a small epsilon absorbs rounding of
    // fractions.
    auto within = [&](const std::vector<qint64>& cum, double target) {
        const auto it = std::upper_bound(cum.begin(), cum.end(), target + 1e-9);
        return std::clamp(int(it - cum.begin()) - 1, 0, n);
    };
    switch (by) {
    case CutPlan::CutBy::Ops:
        return within(r.cumOps, cut * double(r.eligibleOps()));
    case CutPlan::CutBy::Params:
        return within(r.cumParams, cut * double(r.eligibleParams()));
    case CutPlan::CutBy::Count:
        return within(r.cumOps, std::floor(cut));
    case CutPlan::CutBy::Bits:
    case CutPlan::CutBy::MemoryGb: {
        // The smallest prefix whose INT8 weights bring the model within the budget (all when none does).
        const double int8Needed = (by == CutPlan::CutBy::Bits ? (16.0 - cut) / 8.0 * double(r.totalParams)
                                                              : 2.0 * double(r.totalParams) - cut * 1e9)
            - double(r.forcedParams);
        const auto it = std::lower_bound(r.cumParams.begin(), r.cumParams.end(), int8Needed - 1e-6);
        return std::clamp(int(it - r.cumParams.begin()), 0, n);
    }
    case CutPlan::CutBy::Score: {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            const int mid = (lo + hi) / 2;
            if (r.orderScore(mid) <= cut + 1e-12)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
    }
    return 0;
}

double ProfileCutter::cutForUnits(const Ranking& r, CutPlan::CutBy by, int k)
{
    k = std::clamp(k, 0, r.eligibleUnits());
    switch (by) {
    case CutPlan::CutBy::Ops:
        return r.eligibleOps() > 0 ? double(r.cumOps[size_t(k)]) / double(r.eligibleOps()) : 0.0;
    case CutPlan::CutBy::Params:
        return r.eligibleParams() > 0 ? double(r.cumParams[size_t(k)]) / double(r.eligibleParams()) : 0.0;
    case CutPlan::CutBy::Count:
        return double(r.cumOps[size_t(k)]);
    case CutPlan::CutBy::Score:
        return k == 0 ? 0.0 : r.orderScore(k - 1);
    case CutPlan::CutBy::Bits:
        return r.totalParams > 0
            ? 16.0 - 8.0 * double(r.forcedParams + r.cumParams[size_t(k)]) / double(r.totalParams)
            : 16.0;
    case CutPlan::CutBy::MemoryGb:
        return (2.0 * double(r.totalParams) - double(r.forcedParams + r.cumParams[size_t(k)])) / 1e9;
    }
    return 0.0;
}

std::vector<ProfileCut> ProfileCutter::cut(const Ranking& r, const CutPlan& plan)
{
    std::vector<ProfileCut> cuts;
    cuts.reserve(plan.profiles.size());
    int previous = 0;
    for (const ProfileSpec& spec : plan.profiles) {
        const int k = std::max(previous, unitsForCut(r, plan.by, spec.cut));
        previous = k;
        cuts.push_back({ k, r.forcedOps + r.cumOps[size_t(k)], r.forcedParams + r.cumParams[size_t(k)] });
    }
    return cuts;
}

double ProfileCutter::snapCut(const Ranking& ranking, CutPlan::CutBy by, double cut)
{
    const int n = ranking.eligibleUnits();
    if (n == 0)
        return cut;
    // unitsForCut rounds down; compare with the next boundary and take the nearer one.
    const int below = unitsForCut(ranking, by, cut);
    const double lo = cutForUnits(ranking, by, below);
    const double hi = cutForUnits(ranking, by, std::min(below + 1, n));
    return (cut - lo) <= (hi - cut) ? lo : hi;
}

} // namespace qc
