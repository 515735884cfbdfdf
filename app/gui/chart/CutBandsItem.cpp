#include "CutBandsItem.h"

#include <QPainter>

namespace qc::gui {

CutBandsItem::CutBandsItem(QGraphicsItem* parent)
    : QGraphicsItem(parent)
{
    setZValue(0.5); // above the plot-area background (0), below grid (2) and series (4)
    setAcceptedMouseButtons(Qt::NoButton);
}

void CutBandsItem::setBands(const QRectF& plotArea, const QList<double>& xs, const QList<QColor>& colors)
{
    if (plotArea != m_plotArea)
        prepareGeometryChange();
    m_plotArea = plotArea;
    m_xs = xs;
    m_colors = colors;
    update();
}

void CutBandsItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    double left = m_plotArea.left();
    for (qsizetype i = 0; i < m_xs.size(); ++i) {
        const double right = std::max(left, m_xs[i]);
        QColor fill = m_colors.value(i);
        fill.setAlpha(55);
        painter->fillRect(QRectF(left, m_plotArea.top(), right - left, m_plotArea.height()), fill);
        left = right;
    }
}

} // namespace qc::gui
