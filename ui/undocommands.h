// Undo entries: each puts the previous server state back (and redo the new one), through the
// same API calls as the change itself. Closing a session cannot be undone and has no entry.
#pragma once

#include "models.h"
#include "workspace.h"

#include <QHash>
#include <QUndoCommand>
#include <functional>
#include <optional>

namespace sd::ui {

class DeskController;

class AgentUndoCommand : public QUndoCommand
{
public:
    // `before`: per order, the agent it had (nullopt: none). `after`: the agent now (or none).
    AgentUndoCommand(DeskController *desk, const QString &text,
                     QHash<QString, std::optional<Agent>> before, std::optional<Agent> after);
    // Each session to an agent of its own (a Balance).
    AgentUndoCommand(DeskController *desk, const QString &text,
                     QHash<QString, std::optional<Agent>> before, QHash<QString, std::optional<Agent>> after);
    void undo() override;
    void redo() override;
    const QHash<QString, std::optional<Agent>> &before() const { return m_before; }
    QStringList orderIds() const { return m_before.keys(); }
    // A bulk run and the runs that retry its failed sessions are one step: commands of the same
    // non-zero group merge while the first is the last step done (QUndoStack::push), and
    // `textFor` names the merged step by its number of sessions.
    void setGroup(quint64 group, std::function<QString(int sessions)> textFor);
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    DeskController *m_desk;
    quint64 m_group = 0;
    std::function<QString(int)> m_textFor;
    QHash<QString, std::optional<Agent>> m_before;
    std::optional<Agent> m_after;
    QHash<QString, std::optional<Agent>> m_afterEach; // non-empty: per session instead of m_after
    bool m_done = true; // pushed after the change succeeded: the first redo() is a no-op
};

class UpdateUndoCommand : public QUndoCommand
{
public:
    UpdateUndoCommand(DeskController *desk, const QString &text, QString orderId, Support before,
                      Support after);
    void undo() override;
    void redo() override;
    QStringList orderIds() const { return {m_orderId}; }

private:
    DeskController *m_desk;
    QString m_orderId;
    Support m_before, m_after;
    bool m_done = true;
};

// Rows taken out of the workspace (the list and its store; nothing on the server): undo puts
// them back as they were, drafts included.
class RemoveRowsCommand : public QUndoCommand
{
public:
    RemoveRowsCommand(DeskController *desk, const QString &text, std::vector<WorkspaceEntry> rows);
    void undo() override;
    void redo() override;

private:
    DeskController *m_desk;
    std::vector<WorkspaceEntry> m_rows;
};

} // namespace sd::ui
