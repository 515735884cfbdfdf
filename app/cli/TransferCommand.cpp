#include "ArgumentList.h"
#include "CliContext.h"
#include "check/Checker.h"
#include "document/ProfileDocument.h"
#include "inventory/InventoryReader.h"
#include "io/AtomicWriter.h"
#include "io/FileError.h"
#include "patterns/ProfileTransfer.h"

namespace qc::cli {

int runTransfer(const QStringList& argv)
{
    const ArgumentList args(
        argv, { QStringLiteral("--inventory"), QStringLiteral("-o"), QStringLiteral("--output") }, {});
    if (args.positionals().size() != 1)
        throw UsageError { QStringLiteral("expects one profile file") };
    const QString output = args.value(QStringLiteral("-o"), args.value(QStringLiteral("--output")));
    if (output.isEmpty())
        throw UsageError { QStringLiteral("missing -o FILE") };
    refuseInputAsOutput(output,
        args.positionals() + InventoryReader::inputFiles(args.required(QStringLiteral("--inventory"))));
    const Project source = ProfileDocument::load(args.positionals().front()).project;
    const Inventory target = InventoryReader::read(args.required(QStringLiteral("--inventory")));
    ProfileTransfer::Report report;
    const Project moved = ProfileTransfer::transfer(source, target, &report);
    if (report.mappedOps == 0)
        throw FileError(target.source(),
            QStringLiteral("no op of this inventory has a role (name without its layer index) that "
                           "the profile's model has: not the same architecture"));
    ProfileDocument::save(moved, Checker::check(moved), output);
    for (auto it = report.depths.cbegin(); it != report.depths.cend(); ++it)
        err() << "component " << it.key() << ": " << it.value().first << " layers -> " << it.value().second
              << Qt::endl;
    err() << report.mappedOps << " of " << target.size() << " ops mapped by role and relative depth"
          << Qt::endl;
    for (int i = 0; i < std::min<int>(10, int(report.unmappedTargetOps.size())); ++i)
        err() << "not mapped (kept, unranked): " << report.unmappedTargetOps[i] << Qt::endl;
    if (report.unmappedTargetOps.size() > 10)
        err() << "... and " << report.unmappedTargetOps.size() - 10 << " more not mapped" << Qt::endl;
    for (const QString& op : report.unmappedOverrides)
        err() << "override not mapped: " << op << Qt::endl;
    for (int p = 0; p < moved.profileCount(); ++p)
        err() << "profile " << moved.cutPlan().profiles[size_t(p)].name << ": " << moved.cuts()[size_t(p)].ops
              << " of " << target.size() << " ops INT8" << Qt::endl;
    err() << Checker::errorCount(Checker::check(moved)) << " errors" << Qt::endl;
    return Ok;
}

} // namespace qc::cli
