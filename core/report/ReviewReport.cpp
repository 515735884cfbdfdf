#include "ReviewReport.h"

#include "check/Checker.h"
#include "compare/ProfileDiff.h"
#include "compare/ReferenceSchemes.h"
#include "patterns/LayerPattern.h"
#include "project/Project.h"
#include "ranking/Agreement.h"

#include <QMap>

namespace qc {

namespace {
QString percent(qint64 part, qint64 total)
{
    return total > 0 ? QString::number(100.0 * double(part) / double(total), 'f', 1) + QLatin1Char('%')
                     : QStringLiteral("-");
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1) + QStringLiteral(" MB");
}

QString codeList(const QStringList& names)
{
    QStringList quoted;
    for (const QString& n : names)
        quoted.append(QLatin1Char('`') + n + QLatin1Char('`'));
    return quoted.join(QStringLiteral(", "));
}

void sources(ReportDocument& doc, const Project& p)
{
    doc.heading(2, QStringLiteral("Sources"));
    std::vector<QStringList> rows;
    QStringList notes;
    for (size_t m = 0; m < p.metrics().size(); ++m) {
        const Metric& metric = p.metrics()[m];
        const Reconciliation& rec = p.reconciliations()[m];
        rows.push_back({ QLatin1Char('`') + metric.id + QLatin1Char('`'), metric.label, metric.format,
            polarityName(metric.polarity())
                + (metric.flipped ? QStringLiteral(" (flipped by the user)") : QString()),
            QString::number(metric.entries.size()), QString::number(rec.matchedCount()),
            QString::number(rec.unmatched.size()), QString::number(rec.ambiguous.size()) });
        if (!metric.note.isEmpty())
            notes.append(QStringLiteral("`%1`: %2").arg(metric.id, metric.note));
    }
    doc.table({ QStringLiteral("id"), QStringLiteral("metric"), QStringLiteral("format"),
                  QStringLiteral("polarity"), QStringLiteral("names"), QStringLiteral("matched"),
                  QStringLiteral("unmatched"), QStringLiteral("ambiguous") },
        rows);
    if (!notes.isEmpty())
        doc.list(notes);
}

void agreement(ReportDocument& doc, const Project& p)
{
    if (p.scores().size() < 2)
        return;
    doc.heading(2, QStringLiteral("Metric agreement"));
    std::vector<QStringList> rows;
    int cached = -1; // the pairs come by their first metric: its values once, not once per pair
    std::vector<double> first;
    for (const auto& [a, b] : Agreement::statedPairs(int(p.scores().size()))) {
        if (a != cached)
            first = p.orientedValues(cached = a);
        const Agreement ag = Agreement::compute(first, p.orientedValues(b));
        rows.push_back(
            { p.scores()[size_t(a)].metricId, p.scores()[size_t(b)].metricId, QString::number(ag.common),
                QString::number(ag.spearman, 'f', 3), QString::number(ag.kendall, 'f', 3),
                QStringLiteral("%1 (k = %2)").arg(QString::number(ag.topKOverlap, 'f', 3)).arg(ag.topK) });
    }
    doc.table(
        { QStringLiteral("metric A"), QStringLiteral("metric B"), QStringLiteral("ops in both"),
            QStringLiteral("Spearman"), QStringLiteral("Kendall tau-b"), QStringLiteral("top-10% overlap") },
        rows);
    doc.paragraph(
        QStringLiteral("Values are oriented by each metric's polarity first, so 1 means the metrics agree on "
                       "which ops are sensitive."));
}

void profileSection(ReportDocument& doc, const Project& p, const ProfileLists& lists, int profile)
{
    const ProfileCut& cut = p.cuts()[size_t(profile)];
    const qint64 params = p.inventory().totalParams();
    doc.heading(3,
        QStringLiteral("Profile %1 (%2), cut %3").arg(lists.spec.name, lists.spec.label).arg(lists.spec.cut));
    doc.paragraph(
        QStringLiteral("%1 of %2 ops INT8 (%3), %4 of the parameters; weights %5 against %6 in bf16.")
            .arg(cut.ops)
            .arg(p.inventory().size())
            .arg(percent(cut.ops, p.inventory().size()), percent(cut.params, params),
                megabytes(ReviewReport::weightBytes(p, profile)), megabytes(2 * params)));
    doc.paragraph(QStringLiteral("**INT8** (layer ranges in braces): ")
        + codeList(LayerPattern::compress(lists.quantize)));
    QMap<QString, QStringList> byReason;
    for (const auto& [op, reason] : lists.keep)
        byReason[reason.startsWith(QLatin1String("fused:")) ? QStringLiteral("fused with a kept partner")
                                                            : reason]
            .append(op);
    std::vector<QStringList> rows;
    for (auto it = byReason.cbegin(); it != byReason.cend(); ++it)
        rows.push_back(
            { it.key(), QString::number(it.value().size()), codeList(LayerPattern::compress(it.value())) });
    doc.table({ QStringLiteral("kept because"), QStringLiteral("ops"), QStringLiteral("which") }, rows);
}

void profiles(ReportDocument& doc, const Project& p)
{
    doc.heading(2, QStringLiteral("Profiles"));
    const qint64 params = p.inventory().totalParams();
    const std::vector<Violation> violations = Checker::check(p);
    std::vector<QStringList> rows;
    for (int prof = 0; prof < p.profileCount(); ++prof) {
        const ProfileSpec& s = p.cutPlan().profiles[size_t(prof)];
        const ProfileCut& c = p.cuts()[size_t(prof)];
        const auto errors = std::count_if(violations.begin(), violations.end(), [&](const Violation& v) {
            return v.severity == Violation::Severity::Error && (v.profile.isEmpty() || v.profile == s.name);
        });
        rows.push_back({ s.name, s.label, QString::number(s.cut), QString::number(c.ops),
            percent(c.ops, p.inventory().size()), percent(c.params, params),
            megabytes(ReviewReport::weightBytes(p, prof)), QString::number(errors) });
    }
    doc.table({ QStringLiteral("profile"), QStringLiteral("label"), QStringLiteral("cut"),
                  QStringLiteral("INT8 ops"), QStringLiteral("of all ops"), QStringLiteral("of parameters"),
                  QStringLiteral("weights (INT8 + bf16)"), QStringLiteral("errors") },
        rows);
    doc.paragraph(QStringLiteral(
        "Combination: `%1`; cuts by %2 over the eligible ops, least sensitive first; profiles are "
        "nested. INT8 W8A8 here: weights int8 per-channel symmetric, activations int8 per-tensor static.")
                      .arg(p.combine().toString(), CutPlan::cutByName(p.cutPlan().by)));
    const std::vector<ProfileLists> all = p.lists();
    for (int prof = 0; prof < p.profileCount(); ++prof)
        profileSection(doc, p, all[size_t(prof)], prof);
}

void violationsSection(ReportDocument& doc, const Project& p)
{
    doc.heading(2, QStringLiteral("Violations"));
    const std::vector<Violation> violations = Checker::check(p);
    QStringList items;
    QMap<QString, int> hidden;
    QMap<QString, int> shown;
    for (const Violation& v : violations) {
        const QString kind = kindName(v.kind);
        if (v.severity == Violation::Severity::Warning && shown[kind]++ >= 10) {
            ++hidden[kind];
            continue;
        }
        items.append(
            QStringLiteral("**%1** %2%3: %4")
                .arg(severityName(v.severity), kind,
                    v.profile.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(v.profile), v.message));
    }
    for (auto it = hidden.cbegin(); it != hidden.cend(); ++it)
        items.append(QStringLiteral("... and %1 more %2 warnings").arg(it.value()).arg(it.key()));
    if (items.isEmpty())
        doc.paragraph(QStringLiteral("None."));
    else
        doc.list(items);
}

void references(ReportDocument& doc, const Project& p)
{
    doc.heading(2, QStringLiteral("Comparison with reference schemes"));
    doc.paragraph(QStringLiteral(
        "`lm-only`: what every public Qwen2.5-VL release quantizes (the text decoder's Linears only). "
        "`modelopt-default`: ModelOpt's INT8 preset with its default-disabled patterns."));
    for (const QString& name : { QStringLiteral("lm-only"), QStringLiteral("modelopt-default") }) {
        const Project ref = ReferenceSchemes::byName(name, p.inventory());
        doc.heading(3, QStringLiteral("Against `%1` (%2 ops INT8)").arg(name).arg(ref.cuts().front().ops));
        std::vector<QStringList> rows;
        for (int prof = 0; prof < p.profileCount(); ++prof) {
            const ProfileDiff d = ProfileDiff::compute(p, prof, ref, 0);
            rows.push_back({ p.cutPlan().profiles[size_t(prof)].name, QString::number(d.both.size()),
                QString::number(d.onlyA.size()), QString::number(d.onlyB.size()),
                QString::number(d.jaccard, 'f', 3) });
        }
        doc.table(
            { QStringLiteral("profile"), QStringLiteral("INT8 in both"), QStringLiteral("only the profile"),
                QStringLiteral("only the reference"), QStringLiteral("overlap (Jaccard)") },
            rows);
        const ProfileDiff last = ProfileDiff::compute(p, p.profileCount() - 1, ref, 0);
        std::vector<QStringList> worst;
        for (size_t i = 0; i < std::min<size_t>(10, last.disagreements.size()); ++i) {
            const ProfileDiff::Disagreement& x = last.disagreements[i];
            worst.push_back(
                { QLatin1Char('`') + x.op + QLatin1Char('`'), QString::number(x.sensitivity, 'f', 3),
                    x.quantizedA ? QStringLiteral("INT8") : QStringLiteral("kept"),
                    x.quantizedB ? QStringLiteral("INT8") : QStringLiteral("kept") });
        }
        if (!worst.empty()) {
            doc.paragraph(QStringLiteral(
                "Where the ranking and `%1` disagree most (profile %2; sensitivity = mean normalized "
                "metric rank, 1 = most sensitive):")
                              .arg(name, p.cutPlan().profiles.back().name));
            doc.table({ QStringLiteral("op"), QStringLiteral("sensitivity"), QStringLiteral("profile"),
                          QStringLiteral("reference") },
                worst);
        }
    }
}
} // namespace

