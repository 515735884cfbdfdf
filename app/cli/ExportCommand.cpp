#include "ArgumentList.h"
#include "CliContext.h"
#include "export/Inc2Exporter.h"
#include "io/AtomicWriter.h"
#include "project/ProfileDocument.h"

namespace qc::cli {

int runExport(const QStringList& argv)
{
    const ArgumentList args(argv,
        { QStringLiteral("--to"), QStringLiteral("--profile"), QStringLiteral("-o"),
            QStringLiteral("--output") },
        {});
    if (args.positionals().size() != 1) throw UsageError { QStringLiteral("expects one profile file") };
    const QString format = args.required(QStringLiteral("--to"));
    if (format != QLatin1String("inc2"))
        throw UsageError { QStringLiteral("unknown export format '%1' (known: inc2)").arg(format) };
    const QString output = args.value(QStringLiteral("-o"), args.value(QStringLiteral("--output")));
    if (output.isEmpty()) throw UsageError { QStringLiteral("missing -o FILE") };
    const Project project = ProfileDocument::load(args.positionals().front()).project;
    const QString name = args.value(QStringLiteral("--profile"));
    const int profile = profileIndex(project, name);
    if (profile < 0) {
        QStringList names;
        for (const ProfileSpec& spec : project.cutPlan().profiles)
            names.append(spec.name);
        throw UsageError { QStringLiteral("no profile named '%1' (the file has: %2)")
                               .arg(name, names.join(QStringLiteral(", "))) };
    }
    writeAtomically(output, Inc2Exporter::toJson(project, profile));
    const ProfileSpec& spec = project.cutPlan().profiles[size_t(profile)];
    err() << "exported profile " << spec.name << " (" << spec.label
          << "): " << project.cuts()[size_t(profile)].ops << " ops INT8, the rest fp32, to " << output
          << Qt::endl;
    return Ok;
}

} // namespace qc::cli
