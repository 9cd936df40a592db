// The offline outbox as tst_outbox.cpp (fixture: outboxtest.h), sending: changes made while the
// server is away go out in order when it answers, a damaged row fails alone, a 401 waits for a
// token, a store that cannot be written stops the sender, and a new request is POSTed once.
#include "outboxtest.h"

class TestOutboxSending : public OutboxTest
{
    Q_OBJECT

private Q_SLOTS:
    void queuedWhileOfflineThenSentInOrder()
    {
        const quint16 port = freePort();
        ApiClient client;
        ClientConfig config;
        config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
        config.retry.maxRetries = 0;
        client.setConfig(config);
        Outbox outbox(m_dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY2(outbox.isOpen(), qPrintable(outbox.error()));
        OutboxItem update;
        update.orderId = QStringLiteral("ORD-100001");
        update.op = Operation::Update;
        update.payload = R"({"callback_phone":"+1 555 0100","x_keep":1})";
        QVERIFY(outbox.enqueue(update) > 0);
        QVERIFY(outbox.enqueue(assignItem(QStringLiteral("ORD-100001"), QStringLiteral("agent-1"))) > 0);
        OutboxItem close;
        close.orderId = QStringLiteral("ORD-100002");
        close.op = Operation::Close;
        QVERIFY(outbox.enqueue(close) > 0);
        QCOMPARE(outbox.queuedCount(), 3);
        QVERIFY(outbox.hasPendingFor(QStringLiteral("ORD-100002")));

        OutboxSender sender(&client, &outbox);
        QSignalSpy offline(&sender, &OutboxSender::offline);
        sender.start();
        QVERIFY(offline.wait(5000));
        QCOMPARE(offline.first().at(0).toInt(), 2000); // probes back off
        QCOMPARE(outbox.queuedCount(), 3);             // nothing lost

        // The server comes back.
        SandboxServer server;
        server.seed(5);
        QVERIFY(server.start(QHostAddress::LocalHost, port).isValid());
        QStringList order;
        connect(&server, &SandboxServer::requestHandled, this,
                [&order](const QByteArray &method, const QString &path, int status) {
                    if (method != "GET")
                        order << QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(method), path).arg(status);
                });
        QSignalSpy drained(&sender, &OutboxSender::drained);
        sender.start();
        QVERIFY(drained.wait(10000));
        QCOMPARE(outbox.queuedCount(), 0);
        QCOMPARE(order, (QStringList{QStringLiteral("PUT /support/ORD-100001 200"),
                                     QStringLiteral("PUT /support/ORD-100001/agent 200"),
                                     QStringLiteral("DELETE /support/ORD-100002 200")}));
        QVERIFY(server.sessionJson(QStringLiteral("ORD-100001")).contains("agent-1"));
        QVERIFY(server.sessionJson(QStringLiteral("ORD-100001")).contains("+1 555 0100"));
        QVERIFY(!server.hasSession(QStringLiteral("ORD-100002")));
    }

