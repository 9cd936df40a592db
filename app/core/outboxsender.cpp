#include "outboxsender.h"

#include "logging.h"
#include "privacy.h"

namespace sd {

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
    qCDebug(lcOutbox).noquote() << "outbox not written, sender stopped:" << maskPersonalData(m_outbox->error());
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
        qCDebug(lcOutbox) << "paused until the token changes: HTTP" << e.httpStatus;
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
    qCDebug(lcOutbox) << "item" << item.id << "sent";
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
    qCDebug(lcOutbox) << "item" << item.id << "conflicts with the server's session";
    Q_EMIT itemConflict(reported, theirs);
    sendNext();
}

void OutboxSender::fail(const OutboxItem &item, const ApiError &error)
{
    if (!stored(m_outbox->setState(item.id, QStringLiteral("failed"), error.message())))
        return;
    m_current.reset();
    qCDebug(lcOutbox).noquote() << "item" << item.id << "failed:" << maskPersonalData(error.message());
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
    qCDebug(lcOutbox) << "server away, next probe in" << m_backoffMs << "ms";
    Q_EMIT offline(m_backoffMs);
    m_probe.start(m_backoffMs);
}

} // namespace sd
