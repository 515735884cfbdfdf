#include "AppSettings.h"

namespace qc::gui::AppSettings {

void addRecentFile(const QString& path)
{
    QStringList files = recentFiles.get();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    recentFiles.set(files);
}

} // namespace qc::gui::AppSettings
