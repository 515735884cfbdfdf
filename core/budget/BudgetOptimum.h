#pragma once

#include <QString>

namespace qc {

class Project;

// How far a nested, budgeted profile is from the best non-nested choice at the same budget: the set of
// eligible units that minimises the summed combined score while meeting the profile's budget (bits or
// memory), solved exactly.
struct BudgetOptimum
{
    bool solved = false;
    QString why; // when not solved
    double nestedScore = 0.0; // summed combined score of the units the profile quantizes
    double optimumScore = 0.0;
    qint64 optimumOps = 0;
    double jaccard = 1.0; // of the INT8 op sets

    // The profile's plan must be a budget (CutPlan::isBudget).
    static BudgetOptimum of(const Project& project, int profile);
};

} // namespace qc
