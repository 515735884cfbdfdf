#pragma once

#include "project/Project.h"

#include <QPromise>
#include <QStringList>

namespace qc::gui {

// Builds a new Project from the current one and a list of files, off the GUI thread: the window keeps
// running, shows progress and can cancel (between files; a cancelled load leaves the project untouched).
// A bad file is skipped and reported with FileError's message; every good file still loads (a review of four
// rankings should not lose three because the fourth is truncated).
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

        bool changesProject() const { return error.isEmpty() && !cancelled && !loaded.isEmpty(); }
        // What the status bar says: what was loaded and how many files were not.
        QString summary() const;
        // Every problem, one paragraph per file, for one dialog.
        QString problems() const;
    };

    // Runs on a worker thread (QtConcurrent::run) or directly (tests, --screenshot).
    static void load(QPromise<Result>& promise, Project base, const QStringList& paths);
    static Result loadNow(Project base, const QStringList& paths);
    // Whether opening these files replaces the project (a profile file among them).
    static bool replacesProject(const QStringList& paths);
};

} // namespace qc::gui
