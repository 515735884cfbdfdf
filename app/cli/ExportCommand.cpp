#include "ArgumentList.h"
#include "CliContext.h"
#include "check/Checker.h"
#include "document/ProfileDocument.h"
#include "export/ExportVerifier.h"
#include "export/Inc2Exporter.h"
#include "export/ProfileExporter.h"
#include "io/AtomicWriter.h"
#include "io/FileError.h"

#include <stdexcept>

namespace qc::cli {

namespace {
ExportOptions parseOptions(const ArgumentList& args)
{
    ExportOptions options;
    const QString activations = args.value(QStringLiteral("--activations"), QStringLiteral("static"));
    if (activations != QLatin1String("static") && activations != QLatin1String("dynamic"))
        throw UsageError { QStringLiteral(
            "--activations must be static (per-tensor) or dynamic (per-token)") };
    options.activations = activations == QLatin1String("static")
        ? ExportOptions::Activations::PerTensorStatic
        : ExportOptions::Activations::PerTokenDynamic;
    const QString numbers = args.value(QStringLiteral("--numbers"), QStringLiteral("int8"));
    if (numbers != QLatin1String("int8") && numbers != QLatin1String("fp8"))
        throw UsageError { QStringLiteral("--numbers must be int8 or fp8") };
    options.numbers = numbers == QLatin1String("int8") ? ExportOptions::NumberFormat::Int8
                                                       : ExportOptions::NumberFormat::Fp8;
    const QString naming = args.value(QStringLiteral("--naming"), RuntimeNames::id(ModuleNaming::New));
    if (naming != RuntimeNames::id(ModuleNaming::New) && naming != RuntimeNames::id(ModuleNaming::Legacy))
        throw UsageError { QStringLiteral(
            "--naming must be new (transformers >= 4.52 module names) or legacy "
            "(< 4.52)") };
    options.naming = naming == RuntimeNames::id(ModuleNaming::New) ? ModuleNaming::New : ModuleNaming::Legacy;
    options.smoothQuant = !args.has(QStringLiteral("--no-smoothquant"));
    options.gptq = args.has(QStringLiteral("--gptq"));
    if (args.has(QStringLiteral("--alpha"))) {
        bool ok = false;
        options.smoothQuantAlpha = args.value(QStringLiteral("--alpha")).toDouble(&ok);
        if (!ok || options.smoothQuantAlpha < 0 || options.smoothQuantAlpha > 1)
            throw UsageError { QStringLiteral("--alpha must be a number in [0, 1]") };
    }
    return options;
}
// Exports come from the file's rules, overrides and cuts. Lists edited by hand would silently lose their
// edits, so they are refused: hand edits belong in overrides, which every output then agrees with.
void refuseHandEdits(const ProfileDocument::Loaded& loaded, int profile, const QString& file)
{
    const ProfileLists computed = loaded.project.lists()[size_t(profile)];
    const auto stored = std::find_if(loaded.storedLists.begin(), loaded.storedLists.end(),
        [&](const ProfileLists& l) { return l.spec.name == computed.spec.name; });
    if (stored == loaded.storedLists.end())
        return;
    // Both lists: an op also listed under keep is no more INT8 for sure than one missing from quantize.
    const QStringList differing = Checker::handEditedOps(*stored, computed);
    if (differing.isEmpty())
        return;
    throw FileError(file,
        QStringLiteral("profile %1's lists were edited by hand (%2 op(s) differ from what the file's rules, "
                       "overrides and cuts give, e.g. %3); put hand edits into overrides "
                       "(profiles --override OP=keep|int8, or the explorer) and export again")
            .arg(computed.spec.name)
            .arg(differing.size())
            .arg(differing.mid(0, 3).join(QStringLiteral(", "))));
}
} // namespace

int runExport(const QStringList& argv)
{
    const ArgumentList args(argv,
        { QStringLiteral("--to"), QStringLiteral("--profile"), QStringLiteral("-o"),
            QStringLiteral("--output"), QStringLiteral("--activations"), QStringLiteral("--numbers"),
            QStringLiteral("--alpha"), QStringLiteral("--naming") },
        { QStringLiteral("--no-smoothquant"), QStringLiteral("--gptq") });
    if (args.positionals().size() != 1)
        throw UsageError { QStringLiteral("expects one profile file") };
    const QString format = args.required(QStringLiteral("--to"));
    if (!ProfileExporter::isKnown(format))
        throw UsageError { QStringLiteral("unknown export format '%1' (known: %2)")
                               .arg(format, ProfileExporter::formatIds().join(QStringLiteral(", "))) };
    const QString output = args.value(QStringLiteral("-o"), args.value(QStringLiteral("--output")));
    if (output.isEmpty())
        throw UsageError { QStringLiteral("missing -o FILE") };
    const ExportOptions options = parseOptions(args);
    refuseInputAsOutput(output, args.positionals());
    const ProfileDocument::Loaded loaded = ProfileDocument::load(args.positionals().front());
    const Project& project = loaded.project;
    const QString name = args.value(QStringLiteral("--profile"));
    const int profile = profileIndex(project, name);
    if (profile < 0) {
        QStringList names;
        for (const ProfileSpec& spec : project.cutPlan().profiles)
            names.append(spec.name);
        throw UsageError { QStringLiteral("no profile named '%1' (the file has: %2)")
                               .arg(name, names.join(QStringLiteral(", "))) };
    }
    refuseHandEdits(loaded, profile, args.positionals().front());
    QByteArray data;
    try {
        data = ProfileExporter::run(project, format, profile, options);
    } catch (const ExportMismatch& e) {
        err() << "quantcut-cli export: " << e.what() << "; nothing written" << Qt::endl;
        return Violations;
    } catch (const std::invalid_argument& e) {
        throw UsageError { QString::fromUtf8(e.what()) };
    }
    writeAtomically(output, data);
    const ProfileSpec& spec = project.cutPlan().profiles[size_t(profile)];
    for (const QString& error : Checker::errorsFor(project, profile))
        err() << "warning: profile " << spec.name << " has a violation (stated in the export too): " << error
              << Qt::endl;
    err() << "exported profile " << spec.name << " (" << spec.label << ") as " << format << ": "
          << project.cuts()[size_t(profile)].ops << " ops INT8, to " << output << Qt::endl;
    if (ProfileExporter::isFrameworkConfig(format))
        err() << "module names: " << RuntimeNames(project.inventory(), options.naming).describe() << Qt::endl;
    return Ok;
}

} // namespace qc::cli
