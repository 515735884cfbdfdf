#include "NameShapes.h"

#include <QHash>
#include <charconv>

namespace qc {

NameShapes NameShapes::of(const Inventory& inventory)
{
    NameShapes shapes;
    shapes.shapeOf.reserve(size_t(inventory.size()));
    QHash<QString, int> byKey;
    QString key; // reused: only a new shape's key is copied into the hash
    for (int i = 0; i < inventory.size(); ++i) {
        const Op& op = inventory.at(i);
        // Masked in place: QString::append per character is a call each.
        key.resize(op.name.size());
        const char16_t* from = QStringView(op.name).utf16();
        char16_t* to = reinterpret_cast<char16_t*>(key.data());
        for (qsizetype c = 0; c < op.name.size(); ++c)
            to[c] = QChar::isDigit(from[c]) ? u'#' : from[c];
        key.append(QLatin1Char('\t')).append(op.opType).append(QLatin1Char('\t')).append(op.component);
        key.append(QLatin1Char('\t'));
        char layer[16];
        const char* end = std::to_chars(layer, layer + sizeof layer, op.layer).ptr;
        key.append(QLatin1StringView(layer, end - layer));
        auto it = byKey.constFind(key);
        if (it == byKey.constEnd()) {
            it = byKey.insert(key, int(shapes.representative.size()));
            shapes.representative.push_back(i);
        }
        shapes.shapeOf.push_back(it.value());
    }
    return shapes;
}

} // namespace qc
