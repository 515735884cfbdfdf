#pragma once

#include <QString>

namespace qc {

// One quantizable op (a module) of the model.
struct Op
{
    QString name;
    QString opType; // "Linear", "Conv3d", "Embedding", "RMSNorm", ...
    QString component; // "vision", "merger", "language", "embedding", "head", or what the rules say
    int layer = -1; // -1: outside any numbered block
    qint64 params = -1; // -1: unknown

    bool operator==(const Op&) const = default;
};

} // namespace qc
