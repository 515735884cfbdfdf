#include "GroupAxisItem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <cmath>

namespace qc::gui {

namespace {
constexpr double kTickRowTop = 4.0; // below the plot's bottom edge
constexpr double kGap = 8.0; // minimum space between two labels of one row

bool overlaps(const std::vector<QRectF>& taken, const QRectF& rect)
{
    for (const QRectF& r : taken) {
        if (rect.right() + kGap > r.left() && rect.left() - kGap < r.right())
            return true;
    }
    return false;
}
} // namespace

GroupAxisItem::GroupAxisItem(QGraphicsItem* parent)
    : QGraphicsItem(parent)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(6);
    m_tickFont.setPointSizeF(std::max(6.5, m_tickFont.pointSizeF() * 0.85));
    m_titleFont.setBold(true);
}

void GroupAxisItem::setGroups(std::vector<Group> groups, int slotCount)
{
    m_groups = std::move(groups);
    m_slotCount = slotCount;
    layoutLabels();
    update();
}

void GroupAxisItem::setTitle(const QString& title)
{
    m_title = title;
    update();
}

void GroupAxisItem::setColors(const QColor& text, const QColor& line)
{
    m_text = text;
    m_line = line;
    update();
}

void GroupAxisItem::setPlotArea(const QRectF& plotArea)
{
    if (plotArea == m_plotArea)
        return;
    prepareGeometryChange();
    m_plotArea = plotArea;
    layoutLabels();
    update();
}

int GroupAxisItem::height() const
{
    const double tick = QFontMetricsF(m_tickFont).height();
    const double name = QFontMetricsF(m_nameFont).height();
    const double title = QFontMetricsF(m_titleFont).height();
    return int(std::ceil(kTickRowTop + tick + 2 + kNameRows * name + 2 + title + 2));
}

QRectF GroupAxisItem::boundingRect() const
{
    // Labels may reach past the plot's sides (centred on the first or last slot).
    return QRectF(m_plotArea.left() - 60, m_plotArea.bottom(), m_plotArea.width() + 120, height());
}

void GroupAxisItem::setVisibleSlots(double lo, double hi)
{
    if (lo == m_visibleLo && hi == m_visibleHi)
        return;
    m_visibleLo = lo;
    m_visibleHi = hi;
    layoutLabels();
    update();
}

std::pair<double, double> GroupAxisItem::visibleSlots() const
{
    // Unzoomed, the chart's x range is [-0.5, slotCount - 0.5]: slot s sits in the middle of its column.
    if (std::isnan(m_visibleLo) || m_visibleHi <= m_visibleLo)
        return { -0.5, std::max(1, m_slotCount) - 0.5 };
    return { m_visibleLo, m_visibleHi };
}

double GroupAxisItem::xOf(double slot) const
{
    const auto [lo, hi] = visibleSlots();
    return m_plotArea.left() + (slot - lo) / (hi - lo) * m_plotArea.width();
}

