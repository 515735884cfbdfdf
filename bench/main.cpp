// quantcut-bench: times the engine on synthetic MoE models of 1k..1M ops. Not a test: it never fails on a
// slow result, it prints numbers ("bench <name> ops=<N> median_ms=<x> p99_ms=<y>") for people and scripts.

#include "Measure.h"
#include "ProfilesBench.h"
#include "SyntheticModel.h"
#include "check/Checker.h"
#include "document/ProfileDocument.h"
#include "export/Inc2Exporter.h"
#include "inventory/InventoryReader.h"
#include "metrics/MetricImporter.h"
#include "project/Project.h"

#include <QCoreApplication>
#include <QDir>
#include <QList>
#include <QStringList>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <exception>
#include <optional>
#include <stdexcept>

#if QUANTCUT_BENCH_GUI
#include <QApplication>
#endif
#if QUANTCUT_BENCH_GUI && __has_include("GuiBench.h")
#include "GuiBench.h"
#define QUANTCUT_HAVE_GUI_BENCH 1
#endif

using namespace qcbench;

namespace {

constexpr char kUsage[] = R"(Usage: quantcut-bench [--sizes N[,N...]] [--only NAME[,NAME...]] [--quick]
                      [--keep-files DIR] [--cli PATH] [--help]

Builds synthetic MoE inventories (model.layers.L.mlp.experts.E.{gate,up,down}_proj, attention, norms,
router, embed_tokens, model.norm, lm_head) with a fixed seed, writes them to a temporary directory as an
ops CSV, two name,score CSVs, an INC MSE_V2 'fallback order:' log and an INC HAWQ_V2 'hessian trace' log,
and prints one line per measurement:

  bench <name> ops=<N> median_ms=<x> p99_ms=<y>      (p99 = nearest rank; the max below 100 samples)
  bench <name>.peak_rss ops=<N> mb=<x>               (a child process's own peak, from wait4)
  bench peak_rss ops=<N> mb=<x>                      (getrusage ru_maxrss after that size)

Measurements (--only takes these names):
  cli      quantcut-cli profiles end to end (ops CSV + both score CSVs, the default four cuts) and, in the
           same loop up to 100k ops, bench/profiles_pandas.py doing the same job (needs
           python3-pandas; about 100 s per run at 1M, so not there): cli.profiles,
           pandas.profiles and their peak RSS
  phases   the same job in process, phase by phase: phase.read_inventory, phase.read_metrics,
           phase.derive (reconcile, rules, rank, cut), phase.check, phase.write; profiles.inprocess
  import   import.inventory, import.metrics (both INC logs), import
  rank     re-deriving the project from its inputs
  edits    edit (one op kept by hand, cuts carried over), rule (one rule toggled), rerank (the
           combination set again): what the project re-derives for an edit in the explorer
  recut    move one cut point (Project::setCut)
  check    Checker::check
  save     ProfileDocument::save to a file
  export   export.inc2
  gui      the explorer: gui.load, gui.load.recompute, gui.drag (one drag step), gui.edit (one hand
           edit), gui.undo (its undo), gui.rule (one rule toggled), gui.rule.undo

Options:
  --sizes LIST      op counts, comma-separated (default 1000,100000: under two minutes; add
                    1000000 for the long run); run in ascending order.
                    Peak RSS never goes down within a process, so each size's figure includes the sizes
                    before it; the cli measurement's RSS is the child's own
  --only LIST       only these measurements; the project they start from is still loaded and ranked
  --quick           fewer repetitions (a smoke run)
  --keep-files DIR  write each size's input files to DIR/ops_<N>/ and keep them
  --cli PATH        the quantcut-cli to run (default: the one built beside this benchmark)
  --help            this text
)";

struct Options
{
    QList<int> sizes { 1000, 100000 }; // a default run within two minutes; 1M is --sizes 1000000
    QStringList only; // empty: every measurement
    bool quick = false;
    QString keepFiles; // write each size's input files under this folder and keep them
    ProgramPaths programs { QStringLiteral(QUANTCUT_BENCH_CLI),
        QStringLiteral(QUANTCUT_BENCH_PANDAS_SCRIPT) };

