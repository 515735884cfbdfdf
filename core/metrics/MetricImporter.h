#pragma once

#include "Metric.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace qc {

// Reads sensitivity rankings in every supported format; detects the format from content.
class MetricImporter
{
public:
    struct Format
    {
        QString id;
        QString description;
    };
    // inc-mse-json, inc-log, hawq-json, modelopt-autoquant, csv, json, yaml
    static const std::vector<Format>& formats();
    static bool isKnownFormat(const QString& id);

    // The format id that fits the content (the path's extension only breaks ties); empty if none fits.
    static QString detect(const QByteArray& data, const QString& path);

    // Reads a file ("-" = stdin). An empty format means detect. One Metric per score list or score column,
    // each with key, label, format, file, fileSha256, polarity and entries set; id is set to key.
    // Throws FileError (file, line, what is wrong) on any malformed input: invalid or truncated
    // JSON/YAML/CSV, a missing column, NaN or infinite scores, the same name twice with different scores,
    // an unknown format, an empty file, a file that is not text, or no scores at all.
    static std::vector<Metric> import(const QString& path, const QString& format = {});
    static std::vector<Metric> importData(const QByteArray& data, const QString& path, const QString& format = {});
};

} // namespace qc
