#include "ArgumentList.h"

namespace qc::cli {

ArgumentList::ArgumentList(const QStringList& args, const QStringList& valueOptions, const QStringList& flags)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (!arg.startsWith(QLatin1Char('-')) || arg == QLatin1String("-")) {
            m_positionals.append(arg);
            continue;
        }
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        const QString name = eq > 0 ? arg.left(eq) : arg;
        if (flags.contains(name)) {
            if (eq > 0)
                throw UsageError { QStringLiteral("option %1 takes no value").arg(name) };
            m_flags.append(name);
        } else if (valueOptions.contains(name)) {
            if (eq > 0) {
                m_values[name].append(arg.mid(eq + 1));
            } else {
                if (i + 1 >= args.size())
                    throw UsageError { QStringLiteral("option %1 needs a value").arg(name) };
                m_values[name].append(args[++i]);
            }
        } else {
            throw UsageError { QStringLiteral("unknown option %1").arg(name) };
        }
    }
}

QString ArgumentList::value(const QString& option, const QString& fallback) const
{
    const QStringList v = m_values.value(option);
    return v.isEmpty() ? fallback : v.back();
}

QString ArgumentList::required(const QString& option) const
{
    const QString v = value(option);
    if (v.isEmpty())
        throw UsageError { QStringLiteral("missing %1").arg(option) };
    return v;
}

} // namespace qc::cli
