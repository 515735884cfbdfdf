#pragma once

#include "ZoomRange.h"
#include "ranking/Agreement.h"

#include <QImage>
#include <QWidget>

class QRubberBand;
#include <vector>

namespace qc::gui {

class ProjectController;

// Metric against metric: each op at (rank by metric X, rank by metric Y), both normalized so 1 = most
// sensitive. Ops on which the two disagree by more than half the range are drawn as squares in the text
// colour (red is for violations). Zooms and pans like the charts (wheel, rubber band, middle button, keys,
// 0 / double click to reset); hovering names the op under the pointer. Painted by hand into a
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
    // Computed when first asked for after a change (a hidden view defers the work).
    const Agreement& agreement();
    int disagreeingOps();
    QSize sizeHint() const override { return { 480, 360 }; }
    const ZoomRange& zoomRange(Qt::Orientation orientation) const
    {
        return orientation == Qt::Horizontal ? m_zoomX : m_zoomY;
    }
    void zoomAt(double factor, const QPointF& pos);
    void zoomToRect(const QRect& rect); // widget coordinates
    void resetZoom();
    // The op drawn nearest to pos within a few pixels, -1 for none; and what hovering it says.
    int opAt(const QPoint& pos) const;
    QString opToolTip(int op) const;
    QRect plotRect() const;

public slots:
    void rebuild();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void refresh(); // correlations and points of the current metrics
    void renderPoints();
    void zoomChanged();
    QPointF toPixel(double a, double b) const; // ranks to widget coordinates
    QPointF toRanks(const QPointF& pos) const;

    ProjectController* m_controller;
    int m_x = 0;
    int m_y = 1;
    Agreement m_agreement;
    int m_disagreeing = 0;
    bool m_stale = true; // the ranking changed since the correlations and points were computed
    QImage m_points; // the plot area, re-rendered on data, zoom or size changes only
    ZoomRange m_zoomX;
    ZoomRange m_zoomY;
    QRubberBand* m_band = nullptr;
    QPoint m_pressPos;
    QPoint m_lastPanPos;
    bool m_banding = false;
    bool m_panning = false;
};

} // namespace qc::gui
