#pragma once

namespace qc {

// Which ops the ranking quantizes first.
enum class RankOrder {
    Score, // least sensitive first
    ScorePerParam, // least sensitivity per parameter saved first: the greedy order of a budgeted cut
};

} // namespace qc
