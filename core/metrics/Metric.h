#pragma once

#include "Polarity.h"

#include <QString>
#include <QStringList>
#include <limits>
#include <utility>
#include <vector>

namespace qc {

// One score as a source states it, before names are reconciled with the inventory.
struct MetricEntry
{
    QString name; // as written in the source
    QString opType; // when the source gives one
    double value = 0.0;
    int line = 0; // 1-based line in the source file, 0 if unknown
    // Set when the source scores a fused group through one name (ModelOpt AutoQuant: q_proj stands for
    // q/k/v): the name the source actually wrote. The entry's own name is then a derived member name.
    QString groupLeader;
    // What choosing the scored candidate costs, as the source states it (AutoQuant: the group's weight count
    // × effective bits / 16, on the written entry only); NaN when the source gives none.
    double cost = std::numeric_limits<double>::quiet_NaN();
    // False when the source lists the op but it was never a quantization candidate (an AutoQuant group whose
    // only candidate is NONE): its value is not a measurement.
    bool candidate = true;
};

// One sensitivity metric from one source: values per op name, with the direction that means "sensitive".
struct Metric
{
    QString id; // unique within a project, e.g. "mse_v2", "hawq_v2"
    QString key; // what the source calls it, e.g. "fp32_fallback_sensitivity"
    QString label; // human-readable, e.g. "INC MSE_V2 fp32 fallback"
    QString format; // importer id, e.g. "inc-mse-json"
    QString file; // path as given
    QString fileSha256;
    Polarity sourcePolarity = Polarity::HigherIsMoreSensitive; // what the format means
    bool flipped = false; // the user reversed it
    bool valuesAreRanks = false; // the source gave an order only; value = position (1 = first)
    QString note; // e.g. how the polarity was decided
    // The producer's name of the number format the scores are for, e.g. "INT8_DEFAULT_CFG",
    // "FP8_WEIGHT_INT8_ACT_CFG"; empty when the source does not say.
    QString numberFormat;
    double effectiveBits = std::numeric_limits<double>::quiet_NaN(); // of that format, when stated
    // Facts of the run as the source states them, in source order: ("scheme.coverage_mode", "lm_only"), ...
    std::vector<std::pair<QString, QString>> facts;
    // The user says every value is a measurement: exact-zero or tied components are not set aside as "no
    // signal".
    bool allMeasured = false;
    std::vector<MetricEntry> entries;

    Polarity polarity() const { return flipped ? qc::flipped(sourcePolarity) : sourcePolarity; }
};

// The most metrics one project combines (score columns of a file, or all sources together). Real studies
// compare a handful; a file with thousands of score columns is not a ranking, and refusing it early keeps the
// work linear in the file.
constexpr int kMaxMetrics = 64;
inline QString tooManyMetrics(qsizetype count, const char* what = "metrics")
{
    return QStringLiteral("%1 %2: more than the %3 metrics a project combines")
        .arg(count)
        .arg(QLatin1String(what))
        .arg(kMaxMetrics);
}

} // namespace qc
