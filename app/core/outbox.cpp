#include "outbox.h"

#include "privatefile.h"

#include <QCoreApplication>
#include <QStandardPaths>

#include <sqlite3.h>

#include <nlohmann/json.hpp>

namespace sd {

namespace {

const char *opKey(OutboxItem::Op op)
{
    switch (op) {
    case OutboxItem::Op::Update: return "update";
    case OutboxItem::Op::Assign: return "assign";
    case OutboxItem::Op::Unassign: return "unassign";
    case OutboxItem::Op::Close: return "close";
    case OutboxItem::Op::Create: return "create";
    }
    return "update";
}

OutboxItem::Op opFromKey(const QString &k)
{
    if (k == QLatin1String("assign"))
        return OutboxItem::Op::Assign;
    if (k == QLatin1String("unassign"))
        return OutboxItem::Op::Unassign;
    if (k == QLatin1String("close"))
        return OutboxItem::Op::Close;
    if (k == QLatin1String("create"))
        return OutboxItem::Op::Create;
    return OutboxItem::Op::Update;
}

OutboxItem fromRow(const SqliteStatement &q)
{
    OutboxItem item;
    item.id = q.int64(0);
    item.orderId = q.string(1);
    item.op = opFromKey(q.string(2));
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

QString outboxOpName(OutboxItem::Op op)
{
    return QString::fromLatin1(opKey(op));
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
    q.bindText(2, QString::fromLatin1(opKey(item.op)), false);
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
                                " AND state = 'queued' AND op != 'create' AND coalesce(base_etag, x'') = ?4"
                                " AND (length(?4) > 0 OR coalesce(base_json, x'') = ?5)", &q)))
            return false;
        q.bindBlob(1, newEtag);
        q.bindBlob(2, newJson);
        q.bindText(3, item.orderId, false);
        q.bindBlob(4, item.baseEtag);
        q.bindBlob(5, item.baseJson);
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

bool Outbox::hasPendingFor(const QString &orderId) const
{
    SqliteStatement q;
    if (!m_db.prepare("SELECT 1 FROM outbox WHERE order_id = ?1 AND state IN ('queued', 'conflict') LIMIT 1", &q).isEmpty())
        return false;
    q.bindText(1, orderId, false);
    return q.step() == SQLITE_ROW;
}

// ---- OutboxSender -----------------------------------------------------------------------------

OutboxSender::OutboxSender(ApiClient *client, Outbox *outbox, QObject *parent)
    : QObject(parent), m_client(client), m_outbox(outbox)
{
    m_probe.setSingleShot(true);
    connect(&m_probe, &QTimer::timeout, this, &OutboxSender::sendNext);
    if (client)
        connect(client, &ApiClient::configChanged, this, &OutboxSender::onConfigChanged);
}

void OutboxSender::start()
{
    if (m_current)
        return;
    if (m_authPaused && m_client && m_client->config().token == m_refusedToken)
        return; // the same token would be refused again
    m_authPaused = false;
    m_stopped = false;
    m_probe.stop();
    sendNext();
}

void OutboxSender::onConfigChanged()
{
    if (m_authPaused && m_client && m_client->config().token != m_refusedToken)
        start();
}

bool OutboxSender::stored(bool ok)
{
    if (ok)
        return true;
    // Going on would send changes whose outcome cannot be recorded (the same one again and
    // again): stop until asked to start again.
    m_stopped = true;
    m_current.reset();
    m_probe.stop();
    Q_EMIT storeFailed(m_outbox->error());
    return false;
}

void OutboxSender::sendNext()
{
    if (m_current || !m_client || m_stopped || m_authPaused)
        return;
    if (reportConflictAgain())
        return;
    const std::optional<OutboxItem> item = m_outbox->nextQueued();
    if (!item) {
        m_backoffMs = 0;
        Q_EMIT drained();
        return;
    }
    m_current = item;
    if (item->op == OutboxItem::Op::Create && item->attempted) {
        adoptCreated(*item, true); // a POST is never sent twice (SEMANTICS.md)
        return;
    }
    // Sent before (the process may have died before taking it off the list), or made on a copy
    // we still have: read the session first. Already as intended: done, without sending it again.
    // Not the session the change was made on (changed, or closed and opened again: a server may
    // count versions per session, so an equal ETag proves nothing): a conflict.
    if (item->attempted || !item->baseJson.isEmpty()) {
        readFirst(*item, false);
        return;
    }
    send(*item, item->baseEtag);
}

// A conflict left from an earlier run (or sender) is shown again, once, with the session as it
// is now; it is not sent until the agent decides.
bool OutboxSender::reportConflictAgain()
{
    for (const OutboxItem &item : m_outbox->items()) {
        if (item.state != QLatin1String("conflict") || m_conflicts.contains(item.id))
            continue;
        m_current = item;
        readFirst(item, true);
        return true;
    }
    return false;
}

void OutboxSender::readFirst(const OutboxItem &item, bool reporting)
{
    SupportReply *read = m_client->fetch(item.orderId);
    connect(read, &ApiReply::finished, this, [this, read, reporting] {
        read->deleteLater();
        const OutboxItem it = *m_current;
        if (!read->isOk()) {
            if (read->error().kind == ApiError::Kind::Refused && read->error().httpStatus == 404) {
                if (it.op == OutboxItem::Op::Close)
                    done(it, std::nullopt); // already closed
                else
                    conflict(it, std::nullopt, {}); // closed since the change was made
                return;
            }
            onSent(read); // network errors go offline, auth pauses, refusals fail the item
            return;
        }
        if (matchesIntent(it, read->result())) {
            done(it, read->result(), read->etag()); // applied before a crash: never twice
            return;
        }
        const auto base = parseSupport(std::string_view(it.baseJson.constData(), size_t(it.baseJson.size())));
        if (reporting || (base.ok() && !(*base.value == *read->result()))) {
            conflict(it, read->result(), read->etag());
            return;
        }
        // The session is the one the change was made on: send it, guarded by the version just
        // read (none if the server has no ETags).
        send(it, it.baseJson.isEmpty() ? it.baseEtag : read->etag());
    });
}

void OutboxSender::send(const OutboxItem &item, const QByteArray &ifMatch)
{
    // A stored change that cannot be read (a damaged row) fails alone: sending a default in its
    // place would overwrite the session on the server.
    const std::string_view payload(item.payload.constData(), size_t(item.payload.size()));
    std::optional<Support> support;
    std::optional<Agent> agent;
    std::string unreadable;
    if (item.op == OutboxItem::Op::Update || (item.op == OutboxItem::Op::Create && !payload.empty())) {
        auto s = parseSupport(payload);
        support = std::move(s.value);
        if (!support)
            unreadable = s.errorMessage + (s.errorPath.empty() ? std::string() : " at " + s.errorPath);
    } else if (item.op == OutboxItem::Op::Assign) {
        auto a = parseAgent(payload);
        agent = std::move(a.value);
        if (!agent)
            unreadable = a.errorMessage + (a.errorPath.empty() ? std::string() : " at " + a.errorPath);
    }
    if (!unreadable.empty()) {
        ApiError e;
        e.kind = ApiError::Kind::InvalidInput;
        e.operation = item.op == OutboxItem::Op::Update ? Operation::Update
                    : item.op == OutboxItem::Op::Create ? Operation::Create
                                                        : Operation::AssignAgent;
        e.orderId = item.orderId;
        e.detail = tr("The stored change cannot be read (%1); it was not sent.")
                       .arg(QString::fromStdString(unreadable));
        fail(item, e);
        return;
    }
    if (!stored(m_outbox->markAttempted(item.id))) // committed before anything leaves this process
        return;
    ApiReply *reply = nullptr;
    switch (item.op) {
    case OutboxItem::Op::Update:
        reply = m_client->replace(item.orderId, *support, ifMatch);
        break;
    case OutboxItem::Op::Assign:
        reply = m_client->assignAgent(item.orderId, *agent, ifMatch);
        break;
    case OutboxItem::Op::Unassign:
        reply = m_client->unassignAgent(item.orderId, ifMatch);
        break;
    case OutboxItem::Op::Close:
        reply = m_client->close(item.orderId, ifMatch);
        break;
    case OutboxItem::Op::Create:
        reply = m_client->create(item.orderId, support);
        break;
    }
    connect(reply, &ApiReply::finished, this, [this, reply] { onSent(reply); });
}

void OutboxSender::onSent(ApiReply *reply)
{
    reply->deleteLater();
    const OutboxItem item = *m_current;
    const ApiError &e = reply->error();
    auto *sr = qobject_cast<SupportReply *>(reply);
    if (reply->isOk() && reply->operation() != Operation::Fetch) {
        done(item, sr ? sr->result() : std::nullopt, reply->etag());
        return;
    }
    if (e.kind == ApiError::Kind::Refused && (e.httpStatus == 401 || e.httpStatus == 403)) {
        // Not this change's fault: the token is missing (the keychain has not answered yet),
        // wrong or expired. Nothing was applied; wait for another token.
        if (reply->operation() != Operation::Fetch && !stored(m_outbox->markAttempted(item.id, false)))
            return;
        m_current.reset();
        m_authPaused = true;
        m_refusedToken = m_client ? m_client->config().token : QString();
        Q_EMIT authRequired(e);
        return;
    }
    if (item.op == OutboxItem::Op::Create && reply->operation() == Operation::Create) {
        if (e.kind == ApiError::Kind::Refused && e.httpStatus == 409) {
            adoptCreated(item, false); // open already (our earlier attempt, or someone else's)
            return;
        }
        if (e.notSent && !stored(m_outbox->markAttempted(item.id, false)))
            return; // (it never left: sending it later is no repeat)
    }
    switch (e.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Server:
        goOffline();
        return;
    case ApiError::Kind::Cancelled:
        if (e.detail.isEmpty()) {
            // Aborted: the client switched profile (ApiClient::setConfig). The change stays
            // queued for when this profile is open again; nothing is decided about it here.
            // (A refusal by the audit trail carries its reason and fails the item as before.)
            m_current.reset();
            return;
        }
        fail(item, e);
        return;
    case ApiError::Kind::Conflict:
        onPrecondition(item);
        return;
    case ApiError::Kind::Refused:
        if (e.httpStatus == 404 && item.op == OutboxItem::Op::Close) {
            done(item, std::nullopt); // the session is already closed: what we wanted
            return;
        }
        if (e.httpStatus == 404 && item.op != OutboxItem::Op::Create) {
            conflict(item, std::nullopt, {}); // closed since the change was made
            return;
        }
        [[fallthrough]];
    default:
        fail(item, e);
    }
}

void OutboxSender::onPrecondition(const OutboxItem &item)
{
    // The session changed since the change was made: by us before a crash, or by someone else.
    SupportReply *read = m_client->fetch(item.orderId);
    connect(read, &ApiReply::finished, this, [this, read, item] {
        read->deleteLater();
        if (!read->isOk()) {
            if (read->error().kind == ApiError::Kind::Refused && read->error().httpStatus == 404) {
                if (item.op == OutboxItem::Op::Close)
                    done(item, std::nullopt);
                else
                    conflict(item, std::nullopt, {});
                return;
            }
            onSent(read);
            return;
        }
        if (matchesIntent(item, read->result())) {
            done(item, read->result(), read->etag()); // it was applied already: never send it twice
            return;
        }
        conflict(item, read->result(), read->etag());
    });
}

void OutboxSender::adoptCreated(const OutboxItem &item, bool sentBefore)
{
    // The request exists on the server, or it was sent once already and must not be sent again:
    // what the server has now is the result.
    SupportReply *read = m_client->fetch(item.orderId);
    connect(read, &ApiReply::finished, this, [this, read, item, sentBefore] {
        read->deleteLater();
        if (read->isOk()) {
            done(item, read->result(), read->etag());
            return;
        }
        if (sentBefore && read->error().kind == ApiError::Kind::Refused && read->error().httpStatus == 404) {
            ApiError e = read->error();
            e.operation = Operation::Create;
            e.detail = tr("The new support request was sent once but its answer never arrived, and "
                          "the server has no session for the order. It is not sent again "
                          "automatically: create it again if it is still needed.");
            fail(item, e);
            return;
        }
        onSent(read); // unreachable: later; anything else fails the item
    });
}

bool OutboxSender::matchesIntent(const OutboxItem &item, const std::optional<Support> &current) const
{
    if (!current)
        return false;
    const std::string_view payload(item.payload.constData(), size_t(item.payload.size()));
    switch (item.op) {
    case OutboxItem::Op::Update: {
        auto wanted = parseSupport(payload);
        if (!wanted.ok())
            return false;
        Support w = *wanted.value;
        w.orderId = item.orderId.toStdString();
        return w == *current;
    }
    case OutboxItem::Op::Assign: {
        auto wanted = parseAgent(payload);
        return wanted.ok() && current->agent && *current->agent == *wanted.value;
    }
    case OutboxItem::Op::Unassign:
        return !current->agent.has_value();
    case OutboxItem::Op::Close:
        return false; // a session we can still read is not closed
    case OutboxItem::Op::Create:
        return false;
    }
    return false;
}

void OutboxSender::done(const OutboxItem &item, const std::optional<Support> &result,
                        const QByteArray &newEtag)
{
    if (!stored(m_outbox->complete(item, newEtag,
                                   result ? QByteArray::fromStdString(serialize(*result)) : QByteArray())))
        return;
    m_conflicts.remove(item.id);
    m_backoffMs = 0;
    m_current.reset();
    Q_EMIT itemSent(item, result);
    sendNext();
}

void OutboxSender::conflict(const OutboxItem &item, const std::optional<Support> &theirs,
                            const QByteArray &theirEtag)
{
    const QString why = theirs ? tr("The session changed on the server.")
                               : tr("The session was closed on the server.");
    if (!stored(m_outbox->setState(item.id, QStringLiteral("conflict"), why)))
        return;
    m_conflicts.insert(item.id, {theirEtag, theirs ? QByteArray::fromStdString(serialize(*theirs)) : QByteArray()});
    m_current.reset();
    OutboxItem reported = item;
    reported.state = QStringLiteral("conflict");
    reported.lastError = why;
    Q_EMIT itemConflict(reported, theirs);
    sendNext();
}

void OutboxSender::fail(const OutboxItem &item, const ApiError &error)
{
    if (!stored(m_outbox->setState(item.id, QStringLiteral("failed"), error.message())))
        return;
    m_current.reset();
    Q_EMIT itemFailed(item, error);
    sendNext();
}

void OutboxSender::keepMine(const OutboxItem &item, const QByteArray &payload)
{
    // Made on the version the conflict showed (none known: compared with nothing, sent as is).
    const auto base = m_conflicts.value(item.id);
    if (!stored(m_outbox->requeue(item.id, payload.isEmpty() ? item.payload : payload, base.first, base.second)))
        return;
    m_conflicts.remove(item.id);
    if (!m_current)
        start();
}

void OutboxSender::takeTheirs(const OutboxItem &item)
{
    if (!stored(m_outbox->remove(item.id)))
        return;
    m_conflicts.remove(item.id);
}

void OutboxSender::goOffline()
{
    m_current.reset();
    m_backoffMs = m_backoffMs == 0 ? 2000 : std::min(m_backoffMs * 2, 60'000);
    Q_EMIT offline(m_backoffMs);
    m_probe.start(m_backoffMs);
}

} // namespace sd
