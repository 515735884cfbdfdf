#pragma once

#include "inventory/Inventory.h"

#include <vector>

namespace qc {

// The ops a digit-blind rule cannot tell apart: same name once every digit is masked (layer and expert
// indices), same op type, component and layer. A rule set decides once per shape instead of once per op;
// built once per inventory, so a rule toggle costs a few hundred evaluations even at a million ops.
struct NameShapes
{
    std::vector<int> shapeOf; // per op
    std::vector<int> representative; // per shape: its first op

    static NameShapes of(const Inventory& inventory);
};

} // namespace qc
