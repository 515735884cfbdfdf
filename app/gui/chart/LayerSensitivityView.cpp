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

void LayerSensitivityView::reset()
{
    buildSlots(); // the slots follow the inventory: a re-rank or another mode keeps them
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

void LayerSensitivityView::rebuild()
{
    QChart* c = chart();
    c->removeAllSeries();
    m_violationSeries = nullptr;
    m_noSignalSeries = nullptr;
    m_notCandidateSeries = nullptr;
    for (QAbstractAxis* axis : c->axes())
        c->removeAxis(axis), delete axis;

    const Project& p = m_controller->project();
    const size_t slotCount = m_slots.size();
    static const char* const modeNames[]
        = { "mean normalized rank", "max normalized rank", "mean min-max value", "mean raw value" };
    m_title = tr("Sensitivity per layer (%1)").arg(tr(modeNames[int(m_mode)]));
    c->setTitle(QString()); // drawn by m_legend, above the entries

    // x: slots grouped by component; the category boundaries are light separators, the labels are drawn by
    // m_groupAxis (Qt would give each label an equal share of the width and truncate it).
    auto* axisX = new QCategoryAxis;
    axisX->setStartValue(-0.5);
    axisX->setLabelsVisible(false);
    std::vector<GroupAxisItem::Group> groups;
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
        axisX->append(QString::number(groups.size()), double(end) + 0.5); // labels must be unique
        start = end + 1;
    }
    axisX->setRange(-0.5, std::max(0.5, double(slotCount) - 0.5));
    axisX->setGridLineVisible(true);
    QColor separator = axisX->gridLineColor();
    separator.setAlpha(110);
    axisX->setGridLinePen(QPen(separator, 1.0, Qt::DashLine));
    c->addAxis(axisX, Qt::AlignBottom);
    m_groupAxis->setGroups(std::move(groups), int(slotCount));
    m_groupAxis->setTitle(tr("layer by component (hover for values)"));
    m_groupAxis->setColors(axisX->labelsColor(), axisX->gridLineColor().darker(130));

    QAbstractAxis* axisY = nullptr;
    double rawMin = INFINITY;
    double rawMax = 0.0;
    std::vector<QLineSeries*> series;
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
        auto* line = new QLineSeries;
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
        line->replace(points);
        c->addSeries(line);
        series.push_back(line);
    }
    if (m_mode == Mode::RawLog) {
        auto* log = new QLogValueAxis;
        log->setBase(10.0);
        log->setLabelFormat(QStringLiteral("%.0e"));
        const double lo
            = std::isfinite(rawMin) && rawMin > 0 ? std::pow(10.0, std::floor(std::log10(rawMin))) : 1e-6;
        const double hi = rawMax > 0 ? std::pow(10.0, std::ceil(std::log10(rawMax))) : 1.0;
        log->setRange(lo, std::max(hi, lo * 10));
        log->setTitleText(tr("raw value (log scale; see legend for polarity)"));
        axisY = log;
        m_violationY = lo * 1.2;
    } else {
        auto* linear = new QValueAxis;
        linear->setRange(0.0, 1.0);
        linear->setTickCount(6);
        linear->setLabelFormat(QStringLiteral("%.1f"));
        linear->setTitleText(m_mode == Mode::MinMax ? tr("min-max value (1 = most sensitive)")
                                                    : tr("normalized rank (1 = most sensitive)"));
        axisY = linear;
        m_violationY = 0.02;
    }
    c->addAxis(axisY, Qt::AlignLeft);
    // A log axis is not zoomed (its ticks are whole decades); the slots and a linear y are.
    setZoomAxes(axisX, m_mode == Mode::RawLog ? nullptr : static_cast<QValueAxis*>(axisY));
    for (QLineSeries* line : series) {
        line->attachAxis(axisX);
        line->attachAxis(axisY);
    }
    addUnrankedSeries(axisX, axisY, m_mode == Mode::RawLog ? static_cast<QLogValueAxis*>(axisY)->min() : 0.0);
    m_violationSeries = new QScatterSeries;
    m_violationSeries->setName(tr("layer with a violation"));
    m_violationSeries->setColor(violationColor());
    m_violationSeries->setBorderColor(violationColor());
    m_violationSeries->setMarkerShape(QScatterSeries::MarkerShapeTriangle); // a shape, not just a hue
    m_violationSeries->setMarkerSize(11.0);
    c->addSeries(m_violationSeries);
    m_violationSeries->attachAxis(axisX);
    m_violationSeries->attachAxis(axisY);
    m_legendShowsViolations = false;
    updateViolations();
    updateLegend();
    updateSelection();
}

void LayerSensitivityView::addUnrankedSeries(QAbstractAxis* axisX, QAbstractAxis* axisY, double baseline)
{
    // Layers with values that cannot rank, on the baseline in hollow grey: present, but never a point of a
    // metric's line, so a tower nobody measured does not read as the least sensitive.
    auto hollow = [&](const QString& name, QScatterSeries::MarkerShape shape, Evidence evidence) {
        QList<QPointF> points;
        for (size_t s = 0; s < m_slots.size(); ++s) {
            const bool any = std::any_of(m_slotEvidence.begin(), m_slotEvidence.end(),
                [&](const auto& perSlot) { return perSlot[s][size_t(evidence)] > 0; });
            if (any)
                points.append({ double(s), baseline });
        }
        auto* series = new QScatterSeries;
        series->setName(name);
        series->setMarkerShape(shape);
        series->setMarkerSize(9.0);
        series->setColor(Qt::transparent);
        series->setBorderColor(unrankedColor());
        series->setPen(QPen(unrankedColor(), 1.5));
        series->replace(points);
        chart()->addSeries(series);
        series->attachAxis(axisX);
        series->attachAxis(axisY);
        return series;
    };
    m_noSignalSeries
        = hollow(tr("no signal (not ranked)"), QScatterSeries::MarkerShapeCircle, Evidence::NoSignal);
    m_notCandidateSeries = hollow(
        tr("not a candidate (not ranked)"), QScatterSeries::MarkerShapeRectangle, Evidence::NotCandidate);
    buildGapLabels();
}

void LayerSensitivityView::buildGapLabels()
{
    // A stretch of layers where no metric has a ranked value but some have values that cannot rank gets a
    // label in its middle: an empty plot above hollow markers must not be read as "least sensitive".
    for (QGraphicsSimpleTextItem* item : m_gapLabels)
        delete item;
    m_gapLabels.clear();
    m_gapRuns.clear();
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
    for (size_t s = 0; s < m_slots.size();) {
        size_t end = s;
        while (end < m_slots.size() && unrankedOnly(end))
            ++end;
        if (end - s >= 2) { // a single slot is too narrow for a label; its marker and tooltip say it
            auto* item = new QGraphicsSimpleTextItem(tr("no signal · not ranked"), chart());
            item->setBrush(unrankedColor());
            item->setZValue(15);
            m_gapLabels.push_back(item);
            m_gapRuns.push_back({ int(s), int(end) - 1 });
        }
        s = end == s ? s + 1 : end;
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
    m_legend->setDefaultTextColor(text);
    m_legend->setHtml(QStringLiteral("<div style=\"font-size:%1pt; margin-bottom:3px\">%2</div><div>%3</div>")
                          .arg(titleFont.pointSizeF())
                          .arg(title.toHtmlEscaped(), entries.join(QStringLiteral("&emsp; "))));
    m_legend->setToolTip(tips.join(QStringLiteral("<hr>")));
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
