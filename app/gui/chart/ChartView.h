#pragma once

#include <QChartView>

namespace qc::gui {

// The one QChartView the explorer uses. Guards Qt 6.4's QChartView::mousePressEvent, which dereferences
// itemAt() without a null check (QTBUG-118669), lets wheel events through to scroll areas (QTBUG-119712),
// never uses OpenGL, and reports clicks that no item took (for selecting an op by clicking the plot).
class ChartView : public QChartView
{
    Q_OBJECT
public:
    explicit ChartView(QChart* chart, QWidget* parent = nullptr);

signals:
    void backgroundClicked(const QPointF& chartPos); // in chart coordinates
    void resized();

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
};

} // namespace qc::gui
