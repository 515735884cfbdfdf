#pragma once

#include <QString>
#include <QtGlobal>

namespace qc {

// How much a profile compresses the model: the x of a trade-off chart. Computed from what the profile
// quantizes (INT8 weights 1 byte, kept ones the model's 2 bytes of bf16), so every profile of a file is on
// the same scale.
class CompressionMeasure
{
public:
    enum class Kind { WeightMemory, Int8Ops, Int8Params, EffectiveBits };
    static constexpr Kind kAll[]
        = { Kind::WeightMemory, Kind::Int8Ops, Kind::Int8Params, Kind::EffectiveBits };

    // What a profile quantizes, in counts.
    struct Size
    {
        qint64 ops = 0;
        qint64 opsTotal = 0;
        qint64 params = 0;
        qint64 paramsTotal = 0;
    };

    // GB of weights (1e9 bytes), the fraction of ops or parameters that are INT8 (0..1), or effective bits
    // per weight (8..16); NaN when the inventory has no counts for it.
    static double value(Kind kind, const Size& size);
    // Whether a larger value means more compression (fractions) or less (memory, bits).
    static bool higherIsMoreCompressed(Kind kind);
    static QString id(Kind kind); // weight-memory-gb, int8-ops, int8-params, effective-bits
    static QString title(Kind kind); // "Weight memory (GB)", ...
    static QString phrase(Kind kind); // "weight memory", "INT8 fraction of ops", ...: within a sentence
    static QString format(Kind kind, double value); // "1.23 GB", "45.0%", "9.84 bits"
};

} // namespace qc
