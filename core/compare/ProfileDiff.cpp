#include "ProfileDiff.h"

#include "project/Project.h"

#include <cmath>

namespace qc {

namespace {
double meanRank(const Ranking& r, int op)
{
    double sum = 0.0;
    int n = 0;
    for (const std::vector<float>& ranks : r.metricRank) {
        if (!std::isnan(ranks[size_t(op)])) {
            sum += ranks[size_t(op)];
            ++n;
        }
    }
    return n ? sum / n : std::nan("");
}

QString label(const Project& p, int profile)
{
    const ProfileSpec& s = p.cutPlan().profiles[size_t(profile)];
    return s.name + QStringLiteral(" (") + s.label + QLatin1Char(')');
}
} // namespace

ProfileDiff ProfileDiff::compute(const Project& a, int profileA, const Project& b, int profileB)
{
    ProfileDiff d;
    d.nameA = label(a, profileA);
    d.nameB = label(b, profileB);
    const Inventory& inv = a.inventory();
    std::vector<signed char> inB(size_t(inv.size()), -1);
    const NameReconciler reconciler(inv);
    for (int op = 0; op < b.inventory().size(); ++op) {
        const NameMatch m = reconciler.match(b.inventory().at(op).name);
        if (m.op < 0)
            d.unmatchedB.append(b.inventory().at(op).name);
        else
            inB[size_t(m.op)] = b.isQuantized(op, profileB) ? 1 : 0;
    }
    for (int op = 0; op < inv.size(); ++op) {
        const bool qa = a.isQuantized(op, profileA);
        const bool qb = inB[size_t(op)] == 1;
        const QString& name = inv.at(op).name;
        if (qa && qb)
            d.both.append(name);
        else if (qa)
            d.onlyA.append(name);
        else if (qb)
            d.onlyB.append(name);
        else
            ++d.neither;
        const double s = meanRank(a.ranking(), op);
        if (qa != qb && !std::isnan(s))
            d.disagreements.push_back({ name, s, qa, qb });
    }
    const qsizetype unionSize = d.both.size() + d.onlyA.size() + d.onlyB.size();
    d.jaccard = unionSize ? double(d.both.size()) / double(unionSize) : 1.0;
    // B quantizing a sensitive op is as bad as its sensitivity; B keeping a safe op, as its safety.
    auto severity = [](const Disagreement& x) { return x.quantizedB ? x.sensitivity : 1.0 - x.sensitivity; };
    std::stable_sort(d.disagreements.begin(), d.disagreements.end(),
        [&](const Disagreement& x, const Disagreement& y) { return severity(x) > severity(y); });
    for (QStringList* list : { &d.both, &d.onlyA, &d.onlyB, &d.unmatchedB })
        list->sort();
    return d;
}

QString ProfileDiff::toMarkdown(int maxRows) const
{
    QString md;
    md += QStringLiteral("| | ops |\n|---|---|\n");
    md += QStringLiteral("| INT8 in both | %1 |\n| INT8 only in A: %2 | %3 |\n| INT8 only in B: %4 | %5 |\n| "
                         "INT8 in neither | %6 |\n")
              .arg(both.size())
              .arg(nameA)
              .arg(onlyA.size())
              .arg(nameB)
              .arg(onlyB.size())
              .arg(neither);
    md += QStringLiteral("| overlap (Jaccard) | %1 |\n").arg(QString::number(jaccard, 'f', 3));
    if (!unmatchedB.isEmpty())
        md += QStringLiteral("| B's ops not in A's inventory | %1 |\n").arg(unmatchedB.size());
    md += QStringLiteral("\nWhere A's sensitivity ranking and B disagree most (sensitivity: A's mean "
                         "normalized metric rank, 1 = most sensitive):\n\n");
    md += QStringLiteral("| op | sensitivity in A | A | B |\n|---|---|---|---|\n");
    for (int i = 0; i < std::min<int>(maxRows, int(disagreements.size())); ++i) {
        const Disagreement& x = disagreements[size_t(i)];
        md += QStringLiteral("| `%1` | %2 | %3 | %4 |\n")
                  .arg(x.op, QString::number(x.sensitivity, 'f', 3),
                      x.quantizedA ? QStringLiteral("INT8") : QStringLiteral("kept"),
                      x.quantizedB ? QStringLiteral("INT8") : QStringLiteral("kept"));
    }
    if (disagreements.empty())
        md += QStringLiteral("| (none) | | | |\n");
    return md;
}

} // namespace qc
