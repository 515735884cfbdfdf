#pragma once

#include "profile/CutPlan.h"

namespace qc {
struct Ranking;
}

namespace qc::gui {

// Proposes cut points at natural breaks of the ranked curve: the largest jumps in log combined score between
// neighbouring units (where sensitivity changes regime), kept apart from each other and from the ends so
// the profiles stay distinct. Profiles without a break keep their cut.
class CutSuggester
{
public:
    static CutPlan suggest(const Ranking& ranking, const CutPlan& current);
};

} // namespace qc::gui
