#pragma once

#include "ExportOptions.h"

#include <QByteArray>
#include <QString>

namespace qc {

class Project;

// INC 2.x PostTrainingQuantConfig: an op_name_dict that keeps every `keep` op of one profile in fp32.
// INC fullmatches each key as a regex against its op names (strategy/utils/tuning_space.py), and wraps
// untraceable attention Linears in QuantWrapper, so its names may end in ".module": each key is the escaped
// module name plus an optional "\.module".
class Inc2Exporter
{
public:
    static QString keyFor(const QString& opName); // e.g. "model\\.layers\\.0\\.mlp\\.down_proj(?:\\.module)?"
    static QByteArray toJson(const Project& project, int profile);
    // Re-reads a written export and evaluates its keys as INC does; throws ExportMismatch on a difference.
    static void verify(const Project& project, int profile, const QByteArray& json);
};

// Index of a profile by name; the last profile when name is empty; -1 when no profile has that name.
int profileIndex(const Project& project, const QString& name);

} // namespace qc
