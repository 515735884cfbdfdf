#pragma once

#include "check/Checker.h"
#include "document/ProfileDocument.h"
#include "inventory/Inventory.h"
#include "inventory/OpClassifier.h"
#include "metrics/Metric.h"

#include <QString>
#include <vector>

namespace qc::test {

// The profile file of a project, recording its checker's violations as `profiles` and the explorer do.
inline QByteArray yamlOf(const Project& project)
{
    return ProfileDocument::toYaml(project, Checker::check(project));
}
inline void saveProject(const Project& project, const QString& path)
{
    ProfileDocument::save(project, Checker::check(project), path);
}

// A small decoder-only model: embed_tokens, L layers of q/k/v/o, gate/up/down and two norms, a final norm,
// lm_head. Params: q/o 100, k/v 20, gate/up/down 300, norms 1, embed/lm_head 1000.
inline Inventory smallDecoder(int layers)
{
    const OpClassifier classifier = OpClassifier::defaults();
    std::vector<Op> ops;
    auto add = [&](const QString& name, const char* type, qint64 params) {
        ops.push_back({ name, QLatin1String(type), classifier.component(name), OpClassifier::layerIndex(name),
            params });
    };
    add(QStringLiteral("model.embed_tokens"), "Embedding", 1000);
    for (int l = 0; l < layers; ++l) {
        const QString p = QStringLiteral("model.layers.%1.").arg(l);
        add(p + QStringLiteral("input_layernorm"), "RMSNorm", 1);
        add(p + QStringLiteral("self_attn.q_proj"), "Linear", 100);
        add(p + QStringLiteral("self_attn.k_proj"), "Linear", 20);
        add(p + QStringLiteral("self_attn.v_proj"), "Linear", 20);
        add(p + QStringLiteral("self_attn.o_proj"), "Linear", 100);
        add(p + QStringLiteral("post_attention_layernorm"), "RMSNorm", 1);
        add(p + QStringLiteral("mlp.gate_proj"), "Linear", 300);
        add(p + QStringLiteral("mlp.up_proj"), "Linear", 300);
        add(p + QStringLiteral("mlp.down_proj"), "Linear", 300);
    }
    add(QStringLiteral("model.norm"), "RMSNorm", 1);
    add(QStringLiteral("lm_head"), "Linear", 1000);
    return Inventory(std::move(ops), QStringLiteral("test"));
}

inline Metric metricOf(
    const QString& id, Polarity polarity, const std::vector<std::pair<QString, double>>& values)
{
    Metric m;
    m.id = id;
    m.key = id;
    m.label = id;
    m.format = QStringLiteral("test");
    m.file = id + QStringLiteral(".test");
    m.sourcePolarity = polarity;
    for (const auto& [name, value] : values)
        m.entries.push_back({ name, QStringLiteral("Linear"), value, 0, {} });
    return m;
}

// Every Linear of smallDecoder except lm_head, scored by a function of (layer, leaf name).
template<typename F> Metric scoreLinears(const Inventory& inv, const QString& id, Polarity polarity, F score)
{
    std::vector<std::pair<QString, double>> values;
    for (const Op& op : inv.ops()) {
        if (op.opType == QLatin1String("Linear") && op.name != QLatin1String("lm_head"))
            values.emplace_back(op.name, score(op.layer, op.name.section(QLatin1Char('.'), -1)));
    }
    return metricOf(id, polarity, values);
}

} // namespace qc::test
