#include "guardedwrite.h"

#include "logging.h"

namespace sd {

GuardedWrite::GuardedWrite(ApiClient *client, ApiRequest request, WriteBase base, QObject *parent)
    : QObject(parent), m_client(client), m_request(std::move(request)), m_base(std::move(base))
{
}

GuardedWrite::~GuardedWrite()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

bool GuardedWrite::matchesIntent(const ApiRequest &request, const std::optional<Support> &current)
{
    if (!current)
        return false;
    if (const auto *r = std::get_if<ReplaceRequest>(&request)) {
        Support wanted = r->whole;
        wanted.orderId = r->orderId.toStdString();
        return wanted == *current;
    }
    if (const auto *a = std::get_if<AssignAgentRequest>(&request))
        return current->agent && *current->agent == a->agent;
    if (std::holds_alternative<UnassignAgentRequest>(request))
        return !current->agent.has_value();
    return false; // a session we can still read is not closed; a create is never guessed done
}

bool GuardedWrite::closedAlready(const ApiRequest &request, const ApiError &error)
{
    return std::holds_alternative<CloseRequest>(request) && sessionGone(error);
}

bool GuardedWrite::sessionGone(const ApiError &error)
{
    return error.kind == ApiError::Kind::Refused && error.httpStatus == 404
        && error.code != QLatin1String("AGENT_NOT_ASSIGNED");
}

void GuardedWrite::start()
{
    if (!m_client) {
        ApiError e;
        e.kind = ApiError::Kind::Cancelled;
        e.operation = operationOf(m_request);
        e.orderId = orderIdOf(m_request);
        failed(e);
        return;
    }
    if (std::holds_alternative<CreateRequest>(m_request) && m_mode == Mode::Write) {
        write({}); // nothing to guard: a new session
        return;
    }
    // Without an ETag the copy is the version: compare before sending. After an unknown outcome
    // the change may be there already: look before sending it again.
    const bool etagGuards = m_base.justRead && !m_base.etag.isEmpty();
    if (m_mode == Mode::CheckOnly || m_base.sentBefore || (!m_base.json.isEmpty() && !etagGuards)) {
        read(false);
        return;
    }
    write(m_base.etag);
}

void GuardedWrite::abort()
{
    if (m_reply)
        m_reply->abort();
}

void GuardedWrite::read(bool afterPrecondition)
{
    SupportReply *reply = m_client->fetch(orderIdOf(m_request));
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply, afterPrecondition] {
        reply->deleteLater();
        m_reply = nullptr;
        if (!reply->isOk()) {
            const ApiError &e = reply->error();
            if (closedAlready(m_request, e))
                done(std::nullopt, {}, false);
            else if (sessionGone(e))
                conflict(std::nullopt, {}); // closed since the change was made
            else
                failed(e);
            return;
        }
        const std::optional<Support> &fresh = reply->result();
        if (matchesIntent(m_request, fresh)) {
            done(fresh, reply->etag(), false); // applied already: never twice
            return;
        }
        if (afterPrecondition || m_mode == Mode::CheckOnly) {
            conflict(fresh, reply->etag());
            return;
        }
        if (!m_base.json.isEmpty()) {
            // A base that cannot be read proves nothing: a conflict, decided by the agent.
            const auto base = parseSupport(std::string_view(m_base.json.constData(), size_t(m_base.json.size())));
            if (!base.ok() || !(*base.value == *fresh)) {
                conflict(fresh, reply->etag());
                return;
            }
        }
        // The session is the one the change was made on: sent, guarded by the version just read
        // when the change kept its copy (none if the server has no ETags).
        write(m_base.json.isEmpty() ? m_base.etag : reply->etag());
    });
}

void GuardedWrite::write(const QByteArray &ifMatch)
{
    if (m_beforeSend && !m_beforeSend()) {
        WriteOutcome o;
        o.kind = WriteOutcome::Kind::Stopped;
        finish(std::move(o));
        return;
    }
    setIfMatch(m_request, ifMatch);
    std::optional<Support> before;
    if (!m_base.json.isEmpty())
        before = parseSupport(std::string_view(m_base.json.constData(), size_t(m_base.json.size()))).value;
    ApiReply *reply = m_client->send(m_request, before);
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_reply = nullptr;
        if (reply->isOk()) {
            const auto *s = qobject_cast<SupportReply *>(reply);
            done(s ? s->result() : std::nullopt, reply->etag(), true);
            return;
        }
        const ApiError &e = reply->error();
        if (e.kind == ApiError::Kind::Conflict) {
            // 412: changed since. By us before a crash (then it is done), or by someone else.
            read(true);
        } else if (closedAlready(m_request, e)) {
            done(std::nullopt, {}, true);
        } else if (sessionGone(e) && !std::holds_alternative<CreateRequest>(m_request)) {
            conflict(std::nullopt, {});
        } else {
            failed(e);
        }
    });
    Q_EMIT replyStarted(reply);
}

void GuardedWrite::done(const std::optional<Support> &session, const QByteArray &etag, bool sent)
{
    WriteOutcome o;
    o.kind = WriteOutcome::Kind::Done;
    o.session = session;
    o.etag = etag;
    o.sent = sent;
    finish(std::move(o));
}

void GuardedWrite::conflict(const std::optional<Support> &theirs, const QByteArray &etag)
{
    WriteOutcome o;
    o.kind = WriteOutcome::Kind::Conflict;
    o.session = theirs;
    o.etag = etag;
    o.error.kind = ApiError::Kind::Conflict;
    o.error.operation = operationOf(m_request);
    o.error.orderId = orderIdOf(m_request);
    finish(std::move(o));
}

void GuardedWrite::failed(const ApiError &error)
{
    WriteOutcome o;
    o.kind = WriteOutcome::Kind::Failed;
    o.error = error;
    finish(std::move(o));
}

void GuardedWrite::finish(WriteOutcome outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    m_outcome = std::move(outcome);
    qCDebug(lcClient) << "guarded write of" << requestKey(m_request) << "ended:" << int(m_outcome.kind);
    // Always asynchronous, as a reply's finished().
    QMetaObject::invokeMethod(this, [this] { Q_EMIT finished(); }, Qt::QueuedConnection);
}

} // namespace sd
