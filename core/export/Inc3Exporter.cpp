#include "Inc3Exporter.h"

#include "ExportVerifier.h"
#include "ModuleNameSet.h"
#include "check/Checker.h"
#include "project/Project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace qc {

QByteArray Inc3Exporter::toJson(const Project& project, int profile, const ExportOptions& options)
{
    const bool perToken = options.activations == ExportOptions::Activations::PerTokenDynamic;
    QJsonObject global { { QStringLiteral("w_dtype"), QStringLiteral("int8") },
        { QStringLiteral("w_sym"), true }, { QStringLiteral("w_granularity"), QStringLiteral("per_channel") },
        { QStringLiteral("w_algo"), QStringLiteral("minmax") },
        { QStringLiteral("act_dtype"), perToken ? QStringLiteral("int8") : QStringLiteral("uint8") },
        { QStringLiteral("act_sym"), perToken },
        { QStringLiteral("act_granularity"),
            perToken ? QStringLiteral("per_token") : QStringLiteral("per_tensor") },
        { QStringLiteral("act_algo"), QStringLiteral("minmax") } };
    if (options.smoothQuant)
        global.insert(QStringLiteral("alpha"), options.smoothQuantAlpha);
    const QJsonObject fp32 { { QStringLiteral("w_dtype"), QStringLiteral("fp32") },
        { QStringLiteral("act_dtype"), QStringLiteral("fp32") } };
    const RuntimeNames names(project.inventory(), options.naming);
    QJsonObject local;
    for (int op = 0; op < project.inventory().size(); ++op) {
        if (!project.isQuantized(op, profile))
            local.insert(names.of(op), fp32);
    }
    const ProfileSpec& spec = project.cutPlan().profiles[size_t(profile)];
    QJsonObject root;
    root.insert(options.smoothQuant ? QStringLiteral("smooth_quant") : QStringLiteral("static_quant"),
        QJsonObject { { QStringLiteral("global"), global }, { QStringLiteral("local"), local } });
    root.insert(QStringLiteral("_quantcut"),
        QJsonObject { { QStringLiteral("format"),
                          QStringLiteral("neural_compressor 3.x config dict (quantize(model, cfg))") },
            { QStringLiteral("generator"), QStringLiteral("quantcut " QUANTCUT_VERSION) },
            { QStringLiteral("module_names"), names.describe() },
            { QStringLiteral("violations"),
                QJsonArray::fromStringList(Checker::errorsFor(project, profile)) },
            { QStringLiteral("profile"),
                QString(spec.name + QStringLiteral(" (") + spec.label + QLatin1Char(')')) },
            { QStringLiteral("weights"), options.weightsText() },
            { QStringLiteral("activations"), options.activationsText() },
            { QStringLiteral("usage"),
                QStringLiteral("cfg = json.load(open(path)); cfg.pop('_quantcut'); "
                               "quantize(model, cfg) or StaticQuantConfig.from_dict(cfg['static_quant']). "
                               "Do not use from_json_file: it is broken in INC 3.x (from_dict(**d) raises on "
                               "'local').") } });
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

void Inc3Exporter::verify(const Project& project, int profile, const QByteArray& json, ModuleNaming naming)
{
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    const QJsonObject cfg
        = (root.contains(QStringLiteral("smooth_quant")) ? root.value(QStringLiteral("smooth_quant"))
                                                         : root.value(QStringLiteral("static_quant")))
              .toObject();
    ModuleNameSet fp32;
    const QJsonObject local = cfg.value(QStringLiteral("local")).toObject();
    for (auto it = local.begin(); it != local.end(); ++it) {
        const QJsonObject c = it.value().toObject();
        if (c.value(QStringLiteral("w_dtype")).toString() == QLatin1String("fp32")
            && c.value(QStringLiteral("act_dtype")).toString() == QLatin1String("fp32"))
            fp32.insert(it.key());
    }
    verifyExport(project, profile, QStringLiteral("inc3"), RuntimeNames(project.inventory(), naming),
        [&](const QString& name, const QString&) { return !fp32.coversSelfOrAncestor(name); });
}

} // namespace qc
