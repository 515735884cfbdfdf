#include "CutPlan.h"

#include <QStringList>
#include <cmath>
#include <stdexcept>

namespace qc {

namespace {
const char* const kDefaultLabels[] = { "minimal", "moderate", "aggressive", "max", "p5", "p6", "p7", "p8" };
}

CutPlan CutPlan::defaults()
{
    CutPlan plan;
    plan.profiles = { { QStringLiteral("A"), QStringLiteral("minimal"), 0.25 },
        { QStringLiteral("B"), QStringLiteral("moderate"), 0.50 },
        { QStringLiteral("C"), QStringLiteral("aggressive"), 0.80 },
        { QStringLiteral("D"), QStringLiteral("max"), 0.95 } };
    return plan;
}

std::vector<ProfileSpec> CutPlan::parseCuts(const QString& text)
{
    std::vector<ProfileSpec> specs;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.isEmpty() || parts.size() > kMaxProfiles)
        throw std::invalid_argument("expected 1 to 8 cut points, got " + std::to_string(parts.size()));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString part = parts[i].trimmed();
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        ProfileSpec spec;
        spec.name = eq > 0 ? part.left(eq).trimmed() : QString(QChar(char16_t(u'A' + i)));
        spec.label = QString::fromLatin1(kDefaultLabels[i]);
        bool ok = false;
        spec.cut = part.mid(eq + 1).toDouble(&ok);
        if (!ok || !std::isfinite(spec.cut) || spec.cut < 0)
            throw std::invalid_argument("cut point '" + part.toStdString() + "' is not a number >= 0");
        if (spec.name == QLatin1String(ProfileSpec::kReservedName))
            throw std::invalid_argument(
                "profile name 'baseline' is reserved: outcomes call the unquantized model so");
        for (const ProfileSpec& s : specs) {
            if (s.name == spec.name)
                throw std::invalid_argument("profile name '" + spec.name.toStdString() + "' given twice");
        }
        specs.push_back(spec);
    }
    return specs;
}

QString CutPlan::cutByName(CutBy by)
{
    switch (by) {
    case CutBy::Ops:
        return QStringLiteral("ops");
    case CutBy::Params:
        return QStringLiteral("params");
    case CutBy::Count:
        return QStringLiteral("count");
    case CutBy::Score:
        return QStringLiteral("score");
    case CutBy::Bits:
        return QStringLiteral("bits");
    case CutBy::MemoryGb:
        return QStringLiteral("memory-gb");
    }
    return {};
}

QString CutPlan::orderName(Order order)
{
    return order == Order::Score ? QStringLiteral("score") : QStringLiteral("score-per-param");
}

std::optional<CutPlan::Order> CutPlan::parseOrder(const QString& text)
{
    for (const Order order : { Order::Score, Order::ScorePerParam }) {
        if (orderName(order) == text)
            return order;
    }
    return std::nullopt;
}

std::optional<CutPlan::CutBy> CutPlan::parseCutBy(const QString& text)
{
    for (const CutBy by :
        { CutBy::Ops, CutBy::Params, CutBy::Count, CutBy::Score, CutBy::Bits, CutBy::MemoryGb }) {
        if (cutByName(by) == text)
            return by;
    }
    return std::nullopt;
}

QString CutPlan::cutError(const ProfileSpec& spec) const
{
    if (!std::isfinite(spec.cut) || spec.cut < 0)
        return QStringLiteral("cut %1=%2 is not a number >= 0").arg(spec.name).arg(spec.cut);
    if (by == CutBy::Bits && (spec.cut < 8.0 || spec.cut > 16.0))
        return QStringLiteral("budget %1=%2 is outside 8..16 effective bits (INT8 to bf16)")
            .arg(spec.name)
            .arg(spec.cut);
    if (!isBudget(by) && by != CutBy::Count && spec.cut > 1.0)
        return QStringLiteral("cut %1=%2 is above 1 (cuts by %3 are fractions)")
            .arg(spec.name)
            .arg(spec.cut)
            .arg(cutByName(by));
    return {};
}

double CutPlan::maxCut(qint64 eligibleOps, qint64 totalParams) const
{
    switch (by) {
    case CutBy::Count:
        return double(eligibleOps);
    case CutBy::Bits:
        return 16.0;
    case CutBy::MemoryGb:
        return 2.0 * double(totalParams) / 1e9;
    default:
        return 1.0;
    }
}

} // namespace qc
