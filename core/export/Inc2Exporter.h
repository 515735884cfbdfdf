#pragma once

#include "project/Project.h"

#include <QByteArray>
#include <QString>

namespace qc {

// INC 2.x PostTrainingQuantConfig: an op_name_dict that keeps every `keep` op of one profile in fp32.
// INC fullmatches each key as a regex against its op names (strategy/utils/tuning_space.py), and wraps
// untraceable attention Linears in QuantWrapper, so its names may end in ".module": each key is the escaped
// module name plus an optional "\.module".
class Inc2Exporter
{
public:
    static QString keyFor(const QString& opName); // e.g. "model\\.layers\\.0\\.mlp\\.down_proj(?:\\.module)?"
    // Throws std::invalid_argument for an unknown profile name.
    static QByteArray toJson(const Project& project, int profile);
};

// Index of a profile by name; the last profile when name is empty; -1 when no profile has that name.
int profileIndex(const Project& project, const QString& name);

} // namespace qc
