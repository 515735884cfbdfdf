#include "ChartImageExporter.h"

#include "ChartView.h"
#include "io/AtomicWriter.h"
#include "io/FileError.h"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <QWidget>

namespace qc::gui {

QSize ChartImageExporter::naturalSize(const QList<QWidget*>& charts)
{
    QSize size;
    for (const QWidget* chart : charts)
        size = QSize(size.width() + chart->width(), std::max(size.height(), chart->height()));
    return size;
}

void ChartImageExporter::paint(QPainter& painter, const QList<QWidget*>& charts, const QSize& logicalSize)
{
    // Each chart gets a share of the width in proportion to its on-screen width.
    const QSize natural = naturalSize(charts);
    double x = 0.0;
    for (QWidget* chart : charts) {
        const double share = natural.width() > 0 ? double(chart->width()) / natural.width() : 1.0;
        const QRectF target(x, 0.0, share * logicalSize.width(), logicalSize.height());
        x += target.width();
        auto* view = qobject_cast<ChartView*>(chart);
        if (view)
            view->setExporting(true);
        // One scale for both directions (text must not stretch), centred in the chart's share.
        const double s = std::min(
            target.width() / std::max(1, chart->width()), target.height() / std::max(1, chart->height()));
        painter.save();
        painter.translate(target.center() - QPointF(chart->width() * s, chart->height() * s) / 2.0);
        painter.scale(s, s);
        if (view) // the scene only: no scroll bars, no focus frame
            view->scene()->render(&painter, QRectF(QPointF(), chart->size()), view->sceneRect());
        else
            chart->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
        painter.restore();
        if (view)
            view->setExporting(false);
    }
}

bool ChartImageExporter::write(
    const QString& path, const QList<QWidget*>& charts, QSize size, int dpi, QString* error)
{
    if (charts.isEmpty()) {
        *error = QObject::tr("No chart to export");
        return false;
    }
    if (size.isEmpty())
        size = naturalSize(charts);
    dpi = std::clamp(dpi, 48, 1200);
    // Laid out at the size the charts would have on a screen of this DPI, then scaled up to the pixels.
    const double scale = double(dpi) / kScreenDpi;
    const QSize logical(int(size.width() / scale), int(size.height() / scale));
    // The file whole or not at all: an existing image survives a failed export.
    const auto written = [&](const std::function<void(QIODevice&)>& write) {
        try {
            writeAtomically(path, write);
            return true;
        } catch (const FileError& e) {
            *error = e.toString();
            return false;
        }
    };
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        return written([&](QIODevice& out) {
            QSvgGenerator generator;
            generator.setOutputDevice(&out);
            generator.setSize(logical);
            generator.setViewBox(QRect(QPoint(), logical));
            generator.setResolution(kScreenDpi);
            generator.setTitle(QObject::tr("QuantCut charts"));
            QPainter painter;
            if (!painter.begin(&generator))
                throw FileError(path, QObject::tr("cannot write"));
            paint(painter, charts, logical);
            painter.end();
        });
    }
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(charts.front()->palette().color(QPalette::Base));
    image.setDotsPerMeterX(qRound(dpi / 0.0254));
    image.setDotsPerMeterY(qRound(dpi / 0.0254));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(double(size.width()) / logical.width(), double(size.height()) / logical.height());
    paint(painter, charts, logical);
    painter.end();
    const QByteArray format = QFileInfo(path).suffix().toLower().toLatin1(); // what QImage::save(path) infers
    return written([&](QIODevice& out) {
        if (!image.save(&out, format.isEmpty() ? "PNG" : format.constData()))
            throw FileError(path, QObject::tr("cannot write the image"));
    });
}

} // namespace qc::gui