    bool wants(const char* measurement) const
    {
        return only.isEmpty() || only.contains(QLatin1String(measurement));
    }
};

// Repetitions per measurement: enough for a stable median, bounded so a full run takes minutes.
struct Reps
{
    int import = 20;
    int rank = 20;
    int recut = 200;
    int output = 20; // check, save, export
    int endToEnd = 3; // cli (quantcut-cli and the pandas script), phases
};

Reps repsFor(int ops, bool quick)
{
    Reps reps;
    if (ops >= 1000000)
        reps = { 5, 5, 200, 5, 3 };
    if (quick)
        reps = { std::min(reps.import, 3), std::min(reps.rank, 3), 50, std::min(reps.output, 3), 1 };
    return reps;
}

using Files = BenchFiles;

std::optional<QList<int>> parseSizes(const QString& text)
{
    QList<int> sizes;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = part.trimmed().toInt(&ok);
        if (!ok || n < 13)
            return std::nullopt; // 13 = one decoder layer with one expert
        sizes.append(n);
    }
    if (sizes.isEmpty())
        return std::nullopt;
    std::sort(sizes.begin(), sizes.end());
    sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
    return sizes;
}

// Returns nullopt after printing help or a usage error; `exitCode` tells which.
std::optional<Options> parseArgs(const QStringList& args, int& exitCode)
{
    Options options;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            std::fputs(kUsage, stdout);
            exitCode = 0;
            return std::nullopt;
        }
        if (arg == QLatin1String("--quick")) {
            options.quick = true;
            continue;
        }
        if (arg == QLatin1String("--only") && i + 1 < args.size()) {
            options.only = args[++i].split(QLatin1Char(','), Qt::SkipEmptyParts);
            continue;
        }
        if (arg == QLatin1String("--keep-files") && i + 1 < args.size()) {
            options.keepFiles = args[++i];
            continue;
        }
        if (arg == QLatin1String("--cli") && i + 1 < args.size()) {
            options.programs.cli = args[++i];
            continue;
        }
        QString value;
        if (arg == QLatin1String("--sizes") && i + 1 < args.size())
            value = args[++i];
        else if (arg.startsWith(QLatin1String("--sizes=")))
            value = arg.mid(8);
        else {
            std::fprintf(stderr, "quantcut-bench: unknown argument '%s'\n%s", qPrintable(arg), kUsage);
            exitCode = 2;
            return std::nullopt;
        }
        const std::optional<QList<int>> sizes = parseSizes(value);
        if (!sizes) {
            std::fprintf(stderr, "quantcut-bench: --sizes wants op counts >= 13, e.g. 1000,100000\n");
            exitCode = 2;
            return std::nullopt;
        }
        options.sizes = *sizes;
    }
    return options;
}

Files writeFiles(const SyntheticModel& model, const QString& dirPath)
{
    const QDir dir(dirPath);
    Files files { dir.filePath(QStringLiteral("ops.csv")), dir.filePath(QStringLiteral("inc_mse_v2.log")),
        dir.filePath(QStringLiteral("inc_hawq_v2.log")), dir.filePath(QStringLiteral("mse_scores.csv")),
        dir.filePath(QStringLiteral("hawq_scores.csv")), dirPath };
    model.writeInventoryCsv(files.inventory);
    model.writeMseLog(files.mseLog);
    model.writeHawqLog(files.hawqLog);
    model.writeScoreCsv(files.mseCsv, SyntheticModel::Scores::Mse);
    model.writeScoreCsv(files.hawqCsv, SyntheticModel::Scores::Hawq);
    return files;
}

