#include "undocommands.h"

#include "mainwindow.h"

namespace sd::ui {

AgentUndoCommand::AgentUndoCommand(MainWindow *window, const QString &text,
                                   QHash<QString, std::optional<Agent>> before,
                                   std::optional<Agent> after)
    : QUndoCommand(text), m_window(window), m_before(std::move(before)), m_after(std::move(after))
{
}

void AgentUndoCommand::undo()
{
    m_window->applyAgents(m_before, text(), true);
}

void AgentUndoCommand::redo()
{
    if (std::exchange(m_done, false))
        return;
    QHash<QString, std::optional<Agent>> again;
    for (auto it = m_before.constBegin(); it != m_before.constEnd(); ++it)
        again.insert(it.key(), m_after);
    m_window->applyAgents(again, text(), false);
}

UpdateUndoCommand::UpdateUndoCommand(MainWindow *window, const QString &text, QString orderId,
                                     Support before, Support after)
    : QUndoCommand(text), m_window(window), m_orderId(std::move(orderId)),
      m_before(std::move(before)), m_after(std::move(after))
{
}

void UpdateUndoCommand::undo()
{
    m_window->applyFields(m_orderId, m_before);
}

void UpdateUndoCommand::redo()
{
    if (std::exchange(m_done, false))
        return;
    m_window->applyFields(m_orderId, m_after);
}

RemoveRowsCommand::RemoveRowsCommand(MainWindow *window, const QString &text,
                                     std::vector<WorkspaceEntry> rows)
    : QUndoCommand(text), m_window(window), m_rows(std::move(rows))
{
}

void RemoveRowsCommand::undo()
{
    m_window->restoreToWorkspace(m_rows);
}

void RemoveRowsCommand::redo()
{
    QStringList ids;
    for (const WorkspaceEntry &e : m_rows)
        ids << e.orderId;
    m_window->removeFromWorkspace(ids);
}

} // namespace sd::ui
