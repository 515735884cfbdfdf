#pragma once

#include "ArgumentList.h"
#include "metrics/Metric.h"

#include <vector>

namespace qc {
class Inventory;
}

namespace qc::cli {

// Reads every --metric of the profiles command, applying --format and --flip, with unique metric ids.
// Given the inventory, names equal to an op's share its string as each file is read (MetricImporter).
std::vector<Metric> readMetrics(const ArgumentList& args, const Inventory* inventory = nullptr);
// The files the --metric options name.
QStringList metricFiles(const ArgumentList& args);

} // namespace qc::cli
