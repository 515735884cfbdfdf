#pragma once

#include <QString>
#include <optional>

namespace qc {

// Whether a higher metric value means a more sensitive op. Part of every metric, stated in every output.
enum class Polarity { HigherIsMoreSensitive, LowerIsMoreSensitive };

QString polarityName(Polarity p); // "higher-is-more-sensitive" / "lower-is-more-sensitive"
std::optional<Polarity> parsePolarity(const QString& text);
Polarity flipped(Polarity p);

} // namespace qc
