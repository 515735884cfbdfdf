#pragma once

#include "metrics/AutoQuantManifest.h"

#include <QString>
#include <QStringList>

namespace qc {

// What AutoQuantize chose, reconstructed from its manifest (which does not store it): one candidate per
// group minimising the summed score with summed cost <= (summed NONE cost) × auto_quantize_bits / 16,
// solved exactly. Trusted only when it reproduces the recorded score and effective bits.
struct AutoQuantDecision
{
    struct Choice
    {
        QString group; // as written, ".quant_recipe" included
        QString format; // the chosen candidate; "NONE" keeps the group
    };
    std::vector<Choice> choices; // per group, in the manifest's order
    double score = 0.0;
    double effectiveBits = 0.0;
    double recordedScore = 0.0;
    double recordedEffectiveBits = 0.0;

    // The groups (leaders as written) that take a quantized candidate.
    QStringList quantizedGroups() const;

    // Throws std::invalid_argument when the manifest lacks what the problem needs (budget, NONE costs,
    // whole-number costs) or when the solution does not reproduce the recorded outcome to 1e-6 relative.
    static AutoQuantDecision reconstruct(const AutoQuantManifest& manifest, const QString& file);
    // The same problem at another effective-bits target (no recorded outcome to compare with).
    static AutoQuantDecision solve(const AutoQuantManifest& manifest, double bits, const QString& file);
    // The nested greedy answer to the same problem: groups take their cheapest quantized candidate in order
    // of score per cost saved until the budget is met (what a ranking "by sensitivity per parameter" cuts).
    static AutoQuantDecision greedyByRatio(
        const AutoQuantManifest& manifest, double bits, const QString& file);
    // |A ∩ B| / |A ∪ B| of the quantized groups.
    static double jaccard(const AutoQuantDecision& a, const AutoQuantDecision& b);
};

} // namespace qc
