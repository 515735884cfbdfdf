// Every export of a loaded profile file: each format either verifies (the framework's own matching rule
// quantizes exactly the profile's ops, checked inside ProfileExporter::run) or fails cleanly with
// ExportMismatch, and what it returns parses in its own format.

#include "FuzzSupport.h"
#include "ProfileInput.h"
#include "export/ExportVerifier.h"
#include "export/ProfileExporter.h"
#include "io/InputFile.h"

#include <QJsonDocument>
#include <yaml-cpp/yaml.h>

namespace {
// The selector's bits choose the options a user can pass (`export --activations --no-smoothquant --gptq
// --alpha --numbers`) and the profile.
qc::ExportOptions optionsFrom(uint8_t selector)
{
    qc::ExportOptions options;
    options.activations = (selector & 1) ? qc::ExportOptions::Activations::PerTokenDynamic
                                         : qc::ExportOptions::Activations::PerTensorStatic;
    options.smoothQuant = !(selector & 2);
    options.gptq = selector & 4;
    options.smoothQuantAlpha = (selector & 8) ? 0.85 : 0.5;
    return options;
}

void checkOutput(const QString& format, const QString& extension, const QByteArray& out)
{
    if (out.isEmpty() || qc::invalidUtf8Offset(out) >= 0)
        qc::fuzz::fail("export", QStringLiteral("%1 export is empty or not UTF-8").arg(format));
    if (extension == QLatin1String("json")) {
        QJsonParseError error;
        (void)QJsonDocument::fromJson(out, &error);
        if (error.error != QJsonParseError::NoError)
            qc::fuzz::fail("export",
                QStringLiteral("%1 export is not JSON (%2)\n%3")
                    .arg(format, error.errorString(), QString::fromUtf8(out)));
    } else if (extension == QLatin1String("yaml")) {
        try {
            (void)YAML::Load(out.toStdString());
        } catch (const YAML::Exception& e) {
            qc::fuzz::fail("export",
                QStringLiteral("%1 export is not YAML (%2)\n%3")
                    .arg(format, QString::fromStdString(e.what()), QString::fromUtf8(out)));
        }
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const qc::fuzz::Selected input = qc::fuzz::select(qc::fuzz::bytes(data, size));
    const std::optional<qc::ProfileDocument::Loaded> loaded = qc::fuzz::loadProfile("export", input.content);
    if (!loaded)
        return 0;
    const qc::Project& project = loaded->project;
    const int profile = (input.selector >> 5) % project.profileCount();
    qc::ExportOptions options = optionsFrom(input.selector);
    for (const qc::ProfileExporter::Format& format : qc::ProfileExporter::formats()) {
        // FP8 is a ModelOpt choice only (other formats refuse it as a usage error, by design).
        options.numbers = (input.selector & 16) && format.id.startsWith(QLatin1String("modelopt"))
            ? qc::ExportOptions::NumberFormat::Fp8
            : qc::ExportOptions::NumberFormat::Int8;
        qc::fuzz::expectClean("export", [&] {
            try {
                checkOutput(format.id, format.extension,
                    qc::ProfileExporter::run(project, format.id, profile, options));
            } catch (const qc::ExportMismatch&) {
                // The clean failure: `export` exits 1 and writes nothing.
            }
        });
    }
    return 0;
}
