#include "LayerSensitivityView.h"

#include "GroupAxisItem.h"
#include "MetricText.h"
#include "NiceAxis.h"
#include "ProfileColors.h"
#include "ProjectController.h"

#include <QCategoryAxis>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QHash>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QTextDocument>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace qc::gui {

LayerSensitivityView::LayerSensitivityView(ProjectController* controller, QWidget* parent)
    : ChartView(new QChart, parent)
    , m_controller(controller)
    , m_axisX(new QCategoryAxis)
    , m_axisLinear(new QValueAxis(this))
    , m_axisLog(new QLogValueAxis(this))
{
    chart()->legend()->hide(); // replaced by m_legend, which wraps instead of truncating
    chart()->setMargins(QMargins(4, 4, 4, 4));
    m_legend = new QGraphicsTextItem(chart());
    m_legend->setZValue(20);
    QTextOption centred = m_legend->document()->defaultTextOption();
    centred.setAlignment(Qt::AlignHCenter);
    m_legend->document()->setDefaultTextOption(centred);
    m_groupAxis = new GroupAxisItem(chart());
    m_selectionLine = new QGraphicsLineItem(chart());
    m_selectionLine->setPen(QPen(selectionColor(palette()), 2.0, Qt::DashLine));
    m_selectionLine->setZValue(20);
    m_selectionLine->setVisible(false);
    createAxes();
    m_noSignalSeries = createMarkerSeries(tr("no signal (not ranked)"));
    m_noSignalSeries->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_notCandidateSeries = createMarkerSeries(tr("not a candidate (not ranked)"));
    m_notCandidateSeries->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    for (QScatterSeries* series : { m_noSignalSeries, m_notCandidateSeries }) {
        series->setMarkerSize(9.0);
        series->setColor(Qt::transparent);
        series->setBorderColor(unrankedColor());
        series->setPen(QPen(unrankedColor(), 1.5));
    }
    m_violationSeries = createMarkerSeries(tr("layer with a violation"));
    m_violationSeries->setColor(violationColor());
    m_violationSeries->setBorderColor(violationColor());
    m_violationSeries->setMarkerShape(QScatterSeries::MarkerShapeTriangle); // a shape, not just a hue
    m_violationSeries->setMarkerSize(11.0);

    connect(controller, &ProjectController::projectReset, this, &LayerSensitivityView::reset);
    connect(controller, &ProjectController::rankingChanged, this, &LayerSensitivityView::rebuild);
    connect(controller, &ProjectController::violationsChanged, this, [this] {
        // No op's findings changed (most drag steps): neither did the flagged layers; skip the pass over
        // every op. A rebuild flags them itself.
        if (!m_controller->violationChangedOps().empty())
            updateViolations();
    });
    connect(controller, &ProjectController::selectedOpChanged, this, &LayerSensitivityView::updateSelection);
    connect(chart(), &QChart::plotAreaChanged, this, &LayerSensitivityView::updateSelection);
    connect(chart(), &QChart::plotAreaChanged, this,
        [this](const QRectF& plot) { m_groupAxis->setPlotArea(plot); });
    connect(this, &ChartView::resized, this, &LayerSensitivityView::layoutDecorations);
    connect(this, &ChartView::backgroundClicked, this, &LayerSensitivityView::onBackgroundClicked);
    connect(this, &ChartView::zoomChanged, this, [this] {
        const ZoomRange& x = zoomRange(Qt::Horizontal);
        m_groupAxis->setVisibleSlots(x.lo(), x.hi());
        updateSelection();
    });
    reset();
}

