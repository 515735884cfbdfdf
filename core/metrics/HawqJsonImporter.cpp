#include "HawqJsonImporter.h"

#include "ImportSupport.h"
#include "io/FileError.h"

#include <QFileInfo>
#include <QJsonObject>

namespace qc {

using namespace importing;

namespace {
// The wrapper key of {"hawq_v2": {...}}, or empty for a bare map.
QString wrapperKey(const QJsonObject& root)
{
    if (root.size() != 1)
        return {};
    for (const char* key : { "hawq_v2", "hawq" }) {
        const QJsonValue value = root.value(QLatin1String(key));
        if (value.isObject() && isJsonScoreMap(value.toObject()))
            return QLatin1String(key);
    }
    return {};
}
} // namespace

bool HawqJsonImporter::fits(const QJsonDocument& doc, const QString& path)
{
    if (!doc.isObject())
        return false;
    const QJsonObject root = doc.object();
    if (!wrapperKey(root).isEmpty())
        return true;
    return isJsonScoreMap(root)
        && QFileInfo(path).fileName().contains(QLatin1String("hawq"), Qt::CaseInsensitive);
}

std::vector<Metric> HawqJsonImporter::read(const QByteArray& text, const QJsonDocument& doc) const
{
    if (!doc.isObject())
        throw FileError(m_file, 1, QStringLiteral("HAWQ_V2 traces must be a JSON object {module: trace}"));
    const std::vector<JsonMember> members = scanJsonMembers(text);
    const QString wrapper = wrapperKey(doc.object());
    const int parent = wrapper.isEmpty() ? -1 : findJsonMember(members, -1, wrapper);
    EntryCollector entries(m_file);
    entries.reserve(qsizetype(members.size()));
    addJsonScoreMap(text, members, parent, m_file, entries);
    if (entries.isEmpty())
        throw FileError(m_file, QStringLiteral("no scores: the HAWQ_V2 map is empty"));
    Metric metric = makeMetric(QStringLiteral("hawq_v2"), QStringLiteral("INC HAWQ_V2 Hessian trace"),
        Polarity::HigherIsMoreSensitive,
        QStringLiteral(
            "Weight Hessian trace per module: INC falls back the largest trace first, so higher is more "
            "sensitive."));
    metric.entries = entries.take();
    return { std::move(metric) };
}

} // namespace qc
