#include "TradeOffView.h"

#include "NiceAxis.h"
#include "ProfileColors.h"
#include "ProjectController.h"

#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <cmath>

namespace qc::gui {

namespace {
constexpr double kHitRadius = 10.0; // pixels

QScatterSeries::MarkerShape frameworkShape(int framework)
{
    static const QScatterSeries::MarkerShape shapes[]
        = { QScatterSeries::MarkerShapeCircle, QScatterSeries::MarkerShapeRectangle,
              QScatterSeries::MarkerShapeTriangle, QScatterSeries::MarkerShapeRotatedRectangle,
              QScatterSeries::MarkerShapePentagon, QScatterSeries::MarkerShapeStar };
    return shapes[framework % 6];
}

void hideFromLegend(QChart* chart, QAbstractSeries* series)
{
    for (QLegendMarker* marker : chart->legend()->markers(series))
        marker->setVisible(false);
}
} // namespace

TradeOffView::TradeOffView(ProjectController* controller, QWidget* parent)
    : ChartView(new QChart, parent)
    , m_controller(controller)
{
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries); // the frameworks differ by shape too
    chart()->setMargins(QMargins(6, 6, 6, 6));
    for (const auto signal : { &ProjectController::projectReset, &ProjectController::rankingChanged,
             &ProjectController::cutsChanged, &ProjectController::outcomesChanged })
        connect(controller, signal, this, &TradeOffView::rebuildIfShown);
    connect(controller, &ProjectController::selectedProfileChanged, this, &TradeOffView::updateSelection);
    connect(chart(), &QChart::plotAreaChanged, this, &TradeOffView::placeLabels);
    connect(this, &ChartView::zoomChanged, this, &TradeOffView::placeLabels);
    rebuild();
}

void TradeOffView::setMetric(int metric)
{
    if (metric == m_metric)
        return;
    m_metric = metric;
    rebuild();
}

void TradeOffView::setMeasure(Measure measure)
{
    if (measure == m_measure)
        return;
    m_measure = measure;
    rebuild();
}

void TradeOffView::rebuildIfShown()
{
    if (isVisible())
        rebuild();
    else
        m_dirty = true;
}

void TradeOffView::showEvent(QShowEvent* event)
{
    ChartView::showEvent(event);
    if (std::exchange(m_dirty, false))
        rebuild();
}

const TradeOff::Metric* TradeOffView::currentMetric() const
{
    return m_metric >= 0 && size_t(m_metric) < m_tradeOff.metrics().size()
        ? &m_tradeOff.metrics()[size_t(m_metric)]
        : nullptr;
}

