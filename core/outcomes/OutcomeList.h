#pragma once

#include "Outcome.h"
#include "profile/ProfileLists.h"

#include <QHash>
#include <vector>

namespace qc {

// The outcomes a project holds, and how new ones join them.
class OutcomeList
{
public:
    // Adds what a results file gave, each stamped with its profile's fingerprint from lists (the profiles as
    // they are now). An outcome replaces an earlier one of the same profile from a file of the same name
    // (re-measured). Throws FileError (the new file, the line where it names the profile) for a profile
    // lists does not hold (baseline aside), a value another file already gives for the same profile,
    // framework and metric, or a metric whose higher_is_better differs from the one already held; on a throw
    // outcomes is unchanged.
    static void attach(std::vector<Outcome>& outcomes, std::vector<Outcome> added,
        const std::vector<ProfileLists>& lists, const QString& path);
    // The profiles of lists whose outcomes were measured on other INT8 ops (fingerprint differs), and
    // outcomes of profiles lists no longer holds: (profile, why) for every such outcome.
    static std::vector<std::pair<QString, QString>> stale(
        const std::vector<Outcome>& outcomes, const std::vector<ProfileLists>& lists);
    // The same from the profiles' fingerprints now (name -> profileFingerprint of its INT8 ops); a profile
    // missing from fingerprints is gone.
    static std::vector<std::pair<QString, QString>> stale(
        const std::vector<Outcome>& outcomes, const QHash<QString, QString>& fingerprints);
};

} // namespace qc
