#include "ChartView.h"

#include "ProfileColors.h"

#include <QGraphicsScene>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QRubberBand>
#include <QValueAxis>
#include <QWheelEvent>
#include <cmath>

namespace qc::gui {

namespace {
constexpr int kDragThreshold = 6; // pixels before a press on the background becomes a rubber band
constexpr double kWheelStep = 0.8; // visible span per wheel notch
constexpr double kKeyPan = 0.1; // of the visible span per arrow key

// Enough decimals that neighbouring ticks differ however far the axis is zoomed in.
void makeLabelsReadable(QValueAxis* axis)
{
    if (!axis || axis->labelFormat().contains(QLatin1Char('d')) || axis->tickCount() < 2)
        return; // integer labels (counts) stay integers
    const double step = (axis->max() - axis->min()) / (axis->tickCount() - 1);
    const int decimals = step > 0 ? std::clamp(int(std::ceil(-std::log10(step) - 1e-9)), 1, 6) : 1;
    const QString format = QStringLiteral("%.%1f").arg(decimals);
    if (axis->labelFormat() != format)
        axis->setLabelFormat(format);
}
} // namespace

ChartView::ChartView(QChart* chart, QWidget* parent)
    : QChartView(chart, parent)
{
    // Before the views add series and axes: the theme decorates those, except for colours set explicitly.
    chart->setTheme(isDarkPalette(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::NoRubberBand); // QChartView's own band goes through the crashing code path
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus); // the zoom keys
    setToolTip(QString());
}

void ChartView::setZoomAxes(QValueAxis* x, QValueAxis* y)
{
    m_axisX = x;
    m_axisY = y;
    if (x)
        m_zoomX.setHome(x->min(), x->max());
    if (y)
        m_zoomY.setHome(y->min(), y->max());
    applyZoom();
}

void ChartView::setHomeRange(Qt::Orientation orientation, double lo, double hi)
{
    (orientation == Qt::Horizontal ? m_zoomX : m_zoomY).setHome(lo, hi);
    applyZoom();
}

void ChartView::applyZoom()
{
    if (m_axisX) {
        m_axisX->setRange(m_zoomX.lo(), m_zoomX.hi());
        makeLabelsReadable(m_axisX);
    }
    if (m_axisY) {
        m_axisY->setRange(m_zoomY.lo(), m_zoomY.hi());
        makeLabelsReadable(m_axisY);
    }
    emit zoomChanged();
}

QPointF ChartView::valueAtViewport(const QPointF& viewportPos) const
{
    const QRectF plot = chart()->plotArea();
    const QPointF at = chart()->mapFromScene(mapToScene(viewportPos.toPoint()));
    const double fx = plot.width() > 0 ? (at.x() - plot.left()) / plot.width() : 0.5;
    const double fy = plot.height() > 0 ? (plot.bottom() - at.y()) / plot.height() : 0.5;
    return { m_zoomX.valueAt(fx), m_zoomY.valueAt(fy) };
}

void ChartView::zoomAt(double factor, const QPointF& viewportPos)
{
    const QPointF anchor = valueAtViewport(viewportPos);
    if (m_axisX)
        m_zoomX.zoomAt(factor, anchor.x());
    if (m_axisY)
        m_zoomY.zoomAt(factor, anchor.y());
    applyZoom();
}

void ChartView::zoomToViewportRect(const QRectF& rect)
{
    const QPointF a = valueAtViewport(rect.topLeft());
    const QPointF b = valueAtViewport(rect.bottomRight());
    if (m_axisX)
        m_zoomX.zoomTo(a.x(), b.x());
    if (m_axisY)
        m_zoomY.zoomTo(a.y(), b.y());
    applyZoom();
}

void ChartView::panByFraction(double dx, double dy)
{
    if (m_axisX)
        m_zoomX.pan(dx * m_zoomX.span());
    if (m_axisY)
        m_zoomY.pan(dy * m_zoomY.span());
    applyZoom();
}

void ChartView::resetZoom()
{
    m_zoomX.reset();
    m_zoomY.reset();
    applyZoom();
}

void ChartView::mousePressEvent(QMouseEvent* event)
{
    m_pressedOnBackground = false;
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_lastPanPos = event->pos();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (!itemAt(event->pos())) {
        event->ignore();
        return;
    }
    // Skip QChartView's rubber-band code path (the crash site) and go straight to the scene.
    QGraphicsView::mousePressEvent(event);
    if (event->button() == Qt::LeftButton && scene()->mouseGrabberItem() == nullptr) {
        m_pressedOnBackground = true;
        m_pressPos = event->pos();
    }
}

void ChartView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_panning) {
        const QRectF plot = chart()->plotArea();
        const QPoint d = event->pos() - m_lastPanPos;
        m_lastPanPos = event->pos();
        if (plot.width() > 0 && plot.height() > 0)
            panByFraction(-d.x() / plot.width(), d.y() / plot.height());
        return;
    }
    if (m_pressedOnBackground && (event->buttons() & Qt::LeftButton)) {
        if (!m_banding && (event->pos() - m_pressPos).manhattanLength() > kDragThreshold) {
            m_banding = true;
            if (!m_band)
                m_band = new QRubberBand(QRubberBand::Rectangle, viewport());
            m_band->show();
        }
        if (m_banding) {
            m_band->setGeometry(QRect(m_pressPos, event->pos()).normalized());
            return;
        }
    }
    QGraphicsView::mouseMoveEvent(event);
}

void ChartView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_panning && event->button() == Qt::MiddleButton) {
        m_panning = false;
        unsetCursor();
        return;
    }
    const bool wasBackground = std::exchange(m_pressedOnBackground, false);
    if (m_banding) {
        m_banding = false;
        m_band->hide();
        const QRect rect = QRect(m_pressPos, event->pos()).normalized();
        if (rect.width() > kDragThreshold || rect.height() > kDragThreshold)
            zoomToViewportRect(rect);
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
    if (wasBackground && event->button() == Qt::LeftButton)
        emit backgroundClicked(chart()->mapFromScene(mapToScene(m_pressPos)));
}

void ChartView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && !scene()->mouseGrabberItem() && isZoomed()) {
        resetZoom();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void ChartView::wheelEvent(QWheelEvent* event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0.0 || (!m_axisX && !m_axisY)) {
        event->ignore();
        return;
    }
    zoomAt(std::pow(kWheelStep, notches), event->position());
    event->accept();
}

void ChartView::keyPressEvent(QKeyEvent* event)
{
    const QPointF centre = mapFromScene(chart()->mapToScene(chart()->plotArea().center()));
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAt(kWheelStep, centre);
        break;
    case Qt::Key_Minus:
        zoomAt(1.0 / kWheelStep, centre);
        break;
    case Qt::Key_Left:
        panByFraction(-kKeyPan, 0.0);
        break;
    case Qt::Key_Right:
        panByFraction(kKeyPan, 0.0);
        break;
    case Qt::Key_Up:
        panByFraction(0.0, kKeyPan);
        break;
    case Qt::Key_Down:
        panByFraction(0.0, -kKeyPan);
        break;
    case Qt::Key_0:
    case Qt::Key_Home:
        resetZoom();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void ChartView::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    emit resized();
}

} // namespace qc::gui
