#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace qc::cli {

// Exit codes, documented in the README and `--help`.
enum ExitCode { Ok = 0, Violations = 1, BadInput = 2 };

// Messages go to stderr; results (info, check reports) to stdout.
QTextStream& err();
QTextStream& out();

// A usage error: printed with the command's usage line, exit 2.
struct UsageError
{
    QString message;
};

int runProfiles(const QStringList& args);
int runCheck(const QStringList& args);
int runExport(const QStringList& args);
int runInfo(const QStringList& args);
int runPatterns(const QStringList& args);
int runTransfer(const QStringList& args);
int runDiff(const QStringList& args);
int runReference(const QStringList& args);
int runReport(const QStringList& args);
int runOutcomes(const QStringList& args);

} // namespace qc::cli
