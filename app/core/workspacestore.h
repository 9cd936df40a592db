// The workspace on disk: one SQLite file per server profile, written a transaction at a time
// (WAL, synchronous=FULL), so a crash loses nothing committed and never leaves half a file.
//
// Two tables: `summary` holds what the session list shows (small rows, read in one pass at
// start-up), `detail` the full session JSON, its draft and ETag, read only for the session the
// agent opens. A third, `agent` (format 2), is the agent directory: each agent ID with the agent
// as last seen. SQLite's C API is used directly (through sqlitedb.h, as the outbox does): reading
// a million summaries through QSqlQuery's QVariants costs several times more than the list itself.
#pragma once

#include "sessiontable.h"
#include "sqlitedb.h"
#include "workspace.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace sd {

class AgentDirectory;

class WorkspaceStore
{
public:
    WorkspaceStore();
    ~WorkspaceStore();
    WorkspaceStore(const WorkspaceStore &) = delete;
    WorkspaceStore &operator=(const WorkspaceStore &) = delete;

    // Opens the store at `path`, creating it if needed. If a workspace file of the earlier JSON
    // format exists at `legacyPath`, its sessions are imported in the same transaction and the
    // file is then renamed to "<legacyPath>.imported" (kept, never deleted). Returns an error
    // message; on error the store stays closed and nothing on disk was changed.
    QString open(const QString &path, const QString &legacyPath = {});
    // What the last open() could not import from the earlier file: one message per damaged
    // line or value, naming the file and line (the file itself is kept as "*.imported").
    QStringList importProblems() const { return m_importProblems; }
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    QString path() const { return m_path; }

    // The list's summaries of every session, in the order they were first added.
    QString readSummaries(SessionTable *out) const;
    // One whole session; nullopt if it is not in the store (or cannot be read: see lastError).
    std::optional<WorkspaceEntry> get(const QString &orderId) const;
    // Adds or replaces the sessions, all in one transaction (all or none).
    QString put(const std::vector<WorkspaceEntry> &entries);
    // Takes the sessions out of the store, all in one transaction (all or none).
    QString remove(const QStringList &orderIds);
    int count() const;
    QString lastError() const { return m_lastError; }
    // The agent directory: every agent of every session put here, kept when the session is
    // removed or reassigned (a bare ID never replaces an agent's known details).
    QString readAgents(AgentDirectory *out) const;

private:
    QString fail(const char *what) const;
    QString exec(const char *sql) const;
    QString putOne(const WorkspaceEntry &entry);
    QString putAgent(const WorkspaceEntry &entry);

    mutable SqliteDb m_db;
    SqliteStatement m_getStmt;
    SqliteStatement m_putSummaryStmt;
    SqliteStatement m_putDetailStmt;
    SqliteStatement m_putAgentStmt;
    QString m_path;
    QStringList m_importProblems;
    mutable QString m_lastError;
};

} // namespace sd
