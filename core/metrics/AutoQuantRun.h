#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>
#include <utility>
#include <vector>

// What the files of a ModelOpt AutoQuantize run (its report and its manifest) say beyond the scores, shared
// by both importers and the reconstruction of AutoQuant's decision.
namespace qc::autoquant {

// One candidate label of a manifest, "INT8_DEFAULT_CFG(effective-bits: 8.0)".
struct CandidateLabel
{
    QString format; // "INT8_DEFAULT_CFG", "NONE"
    double effectiveBits = 0.0;
    bool isNone() const { return format == QLatin1String("NONE"); }
};
std::optional<CandidateLabel> parseCandidateLabel(const QString& text);

// ModelOpt's effective bits of a config name it (or the producer) is known to use, when known.
std::optional<double> knownEffectiveBits(const QString& format);
// What a config name means, in a few words ("FP8 weights, INT8 activations"); empty when unknown.
QString describeFormat(const QString& format);

// The run's facts in a fixed order: scheme.*, model.id, dataset.*, autoquant_state.*; only those present.
std::vector<std::pair<QString, QString>> runFacts(const QJsonObject& root);
// scheme.quant_formats without NONE, as written.
QStringList quantFormats(const QJsonObject& root);

// The metric key and label for the scores of one candidate format; `several` when the file has more than one.
QString metricKey(const QString& format, double bits, bool several);
QString metricLabel(const QString& format, double bits);

} // namespace qc::autoquant
