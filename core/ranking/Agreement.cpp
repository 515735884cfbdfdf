#include "Agreement.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace qc {

namespace {
// One op's pair of values, with its position among the common ops.
struct Pair
{
    double x;
    double y;
    int index;
};

// Average ranks (1-based, ties averaged) written at each pair's index, from pairs sorted by the key.
template<typename Key>
void averageRanksOfSorted(const std::vector<Pair>& sorted, Key key, std::vector<double>& ranks)
{
    for (size_t i = 0; i < sorted.size();) {
        size_t j = i;
        while (j + 1 < sorted.size() && key(sorted[j + 1]) == key(sorted[i]))
            ++j;
        for (size_t t = i; t <= j; ++t)
            ranks[size_t(sorted[t].index)] = (double(i) + double(j)) / 2.0 + 1.0;
        i = j + 1;
    }
}

double pearson(const std::vector<double>& x, const std::vector<double>& y)
{
    const double n = double(x.size());
    const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n;
    const double my = std::accumulate(y.begin(), y.end(), 0.0) / n;
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0.0;
}

// Pairs tied within runs of equal keys of a sorted range.
template<typename Key> long long tiedPairs(const Pair* first, const Pair* last, Key key)
{
    long long pairs = 0;
    for (const Pair* i = first; i != last;) {
        const Pair* j = i + 1;
        while (j != last && key(*j) == key(*i))
            ++j;
        const long long t = j - i;
        pairs += t * (t - 1) / 2;
        i = j;
    }
    return pairs;
}

// Sorts v by y (stable, bottom-up) and returns the swaps an exchange sort would need: the discordant pairs
// of the order v came in (Knight's algorithm).
long long sortByYCountingSwaps(std::vector<Pair>& v)
{
    const size_t n = v.size();
    std::vector<Pair> buffer(n);
    Pair* from = v.data();
    Pair* to = buffer.data();
    long long swaps = 0;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            const size_t mid = std::min(lo + width, n);
            const size_t hi = std::min(lo + 2 * width, n);
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                if (from[j].y < from[i].y) {
                    swaps += static_cast<long long>(mid - i);
                    to[k++] = from[j++];
                } else {
                    to[k++] = from[i++];
                }
            }
            k = size_t(std::copy(from + i, from + mid, to + k) - to);
            std::copy(from + j, from + hi, to + k);
        }
        std::swap(from, to);
    }
    if (from != v.data())
        std::copy(from, from + n, v.data());
    return swaps;
}

// Indices of the k largest values, ties going to the lower index (so the overlap is deterministic).
std::vector<int> topIndices(const std::vector<Pair>& pairs, int k, double Pair::*value)
{
    std::vector<int> idx(pairs.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::nth_element(idx.begin(), idx.begin() + (k - 1), idx.end(), [&](int p, int q) {
        const double vp = pairs[size_t(p)].*value;
        const double vq = pairs[size_t(q)].*value;
        return vp > vq || (vp == vq && p < q);
    });
    std::sort(idx.begin(), idx.begin() + k);
    return { idx.begin(), idx.begin() + k }; // k of n: not the capacity of all n
}
} // namespace

Agreement Agreement::compute(const std::vector<double>& a, const std::vector<double>& b)
{
    Agreement result;
    // Counted first so the pairs take exactly their size: at a million ops this runs beside the writer, at
    // the peak of a save.
    const size_t both = std::min(a.size(), b.size());
    size_t common = 0;
    for (size_t i = 0; i < both; ++i)
        common += !std::isnan(a[i]) && !std::isnan(b[i]);
    std::vector<Pair> pairs;
    pairs.reserve(common);
    for (size_t i = 0; i < both; ++i) {
        if (!std::isnan(a[i]) && !std::isnan(b[i]))
            pairs.push_back({ a[i], b[i], int(pairs.size()) });
    }
    const size_t n = pairs.size();
    result.common = int(n);
    if (n < 2)
        return result;
    result.topK = std::max(1, int(n) / 10);
    const std::vector<int> topX = topIndices(pairs, result.topK, &Pair::x);
    const std::vector<int> topY = topIndices(pairs, result.topK, &Pair::y);
    std::vector<int> inBoth;
    std::set_intersection(topX.begin(), topX.end(), topY.begin(), topY.end(), std::back_inserter(inBoth));
    result.topKOverlap = double(inBoth.size()) / double(result.topK);

    // One sort by (x, y) gives x's ranks and the order tau-b counts swaps in; the merge sort by y that
    // counts them gives y's ranks.
    const auto byX = [](const Pair& p) { return p.x; };
    const auto byY = [](const Pair& p) { return p.y; };
    std::vector<Pair>& sorted = pairs; // sorted in place: the input order is not needed again
    std::sort(sorted.begin(), sorted.end(),
        [](const Pair& p, const Pair& q) { return p.x < q.x || (p.x == q.x && p.y < q.y); });
    std::vector<double> rankX(n), rankY(n);
    averageRanksOfSorted(sorted, byX, rankX);
    const long long n0 = static_cast<long long>(n) * static_cast<long long>(n - 1) / 2;
    const long long n1 = tiedPairs(sorted.data(), sorted.data() + n, byX);
    long long n3 = 0; // pairs tied in both: runs of equal y inside runs of equal x
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && sorted[j].x == sorted[i].x)
            ++j;
        n3 += tiedPairs(sorted.data() + i, sorted.data() + j, byY);
        i = j;
    }
    const long long swaps = sortByYCountingSwaps(sorted);
    const long long n2 = tiedPairs(sorted.data(), sorted.data() + n, byY);
    averageRanksOfSorted(sorted, byY, rankY);
    result.spearman = pearson(rankX, rankY);
    const double concordantMinusDiscordant = double(n0 - n1 - n2 + n3 - 2 * swaps);
    const double denom = std::sqrt(double(n0 - n1) * double(n0 - n2));
    result.kendall = denom > 0 ? concordantMinusDiscordant / denom : 0.0;
    return result;
}

std::vector<std::pair<int, int>> Agreement::statedPairs(int metricCount)
{
    std::vector<std::pair<int, int>> pairs;
    for (int a = 0; a < metricCount; ++a) {
        for (int b = a + 1; b < metricCount; ++b)
            pairs.emplace_back(a, b);
        if (metricCount > kAllPairsUpTo)
            break;
    }
    return pairs;
}

} // namespace qc
