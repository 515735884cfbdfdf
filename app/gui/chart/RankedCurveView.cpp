#include "RankedCurveView.h"

#include "CurveDecimator.h"
#include "CutBandsItem.h"
#include "CutHandle.h"
#include "NiceAxis.h"
#include "ProfileColors.h"
#include "ProjectController.h"
#include "profile/ProfileCutter.h"

#include <QGraphicsEllipseItem>
#include <QGraphicsScene>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace qc::gui {

RankedCurveView::RankedCurveView(ProjectController* controller, QWidget* parent)
    : ChartView(new QChart, parent)
    , m_controller(controller)
    , m_chart(chart())
    , m_curve(new QLineSeries)
    , m_axisX(new QValueAxis)
    , m_axisY(new QValueAxis)
{
    m_chart->setTitle(tr("Ranked curve: drag a handle to move a profile's cut"));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    // The curve's items paint from a pixmap: a drag step repaints a strip of the plot, and Qt Charts would
    // otherwise stroke the whole decimated path (thousands of points) for it.
    const QList<QGraphicsItem*> before = scene()->items();
    m_chart->addSeries(m_curve);
    for (QGraphicsItem* item : scene()->items()) {
        if (!before.contains(item))
            item->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
    }
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    m_curve->attachAxis(m_axisX);
    m_curve->attachAxis(m_axisY);
    m_curve->setPen(QPen(palette().color(QPalette::Text), 2.0));
    m_axisY->setRange(0.0, 1.0);
    m_axisY->setTickCount(6);
    m_axisY->setLabelFormat(QStringLiteral("%.1f"));
    m_axisY->setTitleText(tr("combined sensitivity (1 = most)"));

    m_bands = new CutBandsItem(m_chart);
    m_marker = new QGraphicsEllipseItem(-6, -6, 12, 12, m_chart);
    m_marker->setPen(QPen(selectionColor(palette()), 2.5));
    m_marker->setBrush(Qt::NoBrush);
    m_marker->setZValue(25);
    m_marker->setVisible(false);
    m_marker->setAcceptedMouseButtons(Qt::NoButton);

    connect(controller, &ProjectController::projectReset, this, &RankedCurveView::rebuild);
    connect(controller, &ProjectController::rankingChanged, this, &RankedCurveView::rebuild);
    connect(controller, &ProjectController::cutsChanged, this, &RankedCurveView::updateOverlay);
    connect(controller, &ProjectController::selectedOpChanged, this, &RankedCurveView::updateSelectionMarker);
    connect(m_chart, &QChart::plotAreaChanged, this, [this] {
        if (int(m_chart->plotArea().width()) != m_decimatedWidth)
            decimate();
        updateOverlay();
    });
    connect(this, &ChartView::backgroundClicked, this, &RankedCurveView::onBackgroundClicked);
    connect(this, &ChartView::zoomChanged, this, [this] {
        if (m_rebuilding)
            return;
        decimate(); // the visible range at the plot's pixel width: zooming in shows the detail
        updateOverlay();
    });
    setZoomAxes(m_axisX, m_axisY);
    rebuild();
}

void RankedCurveView::setExporting(bool exporting)
{
    // The drag hint is for the screen; an exported image says what it shows.
    m_chart->setTitle(exporting ? tr("Ranked curve and profile cuts")
                                : tr("Ranked curve: drag a handle to move a profile's cut"));
    // A cached item would go into an SVG as a picture, and into a high-DPI image scaled up from screen
    // pixels: an export paints every item itself.
    if (exporting) {
        m_cachedItems.clear();
        for (QGraphicsItem* item : scene()->items()) {
            if (item->cacheMode() != QGraphicsItem::NoCache) {
                item->setCacheMode(QGraphicsItem::NoCache);
                m_cachedItems.append(item);
            }
        }
    } else {
        for (QGraphicsItem* item : std::as_const(m_cachedItems))
            item->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
        m_cachedItems.clear();
    }
}

