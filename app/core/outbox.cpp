#include "outbox.h"

#include "privatefile.h"

#include <QCoreApplication>
#include <QStandardPaths>

#include <sqlite3.h>

#include <algorithm>

#include <nlohmann/json.hpp>

namespace sd {

namespace {

OutboxItem fromRow(const SqliteStatement &q)
{
    OutboxItem item;
    item.id = q.int64(0);
    item.orderId = q.string(1);
    // The column holds the request type's kRecordName (the same names since the first outbox).
    // One this version does not know reads as a Fetch, which no change is: request() refuses it.
    item.opName = q.string(2);
    item.op = writeRecordedAs(item.opName).value_or(Operation::Fetch);
    item.payload = q.blob(3);
    item.baseEtag = q.blob(4);
    item.baseJson = q.blob(5);
    item.state = q.string(6);
    item.lastError = q.string(7);
    item.attempted = q.int64(8) != 0;
    return item;
}

#define OUTBOX_COLUMNS "id, order_id, op, payload, base_etag, base_json, state, last_error, attempted"

// Version 1 is the table the QtSql outbox wrote (user_version 0): the same table, now versioned.
constexpr int kSchemaVersion = 1;

QString tr(const char *text)
{
    return QCoreApplication::translate("sd::Outbox", text);
}

} // namespace

std::optional<ApiRequest> OutboxItem::request(QString *error) const
{
    if (!isWrite(op)) {
        if (error)
            *error = QCoreApplication::translate("sd::Outbox", "\"%1\" is not a kind of change this version can send")
                         .arg(opName.left(100));
        return std::nullopt;
    }
    return requestFromPayload(op, orderId, std::string_view(payload.constData(), size_t(payload.size())), error);
}

std::optional<OutboxItem> OutboxItem::forRequest(const ApiRequest &request)
{
    if (!isWrite(request))
        return std::nullopt; // a read is never queued
    OutboxItem item;
    item.orderId = orderIdOf(request);
    item.op = operationOf(request);
    item.opName = QString::fromLatin1(recordNameOf(item.op));
    item.payload = payloadOf(request);
    return item;
}

QString Outbox::pathFor(const QString &profileId)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/outbox/")
         + profileId + QStringLiteral(".sqlite");
}

Outbox::Outbox(const QString &path) : m_path(path), m_lock(lockPathFor(path))
{
    m_lock.setStaleLockTime(0); // held as long as its process runs (a dead one's lock is stale)
    // (Creates a missing folder 0700 and the file 0600, for the lock file beside it.)
    if (const QString problem = preparePrivateFile(path); !problem.isEmpty()) {
        m_error = problem;
        return;
    }
    if (!m_lock.tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        m_lock.getLockInfo(&pid, &host, &app);
        if (m_lock.error() == QLockFile::LockFailedError)
            m_heldBy = std::max<qint64>(pid, 1); // held, even when its lock info is unreadable
        m_error = m_lock.error() == QLockFile::LockFailedError
                      ? tr("The offline outbox %1 is in use by another SupportDesk (process %2).").arg(path).arg(pid)
                      : tr("The offline outbox %1 cannot be locked.").arg(path);
        return;
    }
    // Whole sessions with callback phones: private like the workspace (see sqlitedb.h).
    m_error = m_db.open(path, tr("the offline outbox"), SqliteDb::OnDamage::MoveAside);
    int version = 0;
    if (m_error.isEmpty())
        m_error = m_db.checkVersion(kSchemaVersion, &version);
    if (m_error.isEmpty() && version < kSchemaVersion) {
        SqliteTransaction t(m_db);
        m_error = t.error();
        if (m_error.isEmpty())
            m_error = m_db.exec(
                "CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " order_id TEXT NOT NULL, op TEXT NOT NULL, payload BLOB, base_etag BLOB,"
                " base_json BLOB, state TEXT NOT NULL DEFAULT 'queued', last_error TEXT, attempted INTEGER NOT NULL DEFAULT 0,"
                " created TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)");
        if (m_error.isEmpty())
            m_error = m_db.setUserVersion(kSchemaVersion);
        if (m_error.isEmpty())
            m_error = t.commit();
    }
    if (!m_error.isEmpty()) {
        m_error = tr("Cannot use %1: %2").arg(path, m_error);
        m_db.close();
    }
}

Outbox::~Outbox() = default;

bool Outbox::write(const QString &error)
{
    if (error.isEmpty())
        return true;
    m_error = tr("The offline outbox %1 cannot be written: %2").arg(m_path, error);
    return false;
}

qint64 Outbox::enqueue(const OutboxItem &item)
{
    SqliteStatement q;
    if (!write(m_db.prepare("INSERT INTO outbox (order_id, op, payload, base_etag, base_json, state)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, 'queued')", &q)))
        return 0;
    q.bindText(1, item.orderId, false);
    q.bindText(2, QString::fromLatin1(recordNameOf(item.op)), false);
    q.bindBlob(3, item.payload);
    q.bindBlob(4, item.baseEtag);
    q.bindBlob(5, item.baseJson);
    if (!write(q.run("enqueue"))) // one statement: a transaction of its own
        return 0;
    return m_db.lastInsertRowId();
}

bool Outbox::remove(qint64 id)
{
    SqliteStatement q;
    if (!write(m_db.prepare("DELETE FROM outbox WHERE id = ?1", &q)))
        return false;
    q.bindInt64(1, id);
    return write(q.run("remove"));
}

