#include "Ranking.h"

#include "FusedGroups.h"
#include "reconcile/NameReconciler.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>

namespace qc {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Value oriented so that larger means more sensitive.
double oriented(double v, Polarity p)
{
    return p == Polarity::HigherIsMoreSensitive ? v : -v;
}

// For n values in ascending order: each one's normalized rank in (0, 1] (1 = largest), ties sharing their
// average rank, handed to assign(i, rank).
template<typename ValueAt, typename Assign>
void normalizedRanksOfSorted(size_t n, ValueAt valueAt, Assign assign)
{
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && valueAt(j + 1) == valueAt(i))
            ++j;
        const double avg = (double(i + 1) + double(j + 1)) / 2.0 / double(n);
        for (size_t t = i; t <= j; ++t)
            assign(t, avg);
        i = j + 1;
    }
}

// Ascending by value; ties share one rank, so their order does not matter.
void sortByValue(std::vector<std::pair<double, int>>& v)
{
    std::sort(v.begin(), v.end(),
        [](const std::pair<double, int>& a, const std::pair<double, int>& b) { return a.first < b.first; });
}

void resolvePins(const RankingInput& in, Ranking& r)
{
    const int n = in.inventory->size();
    std::optional<NameReconciler> reconciler; // built only when an override does not name an op exactly
    for (size_t i = 0; i < in.overrides->size(); ++i) {
        const Override& o = (*in.overrides)[i];
        int op = in.inventory->indexOf(o.op);
        if (op < 0) {
            if (!reconciler)
                reconciler.emplace(*in.inventory);
            op = reconciler->match(o.op).op; // the same op under another transformers naming
        }
        if (op < 0)
            r.unknownOverrides.append(o.op);
        else
            r.overrideIndex[size_t(op)] = int(i); // a later override of the same op wins
    }
    for (int op = 0; op < n; ++op) {
        r.rule[size_t(op)] = in.keepingRules ? (*in.keepingRules)[size_t(op)] : -1;
        const int ov = r.overrideIndex[size_t(op)];
        if (ov >= 0)
            r.state[size_t(op)] = (*in.overrides)[size_t(ov)].action == Override::Action::Keep
                ? OpState::KeptByOverride
                : OpState::ForcedInt8;
        else if (r.rule[size_t(op)] >= 0)
            r.state[size_t(op)] = OpState::KeptByRule;
    }
}

// Fused partners share one precision: a kept member keeps the group, else a forced member forces it.
void pinUnits(Ranking& r)
{
    for (const Ranking::Unit& unit : r.units) {
        if (unit.members.size() < 2)
            continue; // a single op already has its own state
        int keeper = -1;
        int forcer = -1;
        for (const int m : unit.members) {
            const OpState s = r.state[size_t(m)];
            if (keeper < 0 && (s == OpState::KeptByRule || s == OpState::KeptByOverride))
                keeper = m;
            if (forcer < 0 && s == OpState::ForcedInt8)
                forcer = m;
        }
        const int leader = keeper >= 0 ? keeper : forcer;
        if (leader < 0)
            continue;
        for (const int m : unit.members) {
            if (r.state[size_t(m)] == OpState::Eligible) {
                r.state[size_t(m)] = keeper >= 0 ? OpState::KeptWithGroup : OpState::ForcedInt8;
                r.partner[size_t(m)] = leader;
            }
        }
    }
}

// A metric's normalized ranks of the eligible units, by unit (NaN for the rest): the basis' order with the
// pinned units left out, ties sharing their average rank.
std::vector<double> eligibleRanks(const RankingBasis::ValueOrder& byValue, const std::vector<char>& eligible)
{
    std::vector<double> ranks(eligible.size(), kNaN);
    std::vector<int> units;
    std::vector<double> values;
    units.reserve(byValue.units.size());
    values.reserve(byValue.units.size());
    for (size_t i = 0; i < byValue.units.size(); ++i) {
        if (eligible[size_t(byValue.units[i])]) {
            units.push_back(byValue.units[i]);
            values.push_back(byValue.values[i]);
        }
    }
    normalizedRanksOfSorted(
        units.size(), [&](size_t i) { return values[i]; },
        [&](size_t i, double rank) { ranks[size_t(units[i])] = rank; });
    return ranks;
}

