#include "ArgumentList.h"
#include "CliContext.h"
#include "ProfileArgument.h"
#include "check/Checker.h"
#include "patterns/LayerPattern.h"

namespace qc::cli {

namespace {
// Patterns are a readable form only: they must expand back to exactly the list and name real ops.
bool roundTrips(const QStringList& names, const QStringList& patterns, const Inventory& inventory)
{
    QStringList sorted = names;
    sorted.sort();
    const QStringList expanded = LayerPattern::expandAll(patterns);
    return expanded == sorted && std::all_of(expanded.begin(), expanded.end(), [&](const QString& n) {
        return inventory.indexOf(n) >= 0;
    });
}
} // namespace

int runPatterns(const QStringList& argv)
{
    const ArgumentList args(argv, { QStringLiteral("--profile") }, {});
    if (args.positionals().size() != 1)
        throw UsageError { QStringLiteral("expects one profile file") };
    const ProfileArgument arg
        = loadProfileArgument(args.positionals().front(), args.value(QStringLiteral("--profile")));
    const ProfileLists lists = arg.loaded.project.lists()[size_t(arg.profile)];
    QStringList keep;
    for (const auto& [op, reason] : lists.keep)
        keep.append(op);
    const QStringList quantizePatterns = LayerPattern::compress(lists.quantize);
    const QStringList keepPatterns = LayerPattern::compress(keep);
    out() << "profile " << lists.spec.name << " (" << lists.spec.label << ")\n";
    out() << "quantize: " << lists.quantize.size() << " ops in " << quantizePatterns.size() << " patterns\n";
    for (const QString& p : quantizePatterns)
        out() << "  " << p << '\n';
    out() << "keep: " << keep.size() << " ops in " << keepPatterns.size() << " patterns\n";
    for (const QString& p : keepPatterns)
        out() << "  " << p << '\n';
    out().flush();
    const Inventory& inv = arg.loaded.project.inventory();
    if (!roundTrips(lists.quantize, quantizePatterns, inv) || !roundTrips(keep, keepPatterns, inv)) {
        err() << "quantcut-cli patterns: the patterns do not expand back to the profile's lists" << Qt::endl;
        return Violations;
    }
    err() << "round trip: the patterns expand back to exactly the " << inv.size() << " ops of the profile"
          << Qt::endl;
    return Ok;
}

} // namespace qc::cli
