// ApiReply: one request on the wire (attempts, redirects, retries, limits, the journal), and
// SupportReply's reading of the answer. The client that makes them is in apiclient.cpp.
#include "apiclient.h"
#include "apiclient_p.h"

#include "apiurl.h"
#include "stdstring.h"

#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace sd {

using detail::isBlank;
using detail::isJsonContentType;

namespace {

// Transport-level failures that a retry may cure (a dropped connection).
bool isDroppedConnection(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
        return true;
    default:
        return false;
    }
}

// A QTimer takes an int and never fires for a negative one (and the timeout shares the timer):
// every computed delay goes through here.
int clampedDelayMs(qint64 ms, int atLeast = 0)
{
    return int(std::clamp<qint64>(ms, atLeast, std::numeric_limits<int>::max()));
}

bool isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool isSameOrigin(const QUrl &a, const QUrl &b)
{
    const auto defaultPort = [](const QUrl &u) {
        return u.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80;
    };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && !a.host().isEmpty()
        && a.port(defaultPort(a)) == b.port(defaultPort(b));
}

// A URL as an error message names it: no user:password, ASCII only, bounded.
QString shownUrl(const QUrl &url, const QByteArray &raw)
{
    QByteArray text = url.isValid()
        ? url.toEncoded(QUrl::RemoveUserInfo | QUrl::RemoveFragment)
        : QUrl::toPercentEncoding(QString::fromLatin1(raw), "/:?=&@");
    if (!url.isValid()) {
        // Unparseable: still never show what could be credentials.
        const qsizetype at = text.indexOf('@');
        if (at >= 0)
            text = text.mid(at + 1);
    }
    if (text.size() > 200)
        text = text.left(200) + "...";
    return QString::fromLatin1(text);
}

// The wait a Retry-After asked for, in seconds, as the server gave it when it gave a number
// (the milliseconds saturate; the digits do not).
QString waitInSeconds(const QByteArray &retryAfter, qint64 ms)
{
    QByteArray digits = retryAfter.trimmed();
    if (!digits.isEmpty()
        && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        while (digits.size() > 1 && digits.startsWith('0'))
            digits.remove(0, 1);
        if (digits.size() > 40)
            digits = digits.left(40) + "...";
        return QString::fromLatin1(digits);
    }
    return QString::number(ms / 1000 + (ms % 1000 ? 1 : 0));
}

} // namespace

// ---- ApiReply --------------------------------------------------------------------------------

ApiReply::ApiReply(ApiClient *client, Operation op, const QString &orderId)
    : QObject(client), m_client(client), m_config(client->config()), m_operation(op),
      m_orderId(orderId)
{
    m_attemptTimer = new QTimer(this);
    m_attemptTimer->setSingleShot(true);
}

ApiReply::~ApiReply()
{
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    leaveUnfinished();
}

void ApiReply::enterInFlight()
{
    if (m_inFlight || !m_client)
        return;
    m_inFlight = m_unfinished = true;
    m_client->changeInFlight(+1);
    ++m_client->m_unfinished;
}

void ApiReply::leaveInFlight()
{
    if (!m_inFlight)
        return;
    m_inFlight = false;
    if (m_client)
        m_client->changeInFlight(-1);
}

void ApiReply::leaveUnfinished()
{
    leaveInFlight();
    if (!m_unfinished)
        return;
    m_unfinished = false;
    if (m_client)
        --m_client->m_unfinished;
}

ApiError ApiReply::makeError(ApiError::Kind kind, const QString &detail) const
{
    ApiError e;
    e.kind = kind;
    e.detail = detail;
    e.operation = m_operation;
    e.orderId = m_orderId;
    return e;
}

void ApiReply::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (m_reply) {
        m_reply->abort(); // leads to onAttemptFinished with Cancelled
        return;
    }
    m_attemptTimer->stop();
    finishWithError(makeError(ApiError::Kind::Cancelled));
}

void ApiReply::finishWithError(ApiError error)
{
    if (m_finished)
        return;
    error.operation = m_operation;
    error.orderId = m_orderId;
    m_error = error;
    m_finished = true;
    emitFinished();
}

void ApiReply::finishOk()
{
    if (m_finished)
        return;
    m_finished = true;
    emitFinished();
}

void ApiReply::emitFinished()
{
    leaveInFlight(); // a bulk run starts its next request at resultReady()
    Q_EMIT resultReady();
    WriteJournal *journal = m_client ? m_client->m_journal : nullptr;
    if (m_journaled && journal) {
        journal->writeFinished(*this, m_journalId, [self = QPointer<ApiReply>(this)] {
            if (!self)
                return;
            self->leaveUnfinished();
            Q_EMIT self->finished();
        });
        return;
    }
    leaveUnfinished();
    Q_EMIT finished();
}

