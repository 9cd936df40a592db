// The audit trail: every change the app or supportctl sends, as JSON lines, each line carrying
// the SHA-256 of the previous one, so an edited, deleted or reordered entry is evident. A write
// is recorded twice: its intent before it is sent and its outcome after, linked, so a process
// killed in between leaves "outcome unknown", never a change on the server without a trace.
// A small head file beside the log (<log>.head) holds the newest sequence number and hash, so
// entries cut off the end are evident too. Tamper-evident against accidents and casual edits,
// not against someone who rewrites both files.
#pragma once

#include "apiclient.h"

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace sd {

struct AuditEntry
{
    enum class Phase {
        Record,  // a whole change in one entry (logs before intents), or a sealed damage
        Intent,  // about to be sent
        Outcome, // what came of an intent
    };
    qint64 seq = 0;          // 1, 2, 3, ... in file order
    QDateTime time;          // UTC
    QString user;            // profile user (OS user name, or the profile's agent ID)
    QString server;          // base URL (never with credentials)
    QString orderId;
    QString operation;       // "create", "update", "close", "assign", "unassign"; "damaged-tail"
    Phase phase = Phase::Record;
    // Outcome: the seq of its intent. Intent, as read(): the seq of its outcome, 0 if none.
    qint64 link = 0;
    QByteArray before;       // JSON of the session before, when known ("" = unknown)
    QByteArray after;        // JSON of the session after, when the server sent it
    QString result;          // "ok", the error's message; as read(): "outcome unknown" for an
                             // intent without outcome
    int httpStatus = 0;
    QByteArray prevHash;     // hex SHA-256 of the previous entry ("" for the first)
    QByteArray hash;         // hex SHA-256 of this entry's canonical form
};

struct AuditVerification
{
    bool intact = true;
    qint64 entries = 0;
    qint64 firstBroken = 0;  // 1-based line number of the first broken line
    QString reason;          // names the file and line
    QStringList notes;       // damage that was sealed, writes whose outcome is unknown
    qint64 unknownOutcomes = 0;
};

// $SUPPORTDESK_AUDIT_LOG, else <data dir>/SupportDesk/audit.log (shared by app and supportctl).
QString defaultAuditLogPath();
QString currentUserName();

// The log file. Appends take an exclusive lock on the file for the write only; the chain's head
// is kept in memory between appends and read again only when another process appended.
class AuditLog
{
public:
    explicit AuditLog(QString path = defaultAuditLogPath());
    ~AuditLog();
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;
    QString path() const { return m_path; }

    // Appends `entries` in one write and one sync (seq, prevHash, hash and time are filled
    // in). A torn or unreadable end, or an end cut off, is first sealed by an entry that
    // records it. Returns an error message; on error nothing of `entries` is kept.
    QString append(std::vector<AuditEntry> &entries);
    QString append(AuditEntry entry);

    // append() in two parts, for a caller that syncs on another thread: write() returns once
    // the entries are written; `sync` then makes them durable and updates the head file.
    struct Sync
    {
        Sync() = default;
        Sync(Sync &&other) noexcept;
        Sync &operator=(Sync &&other) noexcept;
        ~Sync();
        QString run(); // any thread; once
        int fd = -1;   // a descriptor of its own
        QString headPath;
        qint64 seq = 0;
        QByteArray hash;
    };
    QString write(std::vector<AuditEntry> &entries, Sync *sync);
    // What the last append found and sealed, once ("" if nothing).
    QString takeNotice() { return std::exchange(m_notice, QString()); }

    static AuditVerification verify(const QString &path);
    // All readable entries, in order (for the viewer and export); intents are linked to their
    // outcomes. `skipped`: one message per line that is not an entry.
    static std::vector<AuditEntry> read(const QString &path, QString *error = nullptr,
                                        QStringList *skipped = nullptr);
    // CSV; phone numbers and e-mails masked unless `unmasked`.
    static QByteArray exportCsv(const std::vector<AuditEntry> &entries, bool unmasked);
    static QString headPath(const QString &logPath) { return logPath + QStringLiteral(".head"); }

private:
    QString openLocked();
    void unlock();
    QByteArray loadHead(QString *problem);

    QString m_path;
    QFile m_file;
    bool m_locked = false;
    bool m_headKnown = false;
    qint64 m_seq = 0;        // the chain's head, as of m_size
    QByteArray m_hash;
    qint64 m_size = 0;
    QString m_notice;
};

// The entries of one order, for a session's history, without reading the whole log each time:
// one pass over the log finds the lines of every order (only the order's name is looked at,
// nothing is parsed), later calls index only what was appended since, and a query parses just
// the lines of its order. A log that shrank or was replaced is indexed again.
class AuditOrderIndex
{
public:
    explicit AuditOrderIndex(QString path = defaultAuditLogPath());
    QString path() const { return m_path; }
    void setPath(const QString &path);

    // The writes recorded for `orderId`, newest first, at most `limit`: an outcome carries the
    // `before` of its intent (and its intent's seq in `link`); an intent without outcome is
    // returned as it is ("outcome unknown"); sealed damage is not an order's. Only entries of
    // `server` when it is not empty. Lines that are no entries (torn, damaged) are skipped, one
    // message each in `skipped`.
    std::vector<AuditEntry> entriesFor(const QString &orderId, const QString &server = {},
                                       int limit = 50, QStringList *skipped = nullptr,
                                       QString *error = nullptr);
    // The log's size as last indexed: unchanged means no entry was added.
    qint64 indexedSize() const { return m_indexed; }

private:
    struct Line
    {
        qint64 start;
        qint64 length; // without the newline
    };
    QString update(QFile &file);
    void reset();

    QString m_path;
    qint64 m_indexed = 0;   // bytes of whole lines looked at
    QByteArray m_tailCheck; // the last bytes indexed, to notice a replaced file
    QHash<QByteArray, std::vector<Line>> m_lines; // the order as written (JSON-escaped)
};

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
