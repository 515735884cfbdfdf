#include "FusedGroups.h"

#include <QHash>

namespace qc {

QString FusedGroups::groupKey(const QString& opName)
{
    const qsizetype dot = opName.lastIndexOf(QLatin1Char('.'));
    const QStringView leaf = QStringView(opName).mid(dot + 1);
    const QStringView parent = QStringView(opName).left(std::max<qsizetype>(dot, 0));
    if (leaf == u"q_proj" || leaf == u"k_proj" || leaf == u"v_proj")
        return parent + QStringLiteral(".{qkv}");
    if (leaf == u"gate_proj" || leaf == u"up_proj")
        return parent + QStringLiteral(".{gate_up}");
    if (leaf == u"w1" || leaf == u"w3")
        return parent + QStringLiteral(".{w1_w3}");
    return {};
}

std::vector<int> FusedGroups::assign(const Inventory& inventory, bool fuse)
{
    std::vector<int> group(size_t(inventory.size()));
    QHash<QString, int> byKey;
    int next = 0;
    for (int i = 0; i < inventory.size(); ++i) {
        const QString key = fuse ? groupKey(inventory.at(i).name) : QString();
        if (key.isEmpty()) {
            group[size_t(i)] = next++;
            continue;
        }
        auto it = byKey.constFind(key);
        if (it == byKey.constEnd())
            it = byKey.insert(key, next++);
        group[size_t(i)] = it.value();
    }
    return group;
}

} // namespace qc
