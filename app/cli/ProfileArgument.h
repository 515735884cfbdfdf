#pragma once

#include "document/ProfileDocument.h"

namespace qc::cli {

// "FILE" or "FILE:PROFILE" (the last profile when none is named), loaded. Throws UsageError for a profile
// name the file does not have.
struct ProfileArgument
{
    ProfileDocument::Loaded loaded;
    int profile = -1;
    QString file;
};

ProfileArgument loadProfileArgument(const QString& argument, const QString& profileName = {});

} // namespace qc::cli
