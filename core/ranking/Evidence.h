#pragma once

#include <QString>
#include <cstdint>

namespace qc {

// What a metric's value for one op is worth. Only measured values rank: an op nobody measured is not "safe".
enum class Evidence : std::uint8_t {
    Measured,
    NotCandidate, // the source lists it, but it was never a quantization candidate (AutoQuant NONE only)
    NoSignal, // a value, but one that cannot rank: exact zeros over a whole component or block, or a
              // component tied at one value (e.g. a vision tower that text-only calibration never ran)
    Missing, // the source has no value for it
};

inline QString evidenceName(Evidence e)
{
    switch (e) {
    case Evidence::Measured:
        return QStringLiteral("measured");
    case Evidence::NotCandidate:
        return QStringLiteral("not-candidate");
    case Evidence::NoSignal:
        return QStringLiteral("no-signal");
    case Evidence::Missing:
        return QStringLiteral("missing");
    }
    return {};
}

} // namespace qc
