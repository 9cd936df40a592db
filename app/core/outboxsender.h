// OutboxSender: sends the outbox's queued changes through an ApiClient, in order.
#pragma once

#include "apiclient.h"
#include "guardedwrite.h"
#include "outbox.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace sd {

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
    // Sends (or, CheckOnly, only checks) the item through one GuardedWrite.
    void startWrite(const OutboxItem &item, GuardedWrite::Mode mode);
    void onWritten(const WriteOutcome &outcome);
    void onFailed(const OutboxItem &item, const ApiError &error);
    void adoptCreated(const OutboxItem &item, bool sentBefore);
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
