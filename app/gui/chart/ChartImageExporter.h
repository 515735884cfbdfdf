#pragma once

#include <QList>
#include <QSize>
#include <QString>

class QPaintDevice;
class QPainter;
class QWidget;

namespace qc::gui {

// Writes charts side by side into a PNG or SVG of a chosen size and resolution: only the charts, none of
// the controls around them (mode boxes, tabs) and none of the on-screen hints (ChartView::setExporting).
// Each chart is drawn as vectors scaled to its share of the image, so a 3000 px export is sharp, and a PNG
// records its DPI so it prints at the intended physical size.
class ChartImageExporter
{
public:
    static constexpr int kScreenDpi = 96;

    // size in pixels (empty: the charts' on-screen size); false with error set when nothing was written.
    static bool write(
        const QString& path, const QList<QWidget*>& charts, QSize size, int dpi, QString* error);
    // The on-screen size of charts side by side: the default of the size question.
    static QSize naturalSize(const QList<QWidget*>& charts);

private:
    static void paint(QPainter& painter, const QList<QWidget*>& charts, const QSize& logicalSize);
};

} // namespace qc::gui
