#include "TradeOffReport.h"

#include <cmath>

namespace qc {

QString TradeOffReport::describe(const TradeOff::Metric& m)
{
    QString text = QStringLiteral("%1 (%2 is better)")
                       .arg(m.name, m.higherIsBetter ? QStringLiteral("higher") : QStringLiteral("lower"));
    if (std::isnan(m.baseline))
        return text + QStringLiteral(", no baseline");
    text += QStringLiteral(", baseline ") + TradeOff::number(m.baseline);
    if (!std::isnan(m.baselineError))
        text += QStringLiteral(" ± ") + TradeOff::number(m.baselineError);
    return text + QStringLiteral(" from ") + m.baselineFile;
}

void TradeOffReport::add(
    ReportDocument& doc, const TradeOff& t, TradeOff::Measure measure, const std::vector<Chart>& charts)
{
    doc.heading(2, QStringLiteral("Measured outcomes"));
    if (t.isEmpty()) {
        doc.paragraph(
            QStringLiteral("None attached (`quantcut-cli outcomes FILE --outcome PROFILE=RESULTS -o OUT`)."));
        return;
    }
    doc.paragraph(QStringLiteral("Quality against compression per framework (%1); the Pareto front is by %2, "
                                 "INT8 weights 1 byte and kept ones 2 (bf16). Delta is against the baseline, "
                                 "the unquantized model.")
                      .arg(t.frameworks().isEmpty() ? QStringLiteral("none")
                                                    : [&] {
                                                          QStringList names;
                                                          for (const QString& f : t.frameworks())
                                                              names.append(frameworkDisplayName(f));
                                                          return names.join(QStringLiteral(", "));
                                                      }(),
                          CompressionMeasure::phrase(measure)));
    if (!t.staleProfiles().empty()) {
        QStringList items;
        for (const auto& [profile, why] : t.staleProfiles())
            items.append(QStringLiteral("**stale** [%1]: %2").arg(profile, why));
        doc.list(items);
    }
    const QStringList suggestions = t.suggestions(measure);
    if (!suggestions.isEmpty()) {
        doc.heading(3, QStringLiteral("Suggestions"));
        doc.list(suggestions);
    }
    for (int m = 0; m < int(t.metrics().size()); ++m) {
        const TradeOff::Metric& metric = t.metrics()[size_t(m)];
        doc.heading(3, QLatin1Char('`') + metric.name + QLatin1Char('`'));
        doc.paragraph(describe(metric) + QLatin1Char('.'));
        for (const Chart& chart : charts) {
            if (chart.metric == metric.name)
                doc.image(chart.title, chart.png, chart.svg);
        }
        if (metric.points.empty())
            doc.paragraph(QStringLiteral("Only the baseline was measured."));
        else
            doc.table(TradeOff::tableHeader(), t.tableRows(m, measure));
    }
}

} // namespace qc
