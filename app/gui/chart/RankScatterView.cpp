#include "RankScatterView.h"

#include "MetricText.h"
#include "ProfileColors.h"
#include "ProjectController.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QRubberBand>
#include <QToolTip>
#include <QWheelEvent>
#include <cmath>

namespace qc::gui {

namespace {
constexpr double kDisagreement = 0.5; // rank difference above which two metrics disagree on an op
constexpr int kDragThreshold = 6; // pixels before a press becomes a rubber band
constexpr double kZoomStep = 0.8; // visible span per wheel notch or key
constexpr double kHoverRadius = 6.0; // pixels
} // namespace

RankScatterView::RankScatterView(ProjectController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setMinimumSize(240, 200);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setMouseTracking(true); // hover tooltips
    setFocusPolicy(Qt::StrongFocus); // the zoom keys
    connect(controller, &ProjectController::projectReset, this, &RankScatterView::rebuild);
    connect(controller, &ProjectController::rankingChanged, this, &RankScatterView::rebuild);
    connect(controller, &ProjectController::selectedOpChanged, this, qOverload<>(&QWidget::update));
    rebuild();
}

void RankScatterView::setMetrics(int xMetric, int yMetric)
{
    m_x = xMetric;
    m_y = yMetric;
    rebuild();
}

QRect RankScatterView::plotRect() const
{
    const int side = fontMetrics().height();
    return rect().adjusted(4 * side, 3 * side, -side, -3 * side);
}

QPointF RankScatterView::toPixel(double a, double b) const
{
    const QRectF plot = plotRect();
    return { plot.left() + m_zoomX.fractionOf(a) * plot.width(),
        plot.top() + plot.height() - m_zoomY.fractionOf(b) * plot.height() };
}

QPointF RankScatterView::toRanks(const QPointF& pos) const
{
    const QRectF plot = plotRect();
    return { m_zoomX.valueAt((pos.x() - plot.left()) / plot.width()),
        m_zoomY.valueAt((plot.top() + plot.height() - pos.y()) / plot.height()) };
}

void RankScatterView::zoomChanged()
{
    renderPoints();
    update();
}

void RankScatterView::zoomAt(double factor, const QPointF& pos)
{
    const QPointF anchor = toRanks(pos);
    m_zoomX.zoomAt(factor, anchor.x());
    m_zoomY.zoomAt(factor, anchor.y());
    zoomChanged();
}

void RankScatterView::zoomToRect(const QRect& rect)
{
    const QPointF a = toRanks(rect.topLeft());
    const QPointF b = toRanks(rect.bottomRight());
    m_zoomX.zoomTo(a.x(), b.x());
    m_zoomY.zoomTo(a.y(), b.y());
    zoomChanged();
}

void RankScatterView::resetZoom()
{
    m_zoomX.reset();
    m_zoomY.reset();
    zoomChanged();
}

int RankScatterView::opAt(const QPoint& pos) const
{
    const auto& ranks = m_controller->project().ranking().metricRank;
    if (int(ranks.size()) < 2 || m_x == m_y || !plotRect().contains(pos))
        return -1;
    int best = -1;
    double bestDistance = kHoverRadius * kHoverRadius;
    for (size_t i = 0; i < ranks[size_t(m_x)].size(); ++i) {
        const double a = ranks[size_t(m_x)][i];
        const double b = ranks[size_t(m_y)][i];
        if (std::isnan(a) || std::isnan(b))
            continue;
        const QPointF d = toPixel(a, b) - QPointF(pos);
        const double distance = d.x() * d.x() + d.y() * d.y();
        if (distance <= bestDistance)
            best = int(i), bestDistance = distance;
    }
    return best;
}

QString RankScatterView::opToolTip(int op) const
{
    const Project& p = m_controller->project();
    const auto& ranks = p.ranking().metricRank;
    if (op < 0 || op >= p.inventory().size() || int(ranks.size()) < 2)
        return {};
    return tr("<b>%1</b><br>rank by %2: %3<br>rank by %4: %5")
        .arg(p.inventory().at(op).name.toHtmlEscaped(),
            metricShortName(p.metrics()[size_t(m_x)]).toHtmlEscaped())
        .arg(ranks[size_t(m_x)][size_t(op)], 0, 'f', 3)
        .arg(metricShortName(p.metrics()[size_t(m_y)]).toHtmlEscaped())
        .arg(ranks[size_t(m_y)][size_t(op)], 0, 'f', 3);
}

void RankScatterView::rebuild()
{
    const int metrics = int(m_controller->project().ranking().metricRank.size());
    if (m_x >= metrics)
        m_x = 0;
    if (m_y >= metrics || m_y == m_x)
        m_y = metrics > 1 ? (m_x == 0 ? 1 : 0) : m_x;
    // The correlations and the points cost O(n log n) at every load and re-rank: a hidden tab waits until
    // it is shown (or painted, as the report renders it).
    m_stale = true;
    if (isVisible())
        refresh();
}

void RankScatterView::refresh()
{
    m_stale = false;
    const auto& ranks = m_controller->project().ranking().metricRank;
    m_agreement = {};
    m_disagreeing = 0;
    if (int(ranks.size()) >= 2 && m_x != m_y) {
        const auto& a = ranks[size_t(m_x)];
        const auto& b = ranks[size_t(m_y)];
        std::vector<double> va(a.begin(), a.end());
        std::vector<double> vb(b.begin(), b.end());
        m_agreement = Agreement::compute(va, vb);
        for (size_t i = 0; i < a.size(); ++i) {
            if (!std::isnan(a[i]) && !std::isnan(b[i]) && std::abs(a[i] - b[i]) > kDisagreement)
                ++m_disagreeing;
        }
    }
    renderPoints();
    update();
}

const Agreement& RankScatterView::agreement()
{
    if (m_stale)
        refresh();
    return m_agreement;
}

int RankScatterView::disagreeingOps()
{
    if (m_stale)
        refresh();
    return m_disagreeing;
}

void RankScatterView::showEvent(QShowEvent*)
{
    if (m_stale)
        refresh();
}

void RankScatterView::resizeEvent(QResizeEvent*)
{
    if (!m_stale) // a stale view renders its points when it is refreshed
        renderPoints();
}

void RankScatterView::renderPoints()
{
    const QRect plot = plotRect();
    const qreal dpr = devicePixelRatioF();
    if (plot.width() <= 0 || plot.height() <= 0) {
        m_points = {};
        return;
    }
    m_points = QImage(plot.size() * dpr, QImage::Format_ARGB32_Premultiplied);
    m_points.setDevicePixelRatio(dpr);
    m_points.fill(Qt::transparent);
    const auto& ranks = m_controller->project().ranking().metricRank;
    if (int(ranks.size()) < 2 || m_x == m_y)
        return;
    const auto& a = ranks[size_t(m_x)];
    const auto& b = ranks[size_t(m_y)];
    // Points land in pixel cells; each cell is painted once per colour, so 1M ops cost a pass, not 1M items.
    const int w = m_points.width();
    const int h = m_points.height();
    std::vector<std::uint8_t> cells(size_t(w) * size_t(h), 0); // bit 0: agree, bit 1: disagree
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::isnan(a[i]) || std::isnan(b[i]))
            continue;
        const double fx = m_zoomX.fractionOf(a[i]);
        const double fy = m_zoomY.fractionOf(b[i]);
        if (fx < 0.0 || fx > 1.0 || fy < 0.0 || fy > 1.0)
            continue; // zoomed out of view
        const int x = std::clamp(int(fx * (w - 1)), 0, w - 1);
        const int y = std::clamp(int((1.0 - fy) * (h - 1)), 0, h - 1);
        cells[size_t(y) * size_t(w) + size_t(x)] |= std::abs(a[i] - b[i]) > kDisagreement ? 2 : 1;
    }
    QPainter painter(&m_points);
    painter.scale(1.0 / dpr, 1.0 / dpr);
    const double r = 2.2 * dpr;
    QColor agree = palette().color(QPalette::Highlight);
    agree.setAlpha(150);
    QColor disagree = palette().color(QPalette::Text);
    disagree.setAlpha(200);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    for (int pass = 1; pass <= 2; ++pass) { // disagreeing ops on top, as squares
        painter.setBrush(pass == 1 ? agree : disagree);
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                if (!(cells[size_t(y) * size_t(w) + size_t(x)] & pass))
                    continue;
                if (pass == 1)
                    painter.drawEllipse(QPointF(x, y), r, r);
                else
                    painter.drawRect(QRectF(x - r, y - r, 2 * r, 2 * r));
            }
        }
    }
}

