#include "../FuzzSupport.h"
#include "Seeds.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace qc::seeds {

namespace {
const QString kTarget = QStringLiteral("inventory");
// Must match fuzz_inventory.cpp's Mode.
enum Mode { Csv, Safetensors, ByContent, Index, IndexDirectory, SafetensorsDirectory };

QString shardName(int shard, int shards)
{
    return QStringLiteral("model-%1-of-%2.safetensors")
        .arg(shard, 5, 10, QLatin1Char('0'))
        .arg(shards, 5, 10, QLatin1Char('0'));
}

// An index and its shards as one fuzz input: the index, then each shard after a file separator.
QByteArray indexInput(const std::vector<std::vector<TensorSpec>>& shards)
{
    QJsonObject weightMap;
    for (size_t s = 0; s < shards.size(); ++s) {
        for (const TensorSpec& tensor : shards[s])
            weightMap.insert(tensor.name, shardName(int(s) + 1, int(shards.size())));
    }
    QByteArray input = QJsonDocument(QJsonObject { { QStringLiteral("metadata"), QJsonObject {} },
                                         { QStringLiteral("weight_map"), weightMap } })
                           .toJson();
    for (const std::vector<TensorSpec>& shard : shards)
        input += QByteArray(fuzz::kFileSeparator) + safetensorsBytes(shard);
    return input;
}

// The frameworks suite's real index of the tiny Qwen2.5-VL: its tensor names into its four shards.
std::vector<std::vector<TensorSpec>> shardsOf(const QByteArray& indexJson)
{
    std::vector<std::vector<TensorSpec>> shards;
    const QJsonObject weightMap
        = QJsonDocument::fromJson(indexJson).object().value(QLatin1String("weight_map")).toObject();
    QStringList files;
    for (auto it = weightMap.begin(); it != weightMap.end(); ++it) {
        if (!files.contains(it.value().toString()))
            files.append(it.value().toString());
    }
    files.sort();
    shards.resize(size_t(files.size()));
    for (auto it = weightMap.begin(); it != weightMap.end(); ++it) {
        const bool vector
            = it.key().contains(QLatin1String("norm")) || it.key().endsWith(QLatin1String(".bias"));
        shards[size_t(files.indexOf(it.value().toString()))].push_back(
            { it.key(), vector ? std::vector<qint64> { 4 } : std::vector<qint64> { 4, 4 } });
    }
    return shards;
}
} // namespace

void writeInventorySeeds(SeedSink& sink, const Slice& slice)
{
    sink.add(kTarget, QStringLiteral("example.ops.csv"), Csv, slice.opsCsv);
    sink.add(kTarget, QStringLiteral("example.ops.by_content"), ByContent, slice.opsCsv);
    for (const char* name : { "tests/data/cli/tiny_ops.csv", "tests/data/cli/bad/duplicate_inventory.csv",
             "tests/data/frameworks/qwen2_5_vl_tiny.ops.csv", "tests/data/frameworks/qwen3_vl_tiny.ops.csv" })
        sink.add(kTarget,
            QString::fromLatin1(name)
                .section(QLatin1Char('/'), -2)
                .replace(QLatin1Char('/'), QLatin1Char('.')),
            Csv, sink.read(QLatin1String(name)));

    const std::vector<TensorSpec> tensors = tensorsOf(slice.inventory);
    const QByteArray single = safetensorsBytes(tensors);
    sink.add(kTarget, QStringLiteral("example.safetensors"), Safetensors, single);
    sink.add(kTarget, QStringLiteral("example.safetensors.by_content"), ByContent, single);
    sink.add(kTarget, QStringLiteral("example.safetensors.directory"), SafetensorsDirectory, single);

    const size_t half = tensors.size() / 2;
    const std::vector<std::vector<TensorSpec>> two { { tensors.begin(), tensors.begin() + qsizetype(half) },
        { tensors.begin() + qsizetype(half), tensors.end() } };
    sink.add(kTarget, QStringLiteral("example.index"), Index, indexInput(two));
    sink.add(kTarget, QStringLiteral("example.index.directory"), IndexDirectory, indexInput(two));
    sink.add(kTarget, QStringLiteral("frameworks.index"), Index,
        indexInput(shardsOf(
            sink.read(QStringLiteral("tests/data/frameworks/qwen2_5_vl_tiny.safetensors.index.json")))));
}

} // namespace qc::seeds
