// A rules file (`profiles --rules FILE`): what loads must apply to an inventory without throwing (loading
// validates every pattern), and survive a project save -> reload unchanged.

#include "FuzzSupport.h"
#include "check/Checker.h"
#include "document/ProfileDocument.h"
#include "inventory/OpClassifier.h"

namespace {
// A few ops of each kind the rules distinguish: component, op type, layer, embeddings, lm_head.
qc::Inventory smallModel()
{
    const qc::OpClassifier classifier = qc::OpClassifier::defaults();
    std::vector<qc::Op> ops;
    const std::pair<const char*, const char*> named[]
        = { { "model.embed_tokens", "Embedding" }, { "model.visual.blocks.0.attn.qkv", "Linear" },
              { "model.visual.merger.mlp.0", "Linear" }, { "model.layers.0.input_layernorm", "RMSNorm" },
              { "model.layers.0.self_attn.q_proj", "Linear" }, { "model.layers.1.mlp.down_proj", "Linear" },
              { "model.layers.1.act_fn", "SiLU" }, { "lm_head", "Linear" } };
    for (const auto& [name, type] : named) {
        const QString op = QLatin1String(name);
        ops.push_back(
            { op, QLatin1String(type), classifier.component(op), qc::OpClassifier::layerIndex(op), 64 });
    }
    return qc::Inventory(std::move(ops), QStringLiteral("fuzz"));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const qc::Inventory inventory = smallModel();
    const QByteArray content = qc::fuzz::bytes(data, size);
    qc::fuzz::Scratch::fresh();
    const QString path = qc::fuzz::Scratch::write(QStringLiteral("fuzz.rules.yaml"), content);
    qc::fuzz::expectClean("rules", [&] {
        const qc::RuleSet rules = qc::ProfileDocument::loadRules(path);
        (void)rules.keepingRules(inventory);
        qc::ProjectInputs inputs;
        inputs.inventory = inventory;
        inputs.rules = rules;
        const qc::Project project(std::move(inputs));
        const QByteArray saved = qc::ProfileDocument::toYaml(project, qc::Checker::check(project));
        qc::ProfileDocument::Loaded reloaded;
        try {
            reloaded = qc::ProfileDocument::parse(saved, QStringLiteral("saved.profiles.yaml"));
        } catch (const std::exception& e) {
            qc::fuzz::fail("rules",
                QStringLiteral("the saved file does not load again: %1\n--- saved ---\n%2")
                    .arg(QString::fromUtf8(e.what()), QString::fromUtf8(saved)));
        }
        if (!(reloaded.project.rules() == rules))
            qc::fuzz::fail("rules",
                QStringLiteral("rules changed in save -> reload\n--- saved ---\n%1")
                    .arg(QString::fromUtf8(saved)));
    });
    return 0;
}
