#include "CompressionMeasure.h"

#include <cmath>
#include <limits>

namespace qc {

double CompressionMeasure::value(Kind kind, const Size& s)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double int8 = double(s.params);
    const double total = double(s.paramsTotal);
    switch (kind) {
    case Kind::WeightMemory:
        return s.paramsTotal > 0 ? (int8 + 2.0 * (total - int8)) / 1e9 : nan;
    case Kind::Int8Ops:
        return s.opsTotal > 0 ? double(s.ops) / double(s.opsTotal) : nan;
    case Kind::Int8Params:
        return s.paramsTotal > 0 ? int8 / total : nan;
    case Kind::EffectiveBits:
        return s.paramsTotal > 0 ? (8.0 * int8 + 16.0 * (total - int8)) / total : nan;
    }
    return nan;
}

bool CompressionMeasure::higherIsMoreCompressed(Kind kind)
{
    return kind == Kind::Int8Ops || kind == Kind::Int8Params;
}

QString CompressionMeasure::id(Kind kind)
{
    switch (kind) {
    case Kind::WeightMemory:
        return QStringLiteral("weight-memory-gb");
    case Kind::Int8Ops:
        return QStringLiteral("int8-ops");
    case Kind::Int8Params:
        return QStringLiteral("int8-params");
    case Kind::EffectiveBits:
        return QStringLiteral("effective-bits");
    }
    return {};
}

QString CompressionMeasure::title(Kind kind)
{
    switch (kind) {
    case Kind::WeightMemory:
        return QStringLiteral("Weight memory (GB)");
    case Kind::Int8Ops:
        return QStringLiteral("INT8 fraction of ops");
    case Kind::Int8Params:
        return QStringLiteral("INT8 fraction of parameters");
    case Kind::EffectiveBits:
        return QStringLiteral("Effective bits per weight");
    }
    return {};
}

QString CompressionMeasure::phrase(Kind kind)
{
    return kind == Kind::WeightMemory ? QStringLiteral("weight memory")
        : kind == Kind::EffectiveBits ? QStringLiteral("effective bits per weight")
                                      : title(kind);
}

QString CompressionMeasure::format(Kind kind, double value)
{
    if (std::isnan(value))
        return QStringLiteral("-");
    switch (kind) {
    case Kind::WeightMemory:
        // Small test models have kilobytes of weights: enough digits to tell profiles apart.
        return value >= 0.1 ? QString::number(value, 'f', 3) + QStringLiteral(" GB")
                            : QString::number(value * 1e6, 'f', 3) + QStringLiteral(" kB");
    case Kind::Int8Ops:
    case Kind::Int8Params:
        return QString::number(100.0 * value, 'f', 1) + QLatin1Char('%');
    case Kind::EffectiveBits:
        return QString::number(value, 'f', 2) + QStringLiteral(" bits");
    }
    return {};
}

} // namespace qc
