#include "ArgumentList.h"
#include "CliContext.h"
#include "check/Checker.h"
#include "compare/ReferenceSchemes.h"
#include "document/ProfileDocument.h"
#include "inventory/InventoryReader.h"
#include "io/AtomicWriter.h"

#include <stdexcept>

namespace qc::cli {

int runReference(const QStringList& argv)
{
    const ArgumentList args(argv,
        { QStringLiteral("--scheme"), QStringLiteral("--inventory"), QStringLiteral("-o"),
            QStringLiteral("--output") },
        {});
    if (!args.positionals().isEmpty())
        throw UsageError { QStringLiteral("unexpected argument '%1'").arg(args.positionals().front()) };
    const QString output = args.value(QStringLiteral("-o"), args.value(QStringLiteral("--output")));
    if (output.isEmpty())
        throw UsageError { QStringLiteral("missing -o FILE") };
    const QString scheme = args.required(QStringLiteral("--scheme"));
    const QString schemeFile = scheme.section(QLatin1Char(':'), 1); // autoquant:FILE, modelopt-manifest:FILE
    refuseInputAsOutput(output,
        InventoryReader::inputFiles(args.required(QStringLiteral("--inventory")))
            + QStringList { schemeFile });
    const Inventory inventory = InventoryReader::read(args.required(QStringLiteral("--inventory")));
    Project project;
    try {
        project = ReferenceSchemes::byName(scheme, inventory);
    } catch (const std::invalid_argument& e) {
        throw UsageError { QString::fromUtf8(e.what()) };
    }
    ProfileDocument::save(project, Checker::check(project), output);
    err() << "reference scheme " << scheme << ": " << project.cuts().front().ops << " of " << inventory.size()
          << " ops INT8" << Qt::endl;
    return Ok;
}

} // namespace qc::cli
