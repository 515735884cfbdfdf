#include "ModelOptExporter.h"

#include "ExportVerifier.h"
#include "ModuleNameSet.h"
#include "PatternEvaluator.h"
#include "check/Checker.h"
#include "project/Project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace qc {

namespace {
const QString kWeight = QStringLiteral(".weight_quantizer");
const QString kInput = QStringLiteral(".input_quantizer");

QJsonObject weightCfg(const ExportOptions& o)
{
    if (o.numbers == ExportOptions::NumberFormat::Fp8)
        return { { QStringLiteral("num_bits"), QJsonArray { 4, 3 } },
            { QStringLiteral("axis"), QJsonValue::Null } };
    return { { QStringLiteral("num_bits"), 8 }, { QStringLiteral("axis"), 0 } };
}

QJsonObject inputCfg(const ExportOptions& o)
{
    if (o.numbers == ExportOptions::NumberFormat::Fp8)
        return { { QStringLiteral("num_bits"), QJsonArray { 4, 3 } },
            { QStringLiteral("axis"), QJsonValue::Null } };
    if (o.activations == ExportOptions::Activations::PerTokenDynamic)
        return { { QStringLiteral("num_bits"), 8 }, { QStringLiteral("axis"), QJsonValue::Null },
            { QStringLiteral("type"), QStringLiteral("dynamic") },
            { QStringLiteral("block_sizes"),
                QJsonObject { { QStringLiteral("-1"), QJsonValue::Null },
                    { QStringLiteral("type"), QStringLiteral("dynamic") } } } };
    return { { QStringLiteral("num_bits"), 8 }, { QStringLiteral("axis"), QJsonValue::Null } };
}

bool hasGlob(QStringView text)
{
    return text.contains(u'*') || text.contains(u'?') || text.contains(u'[');
}

bool isLiteralModuleDisable(const QString& pattern)
{
    return pattern.endsWith(QLatin1String(".*")) && !hasGlob(QStringView(pattern).chopped(2));
}

// Last matching entry wins. The trailing run of literal "<module>.*" disables (one per kept module) goes
// to a hash looked up by ancestor, the run of exact quantizer names before it (re-enables) to another;
// everything before those is evaluated as fnmatch patterns in order.
class EntryEvaluator
{
public:
    explicit EntryEvaluator(const std::vector<ModelOptExporter::Entry>& entries)
    {
        size_t trailing = entries.size();
        while (trailing > 0 && !entries[trailing - 1].enable
            && isLiteralModuleDisable(entries[trailing - 1].pattern))
            --trailing;
        size_t exact = trailing;
        while (exact > 0 && !hasGlob(entries[exact - 1].pattern))
            --exact;
        for (size_t i = 0; i < entries.size(); ++i) {
            if (i >= trailing)
                m_disabledModules.insert(entries[i].pattern.chopped(2));
            else if (i >= exact)
                m_exact.insert(
                    entries[i].pattern, entries[i].enable); // a later duplicate wins, as in the list
            else
                m_patterns.push_back(
                    { PatternEvaluator(PatternEvaluator::Syntax::Fnmatch, entries[i].pattern),
                        entries[i].enable });
        }
    }

    bool enabled(const QString& module, const QString& quantizer) const
    {
        if (m_disabledModules.coversSelfOrAncestor(module))
            return false;
        const auto exact = m_exact.constFind(quantizer);
        if (exact != m_exact.constEnd())
            return exact.value();
        for (auto it = m_patterns.rbegin(); it != m_patterns.rend(); ++it) {
            if (it->first.matches(quantizer))
                return it->second;
        }
        return true; // a TensorQuantizer is enabled unless something disables it
    }

private:
    std::vector<std::pair<PatternEvaluator, bool>> m_patterns;
    QHash<QString, bool> m_exact;
    ModuleNameSet m_disabledModules;
};
} // namespace

