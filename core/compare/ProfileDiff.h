#pragma once

#include <QStringList>
#include <vector>

namespace qc {

class Project;

// Two profiles side by side, on the ops of the first one's inventory (the second one's names are
// reconciled onto it): what each quantizes, the overlap, and the ops on which the first one's sensitivity
// ranking and the second scheme disagree most.
struct ProfileDiff
{
    struct Disagreement
    {
        QString op;
        double sensitivity = 0.0; // the first project's mean normalized metric rank, 1 = most sensitive
        bool quantizedA = false;
        bool quantizedB = false;
    };

    QString nameA;
    QString nameB;
    QStringList both;
    QStringList onlyA;
    QStringList onlyB;
    int neither = 0;
    double jaccard = 0.0; // |both| / |A ∪ B|
    QStringList unmatchedB; // ops of B's inventory that match no op of A's
    // Ops B quantizes that A rates most sensitive, and ops B keeps that A rates least sensitive, worst first.
    std::vector<Disagreement> disagreements;

    static ProfileDiff compute(const Project& a, int profileA, const Project& b, int profileB);
    QString toMarkdown(int maxRows = 25) const;
};

} // namespace qc