QString RankedCurveView::cutLabel(CutPlan::CutBy by, double cut)
{
    switch (by) {
    case CutPlan::CutBy::Count:
        return QString::number(cut, 'f', 0);
    case CutPlan::CutBy::Score:
        return QString::number(cut, 'f', 3);
    case CutPlan::CutBy::Bits:
        return tr("≤ %1 bits").arg(cut, 0, 'f', 2);
    case CutPlan::CutBy::MemoryGb:
        return tr("≤ %1 GB").arg(cut, 0, 'f', 2);
    case CutPlan::CutBy::Ops:
        return QString::number(cut * 100.0, 'f', 1) + tr("% of eligible");
    case CutPlan::CutBy::Params:
        return QString::number(cut * 100.0, 'f', 1) + tr("% of el. params");
    }
    return {};
}

QString RankedCurveView::axisTitle() const
{
    switch (m_controller->project().cutPlan().by) {
    case CutPlan::CutBy::Ops:
        return tr("fraction of eligible ops in INT8");
    case CutPlan::CutBy::Params:
        return tr("fraction of eligible params in INT8");
    case CutPlan::CutBy::Count:
        return tr("eligible ops in INT8 (count)");
    case CutPlan::CutBy::Score:
        return tr("sensitivity threshold (ops above stay)");
    case CutPlan::CutBy::Bits:
        return tr("effective bits per weight (budget; lower = more INT8)");
    case CutPlan::CutBy::MemoryGb:
        return tr("weight memory, GB (budget; lower = more INT8)");
    }
    return {};
}

double RankedCurveView::unitX(int position) const
{
    const Ranking& r = m_controller->project().ranking();
    const auto by = m_controller->project().cutPlan().by;
    if (by == CutPlan::CutBy::Score)
        return r.orderScore(position);
    return 0.5
        * (ProfileCutter::cutForUnits(r, by, position) + ProfileCutter::cutForUnits(r, by, position + 1));
}

void RankedCurveView::rebuild()
{
    const Project& p = m_controller->project();
    fillCurve(p.ranking(), p.cutPlan().by);
    const double maxCut = std::max(m_controller->maxCut(), 1e-9);
    const Ranking& r = p.ranking();
    const bool count = p.cutPlan().by == CutPlan::CutBy::Count;
    if (count) {
        const NiceRange range = NiceRange::compute(0.0, maxCut, 6);
        m_axisX->setTickCount(std::min(range.tickCount, 7));
        m_axisX->setLabelFormat(QStringLiteral("%d"));
    } else {
        m_axisX->setTickCount(11);
        m_axisX->setLabelFormat(QStringLiteral("%.1f"));
    }
    m_decimatedWidth = -1;
    const int n = r.eligibleUnits();
    // Each of these re-decimates and re-places the overlay on its zoomChanged: once at the end instead.
    m_rebuilding = true;
    if (CutPlan::isBudget(p.cutPlan().by)) {
        // A budget falls as units are added: the axis spans what quantizing none to all of them gives.
        const double low = ProfileCutter::cutForUnits(r, p.cutPlan().by, n);
        const double high = ProfileCutter::cutForUnits(r, p.cutPlan().by, 0);
        setHomeRange(Qt::Horizontal, low, std::max(high, low + 1e-9));
    } else {
        setHomeRange(Qt::Horizontal, 0.0, count ? maxCut : 1.0);
    }
    if (p.cutPlan().by != m_shownBy) {
        m_shownBy = p.cutPlan().by;
        resetZoom(); // another measure: the old zoom means nothing on the new axis
    }
    m_rebuilding = false;
    m_axisX->setTitleText(axisTitle());
    // Short enough for a 1280 px screen.
    m_curve->setName(tr("combined sensitivity (%1) of %n unit(s)", nullptr, n).arg(p.combine().toString()));
    decimate();
    rebuildHandles();
    updateOverlay();
}

void RankedCurveView::fillCurve(const Ranking& r, CutPlan::CutBy by)
{
    // One pass in order: each unit's x is the middle of its span, whose right end is the next one's left.
    const int n = r.eligibleUnits();
    m_xs.resize(size_t(n));
    m_ys.resize(size_t(n));
    double left = ProfileCutter::cutForUnits(r, by, 0);
    for (int k = 0; k < n; ++k) {
        const double score = r.orderScore(k);
        const double right = ProfileCutter::cutForUnits(r, by, k + 1);
        m_xs[size_t(k)] = by == CutPlan::CutBy::Score ? score : 0.5 * (left + right);
        m_ys[size_t(k)] = score;
        left = right;
    }
    m_xsSorted = std::is_sorted(m_xs.begin(), m_xs.end());
}

