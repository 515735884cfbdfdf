#pragma once

#include "ExportOptions.h"

#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace qc {

class Project;

// NVIDIA ModelOpt quant_cfg. Patterns match quantizer names (<module>.weight_quantizer,
// <module>.input_quantizer) by fnmatch. The current form is an ordered list (later entries win): deny all,
// the INT8 (or FP8) weight and input entries, ModelOpt's default-disabled patterns, re-enabling entries for
// the ops of the profile those patterns would disable, then one disable entry per kept module. The legacy
// dict applies "default" first and then keys in insertion order, later keys winning.
class ModelOptExporter
{
public:
    enum class Form { List, LegacyDict };

    struct Entry
    {
        QString pattern;
        bool enable = false; // an entry with cfg enables; a disable entry carries enable: false only
        QJsonObject cfg;
    };

    // The default-disabled patterns of the form (list: configs/ptq/units/default_disabled_quantizers.yaml,
    // legacy: _default_disabled_quantizer_cfg), module-class rules left out: they name no modules.
    static const QStringList& defaultDisabled(Form form);
    static std::vector<Entry> entries(
        const Project& project, int profile, const ExportOptions& options, Form form);
    static QByteArray toJson(const Project& project, int profile, const ExportOptions& options, Form form);
    static void verify(
        const Project& project, int profile, const QByteArray& json, Form form, ModuleNaming naming);
};

} // namespace qc
