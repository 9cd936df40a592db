// The API client against the in-process sandbox: the seven operations, read-modify-write,
// ETag conflicts, bulk runs and their concurrency limit.
#include "apiclient.h"
#include "bulkrun.h"
#include "faultserver.h"
#include "sandboxserver.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#ifndef Q_MOC_RUN // moc cannot parse nlohmann/json.hpp
#include <nlohmann/json.hpp>
#endif

using namespace sd;
using nlohmann::json;

namespace {

// Waits for a reply's finished() and checks the signal order (finished exactly once, last).
template<typename R>
bool waitFor(R *reply)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &ApiReply::finished);
    return spy.wait(20000) && spy.count() == 1;
}

} // namespace

class TestClient : public QObject
{
    Q_OBJECT
    SandboxServer *m_server = nullptr;
    ApiClient *m_client = nullptr;

private Q_SLOTS:
    void init()
    {
        m_server = new SandboxServer(this);
        const QUrl url = m_server->start();
        QVERIFY(url.isValid());
        m_client = new ApiClient(this);
        ClientConfig config;
        config.baseUrl = url;
        config.retry.baseDelayMs = 10;
        m_client->setConfig(config);
    }
    void cleanup()
    {
        delete m_client;
        delete m_server;
    }

    void sevenOperations()
    {
        const QString id = QStringLiteral("ORD-7");
        // create
        Support body;
        body.callbackPhone = "+49 30 1234567";
        auto *created = m_client->create(id, body);
        QVERIFY(waitFor(created));
        QVERIFY2(created->isOk(), qPrintable(created->error().message()));
        QCOMPARE(created->httpStatus(), 201);
        QCOMPARE(*created->result()->orderId, id.toStdString());
        QVERIFY(!created->etag().isEmpty());
        // fetch
        auto *fetched = m_client->fetch(id);
        QVERIFY(waitFor(fetched));
        QVERIFY(fetched->isOk());
        QCOMPARE(*fetched->result()->callbackPhone, std::string("+49 30 1234567"));
        // update (read-modify-write)
        auto *updated = m_client->update(id, [](Support &s) { s.chat = Chat{"https://c", "S1", {}}; });
        QVERIFY(waitFor(updated));
        QVERIFY2(updated->isOk(), qPrintable(updated->error().message()));
        QCOMPARE(*updated->result()->chat->sessionId, std::string("S1"));
        QCOMPARE(*updated->result()->callbackPhone, std::string("+49 30 1234567"));
        // agent: none yet
        auto *noAgent = m_client->fetchAgent(id);
        QVERIFY(waitFor(noAgent));
        QCOMPARE(noAgent->error().kind, ApiError::Kind::Refused);
        QCOMPARE(noAgent->error().httpStatus, 404);
        QCOMPARE(noAgent->error().code, QStringLiteral("AGENT_NOT_ASSIGNED"));
        // assign
        Agent agent;
        agent.id = "agent-1";
        agent.person = Person{};
        agent.person->name = "Amara Okafor";
        auto *assigned = m_client->assignAgent(id, agent);
        QVERIFY(waitFor(assigned));
        QVERIFY2(assigned->isOk(), qPrintable(assigned->error().message()));
        QCOMPARE(*assigned->result()->agent->id, std::string("agent-1"));
        QCOMPARE(*assigned->result()->chat->url, std::string("https://c"));
        auto *gotAgent = m_client->fetchAgent(id);
        QVERIFY(waitFor(gotAgent));
        QVERIFY(gotAgent->isOk());
        QCOMPARE(gotAgent->result()->displayName(), std::string("Amara Okafor"));
        // unassign
        auto *unassigned = m_client->unassignAgent(id);
        QVERIFY(waitFor(unassigned));
        QVERIFY(unassigned->isOk());
        QVERIFY(!unassigned->result()->agent);
        // unassign again: still 200
        auto *again = m_client->unassignAgent(id);
        QVERIFY(waitFor(again));
        QVERIFY(again->isOk());
        // close
        auto *closed = m_client->close(id);
        QVERIFY(waitFor(closed));
        QVERIFY(closed->isOk());
        QCOMPARE(*closed->result()->orderId, id.toStdString());
        auto *gone = m_client->fetch(id);
        QVERIFY(waitFor(gone));
        QCOMPARE(gone->error().kind, ApiError::Kind::Refused);
        QCOMPARE(gone->error().code, QStringLiteral("SESSION_NOT_FOUND"));
        QVERIFY(gone->error().message().contains(id));
        // a new POST opens a new session
        auto *reopened = m_client->create(id);
        QVERIFY(waitFor(reopened));
        QVERIFY(reopened->isOk());
    }

