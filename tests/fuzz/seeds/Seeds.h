#pragma once

// The seed corpus generator's pieces: each writes one target's seeds, made from the bundled example
// (resources/examples/qwen2_5_vl_3b, cut down to a slice of the model so that one execution stays fast) and
// from the files the tests commit or build (tests/data). Nothing comes from ../shared.

#include "inventory/Inventory.h"
#include "metrics/Metric.h"

#include <QByteArray>
#include <QDir>
#include <QString>
#include <cstdint>
#include <vector>

namespace qc::seeds {

// Where the seeds go, one folder per target, and where the inputs come from.
class SeedSink
{
public:
    SeedSink(QString sourceDir, QString outputDir);
    QString source(const QString& relative) const;
    QByteArray read(const QString& relative) const;
    // Writes OUT/<target>/<name>; a selector byte first when the target reads one.
    void add(const QString& target, const QString& name, const QByteArray& content);
    void add(const QString& target, const QString& name, uint8_t selector, const QByteArray& content);
    int count() const { return m_count; }

private:
    QDir m_source;
    QDir m_output;
    int m_count = 0;
};

// The example model cut to vision block 0, the merger, language layers 0-1, the embeddings, the final norm
// and lm_head (31 ops), with the example's two rankings restricted to it.
struct Slice
{
    QByteArray opsCsv; // the example's ops.csv rows of the slice, header included
    Inventory inventory;
    std::vector<Metric> metrics; // mse_v2 (lower is more sensitive), hawq_v2 (higher)
};
Slice exampleSlice(const SeedSink& sink);
// Keeps a log's lines, dropping the op entries of layers and blocks past the first two.
QByteArray sliceLog(const QByteArray& log);
bool inSlice(const QString& opName);

// A safetensors file with these tensors (small shapes: the seeds test structure, not size) and zeroed data.
struct TensorSpec
{
    QString name;
    std::vector<qint64> shape;
};
QByteArray safetensorsBytes(const std::vector<TensorSpec>& tensors);
std::vector<TensorSpec> tensorsOf(const Inventory& inventory);

void writeMetricSeeds(SeedSink& sink, const Slice& slice);
void writeInventorySeeds(SeedSink& sink, const Slice& slice);
void writeProfileSeeds(SeedSink& sink, const Slice& slice);

} // namespace qc::seeds
