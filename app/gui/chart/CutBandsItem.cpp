#include "CutBandsItem.h"

#include <QPainter>

namespace qc::gui {

CutBandsItem::CutBandsItem(QGraphicsItem* parent)
    : QGraphicsItem(parent)
{
    setZValue(0.5); // above the plot-area background (0), below grid (2) and series (4)
    setAcceptedMouseButtons(Qt::NoButton);
}

void CutBandsItem::setBands(
    const QRectF& plotArea, const QList<double>& xs, const QList<QColor>& colors, bool fromRight)
{
    m_fromRight = fromRight;
    if (plotArea != m_plotArea)
        prepareGeometryChange();
    m_plotArea = plotArea;
    m_xs = xs;
    m_colors = colors;
    update();
}

void CutBandsItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    double edge = m_fromRight ? m_plotArea.right() : m_plotArea.left();
    for (qsizetype i = 0; i < m_xs.size(); ++i) {
        const double next = m_fromRight ? std::min(edge, m_xs[i]) : std::max(edge, m_xs[i]);
        QColor fill = m_colors.value(i);
        fill.setAlpha(55);
        const double left = std::min(edge, next);
        painter->fillRect(QRectF(left, m_plotArea.top(), std::abs(next - edge), m_plotArea.height()), fill);
        edge = next;
    }
}

} // namespace qc::gui