    void createTwiceIsConflict409()
    {
        auto *a = m_client->create(QStringLiteral("X"));
        QVERIFY(waitFor(a));
        auto *b = m_client->create(QStringLiteral("X"));
        QVERIFY(waitFor(b));
        QCOMPARE(b->error().kind, ApiError::Kind::Refused);
        QCOMPARE(b->error().httpStatus, 409);
        QCOMPARE(b->error().code, QStringLiteral("SESSION_ALREADY_OPEN"));
    }

    void readModifyWriteKeepsUnknownFields()
    {
        const QString id = QStringLiteral("ORD-U");
        QVERIFY(m_server->putSessionJson(
            id, R"({"x_top":{"a":[1,2]},"agent":{"id":"a","x_agent":true,"contact":{"phone":"1","x_c":"k"}}})"));
        auto *r = m_client->update(id, [](Support &s) { s.callbackPhone = "+1 555"; });
        QVERIFY(waitFor(r));
        QVERIFY2(r->isOk(), qPrintable(r->error().message()));
        const json stored = json::parse(m_server->sessionJson(id).toStdString());
        QCOMPARE(stored["x_top"]["a"][1].get<int>(), 2);
        QCOMPARE(stored["agent"]["x_agent"].get<bool>(), true);
        QCOMPARE(stored["agent"]["contact"]["x_c"].get<std::string>(), std::string("k"));
        QCOMPARE(stored["callback_phone"].get<std::string>(), std::string("+1 555"));
    }

    void staleEtagIsConflict()
    {
        const QString id = QStringLiteral("ORD-E");
        auto *c = m_client->create(id);
        QVERIFY(waitFor(c));
        const QByteArray oldTag = c->etag();
        // A second client changes it.
        QVERIFY(m_server->putSessionJson(id, R"({"callback_phone":"other"})"));
        Support mine = *c->result();
        mine.callbackPhone = "mine";
        auto *r = m_client->replace(id, mine, oldTag);
        QVERIFY(waitFor(r));
        QCOMPARE(r->error().kind, ApiError::Kind::Conflict);
        QCOMPARE(r->error().httpStatus, 412);
        QVERIFY(m_server->sessionJson(id).contains("other"));
        // Without If-Match it goes through.
        auto *r2 = m_client->replace(id, mine);
        QVERIFY(waitFor(r2));
        QVERIFY(r2->isOk());
    }

