// The offline outbox as tst_outbox.cpp (fixture: outboxtest.h), conflicts and crashes: a session
// changed by someone else (or closed) is a conflict kept until the agent decides; kill -9 while
// the outbox is written or sent leaves it whole, and no change is applied twice.
#include "outboxtest.h"

class TestOutboxConflicts : public OutboxTest
{
    Q_OBJECT

private Q_SLOTS:
    // A sender killed (SIGKILL, a real process) at a random SQLite statement while it sends,
    // again and again, then a last run to the end: every change reaches the server exactly once.
    // The server sends no ETags, so a change sent twice would really be applied twice. The seed is
    // logged; SUPPORTDESK_TEST_SEED=N replays a run.
    void killedWhileSendingNeverAppliesTwice()
    {
        SandboxServer server;
        server.setEtagsEnabled(false);
        const QUrl url = server.start();
        const QString db = m_dir.filePath(QStringLiteral("sendkill.sqlite"));
        QStringList ids;
        {
            Outbox outbox(db);
            for (int i = 0; i < 8; ++i) {
                const QString id = QStringLiteral("KILL-%1").arg(i);
                QVERIFY(server.putSessionJson(id, "{}"));
                OutboxItem item = assignItem(id, QStringLiteral("agent-%1").arg(i));
                item.baseJson = server.sessionJson(id); // no ETags: the copy it was made on
                QVERIFY(outbox.enqueue(item) > 0);
                ids << id;
            }
        }
        QHash<QString, int> applied;
        connect(&server, &SandboxServer::requestHandled, this,
                [&applied](const QByteArray &method, const QString &path, int status) {
                    if (method == "PUT" && status == 200)
                        applied[path] += 1;
                });
        const quint32 seed = killSeed();
        QRandomGenerator random(seed);
        int kills = 0;
        for (int round = 0; round < 12; ++round) {
            const int killAt = 1 + int(random.bounded(12));
            const int result = runSender(db, url, QString::number(killAt));
            QVERIFY2(result == -SIGKILL || result == 0, qPrintable(QString::number(result)));
            kills += result == -SIGKILL;
            if (result == 0)
                break;
        }
        QVERIFY(kills > 0);
        QCOMPARE(runSender(db, url, QStringLiteral("0")), 0); // to the end
        for (const QString &id : std::as_const(ids)) {
            const QString path = QStringLiteral("/support/%1/agent").arg(id);
            QVERIFY2(applied.value(path) == 1, qPrintable(QStringLiteral("%1: %2 (seed %3)").arg(path).arg(applied.value(path)).arg(seed)));
            QVERIFY(server.sessionJson(id).contains(QStringLiteral("agent-%1").arg(id.section(QLatin1Char('-'), 1)).toUtf8()));
        }
        Outbox outbox(db);
        QCOMPARE(outbox.items().size(), size_t(0));
    }