void ApiReply::send(const ApiRequest &request, Continuation then)
{
    if (isWrite(request) && !m_journaled && m_client && m_client->m_journal) {
        // The intent is kept before anything leaves: a crash cannot leave an untraced change.
        const QString problem = m_client->m_journal->writeStarting(*m_client, *this, &m_journalId);
        if (!problem.isEmpty()) {
            const ApiError e = makeError(ApiError::Kind::Cancelled, problem);
            QMetaObject::invokeMethod(this, [this, e] { finishWithError(e); }, Qt::QueuedConnection);
            return;
        }
        m_journaled = true;
    }
    m_request = request;
    m_requestBody = bodyOf(request);
    m_then = std::move(then);
    m_attempt = 0;
    enterInFlight();
    startAttempt();
}

void ApiReply::startAttempt()
{
    if (!m_client) {
        finishWithError(makeError(ApiError::Kind::Cancelled));
        return;
    }
    m_waitingToRetry = false;
    ++m_attempt;
    m_redirects = 0;
    m_target = urlOf(m_request, m_config.baseUrl);
    m_hopMethod = methodOf(m_request);
    m_hopBody = m_requestBody;
    m_hopHasBody = hasBody(m_request);
    startHop();
}

void ApiReply::startHop()
{
    m_chunks.clear();
    m_received = 0;
    m_timedOut = false;
    m_tooLarge = false;
    const ClientConfig &config = m_config;
    m_attemptStarted = QDateTime::currentDateTimeUtc();
    m_attemptClock.start();
    QNetworkReply *reply = m_client->startRequest(m_config, m_hopMethod, m_target, m_hopBody, m_hopHasBody,
                                                  ifMatchOf(m_request));
    m_reply = reply;
    const qint64 limit = std::max<qint64>(0, config.maxResponseBytes);
    // QNetworkAccessManager reads ahead into its own buffers without bound unless told (to
    // 64 MiB and more), whatever the limit below. Its read buffer size reaches the HTTP thread
    // only once the request was handed over there, which happens in a queued call made by
    // the reply's constructor (every request has a body device): set it after that one too.
    const qint64 readBuffer = std::clamp<qint64>(limit / 4, 16 * 1024, 256 * 1024);
    reply->setReadBufferSize(readBuffer);
    QMetaObject::invokeMethod(
        reply, [reply, readBuffer] { reply->setReadBufferSize(readBuffer); }, Qt::QueuedConnection);
    const auto overLimit = [this, reply] {
        m_tooLarge = true;
        m_chunks.clear();
        m_received = 0;
        reply->abort();
    };

    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply, limit, overLimit] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > limit && !m_tooLarge)
            overLimit();
    });
    connect(reply, &QNetworkReply::downloadProgress, this,
            [this, limit, overLimit](qint64 received, qint64) {
                if (received > limit && !m_tooLarge)
                    overLimit();
            });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply, limit, overLimit] {
        if (m_tooLarge)
            return;
        // Checked before appending, so the buffer never holds more than the limit.
        if (m_received + reply->bytesAvailable() > limit) {
            overLimit();
            return;
        }
        // Kept in pieces while it streams in (joined at the end): growing one array would copy
        // it again and again, holding the old and the new copy at once.
        m_chunks.append(reply->readAll());
        m_received += m_chunks.last().size();
    });
    connect(reply, &QNetworkReply::finished, this, &ApiReply::onAttemptFinished);

    m_attemptTimer->disconnect();
    connect(m_attemptTimer, &QTimer::timeout, this, [this] {
        if (m_reply) {
            m_timedOut = true;
            m_reply->abort();
        }
    });
    m_attemptTimer->start(clampedDelayMs(config.timeoutMs, 1));
}

