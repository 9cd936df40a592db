#include "undocommands.h"

#include "deskcontroller.h"

namespace sd::ui {

AgentUndoCommand::AgentUndoCommand(DeskController *desk, const QString &text,
                                   QHash<QString, std::optional<Agent>> before,
                                   std::optional<Agent> after)
    : QUndoCommand(text), m_desk(desk), m_before(std::move(before)), m_after(std::move(after))
{
}

AgentUndoCommand::AgentUndoCommand(DeskController *desk, const QString &text,
                                   QHash<QString, std::optional<Agent>> before,
                                   QHash<QString, std::optional<Agent>> after)
    : QUndoCommand(text), m_desk(desk), m_before(std::move(before)), m_afterEach(std::move(after))
{
}

void AgentUndoCommand::undo()
{
    m_desk->applyAgents(m_before, text(), true);
}

void AgentUndoCommand::redo()
{
    if (std::exchange(m_done, false))
        return;
    QHash<QString, std::optional<Agent>> again;
    for (auto it = m_before.constBegin(); it != m_before.constEnd(); ++it)
        again.insert(it.key(), m_afterEach.isEmpty() ? m_after : m_afterEach.value(it.key()));
    m_desk->applyAgents(again, text(), false);
}

void AgentUndoCommand::setGroup(quint64 group, std::function<QString(int)> textFor)
{
    m_group = group;
    m_textFor = std::move(textFor);
}

int AgentUndoCommand::id() const
{
    return m_group ? 0x5d13 : -1; // any fixed value: mergeWith compares the groups
}

bool AgentUndoCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const AgentUndoCommand *>(other);
    if (!o || !m_group || o->m_group != m_group)
        return false;
    // Each session keeps the agent it had before the first run: undo puts that back.
    const bool oneAgent = m_afterEach.isEmpty() && o->m_afterEach.isEmpty() && m_after == o->m_after;
    if (!oneAgent && m_afterEach.isEmpty())
        for (auto it = m_before.cbegin(); it != m_before.cend(); ++it)
            m_afterEach.insert(it.key(), m_after);
    for (auto it = o->m_before.cbegin(); it != o->m_before.cend(); ++it) {
        if (!m_before.contains(it.key()))
            m_before.insert(it.key(), it.value());
        if (!oneAgent)
            m_afterEach.insert(it.key(), o->m_afterEach.isEmpty() ? o->m_after : o->m_afterEach.value(it.key()));
    }
    if (m_textFor)
        setText(m_textFor(int(m_before.size())));
    return true;
}

UpdateUndoCommand::UpdateUndoCommand(DeskController *desk, const QString &text, QString orderId,
                                     Support before, Support after)
    : QUndoCommand(text), m_desk(desk), m_orderId(std::move(orderId)),
      m_before(std::move(before)), m_after(std::move(after))
{
}

void UpdateUndoCommand::undo()
{
    m_desk->applyFields(m_orderId, m_before);
}

void UpdateUndoCommand::redo()
{
    if (std::exchange(m_done, false))
        return;
    m_desk->applyFields(m_orderId, m_after);
}

RemoveRowsCommand::RemoveRowsCommand(DeskController *desk, const QString &text,
                                     std::vector<WorkspaceEntry> rows)
    : QUndoCommand(text), m_desk(desk), m_rows(std::move(rows))
{
}

void RemoveRowsCommand::undo()
{
    m_desk->restoreToWorkspace(m_rows);
}

void RemoveRowsCommand::redo()
{
    QStringList ids;
    for (const WorkspaceEntry &e : m_rows)
        ids << e.orderId;
    m_desk->removeFromWorkspace(ids);
}

} // namespace sd::ui
