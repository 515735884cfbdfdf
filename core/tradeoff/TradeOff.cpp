#include "TradeOff.h"

#include "check/Checker.h"
#include "outcomes/ParetoFront.h"
#include "project/Project.h"

#include <QSet>
#include <cmath>
#include <limits>

namespace qc {

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();

// Quality lost against the baseline, in the metric's own unit: positive is worse whatever its direction.
double loss(const TradeOff::Metric& m, const TradeOff::Point& p)
{
    return m.higherIsBetter ? m.baseline - p.value : p.value - m.baseline;
}

bool better(const TradeOff::Metric& m, double a, double b)
{
    return m.higherIsBetter ? a > b : a < b;
}

// More compressed by a measure: a larger fraction, or fewer bytes and bits.
bool moreCompressed(TradeOff::Measure measure, double a, double b)
{
    return CompressionMeasure::higherIsMoreCompressed(measure) ? a > b : a < b;
}

QString variant(const TradeOff::Point& p)
{
    return QStringLiteral("%1 with %2").arg(p.profile, frameworkDisplayName(p.framework));
}
} // namespace

QString TradeOff::number(double value)
{
    if (std::isnan(value))
        return QStringLiteral("-");
    return QString::number(value, 'g', 4);
}

QString TradeOff::signedNumber(double value)
{
    if (std::isnan(value))
        return QStringLiteral("-");
    return (value > 0 ? QStringLiteral("+") : QString()) + QString::number(value, 'g', 3);
}

TradeOff TradeOff::build(const Project& project)
{
    TradeOff t;
    t.m_stale = Checker::staleOutcomes(project);
    QSet<QString> staleNames;
    for (const auto& [profile, why] : t.m_stale)
        staleNames.insert(profile);
    const auto& specs = project.cutPlan().profiles;
    const auto profileIndex = [&](const QString& name) {
        for (int p = 0; p < int(specs.size()); ++p) {
            if (specs[size_t(p)].name == name)
                return p;
        }
        return -1;
    };
    QStringList others;
    for (const Outcome& o : project.outcomes()) {
        for (const OutcomeValue& v : o.values) {
            int m = t.metricIndex(v.metric);
            if (m < 0) {
                t.m_metrics.push_back({ v.metric, v.higherIsBetter, kNaN, kNaN, {}, {} });
                m = int(t.m_metrics.size()) - 1;
            }
            Metric& metric = t.m_metrics[size_t(m)];
            if (o.isBaseline()) {
                if (std::isnan(metric.baseline)) { // the first baseline value of a metric is the baseline
                    metric.baseline = v.value;
                    metric.baselineError = v.standardError;
                    metric.baselineFile = o.file;
                }
                continue;
            }
            Point p;
            p.profile = o.profile;
            p.profileIndex = profileIndex(o.profile);
            p.framework = v.framework;
            p.value = v.value;
            p.standardError = v.standardError;
            p.stale = staleNames.contains(o.profile);
            p.file = o.file;
            p.notes = v.notes;
            p.compression.fill(kNaN);
            if (p.profileIndex >= 0) {
                const ProfileCut& cut = project.cuts()[size_t(p.profileIndex)];
                const CompressionMeasure::Size size { cut.ops, project.inventory().size(), cut.params,
                    project.inventory().totalParams() };
                for (const Measure k : CompressionMeasure::kAll)
                    p.compression[size_t(k)] = CompressionMeasure::value(k, size);
            }
            metric.points.push_back(std::move(p));
            if (!knownFrameworks().contains(v.framework) && !others.contains(v.framework))
                others.append(v.framework);
        }
    }
    QSet<QString> used;
    for (Metric& metric : t.m_metrics) {
        for (Point& p : metric.points) {
            p.delta = p.value - metric.baseline; // NaN without a baseline
            p.relativeDelta = metric.baseline != 0.0 ? p.delta / std::abs(metric.baseline) : kNaN;
            used.insert(p.framework);
        }
        std::stable_sort(metric.points.begin(), metric.points.end(), [&](const Point& a, const Point& b) {
            const int pa = a.profileIndex < 0 ? int(specs.size()) : a.profileIndex;
            const int pb = b.profileIndex < 0 ? int(specs.size()) : b.profileIndex;
            if (pa != pb)
                return pa < pb;
            const qsizetype fa = knownFrameworks().indexOf(a.framework);
            const qsizetype fb = knownFrameworks().indexOf(b.framework);
            return (fa < 0 ? 100 + others.indexOf(a.framework) : fa)
                < (fb < 0 ? 100 + others.indexOf(b.framework) : fb);
        });
    }
    for (const QString& f : knownFrameworks() + others) {
        if (used.contains(f))
            t.m_frameworks.append(f);
    }
    return t;
}

int TradeOff::metricIndex(const QString& name) const
{
    for (int m = 0; m < int(m_metrics.size()); ++m) {
        if (m_metrics[size_t(m)].name == name)
            return m;
    }
    return -1;
}

