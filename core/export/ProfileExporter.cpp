#include "ProfileExporter.h"

#include "Inc2Exporter.h"
#include "Inc3Exporter.h"
#include "LlmCompressorExporter.h"
#include "ModelOptExporter.h"
#include "TableExporter.h"
#include "project/Project.h"

#include <stdexcept>

namespace qc {

namespace {
template<QByteArray (*toText)(const Project&, int, const ExportOptions&),
    void (*verify)(const Project&, int, const QByteArray&, ModuleNaming)>
QByteArray verified(const Project& project, int profile, const ExportOptions& options)
{
    const QByteArray out = toText(project, profile, options);
    verify(project, profile, out, options.naming);
    return out;
}

template<ModelOptExporter::Form form>
QByteArray modelOpt(const Project& project, int profile, const ExportOptions& options)
{
    const QByteArray out = ModelOptExporter::toJson(project, profile, options, form);
    ModelOptExporter::verify(project, profile, out, form, options.naming);
    return out;
}
} // namespace

const std::vector<ProfileExporter::Format>& ProfileExporter::formats()
{
    static const std::vector<Format> list = {
        { QStringLiteral("inc2"), QStringLiteral("INC 2.x PostTrainingQuantConfig op_name_dict (JSON)"),
            QStringLiteral("json"), true, false, &verified<Inc2Exporter::toJson, Inc2Exporter::verify> },
        { QStringLiteral("inc3"), QStringLiteral("INC 3.x static_quant/smooth_quant config dict (JSON)"),
            QStringLiteral("json"), true, false, &verified<Inc3Exporter::toJson, Inc3Exporter::verify> },
        { QStringLiteral("modelopt"), QStringLiteral("ModelOpt quant_cfg, ordered list (JSON)"),
            QStringLiteral("json"), true, true, &modelOpt<ModelOptExporter::Form::List> },
        { QStringLiteral("modelopt-legacy"), QStringLiteral("ModelOpt legacy quant_cfg dict (JSON)"),
            QStringLiteral("json"), true, true, &modelOpt<ModelOptExporter::Form::LegacyDict> },
        { QStringLiteral("llmcompressor"), QStringLiteral("llm-compressor recipe (YAML)"),
            QStringLiteral("yaml"), true, false,
            &verified<LlmCompressorExporter::toYaml, LlmCompressorExporter::verify> },
        { QStringLiteral("json"), QStringLiteral("the profile's lists and stats (JSON)"),
            QStringLiteral("json"), false, false, &TableExporter::toJson },
        { QStringLiteral("csv"), QStringLiteral("one row per op: scores, ranks, every profile (CSV)"),
            QStringLiteral("csv"), false, false,
            [](const Project& project, int, const ExportOptions&) { return TableExporter::toCsv(project); } },
        { QStringLiteral("markdown"), QStringLiteral("summary for reviews (Markdown)"), QStringLiteral("md"),
            false, false, &TableExporter::toMarkdown },
    };
    return list;
}

const ProfileExporter::Format* ProfileExporter::find(const QString& id)
{
    for (const Format& f : formats()) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
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
    return find(id) != nullptr;
}

bool ProfileExporter::isFrameworkConfig(const QString& id)
{
    const Format* f = find(id);
    return f && f->frameworkConfig;
}

QByteArray ProfileExporter::run(
    const Project& project, const QString& format, int profile, const ExportOptions& options)
{
    const Format* f = find(format);
    if (!f)
        throw std::invalid_argument("unknown export format '" + format.toStdString()
            + "' (known: " + formatIds().join(QStringLiteral(", ")).toStdString() + ")");
    if (options.numbers == ExportOptions::NumberFormat::Fp8 && !f->offersFp8)
        throw std::invalid_argument("FP8 is offered for the modelopt formats only");
    return f->write(project, profile, options);
}

} // namespace qc
