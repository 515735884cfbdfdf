#pragma once

namespace qc::gui {

// QUndoCommand::id() values; commands with the same id may merge (one undo step per drag).
enum CommandId {
    SetCutCommandId = 1,
};

} // namespace qc::gui