bool Outbox::setState(qint64 id, const QString &state, const QString &lastError)
{
    SqliteStatement q;
    if (!write(m_db.prepare("UPDATE outbox SET state = ?1, last_error = ?2 WHERE id = ?3", &q)))
        return false;
    q.bindText(1, state, false);
    q.bindText(2, lastError);
    q.bindInt64(3, id);
    return write(q.run("state"));
}

bool Outbox::markAttempted(qint64 id, bool attempted)
{
    SqliteStatement q;
    if (!write(m_db.prepare("UPDATE outbox SET attempted = ?1 WHERE id = ?2", &q)))
        return false;
    q.bindInt64(1, attempted ? 1 : 0);
    q.bindInt64(2, id);
    return write(q.run("attempted"));
}

bool Outbox::rebase(const QString &orderId, const QByteArray &oldEtag, const QByteArray &newEtag,
                    const QByteArray &newJson)
{
    SqliteStatement q;
    if (!write(m_db.prepare("UPDATE outbox SET base_etag = ?1, base_json = ?2 WHERE order_id = ?3"
                            " AND state = 'queued' AND base_etag = ?4", &q)))
        return false;
    q.bindBlob(1, newEtag);
    q.bindBlob(2, newJson);
    q.bindText(3, orderId, false);
    q.bindBlob(4, oldEtag);
    return write(q.run("rebase"));
}

bool Outbox::complete(const OutboxItem &item, const QByteArray &newEtag, const QByteArray &newJson)
{
    SqliteTransaction t(m_db);
    if (!write(t.error()) || !remove(item.id))
        return false;
    // Later changes made on the version this one was made on (same ETag, or without ETags the
    // same copy) now build on the version it produced.
    if (!newJson.isEmpty() || !newEtag.isEmpty()) {
        SqliteStatement q;
        if (!write(m_db.prepare("UPDATE outbox SET base_etag = ?1, base_json = ?2 WHERE order_id = ?3"
                                " AND state = 'queued' AND op != ?6 AND coalesce(base_etag, x'') = ?4"
                                " AND (length(?4) > 0 OR coalesce(base_json, x'') = ?5)", &q)))
            return false;
        q.bindBlob(1, newEtag);
        q.bindBlob(2, newJson);
        q.bindText(3, item.orderId, false);
        q.bindBlob(4, item.baseEtag);
        q.bindBlob(5, item.baseJson);
        q.bindText(6, QString::fromLatin1(recordNameOf(Operation::Create)), false);
        if (!write(q.run("rebase")))
            return false;
    }
    return write(t.commit());
}

bool Outbox::requeue(qint64 id, const QByteArray &payload, const QByteArray &baseEtag,
                     const QByteArray &baseJson)
{
    SqliteStatement q;
    if (!write(m_db.prepare("UPDATE outbox SET payload = ?1, base_etag = ?2, base_json = ?3,"
                            " state = 'queued', last_error = NULL, attempted = 0 WHERE id = ?4", &q)))
        return false;
    q.bindBlob(1, payload);
    q.bindBlob(2, baseEtag);
    q.bindBlob(3, baseJson);
    q.bindInt64(4, id);
    return write(q.run("requeue"));
}

std::vector<OutboxItem> Outbox::items() const
{
    std::vector<OutboxItem> out;
    SqliteStatement q;
    if (!m_db.prepare("SELECT " OUTBOX_COLUMNS " FROM outbox ORDER BY id", &q).isEmpty())
        return out;
    while (q.step() == SQLITE_ROW)
        out.push_back(fromRow(q));
    return out;
}

std::optional<OutboxItem> Outbox::nextQueued() const
{
    SqliteStatement q;
    if (!m_db.prepare("SELECT " OUTBOX_COLUMNS " FROM outbox WHERE state = 'queued' ORDER BY id LIMIT 1", &q).isEmpty()
        || q.step() != SQLITE_ROW)
        return std::nullopt;
    return fromRow(q);
}

int Outbox::queuedCount() const
{
    SqliteStatement q;
    if (!m_db.prepare("SELECT count(*) FROM outbox WHERE state = 'queued'", &q).isEmpty()
        || q.step() != SQLITE_ROW)
        return 0;
    return q.int32(0);
}

QSet<QString> Outbox::queuedOrderIds() const
{
    QSet<QString> ids;
    SqliteStatement q;
    if (!m_db.prepare("SELECT DISTINCT order_id FROM outbox WHERE state = 'queued'", &q).isEmpty())
        return ids;
    while (q.step() == SQLITE_ROW)
        ids.insert(q.string(0));
    return ids;
}

std::optional<QByteArray> Outbox::waitingCreation(const QString &orderId) const
{
    SqliteStatement q;
    if (!m_db.prepare("SELECT payload FROM outbox WHERE order_id = ?1 AND op = ?2"
                      " AND state IN ('queued', 'conflict') ORDER BY id LIMIT 1", &q).isEmpty())
        return std::nullopt;
    q.bindText(1, orderId, false);
    q.bindText(2, QString::fromLatin1(recordNameOf(Operation::Create)), false);
    if (q.step() != SQLITE_ROW)
        return std::nullopt;
    return q.blob(0);
}

bool Outbox::hasPendingFor(const QString &orderId) const
{
    SqliteStatement q;
    if (!m_db.prepare("SELECT 1 FROM outbox WHERE order_id = ?1 AND state IN ('queued', 'conflict') LIMIT 1", &q).isEmpty())
        return false;
    q.bindText(1, orderId, false);
    return q.step() == SQLITE_ROW;
}

} // namespace sd
