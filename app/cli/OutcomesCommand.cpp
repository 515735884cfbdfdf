#include "ArgumentList.h"
#include "CliContext.h"
#include "OutcomeArguments.h"
#include "check/Checker.h"
#include "document/ProfileDocument.h"
#include "io/AtomicWriter.h"
#include "report/TradeOffReport.h"
#include "tradeoff/TradeOff.h"

#include <QFileInfo>

namespace qc::cli {

namespace {
std::optional<CompressionMeasure::Kind> parseMeasure(const QString& id)
{
    for (const CompressionMeasure::Kind k : CompressionMeasure::kAll) {
        if (CompressionMeasure::id(k) == id)
            return k;
    }
    return std::nullopt;
}

// Columns padded to their widest cell: a table a terminal shows as one.
QString textTable(const QStringList& header, const std::vector<QStringList>& rows)
{
    std::vector<qsizetype> width(size_t(header.size()), 0);
    const auto measure = [&](const QStringList& cells) {
        for (qsizetype c = 0; c < cells.size() && c < header.size(); ++c)
            width[size_t(c)] = std::max(width[size_t(c)], cells[c].size());
    };
    measure(header);
    for (const QStringList& row : rows)
        measure(row);
    const auto line = [&](const QStringList& cells) -> QString {
        QString text;
        for (qsizetype c = 0; c < cells.size(); ++c)
            text += (c + 1 < cells.size() ? cells[c].leftJustified(width[size_t(c)]) + QStringLiteral("  ")
                                          : cells[c]);
        return text.trimmed() + QLatin1Char('\n');
    };
    QString text = line(header);
    for (const QStringList& row : rows)
        text += line(row);
    return text;
}

QString textReport(const TradeOff& t, CompressionMeasure::Kind measure, const QString& file)
{
    if (t.isEmpty())
        return QStringLiteral("%1: no measured outcomes (attach results files: outcomes %1 --outcome "
                              "PROFILE=RESULTS -o OUT.yaml)\n")
            .arg(file);
    QString text = QStringLiteral("%1: outcomes of %2 metric(s); Pareto front by %3\n")
                       .arg(file)
                       .arg(t.metrics().size())
                       .arg(CompressionMeasure::phrase(measure));
    for (int m = 0; m < int(t.metrics().size()); ++m) {
        const TradeOff::Metric& metric = t.metrics()[size_t(m)];
        text += QLatin1Char('\n') + TradeOffReport::describe(metric) + QLatin1Char('\n');
        if (!metric.points.empty())
            text += textTable(TradeOff::tableHeader(), t.tableRows(m, measure));
    }
    const QStringList suggestions = t.suggestions(measure);
    if (!suggestions.isEmpty()) {
        text += QStringLiteral("\nsuggestions:\n");
        for (const QString& s : suggestions)
            text += QStringLiteral("  ") + s + QLatin1Char('\n');
    }
    return text;
}
} // namespace

int runOutcomes(const QStringList& argv)
{
    const ArgumentList args(argv,
        { QStringLiteral("--outcome"), QStringLiteral("--x"), QStringLiteral("-o"),
            QStringLiteral("--output") },
        { QStringLiteral("--markdown") });
    if (args.positionals().size() != 1)
        throw UsageError { QStringLiteral("expects one profile file") };
    const QString file = args.positionals().front();
    const QString output = args.value(QStringLiteral("-o"), args.value(QStringLiteral("--output")));
    if (!output.isEmpty() && !args.has(QStringLiteral("--outcome")))
        throw UsageError { QStringLiteral(
            "-o writes the profile file with the outcomes attached: give --outcome") };
    const auto measure = parseMeasure(args.value(QStringLiteral("--x"), QStringLiteral("weight-memory-gb")));
    if (!measure)
        throw UsageError { QStringLiteral(
            "--x must be weight-memory-gb, int8-ops, int8-params or effective-bits") };
    if (!output.isEmpty())
        refuseInputAsOutput(output, QStringList { file } + outcomeFiles(args));
    ProfileDocument::Loaded loaded = ProfileDocument::load(file);
    if (args.has(QStringLiteral("--outcome"))) {
        std::vector<Outcome> outcomes = loaded.project.outcomes();
        // Fingerprints of the lists as stored: what the outcomes were measured on is what the file lists.
        attachOutcomeArguments(args, outcomes, loaded.storedLists);
        loaded.project.setOutcomes(std::move(outcomes));
    }
    const TradeOff t = TradeOff::build(loaded.project);
    for (const auto& [profile, why] : t.staleProfiles())
        err() << "warning stale-outcome [" << profile << "]: " << why << Qt::endl;
    if (args.has(QStringLiteral("--markdown"))) {
        ReportDocument doc;
        TradeOffReport::add(doc, t, *measure);
        out() << QString::fromUtf8(doc.toMarkdown());
    } else {
        out() << textReport(t, *measure, QFileInfo(file).fileName());
    }
    out().flush();
    if (!output.isEmpty()) {
        ProfileDocument::save(loaded.project, Checker::check(loaded.project), output);
        err() << "wrote " << output << " with " << loaded.project.outcomes().size() << " outcome(s)"
              << Qt::endl;
    }
    return Ok;
}

} // namespace qc::cli
