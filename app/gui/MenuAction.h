#pragma once

#include <QAction>
#include <QKeySequence>
#include <QMenu>
#include <QWidget>

namespace qc::gui {

// A menu entry whose shortcut also works with the menu bar hidden (offscreen, fullscreen): the window holds
// the action too.
inline QAction* addMenuAction(
    QWidget* window, QMenu* menu, const QString& text, const QKeySequence& key = {}, const QString& tip = {})
{
    QAction* action = menu->addAction(text);
    action->setShortcut(key);
    action->setStatusTip(tip);
    action->setToolTip(tip);
    window->addAction(action);
    return action;
}

} // namespace qc::gui
