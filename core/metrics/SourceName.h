#pragma once

#include "Metric.h"

#include <QString>
#include <vector>

namespace qc {

// The name people see for a source, derived from what the file and its producer state: several reports of
// one producer (or several CSVs with a "score" column) otherwise read alike in every legend and header.
class SourceName
{
public:
    // What the source is, from its producer's facts: "AutoQuant INT8_LM_DEFAULT_CFG · 512 samples",
    // "MSE_V2 fallback", "HAWQ_V2", or the table column ("score").
    static QString base(const Metric& metric);

    // Names the sources from firstNew on (just loaded) with their base name, made unique among all of them:
    // colliding names get the part of their file's base name that tells the files apart ("lm_large"), then
    // a counter. An earlier source keeps its name, unless it still carries its bare base name and a new one
    // collides with it: then it is told apart the same way (nobody chose that name).
    static void nameNew(std::vector<Metric>& metrics, size_t firstNew);

    // The part of each file's base name that differs from the others': tokens (split at _ - . and spaces)
    // common to the start or the end of all of them are dropped. Empty where nothing is left.
    static QStringList distinguishingParts(const QStringList& files);
};

} // namespace qc
