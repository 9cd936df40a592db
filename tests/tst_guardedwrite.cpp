// One guarded write (guardedwrite.h), each outcome against the sandbox (with and without ETags)
// and against a scripted server: sent with If-Match, conflict via 412, conflict via a changed
// copy without ETags, a close answered 404 counts as done, a network error is no decision.
#include "guardedwrite.h"
#include "faultserver.h"
#include "sandboxserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace sd;

namespace {

const QString kId = QStringLiteral("ORD-100001");

ClientConfig configFor(const QUrl &url)
{
    ClientConfig config;
    config.baseUrl = url;
    config.retry.maxRetries = 0;
    config.timeoutMs = 5000;
    return config;
}

struct Read
{
    Support session;
    QByteArray etag;
    QByteArray json;
};

Read readNow(ApiClient &client, const QString &id)
{
    SupportReply *reply = client.fetch(id);
    QSignalSpy finished(reply, &ApiReply::finished);
    finished.wait(5000);
    reply->deleteLater();
    Read r;
    if (reply->isOk()) {
        r.session = *reply->result();
        r.etag = reply->etag();
        r.json = QByteArray::fromStdString(serialize(r.session));
    }
    return r;
}

WriteOutcome run(GuardedWrite &write)
{
    QSignalSpy finished(&write, &GuardedWrite::finished);
    write.start();
    if (!finished.wait(10000))
        qWarning("the guarded write did not finish");
    return write.outcome();
}

} // namespace

