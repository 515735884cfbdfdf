#include "LoadJob.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace qc::gui {

LoadJob::LoadJob(QObject* parent)
    : QObject(parent)
{
    connect(
        &m_watcher, &QFutureWatcher<ProjectLoader::Result>::progressValueChanged, this, &LoadJob::progress);
    connect(&m_watcher, &QFutureWatcher<ProjectLoader::Result>::finished, this, &LoadJob::deliver);
}

LoadJob::~LoadJob()
{
    if (m_watcher.isRunning()) {
        m_watcher.cancel();
        m_watcher.waitForFinished();
    }
}

bool LoadJob::start(Project base, const QStringList& paths)
{
    if (m_watcher.isRunning())
        return false;
    emit started(int(paths.size()) + 1);
    m_watcher.setFuture(QtConcurrent::run(
        [](QPromise<ProjectLoader::Result>& promise, const Project& base, const QStringList& paths) {
            promise.setProgressRange(0, int(paths.size()) + 1);
            promise.addResult(ProjectLoader::load(base, paths, [&](int done, int, const QString& step) {
                promise.setProgressValueAndText(done, step);
                return !promise.isCanceled();
            }));
        },
        std::move(base), paths));
    return true;
}

void LoadJob::runNow(const Project& base, const QStringList& paths)
{
    ProjectLoader::Result result = ProjectLoader::load(base, paths);
    if (result.cancelled)
        emit cancelled();
    else
        emit finished(result);
}

void LoadJob::cancel()
{
    if (m_watcher.isRunning())
        m_watcher.cancel();
}

void LoadJob::deliver()
{
    const QFuture<ProjectLoader::Result> future = m_watcher.future();
    if (future.isCanceled() || future.resultCount() == 0 || future.result().cancelled) {
        emit cancelled();
        return;
    }
    emit finished(future.result());
}

} // namespace qc::gui
