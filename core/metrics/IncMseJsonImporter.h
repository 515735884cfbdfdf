#pragma once

#include "Metric.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <vector>

namespace qc {

// "inc-mse-json": a dump of INC MSE_V2 scores, {meta, fp32_fallback_sensitivity: [{op_name, op_type, mse}],
// int8_requant_sensitivity: [...]}. Each non-empty list is one metric.
class IncMseJsonImporter
{
public:
    explicit IncMseJsonImporter(QString file)
        : m_file(std::move(file))
    { }
    static bool fits(const QJsonDocument& doc);
    std::vector<Metric> read(const QByteArray& text, const QJsonDocument& doc) const;

private:
    void readList(const QByteArray& text, const QJsonObject& root, const char* listKey, Metric metric,
        std::vector<Metric>& out) const;

    QString m_file;
};

} // namespace qc
