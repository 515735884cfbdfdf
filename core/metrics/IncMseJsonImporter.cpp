#include "IncMseJsonImporter.h"

#include "ImportSupport.h"
#include "io/FileError.h"

#include <QJsonArray>
#include <QJsonObject>

namespace qc {

using namespace importing;

namespace {
const char* const fallbackList = "fp32_fallback_sensitivity";
const char* const requantList = "int8_requant_sensitivity";
} // namespace

bool IncMseJsonImporter::fits(const QJsonDocument& doc)
{
    const QJsonObject root = doc.object();
    return doc.isObject()
        && (root.contains(QLatin1String(fallbackList)) || root.contains(QLatin1String(requantList)));
}

std::vector<Metric> IncMseJsonImporter::read(const QByteArray& text, const QJsonDocument& doc) const
{
    if (!fits(doc))
        throw FileError(m_file, 1,
            QStringLiteral(
                "not an INC MSE_V2 dump (expected fp32_fallback_sensitivity or int8_requant_sensitivity)"));
    const QJsonObject root = doc.object();
    std::vector<Metric> metrics;
    // get_mse_order_per_fp32 keeps one op in fp32 with every other op INT8 and sorts ascending: the op whose
    // fallback leaves the smallest output error recovers the most, so INC treats it as the most sensitive.
    readList(text, root, fallbackList,
        makeMetric(QStringLiteral("mse_v2_fallback"), QStringLiteral("INC MSE_V2 fp32 fallback"),
            Polarity::LowerIsMoreSensitive,
            QStringLiteral(
                "MSE of the output with only this op in fp32: INC sorts ascending and falls back the "
                "first op, so lower is more sensitive. The user's own Markdown says the opposite; "
                "INC's code (get_mse_order_per_fp32) is followed.")),
        metrics);
    // get_mse_order_per_int8 re-quantizes one op alone: a larger error means the op hurts more in INT8.
    readList(text, root, requantList,
        makeMetric(QStringLiteral("mse_v2_requant"), QStringLiteral("INC MSE_V2 int8 re-quant"),
            Polarity::HigherIsMoreSensitive,
            QStringLiteral(
                "MSE of the output with only this op re-quantized to INT8: higher is more sensitive.")),
        metrics);
    if (metrics.empty())
        throw FileError(m_file, QStringLiteral("no scores: both sensitivity lists are empty"));
    return metrics;
}

void IncMseJsonImporter::readList(const QByteArray& text, const QJsonObject& root, const char* listKey,
    Metric metric, std::vector<Metric>& out) const
{
    const QJsonValue listValue = root.value(QLatin1String(listKey));
    if (listValue.isUndefined() || listValue.isNull())
        return;
    const qsizetype listOffset = text.indexOf(QByteArray('"' + QByteArray(listKey) + '"'));
    if (!listValue.isArray())
        throw FileError(m_file, lineOfOffsetOr0(text, listOffset),
            QStringLiteral("%1 is not a list").arg(QLatin1String(listKey)));
    const QJsonArray list = listValue.toArray();
    JsonNameLocator locator(text, std::max<qsizetype>(listOffset, 0));
    EntryCollector entries(m_file);
    entries.reserve(list.size());
    for (const QJsonValue& item : list) {
        const QJsonObject object = item.toObject();
        MetricEntry entry;
        entry.name = object.value(QLatin1String("op_name")).toString();
        entry.opType = object.value(QLatin1String("op_type")).toString();
        entry.line = locator.lineOf(entry.name);
        if (!item.isObject() || entry.name.isEmpty())
            throw FileError(
                m_file, entry.line, QStringLiteral("%1 entry without op_name").arg(QLatin1String(listKey)));
        const QJsonValue mse = object.value(QLatin1String("mse"));
        const std::optional<double> value = mse.isDouble() ? mse.toDouble()
            : mse.isString()                               ? parseNumber(mse.toString())
                                                           : std::nullopt;
        if (!value)
            throw FileError(
                m_file, entry.line, QStringLiteral("mse of '%1' is not a number").arg(entry.name));
        entry.value = *value;
        entries.add(std::move(entry));
    }
    if (entries.isEmpty())
        return; // an empty list is "no data for this stage", not an error
    metric.entries = entries.take();
    out.push_back(std::move(metric));
}

} // namespace qc
