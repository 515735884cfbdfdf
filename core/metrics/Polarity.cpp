#include "Polarity.h"

namespace qc {

QString polarityName(Polarity p)
{
    return p == Polarity::HigherIsMoreSensitive ? QStringLiteral("higher-is-more-sensitive")
                                                : QStringLiteral("lower-is-more-sensitive");
}

std::optional<Polarity> parsePolarity(const QString& text)
{
    if (text == QLatin1String("higher-is-more-sensitive"))
        return Polarity::HigherIsMoreSensitive;
    if (text == QLatin1String("lower-is-more-sensitive"))
        return Polarity::LowerIsMoreSensitive;
    return std::nullopt;
}

Polarity flipped(Polarity p)
{
    return p == Polarity::HigherIsMoreSensitive ? Polarity::LowerIsMoreSensitive
                                                : Polarity::HigherIsMoreSensitive;
}

} // namespace qc
