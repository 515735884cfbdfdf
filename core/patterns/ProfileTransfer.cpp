#include "ProfileTransfer.h"

#include "LayerPattern.h"

#include <QHash>
#include <QSet>
#include <cmath>

namespace qc {

namespace {
QMap<QString, int> depthByComponent(const Inventory& inv)
{
    QMap<QString, int> depth;
    for (const Op& op : inv.ops()) {
        if (op.layer >= 0)
            depth[op.component] = std::max(depth.value(op.component), op.layer + 1);
    }
    return depth;
}

// Role of an op, independent of transformers naming: canonical name with the layer index taken out.
struct Role
{
    QString key;
    int layer = -1;
};

Role roleOf(const Op& op)
{
    const auto t = LayerPattern::templateOf(op.name);
    if (!t)
        return { NameReconciler::canonical(op.name), -1 };
    return { NameReconciler::canonical(t->text), t->layer };
}

QString roleKey(const QString& role, int layer)
{
    return role + QLatin1Char('#') + QString::number(layer);
}
} // namespace

int ProfileTransfer::mapLayer(int targetLayer, int targetDepth, int sourceDepth)
{
    if (targetDepth <= 1 || sourceDepth <= 1)
        return 0;
    return int(std::lround(double(targetLayer) * double(sourceDepth - 1) / double(targetDepth - 1)));
}

Project ProfileTransfer::transfer(const Project& source, const Inventory& target, Report* report)
{
    Report local;
    Report& r = report ? *report : local;
    const QMap<QString, int> sourceDepth = depthByComponent(source.inventory());
    const QMap<QString, int> targetDepth = depthByComponent(target);
    for (auto it = targetDepth.cbegin(); it != targetDepth.cend(); ++it)
        r.depths.insert(it.key(), { sourceDepth.value(it.key()), it.value() });

    QHash<QString, int> sourceByRole;
    for (int op = 0; op < source.inventory().size(); ++op) {
        const Role role = roleOf(source.inventory().at(op));
        sourceByRole.insert(roleKey(role.key, role.layer), op);
    }
    // For every target op, the source op it inherits from (-1: none has its role).
    std::vector<int> sourceOf(size_t(target.size()), -1);
    for (int t = 0; t < target.size(); ++t) {
        const Op& op = target.at(t);
        const Role role = roleOf(op);
        const int layer = role.layer < 0
            ? -1
            : mapLayer(role.layer, targetDepth.value(op.component), sourceDepth.value(op.component));
        sourceOf[size_t(t)] = sourceByRole.value(roleKey(role.key, layer), -1);
        if (sourceOf[size_t(t)] < 0)
            r.unmappedTargetOps.append(op.name);
        else
            ++r.mappedOps;
    }

    std::vector<Metric> metrics;
    for (size_t m = 0; m < source.metrics().size(); ++m) {
        const Metric& from = source.metrics()[m];
        Metric to = from;
        to.entries.clear();
        to.format = QStringLiteral("transfer");
        to.note = QStringLiteral("transferred by role and relative depth from %1 onto %2; ")
                      .arg(source.inventory().source(), target.source())
            + from.note;
        const std::vector<double>& values = source.scores()[m].values;
        for (int t = 0; t < target.size(); ++t) {
            const int s = sourceOf[size_t(t)];
            if (s >= 0 && !std::isnan(values[size_t(s)]))
                to.entries.push_back({ target.at(t).name, target.at(t).opType, values[size_t(s)], 0, {} });
        }
        metrics.push_back(std::move(to));
    }

    QHash<QString, const Override*> overrideBySource;
    for (const Override& o : source.overrides())
        overrideBySource.insert(o.op, &o);
    std::vector<Override> overrides;
    QSet<QString> usedOverrides;
    for (int t = 0; t < target.size(); ++t) {
        const int s = sourceOf[size_t(t)];
        const Override* o = s >= 0 ? overrideBySource.value(source.inventory().at(s).name) : nullptr;
        if (o) {
            overrides.push_back({ target.at(t).name, o->action, o->note });
            usedOverrides.insert(o->op);
        }
    }
    for (const Override& o : source.overrides()) {
        if (!usedOverrides.contains(o.op))
            r.unmappedOverrides.append(o.op);
    }

    ProjectInputs inputs;
    inputs.inventory = target;
    inputs.metrics = std::move(metrics);
    inputs.rules = source.rules();
    inputs.overrides = std::move(overrides);
    inputs.combine = source.combine();
    inputs.fuseGroups = source.fuseGroups();
    inputs.cutPlan = source.cutPlan();
    return Project(std::move(inputs));
}

} // namespace qc