    // Bug 2: a conflicting change stays in the outbox (marked, not sent again) until the agent
    // decides; a restart reports it again.
    void conflictStaysQueuedUntilDecided()
    {
        SandboxServer server;
        server.seed(3);
        ApiClient client;
        client.setConfig(configFor(server.start()));
        SupportReply *read = client.fetch(QStringLiteral("ORD-100002"));
        QVERIFY(QSignalSpy(read, &ApiReply::finished).wait(5000));
        const QString db = m_dir.filePath(QStringLiteral("decide.sqlite"));
        auto outbox = std::make_unique<Outbox>(db);
        QVERIFY(outbox->enqueue(assignItem(QStringLiteral("ORD-100002"), QStringLiteral("mine"), read->etag())) > 0);
        QVERIFY(server.putSessionJson(QStringLiteral("ORD-100002"), R"({"callback_phone":"theirs"})"));
        int writes = 0;
        connect(&server, &SandboxServer::requestHandled, this,
                [&writes](const QByteArray &method, const QString &, int) { writes += method != "GET"; });
        {
            OutboxSender sender(&client, outbox.get());
            QSignalSpy conflicts(&sender, &OutboxSender::itemConflict);
            QSignalSpy drained(&sender, &OutboxSender::drained);
            sender.start();
            QVERIFY(drained.wait(5000));
            QCOMPARE(conflicts.size(), 1);
            sender.start(); // not sent again in a loop
            QCOMPARE(writes, 1);
        }
        // The app quit while the conflict dialog was open: the change is still there, and the
        // next start asks again.
        outbox.reset();
        outbox = std::make_unique<Outbox>(db);
        QCOMPARE(outbox->items().size(), size_t(1));
        QCOMPARE(outbox->items().front().state, QStringLiteral("conflict"));
        OutboxSender sender(&client, outbox.get());
        QSignalSpy conflicts(&sender, &OutboxSender::itemConflict);
        QSignalSpy sent(&sender, &OutboxSender::itemSent);
        sender.start();
        QTRY_COMPARE(conflicts.size(), 1);
        QCOMPARE(writes, 1);
        const auto theirs = conflicts.first().at(1).value<std::optional<Support>>();
        QVERIFY(theirs && theirs->callbackPhone == std::string("theirs"));

        // Keep mine: sent once more, on the version the agent saw, and then gone.
        sender.keepMine(conflicts.first().at(0).value<OutboxItem>());
        QVERIFY(sent.wait(5000));
        QCOMPARE(writes, 2);
        QVERIFY(server.sessionJson(QStringLiteral("ORD-100002")).contains("mine"));
        QVERIFY(server.sessionJson(QStringLiteral("ORD-100002")).contains("theirs")); // on their version
        QCOMPARE(outbox->items().size(), size_t(0));

        // Take theirs: the change leaves the outbox unsent.
        SupportReply *again = client.fetch(QStringLiteral("ORD-100002"));
        QVERIFY(QSignalSpy(again, &ApiReply::finished).wait(5000));
        QVERIFY(outbox->enqueue(assignItem(QStringLiteral("ORD-100002"), QStringLiteral("second"), again->etag())) > 0);
        QVERIFY(server.putSessionJson(QStringLiteral("ORD-100002"), R"({"callback_phone":"theirs again"})"));
        sender.start();
        QTRY_COMPARE(conflicts.size(), 2);
        sender.takeTheirs(conflicts.last().at(0).value<OutboxItem>());
        QCOMPARE(outbox->items().size(), size_t(0));
        QVERIFY(!server.sessionJson(QStringLiteral("ORD-100002")).contains("second"));
        QCOMPARE(writes, 3); // the refused PUT (412) only
    }

