#include "ReferenceSchemes.h"

#include "AutoQuantDecision.h"
#include "export/ModelOptExporter.h"
#include "export/ModuleNameSet.h"
#include "export/PatternEvaluator.h"
#include "io/FileError.h"
#include "io/InputFile.h"
#include "metrics/ImportSupport.h"
#include "metrics/MetricImporter.h"
#include "metrics/ModelOptAutoQuantImporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <functional>
#include <stdexcept>

namespace qc {

namespace {
Metric uniformOver(
    const Inventory& inventory, const std::function<bool(const Op&)>& include, const QString& why)
{
    Metric m;
    m.id = QStringLiteral("uniform");
    m.key = m.id;
    m.label = QStringLiteral("reference scheme (no sensitivity)");
    m.format = QStringLiteral("reference");
    m.note = why;
    m.allMeasured = true; // equal scores on purpose: the single cut of 1.0 takes them all
    for (const Op& op : inventory.ops()) {
        if (include(op))
            m.entries.push_back({ op.name, op.opType, 0.0, 0, {} });
    }
    return m;
}

Project oneProfileProject(
    const Inventory& inventory, Metric metric, RuleSet rules, const QString& name, const QString& label)
{
    ProjectInputs inputs;
    inputs.inventory = inventory;
    inputs.metrics = { std::move(metric) };
    inputs.rules = std::move(rules);
    inputs.cutPlan.profiles = { { name, label, 1.0 } };
    return Project(std::move(inputs));
}
} // namespace

QStringList ReferenceSchemes::names()
{
    return { QStringLiteral("lm-only"), QStringLiteral("modelopt-default"),
        QStringLiteral("autoquant:FILE") };
}

Project ReferenceSchemes::languageModelOnly(const Inventory& inventory)
{
    RuleSet rules = RuleSet::defaults();
    rules.append(RuleSet::languageModelOnlyRule());
    return oneProfileProject(inventory,
        uniformOver(
            inventory, [](const Op&) { return true; },
            QStringLiteral("every public Qwen2.5-VL release quantizes only the text decoder's Linears")),
        rules, QStringLiteral("lm-only"), QStringLiteral("language model only"));
}

Project ReferenceSchemes::modelOptDefaults(const Inventory& inventory)
{
    std::vector<PatternEvaluator> disabled;
    for (const QString& pattern : ModelOptExporter::defaultDisabled(ModelOptExporter::Form::List))
        disabled.emplace_back(PatternEvaluator::Syntax::Fnmatch, pattern);
    auto quantizedByModelOpt = [&](const Op& op) {
        const QString quantizer = op.name + QStringLiteral(".weight_quantizer");
        return std::none_of(disabled.begin(), disabled.end(),
            [&](const PatternEvaluator& p) { return p.matches(quantizer); });
    };
    RuleSet rules = RuleSet::defaults();
    rules.rules().erase(std::remove_if(rules.rules().begin(), rules.rules().end(),
                            [](const Rule& r) {
                                return r.name == QLatin1String("lm-head")
                                    || r.name == QLatin1String("embeddings");
                            }),
        rules.rules().end());
    return oneProfileProject(inventory,
        uniformOver(inventory, quantizedByModelOpt,
            QStringLiteral("ModelOpt INT8 preset: ops whose quantizers no default-disabled pattern matches")),
        rules, QStringLiteral("modelopt-default"), QStringLiteral("ModelOpt default-disabled patterns"));
}

Project ReferenceSchemes::fromAutoQuant(const Inventory& inventory, const QString& path)
{
    const QByteArray data = readTextInput(path);
    const QJsonDocument doc = importing::parseJson(data, path);
    if (!AutoQuantManifest::fits(doc))
        throw std::invalid_argument(QString(path
            + QStringLiteral(": not an AutoQuantize manifest. A report's layer_sensitivity rows are "
                             "candidates, not decisions, and lack the groups' NONE costs; AutoQuant's "
                             "decision is reconstructed from the manifest written beside it"))
                                        .toStdString());
    const AutoQuantDecision decision
        = AutoQuantDecision::reconstruct(AutoQuantManifest::parse(data, doc, path), path);
    const NameReconciler reconciler(inventory);
    QSet<QString> chosen;
    for (const QString& group : decision.quantizedGroups()) {
        QStringList members = ModelOptAutoQuantImporter::derivedMembers(group);
        members.prepend(group);
        for (const QString& name : members) {
            const NameMatch match = reconciler.match(name);
            if (match.op >= 0)
                chosen.insert(inventory.at(match.op).name);
        }
    }
    return oneProfileProject(inventory,
        uniformOver(
            inventory, [&](const Op& op) { return chosen.contains(op.name); },
            QStringLiteral("AutoQuantize's decision reconstructed from %1: score %2 at %3 effective bits "
                           "(recorded: %4 at %5)")
                .arg(path)
                .arg(decision.score, 0, 'g', 10)
                .arg(decision.effectiveBits, 0, 'g', 10)
                .arg(decision.recordedScore, 0, 'g', 10)
                .arg(decision.recordedEffectiveBits, 0, 'g', 10)),
        RuleSet(), QStringLiteral("autoquant"), QStringLiteral("ModelOpt AutoQuantize decision"));
}

Project ReferenceSchemes::fromModelOptManifest(const Inventory& inventory, const QString& manifestPath)
{
    const QByteArray data = readTextInput(manifestPath);
    if (AutoQuantManifest::fits(QJsonDocument::fromJson(data)))
        throw std::invalid_argument(QString(manifestPath
            + QStringLiteral(": an AutoQuantize search manifest, not a ModelOpt export manifest "
                             "(hf_quant_config.json); use --scheme autoquant:FILE for AutoQuant's decision"))
                                        .toStdString());
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(data, &error).object();
    if (error.error != QJsonParseError::NoError)
        throw FileError(manifestPath, lineOfOffset(data, error.offset),
            QStringLiteral("invalid JSON: ") + error.errorString());
    const QJsonObject q = root.contains(QStringLiteral("quantization"))
        ? root.value(QStringLiteral("quantization")).toObject()
        : root.value(QStringLiteral("quantization_config")).toObject();
    const QString algo = q.value(QStringLiteral("quant_algo")).toString();
    if (algo.isEmpty())
        throw FileError(
            manifestPath, QStringLiteral("no quantization.quant_algo: not a ModelOpt quantization manifest"));
    std::function<bool(const Op&)> quantized;
    std::vector<PatternEvaluator> excluded;
    ModuleNameSet layers;
    if (algo == QLatin1String("MIXED_PRECISION")) {
        const QJsonObject listed = q.value(QStringLiteral("quantized_layers")).toObject();
        for (auto it = listed.begin(); it != listed.end(); ++it)
            layers.insert(it.key());
        quantized = [&](const Op& op) { return layers.coversSelfOrAncestor(op.name); };
    } else {
        for (const QJsonValue& v : q.value(QStringLiteral("exclude_modules")).toArray())
            excluded.emplace_back(PatternEvaluator::Syntax::Fnmatch, v.toString());
        quantized = [&](const Op& op) {
            return op.opType == QLatin1String("Linear")
                && std::none_of(excluded.begin(), excluded.end(),
                    [&](const PatternEvaluator& p) { return p.matches(op.name); });
        };
    }
    return oneProfileProject(inventory,
        uniformOver(inventory, quantized,
            QStringLiteral("the ops the ModelOpt manifest %1 quantizes (%2)").arg(manifestPath, algo)),
        RuleSet(), QStringLiteral("modelopt-manifest"),
        QStringLiteral("ModelOpt export manifest (") + algo + QLatin1Char(')'));
}

Project ReferenceSchemes::byName(const QString& name, const Inventory& inventory)
{
    if (name == QLatin1String("lm-only"))
        return languageModelOnly(inventory);
    if (name == QLatin1String("modelopt-default"))
        return modelOptDefaults(inventory);
    if (name.startsWith(QLatin1String("autoquant:")))
        return fromAutoQuant(inventory, name.mid(10));
    if (name.startsWith(QLatin1String("modelopt-manifest:")))
        return fromModelOptManifest(inventory, name.mid(18));
    throw std::invalid_argument("unknown reference scheme '" + name.toStdString()
        + "' (known: " + names().join(QStringLiteral(", ")).toStdString() + ")");
}

} // namespace qc
