#pragma once

#include "project/Project.h"

#include <QStringList>

namespace qc {

// Schemes to compare profiles against, as one-profile projects in the same file format. They carry no
// sensitivity: a "uniform" source scores every op they may quantize equally, and the single profile's cut
// of 1.0 quantizes all of those.
class ReferenceSchemes
{
public:
    static QStringList names(); // lm-only, modelopt-default, autoquant:FILE, modelopt-manifest:FILE

    // Every public Qwen2.5-VL release: only the text decoder's Linears (the default rules plus lm-only).
    static Project languageModelOnly(const Inventory& inventory);
    // What ModelOpt's INT8 preset quantizes: Linear/Conv ops, minus its default-disabled patterns (lm_head,
    // routers, vision tower, ...) evaluated on the ops' quantizer names, minus Embedding and norms.
    static Project modelOptDefaults(const Inventory& inventory);
    // AutoQuantize's own decision, reconstructed from the run's manifest (AutoQuantDecision); a report is
    // refused (its rows are candidates, not decisions). Throws std::invalid_argument.
    static Project fromAutoQuant(const Inventory& inventory, const QString& path);
    // What a ModelOpt export says it quantized: hf_quant_config.json (or a config.json whose
    // quantization_config comes from ModelOpt). A single quant_algo quantizes the Linear ops no
    // exclude_modules glob matches (fnmatch on module names); MIXED_PRECISION lists quantized_layers.
    static Project fromModelOptManifest(const Inventory& inventory, const QString& manifestPath);

    // Dispatch by name ("autoquant:PATH", "modelopt-manifest:PATH"). Throws std::invalid_argument for an
    // unknown scheme.
    static Project byName(const QString& name, const Inventory& inventory);
};

} // namespace qc
