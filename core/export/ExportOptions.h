#pragma once

#include "reconcile/RuntimeNames.h"

#include <QString>

namespace qc {

// What the exported INT8 W8A8 means, stated in every export because the frameworks disagree: ModelOpt's
// INT8 SmoothQuant uses per-tensor static activations, compressed-tensors' "W8A8" per-token dynamic ones.
struct ExportOptions
{
    enum class Activations { PerTensorStatic, PerTokenDynamic };
    enum class NumberFormat { Int8, Fp8 }; // FP8 (E4M3) only for ModelOpt, for the W8A8-vs-FP8 comparison

    Activations activations = Activations::PerTensorStatic;
    NumberFormat numbers = NumberFormat::Int8;
    bool smoothQuant
        = true; // INC 3.x smooth_quant, ModelOpt "smoothquant", llm-compressor SmoothQuantModifier
    double smoothQuantAlpha = 0.5;
    bool gptq = false; // llm-compressor: GPTQModifier instead of QuantizationModifier
    // The runtime the framework configs name modules for. New (transformers >= 4.52) by default: every
    // current framework release needs such a transformers, and a Qwen2.5-VL checkpoint stores the old keys.
    ModuleNaming naming = ModuleNaming::New;

    QString weightsText() const;
    QString activationsText() const;
};

} // namespace qc
