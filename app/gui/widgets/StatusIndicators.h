#pragma once

#include <QObject>

class QLabel;
class QProgressBar;
class QPushButton;
class QStatusBar;

namespace qc::gui {

class ProjectController;

// What the status bar shows all the time: ops, metrics and INT8 ops per profile; the error and warning
// counts worded as `quantcut-cli check` reports the saved file; a load's progress with its Cancel button.
class StatusIndicators : public QObject
{
    Q_OBJECT
public:
    StatusIndicators(ProjectController* controller, QStatusBar* bar);

    QString violationText() const;
    void showLoading(int steps);
    void setProgress(int done);
    void endLoading();

signals:
    void cancelRequested();

private:
    void update();

    ProjectController* m_controller;
    QStatusBar* m_bar;
    QLabel* m_violationLabel;
    QLabel* m_summaryLabel;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
};

} // namespace qc::gui
