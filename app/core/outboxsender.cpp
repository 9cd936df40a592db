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
    if (item->op == Operation::Create && item->attempted) {
        adoptCreated(*item, true); // a POST is never sent twice (SEMANTICS.md)
        return;
    }
    // Sent before (the process may have died before taking it off the list), or made on a copy
    // we still have: the guarded write reads the session first. Already as intended: done,
    // without sending it again. Not the session the change was made on (changed, or closed and
    // opened again: a server may count versions per session, so an equal ETag proves nothing):
    // a conflict.
    startWrite(*item, GuardedWrite::Mode::Write);
}

// A conflict left from an earlier run (or sender) is shown again, once, with the session as it
// is now; it is not sent until the agent decides.
bool OutboxSender::reportConflictAgain()
{
    for (const OutboxItem &item : m_outbox->items()) {
        if (item.state != QLatin1String("conflict") || m_conflicts.contains(item.id))
            continue;
        m_current = item;
        startWrite(item, GuardedWrite::Mode::CheckOnly);
        return true;
    }
    return false;
}

void OutboxSender::startWrite(const OutboxItem &item, GuardedWrite::Mode mode)
{
    // A stored change that cannot be read (a damaged row) fails alone: sending a default in its
    // place would overwrite the session on the server.
    QString unreadable;
    const std::optional<ApiRequest> request = item.request(&unreadable);
    if (!request) {
        ApiError e;
        e.kind = ApiError::Kind::InvalidInput;
        e.operation = item.op;
        e.orderId = item.orderId;
        e.detail = tr("The stored change cannot be read (%1); it was not sent.").arg(unreadable);
        fail(item, e);
        return;
    }
    auto *write = new GuardedWrite(m_client, *request, WriteBase{item.baseEtag, item.baseJson, item.attempted}, this);
    write->setMode(mode);
    // Committed before anything leaves this process.
    write->setBeforeSend([this, id = item.id] { return stored(m_outbox->markAttempted(id)); });
    connect(write, &GuardedWrite::finished, this, [this, write] {
        write->deleteLater();
        onWritten(write->outcome());
    });
    write->start();
}

void OutboxSender::onWritten(const WriteOutcome &outcome)
{
    if (!m_current)
        return; // stopped meanwhile (the outbox could not be written)
    const OutboxItem item = *m_current;
    switch (outcome.kind) {
    case WriteOutcome::Kind::Done:
        done(item, outcome.session, outcome.etag);
        return;
    case WriteOutcome::Kind::Conflict:
        conflict(item, outcome.session, outcome.etag);
        return;
    case WriteOutcome::Kind::Stopped:
        return; // stored() said why
    case WriteOutcome::Kind::Failed:
        onFailed(item, outcome.error);
        return;
    }
}

// A request of `item` failed without a decision about the change (the guarded write decided
// conflicts and "already closed").
void OutboxSender::onFailed(const OutboxItem &item, const ApiError &e)
{
    const bool wasTheWrite = e.operation != Operation::Fetch;
    if (e.kind == ApiError::Kind::Refused && (e.httpStatus == 401 || e.httpStatus == 403)) {
        // Not this change's fault: the token is missing (the keychain has not answered yet),
        // wrong or expired. Nothing was applied; wait for another token.
        if (wasTheWrite && !stored(m_outbox->markAttempted(item.id, false)))
            return;
        m_current.reset();
        m_authPaused = true;
        m_refusedToken = m_client ? m_client->config().token : QString();
        qCDebug(lcOutbox) << "paused until the token changes: HTTP" << e.httpStatus;
        Q_EMIT authRequired(e);
        return;
    }
    if (item.op == Operation::Create && e.operation == Operation::Create) {
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
    default:
        fail(item, e);
    }
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
        if (sentBefore && GuardedWrite::sessionGone(read->error())) {
            ApiError e = read->error();
            e.operation = Operation::Create;
            e.detail = tr("The new support request was sent once but its answer never arrived, and "
                          "the server has no session for the order. It is not sent again "
                          "automatically: create it again if it is still needed.");
            fail(item, e);
            return;
        }
        onFailed(item, read->error()); // unreachable: later; anything else fails the item
    });
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
