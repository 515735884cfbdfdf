#include "ArgumentList.h"
#include "CliContext.h"
#include "inventory/InventoryReader.h"
#include "io/FileError.h"
#include "io/InputFile.h"
#include "metrics/MetricImporter.h"
#include "project/ProfileDocument.h"
#include "ranking/OpScores.h"

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
        for (size_t e = 0; e < rec.matches.size(); ++e) {
            if (!rec.matches[e].candidates.isEmpty())
                out() << "    ambiguous: " << m.entries[e].name << " -> "
                      << rec.matches[e].candidates.join(QStringLiteral(", ")) << '\n';
        }
    }
}

// A profile file, an inventory or rankings: the profile file's version key and the importers decide.
void describe(const QString& path, const QString& format, const std::optional<Inventory>& inventory)
{
    const QByteArray data = readInput(path);
    out() << path << '\n';
    if (format.isEmpty() && data.contains("quantcut_profiles:")) {
        const ProfileDocument::Loaded loaded = ProfileDocument::load(path);
        out() << "  format: quantcut profile file, " << loaded.storedLists.size() << " profiles\n";
        describeInventory(loaded.project.inventory());
        describeMetrics(loaded.project.metrics(), loaded.project.inventory());
        return;
    }
    const QString detected = format.isEmpty() ? MetricImporter::detect(data, path) : format;
    if (detected.isEmpty() || detected == QLatin1String("csv")) {
        try {
            const Inventory inv = InventoryReader::read(path);
            if (detected.isEmpty() || inv.size() > 0) {
                out() << "  format: op inventory\n";
                describeInventory(inv);
                return;
            }
        } catch (const FileError&) {
            if (detected.isEmpty())
                throw;
        }
    }
    std::vector<Metric> metrics = MetricImporter::importData(data, path, detected);
    out() << "  format: " << detected << '\n';
    describeMetrics(metrics, inventory);
}
} // namespace

int runInfo(const QStringList& argv)
{
    const ArgumentList args(argv, { QStringLiteral("--inventory"), QStringLiteral("--format") }, {});
    if (args.positionals().isEmpty())
        throw UsageError { QStringLiteral("expects at least one FILE") };
    std::optional<Inventory> inventory;
    if (args.has(QStringLiteral("--inventory")))
        inventory = InventoryReader::read(args.value(QStringLiteral("--inventory")));
    for (const QString& path : args.positionals())
        describe(path, args.value(QStringLiteral("--format")), inventory);
    out().flush();
    return Ok;
}

} // namespace qc::cli