// Both logs, as the CLI imports them: the importers set id = key (mse_v2_fallback, hawq_v2), unique here.
std::vector<qc::Metric> importMetrics(const Files& files)
{
    std::vector<qc::Metric> metrics = qc::MetricImporter::import(files.mseLog);
    for (qc::Metric& metric : qc::MetricImporter::import(files.hawqLog))
        metrics.push_back(std::move(metric));
    return metrics;
}

// One repetition reads the inventory, then the metrics; `import` is their sum in that same repetition.
void benchImport(int ops, const Files& files, int reps)
{
    Samples inventory, metrics, both;
    for (int i = 0; i < reps; ++i) {
        const double inventoryMs
            = timeMs([&] { consume(qc::InventoryReader::read(files.inventory).size()); });
        const double metricsMs = timeMs([&] { consume(qsizetype(importMetrics(files).size())); });
        inventory.add(inventoryMs);
        metrics.add(metricsMs);
        both.add(inventoryMs + metricsMs);
    }
    printResult("import.inventory", ops, inventory);
    printResult("import.metrics", ops, metrics);
    printResult("import", ops, both);
}

qc::ProjectInputs loadInputs(const Files& files)
{
    qc::ProjectInputs inputs;
    inputs.inventory = qc::InventoryReader::read(files.inventory);
    inputs.metrics = importMetrics(files);
    return inputs;
}

void benchRank(int ops, qc::Project& project, int reps)
{
    // Setting an input re-derives everything that depends on it; the inventory is all of it.
    printResult("rank", ops, repeat(reps, [&] { project.setInventory(project.inventory()); }));
}

// What an edit in the explorer costs the project: one op kept by hand and released again (the cuts carried
// over, as the explorer does), one rule disabled and enabled again, the combination set again (a re-rank
// only). Each repetition really changes the project.
void benchEdits(int ops, qc::Project& project, int reps)
{
    const qc::Ranking& ranking = project.ranking();
    const int unit = ranking.order[size_t(ranking.eligibleUnits() / 2)];
    const QString op = project.inventory().at(ranking.units[size_t(unit)].members.front()).name;
    const std::vector<qc::Override> none = project.overrides();
    std::vector<qc::Override> kept = none;
    kept.push_back({ op, qc::Override::Action::Keep, {} });
    int step = 0;
    printResult(
        "edit", ops, repeat(reps, [&] { project.setOverridesKeepingCuts(step++ % 2 == 0 ? kept : none); }));
    project.setOverridesKeepingCuts(none);

    const qc::RuleSet rules = project.rules();
    qc::RuleSet toggled = rules;
    if (!toggled.isEmpty())
        toggled.rules().front().enabled = !toggled.rules().front().enabled;
    step = 0;
    printResult("rule", ops, repeat(reps, [&] { project.setRules(step++ % 2 == 0 ? toggled : rules); }));
    project.setRules(rules);

    printResult("rerank", ops, repeat(reps, [&] { project.setCombine(project.combine()); }));
}

// A drag of the middle cut: alternate it between two values so every repetition really moves it.
void benchRecut(int ops, qc::Project& project, int reps)
{
    const int profile = project.profileCount() / 2;
    const double base = project.cutPlan().profiles[size_t(profile)].cut;
    int step = 0;
    const Samples samples
        = repeat(reps, [&] { project.setCut(profile, base + ((step++ % 2) ? 0.01 : -0.01)); });
    project.setCut(profile, base);
    printResult("recut", ops, samples);
}

void benchCheck(int ops, const qc::Project& project, int reps)
{
    printResult("check", ops, repeat(reps, [&] { consume(qsizetype(qc::Checker::check(project).size())); }));
}

// Saving as the command line and the explorer do: streamed into a QSaveFile, committed atomically.
void benchSave(int ops, const qc::Project& project, int reps, const QString& path)
{
    printResult("save", ops,
        repeat(reps, [&] { qc::ProfileDocument::save(project, qc::Checker::check(project), path); }));
}

void benchExport(int ops, const qc::Project& project, int reps)
{
    const int last = project.profileCount() - 1;
    printResult("export.inc2", ops,
        repeat(reps, [&] { consume(qc::Inc2Exporter::toJson(project, last, {}).size()); }));
}

