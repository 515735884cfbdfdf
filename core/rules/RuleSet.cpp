#include "RuleSet.h"

#include <QHash>
#include <stdexcept>

namespace qc {

RuleSet::RuleSet(std::vector<Rule> rules)
    : m_rules(std::move(rules))
{ }

const QStringList& RuleSet::gemmOpTypes()
{
    static const QStringList types = { QStringLiteral("Linear"), QStringLiteral("Conv1d"),
        QStringLiteral("Conv2d"), QStringLiteral("Conv3d"), QStringLiteral("Conv"), QStringLiteral("MatMul"),
        QStringLiteral("Gemm"), QStringLiteral("matmul"), QStringLiteral("conv2d") };
    return types;
}

RuleSet RuleSet::defaults()
{
    std::vector<Rule> rules;
    Rule nonGemm;
    nonGemm.name = QStringLiteral("non-gemm");
    nonGemm.excludedOpTypes = gemmOpTypes();
    nonGemm.reason = QStringLiteral("not a GEMM (softmax, activation, ...): no INT8 W8A8 kernel");
    rules.push_back(nonGemm);

    Rule norms;
    norms.name = QStringLiteral("norms");
    norms.namePattern = QStringLiteral(R"(.*(norm|ln_[a-z0-9]*|layernorm)[^.]*)");
    norms.syntax = Rule::Syntax::Regex;
    norms.reason = QStringLiteral("LayerNorm/RMSNorm stay in higher precision");
    rules.push_back(norms);

    Rule normTypes;
    normTypes.name = QStringLiteral("norm-types");
    normTypes.opTypes = { QStringLiteral("LayerNorm"), QStringLiteral("RMSNorm"), QStringLiteral("GroupNorm"),
        QStringLiteral("Qwen2RMSNorm"), QStringLiteral("LlamaRMSNorm") };
    normTypes.reason = norms.reason;
    rules.push_back(normTypes);

    Rule embeddings;
    embeddings.name = QStringLiteral("embeddings");
    embeddings.namePattern = QStringLiteral(
        R"((.*\.)?(embed_tokens|wte|wpe|word_embeddings|embed_in|tok_embeddings|patch_embed(\..*)?))");
    embeddings.syntax = Rule::Syntax::Regex;
    embeddings.reason
        = QStringLiteral("embedding tables and the vision patch embedding stay in higher precision");
    rules.push_back(embeddings);

    Rule embeddingTypes;
    embeddingTypes.name = QStringLiteral("embedding-types");
    embeddingTypes.opTypes = { QStringLiteral("Embedding"), QStringLiteral("EmbeddingBag") };
    embeddingTypes.reason = embeddings.reason;
    rules.push_back(embeddingTypes);

    Rule head;
    head.name = QStringLiteral("lm-head");
    head.namePattern = QStringLiteral(R"((.*\.)?lm_head)");
    head.syntax = Rule::Syntax::Regex;
    head.reason = QStringLiteral("lm_head is tied to embed_tokens; every public release keeps it in bf16");
    rules.push_back(head);
    return RuleSet(std::move(rules));
}

Rule RuleSet::languageModelOnlyRule()
{
    Rule rule;
    rule.name = QStringLiteral("lm-only");
    rule.components = { QStringLiteral("vision"), QStringLiteral("merger") };
    rule.reason = QStringLiteral("language model only: the vision tower and merger stay in higher precision");
    return rule;
}

bool RuleSet::contains(const QString& ruleName) const
{
    return std::any_of(m_rules.begin(), m_rules.end(), [&](const Rule& r) { return r.name == ruleName; });
}

QStringList RuleSet::validate() const
{
    QStringList errors;
    for (const Rule& rule : m_rules) {
        const CompiledRule compiled(rule);
        if (!compiled.isValid())
            errors.append(compiled.error());
    }
    return errors;
}

namespace {
// Whether a rule's name pattern cannot tell one digit from another: then every op whose name differs
// only in its digits (layer and expert indices) gets the same verdict, and one evaluation serves them all.
bool isDigitBlind(const Rule& rule)
{
    const QString& p = rule.namePattern;
    return std::none_of(p.begin(), p.end(), [](QChar c) { return c.isDigit() || c == u'['; })
        && !p.contains(QLatin1String("\\d")) && !p.contains(QLatin1String("\\D"))
        && !p.contains(QLatin1String("\\w")) && !p.contains(QLatin1String("\\W"));
}

QString digitMasked(const QString& name)
{
    QString masked = name;
    for (QChar& c : masked) {
        if (c.isDigit())
            c = u'#';
    }
    return masked;
}
} // namespace

std::vector<int> RuleSet::keepingRules(const Inventory& inventory) const
{
    std::vector<CompiledRule> compiled;
    compiled.reserve(m_rules.size());
    for (const Rule& rule : m_rules) {
        compiled.emplace_back(rule);
        if (!compiled.back().isValid())
            throw std::invalid_argument(compiled.back().error().toStdString());
    }
    auto decide = [&](const Op& op) {
        for (int r = int(compiled.size()) - 1; r >= 0; --r) {
            if (compiled[size_t(r)].matches(op))
                return m_rules[size_t(r)].action == Rule::Action::Keep ? r : -1;
        }
        return -1;
    };
    const bool cacheable = std::all_of(m_rules.begin(), m_rules.end(), isDigitBlind);
    const bool layerMatters = std::any_of(
        m_rules.begin(), m_rules.end(), [](const Rule& r) { return r.layerFrom >= 0 || r.layerTo >= 0; });
    std::vector<int> result(size_t(inventory.size()), -1);
    QHash<QString, int> verdicts;
    for (int i = 0; i < inventory.size(); ++i) {
        const Op& op = inventory.at(i);
        if (!cacheable) {
            result[size_t(i)] = decide(op);
            continue;
        }
        QString key = digitMasked(op.name) + QLatin1Char('\t') + op.opType + QLatin1Char('\t') + op.component;
        if (layerMatters)
            key += QLatin1Char('\t') + QString::number(op.layer);
        auto it = verdicts.constFind(key);
        if (it == verdicts.constEnd())
            it = verdicts.insert(key, decide(op));
        result[size_t(i)] = it.value();
    }
    return result;
}
} // namespace qc