// One metric's normalized rank of each op (NaN without a measurement) and its units ascending by their most
// sensitive member, from one sort of the ops: a unit's value is its last member's in that order. Units of
// equal value may come in any order: they share one rank.
void addMetricOrders(const OpScores& s, const std::vector<int>& unitOf, size_t unitCount, RankingBasis& b)
{
    std::vector<std::pair<double, int>> present;
    for (size_t op = 0; op < s.values.size(); ++op) {
        if (s.isMeasured(int(op)))
            present.emplace_back(oriented(s.values[op], s.polarity), int(op));
    }
    sortByValue(present);
    std::vector<float> perOp(s.values.size(), std::numeric_limits<float>::quiet_NaN());
    normalizedRanksOfSorted(
        present.size(), [&](size_t i) { return present[i].first; },
        [&](size_t i, double rank) { perOp[size_t(present[i].second)] = float(rank); });
    b.metricRank.push_back(std::move(perOp));

    std::vector<int> lastAt(unitCount, -1);
    for (size_t i = 0; i < present.size(); ++i)
        lastAt[size_t(unitOf[size_t(present[i].second)])] = int(i);
    RankingBasis::ValueOrder order;
    for (size_t i = 0; i < present.size(); ++i) {
        const int unit = unitOf[size_t(present[i].second)];
        if (lastAt[size_t(unit)] == int(i)) {
            order.values.push_back(present[i].first);
            order.units.push_back(unit);
        }
    }
    b.byValue.push_back(std::move(order));
}
} // namespace

bool Ranking::isQuantized(int op, int k) const
{
    switch (state[size_t(op)]) {
    case OpState::ForcedInt8:
        return true;
    case OpState::Eligible:
        return units[size_t(unitOf[size_t(op)])].position < k;
    default:
        return false;
    }
}

std::pair<int, int> Ranking::tiedRunAt(int k) const
{
    const int n = eligibleUnits();
    auto keyAt = [this](int position) { return units[size_t(order[size_t(position)])].key; };
    if (k <= 0 || k >= n || keyAt(k - 1) != keyAt(k))
        return { k, k };
    int first = k - 1;
    while (first > 0 && keyAt(first - 1) == keyAt(k))
        --first;
    int last = k + 1;
    while (last < n && keyAt(last) == keyAt(k))
        ++last;
    return { first, last };
}

double Ranking::combinedScore(int op) const
{
    const Unit& unit = units[size_t(unitOf[size_t(op)])];
    return unit.position >= 0 ? unit.score : kNaN;
}

