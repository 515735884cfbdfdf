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
                upgrades[g].push_back({ i, extra, gain });
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
    if (ChoiceTable::bytesFor(upgrades, columns) > maxTableBytes)
        throw std::length_error("the exact budget solution needs a table of "
            + std::to_string(ChoiceTable::bytesFor(upgrades, columns) >> 20) + " MiB");

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
