#pragma once

#include "ArgumentList.h"
#include "outcomes/Outcome.h"
#include "profile/ProfileLists.h"

#include <vector>

namespace qc::cli {

// Every --outcome of `profiles` and `outcomes`: PROFILE[:FRAMEWORK]=FILE attaches a results file to a profile
// (and names the framework of rows that do not), a bare FILE one whose rows name their profiles. Added to
// outcomes, each stamped with its profile's fingerprint from lists. Throws FileError (file, line) when a file
// is bad or does not fit the profiles, UsageError for an empty label.
void attachOutcomeArguments(
    const ArgumentList& args, std::vector<Outcome>& outcomes, const std::vector<ProfileLists>& lists);
// The files the --outcome options name: inputs no output may replace.
QStringList outcomeFiles(const ArgumentList& args);

} // namespace qc::cli
