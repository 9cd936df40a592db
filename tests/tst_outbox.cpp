// The offline outbox: changes made while the server is away are kept in SQLite and sent in
// order when it answers; kill -9 while the outbox is being written leaves it whole; a change
// applied before a crash is not applied twice; a session changed by someone else is a conflict.
#include "outbox.h"
#include "killedwriter.h"
#include "sandboxserver.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

using namespace sd;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

OutboxItem assignItem(const QString &orderId, const QString &agentId, const QByteArray &etag = {})
{
    OutboxItem item;
    item.orderId = orderId;
    item.op = OutboxItem::Op::Assign;
    item.payload = QStringLiteral(R"({"id":"%1"})").arg(agentId).toUtf8();
    item.baseEtag = etag;
    return item;
}

int fileMode(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void privateFiles()
    {
        // The outbox holds whole sessions with callback phones: 0600 in a 0700 folder, the
        // SQLite side files too, whatever the umask (a common 022 here).
        const mode_t oldMask = ::umask(022);
        const auto restore = qScopeGuard([oldMask] { ::umask(oldMask); });
        const QString folder = m_dir.filePath(QStringLiteral("private/outbox"));
        const QString path = folder + QStringLiteral("/p.sqlite");
        {
            Outbox outbox(path);
            QVERIFY2(outbox.isOpen(), qPrintable(outbox.error()));
            QCOMPARE(fileMode(path), 0600);
            QVERIFY(outbox.enqueue(assignItem(QStringLiteral("ORD-1"), QStringLiteral("agent-1"))) > 0);
            for (const char *suffix : {"", "-wal", "-shm"}) {
                QVERIFY2(QFileInfo::exists(path + QLatin1String(suffix)), suffix);
                QCOMPARE(fileMode(path + QLatin1String(suffix)), 0600);
            }
            QCOMPARE(fileMode(folder), 0700);
            QCOMPARE(fileMode(m_dir.filePath(QStringLiteral("private"))), 0700);
        }
        // One an earlier version left readable by everyone is made private when opened.
        for (const char *suffix : {"", "-wal", "-shm"})
            if (QFileInfo::exists(path + QLatin1String(suffix)))
                QVERIFY(::chmod(QFile::encodeName(path + QLatin1String(suffix)).constData(), 0644) == 0);
        Outbox again(path);
        QVERIFY2(again.isOpen(), qPrintable(again.error()));
        QCOMPARE(again.queuedCount(), 1);
        for (const char *suffix : {"", "-wal", "-shm"})
            if (QFileInfo::exists(path + QLatin1String(suffix)))
                QCOMPARE(fileMode(path + QLatin1String(suffix)), 0600);

        // A folder the outbox did not create is not changed (the app closes its own folders).
        const QString shared = m_dir.filePath(QStringLiteral("shared"));
        QVERIFY(QDir().mkpath(shared) && ::chmod(QFile::encodeName(shared).constData(), 0755) == 0);
        Outbox there(shared + QStringLiteral("/s.sqlite"));
        QVERIFY2(there.isOpen(), qPrintable(there.error()));
        QCOMPARE(fileMode(shared + QStringLiteral("/s.sqlite")), 0600);
        QCOMPARE(fileMode(shared), 0755);
    }

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
        update.op = OutboxItem::Op::Update;
        update.payload = R"({"callback_phone":"+1 555 0100","x_keep":1})";
        QVERIFY(outbox.enqueue(update) > 0);
        QVERIFY(outbox.enqueue(assignItem(QStringLiteral("ORD-100001"), QStringLiteral("agent-1"))) > 0);
        OutboxItem close;
        close.orderId = QStringLiteral("ORD-100002");
        close.op = OutboxItem::Op::Close;
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
        bad.op = assign ? OutboxItem::Op::Assign : OutboxItem::Op::Update;
        bad.payload = payload;
        const qint64 badId = outbox.enqueue(bad);
        QVERIFY(badId > 0);
        OutboxItem close;
        close.orderId = QStringLiteral("ORD-100002");
        close.op = OutboxItem::Op::Close;
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

    void appliedBeforeACrashIsNotSentAgain()
    {
        SandboxServer server;
        server.seed(3);
        const QUrl url = server.start();
        ApiClient client;
        ClientConfig config;
        config.baseUrl = url;
        client.setConfig(config);
        SupportReply *read = client.fetch(QStringLiteral("ORD-100003"));
        QVERIFY(QSignalSpy(read, &ApiReply::finished).wait(5000));
        int applied = 0;
        connect(&server, &SandboxServer::requestHandled, this,
                [&applied](const QByteArray &method, const QString &, int status) {
                    if (method == "PUT" && status == 200)
                        ++applied;
                });
        const QString db = m_dir.filePath(QStringLiteral("b.sqlite"));
        {
            Outbox outbox(db);
            outbox.enqueue(assignItem(QStringLiteral("ORD-100003"), QStringLiteral("agent-z"), read->etag()));
            OutboxSender sender(&client, &outbox);
            sender.setSkipRemoveOnce(true); // dies after the server applied it, before the removal
            QSignalSpy sent(&sender, &OutboxSender::itemSent);
            sender.start();
            QVERIFY(sent.wait(5000));
            QCOMPARE(outbox.queuedCount(), 1);
            // the sender is "killed" here: destroyed with the item still queued
            disconnect(&sender, nullptr, nullptr, nullptr);
        }
        // Restart: the same item is found, recognised as applied, and removed unsent.
        Outbox outbox(db);
        QCOMPARE(outbox.queuedCount(), 1);
        QVERIFY(outbox.items().front().attempted);
        OutboxSender sender(&client, &outbox);
        QSignalSpy drained(&sender, &OutboxSender::drained);
        sender.start();
        QVERIFY(drained.wait(5000));
        QCOMPARE(outbox.queuedCount(), 0);
        QCOMPARE(applied, 1);
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
            item.op = OutboxItem::Op::Create;
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

    void killNineWhileWritingThenReplayExactlyOnce()
    {
        const QString db = m_dir.filePath(QStringLiteral("kill.sqlite"));
        qint64 reported = 0;
        for (int round = 0; round < 3; ++round) {
            QProcess writer;
            writer.start(QStringLiteral(OUTBOX_WRITER_PATH),
                         {db, QStringLiteral("100000"), QStringLiteral("K%1-").arg(round)});
            QVERIFY(writer.waitForStarted());
            QVERIFY(readThenKill(writer, 20 + int(QRandomGenerator::global()->bounded(60)),
                                 [&reported](const QByteArray &line) { reported = std::max(reported, line.toLongLong()); }));
        }
        QVERIFY(reported > 0);
        {
            QSqlDatabase check = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            check.setDatabaseName(db);
            QVERIFY(check.open());
            QSqlQuery q(check);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
            check.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
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

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
