// A bulk run and its "Retry failed" runs as one undo step (issue 13: the whole Balance is one
// step, and Bulk > Reassign / Unassign behave the same).
#include "deskcontroller.h"

#include "undocommands.h"

#include <QUndoStack>

namespace sd::ui {

quint64 DeskController::groupUndo(const BulkRun *run, quint64 group)
{
    if (!group)
        group = ++m_lastUndoGroup;
    m_undoGroups.insert(run, group);
    return group;
}

int DeskController::pushBulkUndo(const BulkRun *run, AgentUndoCommand *command, std::function<QString(int)> textFor)
{
    command->setGroup(m_undoGroups.value(run), std::move(textFor));
    m_undo->push(command); // merged into the run's step when that is the last one done: deleted
    const auto *top = m_undo->index() > 0 ? dynamic_cast<const AgentUndoCommand *>(m_undo->command(m_undo->index() - 1)) : nullptr;
    return top ? int(top->before().size()) : 0;
}

} // namespace sd::ui
