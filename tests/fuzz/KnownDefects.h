#pragma once

// Defects issue 14 already lists, fixed on another branch. The fuzz targets step around exactly these classes
// so that a run reports only new findings; each filter names its defect and goes once the fix is merged
// (then the committed regression inputs in tests/fuzz/regressions/ exercise the fixed code).

#include <QByteArray>

namespace qc::fuzz::known {

// Defect 1: int64 overflow (UBSan abort) when parameter counts, shape dimensions or data offsets reach
// 2^62 or more. True when the numbers in the text (decimal with exponent, 0x hex, 0o octal), summed, or one
// safetensors header's shape products, summed, could reach that: such an input is skipped.
bool mayOverflowInt64(const QByteArray& text);
// The same for a safetensors file: its JSON header's shape products and offsets.
bool mayOverflowSafetensors(const QByteArray& file);

// Defect 2: yaml-cpp exceptions (YAML::Exception) escape ProfileDocument::parse and loadRules without a file
// name. Tolerated from those two calls only.
inline constexpr bool kToleratesYamlExceptions = true;

// Defect 4: saving a project computes agreement for every pair of metrics (quadratic, seconds at ~1000).
// Targets do not save or export projects with more metrics than this.
inline constexpr int kMaxMetricsToSave = 16;

} // namespace qc::fuzz::known