class TestGuardedWrite : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sentOntoTheVersionItWasMadeOn_data()
    {
        QTest::addColumn<bool>("etags");
        QTest::newRow("with ETags") << true;
        QTest::newRow("without ETags") << false;
    }
    void sentOntoTheVersionItWasMadeOn()
    {
        QFETCH(bool, etags);
        SandboxServer server;
        server.setEtagsEnabled(etags);
        server.seed(3);
        ApiClient client;
        client.setConfig(configFor(server.start()));
        const Read base = readNow(client, kId);
        QCOMPARE(base.etag.isEmpty(), !etags);
        Support mine = base.session;
        mine.callbackPhone = "+1 555 0111";
        GuardedWrite write(&client, ReplaceRequest{kId, mine, {}}, WriteBase{base.etag, base.json});
        const WriteOutcome o = run(write);
        QCOMPARE(int(o.kind), int(WriteOutcome::Kind::Done));
        QVERIFY(o.sent);
        QVERIFY(o.session);
        QCOMPARE(o.session->callbackPhone, mine.callbackPhone);
        QVERIFY(server.sessionJson(kId).contains("+1 555 0111"));
    }

    // Someone else changed the session after the change was made: the change is not sent, and
    // the conflict carries their session. With ETags the server says so (412); without, the
    // fresh copy differs from the base. One outcome for both.
    void changedMeanwhileIsOneConflict_data()
    {
        QTest::addColumn<bool>("etags");
        QTest::addColumn<bool>("keepCopy");
        QTest::newRow("412, ETag only") << true << false;
        QTest::newRow("412, ETag and copy") << true << true;
        QTest::newRow("no ETags, copy differs") << false << true;
    }
    void changedMeanwhileIsOneConflict()
    {
        QFETCH(bool, etags);
        QFETCH(bool, keepCopy);
        SandboxServer server;
        server.setEtagsEnabled(etags);
        server.seed(3);
        ApiClient client;
        client.setConfig(configFor(server.start()));
        const Read base = readNow(client, kId);
        Support theirs = base.session;
        theirs.callbackPhone = "+1 555 0222";
        {
            SupportReply *other = client.replace(kId, theirs);
            QSignalSpy done(other, &ApiReply::finished);
            QVERIFY(done.wait(5000));
            QVERIFY(other->isOk());
            delete other;
        }
        int puts = 0;
        connect(&server, &SandboxServer::requestHandled, this,
                [&puts](const QByteArray &method, const QString &, int) { puts += method == "PUT"; });
        Support mine = base.session;
        mine.chat = Chat{"https://chat.example/mine", "S-mine", {}};
        GuardedWrite write(&client, ReplaceRequest{kId, mine, {}},
                           WriteBase{base.etag, keepCopy ? base.json : QByteArray()});
        const WriteOutcome o = run(write);
        QCOMPARE(int(o.kind), int(WriteOutcome::Kind::Conflict));
        QCOMPARE(int(o.error.kind), int(ApiError::Kind::Conflict));
        QVERIFY(o.session);
        QCOMPARE(o.session->callbackPhone, theirs.callbackPhone);
        // Only the 412 reached the server as a PUT (a refused one), never a blind write.
        QCOMPARE(puts, etags && !keepCopy ? 1 : 0);
        QVERIFY(!server.sessionJson(kId).contains("S-mine"));
    }

    // A change already applied (before a crash, or the same by someone else) is done without
    // being sent again: without ETags a second PUT would apply it twice.
    void alreadyAppliedIsNotSentAgain()
    {
        SandboxServer server;
        server.setEtagsEnabled(false);
        server.seed(3);
        ApiClient client;
        client.setConfig(configFor(server.start()));
        const Read base = readNow(client, kId);
        AssignAgentRequest assign{kId, Agent{}, {}};
        assign.agent.id = "a-77";
        {
            SupportReply *first = client.assignAgent(kId, assign.agent);
            QSignalSpy done(first, &ApiReply::finished);
            QVERIFY(done.wait(5000));
            delete first;
        }
        int writes = 0;
        connect(&server, &SandboxServer::requestHandled, this,
                [&writes](const QByteArray &method, const QString &, int) { writes += method != "GET"; });
        GuardedWrite write(&client, assign, WriteBase{{}, base.json, true});
        const WriteOutcome o = run(write);
        QCOMPARE(int(o.kind), int(WriteOutcome::Kind::Done));
        QVERIFY(!o.sent);
        QCOMPARE(writes, 0);
    }

    // "Close answered 404" means closed already: done, whether the 404 answers the DELETE or the
    // read before it. Any other change of a closed session is a conflict (theirs: none).
    void notFound_data()
    {
        QTest::addColumn<bool>("close");
        QTest::addColumn<bool>("keepCopy");
        QTest::addColumn<int>("kind");
        QTest::newRow("close, DELETE 404") << true << false << int(WriteOutcome::Kind::Done);
        QTest::newRow("close, read 404") << true << true << int(WriteOutcome::Kind::Done);
        QTest::newRow("unassign, DELETE 404") << false << false << int(WriteOutcome::Kind::Conflict);
        QTest::newRow("unassign, read 404") << false << true << int(WriteOutcome::Kind::Conflict);
    }
    void notFound()
    {
        QFETCH(bool, close);
        QFETCH(bool, keepCopy);
        QFETCH(int, kind);
        SandboxServer server;
        server.seed(3);
        ApiClient client;
        client.setConfig(configFor(server.start()));
        const Read base = readNow(client, kId);
        {
            SupportReply *closing = client.close(kId);
            QSignalSpy done(closing, &ApiReply::finished);
            QVERIFY(done.wait(5000));
            QVERIFY(closing->isOk());
            delete closing;
        }
        const ApiRequest request = close ? ApiRequest(CloseRequest{kId, {}}) : ApiRequest(UnassignAgentRequest{kId, {}});
        GuardedWrite write(&client, request, WriteBase{{}, keepCopy ? base.json : QByteArray()});
        const WriteOutcome o = run(write);
        QCOMPARE(int(o.kind), kind);
        QVERIFY(!o.session);
        QVERIFY(!server.hasSession(kId));
    }

    // Against a scripted server: the PUT carries If-Match; its 412 leads to one read, whose
    // session (and ETag) the conflict carries.
    void preconditionFailedReadsTheirs()
    {
        FaultServer fault;
        const QUrl url = fault.start();
        FaultStep refused = FaultStep::json(412, "{\"error\":{\"code\":\"PRECONDITION_FAILED\",\"message\":\"changed\"}}");
        fault.enqueue(refused);
        FaultStep current = FaultStep::json(200, "{\"order_id\":\"ORD-100001\",\"callback_phone\":\"theirs\"}");
        current.headers = {{"ETag", "\"8\""}};
        fault.enqueue(current);
        ApiClient client;
        client.setConfig(configFor(url));
        Support mine;
        mine.callbackPhone = "mine";
        GuardedWrite write(&client, ReplaceRequest{kId, mine, {}}, WriteBase{"\"7\"", {}});
        const WriteOutcome o = run(write);
        QCOMPARE(int(o.kind), int(WriteOutcome::Kind::Conflict));
        QVERIFY(o.session);
        QCOMPARE(*o.session->callbackPhone, std::string("theirs"));
        QCOMPARE(o.etag, QByteArray("\"8\""));
        QCOMPARE(fault.requests().size(), 2);
        QCOMPARE(fault.requests().at(0).method, QByteArray("PUT"));
        QCOMPARE(fault.requests().at(0).headers.value("if-match"), QByteArray("\"7\""));
        QCOMPARE(fault.requests().at(1).method, QByteArray("GET"));
    }

    // No answer: no decision. The outcome names the request that failed, and nothing is
    // counted as done or as a conflict.
    void networkErrorIsNoDecision_data()
    {
        QTest::addColumn<bool>("keepCopy");
        QTest::newRow("the write") << false;
        QTest::newRow("the read first") << true;
    }
    void networkErrorIsNoDecision()
    {
        QFETCH(bool, keepCopy);
        FaultServer fault;
        const QUrl url = fault.start();
        fault.setFallback(FaultStep::drop());
        ApiClient client;
        client.setConfig(configFor(url));
        int sentHook = 0;
        GuardedWrite write(&client, CloseRequest{kId, {}},
                           WriteBase{"\"3\"", keepCopy ? QByteArray("{\"order_id\":\"ORD-100001\"}") : QByteArray()});
        write.setBeforeSend([&sentHook] { return ++sentHook > 0; });
        const WriteOutcome o = run(write);
        QCOMPARE(int(o.kind), int(WriteOutcome::Kind::Failed));
        QCOMPARE(int(o.error.kind), int(ApiError::Kind::Network));
        QCOMPARE(int(o.error.operation), int(keepCopy ? Operation::Fetch : Operation::Close));
        QCOMPARE(sentHook, keepCopy ? 0 : 1);
    }

    // The hook before sending can stop the write: nothing leaves.
    void stoppedBeforeSending()
    {
        FaultServer fault;
        const QUrl url = fault.start();
        ApiClient client;
        client.setConfig(configFor(url));
        GuardedWrite write(&client, CloseRequest{kId, {}}, WriteBase{"\"3\"", {}});
        write.setBeforeSend([] { return false; });
        const WriteOutcome o = run(write);
        QCOMPARE(int(o.kind), int(WriteOutcome::Kind::Stopped));
        QVERIFY(fault.requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGuardedWrite)
#include "tst_guardedwrite.moc"
