#include "SyntheticProject.h"

#include <QRandomGenerator>
#include <cmath>

namespace qc::gui {

Project makeSyntheticProject(int opCount, quint32 seed)
{
    QRandomGenerator random(seed);
    std::vector<Op> ops;
    ops.reserve(size_t(opCount));
    auto add = [&](const QString& name, const QString& type, int layer, qint64 params) {
        if (int(ops.size()) < opCount)
            ops.push_back({ name, type, QStringLiteral("language"), layer, params });
    };
    add(QStringLiteral("model.embed_tokens"), QStringLiteral("Embedding"), -1, 151936LL * 2048);
    const int experts = opCount >= 10000 ? 64 : 4;
    const int perLayer = 6 + 3 * experts;
    const int layers = std::max(1, (opCount - 2) / perLayer);
    for (int l = 0; l < layers && int(ops.size()) < opCount - 1; ++l) {
        const QString prefix = QStringLiteral("model.layers.%1.").arg(l);
        add(prefix + QStringLiteral("input_layernorm"), QStringLiteral("RMSNorm"), l, 2048);
        for (const char* proj : { "q_proj", "k_proj", "v_proj", "o_proj" })
            add(prefix + QStringLiteral("self_attn.") + QString::fromLatin1(proj), QStringLiteral("Linear"),
                l, 2048LL * 2048);
        add(prefix + QStringLiteral("post_attention_layernorm"), QStringLiteral("RMSNorm"), l, 2048);
        for (int e = 0; e < experts; ++e) {
            for (const char* proj : { "gate_proj", "up_proj", "down_proj" })
                add(prefix + QStringLiteral("mlp.experts.%1.").arg(e) + QString::fromLatin1(proj),
                    QStringLiteral("Linear"), l, 2048LL * 768);
        }
    }
    // Fill up to the exact count with extra expert ops of a last layer.
    for (int e = 0; int(ops.size()) < opCount - 1; ++e)
        add(QStringLiteral("model.layers.%1.mlp.experts.%2.gate_proj").arg(layers).arg(e),
            QStringLiteral("Linear"), layers, 2048LL * 768);
    add(QStringLiteral("lm_head"), QStringLiteral("Linear"), -1, 151936LL * 2048);

    Metric mse;
    mse.id = mse.key = QStringLiteral("mse_v2");
    mse.label = QStringLiteral("INC MSE_V2 fp32 fallback (synthetic)");
    mse.format = QStringLiteral("csv");
    mse.file = QStringLiteral("synthetic_mse_v2.csv");
    mse.sourcePolarity = Polarity::LowerIsMoreSensitive;
    Metric hawq;
    hawq.id = hawq.key = QStringLiteral("hawq_v2");
    hawq.label = QStringLiteral("HAWQ_V2 (synthetic)");
    hawq.format = QStringLiteral("csv");
    hawq.file = QStringLiteral("synthetic_hawq_v2.csv");
    hawq.sourcePolarity = Polarity::HigherIsMoreSensitive;
    int line = 2;
    for (const Op& op : ops) {
        if (op.opType != QLatin1String("Linear"))
            continue;
        // A latent sensitivity rising with depth, seen through two noisy metrics.
        const double depth = op.layer >= 0 ? double(op.layer) / layers : 1.0;
        const double latent = 0.3 + 0.7 * depth * depth + 0.5 * random.generateDouble();
        const double hawqValue = std::exp(4.0 * latent + 0.8 * random.generateDouble()) * 1e-4;
        const double mseValue = 4000.0 + 100.0 * (1.5 - latent) + 30.0 * random.generateDouble();
        mse.entries.push_back({ op.name, op.opType, mseValue, line, {} });
        hawq.entries.push_back({ op.name, op.opType, hawqValue, line, {} });
        ++line;
    }
    Project project;
    project.setInventory(Inventory(std::move(ops), QStringLiteral("synthetic_ops.csv")));
    project.setMetrics({ mse, hawq });
    project.recompute();
    return project;
}

} // namespace qc::gui
