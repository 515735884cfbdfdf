#pragma once

#include <QColor>
#include <QGraphicsObject>
#include <utility>

namespace qc::gui {

// A profile's cut point on the ranked curve: a vertical line across the plot with a label, dragged
// horizontally. A light item on top of the chart (qt-anchors §6.4): moving it never touches a series.
// It only reports where the pointer wants the cut; the chart clamps, snaps and positions it.
class CutHandle : public QGraphicsObject
{
    Q_OBJECT
public:
    CutHandle(int profile, QGraphicsItem* parent);

    int profile() const { return m_profile; }
    // x and plotArea in the parent's (the chart's) coordinates; labelRow staggers labels of close handles.
    void setGeometry(double x, const QRectF& plotArea, const QString& label, int labelRow);
    void setColor(const QColor& color);
    QString label() const { return m_label; }
    // Where a handle at x would put this label, horizontally, in the parent's coordinates: for staggering.
    static std::pair<double, double> labelSpan(double x, const QRectF& plotArea, const QString& label);

    QRectF boundingRect() const override;
    // The line's grip and the label take the mouse, not the whole bounding box between them.
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

signals:
    void dragStarted(int profile);
    void dragMoved(int profile, double chartX);
    void dragFinished(int profile);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    QRectF labelRect() const;

    int m_profile;
    QColor m_color;
    QString m_label;
    double m_height = 0.0;
    int m_labelRow = 0;
    bool m_flipLabel = false;
    bool m_hovered = false;
    bool m_dragging = false;
};

} // namespace qc::gui