void LayerSensitivityView::createAxes()
{
    // x: slots grouped by component; the category boundaries are light separators, the labels are drawn by
    // m_groupAxis (Qt would give each label an equal share of the width and truncate it).
    m_axisX->setStartValue(-0.5);
    m_axisX->setLabelsVisible(false);
    m_axisX->setGridLineVisible(true);
    QColor separator = m_axisX->gridLineColor();
    separator.setAlpha(110);
    m_axisX->setGridLinePen(QPen(separator, 1.0, Qt::DashLine));
    chart()->addAxis(m_axisX, Qt::AlignBottom);
    m_groupAxis->setTitle(tr("layer by component (hover for values)"));
    m_groupAxis->setColors(m_axisX->labelsColor(), m_axisX->gridLineColor().darker(130));
    // y: one of two, the other kept aside (owned by the view while the chart does not show it).
    m_axisLinear->setRange(0.0, 1.0);
    m_axisLinear->setTickCount(6);
    m_axisLinear->setLabelFormat(QStringLiteral("%.1f"));
    m_axisLog->setBase(10.0);
    m_axisLog->setLabelFormat(QStringLiteral("%.0e"));
    m_axisLog->setTitleText(tr("raw value (log scale; see legend for polarity)"));
    showAxisY(m_axisLinear);
}

void LayerSensitivityView::showAxisY(QAbstractAxis* axis)
{
    if (axis == m_axisY)
        return;
    QChart* c = chart();
    if (m_axisY) {
        for (QAbstractSeries* series : c->series())
            series->detachAxis(m_axisY);
        c->removeAxis(m_axisY); // not deleted: a removed axis's items would stay in the scene
        m_axisY->setParent(this);
    }
    m_axisY = axis;
    c->addAxis(axis, Qt::AlignLeft);
    for (QAbstractSeries* series : c->series())
        series->attachAxis(axis);
    // The zoom takes its home from the axes' ranges: put them at home first, so that a zoom is kept.
    const ZoomRange& x = zoomRange(Qt::Horizontal);
    m_axisX->setRange(x.homeLo(), x.homeHi());
    m_axisLinear->setRange(0.0, 1.0);
    // A log axis is not zoomed (its ticks are whole decades); the slots and a linear y are.
    setZoomAxes(m_axisX, axis == m_axisLinear ? m_axisLinear : nullptr);
}

QScatterSeries* LayerSensitivityView::createMarkerSeries(const QString& name)
{
    auto* series = new QScatterSeries;
    series->setName(name);
    chart()->addSeries(series);
    attachToAxes(series);
    return series;
}

void LayerSensitivityView::attachToAxes(QAbstractSeries* series)
{
    series->attachAxis(m_axisX);
    series->attachAxis(m_axisY);
}

void LayerSensitivityView::ensureLines(size_t count)
{
    // The lines are drawn below the markers: new ones go in before them, which means taking the markers out
    // and back in (only when an inventory has more metrics than any before it).
    if (m_lines.size() < count) {
        QChart* c = chart();
        const QList<QScatterSeries*> markers { m_noSignalSeries, m_notCandidateSeries, m_violationSeries };
        for (QScatterSeries* series : markers)
            c->removeSeries(series);
        while (m_lines.size() < count) {
            auto* line = new QLineSeries;
            c->addSeries(line);
            attachToAxes(line);
            m_lines.push_back(line);
        }
        for (QScatterSeries* series : markers) {
            c->addSeries(series);
            attachToAxes(series);
        }
    }
    for (size_t m = 0; m < m_lines.size(); ++m) {
        if (m >= count && m_lines[m]->count() > 0)
            m_lines[m]->clear();
        m_lines[m]->setVisible(m < count);
    }
}

void LayerSensitivityView::reset()
{
    buildSlots(); // the slots follow the inventory: a re-rank or another mode keeps them
    updateAxisX();
    rebuild();
}

void LayerSensitivityView::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    rebuild();
}

int LayerSensitivityView::slotOfOp(int op) const
{
    return op >= 0 && size_t(op) < m_slotOfOp.size() ? m_slotOfOp[size_t(op)] : -1;
}

