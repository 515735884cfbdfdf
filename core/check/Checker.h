#pragma once

#include "Violation.h"
#include "profile/ProfileLists.h"

#include <QStringList>
#include <vector>

namespace qc {

class Project;

// Finds every violation of a profile set. Works on lists, so it checks a hand-edited file as well as the
// profiles the project computes.
class Checker
{
public:
    // Violations of the project's computed profiles: fast enough to run on every drag.
    static std::vector<Violation> check(const Project& project);
    // What check(project) finds that no cut changes (forced and split ops, sources, op states): worked out
    // once per ranking, a drag step checks only what its cuts change with check(project, kept).
    struct CutFree
    {
        std::vector<Violation> ops;
        std::vector<Violation> sources;
        std::vector<Violation> opStates;
    };
    static CutFree cutFree(const Project& project);
    // The same as check(project), for a project whose cut-free findings are kept (only its cuts moved).
    static std::vector<Violation> check(const Project& project, const CutFree& kept);
    // Violations of explicit lists against the project's inventory, rules and sources.
    static std::vector<Violation> check(const Project& project, const std::vector<ProfileLists>& profiles);
    // (profile, why) for every outcome measured on other INT8 ops than its profile computes now, or of a
    // profile the plan no longer has; cheap without outcomes.
    static std::vector<std::pair<QString, QString>> staleOutcomes(const Project& project);
    static int errorCount(const std::vector<Violation>& violations);
    // The ops stored lists place otherwise than the computed ones (INT8 in one only, kept in one only, or
    // listed twice), sorted: lists edited by hand. Empty when they agree.
    static QStringList handEditedOps(const ProfileLists& stored, const ProfileLists& computed);
    // The error messages that concern one profile (its own and the profile-less ones): what every export
    // of that profile states.
    static QStringList errorsFor(const Project& project, int profile);
};

} // namespace qc
