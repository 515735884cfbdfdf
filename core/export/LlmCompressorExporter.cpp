#include "LlmCompressorExporter.h"

#include "ExportVerifier.h"
#include "PatternEvaluator.h"
#include "check/Checker.h"
#include "document/YamlText.h"
#include "io/FileError.h"
#include "project/Project.h"

#include <QSet>
#include <yaml-cpp/yaml.h>

namespace qc {

namespace {
const QString kLinear = QStringLiteral("Linear");
}

QByteArray LlmCompressorExporter::toYaml(const Project& project, int profile, const ExportOptions& options)
{
    const ProfileSpec& spec = project.cutPlan().profiles[size_t(profile)];
    const bool dynamic = options.activations == ExportOptions::Activations::PerTokenDynamic;
    QString y;
    y += QStringLiteral("# llm-compressor recipe written by quantcut " QUANTCUT_VERSION "\n");
    y += QStringLiteral("# profile %1 (%2): %3 ops INT8\n")
             .arg(spec.name, spec.label)
             .arg(project.cuts()[size_t(profile)].ops);
    y += QStringLiteral("# weights: %1; activations: %2\n")
             .arg(options.weightsText(), options.activationsText());
    y += QStringLiteral("# usage: oneshot(model=model, dataset=..., recipe=\"this file\")\n");
    for (const QString& error : Checker::errorsFor(project, profile))
        y += QStringLiteral("# VIOLATION ") + QString(error).replace(QLatin1Char('\n'), QLatin1Char(' '))
            + QLatin1Char('\n');
    y += QStringLiteral("quant_stage:\n  quant_modifiers:\n");
    if (options.smoothQuant)
        y += QStringLiteral("    SmoothQuantModifier:\n      smoothing_strength: %1\n")
                 .arg(yamlNumber(options.smoothQuantAlpha));
    y += options.gptq ? QStringLiteral("    GPTQModifier:\n") : QStringLiteral("    QuantizationModifier:\n");
    y += QStringLiteral("      targets: [Linear]\n");
    QStringList ignore;
    for (int op = 0; op < project.inventory().size(); ++op) {
        const Op& o = project.inventory().at(op);
        if (o.opType == kLinear && !project.isQuantized(op, profile))
            ignore.append(o.name);
    }
    ignore.sort();
    if (ignore.isEmpty()) {
        y += QStringLiteral("      ignore: []\n");
    } else {
        y += QStringLiteral("      ignore:\n");
        for (const QString& name : ignore)
            y += QStringLiteral("      - ") + yamlScalar(name) + QLatin1Char('\n');
    }
    y += QStringLiteral("      config_groups:\n        group_0:\n          targets: [Linear]\n");
    y += QStringLiteral(
        "          weights: {num_bits: 8, type: int, symmetric: true, strategy: channel, dynamic: false}\n");
    y += dynamic ? QStringLiteral("          input_activations: {num_bits: 8, type: int, symmetric: true, "
                                  "strategy: token, dynamic: true}\n")
                 : QStringLiteral("          input_activations: {num_bits: 8, type: int, symmetric: true, "
                                  "strategy: tensor, dynamic: false}\n");
    return y.toUtf8();
}

void LlmCompressorExporter::verify(const Project& project, int profile, const QByteArray& yaml)
{
    const YAML::Node root = YAML::Load(yaml.toStdString());
    const YAML::Node modifiers = root["quant_stage"]["quant_modifiers"];
    const YAML::Node quant
        = modifiers["GPTQModifier"] ? modifiers["GPTQModifier"] : modifiers["QuantizationModifier"];
    QSet<QString> exact;
    std::vector<PatternEvaluator> patterns;
    for (const YAML::Node& item : quant["ignore"]) {
        const QString entry = QString::fromStdString(item.as<std::string>());
        if (entry.startsWith(QLatin1String("re:")))
            patterns.emplace_back(PatternEvaluator::Syntax::RegexMatch, entry.mid(3));
        else
            exact.insert(entry);
    }
    // compressed-tensors: a module is quantized when a target matches it (here the class Linear) and no
    // ignore entry does (an exact name, a class name, or re.match of a "re:" entry).
    verifyExport(
        project, profile, QStringLiteral("llmcompressor"), [&](const QString& name, const QString& type) {
            if (type != kLinear || exact.contains(name) || exact.contains(type))
                return false;
            return std::none_of(
                patterns.begin(), patterns.end(), [&](const PatternEvaluator& p) { return p.matches(name); });
        });
}

} // namespace qc
