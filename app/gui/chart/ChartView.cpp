#include "ChartView.h"

#include <QGraphicsScene>
#include <QMouseEvent>

namespace qc::gui {

ChartView::ChartView(QChart* chart, QWidget* parent)
    : QChartView(chart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::NoRubberBand);
    setMouseTracking(true);
}

void ChartView::mousePressEvent(QMouseEvent* event)
{
    if (!itemAt(event->pos())) {
        event->ignore();
        return;
    }
    // Skip QChartView's rubber-band code path (the crash site) and go straight to the scene.
    QGraphicsView::mousePressEvent(event);
    if (event->button() == Qt::LeftButton && scene()->mouseGrabberItem() == nullptr)
        emit backgroundClicked(chart()->mapFromScene(mapToScene(event->pos())));
}

void ChartView::wheelEvent(QWheelEvent* event)
{
    event->ignore();
}

void ChartView::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    emit resized();
}

} // namespace qc::gui
