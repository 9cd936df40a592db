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
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sqlite3.h>
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
    item.op = Operation::AssignAgent;
    item.payload = QStringLiteral(R"({"id":"%1"})").arg(agentId).toUtf8();
    item.baseEtag = etag;
    return item;
}

ClientConfig configFor(const QUrl &url)
{
    ClientConfig config;
    config.baseUrl = url;
    config.retry.maxRetries = 0;
    return config;
}

// Runs tests/outbox_writer's "send" mode on `db` until it drains the outbox (exit 0) or kills
// itself at `killAt` (see outbox_writer.cpp). The event loop runs meanwhile: the sandbox is in
// this process.
int runSender(const QString &db, const QUrl &url, const QString &killAt)
{
    QProcess helper;
    helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QSignalSpy finished(&helper, &QProcess::finished);
    helper.start(QStringLiteral(OUTBOX_WRITER_PATH), {QStringLiteral("send"), db, url.toString(), killAt});
    if (!helper.waitForStarted() || !finished.wait(30000))
        return -1;
    return helper.exitStatus() == QProcess::CrashExit ? -SIGKILL : helper.exitCode();
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

    // The order IDs with a queued change, each once (the window asks on every change of the
    // outbox), and the body of a new request still waiting (the pane shows it meanwhile).
    void queuedOrderIdsAndWaitingCreation()
    {
        Outbox outbox(m_dir.filePath(QStringLiteral("ids.sqlite")));
        QVERIFY2(outbox.isOpen(), qPrintable(outbox.error()));
        QVERIFY(outbox.queuedOrderIds().isEmpty());
        QVERIFY(outbox.enqueue(assignItem(QStringLiteral("ORD-1"), QStringLiteral("agent-1"))) > 0);
        QVERIFY(outbox.enqueue(assignItem(QStringLiteral("ORD-1"), QStringLiteral("agent-2"))) > 0);
        const qint64 failed = outbox.enqueue(assignItem(QStringLiteral("ORD-2"), QStringLiteral("agent-1")));
        QVERIFY(outbox.setState(failed, QStringLiteral("failed"), QStringLiteral("refused")));
        OutboxItem create;
        create.orderId = QStringLiteral("ORD-3");
        create.op = Operation::Create;
        create.payload = QByteArrayLiteral(R"({"orderId":"ORD-3","callbackPhone":"+49 30 1"})");
        const qint64 created = outbox.enqueue(create);
        QVERIFY(created > 0);
        QCOMPARE(outbox.queuedOrderIds(), (QSet<QString>{QStringLiteral("ORD-1"), QStringLiteral("ORD-3")}));
        QCOMPARE(outbox.waitingCreation(QStringLiteral("ORD-3")), std::optional<QByteArray>(create.payload));
        QVERIFY(!outbox.waitingCreation(QStringLiteral("ORD-1")));
        QVERIFY(outbox.remove(created));
        QVERIFY(!outbox.waitingCreation(QStringLiteral("ORD-3")));
        QCOMPARE(outbox.queuedOrderIds(), QSet<QString>{QStringLiteral("ORD-1")});
    }

    // Bug 5: two SupportDesks on one profile would both send the oldest change (without ETags:
    // applied twice). The outbox is open in one process at a time.
    void oneProcessPerOutbox()
    {
        const QString db = m_dir.filePath(QStringLiteral("single.sqlite"));
        auto first = std::make_unique<Outbox>(db);
        QVERIFY2(first->isOpen(), qPrintable(first->error()));
        QVERIFY(first->enqueue(assignItem(QStringLiteral("ORD-1"), QStringLiteral("agent-1"))) > 0);
        // Another process (the helper) cannot open it while this one has it...
        QProcess other;
        other.start(QStringLiteral(OUTBOX_WRITER_PATH), {db, QStringLiteral("1"), QStringLiteral("X-")});
        QVERIFY(other.waitForFinished(10000));
        QCOMPARE(other.exitCode(), 2); // "cannot open"
        // ...nor a second outbox here.
        Outbox second(db);
        QVERIFY(!second.isOpen());
        QVERIFY2(second.error().contains(QLatin1String("another SupportDesk")), qPrintable(second.error()));
        QCOMPARE(first->items().size(), size_t(1));
        first.reset();
        Outbox third(db); // free again
        QVERIFY2(third.isOpen(), qPrintable(third.error()));
        QCOMPARE(third.items().size(), size_t(1));
    }

    // A damaged outbox file is kept aside (for rescue), named in a notice, and a new one opened.
    void damagedFileIsMovedAside()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("damaged.sqlite"));
        QFile f(db);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray garbage(8192, 'q');
        f.write(garbage);
        f.close();
        Outbox outbox(db);
        QVERIFY2(outbox.isOpen(), qPrintable(outbox.error()));
        QVERIFY(outbox.notice().contains(QLatin1String("damaged")));
        QVERIFY(outbox.enqueue(assignItem(QStringLiteral("ORD-1"), QStringLiteral("agent-1"))) > 0);
        const QStringList aside = QDir(dir.path()).entryList({QStringLiteral("damaged.sqlite.damaged-*")});
        QCOMPARE(aside.size(), 1);
        QVERIFY2(outbox.notice().contains(aside.first()), qPrintable(outbox.notice()));
        QFile kept(dir.filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), garbage);
    }

    // Outbox files written by the earlier QtSql outbox (no schema version) are read as they are;
    // a file of a newer format is refused, untouched.
    void earlierFormatIsReadNewerRefused()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("earlier.sqlite"));
        {
            sqlite3 *raw = nullptr;
            QCOMPARE(sqlite3_open(QFile::encodeName(db).constData(), &raw), SQLITE_OK);
            QCOMPARE(sqlite3_exec(raw,
                                  "PRAGMA journal_mode=WAL;"
                                  "CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                  " order_id TEXT NOT NULL, op TEXT NOT NULL, payload BLOB, base_etag BLOB,"
                                  " base_json BLOB, state TEXT NOT NULL DEFAULT 'queued', last_error TEXT, attempted INTEGER NOT NULL DEFAULT 0,"
                                  " created TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);"
                                  "INSERT INTO outbox (order_id, op, payload, base_etag, base_json, state)"
                                  " VALUES ('ORD-7', 'assign', X'7B226964223A22612D37227D', X'223322', X'', 'queued');",
                                  nullptr, nullptr, nullptr), SQLITE_OK);
            sqlite3_close(raw);
        }
        {
            Outbox outbox(db);
            QVERIFY2(outbox.isOpen(), qPrintable(outbox.error()));
            const auto items = outbox.items();
            QCOMPARE(items.size(), size_t(1));
            QCOMPARE(items.front().orderId, QStringLiteral("ORD-7"));
            QCOMPARE(items.front().op, Operation::AssignAgent);
            QCOMPARE(items.front().payload, QByteArray(R"({"id":"a-7"})"));
            QCOMPARE(items.front().baseEtag, QByteArray("\"3\""));
        }
        {
            sqlite3 *raw = nullptr;
            QCOMPARE(sqlite3_open(QFile::encodeName(db).constData(), &raw), SQLITE_OK);
            QCOMPARE(sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
            sqlite3_close(raw);
        }
        Outbox newer(db);
        QVERIFY(!newer.isOpen());
        QVERIFY2(newer.error().contains(QLatin1String("newer")), qPrintable(newer.error()));
    }

    // A store written by the previous version (schema 1: an op and a payload per change) is
    // read and sent as requests: every kind of change reaches the server as it was made.
    void previousVersionStoreIsSent()
    {
        SandboxServer server;
        server.seed(5);
        const QUrl url = server.start();
        QVERIFY(url.isValid());
        const QString db = m_dir.filePath(QStringLiteral("previous.sqlite"));
        {
            sqlite3 *raw = nullptr;
            QCOMPARE(sqlite3_open(QFile::encodeName(db).constData(), &raw), SQLITE_OK);
            QCOMPARE(sqlite3_exec(raw,
                                  "PRAGMA journal_mode=WAL;"
                                  "CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                  " order_id TEXT NOT NULL, op TEXT NOT NULL, payload BLOB, base_etag BLOB,"
                                  " base_json BLOB, state TEXT NOT NULL DEFAULT 'queued', last_error TEXT, attempted INTEGER NOT NULL DEFAULT 0,"
                                  " created TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);"
                                  "PRAGMA user_version = 1;"
                                  "INSERT INTO outbox (order_id, op, payload, base_etag, base_json, state) VALUES "
                                  "('ORD-100001', 'update', X'7B2263616C6C6261636B5F70686F6E65223A222B31203535352030313737222C22785F6B656570223A317D', X'', X'', 'queued'),"
                                  "('ORD-100001', 'assign', X'7B226964223A22612D39227D', X'', X'', 'queued'),"
                                  "('ORD-100002', 'unassign', X'', X'', X'', 'queued'),"
                                  "('ORD-100003', 'close', X'', X'', X'', 'queued'),"
                                  "('NEW-1', 'create', X'7B2263616C6C6261636B5F70686F6E65223A222B31203535352030313838227D', X'', X'', 'queued');",
                                  nullptr, nullptr, nullptr), SQLITE_OK);
            sqlite3_close(raw);
        }
        Outbox outbox(db);
        QVERIFY2(outbox.isOpen(), qPrintable(outbox.error()));
        QCOMPARE(outbox.queuedCount(), 5);
        ApiClient client;
        client.setConfig(configFor(url));
        OutboxSender sender(&client, &outbox);
        QSignalSpy failed(&sender, &OutboxSender::itemFailed);
        QSignalSpy drained(&sender, &OutboxSender::drained);
        sender.start();
        QVERIFY(drained.wait(10000));
        QCOMPARE(failed.size(), 0);
        QVERIFY(outbox.items().empty());
        const QByteArray first = server.sessionJson(QStringLiteral("ORD-100001"));
        QVERIFY2(first.contains("+1 555 0177") && first.contains("x_keep") && first.contains("a-9"), first.constData());
        QVERIFY(!server.sessionJson(QStringLiteral("ORD-100002")).contains("\"agent\""));
        QVERIFY(!server.hasSession(QStringLiteral("ORD-100003")));
        QVERIFY(server.sessionJson(QStringLiteral("NEW-1")).contains("+1 555 0188"));
    }

    // A row whose kind of change this version does not know (a newer or damaged outbox) is not
    // guessed to be an edit: it fails with the reason and nothing is sent for it.
    void unknownKindOfChangeIsNotSent()
    {
        SandboxServer server;
        server.seed(5);
        const QUrl url = server.start();
        QVERIFY(url.isValid());
        const QByteArray before = server.sessionJson(QStringLiteral("ORD-100001"));
        const QString db = m_dir.filePath(QStringLiteral("unknown-op.sqlite"));
        {
            sqlite3 *raw = nullptr;
            QCOMPARE(sqlite3_open(QFile::encodeName(db).constData(), &raw), SQLITE_OK);
            QCOMPARE(sqlite3_exec(raw,
                                  "PRAGMA journal_mode=WAL;"
                                  "CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                  " order_id TEXT NOT NULL, op TEXT NOT NULL, payload BLOB, base_etag BLOB,"
                                  " base_json BLOB, state TEXT NOT NULL DEFAULT 'queued', last_error TEXT, attempted INTEGER NOT NULL DEFAULT 0,"
                                  " created TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);"
                                  "PRAGMA user_version = 1;"
                                  "INSERT INTO outbox (order_id, op, payload, base_etag, base_json, state) VALUES "
                                  "('ORD-100001', 'reassign', X'7B226964223A22612D39227D', X'', X'', 'queued'),"
                                  "('ORD-100002', 'close', X'', X'', X'', 'queued');",
                                  nullptr, nullptr, nullptr), SQLITE_OK);
            sqlite3_close(raw);
        }
        Outbox outbox(db);
        QVERIFY2(outbox.isOpen(), qPrintable(outbox.error()));
        QStringList sent;
        connect(&server, &SandboxServer::requestHandled, this,
                [&sent](const QByteArray &method, const QString &path, int status) {
                    if (method != "GET")
                        sent << QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(method), path).arg(status);
                });
        ApiClient client;
        client.setConfig(configFor(url));
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
        QCOMPARE(left.front().state, QStringLiteral("failed"));
        QVERIFY2(left.front().lastError.contains(QLatin1String("reassign")), qPrintable(left.front().lastError));
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

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
