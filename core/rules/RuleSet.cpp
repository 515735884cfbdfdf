#include "RuleSet.h"

#include <algorithm>
#include <optional>
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
// The digits (bit d for digit d) a bracket expression starting at p[i] == '[' matches; sets `end` past its
// ']'. Nullopt for what this scanner does not read (POSIX classes, an unterminated class).
std::optional<unsigned> classDigits(const QString& p, qsizetype i, qsizetype& end)
{
    unsigned digits = 0;
    qsizetype k = i + 1;
    if (k < p.size() && p[k] == u'^')
        ++k;
    bool first = true;
    while (k < p.size() && (p[k] != u']' || first)) {
        first = false;
        if (p[k] == u'[')
            return std::nullopt; // [:digit:] and the like
        char16_t low = p[k].unicode();
        if (low == u'\\') {
            if (k + 1 >= p.size())
                return std::nullopt;
            const char16_t escaped = p[k + 1].unicode();
            if (escaped >= u'0' && escaped <= u'9')
                return std::nullopt; // an octal escape
            if (escaped == u'd' || escaped == u'w')
                digits |= 0x3ffu; // \D, \W, \s, \S and escaped literals hold all digits or none
            k += 2;
            continue;
        }
        char16_t high = low;
        if (k + 2 < p.size() && p[k + 1] == u'-' && p[k + 2] != u']') {
            high = p[k + 2].unicode();
            if (high == u'\\')
                return std::nullopt;
            k += 3;
        } else {
            ++k;
        }
        for (char16_t d = u'0'; d <= u'9'; ++d) {
            if (d >= low && d <= high)
                digits |= 1u << (d - u'0');
        }
    }
    if (k >= p.size())
        return std::nullopt;
    end = k + 1;
    return digits;
}

// Whether a rule's name pattern cannot tell one digit from another: then every op whose name differs only
// in its digits (layer and expert indices) gets the same verdict, and one evaluation serves them all. True
// when the pattern has no literal digit, no backreference or octal escape, and every bracket expression
// holds all ten digits or none (the default `norms` rule's [a-z0-9]); \d and \w treat digits alike.
} // namespace

bool RuleSet::isDigitBlind(const QString& p)
{
    for (qsizetype i = 0; i < p.size();) {
        const QChar c = p[i];
        if (c == u'\\') {
            if (i + 1 < p.size() && p[i + 1].isDigit())
                return false;
            i += 2;
        } else if (c == u'[') {
            qsizetype end = 0;
            const std::optional<unsigned> digits = classDigits(p, i, end);
            if (!digits || (*digits != 0 && *digits != 0x3ffu))
                return false;
            i = end;
        } else if (c == u'{') {
            // A quantifier's counts are not digits of a name; a '{' that starts none is a literal.
            qsizetype k = i + 1;
            while (k < p.size() && (p[k].isDigit() || p[k] == u','))
                ++k;
            i = (k < p.size() && p[k] == u'}' && k > i + 1) ? k + 1 : i + 1;
        } else if (c == u'(' && i + 1 < p.size() && p[i + 1] == u'?') {
            // Non-capturing groups and lookarounds (an anchored pattern is \A(?:...)\z) read like any
            // group; named groups, recursion and conditionals may spell group numbers.
            const QStringView rest = QStringView(p).mid(i + 2);
            const bool plainGroup = rest.startsWith(u':') || rest.startsWith(u'=') || rest.startsWith(u'!')
                || rest.startsWith(u"<=") || rest.startsWith(u"<!");
            if (!plainGroup)
                return false;
            i += 2;
        } else if (c.isDigit()) {
            return false; // a literal digit
        } else {
            ++i;
        }
    }
    return true;
}

namespace {
std::vector<CompiledRule> compile(const std::vector<Rule>& rules)
{
    std::vector<CompiledRule> compiled;
    compiled.reserve(rules.size());
    for (const Rule& rule : rules) {
        compiled.emplace_back(rule);
        if (!compiled.back().isValid())
            throw std::invalid_argument(compiled.back().error().toStdString());
    }
    return compiled;
}

bool allDigitBlind(const std::vector<CompiledRule>& compiled)
{
    return std::all_of(compiled.begin(), compiled.end(),
        [](const CompiledRule& rule) { return RuleSet::isDigitBlind(rule.namePattern()); });
}

// The index of the last matching rule if it keeps the op, else -1.
int verdict(const std::vector<Rule>& rules, const std::vector<CompiledRule>& compiled, const Op& op)
{
    for (int r = int(compiled.size()) - 1; r >= 0; --r) {
        if (compiled[size_t(r)].matches(op))
            return rules[size_t(r)].action == Rule::Action::Keep ? r : -1;
    }
    return -1;
}

std::vector<int> verdictsByShape(const std::vector<Rule>& rules, const std::vector<CompiledRule>& compiled,
    const Inventory& inventory, const NameShapes& shapes)
{
    std::vector<int> byShape(shapes.representative.size());
    for (size_t s = 0; s < byShape.size(); ++s)
        byShape[s] = verdict(rules, compiled, inventory.at(shapes.representative[s]));
    std::vector<int> result(shapes.shapeOf.size());
    for (size_t i = 0; i < result.size(); ++i)
        result[i] = byShape[size_t(shapes.shapeOf[i])];
    return result;
}
} // namespace

std::vector<int> RuleSet::keepingRules(const Inventory& inventory) const
{
    const std::vector<CompiledRule> compiled = compile(m_rules);
    if (allDigitBlind(compiled))
        return verdictsByShape(m_rules, compiled, inventory, NameShapes::of(inventory));
    std::vector<int> result(size_t(inventory.size()), -1);
    for (int i = 0; i < inventory.size(); ++i)
        result[size_t(i)] = verdict(m_rules, compiled, inventory.at(i));
    return result;
}

std::vector<int> RuleSet::keepingRules(const Inventory& inventory, const NameShapes& shapes) const
{
    const std::vector<CompiledRule> compiled = compile(m_rules);
    if (allDigitBlind(compiled))
        return verdictsByShape(m_rules, compiled, inventory, shapes);
    return keepingRules(inventory);
}
} // namespace qc