void RankedCurveView::decimate()
{
    const int width = std::max(1, int(m_chart->plotArea().width()));
    m_decimatedWidth = int(m_chart->plotArea().width());
    const ZoomRange& visible = zoomRange(Qt::Horizontal);
    if (!visible.isZoomed() || !m_xsSorted) {
        m_curve->replace(CurveDecimator::decimate(m_xs, m_ys, width)); // one replace: one geometry update
        return;
    }
    // Only what is visible, plus one point beyond each edge so the line runs to the plot's border.
    const auto first = std::lower_bound(m_xs.begin(), m_xs.end(), visible.lo());
    const auto last = std::upper_bound(m_xs.begin(), m_xs.end(), visible.hi());
    const size_t from = size_t(std::max<std::ptrdiff_t>(0, first - m_xs.begin() - 1));
    const size_t to = std::min(m_xs.size(), size_t(last - m_xs.begin()) + 1);
    const std::vector<double> xs(m_xs.begin() + std::ptrdiff_t(from), m_xs.begin() + std::ptrdiff_t(to));
    const std::vector<double> ys(m_ys.begin() + std::ptrdiff_t(from), m_ys.begin() + std::ptrdiff_t(to));
    m_curve->replace(CurveDecimator::decimate(xs, ys, width));
}

int RankedCurveView::seriesPointCount() const
{
    return int(m_curve->count());
}

void RankedCurveView::rebuildHandles()
{
    const int profiles = m_controller->project().profileCount();
    while (int(m_handles.size()) > profiles) {
        delete m_handles.back();
        m_handles.pop_back();
    }
    while (int(m_handles.size()) < profiles) {
        auto* handle = new CutHandle(int(m_handles.size()), m_chart);
        handle->setColor(profileColor(handle->profile()));
        connect(handle, &CutHandle::dragStarted, this, [this](int) {
            m_dragId = m_controller->beginDrag();
            m_dragProfile = -1;
        });
        connect(handle, &CutHandle::dragMoved, this, &RankedCurveView::onDragMoved);
        connect(handle, &CutHandle::dragFinished, this, [this](int) {
            m_dragId = 0;
            m_dragProfile = -1;
        });
        m_handles.push_back(handle);
    }
}

CutAxisMapping RankedCurveView::mapping() const
{
    return { m_chart->plotArea(), m_axisX->min(), m_axisX->max() };
}

QPoint RankedCurveView::handleViewportPos(int profile) const
{
    const CutHandle* handle = m_handles.at(size_t(profile));
    // The middle of the line, clear of the label boxes at the top.
    const QPointF chartPos(handle->pos().x(), m_chart->plotArea().center().y());
    return mapFromScene(m_chart->mapToScene(chartPos));
}

