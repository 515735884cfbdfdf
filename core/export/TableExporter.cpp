#include "TableExporter.h"

#include "check/Checker.h"
#include "document/YamlText.h"
#include "project/Project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace qc {

namespace {
QString csvCell(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString number(double v)
{
    return std::isnan(v) ? QString() : QString::number(v, 'g', QLocale::FloatingPointShortest);
}

QString percent(qint64 part, qint64 total)
{
    return total > 0 ? QString::number(100.0 * double(part) / double(total), 'f', 1) + QLatin1Char('%')
                     : QStringLiteral("-");
}
} // namespace

QByteArray TableExporter::toJson(const Project& project, int profile, const ExportOptions& options)
{
    const ProfileLists lists = project.lists()[size_t(profile)];
    QJsonArray keep;
    for (const auto& [op, reason] : lists.keep)
        keep.append(QJsonObject { { QStringLiteral("op"), op }, { QStringLiteral("reason"), reason } });
    const ProfileCut& cut = project.cuts()[size_t(profile)];
    const QJsonObject root { { QStringLiteral("format"), QStringLiteral("quantcut profile (json)") },
        { QStringLiteral("generator"), QStringLiteral("quantcut " QUANTCUT_VERSION) },
        { QStringLiteral("profile"),
            QJsonObject { { QStringLiteral("name"), lists.spec.name },
                { QStringLiteral("label"), lists.spec.label }, { QStringLiteral("cut"), lists.spec.cut },
                { QStringLiteral("cut_by"), CutPlan::cutByName(project.cutPlan().by) } } },
        { QStringLiteral("numeric_format"),
            QJsonObject { { QStringLiteral("weights"), options.weightsText() },
                { QStringLiteral("activations"), options.activationsText() },
                { QStringLiteral("kept"), QStringLiteral("higher precision") } } },
        { QStringLiteral("stats"),
            QJsonObject { { QStringLiteral("ops_quantized"), double(cut.ops) },
                { QStringLiteral("ops_total"), project.inventory().size() },
                { QStringLiteral("params_quantized"), double(cut.params) },
                { QStringLiteral("params_total"), double(project.inventory().totalParams()) } } },
        { QStringLiteral("quantize"), QJsonArray::fromStringList(lists.quantize) },
        { QStringLiteral("keep"), keep },
        { QStringLiteral("violations"), QJsonArray::fromStringList(Checker::errorsFor(project, profile)) } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray TableExporter::toCsv(const Project& project)
{
    QStringList header = { QStringLiteral("name"), QStringLiteral("op_type"), QStringLiteral("component"),
        QStringLiteral("layer"), QStringLiteral("params") };
    for (const Metric& m : project.metrics()) {
        header.append(
            m.id + (m.polarity() == Polarity::LowerIsMoreSensitive ? QStringLiteral(" [lower]") : QString()));
        header.append(m.id + QStringLiteral("_rank"));
    }
    header.append(QStringLiteral("combined_score"));
    for (const ProfileSpec& spec : project.cutPlan().profiles)
        header.append(QStringLiteral("profile_") + spec.name);
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    const Ranking& r = project.ranking();
    for (int op = 0; op < project.inventory().size(); ++op) {
        const Op& o = project.inventory().at(op);
        QStringList row = { csvCell(o.name), csvCell(o.opType), csvCell(o.component),
            o.layer >= 0 ? QString::number(o.layer) : QString(),
            o.params >= 0 ? QString::number(o.params) : QString() };
        for (size_t m = 0; m < project.scores().size(); ++m) {
            row.append(number(project.scores()[m].values[size_t(op)]));
            row.append(number(r.metricRank[m][size_t(op)]));
        }
        row.append(number(r.combinedScore(op)));
        for (int p = 0; p < project.profileCount(); ++p) {
            const QString reason = project.keepReason(op, p);
            row.append(reason.isEmpty() ? QStringLiteral("int8") : csvCell(QStringLiteral("keep:") + reason));
        }
        out += row.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out.toUtf8();
}

QByteArray TableExporter::toMarkdown(const Project& project, int profile, const ExportOptions& options)
{
    const qint64 params = project.inventory().totalParams();
    QString md;
    md += QStringLiteral("# QuantCut profiles\n\n");
    md += QStringLiteral(
        "Inventory: `%1`, %2 ops, %3 parameters. INT8 W8A8 here: weights %4; activations %5.\n\n")
              .arg(project.inventory().source())
              .arg(project.inventory().size())
              .arg(params)
              .arg(options.weightsText(), options.activationsText());
    md += QStringLiteral(
        "## Sources\n\n| id | format | polarity | names | matched |\n|---|---|---|---|---|\n");
    for (size_t m = 0; m < project.metrics().size(); ++m) {
        const Metric& metric = project.metrics()[m];
        md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                  .arg(metric.id, metric.format, polarityName(metric.polarity()))
                  .arg(metric.entries.size())
                  .arg(project.reconciliations()[m].matchedCount());
    }
    md += QStringLiteral("\nCombination: %1, cut by %2.\n\n")
              .arg(project.combine().toString(), CutPlan::cutByName(project.cutPlan().by));
    md += QStringLiteral(
        "## Profiles\n\n| profile | label | cut | INT8 ops | INT8 params |\n|---|---|---|---|---|\n");
    for (int p = 0; p < project.profileCount(); ++p) {
        const ProfileSpec& spec = project.cutPlan().profiles[size_t(p)];
        const ProfileCut& cut = project.cuts()[size_t(p)];
        md += QStringLiteral("| %1 | %2 | %3 | %4 of %5 | %6 |\n")
                  .arg(spec.name, spec.label, yamlNumber(spec.cut))
                  .arg(cut.ops)
                  .arg(project.inventory().size())
                  .arg(percent(cut.params, params));
    }
    const ProfileLists lists = project.lists()[size_t(profile)];
    md += QStringLiteral("\n## Profile %1 (%2): kept in higher precision\n\n| op | reason |\n|---|---|\n")
              .arg(lists.spec.name, lists.spec.label);
    for (const auto& [op, reason] : lists.keep)
        md += QStringLiteral("| `%1` | %2 |\n").arg(op, reason);
    const std::vector<Violation> violations = Checker::check(project);
    md += QStringLiteral("\n## Violations\n\n");
    if (violations.empty())
        md += QStringLiteral("None.\n");
    for (const Violation& v : violations)
        md += QStringLiteral("- **%1** %2: %3\n").arg(severityName(v.severity), kindName(v.kind), v.message);
    return md.toUtf8();
}

} // namespace qc