void LayerSensitivityView::buildSlots()
{
    const Inventory& inventory = m_controller->project().inventory();
    // Components in order of first appearance (the model's own order); layers ascending within each. One
    // hash lookup of the (shared) component string per op and no string building: this runs on every load.
    QHash<QString, int> componentIndex;
    std::vector<int> opComponent(size_t(inventory.size()));
    std::vector<std::vector<int>> layers; // per component: distinct layers
    QStringList components;
    for (int i = 0; i < inventory.size(); ++i) {
        const Op& op = inventory.at(i);
        auto it = componentIndex.constFind(op.component);
        if (it == componentIndex.cend()) {
            it = componentIndex.insert(op.component, int(components.size()));
            components.append(op.component);
            layers.emplace_back();
        }
        opComponent[size_t(i)] = *it;
        layers[size_t(*it)].push_back(op.layer);
    }
    m_slots.clear();
    std::vector<std::vector<int>> slotOf(layers.size()); // per component: layer (+1) -> slot
    for (size_t c = 0; c < layers.size(); ++c) {
        std::vector<int>& list = layers[c];
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        slotOf[c].assign(size_t(std::max(0, list.back()) + 2), -1);
        for (int layer : list) {
            slotOf[c][size_t(std::max(-1, layer) + 1)] = int(m_slots.size());
            m_slots.push_back({ components[qsizetype(c)], layer });
        }
    }
    m_slotOfOp.assign(size_t(inventory.size()), -1);
    for (int i = 0; i < inventory.size(); ++i) {
        const int layer = std::max(-1, inventory.at(i).layer);
        m_slotOfOp[size_t(i)] = slotOf[size_t(opComponent[size_t(i)])][size_t(layer + 1)];
    }
}

void LayerSensitivityView::updateAxisX()
{
    const size_t slotCount = m_slots.size();
    std::vector<GroupAxisItem::Group> groups;
    QList<std::pair<QString, double>> categories;
    size_t start = 0;
    while (start < slotCount) {
        size_t end = start;
        while (end + 1 < slotCount && m_slots[end + 1].component == m_slots[start].component)
            ++end;
        GroupAxisItem::Group group;
        group.name = m_slots[start].component.isEmpty() ? tr("other") : m_slots[start].component;
        group.firstSlot = int(start);
        group.lastSlot = int(end);
        for (size_t s = start; s <= end; ++s)
            group.layers.push_back(m_slots[s].layer);
        groups.push_back(std::move(group));
        categories.append({ QString::number(groups.size()), double(end) + 0.5 }); // labels must be unique
        start = end + 1;
    }
    QList<std::pair<QString, double>> shown;
    for (const QString& label : m_axisX->categoriesLabels())
        shown.append({ label, m_axisX->endValue(label) });
    if (shown != categories) {
        for (const auto& category : std::as_const(shown))
            m_axisX->remove(category.first);
        for (const auto& [label, endValue] : std::as_const(categories))
            m_axisX->append(label, endValue);
    }
    m_groupAxis->setGroups(std::move(groups), int(slotCount));
    setHomeRange(Qt::Horizontal, -0.5, std::max(0.5, double(slotCount) - 0.5));
}

