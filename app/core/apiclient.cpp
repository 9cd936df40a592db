#include "apiclient.h"

#include "apiurl.h"
#include "version.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace sd {

namespace {

QString fromStd(const std::optional<std::string> &s)
{
    return s ? QString::fromStdString(*s) : QString();
}

bool isJsonContentType(const QByteArray &contentType)
{
    const QByteArray mime = contentType.split(';').first().trimmed().toLower();
    return mime == "application/json" || (mime.startsWith("application/") && mime.endsWith("+json"));
}

bool isBlank(const QByteArray &body)
{
    return body.trimmed().isEmpty();
}

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

// A request body that cannot be rewound, given to every request (an empty one to GET and
// DELETE). QNetworkAccessManager silently sends a request again when a connection drops
// (twice for a GET): for POST that could create a session twice, and for every method it
// would go beyond --retries. With this body it reports ContentReSendError instead, which
// counts as one dropped attempt ("at most N+1 attempts on the wire").
class OneShotBody : public QIODevice
{
public:
    OneShotBody(const QByteArray &data, QObject *parent) : QIODevice(parent), m_data(data)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_pos + QIODevice::bytesAvailable();
    }
    qint64 size() const override { return m_data.size(); }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = std::min<qint64>(max, m_data.size() - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace

QString loadCaCertificates(const QString &path, QList<QSslCertificate> *out)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QCoreApplication::translate("sd::Api", "Cannot read the CA certificate file %1: %2")
            .arg(path, file.errorString());
    const QByteArray data = file.readAll();
    QList<QSslCertificate> certs = QSslCertificate::fromData(data, QSsl::Pem);
    if (certs.isEmpty())
        certs = QSslCertificate::fromData(data, QSsl::Der);
    if (certs.isEmpty())
        return QCoreApplication::translate("sd::Api",
                                           "The file %1 holds no PEM or DER certificate.")
            .arg(path);
    *out = certs;
    return {};
}

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

void ApiReply::send(const Request &request, Continuation then)
{
    if (request.method != "GET" && !m_journaled && m_client && m_client->m_journal) {
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
    m_target = supportUrl(m_config.baseUrl, m_orderId, m_request.agentPath);
    m_hopMethod = m_request.method;
    m_hopBody = m_request.body;
    m_hopHasBody = m_request.hasBody;
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
                                                  m_request.ifMatch);
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
            err.code = fromStd(body->code);
            err.serverMessage = fromStd(body->message);
            if (body->paths)
                err.detail = fromStd(body->paths);
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
    if (err.isError() && transient && RetryPolicy::isRetryableMethod(m_request.method)
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
    send(Request(QByteArrayLiteral("GET")), [this](const HttpResult &r) { interpret(r, false); });
}

// ---- ApiClient -------------------------------------------------------------------------------

ApiClient::ApiClient(QObject *parent, QNetworkAccessManager *nam)
    : QObject(parent), m_nam(nam ? nam : new QNetworkAccessManager(this))
{
    qRegisterMetaType<sd::ApiError>();
    qRegisterMetaType<sd::Exchange>();
    // Each request asks for manual redirects (startRequest); nothing else uses this manager
    // to follow one elsewhere either.
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiClient::~ApiClient() = default;

void ApiClient::setConfig(const ClientConfig &config)
{
    // Pooled connections keep the TLS settings they were opened with: start afresh.
    if (config.extraCaCertificates != m_config.extraCaCertificates
        || config.baseUrl != m_config.baseUrl)
        m_nam->clearConnectionCache();
    const bool otherServer = config.baseUrl != m_config.baseUrl;
    const bool otherToken = !m_config.token.isEmpty() && config.token != m_config.token;
    m_config = config;
    if (otherServer || otherToken) {
        // Their answers belong to the previous profile (its workspace, its outbox): cancelled,
        // never sent again with this configuration.
        const QList<ApiReply *> replies = findChildren<ApiReply *>(Qt::FindDirectChildrenOnly);
        for (ApiReply *reply : replies)
            if (!reply->isFinished())
                reply->abort();
    }
    Q_EMIT configChanged();
}

QByteArray ApiClient::userAgent()
{
    return QByteArrayLiteral("SupportDesk/" SUPPORTDESK_VERSION);
}

void ApiClient::changeInFlight(int delta)
{
    m_inFlight += delta;
    Q_EMIT requestsInFlightChanged(m_inFlight);
}

QNetworkReply *ApiClient::startRequest(const ClientConfig &config, const QByteArray &method,
                                       const QUrl &url, const QByteArray &body, bool hasBody,
                                       const QByteArray &ifMatch)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", userAgent());
    if (hasBody)
        request.setRawHeader("Content-Type", "application/json; charset=utf-8");
    if (!config.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + config.token.toUtf8());
    if (!ifMatch.isEmpty())
        request.setRawHeader("If-Match", ifMatch);
    // Redirects are ours to follow (ApiReply): only within the configured server's origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // Verification stays on (VerifyPeer is the client default); we only add trust anchors.
    if (!config.extraCaCertificates.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(config.extraCaCertificates);
        request.setSslConfiguration(ssl);
    }
    // Every method gets a body that cannot be rewound (see OneShotBody), so that the request
    // goes on the wire once per attempt.
    request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    auto *device = new OneShotBody(body, nullptr);
    QNetworkReply *reply = m_nam->sendCustomRequest(request, method, device);
    device->setParent(reply);
    return reply;
}

template<typename R>
R *ApiClient::makeReply(Operation op, const QString &orderId, bool *refused)
{
    *refused = false;
    auto *reply = new R(this, op, orderId);
    QString problem = orderIdProblem(orderId);
    if (problem.isEmpty())
        problem = baseUrlProblem(m_config.baseUrl);
    if (!problem.isEmpty()) {
        ApiError e;
        e.kind = ApiError::Kind::InvalidInput;
        e.detail = problem;
        QMetaObject::invokeMethod(
            reply, [reply, e] { reply->finishWithError(e); }, Qt::QueuedConnection);
        *refused = true;
    }
    return reply;
}

SupportReply *ApiClient::sendSupport(Operation op, const QString &orderId,
                                     const ApiReply::Request &request, bool emptyMeansRefetch)
{
    bool refused = false;
    auto *reply = makeReply<SupportReply>(op, orderId, &refused);
    if (!refused)
        reply->send(request, [reply, emptyMeansRefetch](const HttpResult &r) {
            reply->interpret(r, emptyMeansRefetch);
        });
    return reply;
}

SupportReply *ApiClient::create(const QString &orderId, const std::optional<Support> &body)
{
    bool refused = false;
    auto *reply = makeReply<SupportReply>(Operation::Create, orderId, &refused);
    if (refused)
        return reply;
    QByteArray payload;
    if (body) {
        Support s = *body;
        s.orderId = orderId.toStdString();
        payload = QByteArray::fromStdString(serialize(s));
    }
    reply->send(ApiReply::Request("POST", false, payload, body.has_value(), {}),
                [reply](const HttpResult &r) { reply->interpret(r, true); });
    return reply;
}

SupportReply *ApiClient::fetch(const QString &orderId)
{
    return sendSupport(Operation::Fetch, orderId, ApiReply::Request("GET"), false);
}

SupportReply *ApiClient::replace(const QString &orderId, const Support &whole,
                                 const QByteArray &ifMatch)
{
    Support s = whole;
    s.orderId = orderId.toStdString();
    return sendSupport(Operation::Update, orderId,
                       ApiReply::Request("PUT", false, QByteArray::fromStdString(serialize(s)), true, ifMatch),
                       true);
}

SupportReply *ApiClient::update(const QString &orderId, std::function<void(Support &)> change)
{
    bool refused = false;
    auto *reply = makeReply<SupportReply>(Operation::Update, orderId, &refused);
    if (refused)
        return reply;
    reply->send(ApiReply::Request("GET"), [reply, orderId, change = std::move(change)](const HttpResult &r) {
        if (r.error.isError()) {
            reply->finishWithError(r.error);
            return;
        }
        if (isBlank(r.body) || !isJsonContentType(r.contentType)) {
            reply->finishWithError(reply->makeError(
                ApiError::Kind::InvalidResponse,
                SupportReply::tr("The server did not send the current session to update.")));
            return;
        }
        auto current = parseSupport(std::string_view(r.body.constData(), r.body.size()));
        if (!current.ok()) {
            reply->finishWithError(reply->makeError(
                ApiError::Kind::InvalidResponse,
                SupportReply::tr("The current session is not valid: %1 at \"%2\".")
                    .arg(QString::fromStdString(current.errorMessage),
                         QString::fromStdString(current.errorPath))));
            return;
        }
        Support s = std::move(*current.value);
        reply->m_before = s;
        if (change)
            change(s);
        s.orderId = orderId.toStdString();
        reply->send(ApiReply::Request("PUT", false, QByteArray::fromStdString(serialize(s)), true, r.etag),
                    [reply](const HttpResult &put) { reply->interpret(put, true); });
    });
    return reply;
}

SupportReply *ApiClient::close(const QString &orderId, const QByteArray &ifMatch)
{
    return sendSupport(Operation::Close, orderId, ApiReply::Request("DELETE", false, {}, false, ifMatch), false);
}

AgentReply *ApiClient::fetchAgent(const QString &orderId)
{
    bool refused = false;
    auto *reply = makeReply<AgentReply>(Operation::FetchAgent, orderId, &refused);
    if (refused)
        return reply;
    reply->send(ApiReply::Request("GET", true), [reply](const HttpResult &r) {
        if (r.error.isError()) {
            reply->finishWithError(r.error);
            return;
        }
        if (isBlank(r.body) || !isJsonContentType(r.contentType)) {
            reply->finishWithError(reply->makeError(
                ApiError::Kind::InvalidResponse,
                isBlank(r.body) ? AgentReply::tr("The server sent an empty body.")
                                : AgentReply::tr("The server answered with content type \"%1\" "
                                                 "instead of JSON.")
                                      .arg(QString::fromLatin1(r.contentType))));
            return;
        }
        auto parsed = parseAgent(std::string_view(r.body.constData(), r.body.size()));
        if (!parsed.ok()) {
            reply->finishWithError(reply->makeError(
                ApiError::Kind::InvalidResponse,
                AgentReply::tr("The agent is not valid: %1 at \"%2\".")
                    .arg(QString::fromStdString(parsed.errorMessage),
                         QString::fromStdString(parsed.errorPath))));
            return;
        }
        reply->m_agent = std::move(parsed.value);
        reply->finishOk();
    });
    return reply;
}

SupportReply *ApiClient::assignAgent(const QString &orderId, const Agent &agent,
                                     const QByteArray &ifMatch)
{
    bool refused = false;
    auto *reply = makeReply<SupportReply>(Operation::AssignAgent, orderId, &refused);
    if (refused)
        return reply;
    if (!agent.id || QString::fromStdString(*agent.id).trimmed().isEmpty()) {
        ApiError e;
        e.kind = ApiError::Kind::InvalidInput;
        e.detail = tr("An agent needs an ID.");
        QMetaObject::invokeMethod(
            reply, [reply, e] { reply->finishWithError(e); }, Qt::QueuedConnection);
        return reply;
    }
    Support body;
    body.orderId = orderId.toStdString();
    body.agent = agent;
    reply->send(ApiReply::Request("PUT", true, QByteArray::fromStdString(serialize(body)), true, ifMatch),
                [reply](const HttpResult &r) { reply->interpret(r, true); });
    return reply;
}

SupportReply *ApiClient::unassignAgent(const QString &orderId, const QByteArray &ifMatch)
{
    return sendSupport(Operation::UnassignAgent, orderId, ApiReply::Request("DELETE", true, {}, false, ifMatch), true);
}

} // namespace sd
