#pragma once

#include "inventory/Op.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace qc {

// One editable precision rule: which ops it matches and whether it keeps them in higher precision.
// Every non-empty criterion must hold for a match.
struct Rule
{
    enum class Action { Keep, Allow };
    enum class Syntax { Glob, Regex };

    QString name; // identifies the rule in reasons: "rule:<name>"
    QString namePattern; // glob (fnmatch: * ? [..]) or regex, matched against the whole op name; empty = any
    Syntax syntax = Syntax::Glob;
    QStringList opTypes; // any of these op types; empty = any
    QStringList excludedOpTypes; // none of these op types
    QStringList components; // any of these components; empty = any
    int layerFrom = -1; // inclusive layer range; -1 = open
    int layerTo = -1;
    Action action = Action::Keep;
    QString reason;
    bool enabled = true;

    bool operator==(const Rule& other) const;
};

QString actionName(Rule::Action action);
QString syntaxName(Rule::Syntax syntax);

// A rule with its name pattern compiled once; matching is then cheap enough for a million ops.
class CompiledRule
{
public:
    explicit CompiledRule(const Rule& rule);
    bool matches(const Op& op) const;
    bool isValid() const { return m_valid; }
    QString error() const { return m_error; }
    // The regular expression the name is matched with (a glob translated), "" when any name matches.
    QString namePattern() const { return m_rule.namePattern.isEmpty() ? QString() : m_name.pattern(); }

private:
    Rule m_rule;
    QRegularExpression m_name;
    bool m_valid = true;
    QString m_error;
};

} // namespace qc
