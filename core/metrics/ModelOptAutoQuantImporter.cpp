#include "ModelOptAutoQuantImporter.h"

#include "AutoQuantRun.h"
#include "ImportSupport.h"
#include "io/FileError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <cmath>
#include <limits>
#include <map>

namespace qc {

using namespace importing;

namespace {
// ModelOpt's quant_grouping_rules for dense models: ^(.*?)\.(q_proj|k_proj|v_proj)$ and
// ^(.*?)\.(gate_proj|up_proj)$.
const std::vector<QStringList>& fusedGroups()
{
    static const std::vector<QStringList> groups {
        { QStringLiteral("q_proj"), QStringLiteral("k_proj"), QStringLiteral("v_proj") },
        { QStringLiteral("gate_proj"), QStringLiteral("up_proj") },
    };
    return groups;
}

const QString recipeSuffix = QStringLiteral(".quant_recipe");
// What AutoQuantize labels the NONE candidate: a group whose only candidate it is was never quantizable.
constexpr double kNoneBits = 16.0;
} // namespace

QStringList ModelOptAutoQuantImporter::derivedMembers(const QString& leader)
{
    const QString base = leader.endsWith(recipeSuffix) ? leader.chopped(recipeSuffix.size()) : leader;
    const QString suffix = leader.mid(base.size());
    const qsizetype dot = base.lastIndexOf(u'.');
    if (dot <= 0)
        return {};
    const QString prefix = base.left(dot + 1);
    const QString member = base.mid(dot + 1);
    for (const QStringList& group : fusedGroups()) {
        if (!group.contains(member))
            continue;
        QStringList derived;
        for (const QString& other : group) {
            if (other != member)
                derived.append(prefix + other + suffix);
        }
        return derived;
    }
    return {};
}

bool ModelOptAutoQuantImporter::fits(const QJsonDocument& doc)
{
    return doc.isObject() && doc.object().contains(QLatin1String("layer_sensitivity"));
}

namespace {
// The format of the rows at one effective-bits value: the run's only quantized format, else the one
// format known to have those bits; empty when the file does not say.
QString formatForBits(const QStringList& formats, double bits)
{
    if (formats.size() == 1)
        return formats.front();
    QString match;
    for (const QString& f : formats) {
        if (autoquant::knownEffectiveBits(f) != bits)
            continue;
        if (!match.isEmpty())
            return {};
        match = f;
    }
    return match;
}
} // namespace

std::vector<Metric> ModelOptAutoQuantImporter::read(const QByteArray& text, const QJsonDocument& doc) const
{
    const QJsonValue listValue = doc.object().value(QLatin1String("layer_sensitivity"));
    const qsizetype listOffset = text.indexOf("\"layer_sensitivity\"");
    if (!listValue.isArray())
        throw FileError(m_file, lineOfOffsetOr0(text, listOffset),
            QStringLiteral("layer_sensitivity is not a list (a ModelOpt AutoQuantize report has one row per "
                           "layer; a manifest has a map of candidates)"));
    const QJsonArray list = listValue.toArray();

    // Written entries per num_bits, in file order (std::map: metrics come out by ascending bits). Rows at 16
    // effective bits are groups whose only candidate was NONE: never measured.
    std::map<double, std::vector<MetricEntry>> byBits;
    std::vector<MetricEntry> noCandidate;
    JsonNameLocator locator(text, std::max<qsizetype>(listOffset, 0));
    for (const QJsonValue& item : list) {
        const QJsonObject object = item.toObject();
        MetricEntry entry;
        entry.name = object.value(QLatin1String("layer")).toString();
        entry.line = locator.lineOf(entry.name);
        if (entry.name.isEmpty())
            throw FileError(
                m_file, entry.line, QStringLiteral("layer_sensitivity entry without a layer name"));
        entry.value = number(object, "sensitivity", entry, true);
        entry.cost = number(object, "size_cost", entry, false);
        const double bits = number(object, "num_bits", entry, false);
        if (bits == kNoneBits) {
            entry.candidate = false;
            noCandidate.push_back(std::move(entry));
        } else {
            byBits[std::isnan(bits) ? 0.0 : bits].push_back(std::move(entry));
        }
    }
    if (byBits.empty())
        throw FileError(m_file, lineOfOffsetOr0(text, listOffset),
            noCandidate.empty() ? QStringLiteral("no scores: layer_sensitivity is empty")
                                : QStringLiteral("no scores: every layer's only candidate is NONE (16 "
                                                 "effective bits), so nothing was measured"));

    const QStringList formats = autoquant::quantFormats(doc.object());
    const auto facts = autoquant::runFacts(doc.object());
    std::vector<Metric> metrics;
    for (const auto& [bits, written] : byBits) {
        const QString format = formatForBits(formats, bits);
        Metric metric = makeMetric(autoquant::metricKey(format, bits, byBits.size() > 1),
            autoquant::metricLabel(format, bits), Polarity::HigherIsMoreSensitive,
            QStringLiteral(
                "Estimated loss increase from quantizing the layer (Taylor/Fisher approximation): higher "
                "is more sensitive. num_bits is ModelOpt's effective bits of the candidate, not a weight "
                "width. A fused group is scored through one name (q_proj for q/k/v_proj, gate_proj for "
                "gate/up_proj); its other members get the same score. Rows whose only candidate is NONE "
                "are not measurements."));
        metric.numberFormat = format;
        metric.effectiveBits = bits > 0.0 ? bits : std::numeric_limits<double>::quiet_NaN();
        metric.facts = facts;
        metric.entries = withGroupMembers(m_file, written, noCandidate);
        metrics.push_back(std::move(metric));
    }
    return metrics;
}

double ModelOptAutoQuantImporter::number(
    const QJsonObject& object, const char* key, const MetricEntry& entry, bool required) const
{
    const QJsonValue v = object.value(QLatin1String(key));
    if (!required && (v.isUndefined() || v.isNull()))
        return std::numeric_limits<double>::quiet_NaN();
    const std::optional<double> value = v.isDouble() ? v.toDouble()
        : v.isString()                               ? parseNumber(v.toString())
                                                     : std::nullopt;
    if (!value)
        throw FileError(m_file, entry.line,
            QStringLiteral("%1 of '%2' is not a number").arg(QLatin1String(key), entry.name));
    return *value;
}

std::vector<MetricEntry> ModelOptAutoQuantImporter::withGroupMembers(
    const QString& file, const std::vector<MetricEntry>& written, const std::vector<MetricEntry>& noCandidate)
{
    EntryCollector entries(file);
    entries.reserve(qsizetype(written.size() + noCandidate.size()) * 3 / 2);
    for (const auto* list : { &written, &noCandidate }) {
        for (const MetricEntry& leader : *list)
            entries.add(leader);
    }
    // Derived members after all written ones, so a member the file scores itself is never derived, and
    // a member two written leaders would both derive keeps the first. The cost is the group's: it stays on
    // the written name.
    for (const auto* list : { &written, &noCandidate }) {
        for (const MetricEntry& leader : *list) {
            for (const QString& member : derivedMembers(leader.name)) {
                if (entries.contains(member))
                    continue;
                MetricEntry derived { member, leader.opType, leader.value, leader.line, leader.name };
                derived.candidate = leader.candidate;
                entries.add(std::move(derived));
            }
        }
    }
    return entries.take();
}

} // namespace qc
