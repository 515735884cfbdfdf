#include "ExportOptions.h"

namespace qc {

QString ExportOptions::weightsText() const
{
    return numbers == NumberFormat::Fp8 ? QStringLiteral("fp8 e4m3 per-tensor")
                                        : QStringLiteral("int8 per-channel symmetric");
}

QString ExportOptions::activationsText() const
{
    if (numbers == NumberFormat::Fp8)
        return QStringLiteral("fp8 e4m3 per-tensor static");
    return activations == Activations::PerTensorStatic ? QStringLiteral("int8 per-tensor static")
                                                       : QStringLiteral("int8 per-token dynamic symmetric");
}

} // namespace qc
