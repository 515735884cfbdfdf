#include "PatternEvaluator.h"

#include "rules/Glob.h"

namespace qc {

PatternEvaluator::PatternEvaluator(Syntax syntax, const QString& pattern)
    : m_syntax(syntax)
{
    switch (syntax) {
    case Syntax::RegexFullmatch:
        m_regex = QRegularExpression(QRegularExpression::anchoredPattern(pattern));
        break;
    case Syntax::RegexMatch:
        m_regex = QRegularExpression(QStringLiteral("\\A(?:") + pattern + QLatin1Char(')'));
        break;
    case Syntax::Fnmatch:
        m_regex = QRegularExpression(globToRegex(pattern));
        break;
    }
    m_regex.optimize();
}

bool PatternEvaluator::matches(const QString& name) const
{
    return m_regex.match(name).hasMatch();
}

} // namespace qc
