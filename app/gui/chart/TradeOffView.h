#pragma once

#include "ChartView.h"
#include "tradeoff/TradeOff.h"

#include <QList>
#include <vector>

class QGraphicsSimpleTextItem;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace qc::gui {

class ProjectController;

// Quality against compression: one outcome metric on y against a compression measure on x, one scatter series
// per framework, the baseline as a dashed line, stderr as bars, the Pareto front as a line through its
// points. More compression is always to the right (memory and bits run right to left). Hovering names the
// profile and its numbers, a click selects the profile everywhere (the controller's selected profile, ringed
// here). Hit testing is done here rather than by the scatter items: Qt 6.4 crashes on clicks on scatter
// points (QTBUG-115072, qt-anchors §6.8). Rebuilt only while shown, as a drag re-cuts at every step.
class TradeOffView : public ChartView
{
    Q_OBJECT
public:
    using Measure = CompressionMeasure::Kind;

    explicit TradeOffView(ProjectController* controller, QWidget* parent = nullptr);

    const TradeOff& tradeOff() const { return m_tradeOff; }
    int metric() const { return m_metric; }
    Measure measure() const { return m_measure; }
    void setMetric(int metric);
    void setMeasure(Measure measure);

    // The point of the current metric under a viewport position (within a few pixels), -1 for none; where a
    // point is drawn; what hovering it says.
    int pointAt(const QPoint& viewportPos) const;
    QPoint pointPosition(int point) const;
    QString pointToolTip(int point) const;
    // What is drawn, for tests: the framework series' points, the front line, the baseline's y (NaN: none).
    QList<QScatterSeries*> frameworkSeries() const { return m_frameworkSeries; }
    QList<QPointF> frontLine() const;
    double baselineY() const;
    // x as drawn: weight memory in the unit the axis states (GB, MB or kB), the others as they are.
    double displayX(double x) const { return x * m_xScale; }

public slots:
    void rebuild();

signals:
    void rebuilt(); // the metrics or their points may have changed: choosers refresh

protected:
    void showEvent(QShowEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    void rebuildIfShown();
    void updateSelection();
    void placeLabels();
    const TradeOff::Metric* currentMetric() const;

    ProjectController* m_controller;
    TradeOff m_tradeOff;
    int m_metric = 0;
    Measure m_measure = Measure::WeightMemory;
    double m_xScale = 1.0;
    bool m_dirty = false;
    QValueAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
    QList<QScatterSeries*> m_frameworkSeries;
    QScatterSeries* m_selected = nullptr;
    QLineSeries* m_front = nullptr;
    QLineSeries* m_baseline = nullptr;
    QList<QGraphicsSimpleTextItem*> m_labels; // per point of the current metric (null: not drawn)
};

} // namespace qc::gui
