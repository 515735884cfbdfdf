#pragma once

#include "profile/CutPlan.h"

#include <QString>
#include <QStringList>
#include <limits>
#include <vector>

namespace qc {

// One measured number of one quantized variant (or of the unquantized baseline), as a results file states it.
struct OutcomeValue
{
    QString framework; // inc2, inc3, modelopt, llmcompressor, baseline, or free text
    QString metric; // e.g. "hellaswag/acc", "latency_ms"
    double value = 0.0;
    bool higherIsBetter = true;
    double standardError = std::numeric_limits<double>::quiet_NaN(); // NaN: not stated
    QString notes;

    bool operator==(const OutcomeValue& o) const
    {
        return framework == o.framework && metric == o.metric && value == o.value
            && higherIsBetter == o.higherIsBetter
            && (standardError == o.standardError
                || (standardError != standardError && o.standardError != o.standardError))
            && notes == o.notes;
    }
};

// What one results file says about one profile: the values, where they came from (file name and its
// SHA-256) and which lists the profile had when they were attached (its fingerprint), so that a profile
// re-cut since is flagged instead of shown with numbers measured on other ops.
struct Outcome
{
    static constexpr const char* kBaseline = ProfileSpec::kReservedName; // the unquantized model

    QString profile;
    QString file; // the results file's name, without its folder
    QString sha256; // of the results file
    QString profileFingerprint; // profileFingerprint() of the profile at attach time; empty for the baseline
    std::vector<OutcomeValue> values;
    int line = 0; // where the results file first names this profile: for messages only, never stored

    bool isBaseline() const { return profile == QLatin1String(kBaseline); }
    bool operator==(const Outcome& o) const
    {
        return profile == o.profile && file == o.file && sha256 == o.sha256
            && profileFingerprint == o.profileFingerprint && values == o.values;
    }
};

// SHA-256 of a profile's INT8 ops, sorted and joined by newlines: the measured model depends on exactly
// which ops are INT8, not on why the others are kept. In Python:
// hashlib.sha256("\n".join(sorted(quantize)).encode()).hexdigest()
QString profileFingerprint(const QStringList& quantize);

// "INC 2.x", "ModelOpt", ... for the known framework ids; free text as it is.
QString frameworkDisplayName(const QString& framework);
// The framework ids with a display name.
QStringList knownFrameworks();

} // namespace qc
