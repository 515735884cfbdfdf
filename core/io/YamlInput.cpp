#include "YamlInput.h"

namespace qc {

YAML::Node parseYaml(const QByteArray& data, const QString& file)
{
    try {
        return YAML::Load(data.toStdString());
    } catch (const YAML::DeepRecursion& e) {
        throw FileError(file, e.mark.is_null() ? 0 : e.mark.line + 1,
            QStringLiteral("invalid YAML: nested deeper than %1 levels").arg(e.depth()));
    } catch (const YAML::Exception& e) {
        throw FileError(file, e.mark.is_null() ? 0 : e.mark.line + 1,
            QStringLiteral("invalid YAML: %1").arg(QString::fromStdString(e.msg)));
    }
}

FileError yamlError(const YAML::Exception& e, const QString& file)
{
    return FileError(file, e.mark.is_null() ? 0 : e.mark.line + 1,
        QStringLiteral("unexpected YAML structure: %1").arg(QString::fromStdString(e.msg)));
}

int yamlLine(const YAML::Node& node)
{
    return node.Mark().is_null() ? 0 : node.Mark().line + 1;
}

void YamlBudget::spend(const YAML::Node& at, qsizetype values)
{
    m_left -= values;
    if (m_left < 0)
        throw FileError(m_file, yamlLine(at),
            QStringLiteral("aliases repeat values more often than the file has bytes (an alias bomb?)"));
}

} // namespace qc
