// The audit trail: every change the app or supportctl sends, appended as one JSON line, each
// line carrying the SHA-256 of the previous one, so an edited, deleted or reordered entry is
// evident. Appends from several processes are serialized with a lock file.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

namespace sd {

class ApiReply;
struct Support;

struct AuditEntry
{
    qint64 seq = 0;          // 1, 2, 3, ... in file order
    QDateTime time;          // UTC
    QString user;            // profile user (OS user name, or the profile's agent ID)
    QString server;          // base URL
    QString orderId;
    QString operation;       // "create", "update", "close", "assign", "unassign"
    QByteArray before;       // JSON of the session before, when known ("" = unknown)
    QByteArray after;        // JSON of the session after, when the server sent it
    QString result;          // "ok", or the error's message
    int httpStatus = 0;
    QByteArray prevHash;     // hex SHA-256 of the previous line ("" for the first)
    QByteArray hash;         // hex SHA-256 of this entry's canonical form
};

struct AuditVerification
{
    bool intact = true;
    qint64 entries = 0;
    qint64 firstBroken = 0; // 1-based line number of the first broken entry
    QString reason;
};

// $SUPPORTDESK_AUDIT_LOG, else <data dir>/SupportDesk/audit.log (shared by app and supportctl).
QString defaultAuditLogPath();
QString currentUserName();

class AuditLog
{
public:
    explicit AuditLog(QString path = defaultAuditLogPath());
    QString path() const { return m_path; }

    // Appends one entry (seq, prevHash and hash are filled in). Returns an error message.
    QString append(AuditEntry entry);
    // Appends the outcome of a write reply. `before` is the session before, when known.
    QString record(const ApiReply &reply, const QString &user, const QString &server,
                   const std::optional<Support> &before);

    static AuditVerification verify(const QString &path);
    // All readable entries, in order (for the viewer and export).
    static std::vector<AuditEntry> read(const QString &path, QString *error = nullptr);
    // CSV; phone numbers and e-mails masked unless `unmasked`.
    static QByteArray exportCsv(const std::vector<AuditEntry> &entries, bool unmasked);

private:
    QString m_path;
};

} // namespace sd
