#pragma once

#include "project/Project.h"

#include <QStringList>
#include <functional>

namespace qc {

// Builds a new Project from a base one and a list of files of any kind (FileKind decides each): what the
// explorer's background load, `profiles` and `info` share. A bad file is skipped and reported with
// FileError's message; every good file still loads (a review of four rankings should not lose three
// because the fourth is truncated).
class ProjectLoader
{
public:
    struct Result
    {
        Project project;
        QString profilePath; // set when a profile file was opened: it becomes the document
        QStringList loaded; // "path (kind)"
        QStringList failed; // "file: message", one per file that did not load
        QString error; // set when the files loaded but do not fit together: nothing is adopted
        bool cancelled = false;
        bool onlyOutcomes = false; // every file loaded was a results file: only the outcomes changed

        bool changesProject() const { return error.isEmpty() && !cancelled && !loaded.isEmpty(); }
        // What the status bar says: what was loaded and how many files were not.
        QString summary() const;
        // Every problem, one paragraph per file, for one dialog.
        QString problems() const;
    };
    // Called before each file (done = files read so far, step = what comes next) and once before the
    // ranking; returning false cancels between files, leaving the base untouched.
    using Progress = std::function<bool(int done, int total, const QString& step)>;

    static Result load(const Project& base, const QStringList& paths, const Progress& progress = {});
    // Whether opening these files replaces the project (a profile file among them).
    static bool replacesProject(const QStringList& paths);

    // The id a new metric gets among existing ones: as wanted, or with _2, _3, ... appended.
    static QString uniqueId(const std::vector<Metric>& metrics, const QString& wanted);
    // Adds metrics, replacing one from the same file, with unique ids and their default names, unique
    // among all (three reports of one producer must not read alike).
    static void addMetrics(std::vector<Metric>& metrics, std::vector<Metric> added);

private:
    // Reads results files and attaches them to the result's profiles; a bad one goes to failed.
    static void attachOutcomes(Result& result, const QStringList& paths);
};

} // namespace qc
