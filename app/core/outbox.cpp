#include "outbox.h"

#include "privatefile.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

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

OutboxItem fromQuery(const QSqlQuery &q)
{
    OutboxItem item;
    item.id = q.value(0).toLongLong();
    item.orderId = q.value(1).toString();
    item.op = opFromKey(q.value(2).toString());
    item.payload = q.value(3).toByteArray();
    item.baseEtag = q.value(4).toByteArray();
    item.baseJson = q.value(5).toByteArray();
    item.state = q.value(6).toString();
    item.lastError = q.value(7).toString();
    item.attempted = q.value(8).toBool();
    return item;
}

const char kColumns[] = "id, order_id, op, payload, base_etag, base_json, state, last_error, attempted";

} // namespace

QString outboxOpName(OutboxItem::Op op)
{
    return QString::fromLatin1(opKey(op));
}

Outbox::Outbox(const QString &path)
    : m_path(path), m_connection(QStringLiteral("outbox-") + QUuid::createUuid().toString(QUuid::Id128))
{
    // Whole sessions with callback phones: the file exists 0600 (in a 0700 folder) before SQLite
    // opens it, and SQLite gives its -wal and -shm files the same mode.
    if (const QString problem = preparePrivateFile(path); !problem.isEmpty()) {
        m_error = problem;
        return;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        m_error = db.lastError().text();
        return;
    }
    QSqlQuery q(db);
    // WAL + FULL sync: a committed change survives a kill -9 or a power cut.
    for (const char *sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                            "CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " order_id TEXT NOT NULL, op TEXT NOT NULL, payload BLOB, base_etag BLOB,"
                            " base_json BLOB, state TEXT NOT NULL DEFAULT 'queued', last_error TEXT, attempted INTEGER NOT NULL DEFAULT 0,"
                            " created TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)"}) {
        if (!q.exec(QString::fromLatin1(sql))) {
            m_error = q.lastError().text();
            return;
        }
    }
}

Outbox::~Outbox()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

qint64 Outbox::enqueue(const OutboxItem &item)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        m_error = db.lastError().text();
        return 0;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO outbox (order_id, op, payload, base_etag, base_json, state)"
                             " VALUES (?, ?, ?, ?, ?, 'queued')"));
    q.addBindValue(item.orderId);
    q.addBindValue(QString::fromLatin1(opKey(item.op)));
    q.addBindValue(item.payload);
    q.addBindValue(item.baseEtag);
    q.addBindValue(item.baseJson);
    if (!q.exec() || !db.commit()) {
        m_error = q.lastError().text();
        db.rollback();
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

bool Outbox::remove(qint64 id)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE id = ?"));
    q.addBindValue(id);
    return q.exec();
}

bool Outbox::setState(qint64 id, const QString &state, const QString &lastError)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE outbox SET state = ?, last_error = ? WHERE id = ?"));
    q.addBindValue(state);
    q.addBindValue(lastError);
    q.addBindValue(id);
    return q.exec();
}

bool Outbox::markAttempted(qint64 id, bool attempted)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE outbox SET attempted = ? WHERE id = ?"));
    q.addBindValue(attempted ? 1 : 0);
    q.addBindValue(id);
    return q.exec();
}

bool Outbox::rebase(const QString &orderId, const QByteArray &oldEtag, const QByteArray &newEtag,
                    const QByteArray &newJson)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE outbox SET base_etag = ?, base_json = ? WHERE order_id = ?"
                             " AND state = 'queued' AND base_etag = ?"));
    q.addBindValue(newEtag);
    q.addBindValue(newJson);
    q.addBindValue(orderId);
    q.addBindValue(oldEtag);
    return q.exec();
}

std::vector<OutboxItem> Outbox::items() const
{
    std::vector<OutboxItem> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("SELECT %1 FROM outbox ORDER BY id").arg(QString::fromLatin1(kColumns))))
        return out;
    while (q.next())
        out.push_back(fromQuery(q));
    return out;
}

std::optional<OutboxItem> Outbox::nextQueued() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("SELECT %1 FROM outbox WHERE state = 'queued' ORDER BY id LIMIT 1")
                    .arg(QString::fromLatin1(kColumns)))
        || !q.next())
        return std::nullopt;
    return fromQuery(q);
}

int Outbox::queuedCount() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'queued'")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool Outbox::hasPendingFor(const QString &orderId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT 1 FROM outbox WHERE order_id = ? AND state = 'queued' LIMIT 1"));
    q.addBindValue(orderId);
    return q.exec() && q.next();
}

// ---- OutboxSender -----------------------------------------------------------------------------

OutboxSender::OutboxSender(ApiClient *client, Outbox *outbox, QObject *parent)
    : QObject(parent), m_client(client), m_outbox(outbox)
{
    m_probe.setSingleShot(true);
    connect(&m_probe, &QTimer::timeout, this, &OutboxSender::sendNext);
}

void OutboxSender::start()
{
    if (m_current)
        return;
    m_probe.stop();
    sendNext();
}

