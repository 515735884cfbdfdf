#pragma once

#include "inventory/Inventory.h"

#include <QString>
#include <vector>

namespace qc {

// The module names transformers gives the Qwen2-VL family (Qwen2-VL, Qwen2.5-VL, Qwen3-VL) at runtime.
// Before 4.52 they equal Qwen2.5-VL's checkpoint keys ("model.layers.N", "visual.blocks.N"); from 4.52 the
// text decoder sits under "model.language_model." and the vision tower under "model.visual."
// (_checkpoint_conversion_mapping renames on load and reverses it on save, so a Qwen2.5-VL checkpoint keeps
// the old keys). Qwen3-VL exists only from 4.57 and is stored under the new names.
enum class ModuleNaming { New, Legacy };

// The name each inventory op has in the runtime a framework config is applied to. Exports write these
// names and their verification evaluates over them: the framework matches what named_modules() says, not
// what the checkpoint stores.
class RuntimeNames
{
public:
    RuntimeNames(const Inventory& inventory, ModuleNaming naming);

    const QString& of(int op) const { return m_names[size_t(op)]; }
    ModuleNaming naming() const { return m_naming; }
    // Whether the model has the Qwen2-VL family layout the rename applies to (a vision tower "visual" or
    // "model.visual"). Other models keep their inventory names.
    bool applies() const { return m_applies; }
    int renamedCount() const { return m_renamed; }
    // One line for the export's header: which naming the names are in and why.
    QString describe() const;

    // The one place the rename is decided: `name` in the given naming. Idempotent; names outside the
    // vision tower and the text decoder (lm_head, ...) are the same in both.
    static QString inNaming(const QString& name, ModuleNaming naming);
    static bool hasVisionLanguageLayout(const Inventory& inventory);
    // "layers...", "embed_tokens", "norm", "rotary_emb": the text model's children that 4.52 moved from
    // "model." to "model.language_model." (and the root names of a run on the text model alone).
    static bool isTextDecoderChild(QStringView name);
    static QString id(ModuleNaming naming); // "new", "legacy": the CLI's --naming values

private:
    std::vector<QString> m_names;
    ModuleNaming m_naming;
    bool m_applies = false;
    int m_renamed = 0;
};

} // namespace qc
