#pragma once

#include <QMenu>

namespace qc::gui {

// File > Open Recent: the files AppSettings remembers, newest first.
class RecentFilesMenu : public QMenu
{
    Q_OBJECT
public:
    explicit RecentFilesMenu(QWidget* parent = nullptr);

    // Remembers a file opened or saved (its absolute path).
    void add(const QString& path);

signals:
    void chosen(const QString& path);

private:
    void refresh();
};

} // namespace qc::gui
