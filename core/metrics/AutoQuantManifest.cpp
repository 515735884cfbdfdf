#include "AutoQuantManifest.h"

#include "ImportSupport.h"
#include "io/FileError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace qc {

using namespace importing;

namespace {
const QLatin1String kLayerSensitivity("layer_sensitivity");

double jsonNumber(const QJsonValue& v)
{
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

QString moduleType(const QString& quantClass)
{
    return quantClass.startsWith(QLatin1String("Quant")) && quantClass.size() > 5 ? quantClass.mid(5)
                                                                                  : quantClass;
}

AutoQuantManifest::Group parseGroup(
    const QString& name, int line, const QJsonObject& object, const QString& file)
{
    const QJsonArray formats = object.value(QLatin1String("formats")).toArray();
    const QJsonArray scores = object.value(QLatin1String("scores")).toArray();
    const QJsonArray costs = object.value(QLatin1String("costs")).toArray();
    if (formats.isEmpty() || scores.size() != formats.size() || costs.size() != formats.size())
        throw FileError(file, line,
            QStringLiteral("'%1' needs formats, scores and costs lists of one length (got %2, %3, %4)")
                .arg(name)
                .arg(formats.size())
                .arg(scores.size())
                .arg(costs.size()));
    AutoQuantManifest::Group group { name, line, {} };
    for (qsizetype i = 0; i < formats.size(); ++i) {
        const std::optional<autoquant::CandidateLabel> label
            = autoquant::parseCandidateLabel(formats[i].toString());
        if (!label)
            throw FileError(file, line,
                QStringLiteral("'%1': candidate '%2' is not of the form NAME(effective-bits: X)")
                    .arg(name, formats[i].toString()));
        const double score = jsonNumber(scores[i]);
        const double cost = jsonNumber(costs[i]);
        if (!std::isfinite(score) || !std::isfinite(cost) || cost < 0)
            throw FileError(file, line,
                QStringLiteral("'%1': score and cost of %2 must be finite numbers, cost >= 0")
                    .arg(name, label->format));
        group.candidates.push_back({ *label, score, cost });
    }
    return group;
}
} // namespace

bool AutoQuantManifest::Group::onlyNone() const
{
    return std::all_of(
        candidates.begin(), candidates.end(), [](const Candidate& c) { return c.label.isNone(); });
}

const AutoQuantManifest::Candidate* AutoQuantManifest::Group::none() const
{
    for (const Candidate& c : candidates) {
        if (c.label.isNone())
            return &c;
    }
    return nullptr;
}

bool AutoQuantManifest::fits(const QJsonDocument& doc)
{
    return doc.isObject() && doc.object().value(kLayerSensitivity).isObject();
}

AutoQuantManifest AutoQuantManifest::parse(
    const QByteArray& text, const QJsonDocument& doc, const QString& file)
{
    const QJsonObject root = doc.object();
    const QJsonObject sensitivity = root.value(kLayerSensitivity).toObject();
    AutoQuantManifest manifest;
    // QJsonObject sorts its keys; the written order and lines come from a scan of the text.
    const std::vector<JsonMember> members = scanJsonMembers(text);
    const int list = findJsonMember(members, -1, kLayerSensitivity);
    LineCounter lines(text);
    for (const JsonMember& m : members) {
        if (list < 0 || m.parent != list)
            continue;
        const int line = lines.lineAt(m.offset);
        const QJsonValue value = sensitivity.value(m.key);
        if (!value.isObject())
            throw FileError(
                file, line, QStringLiteral("layer_sensitivity entry '%1' is not an object").arg(m.key));
        manifest.groups.push_back(parseGroup(m.key, line, value.toObject(), file));
    }
    if (manifest.groups.empty())
        throw FileError(file, lineOfOffsetOr0(text, text.indexOf("\"layer_sensitivity\"")),
            QStringLiteral("no scores: layer_sensitivity is empty"));
    const QJsonObject layers = root.value(QLatin1String("layers")).toObject();
    for (auto it = layers.begin(); it != layers.end(); ++it) {
        const QString type = it.value().toObject().value(QLatin1String("module_type")).toString();
        if (!type.isEmpty())
            manifest.moduleTypes.insert(it.key(), moduleType(type));
    }
    const QJsonObject state = root.value(QLatin1String("autoquant_state")).toObject();
    manifest.autoQuantizeBits = jsonNumber(
        root.value(QLatin1String("scheme")).toObject().value(QLatin1String("auto_quantize_bits")));
    manifest.recordedScore = jsonNumber(state.value(QLatin1String("score")));
    manifest.recordedEffectiveBits = jsonNumber(
        state.value(QLatin1String("constraints")).toObject().value(QLatin1String("effective_bits")));
    manifest.facts = autoquant::runFacts(root);
    return manifest;
}

} // namespace qc
