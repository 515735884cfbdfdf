#pragma once

#include "ExportOptions.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <vector>

namespace qc {

class Project;

// Every export of a profile, by format id. Framework configs are verified before they are returned: the
// framework's own matching rule, evaluated over the inventory's runtime names (ExportOptions::naming), must
// quantize exactly the profile's ops. The table formats (json, csv, markdown) keep the inventory's names.
class ProfileExporter
{
public:
    // One export format, named once: its id drives the command line, the menus, the help and the dispatch.
    struct Format
    {
        using Write = QByteArray (*)(const Project&, int profile, const ExportOptions&);

        QString id;
        QString description;
        QString extension;
        bool frameworkConfig = false; // a config a framework applies to the runtime model (verified)
        bool offersFp8 = false;
        Write write = nullptr; // generates, and verifies a framework config
    };
    static const std::vector<Format>& formats();
    static QStringList formatIds();
    static const Format* find(const QString& id); // nullptr when unknown
    static bool isKnown(const QString& id);
    // inc2, inc3, modelopt*, llmcompressor: configs a framework applies to the runtime model.
    static bool isFrameworkConfig(const QString& id);

    // Throws std::invalid_argument for an unknown format or an option the format cannot express, and
    // ExportMismatch when verification fails.
    static QByteArray run(
        const Project& project, const QString& format, int profile, const ExportOptions& options);
};

} // namespace qc
