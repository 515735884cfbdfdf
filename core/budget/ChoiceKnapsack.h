#pragma once

#include <QtGlobal>
#include <vector>

namespace qc {

// Choose one option per group so that the summed score is smallest while the summed cost stays within a
// budget (the multiple-choice knapsack AutoQuantize solves), exactly.
struct ChoiceProblem
{
    struct Option
    {
        qint64 cost = 0;
        double score = 0.0;
    };
    std::vector<std::vector<Option>> groups; // every group has at least one option
    qint64 budget = 0;
};

struct ChoiceSolution
{
    bool feasible = false; // false: even the cheapest option of every group exceeds the budget
    std::vector<int> choice; // per group, the option index
    double score = 0.0;
    qint64 cost = 0;
};

// A dynamic programme over the budget's slack above the cheapest choice, in units of the gcd of the options'
// extra costs (real AutoQuant costs share a large one). Among optimal choices it takes the cheapest.
// Throws std::length_error when the table would exceed `maxTableBytes`.
ChoiceSolution solveChoiceKnapsack(const ChoiceProblem& problem, qint64 maxTableBytes = qint64(1) << 30);

} // namespace qc
