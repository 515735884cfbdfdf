#include "ChoiceKnapsack.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace qc {

namespace {
// An option worth considering against its group's cheapest one.
struct Upgrade
{
    int option = 0;
    int group = 0;
    qint64 extra = 0; // in cost units, then in gcd units
    double gain = 0.0; // score saved
};

int cheapestOption(const std::vector<ChoiceProblem::Option>& options)
{
    int best = 0;
    for (int i = 1; i < int(options.size()); ++i) {
        const auto& o = options[size_t(i)];
        const auto& b = options[size_t(best)];
        if (o.cost < b.cost || (o.cost == b.cost && o.score < b.score))
            best = i;
    }
    return best;
}

// Which upgrade (0 = none, i = upgrades[i-1]) each group takes at each slack, packed in as few bits as it
// needs.
class ChoiceTable
{
public:
    ChoiceTable(const std::vector<std::vector<Upgrade>>& upgrades, qint64 columns)
        : m_columns(columns)
    {
        qint64 offset = 0;
        for (const auto& u : upgrades) {
            int bits = 0;
            while ((qint64(1) << bits) < qint64(u.size()) + 1)
                ++bits;
            m_bits.push_back(bits);
            m_offset.push_back(offset);
            offset += qint64(bits) * columns;
        }
        m_words.assign(size_t((offset + 63) / 64), 0);
    }
    static qint64 bytesFor(const std::vector<std::vector<Upgrade>>& upgrades, qint64 columns)
    {
        qint64 bits = 0;
        for (const auto& u : upgrades)
            bits += qint64(std::ceil(std::log2(double(u.size()) + 1.0))) * columns;
        return bits / 8;
    }
    void set(size_t group, qint64 column, unsigned value)
    {
        for (int b = 0; b < m_bits[group]; ++b) {
            if (value & (1u << b)) {
                const qint64 at = m_offset[group] + column * m_bits[group] + b;
                m_words[size_t(at / 64)] |= quint64(1) << (at % 64);
            }
        }
    }
    unsigned get(size_t group, qint64 column) const
    {
        unsigned value = 0;
        for (int b = 0; b < m_bits[group]; ++b) {
            const qint64 at = m_offset[group] + column * m_bits[group] + b;
            if (m_words[size_t(at / 64)] & (quint64(1) << (at % 64)))
                value |= 1u << b;
        }
        return value;
    }

private:
    qint64 m_columns;
    std::vector<int> m_bits;
    std::vector<qint64> m_offset;
    std::vector<quint64> m_words;
};
// Depth-first branch and bound for the 0/1 case (one upgrade per group at most): items by gain per extra
// cost, bounded by the fractional fill (Dantzig's bound). Exact; used when the table would be too large.
class BranchAndBound
{
public:
    BranchAndBound(std::vector<Upgrade> items, qint64 capacity)
        : m_items(std::move(items))
        , m_capacity(capacity)
        , m_take(m_items.size(), 0)
    {
        std::sort(m_items.begin(), m_items.end(), [](const Upgrade& a, const Upgrade& b) {
            return a.gain * double(b.extra) > b.gain * double(a.extra);
        });
    }
    // False when the node limit was hit before the search completed.
    bool run(qint64 nodeLimit)
    {
        m_nodesLeft = nodeLimit;
        m_best.assign(m_items.size(), 0);
        visit(0, 0.0, 0);
        return m_nodesLeft >= 0;
    }
    // The chosen items, each with its group and option.
    std::vector<Upgrade> chosen() const
    {
        std::vector<Upgrade> out;
        for (size_t i = 0; i < m_items.size(); ++i) {
            if (m_best[i])
                out.push_back(m_items[i]);
        }
        return out;
    }

private:
    double bound(size_t i, double value, qint64 room) const
    {
        for (; i < m_items.size(); ++i) {
            if (m_items[i].extra <= room) {
                room -= m_items[i].extra;
                value += m_items[i].gain;
            } else {
                return value + m_items[i].gain * double(room) / double(m_items[i].extra);
            }
        }
        return value;
    }
    void visit(size_t i, double value, qint64 used)
    {
        if (--m_nodesLeft < 0)
            return;
        if (value > m_bestValue) {
            m_bestValue = value;
            m_best = m_take;
        }
        if (i == m_items.size() || bound(i, value, m_capacity - used) <= m_bestValue * (1 + 1e-12))
            return;
        if (used + m_items[i].extra <= m_capacity) {
            m_take[i] = 1;
            visit(i + 1, value + m_items[i].gain, used + m_items[i].extra);
            m_take[i] = 0;
        }
        visit(i + 1, value, used);
    }

    std::vector<Upgrade> m_items;
    qint64 m_capacity;
    std::vector<char> m_take;
    std::vector<char> m_best;
    double m_bestValue = 0.0;
    qint64 m_nodesLeft = 0;
};
} // namespace

