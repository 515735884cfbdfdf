#pragma once

#include "CutPlan.h"

#include <vector>

namespace qc {

struct Ranking;

// Proposes nested cuts at natural breaks of the ranked curve (the largest jumps in log combined score
// between neighbouring units, where sensitivity changes regime). The last profile is the "max" one: its
// break is sought in the top kTopWindow of the units, so it quantizes nearly everything that is safe to;
// the others get one break each in evenly spaced windows below it (a third of a step either way), so the
// ladder climbs in similar steps instead of bunching at whichever jumps happen to be largest.
class CutSuggester
{
public:
    static constexpr double kTopWindow = 0.15; // the last profile's break lies in the top 15 % of units

    static CutPlan suggest(const Ranking& ranking, const CutPlan& current);
    // The same as units left of each break (ascending, one per profile), for tests and the plan.
    static std::vector<int> suggestUnits(const Ranking& ranking, int profiles);
};

} // namespace qc
