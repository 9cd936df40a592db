#include "apiclient.h"
#include "apiclient_p.h"

#include "apiurl.h"
#include "version.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSslConfiguration>

#include <algorithm>
#include <cstring>

namespace sd {

using detail::isBlank;
using detail::isJsonContentType;

namespace {

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

bool ApiClient::refuse(ApiReply *reply, const ApiRequest &request)
{
    QString problem = orderIdProblem(orderIdOf(request));
    if (problem.isEmpty())
        problem = baseUrlProblem(m_config.baseUrl);
    if (problem.isEmpty())
        problem = requestProblem(request);
    if (problem.isEmpty())
        return false;
    ApiError e;
    e.kind = ApiError::Kind::InvalidInput;
    e.detail = problem;
    QMetaObject::invokeMethod(reply, [reply, e] { reply->finishWithError(e); }, Qt::QueuedConnection);
    return true;
}

ApiReply *ApiClient::send(const ApiRequest &request, const std::optional<Support> &before)
{
    const Operation op = operationOf(request);
    if (std::holds_alternative<FetchAgentRequest>(request)) {
        auto *reply = new AgentReply(this, op, orderIdOf(request));
        if (!refuse(reply, request))
            reply->send(request, [reply](const HttpResult &r) { reply->interpret(r); });
        return reply;
    }
    auto *reply = new SupportReply(this, op, orderIdOf(request));
    reply->m_before = before;
    if (!refuse(reply, request)) {
        // A write answered without a body: its result is read back.
        const bool emptyMeansRefetch = op != Operation::Fetch;
        reply->send(request, [reply, emptyMeansRefetch](const HttpResult &r) {
            reply->interpret(r, emptyMeansRefetch);
        });
    }
    return reply;
}

SupportReply *ApiClient::create(const QString &orderId, const std::optional<Support> &body)
{
    return sendTyped(CreateRequest{orderId, body});
}

SupportReply *ApiClient::fetch(const QString &orderId)
{
    return sendTyped(FetchRequest{orderId});
}

SupportReply *ApiClient::replace(const QString &orderId, const Support &whole,
                                 const QByteArray &ifMatch)
{
    return sendTyped(ReplaceRequest{orderId, whole, ifMatch});
}

SupportReply *ApiClient::update(const QString &orderId, std::function<void(Support &)> change)
{
    auto *reply = new SupportReply(this, Operation::Update, orderId);
    if (refuse(reply, FetchRequest{orderId}))
        return reply;
    reply->send(FetchRequest{orderId}, [reply, orderId, change = std::move(change)](const HttpResult &r) {
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
        reply->send(ReplaceRequest{orderId, std::move(s), r.etag},
                    [reply](const HttpResult &put) { reply->interpret(put, true); });
    });
    return reply;
}

SupportReply *ApiClient::close(const QString &orderId, const QByteArray &ifMatch)
{
    return sendTyped(CloseRequest{orderId, ifMatch});
}

AgentReply *ApiClient::fetchAgent(const QString &orderId)
{
    return sendTyped(FetchAgentRequest{orderId});
}

void AgentReply::interpret(const HttpResult &r)
{
    if (r.error.isError()) {
        finishWithError(r.error);
        return;
    }
    if (isBlank(r.body) || !isJsonContentType(r.contentType)) {
        finishWithError(makeError(
            ApiError::Kind::InvalidResponse,
            isBlank(r.body) ? tr("The server sent an empty body.")
                            : tr("The server answered with content type \"%1\" "
                                 "instead of JSON.")
                                  .arg(QString::fromLatin1(r.contentType))));
        return;
    }
    auto parsed = parseAgent(std::string_view(r.body.constData(), r.body.size()));
    if (!parsed.ok()) {
        finishWithError(makeError(
            ApiError::Kind::InvalidResponse,
            tr("The agent is not valid: %1 at \"%2\".")
                .arg(QString::fromStdString(parsed.errorMessage),
                     QString::fromStdString(parsed.errorPath))));
        return;
    }
    m_agent = std::move(parsed.value);
    finishOk();
}

SupportReply *ApiClient::assignAgent(const QString &orderId, const Agent &agent,
                                     const QByteArray &ifMatch)
{
    return sendTyped(AssignAgentRequest{orderId, agent, ifMatch});
}

SupportReply *ApiClient::unassignAgent(const QString &orderId, const QByteArray &ifMatch)
{
    return sendTyped(UnassignAgentRequest{orderId, ifMatch});
}

} // namespace sd