namespace {
void solveByBranchAndBound(const ChoiceProblem& problem, const std::vector<std::vector<Upgrade>>& upgrades,
    qint64 slack, qint64 unit, ChoiceSolution& solution)
{
    std::vector<Upgrade> items;
    for (const auto& list : upgrades)
        items.insert(items.end(), list.begin(), list.end());
    BranchAndBound search(std::move(items), unit > 0 ? slack / unit : slack);
    if (!search.run(qint64(50) * 1000 * 1000))
        throw std::length_error("the exact budget solution did not finish within 50 million search nodes");
    for (const Upgrade& u : search.chosen())
        solution.choice[size_t(u.group)] = u.option;
    solution.score = 0.0;
    solution.cost = 0;
    for (size_t g = 0; g < problem.groups.size(); ++g) {
        const auto& o = problem.groups[g][size_t(solution.choice[g])];
        solution.score += o.score;
        solution.cost += o.cost;
    }
}
} // namespace

ChoiceSolution solveChoiceKnapsack(const ChoiceProblem& problem, qint64 maxTableBytes)
{
    ChoiceSolution solution;
    qint64 baseCost = 0;
    for (const auto& options : problem.groups) {
        if (options.empty())
            throw std::invalid_argument("a group without options");
        const int cheapest = cheapestOption(options);
        solution.choice.push_back(cheapest);
        baseCost += options[size_t(cheapest)].cost;
    }
    if (baseCost > problem.budget)
        return solution;
    solution.feasible = true;
    const qint64 slack = problem.budget - baseCost;

    // Only options that save score and fit the slack can be chosen instead of the cheapest.
    std::vector<std::vector<Upgrade>> upgrades(problem.groups.size());
    qint64 unit = 0;
    for (size_t g = 0; g < problem.groups.size(); ++g) {
        const auto& options = problem.groups[g];
        const auto& base = options[size_t(solution.choice[g])];
        for (int i = 0; i < int(options.size()); ++i) {
            const qint64 extra = options[size_t(i)].cost - base.cost;
            const double gain = base.score - options[size_t(i)].score;
            if (i != solution.choice[g] && gain > 0.0 && extra <= slack) {
                upgrades[g].push_back({ i, int(g), extra, gain });
                unit = std::gcd(unit, extra);
            }
        }
    }
    qint64 columns = 1;
    if (unit > 0) {
        for (auto& list : upgrades) {
            for (Upgrade& u : list)
                u.extra /= unit;
        }
        columns = slack / unit + 1;
    }
    if (ChoiceTable::bytesFor(upgrades, columns) > maxTableBytes) {
        const bool zeroOne
            = std::all_of(upgrades.begin(), upgrades.end(), [](const auto& u) { return u.size() <= 1; });
        if (!zeroOne)
            throw std::length_error("the exact budget solution needs a table of "
                + std::to_string(ChoiceTable::bytesFor(upgrades, columns) >> 20) + " MiB");
        solveByBranchAndBound(problem, upgrades, slack, unit, solution);
        return solution;
    }

    // best[w]: the largest score saved with extra cost at most w units.
    std::vector<double> best(size_t(columns), 0.0);
    ChoiceTable table(upgrades, columns);
    for (size_t g = 0; g < upgrades.size(); ++g) {
        if (upgrades[g].empty())
            continue;
        for (qint64 w = columns - 1; w >= 0; --w) {
            double top = best[size_t(w)];
            unsigned pick = 0;
            for (size_t i = 0; i < upgrades[g].size(); ++i) {
                const Upgrade& u = upgrades[g][i];
                if (u.extra <= w && best[size_t(w - u.extra)] + u.gain > top) {
                    top = best[size_t(w - u.extra)] + u.gain;
                    pick = unsigned(i + 1);
                }
            }
            if (pick != 0) {
                best[size_t(w)] = top;
                table.set(g, w, pick);
            }
        }
    }
    // The cheapest slack that reaches the best saving, then back through the groups.
    qint64 w = columns - 1;
    while (w > 0 && best[size_t(w - 1)] == best[size_t(columns - 1)])
        --w;
    for (size_t g = upgrades.size(); g-- > 0;) {
        const unsigned pick = upgrades[g].empty() ? 0 : table.get(g, w);
        if (pick == 0)
            continue;
        const Upgrade& u = upgrades[g][pick - 1];
        solution.choice[g] = u.option;
        w -= u.extra;
    }
    for (size_t g = 0; g < problem.groups.size(); ++g) {
        const auto& o = problem.groups[g][size_t(solution.choice[g])];
        solution.score += o.score;
        solution.cost += o.cost;
    }
    return solution;
}

} // namespace qc
