#pragma once

#include "AutoQuantRun.h"

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QString>
#include <limits>
#include <vector>

namespace qc {

// The manifest a ModelOpt AutoQuantize run writes beside its report: per recipe group (keyed by its leader,
// "<module>.quant_recipe") every candidate with its score and cost, the converted modules with their types,
// and the search's budget and outcome. `layers` lists every converted module as quantized: that is not a
// decision, so it only supplies module types.
struct AutoQuantManifest
{
    struct Candidate
    {
        autoquant::CandidateLabel label;
        double score = 0.0; // estimated loss increase of choosing it; 0 for NONE
        double cost = 0.0; // the group's weight count × effective bits / 16
    };
    struct Group
    {
        QString name; // as written, ".quant_recipe" included
        int line = 0;
        std::vector<Candidate> candidates;
        bool onlyNone() const;
        const Candidate* none() const; // nullptr when the group has no NONE candidate
    };

    std::vector<Group> groups; // in written order
    QHash<QString, QString> moduleTypes; // "model.x.q_proj" -> "Linear" ("QuantLinear" without "Quant")
    double autoQuantizeBits = std::numeric_limits<double>::quiet_NaN(); // the budget target
    double recordedScore = std::numeric_limits<double>::quiet_NaN(); // autoquant_state.score
    double recordedEffectiveBits = std::numeric_limits<double>::quiet_NaN(); // constraints.effective_bits
    std::vector<std::pair<QString, QString>> facts;

    // A JSON object whose layer_sensitivity is a map of {formats, scores, costs}.
    static bool fits(const QJsonDocument& doc);
    // Throws FileError (file, line, what is wrong) on a malformed manifest.
    static AutoQuantManifest parse(const QByteArray& text, const QJsonDocument& doc, const QString& file);
};

} // namespace qc
