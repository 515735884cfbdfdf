#include "Agreement.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace qc {

namespace {
std::vector<double> averageRanks(const std::vector<double>& v)
{
    std::vector<int> idx(v.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::sort(idx.begin(), idx.end(), [&](int x, int y) { return v[size_t(x)] < v[size_t(y)]; });
    std::vector<double> r(v.size());
    for (size_t i = 0; i < idx.size();) {
        size_t j = i;
        while (j + 1 < idx.size() && v[size_t(idx[j + 1])] == v[size_t(idx[i])])
            ++j;
        for (size_t t = i; t <= j; ++t)
            r[size_t(idx[t])] = (double(i) + double(j)) / 2.0 + 1.0;
        i = j + 1;
    }
    return r;
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

// Number of swaps merge sort needs = discordant pairs (Knight's algorithm).
long long mergeCount(std::vector<double>& v, std::vector<double>& tmp, size_t lo, size_t hi)
{
    if (hi - lo < 2)
        return 0;
    const size_t mid = (lo + hi) / 2;
    long long swaps = mergeCount(v, tmp, lo, mid) + mergeCount(v, tmp, mid, hi);
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
        if (v[j] < v[i]) {
            swaps += static_cast<long long>(mid - i);
            tmp[k++] = v[j++];
        } else {
            tmp[k++] = v[i++];
        }
    }
    while (i < mid)
        tmp[k++] = v[i++];
    while (j < hi)
        tmp[k++] = v[j++];
    std::copy(tmp.begin() + long(lo), tmp.begin() + long(hi), v.begin() + long(lo));
    return swaps;
}

// Pairs tied within runs of equal values of a sorted sequence.
long long tiedPairs(const std::vector<double>& sorted)
{
    long long pairs = 0;
    for (size_t i = 0; i < sorted.size();) {
        size_t j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] == sorted[i])
            ++j;
        const long long t = static_cast<long long>(j - i + 1);
        pairs += t * (t - 1) / 2;
        i = j + 1;
    }
    return pairs;
}

double kendallTauB(const std::vector<double>& x, const std::vector<double>& y)
{
    const size_t n = x.size();
    std::vector<size_t> idx(n);
    std::iota(idx.begin(), idx.end(), 0);
    std::sort(idx.begin(), idx.end(),
        [&](size_t a, size_t b) { return x[a] < x[b] || (x[a] == x[b] && y[a] < y[b]); });
    std::vector<double> xs(n), ys(n);
    for (size_t i = 0; i < n; ++i) {
        xs[i] = x[idx[i]];
        ys[i] = y[idx[i]];
    }
    const long long n0 = static_cast<long long>(n) * static_cast<long long>(n - 1) / 2;
    const long long n1 = tiedPairs(xs);
    long long n3 = 0; // pairs tied in both
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && xs[j + 1] == xs[i])
            ++j;
        n3 += tiedPairs(std::vector<double>(ys.begin() + long(i), ys.begin() + long(j) + 1));
        i = j + 1;
    }
    std::vector<double> tmp(n);
    const long long swaps = mergeCount(ys, tmp, 0, n);
    const long long n2 = tiedPairs(ys);
    const double concordantMinusDiscordant = double(n0 - n1 - n2 + n3 - 2 * swaps);
    const double denom = std::sqrt(double(n0 - n1) * double(n0 - n2));
    return denom > 0 ? concordantMinusDiscordant / denom : 0.0;
}
} // namespace

Agreement Agreement::compute(const std::vector<double>& a, const std::vector<double>& b)
{
    Agreement result;
    std::vector<double> x, y;
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        if (!std::isnan(a[i]) && !std::isnan(b[i])) {
            x.push_back(a[i]);
            y.push_back(b[i]);
        }
    }
    result.common = int(x.size());
    if (x.size() < 2)
        return result;
    result.spearman = pearson(averageRanks(x), averageRanks(y));
    result.kendall = kendallTauB(x, y);
    result.topK = std::max(1, int(x.size()) / 10);
    std::vector<int> ix(x.size()), iy(x.size());
    std::iota(ix.begin(), ix.end(), 0);
    std::iota(iy.begin(), iy.end(), 0);
    // Most sensitive first; ties broken by index so the overlap is deterministic.
    std::stable_sort(ix.begin(), ix.end(), [&](int p, int q) { return x[size_t(p)] > x[size_t(q)]; });
    std::stable_sort(iy.begin(), iy.end(), [&](int p, int q) { return y[size_t(p)] > y[size_t(q)]; });
    std::vector<int> topX(ix.begin(), ix.begin() + result.topK), topY(iy.begin(), iy.begin() + result.topK);
    std::sort(topX.begin(), topX.end());
    std::sort(topY.begin(), topY.end());
    std::vector<int> both;
    std::set_intersection(topX.begin(), topX.end(), topY.begin(), topY.end(), std::back_inserter(both));
    result.topKOverlap = double(both.size()) / double(result.topK);
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
