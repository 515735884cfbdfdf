#pragma once

#include "Inventory.h"
#include "OpClassifier.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace qc {

// Builds an Inventory from what a user has at hand: an ops CSV, a safetensors checkpoint, or only rankings.
// Every failure is a FileError naming the file and, for text, the line.
class InventoryReader
{
public:
    // A CSV inventory, one *.safetensors file, a model.safetensors.index.json (reads the shard headers beside
    // it), or a directory holding either. Detects which by content/extension. Source = the path.
    static Inventory read(const QString& path, const OpClassifier& classifier = OpClassifier::defaults());
    // Whether a path is a checkpoint (a directory, a *.safetensors file, a *.safetensors.index.json) rather
    // than a text file whose content decides what it is.
    static bool isCheckpoint(const QString& path);
    // The files reading `path` reads: the file a directory resolves to, an index with its shards. Never
    // throws (what cannot be resolved is left out): commands refuse to write over any of them.
    static QStringList inputFiles(const QString& path);

    // Column `name` (aliases op, op_name, module) is required; op_type/type, layer_index/layer, component and
    // params are optional. A missing or blank component or layer comes from the classifier.
    static Inventory readCsv(const QByteArray& data, const QString& file, const OpClassifier& classifier);

    // One *.safetensors file or a model.safetensors.index.json with its shards. Reads only the JSON headers,
    // never tensor data. Parameters fold into their modules (`x.weight` + `x.bias` -> `x`); modules come in
    // natural name order (layers.2 before layers.10), since a header's key order carries no meaning.
    // Tied weights absent from the checkpoint (e.g. Qwen's lm_head) are absent from the inventory too.
    static Inventory readSafetensors(const QString& path, const OpClassifier& classifier);

    // Without an inventory, the union of ranked names serves: ops in first-seen order, op type when given,
    // component/layer from the classifier. Source = "rankings".
    static Inventory fromNames(
        const std::vector<std::pair<QString, QString>>& namesAndTypes, const OpClassifier& classifier);

    // The op type a module's weight shape implies (rank of `weight`, whether a bias exists, the name).
    static QString opTypeFromWeight(const QString& module, int weightRank, bool hasBias);
    // Name order with digit runs compared as numbers: "layers.2" < "layers.10". A strict weak ordering.
    static bool naturalLess(const QString& a, const QString& b);
};

} // namespace qc
