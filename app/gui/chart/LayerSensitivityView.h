#pragma once

#include "ChartView.h"

#include <QString>
#include <array>
#include <cmath>
#include <vector>

class QAbstractAxis;
class QScatterSeries;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;
class QGraphicsTextItem;

namespace qc::gui {

class GroupAxisItem;
class ProjectController;

// Per-layer sensitivity: x = one slot per (component, layer), components laid out one after another in model
// order (vision blocks, merger, language layers) with light separators; one line per metric of the
// per-layer mean (or max) of its normalized rank, of min-max normalized values, or raw values on a log axis.
// A handful of points per series (one per layer), so it is rebuilt whole on every ranking change.
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
    void updateSelection();
    void onBackgroundClicked(const QPointF& chartPos);
    void updateLegend();
    void addUnrankedSeries(QAbstractAxis* axisX, QAbstractAxis* axisY, double baseline);
    void buildGapLabels();
    void placeGapLabels();
    void layoutDecorations();

    ProjectController* m_controller;
    Mode m_mode = Mode::MeanRank;
    std::vector<Slot> m_slots;
    std::vector<int> m_slotOfOp;
    QScatterSeries* m_violationSeries = nullptr; // one point per layer with a violation: a few dozen at most
    QScatterSeries* m_noSignalSeries = nullptr;
    QScatterSeries* m_notCandidateSeries = nullptr;
    std::vector<QGraphicsSimpleTextItem*> m_gapLabels; // "no signal · not ranked" over unranked stretches
    std::vector<std::pair<int, int>> m_gapRuns; // their first and last slot
    QGraphicsLineItem* m_selectionLine;
    QGraphicsTextItem* m_legend;
    GroupAxisItem* m_groupAxis;
    QString m_title;
    std::vector<std::vector<double>> m_slotValues; // per metric, per slot: what the line shows (NaN: none)
    std::vector<std::vector<std::array<int, 4>>> m_slotEvidence; // per metric, per slot: ops per Evidence
    bool m_legendShowsViolations = false;
    double m_violationY = 0.0;
};

} // namespace qc::gui