void TradeOffView::rebuild()
{
    m_dirty = false;
    m_tradeOff = TradeOff::build(m_controller->project());
    QChart* c = chart();
    c->removeAllSeries();
    for (QAbstractAxis* axis : c->axes())
        c->removeAxis(axis), delete axis;
    qDeleteAll(m_labels);
    m_labels.clear();
    m_frameworkSeries.clear();
    m_selected = nullptr;
    m_front = nullptr;
    m_baseline = nullptr;
    m_axisX = new QValueAxis;
    m_axisY = new QValueAxis;
    c->addAxis(m_axisX, Qt::AlignBottom);
    c->addAxis(m_axisY, Qt::AlignLeft);
    const TradeOff::Metric* m = currentMetric();
    if (!m) {
        c->setTitle(tr("No measured outcomes: open a results file (File > Open) to see quality against "
                       "compression"));
        setZoomAxes(nullptr, nullptr);
        emit rebuilt();
        return;
    }
    // Weight memory in a unit that gives readable ticks: a tiny test model has kilobytes.
    double maxX = 0.0;
    for (const TradeOff::Point& p : m->points) {
        if (!std::isnan(p.x(m_measure)))
            maxX = std::max(maxX, p.x(m_measure));
    }
    QString xTitle = CompressionMeasure::title(m_measure);
    m_xScale = 1.0;
    if (m_measure == Measure::WeightMemory && maxX > 0 && maxX < 1e-3) {
        m_xScale = 1e6;
        xTitle = tr("Weight memory (kB)");
    } else if (m_measure == Measure::WeightMemory && maxX > 0 && maxX < 1.0) {
        m_xScale = 1e3;
        xTitle = tr("Weight memory (MB)");
    } else if (m_measure == Measure::Int8Ops || m_measure == Measure::Int8Params) {
        m_xScale = 100.0;
        xTitle += tr(" (%)");
    }
    c->setTitle(tr("%1 against %2").arg(m->name, xTitle.section(QLatin1String(" ("), 0, 0).toLower()));
    m_axisX->setTitleText(xTitle
        + (CompressionMeasure::higherIsMoreCompressed(m_measure) ? QString()
                                                                 : tr(", more compression to the right")));
    m_axisY->setTitleText(
        m->name + (m->higherIsBetter ? tr(" (higher is better)") : tr(" (lower is better)")));
    // Memory and bits shrink with compression: reversed, so that right means more compressed on every
    // measure.
    m_axisX->setReverse(!CompressionMeasure::higherIsMoreCompressed(m_measure));

    double xLo = INFINITY, xHi = -INFINITY, yLo = INFINITY, yHi = -INFINITY;
    const auto extend = [&](double x, double y) {
        xLo = std::min(xLo, x), xHi = std::max(xHi, x), yLo = std::min(yLo, y), yHi = std::max(yHi, y);
    };
    const QStringList& frameworks = m_tradeOff.frameworks();
    auto* stale = new QScatterSeries;
    stale->setName(tr("stale (profile changed since)"));
    stale->setMarkerSize(11);
    stale->setColor(Qt::transparent);
    stale->setBorderColor(unrankedColor());
    // The bars first, so that the markers are drawn over them.
    for (const TradeOff::Point& p : m->points) {
        const double x = p.x(m_measure);
        if (std::isnan(x))
            continue;
        extend(displayX(x), p.value);
        if (p.stale)
            stale->append(displayX(x), p.value);
        const int f = int(frameworks.indexOf(p.framework));
        if (!std::isnan(p.standardError) && p.standardError > 0) {
            auto* bar = new QLineSeries; // one segment per point: a handful of points, no graphics-item flood
            bar->append(displayX(x), p.value - p.standardError);
            bar->append(displayX(x), p.value + p.standardError);
            bar->setPen(QPen(p.stale ? unrankedColor() : frameworkColor(f), 1.5));
            c->addSeries(bar);
            bar->attachAxis(m_axisX);
            bar->attachAxis(m_axisY);
            hideFromLegend(c, bar);
            extend(displayX(x), p.value - p.standardError);
            extend(displayX(x), p.value + p.standardError);
        }
    }
    for (int f = 0; f < frameworks.size(); ++f) {
        auto* series = new QScatterSeries;
        series->setName(frameworkDisplayName(frameworks[f]));
        series->setMarkerShape(frameworkShape(f));
        series->setMarkerSize(11);
        series->setColor(frameworkColor(f));
        series->setBorderColor(frameworkColor(f).darker(130));
        for (const TradeOff::Point& p : m->points) {
            if (p.framework == frameworks[f] && !p.stale && !std::isnan(p.x(m_measure)))
                series->append(displayX(p.x(m_measure)), p.value);
        }
        c->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
        m_frameworkSeries.append(series);
        if (series->count() == 0)
            hideFromLegend(c, series); // a framework measured on other metrics only
    }
    c->addSeries(stale);
    stale->attachAxis(m_axisX);
    stale->attachAxis(m_axisY);
    if (stale->count() == 0)
        hideFromLegend(c, stale);
    if (!std::isnan(m->baseline))
        yLo = std::min(yLo, m->baseline), yHi = std::max(yHi, m->baseline);
    if (!std::isfinite(xLo)) { // no point has this measure (an inventory without parameter counts)
        xLo = 0.0, xHi = 1.0;
        if (!std::isfinite(yLo))
            yLo = 0.0, yHi = 1.0;
    }
    const double xPad = xHi > xLo ? 0.08 * (xHi - xLo) : std::max(std::abs(xHi) * 0.05, 1e-9);
    const double yPad = yHi > yLo ? 0.12 * (yHi - yLo) : std::max(std::abs(yHi) * 0.05, 1e-9);
    const NiceRange xr = NiceRange::compute(xLo - xPad, xHi + xPad, 6);
    const NiceRange yr = NiceRange::compute(yLo - yPad, yHi + yPad, 6);
    m_axisX->setTickCount(xr.tickCount);
    m_axisY->setTickCount(yr.tickCount);
    if (!std::isnan(m->baseline)) {
        m_baseline = new QLineSeries;
        m_baseline->setName(tr("baseline %1").arg(TradeOff::number(m->baseline)));
        m_baseline->append(xr.min, m->baseline);
        m_baseline->append(xr.max, m->baseline);
        QPen pen(palette().color(QPalette::Text), 1.5, Qt::DashLine);
        m_baseline->setPen(pen);
        c->addSeries(m_baseline);
        m_baseline->attachAxis(m_axisX);
        m_baseline->attachAxis(m_axisY);
    }
    const std::vector<int> front = m_tradeOff.front(m_metric, m_measure);
    if (!front.empty()) {
        m_front = new QLineSeries;
        m_front->setName(tr("Pareto front"));
        for (const int i : front) {
            const TradeOff::Point& p = m->points[size_t(i)];
            m_front->append(displayX(p.x(m_measure)), p.value);
        }
        m_front->setPen(QPen(palette().color(QPalette::Text), 1.2, Qt::DotLine));
        c->addSeries(m_front);
        m_front->attachAxis(m_axisX);
        m_front->attachAxis(m_axisY);
    }
    m_selected = new QScatterSeries;
    m_selected->setMarkerSize(19);
    m_selected->setColor(Qt::transparent);
    m_selected->setBorderColor(selectionColor(palette()));
    m_selected->setPen(QPen(selectionColor(palette()), 2.0));
    c->addSeries(m_selected);
    m_selected->attachAxis(m_axisX);
    m_selected->attachAxis(m_axisY);
    hideFromLegend(c, m_selected);
    // Profile names beside their points, so a printed chart reads without hovering: once per profile, at its
    // best value (its frameworks share one x).
    for (const TradeOff::Point& p : m->points) {
        QGraphicsSimpleTextItem* label = nullptr;
        const bool best = std::none_of(m->points.begin(), m->points.end(), [&](const TradeOff::Point& o) {
            return o.profile == p.profile && (o.value > p.value || (o.value == p.value && &o < &p));
        });
        if (!std::isnan(p.x(m_measure)) && best) {
            label = new QGraphicsSimpleTextItem(p.profile, c);
            label->setBrush(palette().color(QPalette::Text));
            label->setZValue(30);
        }
        m_labels.append(label);
    }
    setZoomAxes(m_axisX, m_axisY);
    setHomeRange(Qt::Horizontal, xr.min, xr.max);
    setHomeRange(Qt::Vertical, yr.min, yr.max);
    updateSelection();
    placeLabels();
    emit rebuilt();
}

