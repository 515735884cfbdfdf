#include "ModelOptAutoQuantImporter.h"

#include "ImportSupport.h"
#include "io/FileError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <cmath>
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

QString bitsText(double bits)
{
    return bits == std::floor(bits) ? QString::number(qint64(bits)) : QString::number(bits);
}
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

std::vector<Metric> ModelOptAutoQuantImporter::read(const QByteArray& text, const QJsonDocument& doc) const
{
    const QJsonValue listValue = doc.object().value(QLatin1String("layer_sensitivity"));
    const qsizetype listOffset = text.indexOf("\"layer_sensitivity\"");
    if (!listValue.isArray())
        throw FileError(
            m_file, lineOfOffsetOr0(text, listOffset), QStringLiteral("layer_sensitivity is not a list"));
    const QJsonArray list = listValue.toArray();

    // Written entries per num_bits, in file order (std::map: metrics come out by ascending bits).
    std::map<double, std::vector<MetricEntry>> byBits;
    JsonNameLocator locator(text, std::max<qsizetype>(listOffset, 0));
    for (const QJsonValue& item : list) {
        const QJsonObject object = item.toObject();
        MetricEntry entry;
        entry.name = object.value(QLatin1String("layer")).toString();
        entry.line = locator.lineOf(entry.name);
        if (entry.name.isEmpty())
            throw FileError(
                m_file, entry.line, QStringLiteral("layer_sensitivity entry without a layer name"));
        const QJsonValue score = object.value(QLatin1String("sensitivity"));
        const std::optional<double> value = score.isDouble() ? score.toDouble()
            : score.isString()                               ? parseNumber(score.toString())
                                                             : std::nullopt;
        if (!value)
            throw FileError(
                m_file, entry.line, QStringLiteral("sensitivity of '%1' is not a number").arg(entry.name));
        entry.value = *value;
        const QJsonValue bits = object.value(QLatin1String("num_bits"));
        if (!bits.isUndefined() && !bits.isNull() && !bits.isDouble())
            throw FileError(
                m_file, entry.line, QStringLiteral("num_bits of '%1' is not a number").arg(entry.name));
        byBits[bits.toDouble(0.0)].push_back(std::move(entry));
    }
    if (byBits.empty())
        throw FileError(m_file, lineOfOffsetOr0(text, listOffset),
            QStringLiteral("no scores: layer_sensitivity is empty"));

    std::vector<Metric> metrics;
    for (const auto& [bits, written] : byBits) {
        const bool single = byBits.size() == 1;
        const QString key
            = single ? QStringLiteral("autoquant") : QStringLiteral("autoquant_int") + bitsText(bits);
        const QString label = single ? QStringLiteral("ModelOpt AutoQuantize")
                                     : QStringLiteral("ModelOpt AutoQuantize INT%1").arg(bitsText(bits));
        Metric metric = makeMetric(key, label, Polarity::HigherIsMoreSensitive,
            QStringLiteral(
                "Estimated loss increase from quantizing the layer (Taylor/Fisher approximation): higher "
                "is more sensitive. A fused group is scored through one name (q_proj for q/k/v_proj, "
                "gate_proj for gate/up_proj); its other members get the same score, with groupLeader "
                "set to the written name."));
        EntryCollector entries(m_file);
        entries.reserve(qsizetype(written.size()) * 3 / 2);
        for (const MetricEntry& leader : written)
            entries.add(leader);
        // Derived members after all written ones, so a member the file scores itself is never derived, and
        // a member two written leaders would both derive keeps the first.
        for (const MetricEntry& leader : written) {
            for (const QString& member : derivedMembers(leader.name)) {
                if (!entries.contains(member))
                    entries.add({ member, leader.opType, leader.value, leader.line, leader.name });
            }
        }
        metric.entries = entries.take();
        metrics.push_back(std::move(metric));
    }
    return metrics;
}

} // namespace qc