void GroupAxisItem::layoutLabels()
{
    m_nameLabels.clear();
    m_tickLabels.clear();
    m_leaders.clear();
    if (m_plotArea.width() <= 0 || m_slotCount <= 0)
        return;
    const QFontMetricsF tickMetrics(m_tickFont);
    const QFontMetricsF nameMetrics(m_nameFont);
    const auto [visibleLo, visibleHi] = visibleSlots();
    const double slotWidth = m_plotArea.width() / (visibleHi - visibleLo);
    const int firstVisible = int(std::ceil(visibleLo));
    const int lastVisible = int(std::floor(visibleHi));
    const double tickTop = m_plotArea.bottom() + kTickRowTop;
    const double nameTop = tickTop + tickMetrics.height() + 2;

    // Layer numbers: one step for the whole axis, the smallest nice step whose labels keep kGap apart; a
    // label that would still touch its neighbour (group edges) is dropped.
    const double digitWidth = tickMetrics.horizontalAdvance(QStringLiteral("000"));
    int step = 1;
    for (const int nice : { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000 }) {
        step = nice;
        if (nice * slotWidth >= digitWidth + kGap)
            break;
    }
    std::vector<QRectF> ticksTaken;
    for (const Group& group : m_groups) {
        for (int s = std::max(group.firstSlot, firstVisible); s <= std::min(group.lastSlot, lastVisible);
             ++s) {
            const int layer = group.layers[size_t(s - group.firstSlot)];
            if (layer < 0 || layer % step != 0)
                continue;
            const QString text = QString::number(layer);
            const double w = tickMetrics.horizontalAdvance(text);
            const QRectF rect(xOf(s) - w / 2, tickTop, w, tickMetrics.height());
            if (overlaps(ticksTaken, rect))
                continue;
            ticksTaken.push_back(rect);
            m_tickLabels.push_back({ text, rect });
        }
    }

    // Component names: wide groups first (they get the first row), then narrow ones where there is room.
    std::vector<size_t> order(m_groups.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return m_groups[a].lastSlot - m_groups[a].firstSlot > m_groups[b].lastSlot - m_groups[b].firstSlot;
    });
    std::vector<std::vector<QRectF>> rows(kNameRows);
    const double rowHeight = nameMetrics.height();
    const double leftLimit = m_plotArea.left() - 40;
    const double rightLimit = m_plotArea.right() + 40;
    for (const size_t g : order) {
        const Group& group = m_groups[g];
        // Zoomed in, a group is named under the part of it that shows.
        const int first = std::max(group.firstSlot, firstVisible);
        const int last = std::min(group.lastSlot, lastVisible);
        if (first > last)
            continue;
        QString text = group.name;
        int lo = INT_MAX;
        int hi = -1;
        for (int layer : group.layers) {
            if (layer >= 0)
                lo = std::min(lo, layer), hi = std::max(hi, layer);
        }
        const double groupWidth = (last - first + 1) * slotWidth;
        if (hi > lo) {
            const QString ranged = text + QStringLiteral(" %1–%2").arg(lo).arg(hi);
            if (nameMetrics.horizontalAdvance(ranged) + kGap <= groupWidth)
                text = ranged;
        }
        const double w = nameMetrics.horizontalAdvance(text);
        const double centre = (xOf(first) + xOf(last)) / 2;
        const double left = std::clamp(centre - w / 2, leftLimit, rightLimit - w);
        for (int row = 0; row < kNameRows; ++row) {
            const QRectF rect(left, nameTop + row * rowHeight, w, rowHeight);
            if (overlaps(rows[size_t(row)], rect))
                continue;
            rows[size_t(row)].push_back(rect);
            m_nameLabels.push_back({ text, rect });
            if (w + kGap > groupWidth || row > 0) // say which slot a displaced name belongs to
                m_leaders.push_back(QLineF(centre, m_plotArea.bottom(), centre, rect.top()));
            break;
        }
    }
}

void GroupAxisItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (m_plotArea.width() <= 0)
        return;
    painter->setPen(QPen(m_line, 1.0, Qt::DotLine));
    for (const QLineF& leader : m_leaders)
        painter->drawLine(leader);
    painter->setPen(m_text);
    painter->setFont(m_tickFont);
    for (const Label& label : m_tickLabels)
        painter->drawText(label.rect, Qt::AlignCenter, label.text);
    painter->setFont(m_nameFont);
    for (const Label& label : m_nameLabels)
        painter->drawText(label.rect, Qt::AlignCenter, label.text);
    if (!m_title.isEmpty()) {
        painter->setFont(m_titleFont);
        const QFontMetricsF titleMetrics(m_titleFont);
        const double top = m_plotArea.bottom() + height() - titleMetrics.height() - 2;
        painter->drawText(
            QRectF(m_plotArea.left() - 60, top, m_plotArea.width() + 120, titleMetrics.height()),
            Qt::AlignCenter, m_title);
    }
}

} // namespace qc::gui