void RankScatterView::paintEvent(QPaintEvent*)
{
    if (m_stale)
        refresh();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect plot = plotRect();
    const QPalette pal = palette();
    const Project& p = m_controller->project();
    const int metrics = int(p.metrics().size());
    QFont title = font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.1);
    painter.setFont(title);
    painter.setPen(pal.color(QPalette::Text));
    const QRect titleRect(0, 0, width(), 3 * fontMetrics().height());
    if (metrics < 2) {
        painter.drawText(rect(), Qt::AlignCenter, tr("Load two or more rankings to compare metrics"));
        return;
    }
    const Metric& mx = p.metrics()[size_t(m_x)];
    const Metric& my = p.metrics()[size_t(m_y)];
    // Wraps instead of clipping in a narrow tab (1280 px screens).
    painter.drawText(titleRect.adjusted(4, 0, -4, 0), Qt::AlignCenter | Qt::TextWordWrap,
        tr("%1 vs %2:  Spearman ρ = %3  Kendall τ = %4  (n = %5, %6 disagree)")
            .arg(metricShortName(mx), metricShortName(my))
            .arg(m_agreement.spearman, 0, 'f', 3)
            .arg(m_agreement.kendall, 0, 'f', 3)
            .arg(m_agreement.common)
            .arg(m_disagreeing));
    painter.setFont(font());
    // Frame, grid and ticks.
    QColor gridColor = pal.color(QPalette::Text);
    gridColor.setAlpha(40);
    // Tick labels of the visible range, with enough decimals that neighbours differ when zoomed in.
    auto decimals = [](const ZoomRange& z) {
        return std::clamp(int(std::ceil(-std::log10(z.span() / 5.0) - 1e-9)), 1, 6);
    };
    for (int i = 0; i <= 5; ++i) {
        const double t = i / 5.0;
        const int x = plot.left() + int(t * plot.width());
        const int y = plot.bottom() - int(t * plot.height());
        painter.setPen(gridColor);
        painter.drawLine(x, plot.top(), x, plot.bottom());
        painter.drawLine(plot.left(), y, plot.right(), y);
        painter.setPen(pal.color(QPalette::Text));
        const QString xLabel = QString::number(m_zoomX.valueAt(t), 'f', decimals(m_zoomX));
        const QString yLabel = QString::number(m_zoomY.valueAt(t), 'f', decimals(m_zoomY));
        painter.drawText(
            QRect(x - 30, plot.bottom() + 2, 60, fontMetrics().height()), Qt::AlignCenter, xLabel);
        painter.drawText(QRect(plot.left() - 4 * fontMetrics().height(), y - fontMetrics().height() / 2,
                             4 * fontMetrics().height() - 4, fontMetrics().height()),
            Qt::AlignRight | Qt::AlignVCenter, yLabel);
    }
    // The diagonal: where the two metrics agree exactly.
    painter.save();
    painter.setClipRect(plot);
    painter.setPen(QPen(gridColor.darker(), 1.0, Qt::DashLine));
    painter.drawLine(toPixel(0.0, 0.0), toPixel(1.0, 1.0));
    painter.restore();
    painter.drawImage(plot.topLeft(), m_points);
    painter.setPen(pal.color(QPalette::Text));
    painter.drawRect(plot);
    // Axis titles elide rather than clip in a narrow tab; the full names are in the hover tooltips.
    const QRect xTitle(0, plot.bottom() + fontMetrics().height() + 2, width(), fontMetrics().height() + 4);
    painter.drawText(xTitle, Qt::AlignCenter,
        fontMetrics().elidedText(tr("rank by %1 (1 = most sensitive)").arg(metricLegendName(mx)),
            Qt::ElideRight, xTitle.width() - 8));
    painter.save();
    painter.translate(fontMetrics().height() * 0.2, plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRect(-plot.height() / 2, 0, plot.height(), fontMetrics().height() + 4), Qt::AlignCenter,
        fontMetrics().elidedText(tr("rank by %1").arg(metricLegendName(my)), Qt::ElideRight, plot.height()));
    painter.restore();
    // The selected op.
    const int op = m_controller->selectedOp();
    const auto& ranks = p.ranking().metricRank;
    if (op >= 0 && size_t(op) < ranks[size_t(m_x)].size()) {
        const double a = ranks[size_t(m_x)][size_t(op)];
        const double b = ranks[size_t(m_y)][size_t(op)];
        if (!std::isnan(a) && !std::isnan(b)) {
            const QPointF at = toPixel(a, b);
            if (QRectF(plot).adjusted(-1, -1, 1, 1).contains(at)) {
                painter.setPen(QPen(selectionColor(pal), 2.5));
                painter.setBrush(Qt::NoBrush);
                painter.drawEllipse(at, 7, 7);
            }
        }
    }
}

