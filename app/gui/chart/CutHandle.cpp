#include "CutHandle.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace qc::gui {

namespace {
constexpr double kGrip = 6.0; // half the width that takes the mouse, in pixels
constexpr double kLabelHeight = 18.0;
QFont labelFont()
{
    QFont font;
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.9);
    return font;
}
} // namespace

CutHandle::CutHandle(int profile, QGraphicsItem* parent)
    : QGraphicsObject(parent)
    , m_profile(profile)
{
    setZValue(20);
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::LeftButton);
    setCursor(Qt::SizeHorCursor);
}

void CutHandle::setGeometry(double x, const QRectF& plotArea, const QString& label, int labelRow)
{
    const QFontMetricsF metrics(labelFont());
    const bool flip = x + metrics.horizontalAdvance(label) + 14.0 > plotArea.right();
    if (m_height != plotArea.height() || m_label != label || m_labelRow != labelRow || m_flipLabel != flip) {
        prepareGeometryChange();
        m_flipLabel = flip;
        m_height = plotArea.height();
        m_label = label;
        m_labelRow = labelRow;
        update();
    }
    setPos(x, plotArea.top());
}

std::pair<double, double> CutHandle::labelSpan(double x, const QRectF& plotArea, const QString& label)
{
    const QFontMetricsF metrics(labelFont());
    const double width = metrics.horizontalAdvance(label) + 10.0;
    const bool flip = x + metrics.horizontalAdvance(label) + 14.0 > plotArea.right();
    return flip ? std::pair(x - 2.0 - width, x - 2.0) : std::pair(x + 2.0, x + 2.0 + width);
}

void CutHandle::setColor(const QColor& color)
{
    m_color = color;
    update();
}

QRectF CutHandle::labelRect() const
{
    const QFontMetricsF metrics(labelFont());
    const double width = metrics.horizontalAdvance(m_label) + 10.0;
    // Labels sit just right of the line, inside the plot, staggered in rows; near the right edge they flip
    // to the left of the line so they stay readable.
    const double left = m_flipLabel ? -2.0 - width : 2.0;
    return { left, 4.0 + m_labelRow * (kLabelHeight + 3.0), width, kLabelHeight };
}

QRectF CutHandle::boundingRect() const
{
    return QRectF(-kGrip, 0.0, 2 * kGrip, m_height).united(labelRect()).adjusted(-1, -1, 1, 1);
}

QPainterPath CutHandle::shape() const
{
    QPainterPath path;
    path.addRect(QRectF(-kGrip, 0.0, 2 * kGrip, m_height));
    path.addRect(labelRect());
    return path;
}

void CutHandle::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const double width = (m_hovered || m_dragging) ? 3.5 : 2.5;
    painter->setPen(QPen(m_color, width));
    painter->drawLine(QPointF(0, 0), QPointF(0, m_height));
    // A grip in the middle shows the line can be dragged.
    painter->setBrush(m_color);
    painter->setPen(Qt::NoPen);
    painter->drawRoundedRect(QRectF(-4.5, m_height / 2 - 14, 9, 28), 3, 3);
    const QRectF box = labelRect();
    painter->setBrush(m_color);
    painter->drawRoundedRect(box, 3, 3);
    painter->setPen(Qt::white);
    painter->setFont(labelFont());
    painter->drawText(box, Qt::AlignCenter, m_label);
}

void CutHandle::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    m_dragging = true;
    event->accept();
    emit dragStarted(m_profile);
}

void CutHandle::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (!m_dragging)
        return;
    emit dragMoved(m_profile, parentItem()->mapFromScene(event->scenePos()).x());
}

void CutHandle::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (!m_dragging)
        return;
    emit dragMoved(m_profile, parentItem()->mapFromScene(event->scenePos()).x());
    m_dragging = false;
    update();
    emit dragFinished(m_profile);
}

void CutHandle::hoverEnterEvent(QGraphicsSceneHoverEvent*)
{
    m_hovered = true;
    update();
}

void CutHandle::hoverLeaveEvent(QGraphicsSceneHoverEvent*)
{
    m_hovered = false;
    update();
}

} // namespace qc::gui
