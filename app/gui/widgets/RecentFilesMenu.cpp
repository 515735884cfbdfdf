#include "RecentFilesMenu.h"

#include "AppSettings.h"

#include <QFileInfo>

namespace qc::gui {

RecentFilesMenu::RecentFilesMenu(QWidget* parent)
    : QMenu(tr("Open &Recent"), parent)
{
    refresh();
}

void RecentFilesMenu::add(const QString& path)
{
    AppSettings::addRecentFile(QFileInfo(path).absoluteFilePath());
    refresh();
}

void RecentFilesMenu::refresh()
{
    clear();
    const QStringList files = AppSettings::recentFiles.get();
    for (int i = 0; i < files.size(); ++i) {
        QAction* action = addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(files[i]).fileName()));
        action->setToolTip(files[i]);
        connect(action, &QAction::triggered, this, [this, path = files[i]] { emit chosen(path); });
    }
    setEnabled(!files.isEmpty());
}

} // namespace qc::gui
