#pragma once

#include "reconcile/RuntimeNames.h"

#include <QStringList>
#include <functional>
#include <stdexcept>

namespace qc {

class Project;

// An export whose framework would quantize other ops than the profile says. Lists the difference.
class ExportMismatch : public std::runtime_error
{
public:
    ExportMismatch(
        const QString& format, const QString& profile, QStringList wronglyQuantized, QStringList wronglyKept);
    const QStringList& wronglyQuantized() const { return m_wronglyQuantized; }
    const QStringList& wronglyKept() const { return m_wronglyKept; }

private:
    QStringList m_wronglyQuantized;
    QStringList m_wronglyKept;
};

// Evaluates an export with its framework's own matching rule over the inventory, under the runtime names
// the framework will see, and compares the set of ops it quantizes with the profile's `quantize` set.
// Throws ExportMismatch on any difference (listing runtime names).
void verifyExport(const Project& project, int profile, const QString& format, const RuntimeNames& names,
    const std::function<bool(const QString& runtimeName, const QString& opType)>& frameworkQuantizes);

} // namespace qc
