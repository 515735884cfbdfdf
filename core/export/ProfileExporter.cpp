#include "ProfileExporter.h"

#include "Inc2Exporter.h"
#include "Inc3Exporter.h"
#include "LlmCompressorExporter.h"
#include "ModelOptExporter.h"
#include "TableExporter.h"
#include "project/Project.h"

#include <stdexcept>

namespace qc {

const std::vector<ProfileExporter::Format>& ProfileExporter::formats()
{
    static const std::vector<Format> list = {
        { QStringLiteral("inc2"), QStringLiteral("INC 2.x PostTrainingQuantConfig op_name_dict (JSON)"),
            QStringLiteral("json") },
        { QStringLiteral("inc3"), QStringLiteral("INC 3.x static_quant/smooth_quant config dict (JSON)"),
            QStringLiteral("json") },
        { QStringLiteral("modelopt"), QStringLiteral("ModelOpt quant_cfg, ordered list (JSON)"),
            QStringLiteral("json") },
        { QStringLiteral("modelopt-legacy"), QStringLiteral("ModelOpt legacy quant_cfg dict (JSON)"),
            QStringLiteral("json") },
        { QStringLiteral("llmcompressor"), QStringLiteral("llm-compressor recipe (YAML)"),
            QStringLiteral("yaml") },
        { QStringLiteral("json"), QStringLiteral("the profile's lists and stats (JSON)"),
            QStringLiteral("json") },
        { QStringLiteral("csv"), QStringLiteral("one row per op: scores, ranks, every profile (CSV)"),
            QStringLiteral("csv") },
        { QStringLiteral("markdown"), QStringLiteral("summary for reviews (Markdown)"),
            QStringLiteral("md") },
    };
    return list;
}

QStringList ProfileExporter::formatIds()
{
    QStringList ids;
    for (const Format& f : formats())
        ids.append(f.id);
    return ids;
}

bool ProfileExporter::isKnown(const QString& id)
{
    return formatIds().contains(id);
}

bool ProfileExporter::isFrameworkConfig(const QString& id)
{
    return id.startsWith(QLatin1String("inc")) || id.startsWith(QLatin1String("modelopt"))
        || id == QLatin1String("llmcompressor");
}

QByteArray ProfileExporter::run(
    const Project& project, const QString& format, int profile, const ExportOptions& options)
{
    if (!isKnown(format))
        throw std::invalid_argument("unknown export format '" + format.toStdString()
            + "' (known: " + formatIds().join(QStringLiteral(", ")).toStdString() + ")");
    if (options.numbers == ExportOptions::NumberFormat::Fp8 && !format.startsWith(QLatin1String("modelopt")))
        throw std::invalid_argument("FP8 is offered for the modelopt formats only");
    if (format == QLatin1String("inc2")) {
        const QByteArray out = Inc2Exporter::toJson(project, profile, options);
        Inc2Exporter::verify(project, profile, out, options.naming);
        return out;
    }
    if (format == QLatin1String("inc3")) {
        const QByteArray out = Inc3Exporter::toJson(project, profile, options);
        Inc3Exporter::verify(project, profile, out, options.naming);
        return out;
    }
    if (format.startsWith(QLatin1String("modelopt"))) {
        const auto form = format == QLatin1String("modelopt") ? ModelOptExporter::Form::List
                                                              : ModelOptExporter::Form::LegacyDict;
        const QByteArray out = ModelOptExporter::toJson(project, profile, options, form);
        ModelOptExporter::verify(project, profile, out, form, options.naming);
        return out;
    }
    if (format == QLatin1String("llmcompressor")) {
        const QByteArray out = LlmCompressorExporter::toYaml(project, profile, options);
        LlmCompressorExporter::verify(project, profile, out, options.naming);
        return out;
    }
    if (format == QLatin1String("json"))
        return TableExporter::toJson(project, profile, options);
    if (format == QLatin1String("csv"))
        return TableExporter::toCsv(project);
    return TableExporter::toMarkdown(project, profile, options);
}

} // namespace qc