void RankScatterView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_lastPanPos = event->pos();
        return;
    }
    if (event->button() == Qt::LeftButton)
        m_pressPos = event->pos();
}

void RankScatterView::mouseMoveEvent(QMouseEvent* event)
{
    const QRect plot = plotRect();
    if (m_panning) {
        const QPoint d = event->pos() - m_lastPanPos;
        m_lastPanPos = event->pos();
        m_zoomX.pan(-double(d.x()) / plot.width() * m_zoomX.span());
        m_zoomY.pan(double(d.y()) / plot.height() * m_zoomY.span());
        zoomChanged();
        return;
    }
    if (event->buttons() & Qt::LeftButton) {
        if (!m_banding && (event->pos() - m_pressPos).manhattanLength() > kDragThreshold) {
            m_banding = true;
            if (!m_band)
                m_band = new QRubberBand(QRubberBand::Rectangle, this);
            m_band->show();
        }
        if (m_banding)
            m_band->setGeometry(QRect(m_pressPos, event->pos()).normalized());
        return;
    }
    const int op = opAt(event->pos());
    if (op >= 0)
        QToolTip::showText(event->globalPosition().toPoint(), opToolTip(op), this);
    else
        QToolTip::hideText();
}

void RankScatterView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton) {
        m_panning = false;
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    if (m_banding) {
        m_banding = false;
        m_band->hide();
        const QRect rect = QRect(m_pressPos, event->pos()).normalized();
        if (rect.width() > kDragThreshold || rect.height() > kDragThreshold)
            zoomToRect(rect);
        return;
    }
    // A click selects the op drawn nearest to it.
    const auto& ranks = m_controller->project().ranking().metricRank;
    if (!plotRect().contains(event->pos()) || int(ranks.size()) < 2 || m_x == m_y)
        return;
    const QPointF at = toRanks(event->pos());
    int best = -1;
    double bestDistance = 0.0;
    for (size_t i = 0; i < ranks[size_t(m_x)].size(); ++i) {
        const double da = (ranks[size_t(m_x)][i] - at.x()) / m_zoomX.span();
        const double db = (ranks[size_t(m_y)][i] - at.y()) / m_zoomY.span();
        const double d = da * da + db * db;
        if (!std::isnan(d) && (best < 0 || d < bestDistance))
            best = int(i), bestDistance = d;
    }
    if (best >= 0)
        m_controller->setSelectedOp(best);
}

void RankScatterView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && (m_zoomX.isZoomed() || m_zoomY.isZoomed()))
        resetZoom();
}

void RankScatterView::wheelEvent(QWheelEvent* event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0.0) {
        event->ignore();
        return;
    }
    zoomAt(std::pow(kZoomStep, notches), event->position());
}

void RankScatterView::keyPressEvent(QKeyEvent* event)
{
    const QPointF centre = QRectF(plotRect()).center();
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAt(kZoomStep, centre);
        break;
    case Qt::Key_Minus:
        zoomAt(1.0 / kZoomStep, centre);
        break;
    case Qt::Key_Left:
    case Qt::Key_Right:
        m_zoomX.pan((event->key() == Qt::Key_Left ? -0.1 : 0.1) * m_zoomX.span());
        zoomChanged();
        break;
    case Qt::Key_Up:
    case Qt::Key_Down:
        m_zoomY.pan((event->key() == Qt::Key_Down ? -0.1 : 0.1) * m_zoomY.span());
        zoomChanged();
        break;
    case Qt::Key_0:
    case Qt::Key_Home:
        resetZoom();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace qc::gui