const QStringList& ModelOptExporter::defaultDisabled(Form form)
{
    static const QStringList list
        = { QStringLiteral("*block_sparse_moe.gate*"), QStringLiteral("*linear_attn.conv1d*"),
              QStringLiteral("*linear_attn.in_proj_a*"), QStringLiteral("*linear_attn.in_proj_b*"),
              QStringLiteral("*lm_head*"), QStringLiteral("*mixer.conv1d*"), QStringLiteral("*mlp.gate.*"),
              QStringLiteral("*mlp.shared_expert_gate.*"), QStringLiteral("*output_layer*"),
              QStringLiteral("*proj_out.*"), QStringLiteral("*router*"), QStringLiteral("mtp.*"),
              QStringLiteral("output.*"), QStringLiteral("*embed_vision*"), QStringLiteral("*vision_tower*"),
              QStringLiteral("*visual*"), QStringLiteral("*vision_model*"),
              QStringLiteral("*multi_modal_projector*") };
    static const QStringList legacy = { QStringLiteral("*lm_head*"), QStringLiteral("*proj_out.*"),
        QStringLiteral("*block_sparse_moe.gate*"), QStringLiteral("*router*"), QStringLiteral("*mlp.gate.*"),
        QStringLiteral("*mlp.shared_expert_gate.*"), QStringLiteral("*linear_attn.conv1d*"),
        QStringLiteral("*mixer.conv1d*"), QStringLiteral("*output_layer*"), QStringLiteral("output.*") };
    return form == Form::List ? list : legacy;
}

std::vector<ModelOptExporter::Entry> ModelOptExporter::entries(
    const Project& project, int profile, const ExportOptions& options, Form form)
{
    std::vector<Entry> out;
    if (form == Form::List)
        out.push_back({ QStringLiteral("*"), false, {} });
    out.push_back({ QStringLiteral("*weight_quantizer"), true, weightCfg(options) });
    out.push_back({ QStringLiteral("*input_quantizer"), true, inputCfg(options) });
    const QStringList& defaults = defaultDisabled(form);
    for (const QString& pattern : defaults)
        out.push_back({ pattern, false, {} });
    // Ops the profile quantizes but a default-disabled pattern would switch off (e.g. a quantized vision
    // tower under "*visual*"): switched back on explicitly, per quantizer.
    std::vector<PatternEvaluator> defaultPatterns;
    for (const QString& pattern : defaults)
        defaultPatterns.emplace_back(PatternEvaluator::Syntax::Fnmatch, pattern);
    const Inventory& inv = project.inventory();
    const RuntimeNames names(inv, options.naming);
    for (int op = 0; op < inv.size(); ++op) {
        if (!project.isQuantized(op, profile))
            continue;
        const QString& name = names.of(op);
        for (const auto& [suffix, cfg] :
            { std::pair { kWeight, weightCfg(options) }, std::pair { kInput, inputCfg(options) } }) {
            const QString quantizer = name + suffix;
            if (std::any_of(defaultPatterns.begin(), defaultPatterns.end(),
                    [&](const PatternEvaluator& p) { return p.matches(quantizer); }))
                out.push_back({ quantizer, true, cfg });
        }
    }
    for (int op = 0; op < inv.size(); ++op) {
        if (!project.isQuantized(op, profile))
            out.push_back({ names.of(op) + QStringLiteral(".*"), false, {} });
    }
    return out;
}

