#include "ReportCharts.h"

#include "MetricText.h"
#include "ProjectController.h"
#include "chart/LayerSensitivityView.h"
#include "chart/RankScatterView.h"
#include "chart/RankedCurveView.h"
#include "chart/TradeOffView.h"
#include "io/AtomicWriter.h"
#include "io/FileError.h"

#include <QApplication>
#include <QDir>
#include <QPainter>
#include <QPixmap>
#include <QSvgGenerator>

namespace qc::gui {

namespace {
const QSize kChartSize(1200, 620);

// The widget laid out at the report's size, painted once to a PNG (grab) and once to an SVG.
ReviewReport::Chart renderWidget(
    QWidget& widget, const QString& folder, const QString& stem, const QString& title)
{
    widget.resize(kChartSize);
    widget.show();
    QApplication::processEvents();
    const QDir dir(folder);
    ReviewReport::Chart chart { title, stem + QStringLiteral(".png"), stem + QStringLiteral(".svg") };
    // Each file whole or not at all: a report written again over an old one never leaves half a chart.
    const QString png = dir.filePath(chart.png);
    writeAtomically(png, [&](QIODevice& out) {
        if (!widget.grab().save(&out, "PNG"))
            throw FileError(png, QStringLiteral("cannot write the image"));
    });
    const QString svg = dir.filePath(chart.svg);
    writeAtomically(svg, [&](QIODevice& out) {
        QSvgGenerator generator;
        generator.setOutputDevice(&out);
        generator.setSize(kChartSize);
        generator.setViewBox(QRect(QPoint(), kChartSize));
        generator.setTitle(title);
        QPainter painter;
        if (!painter.begin(&generator))
            throw FileError(svg, QStringLiteral("cannot write the SVG"));
        widget.render(&painter);
        painter.end();
    });
    widget.hide();
    return chart;
}
} // namespace

ReviewReport::Charts ReportCharts::render(const Project& project, const QString& folder)
{
    ProjectController controller;
    controller.resetProject(project);
    ReviewReport::Charts charts;
    {
        LayerSensitivityView layers(&controller);
        charts.layers = renderWidget(layers, folder, QStringLiteral("layers"),
            QStringLiteral("Sensitivity per layer, every metric (mean normalized rank, 1 = most sensitive)"));
    }
    {
        RankedCurveView ranked(&controller);
        ranked.chart()->setTitle(
            QStringLiteral("Ranked curve and the profiles' cuts")); // no handles to drag on paper
        charts.ranked = renderWidget(ranked, folder, QStringLiteral("ranked"),
            QStringLiteral(
                "Ranked curve of the eligible ops with each profile's cut and the region it quantizes"));
    }
    if (project.metrics().size() >= 2) {
        RankScatterView scatter(&controller);
        scatter.setMetrics(0, 1);
        charts.scatter = renderWidget(scatter, folder, QStringLiteral("scatter"),
            QStringLiteral("%1 against %2 (ranks); ops on which they disagree stand out")
                .arg(metricShortName(project.metrics()[0]), metricShortName(project.metrics()[1])));
    }
    // One trade-off chart per outcome metric that has measured variants.
    const TradeOff tradeOff = TradeOff::build(project);
    for (int m = 0; m < int(tradeOff.metrics().size()); ++m) {
        const TradeOff::Metric& metric = tradeOff.metrics()[size_t(m)];
        if (metric.points.empty())
            continue;
        TradeOffView view(&controller);
        view.setMeasure(ReviewReport::kTradeOffMeasure);
        view.setMetric(m);
        const QString stem = QStringLiteral("tradeoff_%1").arg(charts.tradeOffs.size() + 1);
        const ReviewReport::Chart chart = renderWidget(view, folder, stem,
            QStringLiteral("%1 against weight memory per framework, with the baseline, stderr bars and the "
                           "Pareto front")
                .arg(metric.name));
        charts.tradeOffs.push_back({ metric.name, chart.title, chart.png, chart.svg });
    }
    return charts;
}

} // namespace qc::gui
