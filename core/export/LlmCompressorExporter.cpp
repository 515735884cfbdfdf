#include "LlmCompressorExporter.h"

#include "ExportVerifier.h"
#include "PatternEvaluator.h"
#include "check/Checker.h"
#include "document/YamlText.h"
#include "io/FileError.h"
#include "project/Project.h"

#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <array>
#include <yaml-cpp/yaml.h>

namespace qc {

namespace {
const QString kLinear = QStringLiteral("Linear");

// A Llama/Qwen2 decoder norm and the projections its output feeds (llm-compressor's
// DEFAULT_SMOOTHQUANT_MAPPINGS), relative to "<layers>.N.".
struct SmoothGroup
{
    QString norm;
    QStringList projections;
};
const std::array<SmoothGroup, 2> kSmoothGroups = {
    SmoothGroup { QStringLiteral("input_layernorm"),
        { QStringLiteral("self_attn.q_proj"), QStringLiteral("self_attn.k_proj"),
            QStringLiteral("self_attn.v_proj") } },
    SmoothGroup { QStringLiteral("post_attention_layernorm"),
        { QStringLiteral("mlp.gate_proj"), QStringLiteral("mlp.up_proj") } },
};

// The explicit SmoothQuant part of the recipe. llm-compressor infers mappings from the model class, and for
// Qwen2.5-VL its default ("re:.*gate_proj" <- "re:.*post_attention_layernorm") also matches the vision
// blocks' gate_proj, which have no such norm: "Error resolving mappings". So each mapping is anchored on a
// text decoder's layer list ("model.language_model.layers", runtime names) and written only where the
// inventory holds that norm. `ignore` names every group none of whose projections the profile quantizes
// (llm-compressor skips a mapping only when its norm and all its projections are ignored).
struct SmoothQuantPlan
{
    QStringList mappings; // YAML flow sequences: [[balance regexes...], smooth regex]
    QStringList ignore;
};

SmoothQuantPlan smoothQuantPlan(const Project& project, int profile, const RuntimeNames& names)
{
    QHash<QString, int> opOf;
    for (int op = 0; op < project.inventory().size(); ++op)
        opOf.insert(names.of(op), op);
    static const QRegularExpression layerNorm(QStringLiteral(R"(^(.+)\.(\d+)\.([a-z_]+_layernorm)$)"));
    QStringList containers; // "<layers>", in inventory order
    QMap<QString, QSet<QString>> normsOf; // container -> norm names present in some layer
    QMap<QString, QStringList> layersOf; // container -> layer numbers, in inventory order
    for (int op = 0; op < project.inventory().size(); ++op) {
        const QRegularExpressionMatch m = layerNorm.match(names.of(op));
        if (!m.hasMatch())
            continue;
        const QString container = m.captured(1);
        if (!containers.contains(container))
            containers.append(container);
        normsOf[container].insert(m.captured(3));
        if (!layersOf[container].contains(m.captured(2)))
            layersOf[container].append(m.captured(2));
    }
    auto quantized = [&](const QString& name) {
        const int op = opOf.value(name, -1);
        return op >= 0 && project.isQuantized(op, profile);
    };
    SmoothQuantPlan plan;
    for (const QString& container : containers) {
        const QString prefix = QRegularExpression::escape(container) + QStringLiteral(R"(\.\d+\.)");
        for (const SmoothGroup& group : kSmoothGroups) {
            // A decoder layer list: the norm and every projection it balances exist under it.
            const QString first
                = container + QLatin1Char('.') + layersOf[container].front() + QLatin1Char('.');
            if (!normsOf[container].contains(group.norm)
                || !std::all_of(group.projections.begin(), group.projections.end(),
                    [&](const QString& p) { return opOf.contains(first + p); }))
                continue;
            QStringList balance;
            for (const QString& projection : group.projections)
                balance.append(yamlScalar(QStringLiteral("re:") + prefix
                    + QRegularExpression::escape(projection) + QLatin1Char('$')));
            plan.mappings.append(
                QStringLiteral("[[%1], %2]")
                    .arg(balance.join(QStringLiteral(", ")),
                        yamlScalar(QStringLiteral("re:") + prefix + group.norm + QLatin1Char('$'))));
            for (const QString& layer : layersOf[container]) {
                const QString base = container + QLatin1Char('.') + layer + QLatin1Char('.');
                if (std::any_of(group.projections.begin(), group.projections.end(),
                        [&](const QString& p) { return quantized(base + p); }))
                    continue;
                plan.ignore.append(base + group.norm);
                for (const QString& projection : group.projections)
                    plan.ignore.append(base + projection);
            }
        }
    }
    return plan;
}

void appendList(QString& y, const QString& key, const QStringList& items)
{
    if (items.isEmpty()) {
        y += QStringLiteral("      %1: []\n").arg(key);
        return;
    }
    y += QStringLiteral("      %1:\n").arg(key);
    for (const QString& item : items)
        y += QStringLiteral("      - ") + item + QLatin1Char('\n');
}
} // namespace

QByteArray LlmCompressorExporter::toYaml(const Project& project, int profile, const ExportOptions& options)
{
    const ProfileSpec& spec = project.cutPlan().profiles[size_t(profile)];
    const RuntimeNames names(project.inventory(), options.naming);
    const bool dynamic = options.activations == ExportOptions::Activations::PerTokenDynamic;
    QString y;
    y += QStringLiteral("# llm-compressor recipe written by quantcut " QUANTCUT_VERSION "\n");
    y += QStringLiteral("# profile %1 (%2): %3 ops INT8\n")
             .arg(spec.name, spec.label)
             .arg(project.cuts()[size_t(profile)].ops);
    y += QStringLiteral("# weights: %1; activations: %2\n")
             .arg(options.weightsText(), options.activationsText());
    y += QStringLiteral("# module names: %1\n").arg(names.describe());
    y += QStringLiteral("# usage: oneshot(model=model, dataset=..., recipe=\"this file\")\n");
    for (const QString& error : Checker::errorsFor(project, profile))
        y += QStringLiteral("# VIOLATION ") + QString(error).replace(QLatin1Char('\n'), QLatin1Char(' '))
            + QLatin1Char('\n');
    y += QStringLiteral("quant_stage:\n  quant_modifiers:\n");
    if (options.smoothQuant) {
        y += QStringLiteral("    SmoothQuantModifier:\n      smoothing_strength: %1\n")
                 .arg(yamlNumber(options.smoothQuantAlpha));
        const SmoothQuantPlan plan = smoothQuantPlan(project, profile, names);
        if (plan.mappings.isEmpty())
            y += QStringLiteral(
                "      # no Llama/Qwen2 decoder norms in the inventory: llm-compressor infers the "
                "mappings from the model class\n");
        else
            appendList(y, QStringLiteral("mappings"), plan.mappings);
        QStringList ignore;
        for (const QString& name : plan.ignore)
            ignore.append(yamlScalar(name));
        appendList(y, QStringLiteral("ignore"), ignore);
    }
    y += options.gptq ? QStringLiteral("    GPTQModifier:\n") : QStringLiteral("    QuantizationModifier:\n");
    y += QStringLiteral("      targets: [Linear]\n");
    QStringList ignore;
    for (int op = 0; op < project.inventory().size(); ++op) {
        if (project.inventory().at(op).opType == kLinear && !project.isQuantized(op, profile))
            ignore.append(names.of(op));
    }
    ignore.sort();
    for (QString& name : ignore)
        name = yamlScalar(name);
    appendList(y, QStringLiteral("ignore"), ignore);
    y += QStringLiteral("      config_groups:\n        group_0:\n          targets: [Linear]\n");
    y += QStringLiteral(
        "          weights: {num_bits: 8, type: int, symmetric: true, strategy: channel, dynamic: false}\n");
    y += dynamic ? QStringLiteral("          input_activations: {num_bits: 8, type: int, symmetric: true, "
                                  "strategy: token, dynamic: true}\n")
                 : QStringLiteral("          input_activations: {num_bits: 8, type: int, symmetric: true, "
                                  "strategy: tensor, dynamic: false}\n");
    return y.toUtf8();
}

void LlmCompressorExporter::verify(
    const Project& project, int profile, const QByteArray& yaml, ModuleNaming naming)
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
    verifyExport(project, profile, QStringLiteral("llmcompressor"), RuntimeNames(project.inventory(), naming),
        [&](const QString& name, const QString& type) {
            if (type != kLinear || exact.contains(name) || exact.contains(type))
                return false;
            return std::none_of(
                patterns.begin(), patterns.end(), [&](const PatternEvaluator& p) { return p.matches(name); });
        });
}

} // namespace qc
