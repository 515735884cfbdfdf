#include "ProfilesBench.h"

#include "ChildProcess.h"
#include "Measure.h"
#include "check/Checker.h"
#include "document/ProfileDocument.h"
#include "inventory/InventoryReader.h"
#include "metrics/MetricImporter.h"
#include "project/Project.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <cstdio>
#include <optional>
#include <stdexcept>

namespace qcbench {

namespace {

// With the inventory read first, as `profiles` reads them.
std::vector<qc::Metric> importScoreCsv(const QString& path, const QString& id, const qc::Inventory& inventory)
{
    std::vector<qc::Metric> metrics = qc::MetricImporter::import(path, {}, &inventory);
    for (qc::Metric& metric : metrics)
        metric.id = id;
    return metrics;
}

QStringList profilesArgs(const BenchFiles& files, const QString& output)
{
    return { QStringLiteral("profiles"), QStringLiteral("--inventory"), files.inventory,
        QStringLiteral("--metric"), QStringLiteral("mse=") + files.mseCsv, QStringLiteral("--metric"),
        QStringLiteral("hawq=") + files.hawqCsv, QStringLiteral("-o"), output };
}

// Debian's interpreter, where apt installs python3-pandas; a python3 earlier on PATH (pyenv, a venv) may
// lack it.
QString python()
{
    return QFileInfo::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3")
                                                                 : QStringLiteral("python3");
}

bool pythonHasPandas()
{
    return runChild(python(), { QStringLiteral("-c"), QStringLiteral("import pandas, yaml") }).exitCode == 0;
}

void printRss(const char* name, int ops, double mb)
{
    std::printf("bench %s ops=%d mb=%.1f\n", name, ops, mb);
    std::fflush(stdout);
}

} // namespace

void benchProfilePhases(int ops, const BenchFiles& files, int reps)
{
    Samples metrics, inventory, derive, check, write, total;
    const QString output = QDir(files.dir).filePath(QStringLiteral("phases.yaml"));
    for (int i = 0; i < reps; ++i) {
        qc::ProjectInputs inputs;
        const double inventoryMs
            = timeMs([&] { inputs.inventory = qc::InventoryReader::read(files.inventory); });
        const double metricsMs = timeMs([&] {
            inputs.metrics = importScoreCsv(files.mseCsv, QStringLiteral("mse"), inputs.inventory);
            for (qc::Metric& m : importScoreCsv(files.hawqCsv, QStringLiteral("hawq"), inputs.inventory))
                inputs.metrics.push_back(std::move(m));
        });
        std::optional<qc::Project> project;
        const double deriveMs = timeMs([&] { project.emplace(std::move(inputs)); });
        std::vector<qc::Violation> violations;
        const double checkMs = timeMs([&] { violations = qc::Checker::check(*project); });
        const double writeMs = timeMs([&] { qc::ProfileDocument::save(*project, violations, output); });
        inventory.add(inventoryMs);
        metrics.add(metricsMs);
        derive.add(deriveMs);
        check.add(checkMs);
        write.add(writeMs);
        total.add(inventoryMs + metricsMs + deriveMs + checkMs + writeMs);
    }
    printResult("phase.read_inventory", ops, inventory);
    printResult("phase.read_metrics", ops, metrics);
    printResult("phase.derive", ops, derive);
    printResult("phase.check", ops, check);
    printResult("phase.write", ops, write);
    printResult("profiles.inprocess", ops, total);
}

void benchProfilesEndToEnd(int ops, const BenchFiles& files, const ProgramPaths& programs, int reps)
{
    // The script takes about 100 s per run at 1M ops: side by side up to 100k, where the ratio is stable.
    const bool pandas = ops <= 100000 && pythonHasPandas();
    if (ops <= 100000 && !pandas)
        std::fprintf(stderr,
            "# pandas.profiles skipped: python3 cannot import pandas and yaml "
            "(apt-get install python3-pandas python3-yaml)\n");
    const QString cliOut = QDir(files.dir).filePath(QStringLiteral("cli.yaml"));
    const QString pandasOut = QDir(files.dir).filePath(QStringLiteral("pandas.yaml"));
    Samples cli, script;
    double cliRss = 0, scriptRss = 0;
    for (int i = 0; i < reps; ++i) {
        const ChildRun run = runChild(programs.cli, profilesArgs(files, cliOut));
        if (run.exitCode != 0)
            throw std::runtime_error("quantcut-cli profiles failed on the benchmark's files");
        cli.add(run.ms);
        cliRss = std::max(cliRss, run.peakRssMb);
        if (!pandas)
            continue;
        const ChildRun py = runChild(
            python(), QStringList { programs.pandasScript } + profilesArgs(files, pandasOut).mid(1));
        if (py.exitCode != 0)
            throw std::runtime_error("the pandas script failed on the benchmark's files");
        script.add(py.ms);
        scriptRss = std::max(scriptRss, py.peakRssMb);
    }
    printResult("cli.profiles", ops, cli);
    printRss("cli.profiles.peak_rss", ops, cliRss);
    if (pandas) {
        printResult("pandas.profiles", ops, script);
        printRss("pandas.profiles.peak_rss", ops, scriptRss);
    }
}

} // namespace qcbench
