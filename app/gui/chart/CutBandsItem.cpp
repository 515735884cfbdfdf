#include "CutBandsItem.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

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
    const bool sameFrame = plotArea == m_plotArea && colors == m_colors && fromRight == m_fromRight
        && xs.size() == m_xs.size();
    if (plotArea != m_plotArea)
        prepareGeometryChange();
    if (sameFrame) {
        // A drag moves one cut: only the strip between its old and new x changes colour. Repainting just
        // that keeps the curve, grid and labels under the rest of the plot from being redrawn every step.
        for (qsizetype i = 0; i < xs.size(); ++i) {
            if (xs[i] != m_xs[i])
                update(strip(m_xs[i], xs[i]));
        }
    } else {
        update();
    }
    m_fromRight = fromRight;
    m_plotArea = plotArea;
    m_xs = xs;
    m_colors = colors;
}

QRectF CutBandsItem::strip(double from, double to) const
{
    // A band's colour at a pixel depends only on which cuts lie left of it: moving a cut from one x to
    // another changes no pixel outside the two. A pixel each side for the antialiased edges.
    const double left = std::min(from, to) - 1.0;
    return QRectF(left, m_plotArea.top(), std::abs(to - from) + 2.0, m_plotArea.height())
        .intersected(m_plotArea);
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
