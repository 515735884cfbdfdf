#pragma once

#include "metrics/Metric.h"
#include "reconcile/NameReconciler.h"

#include <vector>

namespace qc {

// One metric's values laid over the inventory: values[op], NaN where the metric has no value for the op.
struct OpScores
{
    QString metricId;
    Polarity polarity = Polarity::HigherIsMoreSensitive;
    std::vector<double> values;

    // Throws FileError when two source names land on one op with different values (e.g. "x" and "x.module").
    // A value derived from a group leader never overrides a value the source states for the op itself.
    static OpScores build(const Metric& metric, const Reconciliation& reconciliation, int opCount);
};

} // namespace qc
