#include "ArgumentList.h"
#include "CliContext.h"
#include "compare/AutoQuantDecision.h"
#include "document/ProfileDocument.h"
#include "inventory/InventoryReader.h"
#include "io/FileError.h"
#include "io/InputFile.h"
#include "load/FileKind.h"
#include "metrics/MetricImporter.h"
#include "outcomes/OutcomeReader.h"
#include "ranking/OpScores.h"

#include <QJsonDocument>
#include <QMap>
#include <array>
#include <cmath>
#include <optional>

namespace qc::cli {

namespace {
void describeInventory(const Inventory& inv)
{
    QMap<QString, int> types;
    QMap<QString, int> components;
    for (const Op& op : inv.ops()) {
        ++types[op.opType.isEmpty() ? QStringLiteral("?") : op.opType];
        ++components[op.component];
    }
    out() << "  ops: " << inv.size() << ", parameters: " << inv.totalParams() << '\n';
    for (auto it = types.cbegin(); it != types.cend(); ++it)
        out() << "  type " << it.key() << ": " << it.value() << '\n';
    for (auto it = components.cbegin(); it != components.cend(); ++it)
        out() << "  component " << it.key() << ": " << it.value() << '\n';
}

void describeEvidence(const OpScores& scores)
{
    const std::array<int, 4> counts = scores.countByEvidence();
    out() << "    evidence over the inventory: " << counts[size_t(Evidence::Measured)] << " measured, "
          << counts[size_t(Evidence::NotCandidate)] << " not a candidate, "
          << counts[size_t(Evidence::NoSignal)] << " no signal, " << counts[size_t(Evidence::Missing)]
          << " missing\n";
    for (const SignalGap& gap : scores.gaps)
        out() << "    no signal: " << gap.describe() << '\n';
}

void describeMetrics(const std::vector<Metric>& metrics, const std::optional<Inventory>& inventory)
{
    for (const Metric& m : metrics) {
        out() << "  metric " << m.id << ": " << m.label << ", " << m.entries.size() << " scores, "
              << polarityName(m.polarity()) << (m.valuesAreRanks ? ", values are ranks" : "") << '\n';
        if (!m.numberFormat.isEmpty())
            out() << "    number format: " << m.numberFormat << '\n';
        if (!std::isnan(m.effectiveBits))
            out() << "    effective bits: " << m.effectiveBits << '\n';
        for (const auto& [key, value] : m.facts)
            out() << "    run " << key << ": " << value << '\n';
        if (!m.note.isEmpty())
            out() << "    note: " << m.note << '\n';
        if (!inventory)
            continue;
        const Reconciliation rec = NameReconciler(*inventory).reconcile(m);
        describeEvidence(OpScores::build(m, rec, *inventory));
        out() << "    matched " << rec.matchedCount() << " of " << m.entries.size() << " names\n";
        for (auto it = rec.countByHow.cbegin(); it != rec.countByHow.cend(); ++it)
            out() << "      " << it.value() << " by " << it.key() << '\n';
        for (const QString& name : rec.unmatched)
            out() << "    unmatched: " << name << '\n';
        for (const auto& [e, candidates] : rec.candidates)
            out() << "    ambiguous: " << m.entries[size_t(e)].name << " -> "
                  << candidates.join(QStringLiteral(", ")) << '\n';
    }
}

// A profile file, an inventory or rankings: the profile file's version key and the importers decide.
// AutoQuant's own decision, and at other budgets the exact optimum against the nested greedy order.
void describeAutoQuantDecisions(
    const QByteArray& data, const QString& path, const std::vector<double>& budgets)
{
    const AutoQuantManifest manifest = AutoQuantManifest::parse(data, QJsonDocument::fromJson(data), path);
    try {
        const AutoQuantDecision d = AutoQuantDecision::reconstruct(manifest, path);
        out() << "  AutoQuant's decision (reconstructed): " << d.quantizedGroups().size() << " of "
              << d.choices.size() << " groups quantized, score " << QString::number(d.score, 'g', 10)
              << " at " << QString::number(d.effectiveBits, 'g', 10)
              << " effective bits (recorded: " << QString::number(d.recordedScore, 'g', 10) << " at "
              << QString::number(d.recordedEffectiveBits, 'g', 10) << ")\n";
    } catch (const std::invalid_argument& e) {
        out() << "  AutoQuant's decision: cannot be reconstructed: " << QString::fromUtf8(e.what()) << '\n';
    }
    for (const double bits : budgets) {
        const AutoQuantDecision exact = AutoQuantDecision::solve(manifest, bits, path);
        const AutoQuantDecision greedy = AutoQuantDecision::greedyByRatio(manifest, bits, path);
        out() << "  at " << bits << " effective bits: exact optimum score "
              << QString::number(exact.score, 'g', 8) << " (" << exact.quantizedGroups().size() << " groups, "
              << QString::number(exact.effectiveBits, 'f', 4) << " bits); greedy by score per cost saved "
              << QString::number(greedy.score, 'g', 8) << " (" << greedy.quantizedGroups().size()
              << " groups, " << QString::number(greedy.effectiveBits, 'f', 4) << " bits); gap "
              << QString::number(
                     exact.score > 0 ? 100.0 * (greedy.score - exact.score) / exact.score : 0.0, 'f', 3)
              << "%, Jaccard " << QString::number(AutoQuantDecision::jaccard(exact, greedy), 'f', 3) << '\n';
    }
}

void describe(const QString& path, const QString& format, const std::optional<Inventory>& inventory,
    const std::vector<double>& budgets)
{
    out() << path << '\n';
    // The kind as the explorer and `profiles` see it; --format says the file holds rankings.
    const FileKind kind = format.isEmpty() ? detectFileKind(path) : FileKind::Rankings;
    if (kind == FileKind::Inventory) {
        out() << "  format: op inventory" << (InventoryReader::isCheckpoint(path) ? " (checkpoint)" : "")
              << '\n';
        describeInventory(InventoryReader::read(path));
        return;
    }
    if (kind == FileKind::ProfileDocument) {
        const ProfileDocument::Loaded loaded = ProfileDocument::load(path);
        out() << "  format: quantcut profile file, " << loaded.storedLists.size() << " profiles\n";
        describeInventory(loaded.project.inventory());
        describeMetrics(loaded.project.metrics(), loaded.project.inventory());
        return;
    }
    if (kind == FileKind::Outcomes) {
        // Rows that name no profile or framework need a label to be read: "?" stands in for one.
        const QByteArray data = readInput(path);
        std::vector<Outcome> outcomes;
        try {
            outcomes = OutcomeReader::parse(data, path);
        } catch (const FileError& e) {
            try {
                outcomes = OutcomeReader::parse(data, path, { QStringLiteral("?"), QStringLiteral("?"), {} });
            } catch (const FileError&) {
                throw e;
            }
        }
        out() << "  format: outcomes (" << OutcomeReader::formatName(*OutcomeReader::detect(data)) << ")\n";
        for (const Outcome& o : outcomes)
            out() << "  profile " << o.profile << ": " << o.values.size() << " values\n";
        return;
    }
    const QByteArray data = readInput(path);
    const QString detected = format.isEmpty() ? MetricImporter::detect(data, path) : format;
    std::vector<Metric> metrics = MetricImporter::importData(data, path, detected);
    out() << "  format: " << detected << '\n';
    describeMetrics(metrics, inventory);
    if (detected == QLatin1String("modelopt-autoquant-manifest"))
        describeAutoQuantDecisions(data, path, budgets);
}
} // namespace

int runInfo(const QStringList& argv)
{
    const ArgumentList args(argv,
        { QStringLiteral("--inventory"), QStringLiteral("--format"), QStringLiteral("--budget-bits") }, {});
    std::vector<double> budgets;
    for (const QString& item : args.value(QStringLiteral("--budget-bits")).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        budgets.push_back(item.toDouble(&ok));
        if (!ok || budgets.back() <= 0.0 || budgets.back() > 16.0)
            throw UsageError {
                QStringLiteral("--budget-bits expects effective bits in (0, 16], got '%1'").arg(item)
            };
    }
    if (args.positionals().isEmpty())
        throw UsageError { QStringLiteral("expects at least one FILE") };
    std::optional<Inventory> inventory;
    if (args.has(QStringLiteral("--inventory")))
        inventory = InventoryReader::read(args.value(QStringLiteral("--inventory")));
    for (const QString& path : args.positionals())
        describe(path, args.value(QStringLiteral("--format")), inventory, budgets);
    out().flush();
    return Ok;
}

} // namespace qc::cli
