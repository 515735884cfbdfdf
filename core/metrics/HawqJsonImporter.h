#pragma once

#include "Metric.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <vector>

namespace qc {

// "hawq-json": INC HAWQ_V2 Hessian traces as {module: trace}, or wrapped as {"hawq_v2": {module: trace}}
// (also "hawq"). Content alone cannot tell a bare map from the generic "json" map, so detection picks this
// format for a bare map only when the file name contains "hawq".
class HawqJsonImporter
{
public:
    explicit HawqJsonImporter(QString file)
        : m_file(std::move(file))
    { }
    // Whether the document is the wrapped form, or a bare map of scores and the path names HAWQ.
    static bool fits(const QJsonDocument& doc, const QString& path);
    std::vector<Metric> read(const QByteArray& text, const QJsonDocument& doc) const;

private:
    QString m_file;
};

} // namespace qc