RankingBasis RankingBasis::build(
    const Inventory& inventory, const std::vector<OpScores>& scores, bool fuseGroups)
{
    RankingBasis b;
    b.unitOf = FusedGroups::assign(inventory, fuseGroups);
    const int groups = b.unitOf.empty() ? 0 : *std::max_element(b.unitOf.begin(), b.unitOf.end()) + 1;
    std::vector<int> start(size_t(groups) + 1, 0);
    for (const int u : b.unitOf)
        ++start[size_t(u) + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    auto ops = std::make_shared<std::vector<int>>(b.unitOf.size());
    std::vector<int> fill(start.begin(), start.end() - 1);
    b.unitParams.assign(size_t(groups), 0);
    b.mentioned.assign(size_t(groups), false);
    for (size_t op = 0; op < b.unitOf.size(); ++op) {
        const size_t u = size_t(b.unitOf[op]);
        (*ops)[size_t(fill[u]++)] = int(op);
        const qint64 params = std::max<qint64>(inventory.at(int(op)).params, 0);
        b.unitParams[u] += params;
        b.totalParams += params;
        for (const OpScores& s : scores) {
            if (s.evidence[op] != Evidence::Missing)
                b.mentioned[u] = true;
        }
    }
    b.members.reserve(size_t(groups));
    for (size_t u = 0; u < size_t(groups); ++u)
        b.members.emplace_back(ops->data() + start[u], size_t(start[u + 1] - start[u]));
    b.memberOps = std::move(ops);
    for (const OpScores& s : scores)
        addMetricOrders(s, b.unitOf, size_t(groups), b);
    return b;
}

Ranking buildRanking(const RankingInput& in)
{
    const RankingBasis& basis = *in.basis;
    Ranking r;
    const size_t n = size_t(in.inventory->size());
    r.state.assign(n, OpState::Eligible);
    r.rule.assign(n, -1);
    r.partner.assign(n, -1);
    r.overrideIndex.assign(n, -1);
    r.unitOf = basis.unitOf;
    r.memberOps = basis.memberOps;
    r.units.resize(basis.members.size());
    for (size_t u = 0; u < r.units.size(); ++u)
        r.units[u].members = basis.members[u];
    r.metricRank = basis.metricRank;
    r.totalParams = basis.totalParams;
    resolvePins(in, r);
    pinUnits(r);

    std::vector<char> eligible(r.units.size(), 0);
    for (size_t u = 0; u < r.units.size(); ++u)
        eligible[u] = r.state[size_t(r.units[u].members.front())] == OpState::Eligible;
    std::vector<std::vector<double>> ranks;
    std::vector<double> weights;
    for (size_t m = 0; m < in.scores->size(); ++m) {
        weights.push_back(in.combine.weightOf((*in.scores)[m].metricId));
        ranks.push_back(
            weights.back() > 0.0 ? eligibleRanks(basis.byValue[m], eligible) : std::vector<double>());
    }

    for (size_t u = 0; u < r.units.size(); ++u) {
        if (!eligible[u])
            continue;
        Ranking::Unit& unit = r.units[u];
        double sum = 0.0;
        double weightSum = 0.0;
        double maxRank = kNaN;
        for (size_t m = 0; m < ranks.size(); ++m) {
            if (weights[m] <= 0.0)
                continue;
            const double rank = ranks[m][u];
            if (std::isnan(rank)) {
                unit.partial = true;
                continue;
            }
            sum += weights[m] * rank;
            weightSum += weights[m];
            maxRank = std::isnan(maxRank) ? rank : std::max(maxRank, rank);
        }
        if (weightSum <= 0.0) {
            unit.partial = false;
            const OpState state = basis.mentioned[u] ? OpState::Unmeasured : OpState::Unranked;
            for (const int m : unit.members)
                r.state[size_t(m)] = state;
            continue;
        }
        unit.score = in.combine.method == CombineSpec::Method::MaxRank ? maxRank : sum / weightSum;
        r.order.push_back(int(u));
    }
    const std::vector<qint64>& unitParams = basis.unitParams;
    // Ties are common (tied ranks, coarse scores); the larger unit first saves the most memory per step,
    // then model order keeps it stable.
    // Per parameter, a unit of unknown size goes last: nothing says what quantizing it saves.
    auto key = [&](int u) {
        const double score = r.units[size_t(u)].score;
        if (in.order == RankOrder::Score)
            return score;
        return unitParams[size_t(u)] > 0 ? score / double(unitParams[size_t(u)])
                                         : std::numeric_limits<double>::infinity();
    };
    // Sorted as contiguous records, not indices into the units: a third of the time at 100k units.
    struct SortKey
    {
        double key;
        qint64 params;
        int unit;
    };
    std::vector<SortKey> keys;
    keys.reserve(r.order.size());
    for (const int u : r.order) {
        r.units[size_t(u)].key = key(u);
        keys.push_back({ r.units[size_t(u)].key, unitParams[size_t(u)], u });
    }
    std::sort(keys.begin(), keys.end(), [](const SortKey& a, const SortKey& b) {
        if (a.key != b.key)
            return a.key < b.key;
        if (a.params != b.params)
            return a.params > b.params;
        return a.unit < b.unit;
    });
    for (size_t p = 0; p < keys.size(); ++p)
        r.order[p] = keys[p].unit;

    r.cumOps.assign(r.order.size() + 1, 0);
    r.cumParams.assign(r.order.size() + 1, 0);
    for (size_t p = 0; p < r.order.size(); ++p) {
        Ranking::Unit& unit = r.units[size_t(r.order[p])];
        unit.position = int(p);
        r.cumOps[p + 1] = r.cumOps[p] + qint64(unit.members.size());
        r.cumParams[p + 1] = r.cumParams[p] + unitParams[size_t(r.order[p])];
    }
    for (size_t op = 0; op < n; ++op) {
        if (r.state[op] == OpState::ForcedInt8) {
            ++r.forcedOps;
            r.forcedParams += std::max<qint64>(in.inventory->at(int(op)).params, 0);
        }
    }
    return r;
}

} // namespace qc