    // Bug 3: the crash between taking a sent change off the list and moving the next change of
    // the same session onto the new version. The next change is no false conflict.
    void crashBetweenRemoveAndRebase()
    {
        SandboxServer server;
        server.seed(3);
        const QUrl url = server.start();
        ApiClient client;
        client.setConfig(configFor(url));
        SupportReply *read = client.fetch(QStringLiteral("ORD-100003"));
        QVERIFY(QSignalSpy(read, &ApiReply::finished).wait(5000));
        const QString db = m_dir.filePath(QStringLiteral("rebase.sqlite"));
        {
            Outbox outbox(db);
            QVERIFY(outbox.enqueue(assignItem(QStringLiteral("ORD-100003"), QStringLiteral("agent-first"), read->etag())) > 0);
            OutboxItem unassign;
            unassign.orderId = QStringLiteral("ORD-100003");
            unassign.op = Operation::UnassignAgent;
            unassign.baseEtag = read->etag(); // made offline right after the first, on the same version
            QVERIFY(outbox.enqueue(unassign) > 0);
        }
        QStringList writes;
        connect(&server, &SandboxServer::requestHandled, this,
                [&writes](const QByteArray &method, const QString &path, int status) {
                    if (method != "GET")
                        writes << QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(method), path).arg(status);
                });
        QCOMPARE(runSender(db, url, QStringLiteral("sql:UPDATE outbox SET base_etag")), -SIGKILL);
        QCOMPARE(writes, QStringList{QStringLiteral("PUT /support/ORD-100003/agent 200")});
        Outbox outbox(db);
        OutboxSender sender(&client, &outbox);
        QSignalSpy conflicts(&sender, &OutboxSender::itemConflict);
        QSignalSpy drained(&sender, &OutboxSender::drained);
        sender.start();
        QVERIFY(drained.wait(5000));
        QCOMPARE(conflicts.size(), 0);
        QCOMPARE(outbox.items().size(), size_t(0));
        QCOMPARE(writes, (QStringList{QStringLiteral("PUT /support/ORD-100003/agent 200"),
                                      QStringLiteral("DELETE /support/ORD-100003/agent 200")}));
    }

    // Bug 7: a server whose versions count per session gives a session opened again the same
    // ETag the closed one had. A change made on the closed session must not land on the new
    // one; a session closed since the change was made is a conflict, not a failure.
    void changeMadeOnAClosedSessionIsAConflict()
    {
        SandboxServer server;
        server.seed(3);
        ApiClient client;
        client.setConfig(configFor(server.start()));
        const QString id = QStringLiteral("ORD-100001");
        SupportReply *read = client.fetch(id);
        QVERIFY(QSignalSpy(read, &ApiReply::finished).wait(5000));
        const Support old = *read->result();
        QVERIFY(QSignalSpy(client.close(id), &ApiReply::finished).wait(5000));
        QVERIFY(server.putSessionJson(id, R"({"callback_phone":"+1 555 0111"})")); // a new session
        SupportReply *reread = client.fetch(id);
        QVERIFY(QSignalSpy(reread, &ApiReply::finished).wait(5000));
        Outbox outbox(m_dir.filePath(QStringLiteral("reopened.sqlite")));
        OutboxItem update;
        update.orderId = id;
        update.op = Operation::Update;
        Support mine = old;
        mine.callbackPhone = std::string("+1 555 0999");
        update.payload = QByteArray::fromStdString(serialize(mine));
        update.baseEtag = reread->etag(); // what a per-session counter gives the new session
        update.baseJson = QByteArray::fromStdString(serialize(old));
        QVERIFY(outbox.enqueue(update) > 0);
        // And one made on a session that is closed now.
        SupportReply *second = client.fetch(QStringLiteral("ORD-100002"));
        QVERIFY(QSignalSpy(second, &ApiReply::finished).wait(5000));
        QVERIFY(outbox.enqueue(assignItem(QStringLiteral("ORD-100002"), QStringLiteral("mine"), second->etag())) > 0);
        QVERIFY(QSignalSpy(client.close(QStringLiteral("ORD-100002")), &ApiReply::finished).wait(5000));

        OutboxSender sender(&client, &outbox);
        QSignalSpy conflicts(&sender, &OutboxSender::itemConflict);
        QSignalSpy failed(&sender, &OutboxSender::itemFailed);
        QSignalSpy drained(&sender, &OutboxSender::drained);
        sender.start();
        QVERIFY(drained.wait(5000));
        QVERIFY(server.sessionJson(id).contains("+1 555 0111")); // the new session is untouched
        QVERIFY(!server.sessionJson(id).contains("+1 555 0999"));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(conflicts.size(), 2);
        QVERIFY(!conflicts.at(1).at(1).value<std::optional<Support>>().has_value()); // closed: no session
        QCOMPARE(outbox.items().size(), size_t(2)); // both kept for the agent to decide
    }

    void changedBySomeoneElseIsAConflict()
    {
        SandboxServer server;
        server.seed(3);
        ApiClient client;
        ClientConfig config;
        config.baseUrl = server.start();
        client.setConfig(config);
        SupportReply *read = client.fetch(QStringLiteral("ORD-100002"));
        QVERIFY(QSignalSpy(read, &ApiReply::finished).wait(5000));
        Outbox outbox(m_dir.filePath(QStringLiteral("c.sqlite")));
        outbox.enqueue(assignItem(QStringLiteral("ORD-100002"), QStringLiteral("mine"), read->etag()));
        // And a server without ETags: the copy is compared instead.
        OutboxItem noEtag = assignItem(QStringLiteral("ORD-100001"), QStringLiteral("mine"));
        noEtag.baseJson = R"({"order_id":"ORD-100001","callback_phone":"old"})";
        outbox.enqueue(noEtag);
        QVERIFY(server.putSessionJson(QStringLiteral("ORD-100002"), R"({"callback_phone":"theirs","agent":{"id":"theirs"}})"));
        OutboxSender sender(&client, &outbox);
        QSignalSpy conflicts(&sender, &OutboxSender::itemConflict);
        QSignalSpy drained(&sender, &OutboxSender::drained);
        sender.start();
        QVERIFY(drained.wait(5000));
        QCOMPARE(conflicts.size(), 2);
        QVERIFY(server.sessionJson(QStringLiteral("ORD-100002")).contains("theirs"));
        QVERIFY(!server.sessionJson(QStringLiteral("ORD-100001")).contains("mine"));
        const auto items = outbox.items();
        QCOMPARE(items.size(), size_t(2));
        QCOMPARE(items[0].state, QStringLiteral("conflict")); // kept for the agent to decide
    }

    void killNineWhileWritingThenReplayExactlyOnce()
    {
        const QString db = m_dir.filePath(QStringLiteral("kill.sqlite"));
        qint64 reported = 0;
        QRandomGenerator random(killSeed());
        for (int round = 0; round < 3; ++round) {
            QProcess writer;
            writer.start(QStringLiteral(OUTBOX_WRITER_PATH),
                         {db, QStringLiteral("100000"), QStringLiteral("K%1-").arg(round)});
            QVERIFY(writer.waitForStarted());
            QVERIFY(readThenKill(writer, 20 + int(random.bounded(60)),
                                 [&reported](const QByteArray &line) { reported = std::max(reported, line.toLongLong()); }));
        }
        QVERIFY(reported > 0);
        {
            SqliteDb check;
            QCOMPARE(check.open(db, QStringLiteral("check")), QString());
            SqliteStatement q;
            QCOMPARE(check.prepare("PRAGMA integrity_check", &q), QString());
            QCOMPARE(q.step(), SQLITE_ROW);
            QCOMPARE(q.string(0), QStringLiteral("ok"));
        }
        Outbox outbox(db);
        const auto items = outbox.items();
        QVERIFY(qint64(items.size()) >= reported); // every reported commit is there
        for (const OutboxItem &item : items)
            QVERIFY(parseAgent(std::string_view(item.payload.constData(), size_t(item.payload.size()))).ok());

        // Replay against a server with those sessions: each applied exactly once.
        SandboxServer server;
        for (const OutboxItem &item : items)
            QVERIFY(server.putSessionJson(item.orderId, "{}"));
        ApiClient client;
        ClientConfig config;
        config.baseUrl = server.start();
        client.setConfig(config);
        QHash<QString, int> puts;
        connect(&server, &SandboxServer::requestHandled, this,
                [&puts](const QByteArray &method, const QString &path, int status) {
                    if (method == "PUT" && status == 200)
                        puts[path] += 1;
                });
        OutboxSender sender(&client, &outbox);
        QSignalSpy drained(&sender, &OutboxSender::drained);
        sender.start();
        QVERIFY(drained.wait(30000));
        QCOMPARE(outbox.queuedCount(), 0);
        QCOMPARE(puts.size(), qsizetype(items.size()));
        for (auto it = puts.constBegin(); it != puts.constEnd(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        for (const OutboxItem &item : items)
            QVERIFY(server.sessionJson(item.orderId).contains("Writer"));
        // A restart sends nothing more.
        Outbox reopened(db);
        OutboxSender again(&client, &reopened);
        QSignalSpy drainedAgain(&again, &OutboxSender::drained);
        again.start();
        QVERIFY(drainedAgain.count() == 1 || drainedAgain.wait(5000));
        int total = 0;
        for (int n : std::as_const(puts))
            total += n;
        QCOMPARE(total, int(items.size()));
    }
};

QTEST_GUILESS_MAIN(TestOutboxConflicts)
#include "tst_outbox_conflicts.moc"
