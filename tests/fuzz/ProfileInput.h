#pragma once

#include "document/ProfileDocument.h"

#include <QByteArray>
#include <optional>

namespace qc::fuzz {

// A profile file from fuzz input, as `check` and `export` load it. Empty when it is refused cleanly
// (FileError); any other exception fails the run.
std::optional<ProfileDocument::Loaded> loadProfile(const char* target, const QByteArray& yaml);

} // namespace qc::fuzz
