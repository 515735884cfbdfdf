#pragma once

#include "outcomes/Outcome.h"

#include <QByteArray>
#include <QString>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace qc {

// The profile file's `outcomes:` section: per results file and profile its name, SHA-256, the profile's
// fingerprint at attach time and the values. Kept apart from ProfileDocument's writer, which streams the big
// sections; this one is small.

// The whole `outcomes:` block as UTF-8 YAML text, empty when there are none (files without outcomes stay as
// they were).
QByteArray outcomesYaml(const std::vector<Outcome>& outcomes);
// The outcomes of a parsed profile file's root (none when it has no `outcomes:` key). Throws FileError with
// the line on a malformed entry, a value given twice or a metric with two directions.
std::vector<Outcome> readOutcomes(const YAML::Node& root, const QString& file);

} // namespace qc
