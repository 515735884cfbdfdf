#pragma once

#include "Metric.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <vector>

namespace qc {

// "modelopt-autoquant-manifest": the manifest of a ModelOpt AutoQuantize run (see AutoQuantManifest). One
// metric per quantized candidate format, in order of first appearance: each group's score and cost for that
// format; groups whose only candidate is NONE are entries with candidate = false. Group leaders expand to
// their members as in the report (ModelOptAutoQuantImporter), and op types come from `layers`.
class ModelOptManifestImporter
{
public:
    explicit ModelOptManifestImporter(QString file)
        : m_file(std::move(file))
    { }
    std::vector<Metric> read(const QByteArray& text, const QJsonDocument& doc) const;

private:
    QString m_file;
};

} // namespace qc
