#pragma once

#include <QRegularExpression>
#include <QString>
#include <vector>

namespace qc {

// Derives an op's component and layer index from its name, by an editable ordered list of rules.
class OpClassifier
{
public:
    struct ComponentRule
    {
        QRegularExpression pattern; // searched in the name; first match wins
        QString component;
    };

    // vision / merger / embedding / head / language, for HF-style names (Qwen2.5-VL, Llama, GPT-2, ...).
    static OpClassifier defaults();
    explicit OpClassifier(std::vector<ComponentRule> rules);

    QString component(const QString& name) const;
    // The index N of the first ".layers.N.", ".blocks.N.", ".h.N.", ".layer.N.", ".block.N." (or at the end);
    // -1 if none.
    static int layerIndex(const QString& name);

private:
    std::vector<ComponentRule> m_rules;
};

} // namespace qc
