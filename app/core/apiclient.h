// The Support Management API client: one object over one QNetworkAccessManager, one typed call
// per operation, each returning a reply object.
//
// Signal order of every reply: zero or more retrying(), then exactly one resultReady() and one
// finished(), always asynchronously (never from inside the call that created the reply, not
// even for input that is refused before sending). After resultReady() the reply holds a result
// or an error; finished() follows at once, or for a write with a WriteJournal attached, once
// the journal has kept its outcome. The caller owns the reply (deleteLater() it); abort() ends
// it with ApiError::Kind::Cancelled.
#pragma once

#include "apierror.h"
#include "models.h"
#include "retrypolicy.h"

#include <QByteArrayList>
#include <QElapsedTimer>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QTimer;

namespace sd {

class ApiClient;
class ApiReply;

// Sees every request that changes something (the audit trail: AuditRecorder).
class WriteJournal
{
public:
    virtual ~WriteJournal() = default;
    // Before a write is sent. A message: it is not sent, and its reply ends with that error.
    virtual QString writeStarting(const ApiClient &client, const ApiReply &reply, qint64 *id) = 0;
    // When the write's reply ends; `report` emits its finished(), once the outcome is kept.
    virtual void writeFinished(const ApiReply &reply, qint64 id, std::function<void()> report) = 0;
};

struct ClientConfig
{
    QUrl baseUrl;
    QString token;           // bearer token; never logged or printed
    int timeoutMs = 15'000;  // per attempt
    RetryPolicy retry;
    qint64 maxResponseBytes = 8 * 1024 * 1024;
    QList<QSslCertificate> extraCaCertificates; // trusted in addition to the system's
};

// Loads the PEM or DER certificates of `path`; an error message when none could be read.
QString loadCaCertificates(const QString &path, QList<QSslCertificate> *out);

// One HTTP exchange, as the request log and `supportctl -v` show it. Holds no token.
struct Exchange
{
    QDateTime started;
    QByteArray method;
    QUrl url;
    int attempt = 1;       // 1 = first try
    int httpStatus = 0;
    qint64 durationMs = 0;
    qint64 bytesReceived = 0;
    ApiError error;        // Kind::None when the exchange succeeded
    QByteArray requestBody; // what was sent (for "copy as curl"); may contain personal data
};

// The raw outcome of one exchange (all retries included).
struct HttpResult
{
    int status = 0;
    QByteArray body;
    QByteArray etag;
    QByteArray contentType;
    ApiError error;
};

class ApiReply : public QObject
{
    Q_OBJECT
public:
    ~ApiReply() override;

    Operation operation() const { return m_operation; }
    QString orderId() const { return m_orderId; }
    bool isFinished() const { return m_finished; }
    bool isOk() const { return m_finished && !m_error.isError(); }
    const ApiError &error() const { return m_error; }
    int httpStatus() const { return m_last.status; }
    QByteArray etag() const { return m_last.etag; }
    // The server's body of the final exchange, unchanged.
    QByteArray rawBody() const { return m_last.body; }
    // The body of the last request sent (for the outbox, when a write could not be delivered).
    QByteArray sentBody() const { return m_request.body; }

    void abort();

Q_SIGNALS:
    void retrying(int retry, int delayMs, const sd::ApiError &reason);
    // The result or error is known (isFinished()); finished() follows (see above). A bulk run
    // frees the request's place here and reports it at finished().
    void resultReady();
    void finished();

protected:
    friend class ApiClient;
    ApiReply(ApiClient *client, Operation op, const QString &orderId);

    struct Request
    {
        Request(QByteArray m, bool agent = false, QByteArray b = {}, bool withBody = false,
                QByteArray match = {})
            : method(std::move(m)), agentPath(agent), body(std::move(b)), hasBody(withBody),
              ifMatch(std::move(match))
        {
        }
        QByteArray method;
        bool agentPath = false;
        QByteArray body;       // sent when non-empty or when hasBody
        bool hasBody = false;
        QByteArray ifMatch;
    };
    using Continuation = std::function<void(const HttpResult &)>;
    void send(const Request &request, Continuation then);
    void finishWithError(ApiError error);
    void finishOk();
    ApiError makeError(ApiError::Kind kind, const QString &detail = {}) const;
    ApiClient *client() const { return m_client; }
    HttpResult m_last;

private:
    void startAttempt();
    void startHop(); // one request of the attempt (more than one when redirected)
    void onAttemptFinished();
    QUrl redirectTarget(const QByteArray &location) const;
    void scheduleRetry(const ApiError &reason, int delayMs);
    void completeExchange(const HttpResult &result);
    void emitFinished();
    // Counted in ApiClient::requestsInFlight() from send() until resultReady(), and in
    // unfinishedReplies() until finished().
    void enterInFlight();
    void leaveInFlight();
    void leaveUnfinished();

    QPointer<ApiClient> m_client;
    // The server, token and limits as they were when the request was made: every attempt and
    // redirect uses these, never a later setConfig() (a request belongs to its profile).
    ClientConfig m_config;
    Operation m_operation;
    QString m_orderId;
    ApiError m_error;
    bool m_finished = false;
    bool m_inFlight = false;
    bool m_unfinished = false;

