#include "RuntimeNames.h"

#include <algorithm>

namespace qc {

namespace {
const QString kModel = QStringLiteral("model.");
const QString kVisual = QStringLiteral("visual");
const QString kModelVisual = QStringLiteral("model.visual");
const QString kLanguageModel = QStringLiteral("model.language_model");

// `name` is `head` or lies under it ("visual" and "visual.blocks.0", not "visual_proj").
template<typename Head> bool isUnder(QStringView name, const Head& head)
{
    return name.startsWith(head) && (name.size() == head.size() || name.at(head.size()) == u'.');
}
} // namespace

bool RuntimeNames::isTextDecoderChild(QStringView name)
{
    for (const QLatin1String child : { QLatin1String("layers"), QLatin1String("embed_tokens"),
             QLatin1String("norm"), QLatin1String("rotary_emb") }) {
        if (isUnder(name, child))
            return true;
    }
    return false;
}

QString RuntimeNames::inNaming(const QString& name, ModuleNaming naming)
{
    if (naming == ModuleNaming::New) {
        if (isUnder(name, kVisual))
            return kModel + name; // "^visual" -> "model.visual"
        if (name.startsWith(kModel) && isTextDecoderChild(QStringView(name).mid(kModel.size())))
            return kLanguageModel + QLatin1Char('.') + name.mid(kModel.size());
        return name;
    }
    if (isUnder(name, kModelVisual))
        return name.mid(kModel.size()); // "^model.visual" -> "visual"
    if (isUnder(name, kLanguageModel))
        return QStringLiteral("model")
            + name.mid(kLanguageModel.size()); // "^model.language_model" -> "model"
    return name;
}

bool RuntimeNames::hasVisionLanguageLayout(const Inventory& inventory)
{
    // The vision tower named "visual" is the family's mark: LLaVA, Gemma 3 and others also moved their text
    // model under "model.language_model." in 4.52, but from other legacy names, which this rename is not.
    return std::any_of(inventory.ops().begin(), inventory.ops().end(),
        [](const Op& op) { return isUnder(op.name, kVisual) || isUnder(op.name, kModelVisual); });
}

QString RuntimeNames::id(ModuleNaming naming)
{
    return naming == ModuleNaming::New ? QStringLiteral("new") : QStringLiteral("legacy");
}

RuntimeNames::RuntimeNames(const Inventory& inventory, ModuleNaming naming)
    : m_naming(naming)
    , m_applies(hasVisionLanguageLayout(inventory))
{
    m_names.reserve(size_t(inventory.size()));
    for (const Op& op : inventory.ops()) {
        m_names.push_back(m_applies ? inNaming(op.name, naming) : op.name);
        if (m_names.back() != op.name)
            ++m_renamed;
    }
}

QString RuntimeNames::describe() const
{
    if (!m_applies)
        return QStringLiteral("the inventory's names (no \"visual\" tower of the Qwen2-VL family: no "
                              "transformers rename applies)");
    const QString what = m_naming == ModuleNaming::New
        ? QStringLiteral("%1: transformers >= 4.52 runtime names (model.language_model.*, model.visual.*)")
        : QStringLiteral("%1: transformers < 4.52 runtime names (model.layers.*, visual.*)");
    return what.arg(id(m_naming)) + QStringLiteral("; %1 inventory names renamed").arg(m_renamed);
}

} // namespace qc
