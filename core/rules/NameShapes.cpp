#include "NameShapes.h"

#include <QHash>

namespace qc {

NameShapes NameShapes::of(const Inventory& inventory)
{
    NameShapes shapes;
    shapes.shapeOf.reserve(size_t(inventory.size()));
    QHash<QString, int> byKey;
    QString key;
    for (int i = 0; i < inventory.size(); ++i) {
        const Op& op = inventory.at(i);
        key = op.name;
        for (QChar& c : key) {
            if (c.isDigit())
                c = u'#';
        }
        key += QLatin1Char('\t') + op.opType + QLatin1Char('\t') + op.component + QLatin1Char('\t')
            + QString::number(op.layer);
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