    // Current exchange.
    Request m_request{QByteArray()};
    Continuation m_then;
    int m_attempt = 0;
    // Where the current request of the attempt goes, and how: a same-origin redirect changes
    // them (303 turns it into a GET); each attempt starts again from the request as made.
    QUrl m_target;
    QByteArray m_hopMethod;
    QByteArray m_hopBody;
    bool m_hopHasBody = false;
    int m_redirects = 0;
    static constexpr int kMaxRedirects = 10;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_attemptTimer = nullptr; // the timeout, then the backoff wait
    QElapsedTimer m_attemptClock;
    QDateTime m_attemptStarted;
    QByteArrayList m_chunks; // the body received so far
    qint64 m_received = 0;    // its size
    bool m_timedOut = false;
    bool m_tooLarge = false;
    bool m_aborted = false;
    bool m_waitingToRetry = false;
    bool m_journaled = false; // a write the WriteJournal has seen start
    qint64 m_journalId = 0;
};

// A reply whose result is a Support session.
class SupportReply : public ApiReply
{
    Q_OBJECT
public:
    // Set on success. For close() with an empty 2xx body there is no final session: nullopt.
    const std::optional<Support> &result() const { return m_support; }
    // For update(): the session as read before the change (for the audit trail).
    const std::optional<Support> &before() const { return m_before; }

private:
    friend class ApiClient;
    using ApiReply::ApiReply;
    void interpret(const HttpResult &r, bool emptyMeansRefetch);
    void refetch();
    std::optional<Support> m_support;
    std::optional<Support> m_before;
};

class AgentReply : public ApiReply
{
    Q_OBJECT
public:
    const std::optional<Agent> &result() const { return m_agent; }

private:
    friend class ApiClient;
    using ApiReply::ApiReply;
    std::optional<Agent> m_agent;
};

class ApiClient : public QObject
{
    Q_OBJECT
public:
    // `nam` may be injected (tests use a fake one); else the client makes its own.
    explicit ApiClient(QObject *parent = nullptr, QNetworkAccessManager *nam = nullptr);
    ~ApiClient() override;

    // Requests already made keep the server and token they were made with. Another server, or
    // another token where there was one (a profile switch), cancels those not finished yet;
    // a first token on the same server (the keychain answering) lets them go on.
    void setConfig(const ClientConfig &config);
    // Every write is shown to `journal` (not owned; nullptr: none) before it is sent.
    void setWriteJournal(WriteJournal *journal) { m_journal = journal; }
    const ClientConfig &config() const { return m_config; }
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }
    // Replies sent whose result is not known yet (a wait before a retry included).
    int requestsInFlight() const { return m_inFlight; }
    // Replies sent that have not emitted finished() yet: also those whose write outcome the
    // journal is still keeping. Zero means every answer has reached its receivers.
    int unfinishedReplies() const { return m_unfinished; }

    // POST /support/{id}; `body` optional (order_id is set to the ID).
    SupportReply *create(const QString &orderId, const std::optional<Support> &body = {});
    // GET /support/{id}
    SupportReply *fetch(const QString &orderId);
    // PUT /support/{id} with the whole object as given. `ifMatch` is sent when not empty.
    SupportReply *replace(const QString &orderId, const Support &whole,
                          const QByteArray &ifMatch = {});
    // Read-modify-write: GET, apply `change`, PUT with If-Match when the server gave an ETag.
    // Every field `change` does not touch, unknown ones included, goes back unchanged.
    // 412 becomes ApiError::Kind::Conflict.
    SupportReply *update(const QString &orderId, std::function<void(Support &)> change);
    // DELETE /support/{id}
    SupportReply *close(const QString &orderId, const QByteArray &ifMatch = {});
    // GET /support/{id}/agent
    AgentReply *fetchAgent(const QString &orderId);
    // PUT /support/{id}/agent; `agent.id` is required.
    SupportReply *assignAgent(const QString &orderId, const Agent &agent,
                              const QByteArray &ifMatch = {});
    // DELETE /support/{id}/agent
    SupportReply *unassignAgent(const QString &orderId, const QByteArray &ifMatch = {});

    static QByteArray userAgent();

Q_SIGNALS:
    // setConfig() was called (e.g. the token arrived from the keychain).
    void configChanged();
    // For the request log and -v: one per attempt, when it ends. Never carries the token.
    void exchangeFinished(const sd::Exchange &exchange);
    // For the status bar: a request will be tried again after delayMs.
    void retryScheduled(const QString &orderId, sd::Operation operation, int retry, int delayMs,
                        const sd::ApiError &reason);
    void requestsInFlightChanged(int count);

private:
    friend class ApiReply;
    QNetworkReply *startRequest(const ClientConfig &config, const QByteArray &method,
                                const QUrl &url, const QByteArray &body, bool hasBody,
                                const QByteArray &ifMatch);
    void changeInFlight(int delta);
    template<typename R>
    R *makeReply(Operation op, const QString &orderId, bool *refused);
    // The common case: one request whose answer is a Support.
    SupportReply *sendSupport(Operation op, const QString &orderId, const ApiReply::Request &request,
                              bool emptyMeansRefetch);

    QNetworkAccessManager *m_nam;
    ClientConfig m_config;
    int m_inFlight = 0;
    int m_unfinished = 0;
    WriteJournal *m_journal = nullptr;
};

} // namespace sd

Q_DECLARE_METATYPE(sd::Exchange)
