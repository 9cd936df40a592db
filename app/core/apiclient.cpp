#include "apiclient.h"

#include "apiurl.h"
#include "rawhttpreply.h"
#include "version.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QTimer>

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

// A request body that cannot be rewound. QNetworkAccessManager silently sends a request again
// when a connection drops; for POST that could create a session twice. With this body it
// reports ContentReSendError instead ("POST is never retried once sent").
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
    : QObject(client), m_client(client), m_operation(op), m_orderId(orderId)
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
        if (m_client)
            m_client->changeInFlight(-1);
    }
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
    Q_EMIT resultReady();
    WriteJournal *journal = m_client ? m_client->m_journal : nullptr;
    if (m_journaled && journal) {
        journal->writeFinished(*this, m_journalId, [self = QPointer<ApiReply>(this)] {
            if (self)
                Q_EMIT self->finished();
        });
        return;
    }
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
    m_buffer.clear();
    m_timedOut = false;
    m_tooLarge = false;
    const ClientConfig &config = m_client->config();
    const QByteArray url = supportUrlEncoded(config.baseUrl, m_orderId, m_request.agentPath);
    m_attemptStarted = QDateTime::currentDateTimeUtc();
    m_attemptClock.start();
    QNetworkReply *reply = m_client->startRequest(m_request.method, url, m_request.body,
                                                  m_request.hasBody, m_request.ifMatch);
    m_reply = reply;
    const qint64 limit = config.maxResponseBytes;

    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply, limit] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > limit && !m_tooLarge) {
            m_tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply, limit] {
        if (m_tooLarge)
            return;
        m_buffer += reply->readAll();
        if (m_buffer.size() > limit) {
            m_tooLarge = true;
            m_buffer.clear();
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, &ApiReply::onAttemptFinished);

    m_attemptTimer->disconnect();
    connect(m_attemptTimer, &QTimer::timeout, this, [this] {
        if (m_reply) {
            m_timedOut = true;
            m_reply->abort();
        }
    });
    m_attemptTimer->start(std::max(1, config.timeoutMs));
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
    if (m_client)
        m_client->changeInFlight(-1);

    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.etag = reply->rawHeader("ETag");
    r.contentType = reply->rawHeader("Content-Type");
    if (!m_tooLarge && !m_aborted && reply->isOpen())
        m_buffer += reply->readAll();
    if (!m_tooLarge && m_buffer.size() > (m_client ? m_client->config().maxResponseBytes : 0))
        m_tooLarge = true;
    r.body = m_tooLarge ? QByteArray() : m_buffer;
    m_buffer.clear();

    const QNetworkReply::NetworkError netError = reply->error();
    bool transient = false;
    const qint64 limitBytes = m_client ? m_client->config().maxResponseBytes : 0;
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
    } else if (r.status == 0 && netError != QNetworkReply::NoError) {
        if (netError == QNetworkReply::ProtocolFailure
            || netError == QNetworkReply::ProtocolUnknownError)
            err = makeError(ApiError::Kind::InvalidResponse, reply->errorString());
        else
            err = makeError(ApiError::Kind::Network, reply->errorString());
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
        ex.method = m_request.method;
        ex.url = supportUrl(m_client->config().baseUrl, m_orderId, m_request.agentPath);
        ex.attempt = m_attempt;
        ex.httpStatus = r.status;
        ex.durationMs = m_attemptClock.elapsed();
        ex.bytesReceived = r.body.size();
        ex.error = err;
        ex.requestBody = m_request.body;
        Q_EMIT m_client->exchangeFinished(ex);
    }

    const RetryPolicy policy = m_client ? m_client->config().retry : RetryPolicy{};
    if (err.isError() && transient && RetryPolicy::isRetryableMethod(m_request.method)
        && m_attempt <= policy.maxRetries) {
        int delay = policy.backoffMs(m_attempt, QRandomGenerator::global()->generateDouble());
        const auto retryAfter = RetryPolicy::parseRetryAfterMs(reply->rawHeader("Retry-After"),
                                                               QDateTime::currentDateTimeUtc());
        if (retryAfter) {
            if (*retryAfter > policy.maxRetryAfterMs) {
                err.detail = tr("The server asked to wait %1 s before trying again.")
                                 .arg(*retryAfter / 1000);
                completeExchange(r);
                return;
            }
            delay = int(*retryAfter);
        }
        scheduleRetry(err, delay);
        return;
    }
    completeExchange(r);
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
    m_attemptTimer->start(delayMs);
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
    // Redirects are followed only to equally safe targets (https never to http).
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

ApiClient::~ApiClient() = default;

void ApiClient::setConfig(const ClientConfig &config)
{
    // Pooled connections keep the TLS settings they were opened with: start afresh.
    if (config.extraCaCertificates != m_config.extraCaCertificates
        || config.baseUrl != m_config.baseUrl)
        m_nam->clearConnectionCache();
    m_config = config;
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

QNetworkReply *ApiClient::startRequest(const QByteArray &method, const QByteArray &encodedUrl,
                                       const QByteArray &body, bool hasBody,
                                       const QByteArray &ifMatch)
{
    const QUrl url = QUrl::fromEncoded(encodedUrl, QUrl::StrictMode);
    QList<QPair<QByteArray, QByteArray>> headers = {{"Accept", "application/json"},
                                                     {"User-Agent", userAgent()}};
    if (hasBody)
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
    if (!m_config.token.isEmpty())
        headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + m_config.token.toUtf8())));
    if (!ifMatch.isEmpty())
        headers.append(qMakePair(QByteArray("If-Match"), QByteArray(ifMatch)));
    // Verification stays on (VerifyPeer is the client default); we only add trust anchors.
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!m_config.extraCaCertificates.isEmpty())
        ssl.addCaCertificates(m_config.extraCaCertificates);
    changeInFlight(+1);

    if (url.toEncoded() != encodedUrl) {
        // QUrl would decode the path (an ID of "." or ".."): send it byte for byte ourselves.
        const qsizetype authorityStart = encodedUrl.indexOf("://") + 3;
        const QByteArray target = encodedUrl.mid(encodedUrl.indexOf('/', authorityStart));
        return new RawHttpReply(method, url, target, headers, body, ssl, this);
    }

    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (!m_config.extraCaCertificates.isEmpty())
        request.setSslConfiguration(ssl);
    if (method == "GET")
        return m_nam->get(request);
    if (method == "DELETE")
        return m_nam->deleteResource(request);
    if (method == "PUT")
        return m_nam->put(request, body);
    if (method == "POST") {
        request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *device = new OneShotBody(body, nullptr);
        QNetworkReply *reply = m_nam->post(request, device);
        device->setParent(reply);
        return reply;
    }
    return m_nam->sendCustomRequest(request, method, body);
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
