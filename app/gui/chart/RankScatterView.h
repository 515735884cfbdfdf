#pragma once

#include "ranking/Agreement.h"

#include <QImage>
#include <QWidget>
#include <vector>

namespace qc::gui {

class ProjectController;

// Metric against metric: each op at (rank by metric X, rank by metric Y), both normalized so 1 = most
// sensitive. Ops on which the two disagree by more than half the range are drawn red. Painted by hand into a
// cached image, one pixel cell per op: Qt Charts' QScatterSeries would build one graphics item per point
// (qt-anchors §6.2). Spearman and Kendall correlations come from core's Agreement.
class RankScatterView : public QWidget
{
    Q_OBJECT
public:
    explicit RankScatterView(ProjectController* controller, QWidget* parent = nullptr);

    void setMetrics(int xMetric, int yMetric);
    int xMetric() const { return m_x; }
    int yMetric() const { return m_y; }
    const Agreement& agreement() const { return m_agreement; }
    int disagreeingOps() const { return m_disagreeing; }
    QSize sizeHint() const override { return { 480, 360 }; }

public slots:
    void rebuild();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    QRect plotRect() const;
    void renderPoints();

    ProjectController* m_controller;
    int m_x = 0;
    int m_y = 1;
    Agreement m_agreement;
    int m_disagreeing = 0;
    QImage m_points; // the plot area, re-rendered on data or size changes only
};

} // namespace qc::gui
