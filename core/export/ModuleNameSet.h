#pragma once

#include <QSet>
#include <QString>

namespace qc {

// Exact module names with the "covers submodules" lookup that INC 3.x set_local and ModelOpt "<module>.*"
// patterns have: a name is covered when it, or any dot-separated ancestor of it, is in the set.
class ModuleNameSet
{
public:
    void insert(const QString& name) { m_names.insert(name); }
    bool contains(const QString& name) const { return m_names.contains(name); }
    bool coversSelfOrAncestor(const QString& name) const;
    qsizetype size() const { return m_names.size(); }

private:
    QSet<QString> m_names;
};

} // namespace qc
