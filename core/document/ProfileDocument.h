#pragma once

#include "check/Violation.h"
#include "profile/ProfileLists.h"
#include "project/Project.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

namespace qc {

// The versioned YAML profile file: everything needed to reproduce and reuse the result (the inventory with
// its identity, each source with format, polarity and its raw scores, the combination, rules, overrides, the
// cut plan) and, per profile, the explicit `quantize` and `keep` lists with stats. Sorted and formatted
// deterministically: the same project always gives the same bytes, and load + save gives the same file.
class ProfileDocument
{
public:
    static constexpr int kFormatVersion = 1;

    // The file records the violations it is given (Checker::check of the project: what `check` reports).
    static QByteArray toYaml(const Project& project, const std::vector<Violation>& violations);
    // Streams the file into a device, a megabyte at a time.
    static void write(const Project& project, const std::vector<Violation>& violations, QIODevice& device);

    // The project, recomputed, and the lists as stored (which `check` compares against the recomputed ones).
    // Throws FileError (with line) on malformed YAML, a missing key, a newer format version, or data that
    // does not fit together.
    struct Loaded
    {
        Project project;
        std::vector<ProfileLists> storedLists;
    };
    static Loaded load(const QString& path);
    static Loaded parse(const QByteArray& yaml, const QString& file);
    static void save(const Project& project, const std::vector<Violation>& violations,
        const QString& path); // atomic

    // A rules file: a YAML mapping with a `rules:` list in the profile file's schema (a profile file is one).
    static RuleSet loadRules(const QString& path);

private:
    static Loaded readDocument(const QByteArray& yaml, const QString& file);
};

} // namespace qc
