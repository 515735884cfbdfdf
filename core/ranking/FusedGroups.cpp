#include "FusedGroups.h"

#include "io/NameIndex.h"

#include <QHash>

namespace qc {

namespace {
enum class Fusion { None, Qkv, GateUp, W1W3 };

// Which fused GEMM a name's leaf belongs to, and the module that holds its partners.
struct FusedLeaf
{
    QStringView parent;
    Fusion fusion = Fusion::None;

    bool operator==(const FusedLeaf& other) const = default;
};

size_t qHash(const FusedLeaf& leaf, size_t seed)
{
    return (size_t(NameIndex::hashOf(leaf.parent)) << 2 | size_t(leaf.fusion)) ^ seed;
}

FusedLeaf fusedLeafOf(QStringView name)
{
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    const QStringView leaf = name.mid(dot + 1);
    const QStringView parent = name.left(std::max<qsizetype>(dot, 0));
    if (leaf == u"q_proj" || leaf == u"k_proj" || leaf == u"v_proj")
        return { parent, Fusion::Qkv };
    if (leaf == u"gate_proj" || leaf == u"up_proj")
        return { parent, Fusion::GateUp };
    if (leaf == u"w1" || leaf == u"w3")
        return { parent, Fusion::W1W3 };
    return {};
}
} // namespace

QString FusedGroups::groupKey(const QString& opName)
{
    const FusedLeaf leaf = fusedLeafOf(opName);
    switch (leaf.fusion) {
    case Fusion::Qkv:
        return leaf.parent + QStringLiteral(".{qkv}");
    case Fusion::GateUp:
        return leaf.parent + QStringLiteral(".{gate_up}");
    case Fusion::W1W3:
        return leaf.parent + QStringLiteral(".{w1_w3}");
    case Fusion::None:
        break;
    }
    return {};
}

std::vector<int> FusedGroups::assign(const Inventory& inventory, bool fuse)
{
    std::vector<int> group(size_t(inventory.size()));
    // Views into the inventory's names: no string is built per op.
    QHash<FusedLeaf, int> byLeaf; // group + 1, so that a new entry's 0 says "new"
    FusedLeaf previous; // the last fused op's leaf and group
    int previousGroup = -1;
    int next = 0;
    for (int i = 0; i < inventory.size(); ++i) {
        const FusedLeaf leaf = fuse ? fusedLeafOf(inventory.at(i).name) : FusedLeaf {};
        if (leaf.fusion == Fusion::None) {
            group[size_t(i)] = next++;
            continue;
        }
        // Partners usually follow each other in model order (q, k, v; gate, up): no hash for those.
        if (previousGroup >= 0 && leaf == previous) {
            group[size_t(i)] = previousGroup;
            continue;
        }
        int& stored = byLeaf[leaf];
        if (stored == 0)
            stored = 1 + next++;
        group[size_t(i)] = stored - 1;
        previous = leaf;
        previousGroup = stored - 1;
    }
    return group;
}

} // namespace qc
