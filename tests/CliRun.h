#pragma once

// Runs the real `quantcut-cli` the tests were built with, as a user would: arguments, stdin, exit code,
// stdout and stderr.
#include "TestPaths.h"

#include <QProcess>
#include <QString>
#include <QStringList>

namespace qc::test {

struct CliRun
{
    int code = -1; // -1: crashed, -2: timed out
    QByteArray out;
    QByteArray err;
    QString describe() const
    {
        return QStringLiteral("exit %1\n--- stderr:\n%2\n--- stdout (first 2000 bytes):\n%3")
            .arg(code)
            .arg(QString::fromUtf8(err.left(4000)), QString::fromUtf8(out.left(2000)));
    }
};

inline CliRun runCli(const QStringList& args, const QByteArray& input = {}, int timeoutMs = 180000)
{
    QProcess p;
    p.setProgram(cliPath());
    p.setArguments(args);
    p.start();
    if (!p.waitForStarted(10000))
        qFatal("cannot start %s", qPrintable(cliPath()));
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return { -2, p.readAllStandardOutput(), "timed out" };
    }
    CliRun r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace qc::test
