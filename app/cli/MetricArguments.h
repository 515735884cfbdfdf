#pragma once

#include "ArgumentList.h"
#include "metrics/Metric.h"

#include <functional>
#include <vector>

namespace qc::cli {

// Reads every --metric of the profiles command, applying --format and --flip, with unique metric ids.
// `imported` sees each metric as it arrives, before the next file is read.
std::vector<Metric> readMetrics(const ArgumentList& args, const std::function<void(Metric&)>& imported = {});
// The files the --metric options name.
QStringList metricFiles(const ArgumentList& args);

} // namespace qc::cli
