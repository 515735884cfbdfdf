#pragma once

#include "inventory/Inventory.h"

#include <vector>

namespace qc {

// Ops that inference engines fuse into one GEMM (q/k/v, gate/up of one layer; w1/w3 of an expert) and that
// therefore must share one precision: vLLM and TensorRT-LLM refuse mixed schemes inside a fused shard.
class FusedGroups
{
public:
    // Each op's group id; ops without partners get a group of their own. Groups are numbered in order of
    // their first member.
    static std::vector<int> assign(const Inventory& inventory, bool fuse);
    // The key an op shares with its partners, e.g. "model.layers.3.self_attn.{qkv}"; empty when not fusable.
    static QString groupKey(const QString& opName);
};

} // namespace qc
