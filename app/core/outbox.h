// The offline outbox: changes that could not reach the server, persisted in SQLite (every
// change in a transaction, so a kill -9 at any moment leaves it whole) and sent in order when
// the server answers again.
//
// Nothing is sent twice: each change carries the ETag (or the copy) of the session it was made
// on. If a change was applied but the process died before it was taken off the list, sending it
// again meets a changed session; the sender then compares the server's session with the
// intended result and, when they match, counts the change as done instead of applying it again.
#pragma once

#include "apiclient.h"
#include "sqlitedb.h"

#include <QHash>
#include <QLockFile>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>
#include <optional>
#include <vector>

namespace sd {

struct OutboxItem
{
    qint64 id = 0;
    QString orderId;
    // The kind of change: the Operation of its request type, stored as that type's kRecordName
    // (requests.h). A stored name this version does not know reads as Operation::Fetch (never
    // a change), with the name in opName, and is not sent.
    Operation op = Operation::Update;
    QString opName;
    QByteArray payload;  // payloadOf() its request: Update the edited Support, AssignAgent the Agent, Create the body (may be empty)
    QByteArray baseEtag; // ETag of the session the change was made on (may be empty)
    QByteArray baseJson; // that session itself (for servers without ETags)
    QString state;       // "queued", "conflict" (kept until the agent decides), "failed"
    bool attempted = false; // sent at least once: before sending again, look first
    QString lastError;

    // The change as the request to send (its If-Match is set when it is sent, from the base).
    // nullopt, with the reason in `error`, when the stored payload cannot be read: a damaged row
    // is never sent as a default in its place.
    std::optional<ApiRequest> request(QString *error = nullptr) const;
    // An item holding `request` (op and payload; its If-Match is not kept). nullopt for a read.
    static std::optional<OutboxItem> forRequest(const ApiRequest &request);
};

class Outbox
{
public:
    // Where the outbox of a server profile lives (in the application's data folder).
    static QString pathFor(const QString &profileId);
    // The lock file that keeps a second SupportDesk from sending the same outbox (see below).
    static QString lockPathFor(const QString &path) { return path + QStringLiteral(".lock"); }

    // Opens (creates) the database; error() tells why not. A damaged file is moved aside and a
    // new one started: notice() says so. One process at a time: while another SupportDesk has
    // this outbox open (its lock file is held), it is not opened (both would send the oldest
    // change; without ETags it would be applied twice).
    explicit Outbox(const QString &path);
    ~Outbox();
    Outbox(const Outbox &) = delete;
    Outbox &operator=(const Outbox &) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    // Why it could not be opened, or why the last write failed.
    QString error() const { return m_error; }
    QString notice() const { return m_db.notice(); }
    // The process ID of the other SupportDesk that holds this outbox (not opened); 0 otherwise.
    qint64 heldBy() const { return m_heldBy; }
    QString path() const { return m_path; }

    // Every write is one transaction; false (0 for enqueue) when it failed: see error().
    // Appends; returns the new item's ID.
    qint64 enqueue(const OutboxItem &item);
    bool remove(qint64 id);
    bool setState(qint64 id, const QString &state, const QString &lastError);
    bool markAttempted(qint64 id, bool attempted = true);
    // After a change went through: later changes made on the same version now build on the new
    // one (offline edits in a row must not conflict with each other).
    bool rebase(const QString &orderId, const QByteArray &oldEtag, const QByteArray &newEtag,
                const QByteArray &newJson);
    // The change went through: it leaves the list and the later ones of its session are rebased
    // (as rebase()) in the same transaction, so a crash cannot leave them on the old version.
    bool complete(const OutboxItem &item, const QByteArray &newEtag, const QByteArray &newJson);
    // A conflict decided for the agent's change: queued again with `payload`, made on the
    // version the agent saw (`baseEtag`, `baseJson`).
    bool requeue(qint64 id, const QByteArray &payload, const QByteArray &baseEtag,
                 const QByteArray &baseJson);
    std::vector<OutboxItem> items() const;        // every item, oldest first
    std::optional<OutboxItem> nextQueued() const; // the oldest "queued" one
    int queuedCount() const;
    // The order IDs with a "queued" change (each once), without reading any payload: asked on
    // every change of the outbox.
    QSet<QString> queuedOrderIds() const;
    // The body of a new support request for this order that waits to be sent (queued, or in
    // conflict until decided); nullopt when none waits. What the session will have meanwhile.
    std::optional<QByteArray> waitingCreation(const QString &orderId) const;
    // A change of this session waits in the outbox (queued, or in conflict until decided).
    bool hasPendingFor(const QString &orderId) const;

private:
    bool write(const QString &error);

    QString m_path;
    QLockFile m_lock;
    mutable SqliteDb m_db;
    QString m_error;
    qint64 m_heldBy = 0;
};

} // namespace sd

// Declared in its own header, included here so that every includer of outbox.h keeps it.
#include "outboxsender.h"