std::pair<double, double> LayerSensitivityView::updateLines()
{
    const Project& p = m_controller->project();
    const size_t slotCount = m_slots.size();
    double rawMin = INFINITY;
    double rawMax = 0.0;
    ensureLines(p.metrics().size());
    m_slotValues.assign(p.metrics().size(), std::vector<double>(slotCount, NAN));
    m_slotEvidence.assign(
        p.metrics().size(), std::vector<std::array<int, 4>>(slotCount, std::array<int, 4> {}));
    const Ranking& ranking = p.ranking();
    for (size_t m = 0; m < p.metrics().size(); ++m) {
        const Metric& metric = p.metrics()[m];
        std::vector<double> sum(slotCount, 0.0);
        std::vector<double> max(slotCount, -INFINITY);
        std::vector<int> count(slotCount, 0);
        // Only measurements: a no-signal zero normalized to 0 would read as "least sensitive".
        const OpScores* raw = m < p.scores().size() ? &p.scores()[m] : nullptr;
        double lo = INFINITY;
        double hi = -INFINITY;
        if (raw && m_mode == Mode::MinMax) {
            for (int op = 0; op < p.inventory().size(); ++op) {
                const double v = raw->measured(op);
                if (!std::isnan(v))
                    lo = std::min(lo, v), hi = std::max(hi, v);
            }
        }
        for (int op = 0; op < p.inventory().size(); ++op) {
            const int s = m_slotOfOp[size_t(op)];
            if (raw && s >= 0)
                ++m_slotEvidence[m][size_t(s)][size_t(raw->evidence[size_t(op)])];
            double v = NAN;
            if (m_mode == Mode::MeanRank || m_mode == Mode::MaxRank) {
                if (m < ranking.metricRank.size())
                    v = double(ranking.metricRank[m][size_t(op)]);
            } else if (raw) {
                v = raw->measured(op);
                if (m_mode == Mode::MinMax && !std::isnan(v)) {
                    v = hi > lo ? (v - lo) / (hi - lo) : 0.5;
                    if (metric.polarity() == Polarity::LowerIsMoreSensitive)
                        v = 1.0 - v; // so that 1 is the most sensitive, like the ranks
                } else if (m_mode == Mode::RawLog && !(v > 0.0)) {
                    v = NAN; // a log axis cannot show zero or negative values
                }
            }
            if (s < 0 || std::isnan(v))
                continue;
            sum[size_t(s)] += v;
            max[size_t(s)] = std::max(max[size_t(s)], v);
            ++count[size_t(s)];
        }
        QLineSeries* line = m_lines[m];
        line->setName(metricLegendName(metric));
        line->setPen(QPen(metricColor(int(m)), 2.0));
        line->setPointsVisible(slotCount <= 120);
        QList<QPointF> points;
        for (size_t s = 0; s < slotCount; ++s) {
            if (count[s] == 0)
                continue;
            const double y = m_mode == Mode::MaxRank ? max[s] : sum[s] / count[s];
            points.append({ double(s), y });
            m_slotValues[m][s] = y;
            rawMin = std::min(rawMin, y);
            rawMax = std::max(rawMax, y);
        }
        replaceIfChanged(line, points);
    }
    return { rawMin, rawMax };
}

void LayerSensitivityView::rebuild()
{
    static const char* const modeNames[]
        = { "mean normalized rank", "max normalized rank", "mean min-max value", "mean raw value" };
    m_title = tr("Sensitivity per layer (%1)").arg(tr(modeNames[int(m_mode)]));
    chart()->setTitle(QString()); // drawn by m_legend, above the entries

    const auto [rawMin, rawMax] = updateLines();
    double baseline = 0.0;
    if (m_mode == Mode::RawLog) {
        const double lo
            = std::isfinite(rawMin) && rawMin > 0 ? std::pow(10.0, std::floor(std::log10(rawMin))) : 1e-6;
        const double hi = rawMax > 0 ? std::pow(10.0, std::ceil(std::log10(rawMax))) : 1.0;
        m_axisLog->setRange(lo, std::max(hi, lo * 10));
        showAxisY(m_axisLog);
        baseline = m_axisLog->min();
        m_violationY = lo * 1.2;
    } else {
        m_axisLinear->setTitleText(m_mode == Mode::MinMax ? tr("min-max value (1 = most sensitive)")
                                                          : tr("normalized rank (1 = most sensitive)"));
        showAxisY(m_axisLinear);
        m_violationY = 0.02;
    }
    updateUnrankedSeries(baseline);
    updateViolations();
    updateLegend();
    updateSelection();
}

void LayerSensitivityView::replaceIfChanged(QXYSeries* series, const QList<QPointF>& points)
{
    // Each replace re-lays the series out and repaints the plot: a re-rank that moves no layer's value
    // (most hand edits, on a large model) repaints nothing.
    if (series->points() != points)
        series->replace(points);
}

