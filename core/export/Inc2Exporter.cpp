#include "Inc2Exporter.h"

#include "ExportVerifier.h"
#include "PatternEvaluator.h"
#include "check/Checker.h"
#include "project/Project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace qc {

namespace {
const QString kModuleSuffix = QStringLiteral("(?:\\.module)?");
}

int profileIndex(const Project& project, const QString& name)
{
    if (name.isEmpty())
        return project.profileCount() - 1;
    for (int p = 0; p < project.profileCount(); ++p) {
        if (project.cutPlan().profiles[size_t(p)].name == name)
            return p;
    }
    return -1;
}

QString Inc2Exporter::keyFor(const QString& opName)
{
    return QRegularExpression::escape(opName) + kModuleSuffix;
}

QByteArray Inc2Exporter::toJson(const Project& project, int profile, const ExportOptions& options)
{
    const RuntimeNames names(project.inventory(), options.naming);
    const QJsonObject fp32 { { QStringLiteral("weight"),
                                 QJsonObject {
                                     { QStringLiteral("dtype"), QJsonArray { QStringLiteral("fp32") } } } },
        { QStringLiteral("activation"),
            QJsonObject { { QStringLiteral("dtype"), QJsonArray { QStringLiteral("fp32") } } } } };
    QJsonObject opNameDict;
    qint64 kept = 0;
    for (int op = 0; op < project.inventory().size(); ++op) {
        if (!project.isQuantized(op, profile)) {
            opNameDict.insert(keyFor(names.of(op)), fp32);
            ++kept;
        }
    }
    const ProfileSpec& spec = project.cutPlan().profiles[size_t(profile)];
    const ProfileCut& cut = project.cuts()[size_t(profile)];
    QJsonObject root;
    root.insert(QStringLiteral("format"),
        QStringLiteral("neural_compressor 2.x PostTrainingQuantConfig op_name_dict"));
    root.insert(QStringLiteral("generator"), QStringLiteral("quantcut " QUANTCUT_VERSION));
    root.insert(QStringLiteral("module_names"), names.describe());
    root.insert(QStringLiteral("profile"),
        QJsonObject { { QStringLiteral("name"), spec.name }, { QStringLiteral("label"), spec.label },
            { QStringLiteral("cut"), spec.cut }, { QStringLiteral("ops_int8"), double(cut.ops) },
            { QStringLiteral("ops_fp32"), double(kept) } });
    root.insert(QStringLiteral("numeric_format"),
        QJsonObject {
            { QStringLiteral("weights"), QStringLiteral("int8 per-channel symmetric (INC default: minmax)") },
            { QStringLiteral("activations"),
                QStringLiteral("uint8 per-tensor asymmetric static (INC default: minmax)") },
            { QStringLiteral("kept"), QStringLiteral("fp32") } });
    root.insert(
        QStringLiteral("excluded_precisions"), QJsonArray { QStringLiteral("bf16"), QStringLiteral("fp16") });
    root.insert(QStringLiteral("usage"),
        QStringLiteral(
            "cfg = json.load(open(path)); PostTrainingQuantConfig(approach='static', "
            "excluded_precisions=cfg['excluded_precisions'], op_name_dict=cfg['op_name_dict']). "
            "Keys are regexes INC fullmatches; each also matches the QuantWrapper name '<op>.module'. "
            "excluded_precisions keeps INC from adding bf16 on capable CPUs: pure INT8 + fp32."));
    root.insert(QStringLiteral("op_name_dict"), opNameDict);
    root.insert(
        QStringLiteral("violations"), QJsonArray::fromStringList(Checker::errorsFor(project, profile)));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

void Inc2Exporter::verify(const Project& project, int profile, const QByteArray& json, ModuleNaming naming)
{
    const QJsonObject dict
        = QJsonDocument::fromJson(json).object().value(QStringLiteral("op_name_dict")).toObject();
    // A key that is an escaped literal plus the optional ".module" fullmatches exactly two names.
    QSet<QString> literal;
    std::vector<PatternEvaluator> patterns;
    static const QRegularExpression unescape(QStringLiteral(R"(\\(.))"));
    for (auto it = dict.begin(); it != dict.end(); ++it) {
        const QString& key = it.key();
        if (key.endsWith(kModuleSuffix)) {
            QString name = key.left(key.size() - kModuleSuffix.size());
            name.replace(unescape, QStringLiteral("\\1"));
            if (QRegularExpression::escape(name) + kModuleSuffix == key) {
                literal.insert(name);
                literal.insert(name + QStringLiteral(".module"));
                continue;
            }
        }
        patterns.emplace_back(PatternEvaluator::Syntax::RegexFullmatch, key);
    }
    auto fp32 = [&](const QString& incName) {
        return literal.contains(incName)
            || std::any_of(patterns.begin(), patterns.end(),
                [&](const PatternEvaluator& p) { return p.matches(incName); });
    };
    // INC names an op by its module name, or with ".module" when it wrapped the op: both must agree.
    verifyExport(project, profile, QStringLiteral("inc2"), RuntimeNames(project.inventory(), naming),
        [&](const QString& name, const QString&) {
            return !fp32(name) && !fp32(name + QStringLiteral(".module"));
        });
}

} // namespace qc