void TradeOffView::placeLabels()
{
    const TradeOff::Metric* m = currentMetric();
    if (!m || m_frameworkSeries.isEmpty())
        return;
    const QRectF plot = chart()->plotArea();
    for (int i = 0; i < m_labels.size() && i < int(m->points.size()); ++i) {
        QGraphicsSimpleTextItem* label = m_labels[i];
        if (!label)
            continue;
        const TradeOff::Point& p = m->points[size_t(i)];
        const QPointF at
            = chart()->mapToPosition(QPointF(displayX(p.x(m_measure)), p.value), m_frameworkSeries.front());
        label->setPos(at + QPointF(8, -label->boundingRect().height() - 2));
        label->setVisible(plot.contains(at));
    }
}

void TradeOffView::updateSelection()
{
    const TradeOff::Metric* m = currentMetric();
    if (!m_selected || !m)
        return;
    QList<QPointF> ring;
    const int selected = m_controller->selectedProfile();
    for (const TradeOff::Point& p : m->points) {
        if (selected >= 0 && p.profileIndex == selected && !std::isnan(p.x(m_measure)))
            ring.append(QPointF(displayX(p.x(m_measure)), p.value));
    }
    m_selected->replace(ring);
}

QList<QPointF> TradeOffView::frontLine() const
{
    return m_front ? m_front->points() : QList<QPointF>();
}

