// The agent's workspace: the order IDs opened, created or imported, with their last known
// state and unsaved drafts. It is kept in a WorkspaceStore (SQLite); the JSON file format
// below is the one of earlier versions, read once to import it (and written by tests).
#pragma once

#include "models.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>
#include <string_view>
#include <vector>

namespace sd {

enum class SessionState { Unknown, Open, Closed, NotFound, Error };

struct WorkspaceEntry
{
    QString orderId;
    SessionState state = SessionState::Unknown;
    std::optional<Support> support; // last copy the server sent
    QByteArray etag;
    QDateTime lastSeen;   // when the server last answered for it
    QDateTime lastChange; // when its content last differed from the copy before
    QString lastError;
    std::optional<Support> draft; // an edit not yet saved on the server
};

QString sessionStateName(SessionState state); // translated
QString sessionStateKey(SessionState state);  // as stored and exported: "open", "not_found"…
SessionState sessionStateFromKey(std::string_view key); // Unknown for anything else

struct WorkspaceFile
{
    std::vector<WorkspaceEntry> entries;
    QStringList problems;
};

// The earlier JSON format. Reads `path`; a missing file is an empty workspace. On error returns a message and leaves
// `out` untouched (the caller keeps the file for the user, nothing is overwritten).
QString loadWorkspace(const QString &path, WorkspaceFile *out);
// Writes atomically (QSaveFile): the old file stays whole until the new one is complete.
QString saveWorkspace(const QString &path, const WorkspaceFile &workspace);

// Order IDs from text: one per line, or the first column of a CSV (header "order_id" skipped,
// quotes understood). Blank lines and duplicates are dropped; order is kept.
QStringList parseOrderIdList(const QString &text);

} // namespace sd
