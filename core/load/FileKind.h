#pragma once

#include <QString>

namespace qc {

// What a file given to the explorer is, recognised by content (the extension only breaks ties): a QuantCut
// profile file (YAML with the `quantcut_profiles` version key), an inventory (an ops CSV whose columns are
// all inventory columns, a safetensors checkpoint or index, a directory), or rankings (anything else; the
// metric importer then detects the exact format or reports what is wrong), or measured outcomes (a results
// file OutcomeReader::detect recognises: its columns or keys include metric, value and higher_is_better, or
// lm-evaluation-harness results).
enum class FileKind { ProfileDocument, Inventory, Rankings, Outcomes };

FileKind detectFileKind(const QString& path);
QString fileKindName(FileKind kind);

} // namespace qc
