#pragma once

#include <QWidget>

class QComboBox;

namespace qc::gui {

class ProjectController;
class RankScatterView;

// The metric-vs-metric tab: the scatter with its two metric choosers, refilled whenever the metrics change.
class ScatterPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ScatterPanel(ProjectController* controller, QWidget* parent = nullptr);

    RankScatterView* view() const { return m_view; }

private:
    void refillMetrics();

    ProjectController* m_controller;
    RankScatterView* m_view;
    QComboBox* m_x;
    QComboBox* m_y;
};

} // namespace qc::gui
