// The client against a fault-injecting server: refusals with Error bodies, transient errors
// and retries, timeouts, broken and oversized answers, and TLS.
#include "apiclient.h"
#include "faultserver.h"
#include "outbox.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslKey>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace sd;

namespace {

const QByteArray kSession = R"({"order_id":"ORD-1","callback_phone":"+1 555 0100"})";

QByteArray errorBody(const char *code, const char *message)
{
    return QByteArray(R"({"error":{"code":")") + code + R"(","message":")" + message + R"("}})";
}

bool waitFor(ApiReply *reply, int ms = 20000)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &ApiReply::finished);
    return spy.wait(ms) && spy.count() == 1;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT
    FaultServer *m_server = nullptr;
    ApiClient *m_client = nullptr;
    QUrl m_url;

    void configure(const QUrl &url, int timeoutMs = 3000, int retries = 3)
    {
        ClientConfig config;
        config.baseUrl = url;
        config.timeoutMs = timeoutMs;
        config.retry.maxRetries = retries;
        config.retry.baseDelayMs = 5;
        config.token = QStringLiteral("tok-123");
        m_client->setConfig(config);
    }

private Q_SLOTS:
    void init()
    {
        m_server = new FaultServer(this);
        m_url = m_server->start();
        QVERIFY(m_url.isValid());
        m_client = new ApiClient(this);
        configure(m_url);
    }
    void cleanup()
    {
        delete m_client;
        delete m_server;
    }

