#pragma once

#include "CutPlan.h"
#include "ProfileCutter.h"
#include "ranking/Ranking.h"

#include <vector>

namespace qc {

// After a hand edit or a rule change the eligible units change, so the same fraction cut would move other
// ops across it. This gives the cut values for the new ranking under which every unit that stayed eligible
// keeps its decision in every profile: the units a profile quantized by its cut still form a prefix of the
// new order (the relative order of the others is unchanged); a unit that became eligible joins the prefix
// when it sits inside it.
CutPlan carryCutsOver(const Ranking& before, const std::vector<ProfileCut>& cutsBefore, const Ranking& after,
    const CutPlan& plan);

} // namespace qc
