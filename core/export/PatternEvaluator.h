#pragma once

#include <QHash>
#include <QRegularExpression>
#include <QString>
#include <vector>

namespace qc {

// Evaluates one framework pattern the way that framework does. Exporters keep the literal names they
// write in hash sets and use this only for real patterns, so verifying an export stays linear in ops.
class PatternEvaluator
{
public:
    enum class Syntax {
        RegexFullmatch, // INC 2.x op_name_dict keys: re.compile(key).fullmatch(name)
        RegexMatch, // compressed-tensors "re:" targets: re.match (anchored at the start only)
        Fnmatch, // ModelOpt quantizer names: fnmatch.fnmatch
    };

    PatternEvaluator(Syntax syntax, const QString& pattern);
    bool matches(const QString& name) const;
    bool isValid() const { return m_regex.isValid(); }

private:
    Syntax m_syntax;
    QRegularExpression m_regex;
};

} // namespace qc
