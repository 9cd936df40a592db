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

} // namespace sd

// Declared in their own headers, included here so that every includer of auditlog.h keeps them.
#include "auditindex.h"
#include "auditrecorder.h"
