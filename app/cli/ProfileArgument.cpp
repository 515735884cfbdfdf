#include "ProfileArgument.h"

#include "CliContext.h"
#include "export/Inc2Exporter.h"

#include <QFileInfo>

namespace qc::cli {

ProfileArgument loadProfileArgument(const QString& argument, const QString& profileName)
{
    QString file = argument;
    QString name = profileName;
    const qsizetype colon = argument.lastIndexOf(QLatin1Char(':'));
    if (colon > 0 && !QFileInfo::exists(argument)) {
        file = argument.left(colon);
        name = argument.mid(colon + 1);
    }
    ProfileArgument result { ProfileDocument::load(file), -1, file };
    result.profile = profileIndex(result.loaded.project, name);
    if (result.profile < 0) {
        QStringList names;
        for (const ProfileSpec& spec : result.loaded.project.cutPlan().profiles)
            names.append(spec.name);
        throw UsageError { QStringLiteral("%1 has no profile named '%2' (it has: %3)")
                               .arg(file, name, names.join(QStringLiteral(", "))) };
    }
    return result;
}

} // namespace qc::cli
