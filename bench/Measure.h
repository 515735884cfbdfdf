#pragma once

#include <QString>
#include <chrono>
#include <functional>
#include <vector>

namespace qcbench {

// Wall-clock samples of one measurement, in milliseconds.
class Samples
{
public:
    void add(double ms) { m_ms.push_back(ms); }
    bool isEmpty() const { return m_ms.empty(); }
    // The middle value (mean of the two middle ones for an even count).
    double median() const;
    // Nearest-rank percentile: the smallest sample with at least p% of the samples at or below it. With
    // fewer than 100 samples p99 is the maximum, which is what a "worst case" reader wants anyway.
    double percentile(double p) const;

private:
    std::vector<double> sorted() const;
    std::vector<double> m_ms;
};

// Milliseconds one call of fn takes on the steady clock.
template<typename Fn> double timeMs(Fn&& fn)
{
    const auto begin = std::chrono::steady_clock::now();
    fn();
    const auto end = std::chrono::steady_clock::now();
    return std::chrono::duration<double, std::milli>(end - begin).count();
}

// Runs fn `reps` times and collects one sample per run.
Samples repeat(int reps, const std::function<void()>& fn);

// "bench <name> ops=<N> median_ms=<x> p99_ms=<y>" on stdout, flushed at once so a slow run shows progress.
void printResult(const char* name, int ops, const Samples& samples);
// "bench peak_rss ops=<N> mb=<x>": the process's peak resident set so far (getrusage ru_maxrss).
void printPeakRss(int ops);
double peakRssMb();

// Keeps a result observable so the optimizer cannot drop the work that produced it.
void consume(qsizetype value);

} // namespace qcbench
