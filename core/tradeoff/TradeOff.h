#pragma once

#include "outcomes/CompressionMeasure.h"

#include <QString>
#include <QStringList>
#include <array>
#include <vector>

namespace qc {

class Project;

// A project's outcomes as trade-offs: per outcome metric the baseline and one point per measured variant
// (profile and framework) with its delta to the baseline, its compression by every measure and whether its
// profile changed since it was measured; the Pareto front and suggestions on top. What the explorer's tab,
// the report and `quantcut-cli outcomes` show, computed once here.
class TradeOff
{
public:
    using Measure = CompressionMeasure::Kind;

    struct Point
    {
        QString profile;
        int profileIndex = -1; // in the cut plan; -1 when the plan no longer has the profile
        QString framework;
        double value = 0.0;
        double standardError = 0.0; // NaN: not stated
        double delta = 0.0; // value - baseline; NaN without a baseline
        double relativeDelta = 0.0; // delta / |baseline|; NaN without a baseline (or a baseline of 0)
        std::array<double, 4> compression {}; // by CompressionMeasure::Kind; NaN where not known
        bool stale = false; // measured on other INT8 ops than the profile has now
        QString file;
        QString notes;

        double x(Measure m) const { return compression[size_t(m)]; }
    };
    struct Metric
    {
        QString name;
        bool higherIsBetter = true;
        double baseline = 0.0; // NaN: no baseline outcome of this metric
        double baselineError = 0.0;
        QString baselineFile;
        std::vector<Point> points; // by profile order, then framework order
    };

    static TradeOff build(const Project& project);

    const std::vector<Metric>& metrics() const { return m_metrics; }
    int metricIndex(const QString& name) const;
    // The frameworks of the variants (not the baseline): known ids first in their fixed order, then the rest
    // as they first appear. Charts give each its own series and colour.
    const QStringList& frameworks() const { return m_frameworks; }
    const std::vector<std::pair<QString, QString>>& staleProfiles() const { return m_stale; }
    bool isEmpty() const { return m_metrics.empty(); }

    // Indices into metrics()[metric].points on the Pareto front of quality against compression by measure
    // (stale points and points without that measure take no part), sorted by x.
    std::vector<int> front(int metric, Measure measure) const;
    // One line each: per metric the most compression within tolerance of the baseline, the best value, and
    // where frameworks disagree on one profile by more than twice their combined stderr.
    QStringList suggestions(Measure measure, double tolerance = 0.01) const;

    // The table of one metric as text cells: profile, framework, value, stderr, delta, delta %, the four
    // measures, front (by measure), notes. Stale points say so in the last column.
    static QStringList tableHeader();
    std::vector<QStringList> tableRows(int metric, Measure measure) const;
    // "0.598", "-0.002 (-0.33%)", ...: one formatting for every front end.
    static QString number(double value);
    static QString signedNumber(double value);

private:
    std::vector<Metric> m_metrics;
    QStringList m_frameworks;
    std::vector<std::pair<QString, QString>> m_stale;
};

} // namespace qc