    void idsThatNeedEncoding_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("slash") << QStringLiteral("ORD/7");
        QTest::newRow("reserved") << QStringLiteral("ORD/7 ?#%");
        QTest::newRow("agent-like") << QStringLiteral("T-1/agent");
        QTest::newRow("unicode") << QStringLiteral("Bestellung-ä€");
        QTest::newRow("plus") << QStringLiteral("a+b");
        QTest::newRow("dots") << QStringLiteral("...");
        QTest::newRow("long") << QString(1024, QLatin1Char('z'));
    }
    void idsThatNeedEncoding()
    {
        QFETCH(QString, id);
        auto *c = m_client->create(id);
        QVERIFY(waitFor(c));
        QVERIFY2(c->isOk(), qPrintable(c->error().message()));
        QVERIFY(m_server->hasSession(id));
        auto *a = m_client->assignAgent(id, Agent{"ag", {}, {}, {}, {}, {}});
        QVERIFY(waitFor(a));
        QVERIFY2(a->isOk(), qPrintable(a->error().message()));
        auto *f = m_client->fetchAgent(id);
        QVERIFY(waitFor(f));
        QVERIFY(f->isOk());
        auto *d = m_client->close(id);
        QVERIFY(waitFor(d));
        QVERIFY(d->isOk());
        QVERIFY(!m_server->hasSession(id));
    }

    void invalidInputRefusedBeforeSending_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << QStringLiteral("  ");
        QTest::newRow("too long") << QString(1025, QLatin1Char('x'));
    }
    void invalidInputRefusedBeforeSending()
    {
        QFETCH(QString, id);
        const qint64 before = m_server->requestCount();
        auto *r = m_client->fetch(id);
        QVERIFY(!r->isFinished()); // finished() comes asynchronously, like every other result
        QVERIFY(waitFor(r));
        QCOMPARE(r->error().kind, ApiError::Kind::InvalidInput);
        QCOMPARE(m_server->requestCount(), before);
    }

    void assignWithoutAgentIdRefused()
    {
        auto *r = m_client->assignAgent(QStringLiteral("X"), Agent{});
        QVERIFY(waitFor(r));
        QCOMPARE(r->error().kind, ApiError::Kind::InvalidInput);
    }

    void headersSent()
    {
        // Token and headers, checked by the sandbox's token requirement.
        m_server->setToken(QStringLiteral("s3cret"));
        auto *r = m_client->create(QStringLiteral("T"));
        QVERIFY(waitFor(r));
        QCOMPARE(r->error().httpStatus, 401);
        QCOMPARE(r->error().code, QStringLiteral("UNAUTHORIZED"));
        ClientConfig config = m_client->config();
        config.token = QStringLiteral("s3cret");
        m_client->setConfig(config);
        auto *r2 = m_client->create(QStringLiteral("T"));
        QVERIFY(waitFor(r2));
        QVERIFY(r2->isOk());
        QVERIFY(!r2->error().message().contains(QStringLiteral("s3cret")));
    }

    // Issue 12, bug 8: a request belongs to the server and token it was started with. A retry
    // pending when the configuration changes (a profile switch, another token) is never sent
    // with the new server or token: it is cancelled.
    void configChangeNeverRetargetsRetry_data()
    {
        QTest::addColumn<bool>("otherServer");
        QTest::newRow("another server and token") << true;
        QTest::newRow("another token, same server") << false;
    }
    void configChangeNeverRetargetsRetry()
    {
        QFETCH(bool, otherServer);
        FaultServer first, second;
        const QUrl firstUrl = first.start(), secondUrl = second.start();
        QVERIFY(firstUrl.isValid() && secondUrl.isValid());
        FaultStep busy = FaultStep::json(503, R"({"error":{"code":"BUSY","message":"later"}})");
        busy.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
        first.enqueue(busy);
        first.setFallback(FaultStep::json(200, R"({"order_id":"ORD-8"})"));
        second.setFallback(FaultStep::json(200, R"({"order_id":"ORD-8"})"));

        ClientConfig config = m_client->config();
        config.baseUrl = firstUrl;
        config.token = QStringLiteral("token-first");
        m_client->setConfig(config);
        auto *reply = m_client->fetch(QStringLiteral("ORD-8"));
        QSignalSpy retrying(reply, &ApiReply::retrying);
        QSignalSpy finished(reply, &ApiReply::finished);
        QVERIFY(retrying.wait(10000));
        QCOMPARE(first.requests().size(), 1);

        config.baseUrl = otherServer ? secondUrl : firstUrl;
        config.token = QStringLiteral("token-second");
        m_client->setConfig(config);

        // The retry was due after 1 s: give it twice that to show up anywhere.
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
        QSignalSpy lateFirst(&first, &FaultServer::requestReceived);
        QSignalSpy lateSecond(&second, &FaultServer::requestReceived);
        QVERIFY(!lateSecond.wait(2000)); // a negative check: nothing may come
        QVERIFY(lateFirst.isEmpty());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(reply->error().kind, ApiError::Kind::Cancelled);
        QCOMPARE(second.requests().size(), 0);
        QCOMPARE(first.requests().size(), 1);
        for (const RecordedRequest &r : first.requests())
            QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer token-first"));

        // New requests go to the new configuration.
        auto *next = m_client->fetch(QStringLiteral("ORD-8"));
        QVERIFY(waitFor(next));
        QVERIFY2(next->isOk(), qPrintable(next->error().message()));
        const RecordedRequest &last = (otherServer ? second : first).requests().last();
        QCOMPARE(last.headers.value("authorization"), QByteArray("Bearer token-second"));
    }

    // The keychain answering after start-up (no token before, the same server) is no switch:
    // a pending retry goes on, with what it was started with.
    void tokenArrivingKeepsRetry()
    {
        FaultServer server;
        const QUrl url = server.start();
        QVERIFY(url.isValid());
        server.enqueue(FaultStep::json(503, R"({"error":{"code":"BUSY","message":"later"}})"));
        server.setFallback(FaultStep::json(200, R"({"order_id":"ORD-9"})"));
        ClientConfig config = m_client->config();
        config.baseUrl = url;
        config.retry.baseDelayMs = 300;
        m_client->setConfig(config);
        auto *reply = m_client->fetch(QStringLiteral("ORD-9"));
        QSignalSpy retrying(reply, &ApiReply::retrying);
        QVERIFY(retrying.wait(10000));
        config.token = QStringLiteral("arrived");
        m_client->setConfig(config);
        QVERIFY(waitFor(reply));
        QVERIFY2(reply->isOk(), qPrintable(reply->error().message()));
        QCOMPARE(server.requests().size(), 2);
    }

    void abortEndsWithCancelled()
    {
        m_server->setLatencyMs(2000);
        auto *r = m_client->fetch(QStringLiteral("whatever"));
        QSignalSpy spy(r, &ApiReply::finished);
        QTimer::singleShot(50, r, &ApiReply::abort);
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(r->error().kind, ApiError::Kind::Cancelled);
    }

    // requestsInFlight() counts what is still on the network (a bulk run starts its next request
    // when a result is known); unfinishedReplies() what has not reached its receivers, such as a
    // write whose outcome the journal is still keeping.
    void unfinishedUntilTheJournalHasKeptTheOutcome()
    {
        struct HeldJournal : WriteJournal
        {
            std::function<void()> held;
            QString writeStarting(const ApiClient &, const ApiReply &, qint64 *id) override
            {
                *id = 1;
                return {};
            }
            void writeFinished(const ApiReply &, qint64, std::function<void()> report) override { held = std::move(report); }
        } journal;
        std::unique_ptr<SupportReply> created(m_client->create(QStringLiteral("ORD-J")));
        QVERIFY(waitFor(created.get()));
        m_client->setWriteJournal(&journal);
        const auto detach = qScopeGuard([this] { m_client->setWriteJournal(nullptr); });

        SupportReply *r = m_client->assignAgent(QStringLiteral("ORD-J"), Agent{"agent-9", {}, {}, {}, {}, {}});
        QCOMPARE(m_client->requestsInFlight(), 1);
        QCOMPARE(m_client->unfinishedReplies(), 1);
        QSignalSpy ready(r, &ApiReply::resultReady);
        QSignalSpy finished(r, &ApiReply::finished);
        QVERIFY(ready.wait(20000));
        QCOMPARE(m_client->requestsInFlight(), 0);
        QCOMPARE(m_client->unfinishedReplies(), 1);
        QCOMPARE(finished.count(), 0);
        QVERIFY(journal.held);
        journal.held();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(m_client->unfinishedReplies(), 0);
        delete r;
        QCOMPARE(m_client->unfinishedReplies(), 0); // counted once
    }

    void bulkKeepsConcurrencyLimit()
    {
        m_server->seed(60);
        m_server->setLatencyMs(15);
        QStringList ids;
        for (int i = 0; i < 60; ++i) // the seed's naming: every 17th has slashes
            ids << ((i % 17 == 16) ? QStringLiteral("ORD/2026/%1") : QStringLiteral("ORD-%1")).arg(100001 + i);
        ids << QStringLiteral("MISSING-1");
        int maxSeen = 0;
        connect(m_client, &ApiClient::requestsInFlightChanged, this,
                [&maxSeen](int n) { maxSeen = std::max(maxSeen, n); });
        BulkRun run(ids, 4, [this](const QString &id) -> ApiReply * { return m_client->fetch(id); });
        QSignalSpy progress(&run, &BulkRun::progress);
        QSignalSpy finished(&run, &BulkRun::finished);
        run.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(progress.count(), ids.size());
        QCOMPARE(run.doneCount(), int(ids.size()));
        QCOMPARE(run.failedCount(), 1);
        QCOMPARE(run.maxObservedInFlight(), 4);
        QVERIFY(maxSeen <= 4);
        QCOMPARE(run.results().back().error.httpStatus, 404);
        QVERIFY(run.results().front().support.has_value());
    }

    void bulkCancel()
    {
        m_server->seed(40);
        m_server->setLatencyMs(50);
        QStringList ids;
        for (int i = 0; i < 40; ++i)
            ids << QStringLiteral("ORD-%1").arg(100001 + i);
        BulkRun run(ids, 2, [this](const QString &id) -> ApiReply * { return m_client->fetch(id); });
        QSignalSpy finished(&run, &BulkRun::finished);
        connect(&run, &BulkRun::progress, &run, [&run](int done) {
            if (done == 3)
                run.cancel();
        });
        run.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.count(), 1);
        QVERIFY(run.doneCount() < 10);
        QVERIFY(run.isCancelled());
    }
};

QTEST_GUILESS_MAIN(TestClient)
#include "tst_client.moc"
