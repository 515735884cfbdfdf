#pragma once

#include "FileError.h"

#include <QByteArray>
#include <QString>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

namespace qc {

// The one way core reads YAML input. yaml-cpp reports with its own exceptions, some only while a parsed
// document is read (a key looked up in a scalar, a failed conversion): every one becomes a FileError that
// names the file and the line.

// Parses a document; malformed YAML (and nesting deeper than yaml-cpp allows) is a FileError.
YAML::Node parseYaml(const QByteArray& data, const QString& file);
// A yaml-cpp exception thrown while a document was read, as the project's error type.
FileError yamlError(const YAML::Exception& e, const QString& file);
// The 1-based line of a node, 0 when it has none.
int yamlLine(const YAML::Node& node);

// Counts the values a reader takes from a document. Anchors and aliases let a small file name one large list
// again and again (an "alias bomb"); a real document holds fewer values than bytes, so a reader that takes
// more has met one and stops, in time linear in the file.
class YamlBudget
{
public:
    YamlBudget(const QByteArray& data, QString file)
        : m_left(data.size())
        , m_file(std::move(file))
    { }
    void spend(const YAML::Node& at, qsizetype values = 1);

private:
    qsizetype m_left;
    QString m_file;
};

} // namespace qc
