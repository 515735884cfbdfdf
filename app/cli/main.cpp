#include "CliContext.h"
#include "export/ProfileExporter.h"
#include "io/FileError.h"
#include "metrics/MetricImporter.h"

#include <QCoreApplication>
#include <memory>
#ifdef QUANTCUT_CLI_CHARTS
#include <QApplication>
#endif
#include <stdexcept>

namespace {

// Every command, named once: the table drives the usage text and the dispatch.
struct Command
{
    const char* name;
    const char* usage; // what follows "quantcut-cli NAME"
    int (*run)(const QStringList& args);
};

const Command kCommands[] = {
    { "profiles", R"( [--inventory FILE] --metric [ID=]FILE ... [--format ID=FMT]
                        [--flip ID] [--all-measured ID] [--combine mean-rank|max-rank|ID|weighted:ID=W,...]
                        [--cuts 0.25,0.5,0.8,0.95 | --cuts A=0.25,...]
                        [--cut-by ops|params|count|score|bits|memory-gb] [--order score|score-per-param]
                        [--components FILE] [--rules FILE] [--preset lm-only] [--no-default-rules] [--no-fuse]
                        [--override OP=keep|int8[:NOTE]] [--outcome [PROFILE[:FRAMEWORK]=]RESULTS ...]
                        -o profiles.yaml)",
        qc::cli::runProfiles },
    { "check", R"( profiles.yaml [--inventory FILE])", qc::cli::runCheck },
    { "export", R"( profiles.yaml --to FORMAT [--profile NAME] [--activations static|dynamic]
                     [--numbers int8|fp8] [--no-smoothquant] [--alpha A] [--gptq] [--naming new|legacy]
                     -o FILE)",
        qc::cli::runExport },
    { "info", R"( FILE... [--inventory FILE] [--format FMT] [--budget-bits 8.5,12])", qc::cli::runInfo },
    { "patterns", R"( profiles.yaml [--profile NAME]      # compact layer-range patterns, round trip proved)",
        qc::cli::runPatterns },
    { "transfer", R"( profiles.yaml --inventory OTHER -o OUT.yaml   # onto a model of another depth)",
        qc::cli::runTransfer },
    { "diff", R"( A.yaml[:PROFILE] B.yaml[:PROFILE] [-o FILE.md])", qc::cli::runDiff },
    { "reference", R"( --scheme lm-only|modelopt-default|autoquant:FILE|modelopt-manifest:FILE
                         --inventory FILE -o ref.yaml)",
        qc::cli::runReference },
    { "report", R"( profiles.yaml -o DIR                  # report.md, report.html, charts as PNG and SVG)",
        qc::cli::runReport },
    { "outcomes", R"( profiles.yaml [--outcome [PROFILE[:FRAMEWORK]=]RESULTS ...] [--markdown]
                        [--x weight-memory-gb|int8-ops|int8-params|effective-bits] [-o OUT.yaml])",
        qc::cli::runOutcomes },
};

const char* const kHelpHead
    = R"(quantcut-cli - nested INT8 W8A8 profiles from quantization sensitivity rankings

)";

const char* const kHelpTail = R"(
A FILE of "-" reads stdin; "-o -" writes stdout. Messages go to stderr.
Metric formats: %METRICS% (detected by content).
Only measured values rank: exact zeros over a whole component or block, a component tied at one value
("no signal") and AutoQuant NONE-only rows ("not a candidate") do not, and ops no source measured stay kept ("unmeasured"); --all-measured ID takes every value of ID as measured.
Export formats: %EXPORTS% (the last profile when --profile is not given).
A framework config is verified before it is written: evaluated with that framework's matching rule over
the inventory, it must quantize exactly the profile's ops.
--naming: the transformers runtime a framework config names Qwen2-VL/Qwen2.5-VL/Qwen3-VL modules for:
new (default, transformers >= 4.52: model.language_model.layers.N, model.visual.*) or legacy (< 4.52:
model.layers.N, visual.*), whichever names the inventory has (a Qwen2.5-VL checkpoint stores the legacy
ones). Other models keep their inventory names. The export states the naming it used.
Results files (--outcome): CSV, JSON or YAML rows of profile, framework, metric, value, higher_is_better
[, stderr, notes], or lm-evaluation-harness results JSON (detected by content); profile "baseline" is the
unquantized model. "outcomes -o OUT" writes the profile file with them attached (never over its input).
Every output file is written atomically: a failed run leaves an existing file untouched.

Exit codes:
  0  success (check: no errors; warnings may be listed)
  1  check found violations of severity error; export would not quantize exactly the profile's ops;
     patterns do not expand back to the profile's lists
  2  bad input or usage: unreadable or malformed file, unknown format, bad option
)";

QString helpText()
{
    QString text = QString::fromUtf8(kHelpHead) + QStringLiteral("Usage:\n");
    for (const Command& command : kCommands)
        text += QStringLiteral("  quantcut-cli %1%2\n")
                    .arg(QLatin1String(command.name), QString::fromUtf8(command.usage));
    text += QStringLiteral("  quantcut-cli --help | --version\n");
    return text
        + QString::fromUtf8(kHelpTail)
              .replace(QStringLiteral("%METRICS%"), qc::MetricImporter::formatIds())
              .replace(
                  QStringLiteral("%EXPORTS%"), qc::ProfileExporter::formatIds().join(QStringLiteral(", ")));
}

// The report renders the explorer's charts, which need a QApplication (offscreen is enough); every other
// command stays a plain QCoreApplication that needs no display or platform plugin.
std::unique_ptr<QCoreApplication> makeApplication(int& argc, char** argv)
{
#ifdef QUANTCUT_CLI_CHARTS
    if (argc > 1 && qstrcmp(argv[1], "report") == 0) {
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // The offscreen platform's chatter ("does not support propagateSizeHints()") is not the user's
        // business; the command's own messages go to stderr directly.
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
            if (type == QtCriticalMsg || type == QtFatalMsg)
                qc::cli::err() << message << Qt::endl;
        });
        return std::make_unique<QApplication>(argc, argv);
    }
#endif
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

int main(int argc, char** argv)
{
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("quantcut-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QUANTCUT_VERSION));
    QStringList args = QCoreApplication::arguments().mid(1);
    using namespace qc::cli;
    if (args.isEmpty() || args.front() == QLatin1String("--help") || args.front() == QLatin1String("-h")
        || args.front() == QLatin1String("help")) {
        (args.isEmpty() ? err() : out()) << helpText();
        return args.isEmpty() ? BadInput : Ok;
    }
    if (args.front() == QLatin1String("--version")) {
        out() << "quantcut-cli " << QUANTCUT_VERSION << Qt::endl;
        return Ok;
    }
    const QString command = args.takeFirst();
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        out() << helpText();
        return Ok;
    }
    try {
        for (const Command& c : kCommands) {
            if (command == QLatin1String(c.name))
                return c.run(args);
        }
        err() << "quantcut-cli: unknown command '" << command << "' (see quantcut-cli --help)" << Qt::endl;
        return BadInput;
    } catch (const UsageError& e) {
        err() << "quantcut-cli " << command << ": " << e.message << " (see quantcut-cli --help)" << Qt::endl;
    } catch (const qc::FileError& e) {
        err() << "quantcut-cli: " << e.toString() << Qt::endl;
    } catch (const std::exception& e) {
        err() << "quantcut-cli: " << e.what() << Qt::endl;
    }
    return BadInput;
}