// The peak after each phase, on stderr: RSS only grows, so the step between two lines is what that phase
// added on top of everything before it. Tells where a memory target is missed.
void notePeak(const char* phase)
{
    std::fprintf(stderr, "# peak_rss after %s: %.1f MB\n", phase, peakRssMb());
}

// What the run measured, on stderr so stdout stays machine-readable: a zero-match run would be fast and
// meaningless.
void describe(const SyntheticModel& model, const qc::Project& project)
{
    std::fprintf(stderr, "# %d ops: %d layers x %d experts; metrics:", model.opCount(), model.layers(),
        model.expertsPerLayer());
    for (size_t m = 0; m < project.metrics().size(); ++m)
        std::fprintf(stderr, " %s=%zu entries (%lld unmatched)", qPrintable(project.metrics()[m].id),
            project.metrics()[m].entries.size(),
            static_cast<long long>(project.reconciliations()[m].unmatched.size()));
    std::fprintf(stderr, "; INT8 ops per profile:");
    for (const qc::ProfileCut& cut : project.cuts())
        std::fprintf(stderr, " %lld", static_cast<long long>(cut.ops));
    std::fprintf(stderr, "\n");
}

void runSize(int ops, const Options& options)
{
    const Reps reps = repsFor(ops, options.quick);
    QTemporaryDir dir;
    if (!dir.isValid())
        throw std::runtime_error("cannot create a temporary directory");
    QString dirPath = dir.path();
    if (!options.keepFiles.isEmpty()) {
        dirPath = QDir(options.keepFiles).filePath(QStringLiteral("ops_%1").arg(ops));
        if (!QDir().mkpath(dirPath))
            throw std::runtime_error("cannot create " + dirPath.toStdString());
    }
    Files files;
    {
        const SyntheticModel model(ops); // freed before measuring: only the files remain
        files = writeFiles(model, dirPath);
    }
    notePeak("writing the files");
    // The child processes first: their own peak RSS is read by wait4, the benchmark's grows later.
    if (options.wants("cli"))
        benchProfilesEndToEnd(ops, files, options.programs, reps.endToEnd);
    if (options.wants("phases"))
        benchProfilePhases(ops, files, reps.endToEnd);
    if (options.wants("import")) {
        benchImport(ops, files, reps.import);
        notePeak("import");
    }
    qc::ProjectInputs inputs = loadInputs(files);
    if (inputs.inventory.size() != ops)
        throw std::logic_error("the inventory lost or gained ops");
    notePeak("loading the project");
    qc::Project project(std::move(inputs)); // the state every later measurement starts from
    notePeak("the first recompute");
    describe(SyntheticModel(ops), project);
    if (options.wants("rank"))
        benchRank(ops, project, reps.rank);
    if (options.wants("edits"))
        benchEdits(ops, project, reps.rank);
    if (options.wants("recut"))
        benchRecut(ops, project, reps.recut);
    if (options.wants("check"))
        benchCheck(ops, project, reps.output);
    if (options.wants("save")) {
        benchSave(ops, project, reps.output, dir.filePath(QStringLiteral("profiles.yaml")));
        notePeak("save");
    }
    if (options.wants("export"))
        benchExport(ops, project, reps.output);
    printPeakRss(ops);
}

int run(const Options& options)
{
    for (const int ops : options.sizes)
        runSize(ops, options);
#ifdef QUANTCUT_HAVE_GUI_BENCH
    if (options.wants("gui"))
        runGuiBenchmarks(options.sizes);
#endif
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
#if QUANTCUT_BENCH_GUI
    // The GUI measurements need no display: offscreen unless the caller chose a platform.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    int exitCode = 0;
    const std::optional<Options> options = parseArgs(QCoreApplication::arguments(), exitCode);
    if (!options)
        return exitCode;
    try {
        return run(*options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "quantcut-bench: %s\n", e.what());
        return 1;
    }
}
