#pragma once

#include "Metric.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <vector>

namespace qc {

// "modelopt-autoquant": per-layer scores of NVIDIA ModelOpt mtq.auto_quantize,
// {layer_sensitivity: [{layer, num_bits, sensitivity, size_cost}], scheme?, model?, autoquant_state?}.
// AutoQuantize scores a fused group through one name (its quant_grouping_rules: q/k/v_proj share a format,
// as do gate/up_proj), so an entry "<p>.q_proj" also yields "<p>.k_proj" and "<p>.v_proj", and
// "<p>.gate_proj" yields "<p>.up_proj", with the same score and groupLeader = the written name. A suffix
// after the member (".quant_recipe") is kept on derived names too. Derived entries follow all written
// ones; a member the file writes itself, or that an earlier leader already derived, is not derived again.
// num_bits is ModelOpt's effective bits of the candidate (8 for INT8 W8A8 and FP8 alike), so formats are
// named from scheme.quant_formats, never guessed from bits. One metric per num_bits value: key "autoquant",
// or "autoquant_<format>" ("autoquant_<bits>bit" when the file does not name it) when several occur. Rows at
// 16 bits are groups whose only candidate was NONE: they become entries with candidate = false in every
// metric, never a metric of their own.
class ModelOptAutoQuantImporter
{
public:
    explicit ModelOptAutoQuantImporter(QString file)
        : m_file(std::move(file))
    { }
    static bool fits(const QJsonDocument& doc);
    std::vector<Metric> read(const QByteArray& text, const QJsonDocument& doc) const;

    // The other members of the fused group a written name leads (empty when it leads none).
    static QStringList derivedMembers(const QString& leader);
    // The written entries, then the not-candidate ones, then the members their leaders stand for.
    static std::vector<MetricEntry> withGroupMembers(const QString& file,
        const std::vector<MetricEntry>& written, const std::vector<MetricEntry>& noCandidate);

private:
    double number(const QJsonObject& object, const char* key, const MetricEntry& entry, bool required) const;

    QString m_file;
};

} // namespace qc
