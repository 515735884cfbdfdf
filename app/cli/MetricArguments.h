#pragma once

#include "ArgumentList.h"
#include "metrics/Metric.h"

#include <vector>

namespace qc::cli {

// Reads every --metric of the profiles command, applying --format and --flip, with unique metric ids.
std::vector<Metric> readMetrics(const ArgumentList& args);
// The files the --metric options name.
QStringList metricFiles(const ArgumentList& args);

} // namespace qc::cli
