#include "ArgumentList.h"
#include "CliContext.h"
#include "document/ProfileDocument.h"
#include "io/AtomicWriter.h"
#include "io/FileError.h"
#include "report/ReviewReport.h"

#include <QDir>
#include <QFileInfo>

#ifdef QUANTCUT_CLI_CHARTS
#include "report/ReportCharts.h"
#endif

namespace qc::cli {

int runReport(const QStringList& argv)
{
    const ArgumentList args(argv, { QStringLiteral("-o"), QStringLiteral("--output") }, {});
    if (args.positionals().size() != 1)
        throw UsageError { QStringLiteral("expects one profile file") };
    const QString folder = args.value(QStringLiteral("-o"), args.value(QStringLiteral("--output")));
    if (folder.isEmpty() || folder == QLatin1String("-"))
        throw UsageError { QStringLiteral(
            "missing -o DIR (the report is a folder: Markdown, HTML and the charts)") };
    const QString file = args.positionals().front();
    const QDir dir(folder);
    for (const char* name : { "report.md", "report.html" })
        refuseInputAsOutput(dir.filePath(QLatin1String(name)), { file });
    const Project project = ProfileDocument::load(file).project;
    if (!QDir().mkpath(folder))
        throw FileError(folder, QStringLiteral("cannot create the report folder"));
    ReviewReport::Charts charts;
#ifdef QUANTCUT_CLI_CHARTS
    charts = gui::ReportCharts::render(project, folder);
#endif
    const ReportDocument doc = ReviewReport::build(project, QFileInfo(file).fileName(), charts);
    writeAtomically(dir.filePath(QStringLiteral("report.md")), doc.toMarkdown());
    writeAtomically(dir.filePath(QStringLiteral("report.html")),
        doc.toHtml(QStringLiteral("QuantCut review: ") + QFileInfo(file).fileName(), folder));
    err() << "wrote " << dir.filePath(QStringLiteral("report.md")) << " and report.html with "
          << (charts.scatter.png.isEmpty() ? 2 : 3) + charts.tradeOffs.size() << " charts (PNG and SVG)"
          << Qt::endl;
    return Ok;
}

} // namespace qc::cli
