#pragma once

#include "io/ByteSink.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace qc {

// Deterministic YAML text: scalars quoted only when a plain scalar would be misread, numbers in their
// shortest round-trip form. Used by every YAML writer so the same data always gives the same bytes.
QString yamlScalar(const QString& text);
QString yamlNumber(double value);
QString yamlNumber(qint64 value);
QString yamlBool(bool value);

// The same text appended as UTF-8 to a buffer, without a QString per value: what the profile file's
// writer uses for its million-line lists.
void appendYamlScalar(ByteSink& out, QStringView text);
void appendYamlNumber(ByteSink& out, double value);
void appendYamlNumber(ByteSink& out, qint64 value);

} // namespace qc
