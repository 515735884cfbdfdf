#pragma once

#include "ZoomRange.h"

#include <QChartView>
#include <QPointer>

class QRubberBand;
class QValueAxis;

namespace qc::gui {

// The one QChartView the explorer uses. Guards Qt 6.4's QChartView::mousePressEvent, which dereferences
// itemAt() without a null check (QTBUG-118669), never uses OpenGL, and reports clicks that no item took (for
// selecting an op by clicking the plot).
//
// Zoom and pan, the same on every chart: wheel zooms around the pointer, a drag on the background zooms to
// its rubber band, the middle button pans, + - arrows pan and zoom from the keyboard, 0, Home or a double
// click resets. Views give their axes a home range (setHomeRange) instead of setting ranges themselves, so
// a rebuild keeps the user's zoom; zoomChanged tells them to re-decimate and re-place their overlays.
class ChartView : public QChartView
{
    Q_OBJECT
public:
    explicit ChartView(QChart* chart, QWidget* parent = nullptr);

    // The axes zoom acts on (either may be null: that direction does not zoom).
    void setZoomAxes(QValueAxis* x, QValueAxis* y);
    void setHomeRange(Qt::Orientation orientation, double lo, double hi);
    const ZoomRange& zoomRange(Qt::Orientation orientation) const
    {
        return orientation == Qt::Horizontal ? m_zoomX : m_zoomY;
    }
    bool isZoomed() const { return m_zoomX.isZoomed() || m_zoomY.isZoomed(); }
    // factor < 1 zooms in around a point in viewport coordinates.
    void zoomAt(double factor, const QPointF& viewportPos);
    void zoomToViewportRect(const QRectF& rect);
    void panByFraction(double dx, double dy); // of the visible span
    void resetZoom();
    // While a chart is rendered for an image: views drop what only makes sense on screen (hints).
    virtual void setExporting(bool exporting) { Q_UNUSED(exporting); }

signals:
    void backgroundClicked(const QPointF& chartPos); // in chart coordinates
    void resized();
    void zoomChanged();

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void applyZoom();
    QPointF valueAtViewport(const QPointF& viewportPos) const; // (x, y) in data units of the zoom axes

    QPointer<QValueAxis> m_axisX;
    QPointer<QValueAxis> m_axisY;
    ZoomRange m_zoomX;
    ZoomRange m_zoomY;
    QRubberBand* m_band = nullptr;
    QPoint m_pressPos;
    QPoint m_lastPanPos;
    bool m_pressedOnBackground = false;
    bool m_banding = false;
    bool m_panning = false;
};

} // namespace qc::gui
