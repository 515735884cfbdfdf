#pragma once

#include <QStringList>

namespace qcbench {

// One run of another program, as a user starts it: wall time from spawn to exit and the child's own peak
// resident set (wait4's rusage, so the benchmark's memory does not count).
struct ChildRun
{
    double ms = 0;
    double peakRssMb = 0;
    int exitCode = -1;
};

// Runs program with args, stdout and stderr to /dev/null. Throws when it cannot be started.
ChildRun runChild(const QString& program, const QStringList& args);

} // namespace qcbench
