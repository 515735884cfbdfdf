#include "ArgumentList.h"
#include "CliContext.h"
#include "check/Checker.h"
#include "document/ProfileDocument.h"
#include "inventory/InventoryReader.h"

#include <QMap>

namespace qc::cli {

namespace {
// Stored lists that differ from what the file's own rules, overrides and cuts give were edited by hand.
int countHandEdits(const std::vector<ProfileLists>& stored, const std::vector<ProfileLists>& computed)
{
    int differing = 0;
    for (size_t p = 0; p < std::min(stored.size(), computed.size()); ++p) {
        if (!Checker::handEditedOps(stored[p], computed[p]).isEmpty())
            ++differing;
    }
    return differing;
}
// Every error; warnings up to a few per kind, so 400 partially ranked ops do not bury an error.
void printViolations(const std::vector<Violation>& violations)
{
    constexpr int kWarningsPerKind = 10;
    QMap<QString, int> warningsShown;
    QMap<QString, int> warningsHidden;
    for (const Violation& v : violations) {
        const QString kind = kindName(v.kind);
        if (v.severity == Violation::Severity::Warning && warningsShown[kind]++ >= kWarningsPerKind) {
            ++warningsHidden[kind];
            continue;
        }
        out() << severityName(v.severity) << ' ' << kind;
        if (!v.profile.isEmpty())
            out() << " [" << v.profile << ']';
        out() << ": " << v.message << '\n';
    }
    for (auto it = warningsHidden.cbegin(); it != warningsHidden.cend(); ++it)
        out() << "warning " << it.key() << ": ... and " << it.value() << " more\n";
    out().flush();
}
} // namespace

int runCheck(const QStringList& argv)
{
    const ArgumentList args(argv, { QStringLiteral("--inventory") }, {});
    if (args.positionals().size() != 1)
        throw UsageError { QStringLiteral("expects one profile file") };
    const QString file = args.positionals().front();
    ProfileDocument::Loaded loaded = ProfileDocument::load(file);
    if (args.has(QStringLiteral("--inventory"))) {
        ProjectInputs inputs = loaded.project.inputs();
        inputs.inventory = InventoryReader::read(args.value(QStringLiteral("--inventory")));
        inputs.inventoryFromRankings = false;
        loaded.project = Project(std::move(inputs));
    }
    const std::vector<Violation> violations = Checker::check(loaded.project, loaded.storedLists);
    printViolations(violations);
    const int handEdited = countHandEdits(loaded.storedLists, loaded.project.lists());
    if (handEdited > 0)
        err() << "note: " << handEdited
              << " profile(s) list other ops than the file's rules, overrides and cuts give (edited by hand?)"
              << Qt::endl;
    const int errors = Checker::errorCount(violations);
    err() << file << ": " << loaded.project.inventory().size() << " ops, " << loaded.storedLists.size()
          << " profiles, " << errors << " errors, " << int(violations.size()) - errors << " warnings"
          << Qt::endl;
    return errors > 0 ? Violations : Ok;
}

} // namespace qc::cli
