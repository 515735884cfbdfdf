#pragma once

#include "Polarity.h"

#include <QString>
#include <QStringList>
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
    std::vector<MetricEntry> entries;

    Polarity polarity() const { return flipped ? qc::flipped(sourcePolarity) : sourcePolarity; }
};

} // namespace qc
