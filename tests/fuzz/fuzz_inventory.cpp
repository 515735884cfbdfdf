// Inventory reading: an ops CSV, one safetensors file (by extension and by content), a
// model.safetensors.index.json with its shards, and directories holding either. The input's files are
// written to a scratch directory because the readers take paths (shards are found beside the index).

#include "FuzzSupport.h"
#include "inventory/InventoryReader.h"

namespace {
enum Mode { Csv, Safetensors, ByContent, Index, IndexDirectory, SafetensorsDirectory, ModeCount };

// Up to four shards after the index, named as transformers names them.
constexpr int kMaxFiles = 5;

QString shardName(int shard, int shards)
{
    return QStringLiteral("model-%1-of-%2.safetensors")
        .arg(shard, 5, 10, QLatin1Char('0'))
        .arg(shards, 5, 10, QLatin1Char('0'));
}

void checkInventory(const qc::Inventory& inventory, bool naturalOrder)
{
    if (inventory.isEmpty())
        qc::fuzz::fail("inventory", QStringLiteral("an empty inventory instead of a refusal"));
    for (int i = 0; i < inventory.size(); ++i) {
        const qc::Op& op = inventory.at(i);
        if (op.name.isEmpty() || inventory.indexOf(op.name) != i)
            qc::fuzz::fail("inventory", QStringLiteral("op %1 has an empty or non-unique name").arg(i));
        // Checkpoint modules come sorted by natural order, which must be a strict weak ordering.
        if (naturalOrder && i > 0 && qc::InventoryReader::naturalLess(op.name, inventory.at(i - 1).name))
            qc::fuzz::fail("inventory", QStringLiteral("modules out of natural order at '%1'").arg(op.name));
    }
    (void)inventory.totalParams();
    (void)inventory.fingerprint();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const qc::fuzz::Selected input = qc::fuzz::select(qc::fuzz::bytes(data, size));
    const Mode mode = Mode(input.selector % ModeCount);
    const QString dir = qc::fuzz::Scratch::fresh();
    QString path;
    switch (mode) {
    case Csv:
    case ByContent:
        path = qc::fuzz::Scratch::write(
            mode == Csv ? QStringLiteral("ops.csv") : QStringLiteral("inventory"), input.content);
        break;
    case Safetensors:
    case SafetensorsDirectory:
        path = qc::fuzz::Scratch::write(QStringLiteral("model.safetensors"), input.content);
        if (mode == SafetensorsDirectory)
            path = dir;
        break;
    case Index:
    case IndexDirectory: {
        const std::vector<QByteArray> files = qc::fuzz::splitFiles(input.content, kMaxFiles);
        const int shards = int(files.size()) - 1;
        for (int shard = 1; shard <= shards; ++shard) {
            qc::fuzz::Scratch::write(shardName(shard, shards), files[size_t(shard)]);
        }
        path = qc::fuzz::Scratch::write(QStringLiteral("model.safetensors.index.json"), files.front());
        if (mode == IndexDirectory)
            path = dir;
        break;
    }
    case ModeCount:
        return -1;
    }
    qc::fuzz::expectClean("inventory", [&] {
        const qc::Inventory inventory = qc::InventoryReader::read(path);
        checkInventory(inventory, mode != Csv && qc::InventoryReader::isCheckpoint(path));
    });
    return 0;
}