double TradeOffView::baselineY() const
{
    const TradeOff::Metric* m = currentMetric();
    return m ? m->baseline : std::nan("");
}

QPoint TradeOffView::pointPosition(int point) const
{
    const TradeOff::Metric* m = currentMetric();
    if (!m || point < 0 || size_t(point) >= m->points.size() || m_frameworkSeries.isEmpty())
        return { -1, -1 };
    const TradeOff::Point& p = m->points[size_t(point)];
    const QPointF at
        = chart()->mapToPosition(QPointF(displayX(p.x(m_measure)), p.value), m_frameworkSeries.front());
    return mapFromScene(chart()->mapToScene(at));
}

int TradeOffView::pointAt(const QPoint& viewportPos) const
{
    const TradeOff::Metric* m = currentMetric();
    if (!m)
        return -1;
    int best = -1;
    double bestDistance = kHitRadius;
    for (int i = 0; i < int(m->points.size()); ++i) {
        if (std::isnan(m->points[size_t(i)].x(m_measure)))
            continue;
        const double d = QLineF(pointPosition(i), viewportPos).length();
        if (d <= bestDistance)
            best = i, bestDistance = d;
    }
    return best;
}

QString TradeOffView::pointToolTip(int point) const
{
    const TradeOff::Metric* m = currentMetric();
    if (!m || point < 0 || size_t(point) >= m->points.size())
        return {};
    const TradeOff::Point& p = m->points[size_t(point)];
    QString tip = tr("<b>%1</b> with %2")
                      .arg(p.profile.toHtmlEscaped(), frameworkDisplayName(p.framework).toHtmlEscaped());
    tip += QStringLiteral("<br>%1: %2").arg(m->name.toHtmlEscaped(), TradeOff::number(p.value));
    if (!std::isnan(p.standardError))
        tip += QStringLiteral(" ± ") + TradeOff::number(p.standardError);
    if (!std::isnan(p.delta))
        tip += tr(" (%1, %2% against the baseline %3)")
                   .arg(TradeOff::signedNumber(p.delta), TradeOff::signedNumber(100.0 * p.relativeDelta),
                       TradeOff::number(m->baseline));
    QStringList measures;
    for (const Measure k : CompressionMeasure::kAll)
        measures.append(CompressionMeasure::title(k).section(QLatin1String(" ("), 0, 0) + QStringLiteral(": ")
            + CompressionMeasure::format(k, p.x(k)));
    tip += QStringLiteral("<br>") + measures.join(QStringLiteral("<br>"));
    const std::vector<int> front = m_tradeOff.front(m_metric, m_measure);
    if (std::find(front.begin(), front.end(), point) != front.end())
        tip += tr("<br>on the Pareto front");
    if (p.stale)
        tip += tr("<br><b>stale</b>: the profile's INT8 ops changed since this was measured");
    tip += tr("<br>from %1").arg(p.file.toHtmlEscaped());
    if (!p.notes.isEmpty())
        tip += QStringLiteral("<br><i>%1</i>").arg(p.notes.toHtmlEscaped());
    return tip;
}

void TradeOffView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        const int point = pointAt(event->position().toPoint());
        if (point >= 0) {
            m_controller->setSelectedProfile(currentMetric()->points[size_t(point)].profileIndex);
            event->accept();
            return; // never into QChartView's scatter click path
        }
    }
    ChartView::mousePressEvent(event);
}

void TradeOffView::mouseMoveEvent(QMouseEvent* event)
{
    ChartView::mouseMoveEvent(event);
    const int point = pointAt(event->position().toPoint());
    if (point >= 0)
        QToolTip::showText(event->globalPosition().toPoint(), pointToolTip(point), this);
    else
        QToolTip::hideText();
}

} // namespace qc::gui
