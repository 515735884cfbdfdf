#include "CutCarryOver.h"

namespace qc {

namespace {
// For each position of the new order, where its unit stood in the old one: -1 if it was not eligible then.
std::vector<int> positionsBefore(const Ranking& before, const Ranking& after)
{
    std::vector<int> result(after.order.size());
    for (size_t p = 0; p < after.order.size(); ++p) {
        const int op = after.units[size_t(after.order[p])].members.front();
        const bool eligible = before.state[size_t(op)] == OpState::Eligible;
        result[p] = eligible ? before.units[size_t(before.unitOf[size_t(op)])].position : -1;
    }
    return result;
}
} // namespace

CutPlan carryCutsOver(const Ranking& before, const std::vector<ProfileCut>& cutsBefore, const Ranking& after,
    const CutPlan& plan)
{
    CutPlan result = plan;
    if (before.state.size() != after.state.size())
        return result; // another inventory: nothing to carry over
    const std::vector<int> was = positionsBefore(before, after);
    for (size_t p = 0; p < plan.profiles.size() && p < cutsBefore.size(); ++p) {
        const int k = cutsBefore[p].units;
        int prefix = 0;
        for (; prefix < after.eligibleUnits(); ++prefix) {
            // A unit that was eligible keeps its side; a newly eligible one inside the prefix joins it.
            const int position = was[size_t(prefix)];
            const bool keep = position >= 0 ? position < k : prefix < k;
            if (!keep)
                break;
        }
        result.profiles[p].cut = ProfileCutter::cutForUnits(after, plan.by, prefix);
    }
    return result;
}

} // namespace qc
