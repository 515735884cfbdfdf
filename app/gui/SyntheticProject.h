#pragma once

#include "project/Project.h"

namespace qc::gui {

// A reproducible MoE-style project for tests and the GUI benchmark: embed_tokens, per layer attention
// (q/k/v/o_proj), norms and experts (`model.layers.L.mlp.experts.E.{gate,up,down}_proj`), lm_head; two
// correlated metrics ("mse_v2", lower = more sensitive, and "hawq_v2", higher = more sensitive) from a
// fixed-seed generator. Recomputed, with the default rules and cut plan.
Project makeSyntheticProject(int opCount, quint32 seed = 20240601);

} // namespace qc::gui