qint64 ReviewReport::weightBytes(const Project& project, int profile)
{
    const qint64 int8Params = project.cuts()[size_t(profile)].params;
    return int8Params + 2 * (project.inventory().totalParams() - int8Params);
}

ReportDocument ReviewReport::build(const Project& p, const QString& sourceFile, const Charts& charts)
{
    ReportDocument doc;
    doc.heading(1, QStringLiteral("QuantCut review: `%1`").arg(sourceFile));
    doc.paragraph(
        QStringLiteral("Inventory `%1`: %2 ops, %3 parameters (fingerprint `%4`). Generated by quantcut %5.")
            .arg(p.inventory().source())
            .arg(p.inventory().size())
            .arg(p.inventory().totalParams())
            .arg(p.inventory().fingerprint().left(16), QStringLiteral(QUANTCUT_VERSION)));
    sources(doc, p);
    agreement(doc, p);
    doc.heading(2, QStringLiteral("Charts"));
    doc.image(charts.layers.title, charts.layers.png, charts.layers.svg);
    doc.image(charts.ranked.title, charts.ranked.png, charts.ranked.svg);
    if (!charts.scatter.png.isEmpty())
        doc.image(charts.scatter.title, charts.scatter.png, charts.scatter.svg);
    profiles(doc, p);
    if (!p.outcomes().empty())
        TradeOffReport::add(doc, TradeOff::build(p), kTradeOffMeasure, charts.tradeOffs);
    violationsSection(doc, p);
    references(doc, p);
    return doc;
}

} // namespace qc
