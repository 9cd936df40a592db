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
    QString state;       // "queued", "conflict", "failed"
    bool attempted = false; // sent at least once: before sending again, look first
    QString lastError;
};

QString outboxOpName(OutboxItem::Op op);

class Outbox
{
public:
    // Opens (creates) the database; error() tells why not.
    explicit Outbox(const QString &path);
    ~Outbox();
    Outbox(const Outbox &) = delete;
    Outbox &operator=(const Outbox &) = delete;

    bool isOpen() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString path() const { return m_path; }

    // Appends in one transaction; returns the new item's ID (0 on failure, see error()).
    qint64 enqueue(const OutboxItem &item);
    bool remove(qint64 id);
    bool setState(qint64 id, const QString &state, const QString &lastError);
    bool markAttempted(qint64 id, bool attempted = true);
    // After a change went through: later changes made on the same version now build on the new
    // one (offline edits in a row must not conflict with each other).
    bool rebase(const QString &orderId, const QByteArray &oldEtag, const QByteArray &newEtag,
                const QByteArray &newJson);
    std::vector<OutboxItem> items() const;        // every item, oldest first
    std::optional<OutboxItem> nextQueued() const; // the oldest "queued" one
    int queuedCount() const;
    bool hasPendingFor(const QString &orderId) const;

private:
    QString m_path;
    QString m_connection;
    QString m_error;
};

// Sends queued items in order, one at a time; probes with backoff while the server is away.
class OutboxSender : public QObject
{
    Q_OBJECT
public:
    OutboxSender(ApiClient *client, Outbox *outbox, QObject *parent = nullptr);

    void start();  // sends now (or at once after the current item)
    bool isSending() const { return m_current.has_value(); }
    int nextProbeMs() const { return m_backoffMs; }
    // Test hook: simulate a crash after the server applied an item but before it was removed.
    void setSkipRemoveOnce(bool skip) { m_skipRemoveOnce = skip; }

Q_SIGNALS:
    void itemSent(const sd::OutboxItem &item, const std::optional<sd::Support> &result);
    void itemConflict(const sd::OutboxItem &item, const std::optional<sd::Support> &theirs);
    void itemFailed(const sd::OutboxItem &item, const sd::ApiError &error);
    void offline(int retryInMs); // the server is still away
    void drained();              // nothing queued any more

private:
    void sendNext();
    void send(const OutboxItem &item, const std::optional<Support> &fresh);
    void onSent(ApiReply *reply);
    void onPrecondition(const OutboxItem &item);
    void adoptCreated(const OutboxItem &item, bool sentBefore);
    bool matchesIntent(const OutboxItem &item, const std::optional<Support> &current) const;
    void done(const OutboxItem &item, const std::optional<Support> &result,
              const QByteArray &newEtag = {});
    void goOffline();

    QPointer<ApiClient> m_client;
    Outbox *m_outbox;
    std::optional<OutboxItem> m_current;
    QTimer m_probe;
    int m_backoffMs = 0;
    bool m_skipRemoveOnce = false;
};

} // namespace sd
