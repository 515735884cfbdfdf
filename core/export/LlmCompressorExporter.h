#pragma once

#include "ExportOptions.h"

namespace qc {

class Project;

// An llm-compressor recipe (YAML, oneshot(recipe=path)): SmoothQuantModifier (explicit mappings on the text
// decoder's layers, see smoothQuantPlan), then QuantizationModifier or
// GPTQModifier with targets [Linear], explicit config_groups (so granularity and static/dynamic are stated,
// not implied by "W8A8"), and an `ignore` list of the kept Linear modules by exact name (compressed-tensors
// matches a plain entry exactly and a "re:" entry with re.match; exact names are the safe choice), in the
// runtime naming of ExportOptions::naming.
class LlmCompressorExporter
{
public:
    static QByteArray toYaml(const Project& project, int profile, const ExportOptions& options);
    static void verify(const Project& project, int profile, const QByteArray& yaml, ModuleNaming naming);
};

} // namespace qc
