#include "OpClassifier.h"

namespace qc {

OpClassifier::OpClassifier(std::vector<ComponentRule> rules)
    : m_rules(std::move(rules))
{ }

OpClassifier OpClassifier::defaults()
{
    auto rx = [](const char* p) { return QRegularExpression(QLatin1String(p)); };
    return OpClassifier({
        { rx(R"((^|\.)(visual|vision_tower|vision_model|vision)\.merger(\.|$)|(^|\.)(multi_modal_projector|mm_projector)(\.|$))"),
            QStringLiteral("merger") },
        { rx(R"((^|\.)(visual|vision_tower|vision_model|vision_encoder|vision)(\.|$))"),
            QStringLiteral("vision") },
        { rx(R"((^|\.)(embed_tokens|wte|wpe|word_embeddings|embed_in|tok_embeddings)$)"),
            QStringLiteral("embedding") },
        { rx(R"((^|\.)(lm_head|embed_out|output)$)"), QStringLiteral("head") },
    });
}

QString OpClassifier::component(const QString& name) const
{
    for (const ComponentRule& rule : m_rules) {
        if (rule.pattern.match(name).hasMatch())
            return rule.component;
    }
    return QStringLiteral("language");
}

int OpClassifier::layerIndex(const QString& name)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"((?:^|\.)(?:layers|blocks|h|layer|block)\.(\d+)(?:\.|$))"));
    const QRegularExpressionMatch match = pattern.match(name);
    return match.hasMatch() ? match.capturedView(1).toInt() : -1;
}

} // namespace qc