std::vector<int> TradeOff::front(int metric, Measure measure) const
{
    const Metric& m = m_metrics[size_t(metric)];
    std::vector<ParetoFront::Point> points;
    for (const Point& p : m.points)
        points.push_back({ p.stale ? kNaN : p.x(measure), p.value });
    return ParetoFront::indices(
        points, CompressionMeasure::higherIsMoreCompressed(measure), m.higherIsBetter);
}

QStringList TradeOff::suggestions(Measure measure, double tolerance) const
{
    QStringList out;
    QStringList noBaseline;
    const QString percent = QString::number(100.0 * tolerance, 'g', 3) + QLatin1Char('%');
    for (const Metric& m : m_metrics) {
        std::vector<const Point*> usable;
        for (const Point& p : m.points) {
            if (!p.stale && !std::isnan(p.x(measure)))
                usable.push_back(&p);
        }
        if (usable.empty())
            continue;
        if (std::isnan(m.baseline)) {
            noBaseline.append(m.name);
        } else {
            const Point* pick = nullptr;
            for (const Point* p : usable) {
                if (loss(m, *p) > tolerance * std::abs(m.baseline) + 1e-12)
                    continue;
                if (!pick || moreCompressed(measure, p->x(measure), pick->x(measure))
                    || (p->x(measure) == pick->x(measure) && better(m, p->value, pick->value)))
                    pick = p;
            }
            if (pick)
                out.append(QStringLiteral("most compression within %1 of baseline on %2: %3 (%4, %5 %6; %7)")
                               .arg(percent, m.name, variant(*pick), number(pick->value),
                                   signedNumber(100.0 * pick->relativeDelta) + QLatin1Char('%'),
                                   QStringLiteral("against the baseline"),
                                   CompressionMeasure::format(measure, pick->x(measure))));
            else
                out.append(
                    QStringLiteral("no variant stays within %1 of baseline on %2").arg(percent, m.name));
        }
        const Point* best = usable.front();
        for (const Point* p : usable) {
            if (better(m, p->value, best->value))
                best = p;
        }
        if (usable.size() > 1)
            out.append(QStringLiteral("best %1: %2 (%3)").arg(m.name, variant(*best), number(best->value)));
        // Frameworks on the same profile: the widest gap that stderr does not explain.
        double widest = 0.0;
        QString gap;
        for (const Point* a : usable) {
            for (const Point* b : usable) {
                if (a->profile != b->profile || a == b || !better(m, a->value, b->value))
                    continue;
                const double diff = std::abs(a->value - b->value);
                const double se = std::hypot(std::isnan(a->standardError) ? 0.0 : a->standardError,
                    std::isnan(b->standardError) ? 0.0 : b->standardError);
                if (se > 0 && diff > 2 * se && diff > widest) {
                    widest = diff;
                    gap = QStringLiteral(
                        "on %1, %2 beats %3 on %4 by %5 (more than twice the combined stderr)")
                              .arg(a->profile, frameworkDisplayName(a->framework),
                                  frameworkDisplayName(b->framework), m.name, number(diff));
                }
            }
        }
        if (!gap.isEmpty())
            out.append(gap);
    }
    if (!noBaseline.isEmpty())
        out.append(
            QStringLiteral("no baseline for %1: add outcomes of the profile `baseline` for deltas and the %2 "
                           "suggestion")
                .arg(noBaseline.join(QStringLiteral(", ")), percent));
    return out;
}

QStringList TradeOff::tableHeader()
{
    QStringList header = { QStringLiteral("profile"), QStringLiteral("framework"), QStringLiteral("value"),
        QStringLiteral("stderr"), QStringLiteral("delta"), QStringLiteral("delta %") };
    header.append(
        { QStringLiteral("weight memory"), QStringLiteral("INT8 ops"), QStringLiteral("INT8 params"),
            QStringLiteral("effective bits"), QStringLiteral("Pareto front"), QStringLiteral("notes") });
    return header;
}

std::vector<QStringList> TradeOff::tableRows(int metric, Measure measure) const
{
    const Metric& m = m_metrics[size_t(metric)];
    const std::vector<int> onFront = front(metric, measure);
    std::vector<QStringList> rows;
    for (int i = 0; i < int(m.points.size()); ++i) {
        const Point& p = m.points[size_t(i)];
        QStringList row = { p.profile, frameworkDisplayName(p.framework), number(p.value),
            number(p.standardError), signedNumber(p.delta),
            std::isnan(p.relativeDelta) ? QStringLiteral("-")
                                        : signedNumber(100.0 * p.relativeDelta) + QLatin1Char('%') };
        for (const Measure k : CompressionMeasure::kAll)
            row.append(CompressionMeasure::format(k, p.x(k)));
        row.append(std::find(onFront.begin(), onFront.end(), i) != onFront.end() ? QStringLiteral("yes")
                                                                                 : QString());
        QString notes = p.notes;
        if (p.stale)
            notes = QStringLiteral("STALE: the profile changed since")
                + (notes.isEmpty() ? QString() : QStringLiteral("; ") + notes);
        row.append(notes);
        rows.push_back(row);
    }
    return rows;
}

} // namespace qc
