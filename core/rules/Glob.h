#pragma once

#include <QString>

namespace qc {

// Python fnmatch semantics (what ModelOpt uses): '*' matches anything, dots included; '?' one character;
// "[seq]" and "[!seq]" a character class. Returns an anchored regular expression pattern.
QString globToRegex(const QString& glob);

} // namespace qc