    void refusalsCarryTheErrorBody_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<int>("kind");
        QTest::newRow("404") << 404 << QByteArray("SESSION_NOT_FOUND") << int(ApiError::Kind::Refused);
        QTest::newRow("409") << 409 << QByteArray("SESSION_ALREADY_OPEN") << int(ApiError::Kind::Refused);
        QTest::newRow("400") << 400 << QByteArray("INVALID_BODY") << int(ApiError::Kind::Refused);
        QTest::newRow("401") << 401 << QByteArray("UNAUTHORIZED") << int(ApiError::Kind::Refused);
        QTest::newRow("412") << 412 << QByteArray("PRECONDITION_FAILED") << int(ApiError::Kind::Conflict);
        QTest::newRow("501") << 501 << QByteArray("NOT_IMPLEMENTED") << int(ApiError::Kind::Server);
    }
    void refusalsCarryTheErrorBody()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        QFETCH(int, kind);
        m_server->enqueue(FaultStep::json(status, errorBody(code.constData(), "explained")));
        auto *r = m_client->fetch(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(r));
        QCOMPARE(int(r->error().kind), kind);
        QCOMPARE(r->error().httpStatus, status);
        QCOMPARE(r->error().code, QString::fromLatin1(code));
        QCOMPARE(r->error().serverMessage, QStringLiteral("explained"));
        QCOMPARE(r->error().operation, Operation::Fetch);
        QCOMPARE(r->error().orderId, QStringLiteral("ORD-1"));
        QCOMPARE(m_server->requests().size(), 1); // final: not retried
    }

    void requestHeaders()
    {
        m_server->enqueue(FaultStep::json(200, kSession));
        Support s;
        s.callbackPhone = "x";
        auto *r = m_client->replace(QStringLiteral("ORD-1"), s, "\"7\"");
        QVERIFY(waitFor(r));
        QVERIFY2(r->isOk(), qPrintable(r->error().message()));
        const RecordedRequest &req = m_server->requests().first();
        QCOMPARE(req.method, QByteArray("PUT"));
        QCOMPARE(req.path, QByteArray("/support/ORD-1"));
        QCOMPARE(req.headers.value("accept"), QByteArray("application/json"));
        QVERIFY(req.headers.value("content-type").startsWith("application/json"));
        QVERIFY(req.headers.value("user-agent").startsWith("SupportDesk/"));
        QCOMPARE(req.headers.value("authorization"), QByteArray("Bearer tok-123"));
        QCOMPARE(req.headers.value("if-match"), QByteArray("\"7\""));
        QVERIFY(req.body.contains("\"order_id\":\"ORD-1\""));
    }

    void dotIdsRefusedBeforeSending_data()
    {
        QTest::addColumn<QString>("orderId");
        QTest::newRow("dot") << QStringLiteral(".");
        QTest::newRow("dotdot") << QStringLiteral("..");
    }
    void dotIdsRefusedBeforeSending()
    {
        // SEMANTICS.md: "." and ".." are refused before sending (dot segments, whatever the
        // encoding), like an empty ID.
        QFETCH(QString, orderId);
        m_server->setFallback(FaultStep::json(200, R"({"order_id":".."})"));
        auto *r = m_client->fetch(orderId);
        QVERIFY(!r->isFinished()); // finished() still comes asynchronously
        QVERIFY(waitFor(r));
        QCOMPARE(r->error().kind, ApiError::Kind::InvalidInput);
        QVERIFY(!r->error().detail.isEmpty());
        auto *w = m_client->replace(orderId, Support{});
        QVERIFY(waitFor(w));
        QCOMPARE(w->error().kind, ApiError::Kind::InvalidInput);
        QCOMPARE(m_server->requests().size(), 0);
        QCOMPARE(m_server->connectionCount(), 0);
    }

    void serviceUnavailableHonoursRetryAfter()
    {
        FaultStep busy = FaultStep::json(503, errorBody("BUSY", "later"));
        busy.headers = {{"Retry-After", "1"}};
        m_server->enqueue(busy);
        m_server->enqueue(FaultStep::json(200, kSession));
        auto *r = m_client->fetch(QStringLiteral("ORD-1"));
        QSignalSpy retrying(r, &ApiReply::retrying);
        QSignalSpy clientRetry(m_client, &ApiClient::retryScheduled);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(waitFor(r));
        QVERIFY2(r->isOk(), qPrintable(r->error().message()));
        QCOMPARE(retrying.count(), 1);
        QCOMPARE(retrying.first().at(1).toInt(), 1000); // the delay is the server's
        QCOMPARE(clientRetry.count(), 1);
        QVERIFY(clock.elapsed() >= 900);
        QCOMPARE(m_server->requests().size(), 2);
    }

    void serverErrorThenSuccess()
    {
        m_server->enqueue(FaultStep::json(500, errorBody("OOPS", "boom")));
        m_server->enqueue(FaultStep::json(502, "<html>bad gateway</html>"));
        m_server->enqueue(FaultStep::json(200, kSession));
        auto *r = m_client->update(QStringLiteral("ORD-1"), [](Support &s) { s.callbackPhone = "2"; });
        m_server->enqueue(FaultStep::json(200, kSession)); // the PUT
        QVERIFY(waitFor(r));
        QVERIFY2(r->isOk(), qPrintable(r->error().message()));
        QCOMPARE(m_server->requests().size(), 4);
        QCOMPARE(m_server->requests().at(3).method, QByteArray("PUT"));
    }

    void readModifyWriteSendsIfMatchAndReportsConflict()
    {
        FaultStep current = FaultStep::json(200, R"({"order_id":"ORD-1","x_keep":[1]})");
        current.headers = {{"ETag", "\"41\""}};
        m_server->enqueue(current);
        m_server->enqueue(FaultStep::json(412, errorBody("PRECONDITION_FAILED", "changed")));
        auto *r = m_client->update(QStringLiteral("ORD-1"), [](Support &s) { s.callbackPhone = "9"; });
        QVERIFY(waitFor(r));
        QCOMPARE(r->error().kind, ApiError::Kind::Conflict);
        QCOMPARE(r->error().httpStatus, 412);
        QVERIFY(r->error().message().contains(QStringLiteral("changed by someone else")));
        const RecordedRequest &put = m_server->requests().at(1);
        QCOMPARE(put.method, QByteArray("PUT"));
        QCOMPARE(put.headers.value("if-match"), QByteArray("\"41\""));
        QVERIFY(put.body.contains("\"x_keep\":[1]"));
        QVERIFY(put.body.contains("\"callback_phone\":\"9\""));
        QCOMPARE(m_server->requests().size(), 2); // a conflict is final
    }

    void retryAfterTooLongIsNotWaitedFor()
    {
        FaultStep busy = FaultStep::json(503, errorBody("MAINTENANCE", "back tomorrow"));
        busy.headers = {{"Retry-After", "86400"}};
        m_server->setFallback(busy);
        auto *r = m_client->fetch(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(r, 5000));
        QCOMPARE(r->error().kind, ApiError::Kind::Server);
        QVERIFY(r->error().detail.contains(QStringLiteral("86400")));
        QCOMPARE(m_server->requests().size(), 1);
    }

    void hugeRetryAfterEndsTheRequestAtOnce()
    {
        FaultStep busy = FaultStep::json(503, errorBody("BUSY", "later"));
        busy.headers = {{"Retry-After", "9223372036854775807"}};
        m_server->setFallback(busy);
        QElapsedTimer clock;
        clock.start();
        auto *r = m_client->fetch(QStringLiteral("ORD-1"));
        QSignalSpy retrying(r, &ApiReply::retrying);
        QVERIFY(waitFor(r, 5000));
        QVERIFY(clock.elapsed() < 4000);
        QCOMPARE(r->error().kind, ApiError::Kind::Server);
        QCOMPARE(r->error().httpStatus, 503);
        QVERIFY2(r->error().detail.contains(QStringLiteral("9223372036854775807")), qPrintable(r->error().detail));
        QCOMPARE(retrying.count(), 0);
        QCOMPARE(m_server->requests().size(), 1);
    }

    void outboxSenderDoesNotStallOnHugeRetryAfter()
    {
        // The app's outbox sends through the client: a huge Retry-After must leave it offline
        // (probing again later), not waiting forever on a reply that never ends.
        QTemporaryDir dir;
        Outbox outbox(dir.filePath(QStringLiteral("outbox.db")));
        QVERIFY2(outbox.isOpen(), qPrintable(outbox.error()));
        OutboxItem item;
        item.orderId = QStringLiteral("ORD-1");
        item.op = Operation::Close;
        item.baseEtag = "\"1\"";
        QVERIFY(outbox.enqueue(item) > 0);
        FaultStep busy = FaultStep::json(503, errorBody("BUSY", "later"));
        busy.headers = {{"Retry-After", "9223372036854775807"}};
        m_server->setFallback(busy);
        OutboxSender sender(m_client, &outbox);
        QSignalSpy offline(&sender, &OutboxSender::offline);
        sender.start();
        QVERIFY(offline.wait(5000));
        QVERIFY(offline.first().at(0).toInt() > 0);
        QVERIFY(offline.first().at(0).toInt() <= 60000);
        QVERIFY(!sender.isSending());
        QCOMPARE(outbox.queuedCount(), 1);
    }

    void sameOriginRedirectIsFollowed()
    {
        m_server->enqueue(FaultStep::redirect(307, "/elsewhere/support/ORD-1"));
        m_server->enqueue(FaultStep::json(200, kSession));
        auto *r = m_client->fetch(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(r));
        QVERIFY2(r->isOk(), qPrintable(r->error().message()));
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(m_server->requests().at(1).path, QByteArray("/elsewhere/support/ORD-1"));
        QCOMPARE(m_server->requests().at(1).headers.value("authorization"), QByteArray("Bearer tok-123"));

        // An absolute URL of the same origin, for a PUT: 307 keeps the method and the body.
        const QByteArray self = m_url.toEncoded(QUrl::StripTrailingSlash);
        m_server->enqueue(FaultStep::redirect(307, self + "/v2/support/ORD-1"));
        m_server->enqueue(FaultStep::json(200, kSession));
        Support s;
        s.callbackPhone = "+1 555 0100";
        auto *w = m_client->replace(QStringLiteral("ORD-1"), s);
        QVERIFY(waitFor(w));
        QVERIFY2(w->isOk(), qPrintable(w->error().message()));
        QCOMPARE(m_server->requests().size(), 4);
        QCOMPARE(m_server->requests().at(3).method, QByteArray("PUT"));
        QCOMPARE(m_server->requests().at(3).path, QByteArray("/v2/support/ORD-1"));
        QCOMPARE(m_server->requests().at(3).body, m_server->requests().at(2).body);

        // 303 after a write: read the answer with GET.
        m_server->enqueue(FaultStep::redirect(303, "/support/ORD-1"));
        m_server->enqueue(FaultStep::json(200, kSession));
        auto *d = m_client->close(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(d));
        QVERIFY2(d->isOk(), qPrintable(d->error().message()));
        QCOMPARE(m_server->requests().at(5).method, QByteArray("GET"));
    }

    void redirectToAnotherOriginIsAnInvalidResponse()
    {
        FaultServer other;
        const QUrl otherUrl = other.start();
        other.setFallback(FaultStep::json(200, kSession));
        const QByteArray target = "http://me:pw-secret@127.0.0.1:" + QByteArray::number(otherUrl.port()) + "/support/ORD-1";
        m_server->setFallback(FaultStep::redirect(302, target));
        auto *r = m_client->fetch(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(r));
        QCOMPARE(r->error().kind, ApiError::Kind::InvalidResponse);
        const QString message = r->error().message();
        QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(otherUrl.port())), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("pw-secret")), qPrintable(message));
        QCOMPARE(other.connectionCount(), 0);
        QCOMPARE(m_server->requests().size(), 1);
    }

    void redirectLoopEnds()
    {
        m_server->setFallback(FaultStep::redirect(308, "/support/ORD-1"));
        auto *r = m_client->fetch(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(r));
        QCOMPARE(r->error().kind, ApiError::Kind::InvalidResponse);
        QVERIFY(m_server->requests().size() <= 11);
    }

    void resetConnectionCountsAsOneAttempt_data()
    {
        QTest::addColumn<int>("op");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<int>("attempts");
        QTest::newRow("GET") << 0 << QByteArray("GET") << 2;
        QTest::newRow("PUT") << 1 << QByteArray("PUT") << 2;
        QTest::newRow("DELETE") << 2 << QByteArray("DELETE") << 2;
        QTest::newRow("POST") << 3 << QByteArray("POST") << 1;
        QTest::newRow("GET dropped") << 4 << QByteArray("GET") << 2;
    }
    void resetConnectionCountsAsOneAttempt()
    {
        QFETCH(int, op);
        QFETCH(QByteArray, method);
        QFETCH(int, attempts);
        configure(m_url, 3000, 1);
        m_server->setFallback(op == 4 ? FaultStep::drop() : FaultStep::reset());
        ApiReply *r = nullptr;
        Support s;
        s.callbackPhone = "+1";
        switch (op) {
        case 0: r = m_client->fetch(QStringLiteral("ORD-1")); break;
        case 1: r = m_client->replace(QStringLiteral("ORD-1"), s); break;
        case 2: r = m_client->close(QStringLiteral("ORD-1")); break;
        case 3: r = m_client->create(QStringLiteral("ORD-1"), s); break;
        default: r = m_client->fetch(QStringLiteral("ORD-1")); break;
        }
        QVERIFY(waitFor(r));
        QCOMPARE(r->error().kind, ApiError::Kind::Network);
        QCOMPARE(m_server->requests().size(), attempts);
        for (const RecordedRequest &req : m_server->requests())
            QCOMPARE(req.method, method);
    }

    void keepAliveReuseStillWorks()
    {
        // Requests in a row share one connection, each answered once.
        m_server->setFallback(FaultStep::json(200, kSession));
        for (int i = 0; i < 5; ++i) {
            auto *r = m_client->fetch(QStringLiteral("ORD-1"));
            QVERIFY(waitFor(r));
            QVERIFY2(r->isOk(), qPrintable(r->error().message()));
        }
        QCOMPARE(m_server->requests().size(), 5);
        QCOMPARE(m_server->connectionCount(), 1);
    }

    void serverErrorsExhaustRetries()
    {
        m_server->setFallback(FaultStep::json(503, errorBody("BUSY", "still busy")));
        auto *r = m_client->close(QStringLiteral("ORD-1"));
        QSignalSpy retrying(r, &ApiReply::retrying);
        QVERIFY(waitFor(r));
        QCOMPARE(r->error().kind, ApiError::Kind::Server);
        QCOMPARE(r->error().httpStatus, 503);
        QCOMPARE(r->error().serverMessage, QStringLiteral("still busy"));
        QCOMPARE(retrying.count(), 3);
        QCOMPARE(m_server->requests().size(), 4); // 1 + 3 retries
    }

    void tooManyRequestsIsRetried()
    {
        m_server->enqueue(FaultStep::json(429, errorBody("SLOW_DOWN", "x")));
        m_server->enqueue(FaultStep::json(200, kSession));
        auto *r = m_client->fetch(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(r));
        QVERIFY(r->isOk());
    }

    void postIsNeverRetried()
    {
        m_server->setFallback(FaultStep::json(503, errorBody("BUSY", "x")));
        auto *r = m_client->create(QStringLiteral("ORD-1"));
        QSignalSpy retrying(r, &ApiReply::retrying);
        QVERIFY(waitFor(r));
        QCOMPARE(r->error().kind, ApiError::Kind::Server);
        QCOMPARE(retrying.count(), 0);
        QCOMPARE(m_server->requests().size(), 1);

        m_server->setFallback(FaultStep::drop());
        auto *r2 = m_client->create(QStringLiteral("ORD-2"));
        QVERIFY(waitFor(r2));
        QCOMPARE(r2->error().kind, ApiError::Kind::Network);
        QCOMPARE(m_server->requests().size(), 2);
    }

    void droppedConnectionIsRetried()
    {
        m_server->enqueue(FaultStep::drop());
        m_server->enqueue(FaultStep::json(200, kSession));
        auto *r = m_client->fetch(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(r));
        QVERIFY2(r->isOk(), qPrintable(r->error().message()));
    }

    void timeout()
    {
        configure(m_url, 200, 1);
        m_server->setFallback(FaultStep::hang());
        auto *r = m_client->fetch(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(r));
        QCOMPARE(r->error().kind, ApiError::Kind::Timeout);
        QVERIFY(r->error().message().contains(QStringLiteral("in time")));
        QCOMPARE(m_server->requests().size(), 2); // timeouts are transient: one retry
    }

    void connectionRefused()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        configure(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
        auto *r = m_client->fetch(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(r));
        QCOMPARE(r->error().kind, ApiError::Kind::Network);
        QVERIFY(r->error().message().contains(QStringLiteral("could not be reached")));
    }

    void invalidResponses_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("malformed json") << 200 << QByteArray("{\"order_id\": ") << QByteArray("application/json");
        QTest::newRow("wrong shape") << 200 << QByteArray(R"({"agent":"bob"})") << QByteArray("application/json");
        QTest::newRow("array") << 200 << QByteArray("[]") << QByteArray("application/json");
        QTest::newRow("html") << 200 << QByteArray("<html></html>") << QByteArray("text/html");
        QTest::newRow("json as text") << 200 << kSession << QByteArray("text/plain");
        QTest::newRow("empty GET") << 200 << QByteArray() << QByteArray("application/json");
        QTest::newRow("wrong order") << 200 << QByteArray(R"({"order_id":"OTHER"})") << QByteArray("application/json");
        QTest::newRow("redirect status") << 304 << QByteArray() << QByteArray("application/json");
    }
    void invalidResponses()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        FaultStep step = FaultStep::json(status, body);
        step.headers = {{"Content-Type", contentType}};
        m_server->enqueue(step);
        auto *r = m_client->fetch(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(r));
        QCOMPARE(r->error().kind, ApiError::Kind::InvalidResponse);
        QVERIFY(!r->result());
        QVERIFY(!r->error().message().isEmpty());
    }

    void truncatedBody()
    {
        m_server->setFallback(FaultStep::truncated(kSession));
        auto *r = m_client->fetch(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(r));
        QCOMPARE(r->error().kind, ApiError::Kind::InvalidResponse);
        QVERIFY(r->error().detail.contains(QStringLiteral("cut off")));
    }

    void oversizedBodyAbortedWhileStreaming()
    {
        // The body never ends (chunked, no length): only a limit enforced while it streams in
        // can end this reply before the timeout.
        configure(m_url, 20000, 0);
        ClientConfig config = m_client->config();
        config.maxResponseBytes = 1 << 20;
        m_client->setConfig(config);
        m_server->setFallback(FaultStep::endless());
        QElapsedTimer clock;
        clock.start();
        auto *r = m_client->fetch(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(r, 30000));
        QVERIFY(clock.elapsed() < 15000);
        QCOMPARE(r->error().kind, ApiError::Kind::InvalidResponse);
        QVERIFY(r->error().detail.contains(QStringLiteral("larger than")));
        QVERIFY(r->rawBody().isEmpty()); // nothing of it kept
        QTRY_VERIFY(m_server->endlessClientGone());
    }

    void oversizedContentLengthRefusedAtHeaders()
    {
        ClientConfig config = m_client->config();
        config.maxResponseBytes = 100;
        m_client->setConfig(config);
        m_server->enqueue(FaultStep::json(200, QByteArray(5000, ' ')));
        auto *r = m_client->fetch(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(r));
        QCOMPARE(r->error().kind, ApiError::Kind::InvalidResponse);
    }

    void emptyBodyAfterWriteRefetches()
    {
        m_server->enqueue(FaultStep::json(204, {}));
        m_server->enqueue(FaultStep::json(200, kSession));
        auto *r = m_client->create(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(r));
        QVERIFY2(r->isOk(), qPrintable(r->error().message()));
        QCOMPARE(m_server->requests().at(1).method, QByteArray("GET"));
        QCOMPARE(*r->result()->callbackPhone, std::string("+1 555 0100"));

        m_server->enqueue(FaultStep::json(204, {}));
        auto *d = m_client->close(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(d));
        QVERIFY(d->isOk());
        QVERIFY(!d->result());
    }

    void ratingAsNumberOrString()
    {
        m_server->enqueue(FaultStep::json(200, R"({"id":"a","rating":4})"));
        auto *a = m_client->fetchAgent(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(a));
        QVERIFY(a->isOk());
        QCOMPARE(a->result()->rating->text(), std::string("4"));
        QCOMPARE(m_server->requests().first().path, QByteArray("/support/ORD-1/agent"));
    }

    void tlsTrustedWithCaOption()
    {
        const QSslCertificate cert(readFile(QStringLiteral(TEST_DATA_DIR "/test-cert.pem")));
        const QSslKey key(readFile(QStringLiteral(TEST_DATA_DIR "/test-key.pem")), QSsl::Rsa);
        QVERIFY(!cert.isNull());
        QVERIFY(!key.isNull());
        FaultServer tls;
        const QUrl url = tls.startTls(cert, key);
        QVERIFY(url.isValid());
        tls.setFallback(FaultStep::json(200, kSession));

        // Without the CA: refused as a TLS error, nothing read.
        configure(url, 5000, 0);
        auto *refused = m_client->fetch(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(refused));
        QCOMPARE(refused->error().kind, ApiError::Kind::Tls);
        QVERIFY(tls.requests().isEmpty());

        // With it: verified and accepted.
        ClientConfig config = m_client->config();
        QCOMPARE(loadCaCertificates(QStringLiteral(TEST_DATA_DIR "/test-cert.pem"),
                                    &config.extraCaCertificates),
                 QString());
        m_client->setConfig(config);
        auto *ok = m_client->fetch(QStringLiteral("ORD-1"));
        QVERIFY(waitFor(ok));
        QVERIFY2(ok->isOk(), qPrintable(ok->error().message()));
        QCOMPARE(tls.requests().size(), 1);
    }

    void badCaFile()
    {
        QList<QSslCertificate> certs;
        QVERIFY(!loadCaCertificates(QStringLiteral(TEST_DATA_DIR "/nope.pem"), &certs).isEmpty());
        QVERIFY(!loadCaCertificates(QStringLiteral(TEST_DATA_DIR "/test-key.pem"), &certs).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
