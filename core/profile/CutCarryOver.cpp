#include "CutCarryOver.h"

namespace qc {

namespace {
// Whether the unit holding `op` was quantized by the cut of a profile that took the first k units.
bool cutQuantized(const Ranking& r, int op, int k)
{
    if (r.state[size_t(op)] != OpState::Eligible)
        return false;
    const int position = r.units[size_t(r.unitOf[size_t(op)])].position;
    return position >= 0 && position < k;
}

bool wasEligible(const Ranking& r, int op)
{
    return r.state[size_t(op)] == OpState::Eligible && r.units[size_t(r.unitOf[size_t(op)])].position >= 0;
}
} // namespace

CutPlan carryCutsOver(const Ranking& before, const std::vector<ProfileCut>& cutsBefore, const Ranking& after,
    const CutPlan& plan)
{
    CutPlan result = plan;
    if (before.state.size() != after.state.size())
        return result; // another inventory: nothing to carry over
    for (size_t p = 0; p < plan.profiles.size() && p < cutsBefore.size(); ++p) {
        const int k = cutsBefore[p].units;
        int prefix = 0;
        for (; prefix < after.eligibleUnits(); ++prefix) {
            const int op = after.units[size_t(after.order[size_t(prefix)])].members.front();
            // A unit that was eligible keeps its side; a newly eligible one inside the prefix joins it.
            const bool keep = wasEligible(before, op) ? cutQuantized(before, op, k) : prefix < k;
            if (!keep)
                break;
        }
        result.profiles[p].cut = ProfileCutter::cutForUnits(after, plan.by, prefix);
    }
    return result;
}

} // namespace qc
