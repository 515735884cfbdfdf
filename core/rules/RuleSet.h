#pragma once

#include "NameShapes.h"
#include "Rule.h"
#include "inventory/Inventory.h"

#include <vector>

namespace qc {

// The ordered rule list. The last enabled rule that matches an op decides (keep or allow), so a later,
// narrower rule can make an exception to an earlier, broader one.
class RuleSet
{
public:
    RuleSet() = default;
    explicit RuleSet(std::vector<Rule> rules);

    // Keep embeddings, the vision patch embedding, norms, non-GEMM ops (Softmax, activations, ...) and
    // lm_head (tied to embed_tokens) in higher precision: what every public Qwen2.5-VL release does.
    static RuleSet defaults();
    // "Language model only": also keep the whole vision tower and merger.
    static Rule languageModelOnlyRule();
    static const QStringList& gemmOpTypes();

    const std::vector<Rule>& rules() const { return m_rules; }
    std::vector<Rule>& rules() { return m_rules; }
    bool isEmpty() const { return m_rules.empty(); }
    void append(const Rule& rule) { m_rules.push_back(rule); }
    bool contains(const QString& ruleName) const;

    // For each op, the index of the deciding rule if that rule keeps it, else -1. Throws FileError-free
    // std::invalid_argument on an invalid regex (callers validate first with validate()).
    std::vector<int> keepingRules(const Inventory& inventory) const;
    // The same, deciding once per shape of the inventory when every rule is digit-blind.
    std::vector<int> keepingRules(const Inventory& inventory, const NameShapes& shapes) const;
    // Whether a name pattern cannot tell one digit from another, so that keepingRules decides once per
    // digit-masked name shape (layer and expert indices masked) instead of once per op.
    static bool isDigitBlind(const QString& namePattern);
    // Empty when every rule compiles; otherwise one message per broken rule.
    QStringList validate() const;

    bool operator==(const RuleSet&) const = default;

private:
    std::vector<Rule> m_rules;
};

} // namespace qc
