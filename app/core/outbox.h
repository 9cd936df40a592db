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
#include <QString>
#include <QTimer>
#include <optional>
#include <vector>

namespace sd {

struct OutboxItem
{
    enum class Op { Update, Assign, Unassign, Close, Create };
    qint64 id = 0;
    QString orderId;
    Op op = Op::Update;
    QByteArray payload;  // Update: the whole edited Support; Assign: the Agent; Create: the body (may be empty)
    QByteArray baseEtag; // ETag of the session the change was made on (may be empty)
    QByteArray baseJson; // that session itself (for servers without ETags)
    QString state;       // "queued", "conflict" (kept until the agent decides), "failed"
    bool attempted = false; // sent at least once: before sending again, look first
    QString lastError;
};

QString outboxOpName(OutboxItem::Op op);

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
    // A change of this session waits in the outbox (queued, or in conflict until decided).
    bool hasPendingFor(const QString &orderId) const;

private:
    bool write(const QString &error);

    QString m_path;
    QLockFile m_lock;
    mutable SqliteDb m_db;
    QString m_error;
};

// Sends queued items in order, one at a time; probes with backoff while the server is away.
class OutboxSender : public QObject
{
    Q_OBJECT
public:
    OutboxSender(ApiClient *client, Outbox *outbox, QObject *parent = nullptr);

    // Sends now (or at once after the current item). After storeFailed() it tries again; while
    // paused for authentication it waits for another token (set on the client).
    void start();
    bool isSending() const { return m_current.has_value(); }
    bool isPausedForAuth() const { return m_authPaused; }
    int nextProbeMs() const { return m_backoffMs; }

    // The agent decided an item reported by itemConflict(). Keep mine: it is sent again (with
    // `payload` instead of its own, if given), now made on the version the conflict showed.
    // Take theirs: it leaves the outbox.
    void keepMine(const sd::OutboxItem &item, const QByteArray &payload = {});
    void takeTheirs(const sd::OutboxItem &item);

Q_SIGNALS:
    void itemSent(const sd::OutboxItem &item, const std::optional<sd::Support> &result);
    // The session changed since the item was made (theirs: what it is now; nullopt: it was
    // closed). The item stays in the outbox, not sent again, until keepMine() or takeTheirs(),
    // also across a restart (a new sender reports it again).
    void itemConflict(const sd::OutboxItem &item, const std::optional<sd::Support> &theirs);
    void itemFailed(const sd::OutboxItem &item, const sd::ApiError &error);
    void offline(int retryInMs); // the server is still away
    void drained();              // nothing queued any more
    // The server refused the token (401/403): nothing is sent until the client's token changes.
    void authRequired(const sd::ApiError &error);
    // The outbox could not be written (full disk, locked file): the sender stopped; start()
    // tries again.
    void storeFailed(const QString &message);

private:
    void sendNext();
    bool reportConflictAgain();
    void readFirst(const OutboxItem &item, bool reporting);
    void send(const OutboxItem &item, const QByteArray &ifMatch);
    void onSent(ApiReply *reply);
    void onPrecondition(const OutboxItem &item);
    void adoptCreated(const OutboxItem &item, bool sentBefore);
    bool matchesIntent(const OutboxItem &item, const std::optional<Support> &current) const;
    void done(const OutboxItem &item, const std::optional<Support> &result,
              const QByteArray &newEtag = {});
    void conflict(const OutboxItem &item, const std::optional<Support> &theirs,
                  const QByteArray &theirEtag);
    void fail(const OutboxItem &item, const ApiError &error);
    bool stored(bool ok);
    void goOffline();
    void onConfigChanged();

    QPointer<ApiClient> m_client;
    Outbox *m_outbox;
    std::optional<OutboxItem> m_current;
    QTimer m_probe;
    int m_backoffMs = 0;
    bool m_stopped = false;    // the outbox could not be written
    bool m_authPaused = false; // refused with this token
    QString m_refusedToken;
    // Conflicts reported by this sender, with the version they showed (the base of keep mine).
    QHash<qint64, QPair<QByteArray, QByteArray>> m_conflicts;
};

} // namespace sd
