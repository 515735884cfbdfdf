#pragma once

#include "CombineSpec.h"
#include "OpScores.h"
#include "RankOrder.h"
#include "inventory/Inventory.h"
#include "rules/Override.h"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace qc {

// Why an op is where it is before any cut is applied.
enum class OpState : std::uint8_t {
    Eligible, // ranked; a cut decides
    KeptByRule,
    KeptByOverride,
    KeptWithGroup, // a fused partner is kept
    ForcedInt8, // an override (or a fused partner's override) forces INT8
    Unmeasured, // sources mention it, but none measured it (no candidate, no signal): no evidence it is safe
    Unranked, // no source mentions it
};

// The combined ranking of every op, computed once per change of metrics, rules, overrides or combination;
// cutting profiles from it is then a binary search over prefix sums.
struct Ranking
{
    struct Unit
    {
        std::span<const int> members; // op indices, a fused group or a single op (in memberOps)
        double score
            = 0.0; // combined sensitivity in (0, 1]: mean/max of normalized ranks, 1 = most sensitive
        double key = 0.0; // what the order sorts by: the score, or the score per parameter
        bool partial = false; // some weighted metric has no value for it
        int position = -1; // index in order, -1 if not eligible or unranked
    };

    std::vector<OpState> state; // per op
    std::vector<int> rule; // per op: index of the keeping rule, -1
    std::vector<int> partner; // per op: the fused member whose pin it follows, -1
    std::vector<int> overrideIndex; // per op: index into the overrides, -1
    std::vector<int> unitOf; // per op
    std::shared_ptr<const std::vector<int>> memberOps; // every unit's members, unit by unit: what they view
    std::vector<Unit> units;
    // Eligible ranked units, least sensitive (or least sensitive per parameter) first; ties: more parameters
    // first, then model order.
    std::vector<int> order;
    std::vector<qint64> cumOps; // size order+1: ops in the first k units
    std::vector<qint64> cumParams; // size order+1: known parameters in the first k units
    std::vector<std::vector<float>>
        metricRank; // [metric][op]: normalized rank over ops with a value, NaN else
    qint64 forcedOps = 0;
    qint64 forcedParams = 0;
    qint64 totalParams = 0; // known parameters of the whole inventory: what budgets are measured over
    QStringList unknownOverrides; // override op names not in the inventory

    int eligibleUnits() const { return int(order.size()); }
    qint64 eligibleOps() const { return cumOps.empty() ? 0 : cumOps.back(); }
    qint64 eligibleParams() const { return cumParams.empty() ? 0 : cumParams.back(); }
    double orderScore(int position) const { return units[size_t(order[size_t(position)])].score; }
    // Whether op is INT8 in a profile that quantizes the first k eligible units.
    bool isQuantized(int op, int k) const;
    // Combined score of an op's unit, NaN when it has none.
    double combinedScore(int op) const;
    // The run of tied scores a cut after the first k units falls inside: [first, last) positions, or an
    // empty range when units k-1 and k differ.
    std::pair<int, int> tiedRunAt(int k) const;
};

// What a ranking needs that no hand edit, rule, combination or order changes: the fused units, each op's
// rank per metric, and per metric the units sorted by their most sensitive member. Built once per change of
// inventory, scores or fusion; a hand edit or a rule toggle then re-ranks in linear time plus one sort.
struct RankingBasis
{
    // The units with a measured member in one metric, ascending by that member's oriented value.
    struct ValueOrder
    {
        std::vector<int> units;
        std::vector<double> values;
    };

    std::vector<int> unitOf; // per op
    // Per unit, op indices in model order: views into memberOps, which every ranking built from this
    // basis shares (a re-rank copies no member list).
    std::shared_ptr<const std::vector<int>> memberOps;
    std::vector<std::span<const int>> members;
    std::vector<qint64> unitParams; // per unit: known parameters
    std::vector<bool> mentioned; // per unit: some source lists a member, even without a measurement
    std::vector<std::vector<float>> metricRank; // [metric][op], as Ranking::metricRank
    std::vector<ValueOrder> byValue; // per metric
    qint64 totalParams = 0;

    static RankingBasis build(
        const Inventory& inventory, const std::vector<OpScores>& scores, bool fuseGroups);
};

struct RankingInput
{
    const Inventory* inventory = nullptr;
    const std::vector<OpScores>* scores = nullptr;
    const RankingBasis* basis = nullptr; // built from inventory and scores
    const std::vector<int>* keepingRules = nullptr; // per op, from RuleSet::keepingRules; null: none keep
    const std::vector<Override>* overrides = nullptr;
    CombineSpec combine;
    RankOrder order = RankOrder::Score;
};

Ranking buildRanking(const RankingInput& input);

} // namespace qc
