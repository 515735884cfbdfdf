#pragma once

#include "Evidence.h"
#include "inventory/Inventory.h"

#include <QString>
#include <vector>

namespace qc {

// A stretch of one metric's values that carries no ranking signal, found by looking at the values laid over
// the inventory (see findSignalGaps).
struct SignalGap
{
    enum class Why {
        ZeroComponent, // every value of a component is exactly 0 while other components are not
        TiedComponent, // every value of a component (two or more) is one and the same value
        ZeroBlock, // a run of consecutive ops in model order, all exactly 0, while others are not
    };
    Why why = Why::ZeroComponent;
    QString component;
    QString firstOp; // the block's (or component's) first and last op in model order
    QString lastOp;
    int ops = 0;
    double value = 0.0;

    QString describe() const; // "component vision: 102 ops all exactly 0 while other components are not"
    bool operator==(const SignalGap&) const = default;
};

// A run of zeros this long is a block nobody measured, not a run of robust ops.
inline constexpr int kMinZeroBlock = 8;

// Finds the gaps among the measured values (NaN = no value) and marks their ops NoSignal in `evidence`.
// Components are the inventory's.
std::vector<SignalGap> findSignalGaps(
    const Inventory& inventory, const std::vector<double>& values, std::vector<Evidence>& evidence);

} // namespace qc
