#include "Outcome.h"

#include "io/Sha256.h"

namespace qc {

QString profileFingerprint(const QStringList& quantize)
{
    QStringList sorted = quantize;
    sorted.sort();
    return QString::fromLatin1(Sha256::hex(sorted.join(QLatin1Char('\n')).toUtf8()));
}

QString frameworkDisplayName(const QString& framework)
{
    static const std::pair<const char*, const char*> names[] = { { "inc2", "INC 2.x" }, { "inc3", "INC 3.x" },
        { "modelopt", "ModelOpt" }, { "llmcompressor", "llm-compressor" }, { "baseline", "baseline" } };
    for (const auto& [id, name] : names) {
        if (framework == QLatin1String(id))
            return QLatin1String(name);
    }
    return framework;
}

QStringList knownFrameworks()
{
    return { QStringLiteral("inc2"), QStringLiteral("inc3"), QStringLiteral("modelopt"),
        QStringLiteral("llmcompressor"), QStringLiteral("baseline") };
}

} // namespace qc
