#include "OpClassifier.h"

#include "io/FileError.h"
#include "io/InputFile.h"
#include "io/YamlInput.h"

#include <yaml-cpp/yaml.h>

namespace qc {

namespace {
// The default families, as a user's file would write them. First match wins; the rest is "language".
const char* const kDefaultComponentsYaml = R"yaml(
components:
  # Qwen2.5-VL / Qwen3-VL mergers (Qwen3-VL's deepstack mergers too), LLaVA-style projectors
  - component: merger
    pattern: '(^|\.)(visual|vision_tower|vision_model|vision)\.(merger|deepstack_merger_list)(\.|$)|(^|\.)(multi_modal_projector|mm_projector)(\.|$)'
  - component: vision
    pattern: '(^|\.)(visual|vision_tower|vision_model|vision_encoder|vision)(\.|$)'
  - component: embedding
    pattern: '(^|\.)(embed_tokens|wte|wpe|word_embeddings|embed_in|tok_embeddings)$'
  - component: head
    pattern: '(^|\.)(lm_head|embed_out|output)$'
)yaml";
} // namespace

OpClassifier::OpClassifier(std::vector<ComponentRule> rules)
    : m_rules(std::move(rules))
{ }

namespace {
std::vector<OpClassifier::ComponentRule> readRules(const YAML::Node& root, const QString& file)
{
    const YAML::Node list = root.IsMap() ? root["components"] : YAML::Node();
    if (!list || !list.IsSequence())
        throw FileError(file, 1, QStringLiteral("expected a 'components:' list of {component, pattern}"));
    std::vector<OpClassifier::ComponentRule> rules;
    for (const YAML::Node& item : list) {
        const int line = item.Mark().line + 1;
        if (!item.IsMap() || !item["component"] || !item["pattern"])
            throw FileError(
                file, line, QStringLiteral("a component rule is {component: NAME, pattern: REGEX}"));
        const QString component = QString::fromStdString(item["component"].as<std::string>());
        QRegularExpression pattern(QString::fromStdString(item["pattern"].as<std::string>()));
        if (!pattern.isValid() || component.isEmpty())
            throw FileError(file, line,
                QStringLiteral("component '%1': invalid pattern (%2)").arg(component, pattern.errorString()));
        rules.push_back({ std::move(pattern), component });
    }
    return rules;
}
} // namespace

std::vector<OpClassifier::ComponentRule> OpClassifier::parseRules(const QByteArray& yaml, const QString& file)
{
    const YAML::Node root = parseYaml(yaml, file);
    try {
        return readRules(root, file);
    } catch (const YAML::Exception& e) {
        throw yamlError(e, file);
    }
}

OpClassifier OpClassifier::defaults()
{
    static const std::vector<ComponentRule> rules
        = parseRules(QByteArray(kDefaultComponentsYaml), QStringLiteral("<default components>"));
    return OpClassifier(rules);
}

OpClassifier OpClassifier::withUserRules(const QString& path)
{
    std::vector<ComponentRule> rules = parseRules(readTextInput(path), path);
    const OpClassifier fallback = defaults();
    rules.insert(rules.end(), fallback.m_rules.begin(), fallback.m_rules.end());
    return OpClassifier(std::move(rules));
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
        QStringLiteral(R"((?:^|\.)(?:layers|blocks|h|layer|block|deepstack_merger_list)\.(\d+)(?:\.|$))"));
    const QRegularExpressionMatch match = pattern.match(name);
    // A number beyond int is no layer (toInt would give 0).
    bool ok = false;
    const int layer = match.hasMatch() ? match.capturedView(1).toInt(&ok) : -1;
    return ok ? layer : -1;
}

} // namespace qc
