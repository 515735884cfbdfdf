#pragma once

#include <QByteArray>
#include <QString>

namespace qc {

// Files users hand QuantCut that are something else: a per-op precision map without scores (ONNX / TensorRT
// tooling writes them), a Markdown report, a Hydra config. One sentence saying what the file is, or empty
// when it may well be a ranking.
QString notARanking(const QByteArray& text);

} // namespace qc