void RankedCurveView::updateOverlay()
{
    const Project& p = m_controller->project();
    if (int(m_handles.size()) != p.profileCount())
        rebuildHandles();
    const CutAxisMapping map = mapping();
    const QRectF plot = map.plotArea;
    QList<double> xs;
    QList<QColor> colors;
    constexpr int kRows = 4; // as many as the default four profiles need in the worst case
    double rowEnd[kRows] = { -1e9, -1e9, -1e9, -1e9 }; // right end of the last label in each row
    for (int i = 0; i < p.profileCount(); ++i) {
        const ProfileSpec& spec = p.cutPlan().profiles[size_t(i)];
        const double unclamped = map.xAt(spec.cut);
        const double x = std::clamp(unclamped, plot.left(), plot.right());
        // Zoomed past a cut: no handle at the edge that a drag would move to the edge's value.
        m_handles[size_t(i)]->setVisible(std::abs(unclamped - x) < 0.5);
        const ProfileCut& cut = p.cuts()[size_t(i)];
        // The cut's own measure says what it is of: the panel's percentages are of all ops.
        const QString measure = cutLabel(p.cutPlan().by, spec.cut);
        const QString label = QStringLiteral("%1 · %2 · %3 ops").arg(spec.name, measure).arg(cut.ops);
        // Stagger labels: the first row where this label clears the previous one, else the emptiest row.
        const auto [left, right] = CutHandle::labelSpan(x, plot, label);
        int row = int(std::min_element(rowEnd, rowEnd + kRows) - rowEnd);
        for (int r = 0; r < kRows; ++r) {
            if (left > rowEnd[r] + 12.0) {
                row = r;
                break;
            }
        }
        rowEnd[row] = std::max(rowEnd[row], right);
        m_handles[size_t(i)]->setGeometry(x, plot, label, row);
        // A label lies across the lines of the handles on its side: it must be drawn above them (labels
        // run right of their line, towards later profiles, unless flipped left near the plot's edge).
        const bool flipped = left < x;
        m_handles[size_t(i)]->setZValue(flipped ? 21.0 + 0.1 * i : 20.0 + 0.1 * (p.profileCount() - i));
        xs.append(x);
        colors.append(profileColor(i));
    }
    m_bands->setBands(plot, xs, colors, CutPlan::isBudget(p.cutPlan().by));
    updateSelectionMarker();
}

void RankedCurveView::updateSelectionMarker()
{
    const Project& p = m_controller->project();
    const int op = m_controller->selectedOp();
    const Ranking& r = p.ranking();
    if (op < 0 || size_t(op) >= r.unitOf.size() || r.unitOf[size_t(op)] < 0) {
        m_marker->setVisible(false);
        return;
    }
    const int position = r.units[size_t(r.unitOf[size_t(op)])].position;
    if (position < 0) {
        m_marker->setVisible(false);
        return;
    }
    const QPointF at = m_chart->mapToPosition(QPointF(unitX(position), r.orderScore(position)), m_curve);
    m_marker->setPos(at);
    m_marker->setVisible(m_chart->plotArea().adjusted(-1, -1, 1, 1).contains(at));
}

void RankedCurveView::onDragMoved(int profile, double chartX)
{
    const Project& p = m_controller->project();
    const double wanted = mapping().valueAt(chartX);
    const double snapped = ProfileCutter::snapCut(p.ranking(), p.cutPlan().by, wanted);
    if (m_dragProfile < 0) {
        if (snapped == p.cutPlan().profiles[size_t(profile)].cut)
            return; // no direction yet
        m_dragProfile = handleMovingTowards(profile, snapped);
    }
    m_controller->setCut(m_dragProfile, snapped, m_dragId);
}

int RankedCurveView::handleMovingTowards(int profile, double wanted) const
{
    // Handles on one spot are nested cuts that are equal: only the first can move left and only the last
    // right. The one on top (the grabbed one) is usually neither, and would stay stuck against the others.
    const auto& profiles = m_controller->project().cutPlan().profiles;
    const CutAxisMapping map = mapping();
    const double x = map.xAt(profiles[size_t(profile)].cut);
    auto coincides = [&](int other) { return std::abs(map.xAt(profiles[size_t(other)].cut) - x) < 1.0; };
    int pick = profile;
    if (wanted < profiles[size_t(profile)].cut) {
        while (pick > 0 && coincides(pick - 1))
            --pick;
    } else {
        while (pick + 1 < int(profiles.size()) && coincides(pick + 1))
            ++pick;
    }
    return pick;
}

void RankedCurveView::onBackgroundClicked(const QPointF& chartPos)
{
    const Project& p = m_controller->project();
    const Ranking& r = p.ranking();
    if (r.eligibleUnits() == 0 || !m_chart->plotArea().contains(chartPos))
        return;
    const double value = mapping().valueAt(chartPos.x());
    const int k = std::clamp(ProfileCutter::unitsForCut(r, p.cutPlan().by, value), 0, r.eligibleUnits() - 1);
    m_controller->setSelectedOp(r.units[size_t(r.order[size_t(k)])].members.front());
}

} // namespace qc::gui