void LayerSensitivityView::updateUnrankedSeries(double baseline)
{
    // Layers with values that cannot rank, on the baseline in hollow grey: present, but never a point of a
    // metric's line, so a tower nobody measured does not read as the least sensitive.
    auto update = [&](QScatterSeries* series, Evidence evidence) {
        QList<QPointF> points;
        for (size_t s = 0; s < m_slots.size(); ++s) {
            const bool any = std::any_of(m_slotEvidence.begin(), m_slotEvidence.end(),
                [&](const auto& perSlot) { return perSlot[s][size_t(evidence)] > 0; });
            if (any)
                points.append({ double(s), baseline });
        }
        replaceIfChanged(series, points);
    };
    update(m_noSignalSeries, Evidence::NoSignal);
    update(m_notCandidateSeries, Evidence::NotCandidate);
    buildGapLabels();
}

void LayerSensitivityView::buildGapLabels()
{
    // A stretch of layers where no metric has a ranked value but some have values that cannot rank gets a
    // label in its middle: an empty plot above hollow markers must not be read as "least sensitive".
    auto unrankedOnly = [&](size_t s) {
        bool unranked = false;
        for (size_t m = 0; m < m_slotValues.size(); ++m) {
            if (!std::isnan(m_slotValues[m][s]))
                return false;
            unranked = unranked || m_slotEvidence[m][s][size_t(Evidence::NoSignal)] > 0
                || m_slotEvidence[m][s][size_t(Evidence::NotCandidate)] > 0;
        }
        return unranked;
    };
    std::vector<std::pair<int, int>> runs;
    for (size_t s = 0; s < m_slots.size();) {
        size_t end = s;
        while (end < m_slots.size() && unrankedOnly(end))
            ++end;
        if (end - s >= 2) // a single slot is too narrow for a label; its marker and tooltip say it
            runs.push_back({ int(s), int(end) - 1 });
        s = end == s ? s + 1 : end;
    }
    if (runs != m_gapRuns || m_gapLabels.size() != runs.size()) {
        for (QGraphicsSimpleTextItem* item : m_gapLabels)
            delete item;
        m_gapLabels.clear();
        m_gapRuns = std::move(runs);
        for (size_t i = 0; i < m_gapRuns.size(); ++i) {
            auto* item = new QGraphicsSimpleTextItem(tr("no signal · not ranked"), chart());
            item->setBrush(unrankedColor());
            item->setZValue(15);
            m_gapLabels.push_back(item);
        }
    }
    placeGapLabels();
}

void LayerSensitivityView::placeGapLabels()
{
    const QRectF plot = chart()->plotArea();
    if (chart()->series().isEmpty())
        return;
    QAbstractSeries* series = chart()->series().front();
    for (size_t i = 0; i < m_gapLabels.size(); ++i) {
        QGraphicsSimpleTextItem* item = m_gapLabels[i];
        const double left = chart()->mapToPosition(QPointF(m_gapRuns[i].first - 0.5, 0.5), series).x();
        const double right = chart()->mapToPosition(QPointF(m_gapRuns[i].second + 0.5, 0.5), series).x();
        const double x0 = std::max(left, plot.left());
        const double x1 = std::min(right, plot.right());
        const QRectF text = item->boundingRect();
        item->setVisible(x1 - x0 > text.width() + 8);
        item->setPos((x0 + x1 - text.width()) / 2.0, plot.center().y() - text.height() / 2.0);
    }
}

