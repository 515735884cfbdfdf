#pragma once

#include "export/ExportOptions.h"

#include <QObject>
#include <functional>

class QAction;
class QMenu;
class QSize;
class QWidget;

namespace qc::gui {

class ChartArea;
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
    // File > Export Charts as PNG / SVG: the charts ChartArea exports, in a size and resolution asked for.
    void addChartActions(QMenu* file, const ChartArea* charts);
    // .png or .svg of the charts alone, size in pixels (empty: as on screen), dpi recorded in a PNG.
    bool exportCharts(const QString& path, const QSize& size, int dpi);
    // Writes one profile in one format, verified, atomically; false (and reported) when nothing was written.
    bool exportProfile(const QString& format, int profile, const QString& path, const ExportOptions& options);

signals:
    void status(const QString& message);

private:
    void addFormatActions();
    void addOptionActions();
    void exportDialog(const QString& format, const ExportOptions& options);
    void exportChartsDialog(const QString& suffix);

    ProjectController* m_controller;
    UserPrompts* m_prompts;
    QWidget* m_window;
    std::function<int()> m_currentProfile;
    std::function<bool(const QString&)> m_proceed;
    QMenu* m_menu;
    const ChartArea* m_charts = nullptr;
    QAction* m_dynamicActivations = nullptr;
    QAction* m_smoothQuant = nullptr;
    QAction* m_gptq = nullptr;
    QAction* m_legacyNames = nullptr;
};

} // namespace qc::gui
