#include "ExportVerifier.h"

#include "project/Project.h"

namespace qc {

namespace {
QString describe(const QString& format, const QString& profile, const QStringList& q, const QStringList& k)
{
    auto head = [](const QStringList& names) {
        constexpr int kShown = 12;
        QString text = names.mid(0, kShown).join(QStringLiteral(", "));
        if (names.size() > kShown)
            text += QStringLiteral(", ... (%1 in all)").arg(names.size());
        return text;
    };
    QString message = QStringLiteral(
        "the %1 export of profile %2 would not quantize exactly the profile's ops under %1's "
        "matching rule")
                          .arg(format, profile);
    if (!q.isEmpty())
        message += QStringLiteral("; it would quantize ops the profile keeps: ") + head(q);
    if (!k.isEmpty())
        message += QStringLiteral("; it would keep ops the profile quantizes: ") + head(k);
    return message;
}
} // namespace

ExportMismatch::ExportMismatch(const QString& format, const QString& profile, QStringList q, QStringList k)
    : std::runtime_error(describe(format, profile, q, k).toStdString())
    , m_wronglyQuantized(std::move(q))
    , m_wronglyKept(std::move(k))
{ }

void verifyExport(const Project& project, int profile, const QString& format, const RuntimeNames& names,
    const std::function<bool(const QString& runtimeName, const QString& opType)>& frameworkQuantizes)
{
    QStringList wronglyQuantized;
    QStringList wronglyKept;
    for (int op = 0; op < project.inventory().size(); ++op) {
        const QString& name = names.of(op);
        const bool framework = frameworkQuantizes(name, project.inventory().at(op).opType);
        const bool wanted = project.isQuantized(op, profile);
        if (framework && !wanted)
            wronglyQuantized.append(name);
        else if (!framework && wanted)
            wronglyKept.append(name);
    }
    if (!wronglyQuantized.isEmpty() || !wronglyKept.isEmpty())
        throw ExportMismatch(
            format, project.cutPlan().profiles[size_t(profile)].name, wronglyQuantized, wronglyKept);
}

} // namespace qc
