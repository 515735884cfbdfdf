#pragma once

#include "Evidence.h"
#include "SignalGap.h"
#include "inventory/Inventory.h"
#include "metrics/Metric.h"
#include "reconcile/NameReconciler.h"

#include <array>
#include <vector>

namespace qc {

// One metric's values laid over the inventory, with what each value is worth.
struct OpScores
{
    QString metricId;
    Polarity polarity = Polarity::HigherIsMoreSensitive;
    std::vector<double> values; // per op, as the source states it; NaN where it has none (or no candidate)
    std::vector<Evidence> evidence; // per op; only Measured values rank
    std::vector<SignalGap> gaps; // why values are NoSignal; empty when the user said all are measured

    bool isMeasured(int op) const { return evidence[size_t(op)] == Evidence::Measured; }
    // The value when it is a measurement, else NaN.
    double measured(int op) const;
    // Ops per Evidence kind, indexed by the enum (counted once, when built: the checker asks on every drag).
    std::array<int, 4> countByEvidence() const { return m_counts; }

    // Throws FileError when two source names land on one op with different values (e.g. "x" and "x.module").
    // A value derived from a group leader never overrides a value the source states for the op itself.
    static OpScores build(
        const Metric& metric, const Reconciliation& reconciliation, const Inventory& inventory);

private:
    std::array<int, 4> m_counts {};
};

} // namespace qc
