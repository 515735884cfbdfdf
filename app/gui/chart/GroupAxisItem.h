#pragma once

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QString>
#include <limits>
#include <utility>
#include <vector>

namespace qc::gui {

// The x axis of the per-layer chart, drawn below the plot area in the space the chart's bottom margin leaves:
// a row of layer numbers decimated to nice steps (1, 2, 5, 10, ...) so they never overlap however many
// layers there are, then the component names (each centred under its group; a group narrower than its name
// gets a short leader line and the name goes to the next free row, or is left to the hover tooltip), then
// the axis title. Qt's QCategoryAxis gives every label the same share of the axis width and truncates it,
// which is what made one-slot groups collide and "language ..." lose its range.
class GroupAxisItem : public QGraphicsItem
{
public:
    struct Group
    {
        QString name;
        int firstSlot = 0;
        int lastSlot = 0;
        std::vector<int> layers; // per slot of the group, -1 for none
    };

    explicit GroupAxisItem(QGraphicsItem* parent);

    void setGroups(std::vector<Group> groups, int slotCount);
    void setTitle(const QString& title);
    void setColors(const QColor& text, const QColor& line);
    // plotArea in parent coordinates; the item draws in [plotArea.bottom(), plotArea.bottom() + height()].
    void setPlotArea(const QRectF& plotArea);
    // The slots the zoomed chart shows, in its x units (slot s centred on s); NaN: all of them.
    void setVisibleSlots(double lo, double hi);
    // What the chart's bottom margin must leave free.
    int height() const;

    // What was drawn, for tests: visible name labels and layer-number labels with their rectangles.
    struct Label
    {
        QString text;
        QRectF rect;
    };
    const std::vector<Label>& nameLabels() const { return m_nameLabels; }
    const std::vector<Label>& tickLabels() const { return m_tickLabels; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    static constexpr int kNameRows = 2;

private:
    double xOf(double slot) const;
    std::pair<double, double> visibleSlots() const;
    void layoutLabels();

    std::vector<Group> m_groups;
    int m_slotCount = 0;
    double m_visibleLo = std::numeric_limits<double>::quiet_NaN();
    double m_visibleHi = std::numeric_limits<double>::quiet_NaN();
    QString m_title;
    QRectF m_plotArea;
    QFont m_tickFont;
    QFont m_nameFont;
    QFont m_titleFont;
    QColor m_text = Qt::black;
    QColor m_line = Qt::gray;
    std::vector<Label> m_nameLabels;
    std::vector<Label> m_tickLabels;
    std::vector<QLineF> m_leaders;
};

} // namespace qc::gui
