#include "OutcomeArguments.h"

#include "outcomes/OutcomeList.h"
#include "outcomes/OutcomeReader.h"

#include <QFileInfo>

namespace qc::cli {

namespace {
struct OutcomeArgument
{
    OutcomeReader::Target target;
    QString file;
};

// A path that exists is a bare FILE even when it holds '=' or ':'.
OutcomeArgument parse(const QString& item)
{
    const qsizetype eq = item.indexOf(QLatin1Char('='));
    if (eq < 0 || QFileInfo::exists(item))
        return { {}, item };
    const QString label = item.left(eq);
    OutcomeArgument a { { label.section(QLatin1Char(':'), 0, 0), label.section(QLatin1Char(':'), 1) },
        item.mid(eq + 1) };
    if (a.target.profile.isEmpty() || a.file.isEmpty())
        throw UsageError {
            QStringLiteral("--outcome expects PROFILE[:FRAMEWORK]=FILE or FILE, got '%1'").arg(item)
        };
    return a;
}
} // namespace

void attachOutcomeArguments(
    const ArgumentList& args, std::vector<Outcome>& outcomes, const std::vector<ProfileLists>& lists)
{
    std::vector<Outcome> all = outcomes;
    for (const QString& item : args.values(QStringLiteral("--outcome"))) {
        OutcomeArgument a = parse(item);
        for (const ProfileLists& l : lists)
            a.target.profiles.append(l.spec.name);
        OutcomeList::attach(all, OutcomeReader::read(a.file, a.target), lists, a.file);
    }
    outcomes = std::move(all);
}

QStringList outcomeFiles(const ArgumentList& args)
{
    QStringList files;
    for (const QString& item : args.values(QStringLiteral("--outcome")))
        files.append(parse(item).file);
    return files;
}

} // namespace qc::cli
