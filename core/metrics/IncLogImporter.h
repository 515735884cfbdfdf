#pragma once

#include "Metric.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace qc {

// "inc-log": an Intel Neural Compressor 2.x tuning log (logger format "YYYY-MM-DD HH:MM:SS [LEVEL] msg").
// MSE_V2, best source first (only the best one found is used):
//   DEBUG "fallback order: {('name', 'Type'): tensor(x), ...}"  first occurrence, scores, lower = sensitive
//   DEBUG "Dump MSE order:" + lines "('name', 'Type'): x"        first block (ONNX/TF), lower = sensitive
//   DEBUG "*** ops_lst(N): [('name', 'Type'), ...]"             first occurrence, order only (ranks)
//   INFO  "*** The op ('name', 'Type') have the highest sensitivity ..."  greedy order (ranks)
// HAWQ_V2, independently: "*** op: <module>, hessian trace : <x>" (first block), higher = sensitive.
class IncLogImporter
{
public:
    explicit IncLogImporter(QString file)
        : m_file(std::move(file))
    { }
    // Whether the text has any line this importer reads.
    static bool fits(const QByteArray& text);
    std::vector<Metric> read(const QByteArray& text) const;

private:
    QString m_file;
};

} // namespace qc
