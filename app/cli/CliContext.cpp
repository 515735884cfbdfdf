#include "CliContext.h"

#include <cstdio>

namespace qc::cli {

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

} // namespace qc::cli
