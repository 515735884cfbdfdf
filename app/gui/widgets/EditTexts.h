#pragma once

#include <QString>

namespace qc {
class Project;
}

namespace qc::gui {

// The words of a hand edit, shared by the table's action, the status bar and the tests: forcing an op to
// INT8 against a keep rule names the rule it breaks, before and after.

// The rule (name and reason) that keeps op in higher precision, empty when none does.
QString keepingRuleText(const Project& project, int op);
// "Force INT8" for the action, with the rule it would break.
QString forceActionText(const Project& project, int op);
// What the status bar says after forcing op.
QString forceInt8Text(const Project& project, int op);

} // namespace qc::gui
