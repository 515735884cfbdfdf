#pragma once

#include "ExportOptions.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace qc {

class Project;

// Every export of a profile, by format id. Framework configs are verified before they are returned: the
// framework's own matching rule, evaluated over the inventory's runtime names (ExportOptions::naming), must
// quantize exactly the profile's ops. The table formats (json, csv, markdown) keep the inventory's names.
class ProfileExporter
{
public:
    struct Format
    {
        QString id;
        QString description;
        QString extension;
    };
    static const std::vector<Format>& formats();
    static QStringList formatIds();
    static bool isKnown(const QString& id);
    // inc2, inc3, modelopt*, llmcompressor: configs a framework applies to the runtime model.
    static bool isFrameworkConfig(const QString& id);

    // Throws std::invalid_argument for an unknown format or an option the format cannot express, and
    // ExportMismatch when verification fails.
    static QByteArray run(
        const Project& project, const QString& format, int profile, const ExportOptions& options);
};

} // namespace qc
