#pragma once

#include <QString>

namespace qcbench {

// The files one size writes: what `quantcut-cli profiles` and the pandas script read.
struct BenchFiles
{
    QString inventory; // ops CSV
    QString mseLog; // INC MSE_V2 log
    QString hawqLog; // INC HAWQ_V2 log
    QString mseCsv; // name,score
    QString hawqCsv;
    QString dir;
};

struct ProgramPaths
{
    QString cli; // quantcut-cli
    QString pandasScript; // bench/profiles_pandas.py, run with python3
};

// `profiles` in process, phase by phase as the command runs them (score CSVs, inventory, derive, check,
// write): "bench phase.<name> ops=N median_ms=…" and the sum as "bench profiles.inprocess".
void benchProfilePhases(int ops, const BenchFiles& files, int reps);

// End to end as a user runs it, alternating quantcut-cli and the pandas + PyYAML script of the same job in
// one loop so both see the same machine: "bench cli.profiles", "bench pandas.profiles", and each one's peak
// RSS. The script is skipped, with a note, where python3 lacks pandas or PyYAML.
void benchProfilesEndToEnd(int ops, const BenchFiles& files, const ProgramPaths& programs, int reps);

} // namespace qcbench