QByteArray ModelOptExporter::toJson(
    const Project& project, int profile, const ExportOptions& options, Form form)
{
    const std::vector<Entry> list = entries(project, profile, options, form);
    const ProfileSpec& spec = project.cutPlan().profiles[size_t(profile)];
    const QString algorithm = options.numbers == ExportOptions::NumberFormat::Fp8 ? QStringLiteral("max")
        : options.smoothQuant ? QStringLiteral("smoothquant")
                              : QStringLiteral("max");
    const QJsonObject about {
        { QStringLiteral("format"),
            form == Form::List
                ? QStringLiteral("ModelOpt quant_cfg, ordered list (later entries win)")
                : QStringLiteral("ModelOpt legacy quant_cfg dict (\"default\" first, later keys win)") },
        { QStringLiteral("generator"), QStringLiteral("quantcut " QUANTCUT_VERSION) },
        { QStringLiteral("module_names"), RuntimeNames(project.inventory(), options.naming).describe() },
        { QStringLiteral("violations"), QJsonArray::fromStringList(Checker::errorsFor(project, profile)) },
        { QStringLiteral("profile"),
            QString(spec.name + QStringLiteral(" (") + spec.label + QLatin1Char(')')) },
        { QStringLiteral("weights"), options.weightsText() },
        { QStringLiteral("activations"), options.activationsText() },
        { QStringLiteral("usage"),
            QStringLiteral("cfg = json.load(open(path)); cfg.pop('_quantcut'); mtq.quantize(model, cfg, "
                           "forward_loop)") }
    };
    if (form == Form::List) {
        QJsonArray array;
        for (const Entry& e : list) {
            QJsonObject o { { QStringLiteral("quantizer_name"), e.pattern } };
            if (e.enable)
                o.insert(QStringLiteral("cfg"), e.cfg);
            else
                o.insert(QStringLiteral("enable"), false);
            array.append(o);
        }
        const QJsonObject root { { QStringLiteral("_quantcut"), about },
            { QStringLiteral("algorithm"), algorithm }, { QStringLiteral("quant_cfg"), array } };
        return QJsonDocument(root).toJson(QJsonDocument::Indented);
    }
    // QJsonObject sorts keys, and the legacy dict's meaning depends on key order: write it by hand.
    QByteArray quantCfg = "{\n    \"default\": {\"enable\": false}";
    for (const Entry& e : list) {
        QJsonObject value = e.enable ? e.cfg : QJsonObject { { QStringLiteral("enable"), false } };
        if (e.enable)
            value.insert(QStringLiteral("enable"), true);
        quantCfg += ",\n    "
            + QJsonDocument(QJsonArray { e.pattern }).toJson(QJsonDocument::Compact).mid(1).chopped(1) + ": "
            + QJsonDocument(value).toJson(QJsonDocument::Compact);
    }
    quantCfg += "\n  }";
    return "{\n  \"_quantcut\": " + QJsonDocument(about).toJson(QJsonDocument::Compact)
        + ",\n  \"algorithm\": \"" + algorithm.toUtf8() + "\",\n  \"quant_cfg\": " + quantCfg + "\n}\n";
}

void ModelOptExporter::verify(
    const Project& project, int profile, const QByteArray& json, Form form, ModuleNaming naming)
{
    std::vector<Entry> parsed;
    if (form == Form::List) {
        const QJsonArray array
            = QJsonDocument::fromJson(json).object().value(QStringLiteral("quant_cfg")).toArray();
        for (const QJsonValue& v : array) {
            const QJsonObject o = v.toObject();
            parsed.push_back({ o.value(QStringLiteral("quantizer_name")).toString(),
                o.contains(QStringLiteral("cfg")) || o.value(QStringLiteral("enable")).toBool(true), {} });
        }
    } else {
        // Re-read the hand-written dict in file order: one entry per line after "quant_cfg".
        const QList<QByteArray> lines = json.split('\n');
        bool inCfg = false;
        for (const QByteArray& line : lines) {
            if (line.contains("\"quant_cfg\""))
                inCfg = true;
            else if (inCfg && line.trimmed().startsWith('"')) {
                const QByteArray entry
                    = line.trimmed().endsWith(',') ? line.trimmed().chopped(1) : line.trimmed();
                const QJsonObject o = QJsonDocument::fromJson("{" + entry + "}").object();
                const QString key = o.keys().value(0);
                const bool enable = o.value(key).toObject().value(QStringLiteral("enable")).toBool(true);
                if (key == QLatin1String("default"))
                    parsed.insert(
                        parsed.begin(), { QStringLiteral("*"), enable, {} }); // applied first, to "*"
                else
                    parsed.push_back({ key, enable, {} });
            }
        }
    }
    const EntryEvaluator evaluator(parsed);
    verifyExport(project, profile,
        form == Form::List ? QStringLiteral("modelopt") : QStringLiteral("modelopt-legacy"),
        RuntimeNames(project.inventory(), naming), [&](const QString& name, const QString&) {
            return evaluator.enabled(name, name + kWeight) && evaluator.enabled(name, name + kInput);
        });
}

} // namespace qc
