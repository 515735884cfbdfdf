#include "ModuleNameSet.h"

namespace qc {

bool ModuleNameSet::coversSelfOrAncestor(const QString& name) const
{
    if (m_names.contains(name))
        return true;
    for (qsizetype dot = name.lastIndexOf(QLatin1Char('.')); dot > 0;
         dot = name.lastIndexOf(QLatin1Char('.'), dot - 1)) {
        if (m_names.contains(name.left(dot)))
            return true;
    }
    return false;
}

} // namespace qc
