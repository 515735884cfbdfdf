#pragma once

#include "ExportOptions.h"

namespace qc {

class Project;

// Framework-neutral exports: the profile as JSON, every op as CSV (all profiles side by side), and a
// Markdown summary for reviews.
class TableExporter
{
public:
    static QByteArray toJson(const Project& project, int profile, const ExportOptions& options);
    static QByteArray toCsv(const Project& project);
    static QByteArray toMarkdown(const Project& project, int profile, const ExportOptions& options);
};

} // namespace qc
