#include "Rule.h"

#include "Glob.h"

namespace qc {

bool Rule::operator==(const Rule& o) const
{
    return name == o.name && namePattern == o.namePattern && syntax == o.syntax && opTypes == o.opTypes
        && excludedOpTypes == o.excludedOpTypes && components == o.components && layerFrom == o.layerFrom
        && layerTo == o.layerTo && action == o.action && reason == o.reason && enabled == o.enabled;
}

QString actionName(Rule::Action action)
{
    return action == Rule::Action::Keep ? QStringLiteral("keep") : QStringLiteral("allow");
}

QString syntaxName(Rule::Syntax syntax)
{
    return syntax == Rule::Syntax::Glob ? QStringLiteral("glob") : QStringLiteral("regex");
}

CompiledRule::CompiledRule(const Rule& rule)
    : m_rule(rule)
{
    if (rule.namePattern.isEmpty())
        return;
    const QString pattern = rule.syntax == Rule::Syntax::Glob
        ? globToRegex(rule.namePattern)
        : QRegularExpression::anchoredPattern(rule.namePattern);
    m_name = QRegularExpression(pattern);
    m_name.optimize();
    if (!m_name.isValid()) {
        m_valid = false;
        m_error = QStringLiteral("rule '%1': invalid %2 '%3': %4")
                      .arg(rule.name, syntaxName(rule.syntax), rule.namePattern, m_name.errorString());
    }
}

bool CompiledRule::matches(const Op& op) const
{
    if (!m_rule.enabled || !m_valid)
        return false;
    if (!m_rule.opTypes.isEmpty() && !m_rule.opTypes.contains(op.opType))
        return false;
    // An unknown type (an inventory built from ranked names) is not evidence of a non-GEMM op.
    if (!m_rule.excludedOpTypes.isEmpty()
        && (op.opType.isEmpty() || m_rule.excludedOpTypes.contains(op.opType)))
        return false;
    if (!m_rule.components.isEmpty() && !m_rule.components.contains(op.component))
        return false;
    if (m_rule.layerFrom >= 0 || m_rule.layerTo >= 0) {
        if (op.layer < 0 || (m_rule.layerFrom >= 0 && op.layer < m_rule.layerFrom)
            || (m_rule.layerTo >= 0 && op.layer > m_rule.layerTo))
            return false;
    }
    return m_rule.namePattern.isEmpty() || m_name.match(op.name).hasMatch();
}

} // namespace qc
