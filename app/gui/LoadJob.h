#pragma once

#include "load/ProjectLoader.h"

#include <QFutureWatcher>
#include <QObject>

namespace qc::gui {

// Runs ProjectLoader off the GUI thread: the window keeps running, shows progress and can cancel (between
// files; a cancelled load leaves the project untouched). One load at a time.
class LoadJob : public QObject
{
    Q_OBJECT
public:
    explicit LoadJob(QObject* parent = nullptr);
    ~LoadJob() override;

    bool isRunning() const { return m_watcher.isRunning(); }
    // In the background; false when a load is already running.
    bool start(Project base, const QStringList& paths);
    // On the calling thread (tests, --screenshot): finished is emitted before this returns.
    void runNow(const Project& base, const QStringList& paths);
    void cancel();

signals:
    void started(int steps);
    void progress(int done);
    // cancelled: nothing to adopt; otherwise the result says what loaded and what did not.
    void finished(const qc::ProjectLoader::Result& result);
    void cancelled();

private:
    void deliver();

    QFutureWatcher<ProjectLoader::Result> m_watcher;
};

} // namespace qc::gui