void OutboxSender::sendNext()
{
    if (m_current || !m_client)
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
    if (item->attempted || (item->baseEtag.isEmpty() && !item->baseJson.isEmpty())) {
        // Sent before (the process may have died before taking it off the list), or no ETags:
        // read the session first. Already as intended: done, without sending it again.
        SupportReply *read = m_client->fetch(item->orderId);
        connect(read, &ApiReply::finished, this, [this, read] {
            read->deleteLater();
            const OutboxItem it = *m_current;
            if (!read->isOk()) {
                if (read->error().kind == ApiError::Kind::Refused && read->error().httpStatus == 404
                    && it.op == OutboxItem::Op::Close) {
                    done(it, std::nullopt); // already closed
                    return;
                }
                onSent(read); // network errors go offline, refusals fail the item
                return;
            }
            if (matchesIntent(it, read->result())) {
                done(it, read->result()); // applied before a crash: never twice
                return;
            }
            const auto base = parseSupport(std::string_view(it.baseJson.constData(), size_t(it.baseJson.size())));
            if (it.baseEtag.isEmpty() && base.ok() && !(*base.value == *read->result())) {
                m_outbox->setState(it.id, QStringLiteral("conflict"), tr("The session changed on the server."));
                m_current.reset();
                Q_EMIT itemConflict(it, read->result());
                sendNext();
                return;
            }
            send(it, read->result());
        });
        return;
    }
    send(*item, std::nullopt);
}

void OutboxSender::send(const OutboxItem &item, const std::optional<Support> &)
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
        m_outbox->setState(item.id, QStringLiteral("failed"), e.message());
        m_current.reset();
        Q_EMIT itemFailed(item, e);
        sendNext();
        return;
    }
    m_outbox->markAttempted(item.id); // committed before anything leaves this process
    ApiReply *reply = nullptr;
    switch (item.op) {
    case OutboxItem::Op::Update:
        reply = m_client->replace(item.orderId, *support, item.baseEtag);
        break;
    case OutboxItem::Op::Assign:
        reply = m_client->assignAgent(item.orderId, *agent, item.baseEtag);
        break;
    case OutboxItem::Op::Unassign:
        reply = m_client->unassignAgent(item.orderId, item.baseEtag);
        break;
    case OutboxItem::Op::Close:
        reply = m_client->close(item.orderId, item.baseEtag);
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
    if (item.op == OutboxItem::Op::Create && reply->operation() == Operation::Create) {
        if (e.kind == ApiError::Kind::Refused && e.httpStatus == 409) {
            adoptCreated(item, false); // open already (our earlier attempt, or someone else's)
            return;
        }
        if (e.notSent)
            m_outbox->markAttempted(item.id, false); // it never left: sending it later is no repeat
    }
    switch (e.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Server:
        goOffline();
        return;
    case ApiError::Kind::Conflict:
        onPrecondition(item);
        return;
    case ApiError::Kind::Refused:
        if (e.httpStatus == 404 && item.op == OutboxItem::Op::Close) {
            done(item, std::nullopt); // the session is already closed: what we wanted
            return;
        }
        [[fallthrough]];
    default:
        m_outbox->setState(item.id, QStringLiteral("failed"), e.message());
        m_current.reset();
        Q_EMIT itemFailed(item, e);
        sendNext();
    }
}

void OutboxSender::onPrecondition(const OutboxItem &item)
{
    // The session changed since the change was made: by us before a crash, or by someone else.
    SupportReply *read = m_client->fetch(item.orderId);
    connect(read, &ApiReply::finished, this, [this, read, item] {
        read->deleteLater();
        if (!read->isOk()) {
            if (read->error().kind == ApiError::Kind::Refused && item.op == OutboxItem::Op::Close) {
                done(item, std::nullopt);
                return;
            }
            onSent(read);
            return;
        }
        if (matchesIntent(item, read->result())) {
            done(item, read->result()); // it was applied already: never send it twice
            return;
        }
        m_outbox->setState(item.id, QStringLiteral("conflict"), tr("The session changed on the server."));
        m_current.reset();
        Q_EMIT itemConflict(item, read->result());
        sendNext();
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
            done(item, read->result());
            return;
        }
        if (sentBefore && read->error().kind == ApiError::Kind::Refused && read->error().httpStatus == 404) {
            ApiError e = read->error();
            e.operation = Operation::Create;
            e.detail = tr("The new support request was sent once but its answer never arrived, and "
                          "the server has no session for the order. It is not sent again "
                          "automatically: create it again if it is still needed.");
            m_outbox->setState(item.id, QStringLiteral("failed"), e.message());
            m_current.reset();
            Q_EMIT itemFailed(item, e);
            sendNext();
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
    if (m_skipRemoveOnce) {
        m_skipRemoveOnce = false; // the "crash": the server has it, the outbox still too
    } else {
        m_outbox->remove(item.id);
        if (!newEtag.isEmpty() && !item.baseEtag.isEmpty())
            m_outbox->rebase(item.orderId, item.baseEtag, newEtag,
                             result ? QByteArray::fromStdString(serialize(*result)) : QByteArray());
    }
    m_backoffMs = 0;
    m_current.reset();
    Q_EMIT itemSent(item, result);
    sendNext();
}

void OutboxSender::goOffline()
{
    m_current.reset();
    m_backoffMs = m_backoffMs == 0 ? 2000 : std::min(m_backoffMs * 2, 60'000);
    Q_EMIT offline(m_backoffMs);
    m_probe.start(m_backoffMs);
}

} // namespace sd
