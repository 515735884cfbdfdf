#include "ArgumentList.h"
#include "CliContext.h"
#include "ProfileArgument.h"
#include "compare/ProfileDiff.h"
#include "io/AtomicWriter.h"

namespace qc::cli {

int runDiff(const QStringList& argv)
{
    const ArgumentList args(argv, { QStringLiteral("-o"), QStringLiteral("--output") }, {});
    if (args.positionals().size() != 2)
        throw UsageError { QStringLiteral("expects two profile files, A.yaml[:PROFILE] B.yaml[:PROFILE]") };
    const ProfileArgument a = loadProfileArgument(args.positionals()[0]);
    const ProfileArgument b = loadProfileArgument(args.positionals()[1]);
    const QString output
        = args.value(QStringLiteral("-o"), args.value(QStringLiteral("--output"), QStringLiteral("-")));
    refuseInputAsOutput(output, { a.file, b.file });
    const ProfileDiff diff = ProfileDiff::compute(a.loaded.project, a.profile, b.loaded.project, b.profile);
    const QString md = QStringLiteral("# %1 vs %2\n\nA: `%3` profile %4; B: `%5` profile %6.\n\n")
                           .arg(diff.nameA, diff.nameB, a.file, diff.nameA, b.file, diff.nameB)
        + diff.toMarkdown();
    writeAtomically(output, md.toUtf8());
    return Ok;
}

} // namespace qc::cli