    // A stored change that cannot be read (a damaged row) fails on its own: nothing is sent for
    // it (not an empty session in its place), and the changes after it still go out.
    void unreadablePayloadIsNotSent_data()
    {
        QTest::addColumn<bool>("assign");
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("update cut off") << false << QByteArray(R"({"callback_phone":)");
        QTest::newRow("update wrong type") << false << QByteArray(R"({"callback_phone":5})");
        QTest::newRow("update nested too deep")
            << false << QByteArray("{\"x\":" + QByteArray("[").repeated(100000) + QByteArray("]").repeated(100000) + "}");
        QTest::newRow("update empty") << false << QByteArray();
        QTest::newRow("assign wrong type") << true << QByteArray(R"({"id":5})");
        QTest::newRow("assign garbage") << true << QByteArray("\x01\x02");
    }
    void unreadablePayloadIsNotSent()
    {
        QFETCH(bool, assign);
        QFETCH(QByteArray, payload);
        SandboxServer server;
        server.seed(5);
        const QUrl url = server.start();
        QVERIFY(url.isValid());
        const QByteArray before = server.sessionJson(QStringLiteral("ORD-100001"));
        ApiClient client;
        ClientConfig config;
        config.baseUrl = url;
        config.retry.maxRetries = 0;
        client.setConfig(config);
        Outbox outbox(m_dir.filePath(QStringLiteral("damaged-%1.sqlite").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')))));
        QVERIFY2(outbox.isOpen(), qPrintable(outbox.error()));
        OutboxItem bad;
        bad.orderId = QStringLiteral("ORD-100001");
        bad.op = assign ? Operation::AssignAgent : Operation::Update;
        bad.payload = payload;
        const qint64 badId = outbox.enqueue(bad);
        QVERIFY(badId > 0);
        OutboxItem close;
        close.orderId = QStringLiteral("ORD-100002");
        close.op = Operation::Close;
        QVERIFY(outbox.enqueue(close) > 0);
        QStringList sent;
        connect(&server, &SandboxServer::requestHandled, this,
                [&sent](const QByteArray &method, const QString &path, int status) {
                    if (method != "GET")
                        sent << QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(method), path).arg(status);
                });
        OutboxSender sender(&client, &outbox);
        QSignalSpy failed(&sender, &OutboxSender::itemFailed);
        QSignalSpy drained(&sender, &OutboxSender::drained);
        sender.start();
        QVERIFY(drained.wait(10000));
        QCOMPARE(sent, QStringList{QStringLiteral("DELETE /support/ORD-100002 200")});
        QCOMPARE(server.sessionJson(QStringLiteral("ORD-100001")), before);
        QCOMPARE(failed.size(), 1);
        const std::vector<OutboxItem> left = outbox.items();
        QCOMPARE(left.size(), size_t(1));
        QCOMPARE(left.front().id, badId);
        QCOMPARE(left.front().state, QStringLiteral("failed"));
        QVERIFY2(left.front().lastError.contains(QLatin1String("ORD-100001")), qPrintable(left.front().lastError));
    }

    // Bug 1: a sender that starts before the keychain returned the token meets 401. The change
    // is not failed: the sender waits for another token and then sends it.
    void authFailurePausesUntilTheTokenChanges()
    {
        SandboxServer server;
        server.seed(3);
        server.setToken(QStringLiteral("s3cret"));
        ApiClient client;
        client.setConfig(configFor(server.start()));
        Outbox outbox(m_dir.filePath(QStringLiteral("auth.sqlite")));
        QVERIFY(outbox.enqueue(assignItem(QStringLiteral("ORD-100001"), QStringLiteral("agent-auth"))) > 0);
        int refused = 0;
        connect(&server, &SandboxServer::requestHandled, this,
                [&refused](const QByteArray &, const QString &, int status) { refused += status == 401; });
        OutboxSender sender(&client, &outbox);
        QSignalSpy failed(&sender, &OutboxSender::itemFailed);
        QSignalSpy drained(&sender, &OutboxSender::drained);
        sender.start();
        QTRY_COMPARE(refused, 1);
        QTRY_VERIFY(!sender.isSending());
        QCOMPARE(failed.size(), 0);
        QCOMPARE(outbox.queuedCount(), 1);
        QCOMPARE(outbox.items().front().state, QStringLiteral("queued"));
        sender.start(); // the same (missing) token: nothing is sent again
        QCOMPARE(refused, 1);

        ClientConfig withToken = client.config();
        withToken.token = QStringLiteral("s3cret"); // the keychain answered
        client.setConfig(withToken);
        QVERIFY(drained.wait(5000));
        QCOMPARE(outbox.queuedCount(), 0);
        QCOMPARE(failed.size(), 0);
        QVERIFY(server.sessionJson(QStringLiteral("ORD-100001")).contains("agent-auth"));
    }

    // Bug 4: the outbox cannot be written (here: another connection holds its write lock). The
    // sender stops and says so, instead of sending the same change again and again.
    void failedOutboxWriteStopsTheSender()
    {
        SandboxServer server;
        server.seed(3);
        ApiClient client;
        client.setConfig(configFor(server.start()));
        SupportReply *read = client.fetch(QStringLiteral("ORD-100001"));
        QVERIFY(QSignalSpy(read, &ApiReply::finished).wait(5000));
        QVERIFY(server.putSessionJson(QStringLiteral("ORD-100001"), R"({"callback_phone":"theirs"})"));
        const QString db = m_dir.filePath(QStringLiteral("locked.sqlite"));
        Outbox outbox(db);
        QVERIFY(outbox.enqueue(assignItem(QStringLiteral("ORD-100001"), QStringLiteral("mine"), read->etag())) > 0);
        sqlite3 *other = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(db).constData(), &other), SQLITE_OK);
        const auto closeOther = qScopeGuard([other] { sqlite3_close(other); });
        QCOMPARE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
        int requests = 0;
        connect(&server, &SandboxServer::requestHandled, this, [&requests] { ++requests; });
        OutboxSender sender(&client, &outbox);
        QSignalSpy stopped(&sender, &OutboxSender::storeFailed);
        sender.start();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 20000); // (after the busy timeout)
        QVERIFY(!stopped.first().at(0).toString().isEmpty());
        QTest::qWait(300); // nothing more happens
        QCOMPARE(requests, 0); // nothing was sent that could not be recorded first
        QVERIFY(!sender.isSending());

        // The lock is gone: the next start goes on where it stopped.
        QCOMPARE(sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
        QSignalSpy conflicts(&sender, &OutboxSender::itemConflict);
        sender.start();
        QVERIFY(conflicts.wait(5000));
    }

    // A new support request waits like any change, but its POST is sent once only: one sent
    // before (its answer lost) is looked up, never sent again; a 409 means it exists: adopted.
    void createIsPostedOnce()
    {
        SandboxServer server;
        server.seed(3);
        ApiClient client;
        ClientConfig config;
        config.baseUrl = server.start();
        config.retry.maxRetries = 0;
        client.setConfig(config);
        QVERIFY(server.putSessionJson(QStringLiteral("NEW-3"), R"({"callback_phone":"+1 555 0103"})"));
        QVERIFY(server.putSessionJson(QStringLiteral("NEW-4"), R"({"callback_phone":"+1 555 0104"})"));
        QStringList posts;
        connect(&server, &SandboxServer::requestHandled, this,
                [&posts](const QByteArray &method, const QString &path, int status) {
                    if (method == "POST")
                        posts << QStringLiteral("%1 %2").arg(path).arg(status);
                });
        Outbox outbox(m_dir.filePath(QStringLiteral("create.sqlite")));
        const auto create = [&outbox](const QString &id, bool attempted) {
            OutboxItem item;
            item.orderId = id;
            item.op = Operation::Create;
            item.payload = R"({"callback_phone":"+1 555 0199"})";
            const qint64 n = outbox.enqueue(item);
            if (attempted)
                outbox.markAttempted(n);
            return n > 0;
        };
        QVERIFY(create(QStringLiteral("NEW-1"), false)); // never sent: POST
        QVERIFY(create(QStringLiteral("NEW-2"), true));  // sent, answer lost, not there: not again
        QVERIFY(create(QStringLiteral("NEW-3"), true));  // sent, answer lost, there: done
        QVERIFY(create(QStringLiteral("NEW-4"), false)); // someone else was first: 409, adopted
        OutboxSender sender(&client, &outbox);
        QSignalSpy sent(&sender, &OutboxSender::itemSent);
        QSignalSpy failed(&sender, &OutboxSender::itemFailed);
        QSignalSpy drained(&sender, &OutboxSender::drained);
        sender.start();
        QVERIFY(drained.wait(5000));
        QCOMPARE(posts, (QStringList{QStringLiteral("/support/NEW-1 201"), QStringLiteral("/support/NEW-4 409")}));
        QCOMPARE(sent.size(), 3);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).value<OutboxItem>().orderId, QStringLiteral("NEW-2"));
        QVERIFY(!server.hasSession(QStringLiteral("NEW-2")));
        const auto adopted = sent.last().at(1).value<std::optional<Support>>();
        QVERIFY(adopted && adopted->callbackPhone == std::string("+1 555 0104")); // theirs, untouched
        QVERIFY(server.sessionJson(QStringLiteral("NEW-4")).contains("+1 555 0104"));
        QCOMPARE(outbox.queuedCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOutboxSending)
#include "tst_outbox_sending.moc"
