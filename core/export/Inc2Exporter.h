#pragma once

#include "ExportOptions.h"

#include <QByteArray>
#include <QString>

namespace qc {

class Project;

// INC 2.x PostTrainingQuantConfig: an op_name_dict that keeps every `keep` op of one profile in fp32.
// INC fullmatches each key as a regex against its op names (strategy/utils/tuning_space.py), and wraps
// untraceable attention Linears in QuantWrapper, so its names may end in ".module": each key is the escaped
// module name (in the runtime naming of ExportOptions::naming) plus an optional "\.module".
class Inc2Exporter
{
public:
    static QString keyFor(const QString& opName); // e.g. "model\\.layers\\.0\\.mlp\\.down_proj(?:\\.module)?"
    static QByteArray toJson(const Project& project, int profile, const ExportOptions& options);
    // Re-reads a written export and evaluates its keys as INC does over the runtime names of `naming`;
    // throws ExportMismatch on a difference.
    static void verify(const Project& project, int profile, const QByteArray& json, ModuleNaming naming);
};

// Index of a profile by name; the last profile when name is empty; -1 when no profile has that name.
int profileIndex(const Project& project, const QString& name);

} // namespace qc
