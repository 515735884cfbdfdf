#include "RankScatterView.h"

#include "MetricText.h"
#include "ProjectController.h"

#include <QMouseEvent>
#include <QPainter>
#include <cmath>

namespace qc::gui {

namespace {
constexpr double kDisagreement = 0.5; // rank difference above which two metrics disagree on an op
}

RankScatterView::RankScatterView(ProjectController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setMinimumSize(240, 200);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
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

void RankScatterView::rebuild()
{
    const Project& p = m_controller->project();
    const auto& ranks = p.ranking().metricRank;
    const int metrics = int(ranks.size());
    if (m_x >= metrics)
        m_x = 0;
    if (m_y >= metrics || m_y == m_x)
        m_y = metrics > 1 ? (m_x == 0 ? 1 : 0) : m_x;
    m_agreement = {};
    m_disagreeing = 0;
    if (metrics >= 2 && m_x != m_y) {
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

void RankScatterView::resizeEvent(QResizeEvent*)
{
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
        const int x = std::clamp(int(a[i] * (w - 1)), 0, w - 1);
        const int y = std::clamp(int((1.0 - b[i]) * (h - 1)), 0, h - 1);
        cells[size_t(y) * size_t(w) + size_t(x)] |= std::abs(a[i] - b[i]) > kDisagreement ? 2 : 1;
    }
    QPainter painter(&m_points);
    painter.scale(1.0 / dpr, 1.0 / dpr);
    const double r = 2.2 * dpr;
    QColor agree = palette().color(QPalette::Highlight);
    agree.setAlpha(150);
    const QColor disagree(230, 40, 40, 210);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    for (int pass = 1; pass <= 2; ++pass) { // disagreeing ops on top
        painter.setBrush(pass == 1 ? agree : disagree);
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                if (cells[size_t(y) * size_t(w) + size_t(x)] & pass)
                    painter.drawEllipse(QPointF(x, y), r, r);
            }
        }
    }
}

void RankScatterView::paintEvent(QPaintEvent*)
{
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
    const QRect titleRect(0, 0, width(), 2 * fontMetrics().height());
    if (metrics < 2) {
        painter.drawText(rect(), Qt::AlignCenter, tr("Load two or more rankings to compare metrics"));
        return;
    }
    const Metric& mx = p.metrics()[size_t(m_x)];
    const Metric& my = p.metrics()[size_t(m_y)];
    painter.drawText(titleRect, Qt::AlignCenter,
        tr("%1 vs %2:  Spearman ρ = %3   Kendall τ = %4   (n = %5, %6 disagree)")
            .arg(metricShortName(mx), metricShortName(my))
            .arg(m_agreement.spearman, 0, 'f', 3)
            .arg(m_agreement.kendall, 0, 'f', 3)
            .arg(m_agreement.common)
            .arg(m_disagreeing));
    painter.setFont(font());
    // Frame, grid and ticks.
    QColor gridColor = pal.color(QPalette::Text);
    gridColor.setAlpha(40);
    for (int i = 0; i <= 5; ++i) {
        const double t = i / 5.0;
        const int x = plot.left() + int(t * plot.width());
        const int y = plot.bottom() - int(t * plot.height());
        painter.setPen(gridColor);
        painter.drawLine(x, plot.top(), x, plot.bottom());
        painter.drawLine(plot.left(), y, plot.right(), y);
        painter.setPen(pal.color(QPalette::Text));
        const QString label = QString::number(t, 'f', 1);
        painter.drawText(
            QRect(x - 20, plot.bottom() + 2, 40, fontMetrics().height()), Qt::AlignCenter, label);
        painter.drawText(QRect(plot.left() - 34, y - fontMetrics().height() / 2, 30, fontMetrics().height()),
            Qt::AlignRight | Qt::AlignVCenter, label);
    }
    // The diagonal: where the two metrics agree exactly.
    painter.setPen(QPen(gridColor.darker(), 1.0, Qt::DashLine));
    painter.drawLine(plot.bottomLeft(), plot.topRight());
    painter.drawImage(plot.topLeft(), m_points);
    painter.setPen(pal.color(QPalette::Text));
    painter.drawRect(plot);
    painter.drawText(QRect(plot.left(), plot.bottom() + fontMetrics().height() + 2, plot.width(),
                         fontMetrics().height() + 4),
        Qt::AlignCenter, tr("rank by %1 (1 = most sensitive)").arg(metricLegendName(mx)));
    painter.save();
    painter.translate(fontMetrics().height() * 0.2, plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRect(-plot.height() / 2, 0, plot.height(), fontMetrics().height() + 4), Qt::AlignCenter,
        tr("rank by %1").arg(metricLegendName(my)));
    painter.restore();
    // The selected op.
    const int op = m_controller->selectedOp();
    const auto& ranks = p.ranking().metricRank;
    if (op >= 0 && size_t(op) < ranks[size_t(m_x)].size()) {
        const double a = ranks[size_t(m_x)][size_t(op)];
        const double b = ranks[size_t(m_y)][size_t(op)];
        if (!std::isnan(a) && !std::isnan(b)) {
            const QPointF at(plot.left() + a * plot.width(), plot.bottom() - b * plot.height());
            painter.setPen(QPen(QColor(230, 40, 40), 2.5));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(at, 7, 7);
        }
    }
}

void RankScatterView::mousePressEvent(QMouseEvent* event)
{
    const QRect plot = plotRect();
    const auto& ranks = m_controller->project().ranking().metricRank;
    if (!plot.contains(event->pos()) || int(ranks.size()) < 2 || m_x == m_y)
        return;
    const double a = double(event->pos().x() - plot.left()) / plot.width();
    const double b = double(plot.bottom() - event->pos().y()) / plot.height();
    int best = -1;
    double bestDistance = 0.0;
    for (size_t i = 0; i < ranks[size_t(m_x)].size(); ++i) {
        const double da = ranks[size_t(m_x)][i] - a;
        const double db = ranks[size_t(m_y)][i] - b;
        const double d = da * da + db * db;
        if (!std::isnan(d) && (best < 0 || d < bestDistance))
            best = int(i), bestDistance = d;
    }
    if (best >= 0)
        m_controller->setSelectedOp(best);
}

} // namespace qc::gui
