#pragma once

#include "CliContext.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace qc::cli {

// A small option parser: "--name value", "--name=value", flags, repeated options and positionals.
// Unknown options are usage errors, so a typo never passes silently.
class ArgumentList
{
public:
    ArgumentList(const QStringList& args, const QStringList& valueOptions, const QStringList& flags);

    bool has(const QString& option) const { return m_values.contains(option) || m_flags.contains(option); }
    QString value(const QString& option, const QString& fallback = {}) const;
    QStringList values(const QString& option) const { return m_values.value(option); }
    const QStringList& positionals() const { return m_positionals; }
    QString required(const QString& option) const;

private:
    QMap<QString, QStringList> m_values;
    QStringList m_flags;
    QStringList m_positionals;
};

} // namespace qc::cli
