#pragma once

#include "project/Project.h"

#include <QPromise>
#include <QStringList>

namespace qc::gui {

// Builds a new Project from the current one and a list of files, off the GUI thread: the window keeps
// running, shows progress and can cancel (between files; a cancelled load leaves the project untouched).
// Any bad input fails the whole load with FileError's message, so a half-loaded project never shows up.
class ProjectLoader
{
public:
    struct Result
    {
        Project project;
        QString profilePath; // set when a profile file was opened: it becomes the document
        QStringList loaded; // "path (kind)"
        QString error; // empty on success
        bool cancelled = false;
    };

    // Runs on a worker thread (QtConcurrent::run) or directly (tests, --screenshot).
    static void load(QPromise<Result>& promise, Project base, const QStringList& paths);
    static Result loadNow(Project base, const QStringList& paths);
    // Whether opening these files replaces the project (a profile file among them).
    static bool replacesProject(const QStringList& paths);
};

} // namespace qc::gui
