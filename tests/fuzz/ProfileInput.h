#pragma once

#include "project/ProfileDocument.h"

#include <QByteArray>
#include <optional>

namespace qc::fuzz {

// A profile file from fuzz input, as `check` and `export` load it. Empty when it is refused cleanly
// (FileError, or the yaml-cpp exceptions of known defect 2) or skipped for a known defect; any other
// exception fails the run.
std::optional<ProfileDocument::Loaded> loadProfile(const char* target, const QByteArray& yaml);

// Whether a loaded project is small enough to save and export under known defect 4 (quadratic agreement).
bool savable(const Project& project);

} // namespace qc::fuzz