void LayerSensitivityView::updateLegend()
{
    const Project& p = m_controller->project();
    auto entry
        = [](const QColor& color, const QString& text, const QString& glyph = QStringLiteral("&#9632;")) {
              // Non-breaking inside an entry: the legend wraps between entries, never inside one.
              return QStringLiteral("<span style=\"color:%1\">%3</span>&nbsp;%2")
                  .arg(color.name(), text.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;")),
                      glyph);
          };
    QStringList entries;
    QStringList tips;
    // Source names are long: when every metric reads the same way, the polarity is said once, in the title.
    const auto& metrics = p.metrics();
    const bool onePolarity = metrics.size() > 1
        && std::all_of(metrics.begin(), metrics.end(),
            [&](const Metric& m) { return m.polarity() == metrics.front().polarity(); });
    QString title = m_title;
    if (onePolarity)
        title += QStringLiteral(" · ") + polarityPhrase(metrics.front().polarity());
    for (size_t m = 0; m < metrics.size(); ++m) {
        entries.append(entry(
            metricColor(int(m)), onePolarity ? metricShortName(metrics[m]) : metricLegendName(metrics[m])));
        tips.append(metricToolTip(metrics[m]));
    }
    if (m_noSignalSeries && m_noSignalSeries->count() > 0)
        entries.append(entry(unrankedColor(), tr("no signal (not ranked)"), QStringLiteral("&#9675;")));
    if (m_notCandidateSeries && m_notCandidateSeries->count() > 0)
        entries.append(entry(unrankedColor(), tr("not a candidate (not ranked)"), QStringLiteral("&#9633;")));
    if (m_legendShowsViolations)
        entries.append(entry(violationColor(), tr("layer with a violation"), QStringLiteral("&#9650;")));
    const QColor text = chart()->titleBrush().color();
    const QFont titleFont = chart()->titleFont();
    const QString html
        = QStringLiteral("<div style=\"font-size:%1pt; margin-bottom:3px\">%2</div><div>%3</div>")
              .arg(titleFont.pointSizeF())
              .arg(title.toHtmlEscaped(), entries.join(QStringLiteral("&emsp; ")));
    m_legend->setToolTip(tips.join(QStringLiteral("<hr>")));
    if (html == m_legendHtml && text == m_legend->defaultTextColor())
        return; // the same legend: laying it out and repainting it again would cost more than the re-rank
    m_legendHtml = html;
    m_legend->setDefaultTextColor(text);
    m_legend->setHtml(html);
    layoutDecorations();
}

QString LayerSensitivityView::legendText() const
{
    return m_legend->toPlainText();
}

void LayerSensitivityView::layoutDecorations()
{
    const QRectF area = chart()->rect();
    const double width = std::max(50.0, area.width() - 16.0);
    m_legend->setTextWidth(width);
    m_legend->setPos(area.left() + 8.0, area.top() + 2.0);
    const QMargins margins(
        4, int(std::ceil(m_legend->boundingRect().height())) + 6, 4, m_groupAxis->height());
    if (chart()->margins() != margins)
        chart()->setMargins(margins);
    m_groupAxis->setPlotArea(chart()->plotArea());
}

int LayerSensitivityView::slotAt(const QPointF& chartPos) const
{
    const QRectF plot = chart()->plotArea();
    if (m_slots.empty() || chartPos.x() < plot.left() || chartPos.x() > plot.right())
        return -1;
    const double slot = zoomRange(Qt::Horizontal).valueAt((chartPos.x() - plot.left()) / plot.width());
    return std::clamp(int(std::lround(slot)), 0, int(m_slots.size()) - 1);
}

QString LayerSensitivityView::slotToolTip(int slot) const
{
    if (slot < 0 || size_t(slot) >= m_slots.size())
        return {};
    const Project& p = m_controller->project();
    const Slot& s = m_slots[size_t(slot)];
    QString tip = QStringLiteral("<b>%1</b>")
                      .arg((s.component.isEmpty() ? tr("other") : s.component).toHtmlEscaped());
    if (s.layer >= 0)
        tip += tr(" layer %1").arg(s.layer);
    for (size_t m = 0; m < p.metrics().size() && m < m_slotValues.size(); ++m) {
        const double v = m_slotValues[m][size_t(slot)];
        QString text = std::isnan(v) ? tr("no value") : QString::number(v, 'g', 3);
        if (m < m_slotEvidence.size()) {
            const std::array<int, 4>& e = m_slotEvidence[m][size_t(slot)];
            QStringList unranked;
            if (e[size_t(Evidence::NoSignal)] > 0)
                unranked.append(tr("%n no signal", nullptr, e[size_t(Evidence::NoSignal)]));
            if (e[size_t(Evidence::NotCandidate)] > 0)
                unranked.append(tr("%n not a candidate", nullptr, e[size_t(Evidence::NotCandidate)]));
            if (!unranked.isEmpty())
                text += tr(" (%1: not ranked)").arg(unranked.join(QStringLiteral(", ")));
        }
        tip += QStringLiteral("<br><span style=\"color:%1\">&#9632;</span> %2: %3")
                   .arg(metricColor(int(m)).name(), metricShortName(p.metrics()[m]).toHtmlEscaped(), text);
    }
    return tip;
}