void ApiReply::onAttemptFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    m_attemptTimer->stop();
    m_attemptTimer->disconnect();
    reply->disconnect(this);
    reply->deleteLater();

    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.etag = reply->rawHeader("ETag");
    r.contentType = reply->rawHeader("Content-Type");
    if (!m_tooLarge && !m_aborted && reply->isOpen()) {
        if (m_received + reply->bytesAvailable()
            > m_config.maxResponseBytes)
            m_tooLarge = true;
        else
            m_chunks.append(reply->readAll());
    }
    if (!m_tooLarge)
        r.body = m_chunks.size() == 1 ? m_chunks.first() : m_chunks.join();
    m_chunks.clear();
    m_received = 0;

    const QNetworkReply::NetworkError netError = reply->error();
    bool transient = false;
    std::optional<QUrl> followTo; // a same-origin redirect to follow
    const qint64 limitBytes = m_config.maxResponseBytes;
    ApiError &err = r.error;
    if (m_aborted) {
        err = makeError(ApiError::Kind::Cancelled);
    } else if (m_tooLarge) {
        err = makeError(ApiError::Kind::InvalidResponse,
                        tr("The response is larger than the limit of %1 bytes.").arg(limitBytes));
    } else if (m_timedOut) {
        err = makeError(ApiError::Kind::Timeout);
        transient = true;
    } else if (netError == QNetworkReply::SslHandshakeFailedError) {
        err = makeError(ApiError::Kind::Tls, reply->errorString());
    } else if (isRedirectStatus(r.status) && reply->hasRawHeader("Location")
               && (netError == QNetworkReply::NoError
                   || netError == QNetworkReply::ContentReSendError)) {
        // (For 307 and 308 QNetworkAccessManager fails to rewind the body for a redirect it
        // was told not to follow: ContentReSendError, harmless here; we send it again ourselves.)
        const QUrl target = redirectTarget(reply->rawHeader("Location"));
        const QUrl base = m_config.baseUrl;
        if (!target.isValid() || !isSameOrigin(target, base)) {
            // SEMANTICS.md: never elsewhere, the token must not travel to another origin.
            err = makeError(ApiError::Kind::InvalidResponse,
                            tr("The server redirected the request to %1, another server; "
                               "requests are only sent to the configured server.")
                                .arg(shownUrl(target, reply->rawHeader("Location"))));
        } else if (m_redirects >= kMaxRedirects) {
            err = makeError(ApiError::Kind::InvalidResponse,
                            tr("The server redirected the request more than %n time(s).", nullptr,
                               kMaxRedirects));
        } else {
            followTo = target;
        }
    } else if (netError == QNetworkReply::ContentReSendError) {
        // The connection dropped and QNetworkAccessManager tried to send the request again on
        // its own; the body device refused (see OneShotBody): one attempt, dropped.
        err = makeError(ApiError::Kind::Network,
                        tr("The connection was closed before the answer arrived."));
        transient = true;
    } else if (r.status == 0 && netError != QNetworkReply::NoError) {
        if (netError == QNetworkReply::ProtocolFailure
            || netError == QNetworkReply::ProtocolUnknownError)
            err = makeError(ApiError::Kind::InvalidResponse, reply->errorString());
        else
            err = makeError(ApiError::Kind::Network, reply->errorString());
        err.notSent = netError == QNetworkReply::ConnectionRefusedError
                   || netError == QNetworkReply::HostNotFoundError;
        transient = isDroppedConnection(netError);
    } else if (netError > QNetworkReply::NoError && netError < QNetworkReply::ProxyConnectionRefusedError) {
        // A status line arrived, then the connection broke: the body is cut off.
        err = makeError(ApiError::Kind::InvalidResponse,
                        tr("The response was cut off before its end (%1).")
                            .arg(reply->errorString()));
        transient = true;
    } else if (r.status >= 200 && r.status < 300) {
        // success
    } else {
        if (r.status == 412)
            err = makeError(ApiError::Kind::Conflict);
        else if (r.status >= 400 && r.status < 500)
            err = makeError(ApiError::Kind::Refused);
        else if (r.status >= 500 && r.status < 600)
            err = makeError(ApiError::Kind::Server);
        else
            err = makeError(ApiError::Kind::InvalidResponse,
                            tr("Unexpected HTTP status %1.").arg(r.status));
        err.httpStatus = r.status;
        if (const auto body = parseErrorBody(std::string_view(r.body.constData(), r.body.size()))) {
            err.code = toQString(body->code);
            err.serverMessage = toQString(body->message);
            if (body->paths)
                err.detail = toQString(body->paths);
        }
        transient = RetryPolicy::isTransientStatus(r.status);
    }
    if (err.isError() && err.httpStatus == 0)
        err.httpStatus = r.status;

    if (m_client) {
        Exchange ex;
        ex.started = m_attemptStarted;
        ex.method = m_hopMethod;
        ex.url = m_target;
        ex.attempt = m_attempt;
        ex.httpStatus = r.status;
        ex.durationMs = m_attemptClock.elapsed();
        ex.bytesReceived = r.body.size();
        ex.error = err;
        ex.requestBody = m_hopBody;
        Q_EMIT m_client->exchangeFinished(ex);
    }

    if (followTo) {
        if (m_finished) // aborted from a slot connected to exchangeFinished()
            return;
        ++m_redirects;
        // 303, and 301/302 after a POST, turn into a GET (as browsers and curl do); 307 and 308
        // repeat the request as it was, body included.
        if (r.status == 303 || ((r.status == 301 || r.status == 302) && m_hopMethod == "POST")) {
            m_hopMethod = "GET";
            m_hopBody.clear();
            m_hopHasBody = false;
        }
        m_target = *followTo;
        startHop();
        return;
    }

    const RetryPolicy policy = m_config.retry;
    if (err.isError() && transient && RetryPolicy::isRetryableMethod(methodOf(m_request))
        && m_attempt <= policy.maxRetries) {
        int delay = policy.backoffMs(m_attempt, QRandomGenerator::global()->generateDouble());
        const QByteArray retryAfterText = reply->rawHeader("Retry-After");
        const auto retryAfter = RetryPolicy::parseRetryAfterMs(retryAfterText,
                                                               QDateTime::currentDateTimeUtc());
        if (retryAfter) {
            if (*retryAfter > policy.maxRetryAfterMs) {
                // Longer than we wait (SEMANTICS.md): the server error, at once, naming the wait.
                err.detail = tr("The server asked to wait %1 s before trying again.")
                                 .arg(waitInSeconds(retryAfterText, *retryAfter));
                completeExchange(r);
                return;
            }
            delay = clampedDelayMs(*retryAfter);
        }
        scheduleRetry(err, delay);
        return;
    }
    completeExchange(r);
}

