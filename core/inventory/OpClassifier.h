#pragma once

#include <QRegularExpression>
#include <QString>
#include <vector>

namespace qc {

// Derives an op's component and layer index from its name, by an editable ordered list of rules. The rules
// are data: the defaults are a YAML list (kDefaultComponentsYaml), and a user's file of the same shape adds a
// model family without a rebuild:
//   components:
//     - {component: merger, pattern: '(^|\.)deepstack_merger_list(\.|$)'}
class OpClassifier
{
public:
    struct ComponentRule
    {
        QRegularExpression pattern; // searched in the name; first match wins
        QString component;
    };

    // vision / merger / embedding / head / language, for HF-style names (Qwen2.5-VL, Qwen3-VL, Llama, GPT-2,
    // ...).
    static OpClassifier defaults();
    explicit OpClassifier(std::vector<ComponentRule> rules);
    // Rules from YAML text in the shape above. Throws FileError (file, line) on a bad list or pattern.
    static std::vector<ComponentRule> parseRules(const QByteArray& yaml, const QString& file);
    // A user's rules first (first match wins), then the defaults.
    static OpClassifier withUserRules(const QString& path);

    QString component(const QString& name) const;
    // The index N of the first ".layers.N.", ".blocks.N.", ".h.N.", ".layer.N.", ".block.N.",
    // ".deepstack_merger_list.N." (or at the end); -1 if none.
    static int layerIndex(const QString& name);

private:
    std::vector<ComponentRule> m_rules;
};

} // namespace qc
