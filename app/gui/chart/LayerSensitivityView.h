#pragma once

#include "ChartView.h"

#include <QList>
#include <QPointF>
#include <QString>
#include <array>
#include <cmath>
#include <vector>

class QAbstractAxis;
class QAbstractSeries;
class QCategoryAxis;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QValueAxis;
class QXYSeries;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;
class QGraphicsTextItem;

namespace qc::gui {

class GroupAxisItem;
class ProjectController;

// Per-layer sensitivity: x = one slot per (component, layer), components laid out one after another in model
// order (vision blocks, merger, language layers) with light separators; one line per metric of the
// per-layer mean (or max) of its normalized rank, of min-max normalized values, or raw values on a log axis.
// A handful of points per series (one per layer). The axes and series are made once and updated in place:
// Qt Charts 6.4 leaves the graphics items of a removed axis or series in the scene, where they are painted
// on every later frame.
// The x labels (decimated layer numbers, component names) are a GroupAxisItem below the plot, the legend a
// wrapping text item at the top (Qt's legend truncates long entries); hovering shows a layer's values.
class LayerSensitivityView : public ChartView
{
    Q_OBJECT
public:
    enum class Mode { MeanRank, MaxRank, MinMax, RawLog };

    explicit LayerSensitivityView(ProjectController* controller, QWidget* parent = nullptr);

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }

    struct Slot
    {
        QString component;
        int layer = -1;
    };
    const std::vector<Slot>& layerSlots() const { return m_slots; }
    int slotOfOp(int op) const;
    const GroupAxisItem* groupAxis() const { return m_groupAxis; }
    // Hollow grey markers on the baseline, one per layer with no-signal (not-candidate) values.
    const QScatterSeries* noSignalSeries() const { return m_noSignalSeries; }
    const QScatterSeries* notCandidateSeries() const { return m_notCandidateSeries; }
    // The layer stretches labelled "no signal · not ranked": first and last slot.
    const std::vector<std::pair<int, int>>& gapRuns() const { return m_gapRuns; }
    // What a metric's line shows at a slot (NaN: no point there).
    double slotValue(int metric, int slot) const
    {
        return size_t(metric) < m_slotValues.size() && size_t(slot) < m_slots.size()
            ? m_slotValues[size_t(metric)][size_t(slot)]
            : NAN;
    }
    QString legendText() const; // plain text of the legend
    QString slotToolTip(int slot) const;
    int slotAt(const QPointF& chartPos) const; // -1 outside the plot's x range

protected:
    void mouseMoveEvent(QMouseEvent* event) override;

public slots:
    void rebuild();
    void updateViolations();

private:
    void reset(); // a new inventory: new slots, then rebuild
    void buildSlots();
    void createAxes();
    void updateAxisX(); // the component separators and group labels, from the slots
    void showAxisY(QAbstractAxis* axis);
    void ensureLines(size_t count);
    void attachToAxes(QAbstractSeries* series);
    // Sets what the metrics' lines show and returns the range of the values shown.
    std::pair<double, double> updateLines();
    void updateSelection();
    void onBackgroundClicked(const QPointF& chartPos);
    void updateLegend();
    QScatterSeries* createMarkerSeries(const QString& name);
    static void replaceIfChanged(QXYSeries* series, const QList<QPointF>& points);
    void updateUnrankedSeries(double baseline);
    void buildGapLabels();
    void placeGapLabels();
    void layoutDecorations();

    ProjectController* m_controller;
    Mode m_mode = Mode::MeanRank;
    std::vector<Slot> m_slots;
    std::vector<int> m_slotOfOp;
    QCategoryAxis* m_axisX;
    QValueAxis* m_axisLinear;
    QLogValueAxis* m_axisLog;
    QAbstractAxis* m_axisY = nullptr; // the one of the two the chart shows
    std::vector<QLineSeries*> m_lines; // one per metric; more are hidden (a new inventory with fewer metrics)
    QScatterSeries* m_noSignalSeries;
    QScatterSeries* m_notCandidateSeries;
    QScatterSeries* m_violationSeries; // one point per layer with a violation: a few dozen at most
    std::vector<QGraphicsSimpleTextItem*> m_gapLabels; // "no signal · not ranked" over unranked stretches
    std::vector<std::pair<int, int>> m_gapRuns; // their first and last slot
    QGraphicsLineItem* m_selectionLine;
    QGraphicsTextItem* m_legend;
    GroupAxisItem* m_groupAxis;
    QString m_title;
    QString m_legendHtml; // what m_legend shows: setting it again lays the document out again
    std::vector<std::vector<double>> m_slotValues; // per metric, per slot: what the line shows (NaN: none)
    std::vector<std::vector<std::array<int, 4>>> m_slotEvidence; // per metric, per slot: ops per Evidence
    bool m_legendShowsViolations = false;
    double m_violationY = 0.0;
};

} // namespace qc::gui
