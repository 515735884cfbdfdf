#include "AutoQuantRun.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>
#include <cmath>

namespace qc::autoquant {

namespace {
struct KnownFormat
{
    const char* name;
    double bits;
    const char* description;
};

// ModelOpt's own config names and the ones the producer of the shared runs defines; effective bits as
// ModelOpt's AutoQuantize labels them.
constexpr KnownFormat kKnownFormats[] = {
    { "INT8_DEFAULT_CFG", 8.0, "INT8 weights and activations (W8A8)" },
    { "INT8_LM_DEFAULT_CFG", 8.0, "INT8 W8A8, language model" },
    { "INT8_SMOOTHQUANT_CFG", 8.0, "INT8 W8A8 with SmoothQuant" },
    { "INT8_WEIGHT_ONLY_CFG", 8.0, "INT8 weight-only" },
    { "FP8_DEFAULT_CFG", 8.0, "FP8 (E4M3) weights and activations" },
    { "FP8_WEIGHT_INT8_ACT_CFG", 8.0, "FP8 weights, INT8 activations" },
    { "INT4_AWQ_CFG", 4.0, "INT4 weight-only (AWQ)" },
    { "INT4_BLOCKWISE_WEIGHT_ONLY_CFG", 4.0, "INT4 weight-only, blockwise" },
    { "INT4_WEIGHT_INT8_ACT_CFG", 4.0, "INT4 weights, INT8 activations (W4A8)" },
    { "W4A8_AWQ_BETA_CFG", 4.0, "INT4 weights, FP8 activations (AWQ)" },
    { "NVFP4_DEFAULT_CFG", 4.0, "NVFP4 weights and activations" },
    { "NVFP4_WEIGHT_ONLY_CFG", 4.0, "NVFP4 weight-only" },
    { "NVFP4_AWQ_LITE_CFG", 4.0, "NVFP4 weights and activations (AWQ lite)" },
};

const KnownFormat* known(const QString& format)
{
    for (const KnownFormat& f : kKnownFormats) {
        if (format == QLatin1String(f.name))
            return &f;
    }
    return nullptr;
}

QString text(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue& item : v.toArray())
            items.append(text(item));
        return items.join(QStringLiteral(", "));
    }
    return {};
}

QString bitsText(double bits)
{
    return QString::number(bits, 'g', QLocale::FloatingPointShortest);
}

void addScalars(std::vector<std::pair<QString, QString>>& out, const QString& prefix,
    const QJsonObject& object, const QStringList& keys)
{
    for (const QString& key : keys) {
        const QJsonValue v = object.value(key);
        if (!v.isUndefined() && !v.isNull() && !v.isObject())
            out.emplace_back(prefix + key, text(v));
    }
}
} // namespace

std::optional<CandidateLabel> parseCandidateLabel(const QString& label)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^\s*([^()]+?)\s*\(\s*effective-bits:\s*([0-9.eE+-]+)\s*\)\s*$)"));
    const QRegularExpressionMatch match = pattern.match(label);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const double bits = match.captured(2).toDouble(&ok);
    if (!ok || !std::isfinite(bits))
        return std::nullopt;
    return CandidateLabel { match.captured(1), bits };
}

std::optional<double> knownEffectiveBits(const QString& format)
{
    const KnownFormat* f = known(format);
    return f ? std::optional<double>(f->bits) : std::nullopt;
}

QString describeFormat(const QString& format)
{
    const KnownFormat* f = known(format);
    return f ? QString::fromLatin1(f->description) : QString();
}

std::vector<std::pair<QString, QString>> runFacts(const QJsonObject& root)
{
    std::vector<std::pair<QString, QString>> facts;
    addScalars(facts, QStringLiteral("scheme."), root.value(QLatin1String("scheme")).toObject(),
        { QStringLiteral("name"), QStringLiteral("quant_formats"), QStringLiteral("coverage_mode"),
            QStringLiteral("coverage_fraction"), QStringLiteral("auto_quantize_bits"),
            QStringLiteral("auto_quantize_method"), QStringLiteral("auto_quantize_score_size") });
    addScalars(facts, QStringLiteral("model."), root.value(QLatin1String("model")).toObject(),
        { QStringLiteral("id") });
    const QJsonObject dataset = root.value(QLatin1String("dataset")).toObject();
    addScalars(facts, QStringLiteral("dataset."), dataset, dataset.keys()); // whatever the producer states
    const QJsonObject state = root.value(QLatin1String("autoquant_state")).toObject();
    addScalars(facts, QStringLiteral("autoquant_state.constraints."),
        state.value(QLatin1String("constraints")).toObject(), { QStringLiteral("effective_bits") });
    addScalars(facts, QStringLiteral("autoquant_state."), state,
        { QStringLiteral("score"), QStringLiteral("is_satisfied") });
    if (root.contains(QLatin1String("num_quantized_layers")))
        addScalars(facts, {}, root, { QStringLiteral("num_quantized_layers") });
    return facts;
}

QStringList quantFormats(const QJsonObject& root)
{
    QStringList formats;
    const QJsonArray list
        = root.value(QLatin1String("scheme")).toObject().value(QLatin1String("quant_formats")).toArray();
    for (const QJsonValue& v : list) {
        if (v.isString() && v.toString() != QLatin1String("NONE"))
            formats.append(v.toString());
    }
    return formats;
}

QString metricKey(const QString& format, double bits, bool several)
{
    if (!several)
        return QStringLiteral("autoquant");
    if (format.isEmpty())
        return QStringLiteral("autoquant_") + bitsText(bits).replace(u'.', u'_') + QStringLiteral("bit");
    QString slug = format.toLower();
    if (slug.endsWith(QLatin1String("_cfg")))
        slug.chop(4);
    return QStringLiteral("autoquant_") + slug;
}

QString metricLabel(const QString& format, double bits)
{
    const QString effective = bitsText(bits) + QStringLiteral(" effective bits");
    if (format.isEmpty())
        return QStringLiteral("ModelOpt AutoQuantize · %1 (format not stated)").arg(effective);
    return QStringLiteral("ModelOpt AutoQuantize · %1 (%2)").arg(format, effective);
}

} // namespace qc::autoquant