QUrl ApiReply::redirectTarget(const QByteArray &location) const
{
    if (location.size() > 8192)
        return {};
    const QUrl relative = QUrl::fromEncoded(location.trimmed(), QUrl::TolerantMode);
    if (!relative.isValid())
        return {};
    // Credentials handed out by a server are never used (nor shown).
    return m_target.resolved(relative).adjusted(QUrl::RemoveFragment | QUrl::RemoveUserInfo);
}

void ApiReply::scheduleRetry(const ApiError &reason, int delayMs)
{
    m_waitingToRetry = true;
    const int retry = m_attempt; // the n-th retry follows the n-th attempt
    Q_EMIT retrying(retry, delayMs, reason);
    if (m_client)
        Q_EMIT m_client->retryScheduled(m_orderId, m_operation, retry, delayMs, reason);
    if (m_finished) // aborted from a slot connected to retrying()
        return;
    connect(m_attemptTimer, &QTimer::timeout, this, &ApiReply::startAttempt);
    m_attemptTimer->start(clampedDelayMs(delayMs));
}

void ApiReply::completeExchange(const HttpResult &result)
{
    m_last = result;
    Continuation then = std::move(m_then);
    m_then = nullptr;
    if (then)
        then(result);
    else if (result.error.isError())
        finishWithError(result.error);
    else
        finishOk();
}

// ---- SupportReply ----------------------------------------------------------------------------

void SupportReply::interpret(const HttpResult &r, bool emptyMeansRefetch)
{
    if (r.error.isError()) {
        finishWithError(r.error);
        return;
    }
    if (isBlank(r.body)) {
        if (operation() == Operation::Close) {
            finishOk(); // closed; the server sent no final copy
        } else if (emptyMeansRefetch) {
            refetch();
        } else {
            finishWithError(makeError(ApiError::Kind::InvalidResponse,
                                      tr("The server sent an empty body.")));
        }
        return;
    }
    if (!isJsonContentType(r.contentType)) {
        finishWithError(makeError(
            ApiError::Kind::InvalidResponse,
            tr("The server answered with content type \"%1\" instead of JSON.")
                .arg(QString::fromLatin1(r.contentType.isEmpty() ? QByteArray("none")
                                                                 : r.contentType))));
        return;
    }
    auto parsed = parseSupport(std::string_view(r.body.constData(), r.body.size()));
    if (!parsed.ok()) {
        finishWithError(makeError(ApiError::Kind::InvalidResponse,
                                  tr("The session is not valid: %1 at \"%2\".")
                                      .arg(QString::fromStdString(parsed.errorMessage),
                                           QString::fromStdString(parsed.errorPath.empty()
                                                                      ? std::string("/")
                                                                      : parsed.errorPath))));
        return;
    }
    if (parsed.value->orderId && QString::fromStdString(*parsed.value->orderId) != orderId()) {
        finishWithError(makeError(ApiError::Kind::InvalidResponse,
                                  tr("The server answered with order \"%1\" instead of \"%2\".")
                                      .arg(QString::fromStdString(*parsed.value->orderId),
                                           orderId())));
        return;
    }
    m_support = std::move(parsed.value);
    finishOk();
}

void SupportReply::refetch()
{
    send(FetchRequest{orderId()}, [this](const HttpResult &r) { interpret(r, false); });
}

} // namespace sd
