#pragma once

#include "CutPlan.h"
#include "ranking/Ranking.h"

#include <vector>

namespace qc {

// Where one profile's cut lands in a ranking, and what it quantizes.
struct ProfileCut
{
    int units = 0; // the first `units` eligible units of the order are INT8
    qint64 ops = 0; // INT8 ops, forced ones included
    qint64 params = 0; // INT8 parameters (known counts), forced ones included
};

// Turns cut points into nested profiles: O(log n) per profile, so dragging a cut stays cheap at 1M ops.
class ProfileCutter
{
public:
    // Profiles are nested: a profile never quantizes fewer units than the one before it, even when its cut
    // is smaller (the checker reports such cuts as out of order).
    static std::vector<ProfileCut> cut(const Ranking& ranking, const CutPlan& plan);
    // Fractions, counts and score thresholds: the largest prefix within the cut. Budgets (bits, memory): the
    // smallest prefix that meets it.
    static int unitsForCut(const Ranking& ranking, CutPlan::CutBy by, double cut);
    // The cut value that quantizes exactly the first k units (inverse of unitsForCut): for drag handles.
    static double cutForUnits(const Ranking& ranking, CutPlan::CutBy by, int k);
    // The nearest cut that falls on a boundary between whole units, so that a dragged cut always names
    // exactly the ops it quantizes.
    static double snapCut(const Ranking& ranking, CutPlan::CutBy by, double cut);
};

} // namespace qc
