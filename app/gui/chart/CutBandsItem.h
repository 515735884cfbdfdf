#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QList>

namespace qc::gui {

// The shaded regions of the ranked curve: each profile's band runs from the previous profile's cut to its
// own, i.e. what it quantizes beyond the smaller profiles. Painted as one light item below the handles, so
// a drag repaints rectangles, not the series.
class CutBandsItem : public QGraphicsItem
{
public:
    explicit CutBandsItem(QGraphicsItem* parent);

    // plotArea in parent coordinates; one x per profile, ascending, or descending with fromRight (a budget's
    // axis, on which quantizing more moves left).
    void setBands(
        const QRectF& plotArea, const QList<double>& xs, const QList<QColor>& colors, bool fromRight = false);

    QRectF boundingRect() const override { return m_plotArea; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF strip(double from, double to) const; // what moving a cut from one x to another repaints

    QRectF m_plotArea;
    QList<double> m_xs;
    QList<QColor> m_colors;
    bool m_fromRight = false;
};

} // namespace qc::gui
