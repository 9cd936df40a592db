// AuditRecorder: the WriteJournal that records an ApiClient's writes in the audit log.
#pragma once

#include "apiclient.h"
#include "auditlog.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace sd {

// Records every write an ApiClient sends: the intent, on disk, before the request leaves; the
// outcome after, in batches (every 100 entries or 100 ms, or at once when no write is in
// flight); the reply's finished() waits until its outcome is on disk. Syncing runs on a thread
// of its own: outcomes, and the intents a bulk run reserves ahead, are synced while the event
// loop (and the requests in flight) go on. A single write not reserved does block: its
// writeStarting() waits on the calling thread until its intent is synced (at most a minute).
class AuditRecorder : public QObject, public WriteJournal
{
    Q_OBJECT
public:
    explicit AuditRecorder(const QString &path = defaultAuditLogPath(), QObject *parent = nullptr);
    ~AuditRecorder() override;

    void attach(ApiClient *client);
    void setUser(const QString &user) { m_user = user; }
    QString user() const { return m_user; }
    // The server its entries name (the attached client's, without credentials).
    QString server() const;
    // The session as known before a write (the app's workspace); else only what the client read.
    void setBeforeLookup(std::function<std::optional<Support>(const QString &orderId)> lookup);
    QString path() const { return m_log.path(); }

    // A bulk run: the intents of the next writes, written in one batch ahead of them. A write
    // of the same operation and order then uses its intent (once it is on disk).
    QString reserve(Operation operation, const QStringList &orderIds);
    // Intents reserved and never used are closed as "not sent".
    void unreserve(Operation operation, const QStringList &orderIds);

    QString writeStarting(const ApiClient &client, const ApiReply &reply, qint64 *id) override;
    void writeFinished(const ApiReply &reply, qint64 id, std::function<void()> report) override;

Q_SIGNALS:
    // The trail could not be written, or damage was found and sealed.
    void problem(const QString &message);

private:
    AuditEntry intentFor(Operation operation, const QString &orderId, const QString &server,
                         const std::optional<Support> &before) const;
    // Writes `entries` and queues their sync; the batch's number, 0 when it was not written.
    qint64 write(std::vector<AuditEntry> &entries, QString *problem);
    QString waitUntilSynced(qint64 batch);
    // Queues the outcome "not sent" of the intent `intent`.
    void notSent(Operation operation, const QString &orderId, const QString &server, qint64 intent);
    void onSynced(qint64 batch, const QString &problem);
    void flush();
    void scheduleFlush();

    AuditLog m_log;
    QString m_user;
    QPointer<ApiClient> m_client;
    std::function<std::optional<Support>(const QString &)> m_lookup;
    std::vector<AuditEntry> m_pending;                // outcomes not yet written
    std::vector<std::function<void()>> m_unwritten;   // their replies' finished()
    std::vector<std::pair<qint64, std::function<void()>>> m_unsynced; // batch, finished()
    QHash<QPair<int, QString>, QList<QPair<qint64, qint64>>> m_reserved; // intent seq, batch
    QList<QPointer<ApiReply>> m_writing;             // journaled writes in flight
    QTimer m_flushTimer;
    qint64 m_lastBatch = 0;
    // Shared with the sync thread.
    std::mutex m_mutex;
    std::condition_variable m_syncedChanged;
    qint64 m_syncedBatch = 0;
    QHash<qint64, QString> m_failedBatches;
    qint64 m_stalledBatch = 0; // the last batch whose sync took more than a minute
    QThreadPool m_syncer; // last: finished before the rest goes
};

} // namespace sd