void LayerSensitivityView::mouseMoveEvent(QMouseEvent* event)
{
    ChartView::mouseMoveEvent(event);
    const QPointF chartPos = chart()->mapFromScene(mapToScene(event->position().toPoint()));
    const QRectF plot = chart()->plotArea();
    const bool inColumn = chartPos.y() >= plot.top() && chartPos.y() <= plot.bottom() + m_groupAxis->height();
    const int slot = inColumn ? slotAt(chartPos) : -1;
    if (slot >= 0)
        QToolTip::showText(event->globalPosition().toPoint(), slotToolTip(slot), this);
    else if (!m_legend->contains(m_legend->mapFromParent(chartPos)))
        QToolTip::hideText();
}

void LayerSensitivityView::updateViolations()
{
    if (!m_violationSeries)
        return;
    std::vector<char> flagged(m_slots.size(), 0);
    for (int op = 0; op < int(m_slotOfOp.size()); ++op) {
        if (m_controller->opHasViolation(op) && m_slotOfOp[size_t(op)] >= 0)
            flagged[size_t(m_slotOfOp[size_t(op)])] = 1;
    }
    QList<QPointF> points;
    for (size_t s = 0; s < flagged.size(); ++s) {
        if (flagged[s])
            points.append({ double(s), m_violationY });
    }
    if (points != m_violationSeries->points())
        m_violationSeries->replace(points);
    // An empty legend entry would only confuse.
    if (m_legendShowsViolations != !points.isEmpty()) {
        m_legendShowsViolations = !points.isEmpty();
        updateLegend();
    }
}

void LayerSensitivityView::updateSelection()
{
    placeGapLabels(); // the plot moved or zoomed
    const int slot = slotOfOp(m_controller->selectedOp());
    const QRectF plot = chart()->plotArea();
    if (slot < 0 || chart()->series().isEmpty()) {
        m_selectionLine->setVisible(false);
        return;
    }
    const double x = chart()->mapToPosition(QPointF(slot, 0.5), chart()->series().front()).x();
    m_selectionLine->setLine(x, plot.top(), x, plot.bottom());
    m_selectionLine->setVisible(x >= plot.left() - 0.5 && x <= plot.right() + 0.5);
}

void LayerSensitivityView::onBackgroundClicked(const QPointF& chartPos)
{
    if (chart()->series().isEmpty() || !chart()->plotArea().contains(chartPos))
        return;
    const int slot = int(std::lround(chart()->mapToValue(chartPos, chart()->series().front()).x()));
    if (slot < 0 || size_t(slot) >= m_slots.size())
        return;
    // Select the layer's most sensitive op: the one worth looking at first.
    const Ranking& r = m_controller->project().ranking();
    int best = -1;
    double bestScore = -1.0;
    for (int op = 0; op < int(m_slotOfOp.size()); ++op) {
        if (m_slotOfOp[size_t(op)] != slot)
            continue;
        const double score = r.unitOf.empty() ? 0.0 : r.combinedScore(op);
        if (best < 0 || (!std::isnan(score) && score > bestScore))
            best = op, bestScore = std::isnan(score) ? bestScore : score;
    }
    if (best >= 0)
        m_controller->setSelectedOp(best);
}

} // namespace qc::gui
