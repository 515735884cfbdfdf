#include "SignalGap.h"

#include <QLocale>
#include <QMap>
#include <cmath>

namespace qc {

QString SignalGap::describe() const
{
    const QString range = firstOp == lastOp ? firstOp : firstOp + QStringLiteral(" … ") + lastOp;
    switch (why) {
    case Why::ZeroComponent:
        return QStringLiteral("component %1: all %2 values exactly 0 while other components are not (%3)")
            .arg(component)
            .arg(ops)
            .arg(range);
    case Why::TiedComponent:
        return QStringLiteral("component %1: all %2 values tied at %3 (%4)")
            .arg(component)
            .arg(ops)
            .arg(QString::number(value, 'g', QLocale::FloatingPointShortest), range);
    case Why::ZeroBlock:
        return QStringLiteral("%1 consecutive ops exactly 0 in component %2 (%3)")
            .arg(ops)
            .arg(component, range);
    }
    return {};
}

namespace {
struct ComponentStats
{
    int measured = 0;
    int zeros = 0;
    int first = -1;
    int last = -1;
    double firstValue = 0.0;
    bool tied = true;
};

void mark(std::vector<Evidence>& evidence, const std::vector<double>& values, const Inventory& inv,
    const QString& component)
{
    for (int op = 0; op < inv.size(); ++op) {
        if (evidence[size_t(op)] == Evidence::Measured && !std::isnan(values[size_t(op)])
            && inv.at(op).component == component)
            evidence[size_t(op)] = Evidence::NoSignal;
    }
}

// Runs of at least kMinZeroBlock exact zeros among the still measured values, in model order.
void findZeroBlocks(const Inventory& inv, const std::vector<double>& values, std::vector<Evidence>& evidence,
    std::vector<SignalGap>& gaps)
{
    std::vector<int> run;
    auto flush = [&] {
        if (int(run.size()) >= kMinZeroBlock) {
            for (const int op : run)
                evidence[size_t(op)] = Evidence::NoSignal;
            gaps.push_back({ SignalGap::Why::ZeroBlock, inv.at(run.front()).component,
                inv.at(run.front()).name, inv.at(run.back()).name, int(run.size()), 0.0 });
        }
        run.clear();
    };
    for (int op = 0; op < inv.size(); ++op) {
        if (evidence[size_t(op)] != Evidence::Measured || std::isnan(values[size_t(op)]))
            continue;
        if (values[size_t(op)] == 0.0)
            run.push_back(op);
        else
            flush();
    }
    flush();
}
} // namespace

std::vector<SignalGap> findSignalGaps(
    const Inventory& inv, const std::vector<double>& values, std::vector<Evidence>& evidence)
{
    QMap<QString, ComponentStats> components; // sorted: gaps come out in a stable order
    int nonZero = 0;
    for (int op = 0; op < inv.size(); ++op) {
        const double v = values[size_t(op)];
        if (evidence[size_t(op)] != Evidence::Measured || std::isnan(v))
            continue;
        ComponentStats& c = components[inv.at(op).component];
        if (c.measured == 0) {
            c.first = op;
            c.firstValue = v;
        }
        c.tied = c.tied && v == c.firstValue;
        c.last = op;
        ++c.measured;
        if (v == 0.0)
            ++c.zeros;
        else
            ++nonZero;
    }
    std::vector<SignalGap> gaps;
    for (auto it = components.cbegin(); it != components.cend(); ++it) {
        const ComponentStats& c = it.value();
        SignalGap gap { SignalGap::Why::ZeroComponent, it.key(), inv.at(c.first).name, inv.at(c.last).name,
            c.measured, c.firstValue };
        if (c.zeros == c.measured && nonZero > 0)
            gap.why = SignalGap::Why::ZeroComponent;
        else if (c.tied && c.measured >= 2)
            gap.why = SignalGap::Why::TiedComponent;
        else
            continue;
        mark(evidence, values, inv, it.key());
        gaps.push_back(std::move(gap));
    }
    if (nonZero > 0)
        findZeroBlocks(inv, values, evidence, gaps);
    return gaps;
}

} // namespace qc
