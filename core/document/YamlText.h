#pragma once

#include <QByteArray>
#include <QString>

namespace qc {

// Deterministic YAML text: scalars quoted only when a plain scalar would be misread, numbers in their
// shortest round-trip form. Used by every YAML writer so the same data always gives the same bytes.
QString yamlScalar(const QString& text);
QString yamlNumber(double value);
QString yamlNumber(qint64 value);
QString yamlBool(bool value);

} // namespace qc
