#include "Measure.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sys/resource.h>

namespace qcbench {

std::vector<double> Samples::sorted() const
{
    std::vector<double> s = m_ms;
    std::sort(s.begin(), s.end());
    return s;
}

double Samples::median() const
{
    const std::vector<double> s = sorted();
    if (s.empty())
        return 0.0;
    const size_t mid = s.size() / 2;
    return s.size() % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2.0;
}

double Samples::percentile(double p) const
{
    const std::vector<double> s = sorted();
    if (s.empty())
        return 0.0;
    const auto rank = size_t(std::ceil(p / 100.0 * double(s.size())));
    return s[std::clamp<size_t>(rank, 1, s.size()) - 1];
}

Samples repeat(int reps, const std::function<void()>& fn)
{
    Samples samples;
    for (int i = 0; i < reps; ++i)
        samples.add(timeMs(fn));
    return samples;
}

void printResult(const char* name, int ops, const Samples& samples)
{
    std::printf("bench %s ops=%d median_ms=%.4f p99_ms=%.4f\n", name, ops, samples.median(),
        samples.percentile(99.0));
    std::fflush(stdout);
}

double peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // Linux reports kilobytes
}

void printPeakRss(int ops)
{
    std::printf("bench peak_rss ops=%d mb=%.1f\n", ops, peakRssMb());
    std::fflush(stdout);
}

void consume(qsizetype value)
{
    static volatile qsizetype sink = 0;
    sink = sink + value;
}

} // namespace qcbench
