#pragma once

#include "ExportOptions.h"

namespace qc {

class Project;

// INC 3.x neural_compressor.torch.quantization: {"static_quant"|"smooth_quant": {"global": {...}, "local":
// {"<exact module name>": {"w_dtype": "fp32", "act_dtype": "fp32"}}}}. Load it with json.load + from_dict:
// BaseConfig.from_json_file is broken in v3.0..HEAD (it calls from_dict(**d)). The PT2E path applies a local
// name to the module and its submodules, which is how the export is verified.
class Inc3Exporter
{
public:
    static QByteArray toJson(const Project& project, int profile, const ExportOptions& options);
    static void verify(const Project& project, int profile, const QByteArray& json, ModuleNaming naming);
};

} // namespace qc
