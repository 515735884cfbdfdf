#pragma once

#include "export/ExportOptions.h"

#include <QObject>
#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace qc::gui {

class ProjectController;
class UserPrompts;

// File > Export Profile: one action per ProfileExporter format (plus ModelOpt in FP8) and the W8A8 choices
// every export states, and the flow behind them: which profile, errors to confirm, where to, then the
// verified export written atomically. Errors go to the prompts and leave no file.
class ExportActions : public QObject
{
    Q_OBJECT
public:
    // currentProfile: the profile an export starts from; proceed: whether to go on despite the errors of a
    // profile (the window asks).
    ExportActions(ProjectController* controller, UserPrompts* prompts, QWidget* window,
        std::function<int()> currentProfile, std::function<bool(const QString& profile)> proceed);

    QMenu* menu() const { return m_menu; }
    void setPrompts(UserPrompts* prompts) { m_prompts = prompts; }
    ExportOptions options() const;
    // Writes one profile in one format, verified, atomically; false (and reported) when nothing was written.
    bool exportProfile(const QString& format, int profile, const QString& path, const ExportOptions& options);

signals:
    void status(const QString& message);

private:
    void addFormatActions();
    void addOptionActions();
    void exportDialog(const QString& format, const ExportOptions& options);

    ProjectController* m_controller;
    UserPrompts* m_prompts;
    QWidget* m_window;
    std::function<int()> m_currentProfile;
    std::function<bool(const QString&)> m_proceed;
    QMenu* m_menu;
    QAction* m_dynamicActivations = nullptr;
    QAction* m_smoothQuant = nullptr;
    QAction* m_gptq = nullptr;
    QAction* m_legacyNames = nullptr;
};

} // namespace qc::gui
