#include "OpScores.h"

#include "io/FileError.h"

#include <QLocale>
#include <cmath>
#include <limits>

namespace qc {

double OpScores::measured(int op) const
{
    return isMeasured(op) ? values[size_t(op)] : std::numeric_limits<double>::quiet_NaN();
}

OpScores OpScores::build(
    const Metric& metric, const Reconciliation& reconciliation, const Inventory& inventory)
{
    const int opCount = inventory.size();
    OpScores scores;
    scores.metricId = metric.id;
    scores.polarity = metric.polarity();
    scores.values.assign(size_t(opCount), std::numeric_limits<double>::quiet_NaN());
    scores.evidence.assign(size_t(opCount), Evidence::Missing);
    std::vector<int> sourceEntry(size_t(opCount), -1);
    for (size_t e = 0; e < metric.entries.size(); ++e) {
        const int op = reconciliation.ops[e];
        if (op < 0)
            continue;
        const MetricEntry& entry = metric.entries[e];
        if (!entry.candidate) {
            // Never a candidate: no value, whatever number the source wrote; a measured entry wins.
            if (sourceEntry[size_t(op)] < 0)
                scores.evidence[size_t(op)] = Evidence::NotCandidate;
            continue;
        }
        const int previous = sourceEntry[size_t(op)];
        if (previous < 0) {
            scores.evidence[size_t(op)] = Evidence::Measured;
            scores.values[size_t(op)] = entry.value;
            sourceEntry[size_t(op)] = int(e);
            continue;
        }
        const MetricEntry& first = metric.entries[size_t(previous)];
        if (first.value == entry.value)
            continue;
        const bool firstDerived = !first.groupLeader.isEmpty();
        const bool thisDerived = !entry.groupLeader.isEmpty();
        if (firstDerived != thisDerived) {
            if (firstDerived) {
                scores.values[size_t(op)] = entry.value;
                sourceEntry[size_t(op)] = int(e);
            }
            continue;
        }
        throw FileError(metric.file, entry.line,
            QStringLiteral("'%1' and '%2'%3 name the same op with different scores (%4 vs %5)")
                .arg(entry.name, first.name,
                    first.line > 0 ? QStringLiteral(" (line %1)").arg(first.line) : QString(),
                    QString::number(entry.value, 'g', QLocale::FloatingPointShortest),
                    QString::number(first.value, 'g', QLocale::FloatingPointShortest)));
    }
    if (!metric.allMeasured)
        scores.gaps = findSignalGaps(inventory, scores.values, scores.evidence);
    for (const Evidence e : scores.evidence)
        ++scores.m_counts[size_t(e)];
    return scores;
}

} // namespace qc
