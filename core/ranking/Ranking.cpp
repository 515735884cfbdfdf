#include "Ranking.h"

#include "FusedGroups.h"
#include "reconcile/NameReconciler.h"

#include <QHash>
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

// Normalized ranks in (0, 1] of the given values (1 = largest), ties sharing their average rank.
std::vector<double> normalizedRanks(const std::vector<double>& values)
{
    const size_t n = values.size();
    std::vector<int> idx(n);
    std::iota(idx.begin(), idx.end(), 0);
    std::sort(idx.begin(), idx.end(), [&](int a, int b) { return values[size_t(a)] < values[size_t(b)]; });
    std::vector<double> ranks(n);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && values[size_t(idx[j + 1])] == values[size_t(idx[i])])
            ++j;
        const double avg = (double(i + 1) + double(j + 1)) / 2.0 / double(n);
        for (size_t t = i; t <= j; ++t)
            ranks[size_t(idx[t])] = avg;
        i = j + 1;
    }
    return ranks;
}

void resolvePins(const RankingInput& in, Ranking& r)
{
    const int n = in.inventory->size();
    QHash<QString, int> overrideOf;
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
        r.rule[size_t(op)] = in.keepingRules.empty() ? -1 : in.keepingRules[size_t(op)];
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
void buildUnits(const RankingInput& in, Ranking& r)
{
    const std::vector<int> group = FusedGroups::assign(*in.inventory, in.fuseGroups);
    const int groups = group.empty() ? 0 : *std::max_element(group.begin(), group.end()) + 1;
    r.units.resize(size_t(groups));
    for (size_t op = 0; op < group.size(); ++op) {
        r.units[size_t(group[op])].members.push_back(int(op));
        r.unitOf[op] = group[op];
    }
    for (const Ranking::Unit& unit : r.units) {
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

// Per metric, normalized ranks of the eligible units (each scored by its most sensitive member).
std::vector<std::vector<double>> unitRanks(
    const RankingInput& in, const Ranking& r, const std::vector<int>& eligible)
{
    std::vector<std::vector<double>> result;
    for (const OpScores& s : *in.scores) {
        std::vector<double> unitValue(eligible.size(), kNaN);
        std::vector<double> present;
        std::vector<size_t> presentIndex;
        for (size_t u = 0; u < eligible.size(); ++u) {
            double best = kNaN;
            for (const int m : r.units[size_t(eligible[u])].members) {
                const double v = s.measured(m);
                if (!std::isnan(v) && (std::isnan(best) || oriented(v, s.polarity) > best))
                    best = oriented(v, s.polarity);
            }
            if (!std::isnan(best)) {
                present.push_back(best);
                presentIndex.push_back(u);
            }
        }
        const std::vector<double> ranks = normalizedRanks(present);
        for (size_t i = 0; i < presentIndex.size(); ++i)
            unitValue[presentIndex[i]] = ranks[i];
        result.push_back(std::move(unitValue));
    }
    return result;
}

// Whether any source lists a member at all (even without a measurement).
bool mentioned(const RankingInput& in, const Ranking::Unit& unit)
{
    for (const OpScores& s : *in.scores) {
        for (const int m : unit.members) {
            if (s.evidence[size_t(m)] != Evidence::Missing)
                return true;
        }
    }
    return false;
}

void rankOps(const RankingInput& in, Ranking& r)
{
    for (const OpScores& s : *in.scores) {
        std::vector<double> present;
        std::vector<size_t> where;
        for (size_t op = 0; op < s.values.size(); ++op) {
            if (s.isMeasured(int(op))) {
                present.push_back(oriented(s.values[op], s.polarity));
                where.push_back(op);
            }
        }
        const std::vector<double> ranks = normalizedRanks(present);
        std::vector<float> perOp(s.values.size(), std::numeric_limits<float>::quiet_NaN());
        for (size_t i = 0; i < where.size(); ++i)
            perOp[where[i]] = float(ranks[i]);
        r.metricRank.push_back(std::move(perOp));
    }
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

Ranking buildRanking(const RankingInput& in)
{
    Ranking r;
    const size_t n = size_t(in.inventory->size());
    r.state.assign(n, OpState::Eligible);
    r.rule.assign(n, -1);
    r.partner.assign(n, -1);
    r.overrideIndex.assign(n, -1);
    r.unitOf.assign(n, -1);
    resolvePins(in, r);
    buildUnits(in, r);
    rankOps(in, r);

    std::vector<int> eligible;
    for (size_t u = 0; u < r.units.size(); ++u) {
        if (r.state[size_t(r.units[u].members.front())] == OpState::Eligible)
            eligible.push_back(int(u));
    }
    const std::vector<std::vector<double>> ranks = unitRanks(in, r, eligible);
    std::vector<double> weights;
    for (const OpScores& s : *in.scores)
        weights.push_back(in.combine.weightOf(s.metricId));

    for (size_t e = 0; e < eligible.size(); ++e) {
        Ranking::Unit& unit = r.units[size_t(eligible[e])];
        double sum = 0.0;
        double weightSum = 0.0;
        double maxRank = kNaN;
        for (size_t m = 0; m < ranks.size(); ++m) {
            if (weights[m] <= 0.0)
                continue;
            const double rank = ranks[m][e];
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
            const OpState state = mentioned(in, unit) ? OpState::Unmeasured : OpState::Unranked;
            for (const int m : unit.members)
                r.state[size_t(m)] = state;
            continue;
        }
        unit.score = in.combine.method == CombineSpec::Method::MaxRank ? maxRank : sum / weightSum;
        r.order.push_back(eligible[e]);
    }
    std::vector<qint64> unitParams(r.units.size(), 0);
    for (size_t u = 0; u < r.units.size(); ++u) {
        for (const int m : r.units[u].members)
            unitParams[u] += std::max<qint64>(in.inventory->at(m).params, 0);
    }
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
    for (const int u : r.order)
        r.units[size_t(u)].key = key(u);
    std::sort(r.order.begin(), r.order.end(), [&](int a, int b) {
        const double sa = r.units[size_t(a)].key;
        const double sb = r.units[size_t(b)].key;
        if (sa != sb)
            return sa < sb;
        if (unitParams[size_t(a)] != unitParams[size_t(b)])
            return unitParams[size_t(a)] > unitParams[size_t(b)];
        return a < b;
    });

    r.cumOps.assign(r.order.size() + 1, 0);
    r.cumParams.assign(r.order.size() + 1, 0);
    for (size_t p = 0; p < r.order.size(); ++p) {
        Ranking::Unit& unit = r.units[size_t(r.order[p])];
        unit.position = int(p);
        r.cumOps[p + 1] = r.cumOps[p] + qint64(unit.members.size());
        r.cumParams[p + 1] = r.cumParams[p] + unitParams[size_t(r.order[p])];
    }
    for (size_t op = 0; op < n; ++op) {
        r.totalParams += std::max<qint64>(in.inventory->at(int(op)).params, 0);
        if (r.state[op] == OpState::ForcedInt8) {
            ++r.forcedOps;
            r.forcedParams += std::max<qint64>(in.inventory->at(int(op)).params, 0);
        }
    }
    return r;
}

} // namespace qc
