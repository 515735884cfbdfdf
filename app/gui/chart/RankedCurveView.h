#pragma once

#include "ChartView.h"
#include "CutAxisMapping.h"
#include "profile/CutPlan.h"

#include <vector>

class QLineSeries;
class QValueAxis;
class QGraphicsEllipseItem;
class QGraphicsItem;

namespace qc {
struct Ranking;
}

namespace qc::gui {

class CutBandsItem;
class CutHandle;
class ProjectController;

// The ranked curve: the combined sensitivity of the eligible units, least sensitive first, on the cut's own
// measure (fraction of ops, of parameters, op count or score), with one draggable handle per profile and the
// region each profile quantizes shaded. The series is rebuilt (decimated) only when the ranking or the
// width changes; a drag moves the handles and bands only.
class RankedCurveView : public ChartView
{
    Q_OBJECT
public:
    explicit RankedCurveView(ProjectController* controller, QWidget* parent = nullptr);

    CutAxisMapping mapping() const;
    // Where the handle of a profile is, in viewport coordinates (for tests and the benchmark).
    QPoint handleViewportPos(int profile) const;
    const std::vector<CutHandle*>& handles() const { return m_handles; }
    int seriesPointCount() const;
    // The x (cut measure) of the unit at an order position, the centre of its span.
    double unitX(int position) const;

    void setExporting(bool exporting) override;

public slots:
    void rebuild();
    void updateOverlay();

private:
    void rebuildHandles();
    // The curve's points (m_xs, m_ys) for the ranking on a measure.
    void fillCurve(const Ranking& r, CutPlan::CutBy by);
    void decimate();
    void updateSelectionMarker();
    void onDragMoved(int profile, double chartX);
    // Of the handles drawn on the same spot as profile's, the one that can move towards wanted.
    int handleMovingTowards(int profile, double wanted) const;
    void onBackgroundClicked(const QPointF& chartPos);
    // What a cut value means, as the handle labels it.
    static QString cutLabel(CutPlan::CutBy by, double cut);
    QString axisTitle() const;

    ProjectController* m_controller;
    QChart* m_chart;
    QLineSeries* m_curve;
    QValueAxis* m_axisX;
    QValueAxis* m_axisY;
    CutBandsItem* m_bands;
    QGraphicsEllipseItem* m_marker;
    std::vector<CutHandle*> m_handles;
    QList<QGraphicsItem*> m_cachedItems; // while exporting: the items that paint from a cache on screen
    std::vector<double> m_xs; // per order position
    std::vector<double> m_ys;
    int m_decimatedWidth = -1;
    bool m_xsSorted = true; // score cuts may not be: then the whole curve is decimated
    bool m_rebuilding = false;
    CutPlan::CutBy m_shownBy = CutPlan::CutBy::Ops;
    int m_dragId = 0;
    int m_dragProfile = -1; // the profile a drag moves, once its direction picked it; -1 before
};

} // namespace qc::gui
