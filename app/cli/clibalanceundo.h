// The undo of `supportctl balance` (issue 13): every real run keeps what it moved in an undo
// file; `balance --undo FILE` moves each session back that still is where the run put it.
#pragma once

#include "apiclient.h"
#include "jsonlimits.h"
#include "models.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace sd {
class AuditRecorder;
}

namespace sd::cli {

struct UndoMove
{
    QString orderId;
    std::optional<Agent> from; // nullopt: it was unassigned
    Agent to;
};

struct UndoRecord
{
    QString server;       // the base URL, without user info (never a token)
    QDateTime balancedAt; // UTC
    // false: written before the moves were sent (the run was interrupted): every planned move,
    // some perhaps never made (the undo finds those where they were and leaves them).
    bool complete = false;
    QList<UndoMove> moves;
};

// Bounds of an undo file, read as untrusted input. A run checks its record against them before
// it sends anything, so every file it writes can be read back. An agent is kept as the server
// gave it (nested up to kMaxJsonDepth), three levels down in the file (document, moves, move).
inline constexpr qint64 kMaxUndoFileBytes = qint64(32) << 20;
inline constexpr int kMaxUndoMoves = 200'000;
inline constexpr int kMaxUndoJsonDepth = kMaxJsonDepth + 3;

// How the server is named in an undo file and compared with the configured one.
QString undoServerName(const QUrl &baseUrl);
// The file a run keeps its undo in when no --undo-file is given: balance-undo/ beside the
// audit trail (0700), named by the time and the process ID. Empty and `problem` set when the
// folder cannot be made.
QString defaultUndoPath(QString *problem);
// Written atomically, 0600, compact. Empty on success, else the problem; also (nothing written)
// when readUndoFile() would refuse the record: too many moves, too large, nested too deep.
QString writeUndoFile(const QString &path, const UndoRecord &record);
// Reads and checks every member; false and `problem` (naming the file) when it is not a
// usable undo file.
bool readUndoFile(const QString &path, UndoRecord *record, QString *problem);
// `path` quoted for a POSIX shell where needed.
QString shellQuoted(const QString &path);

struct UndoArgs
{
    QString file;
    bool json = false;
    bool dryRun = false;
    int concurrency = 6;
    ClientConfig config;
};

int runBalanceUndo(ApiClient &client, AuditRecorder &audit, const UndoArgs &args);

} // namespace sd::cli
