#pragma once

#include <QString>
#include <QStringList>

namespace qc::gui {

// The bundled Qwen2.5-VL-3B example: beside the installed executable (../share/quantcut/examples) or, from
// a build tree, in the source's resources. Empty when neither has it.
QString exampleDirectory();
// Its inventory and the two INC logs, in load order; empty when the example is not there.
QStringList exampleFiles();

} // namespace qc::gui
