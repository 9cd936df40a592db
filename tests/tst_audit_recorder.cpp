// The audit trail as the client writes it: every write's intent is durable before it is sent,
// its outcome before the reply finishes; a write never sent, a bulk run's batches, and an intent
// left without an outcome. The hash chain and exports are in tst_audit.cpp.
#include "audittest.h"
#include "bulkrun.h"
#include "sandboxserver.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sd;

class TestAuditRecorder : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("audit-%1.log").arg(QString::fromLatin1(QTest::currentTestFunction())));
        QFile::remove(m_path);
        AuditLog log(m_path);
        for (int i = 1; i <= 5; ++i)
            QCOMPARE(log.append(sample(i)), QString());
    }

    void intentBeforeSendingOutcomeBeforeFinished()
    {
        SandboxServer server;
        server.seed(5);
        ApiClient client;
        ClientConfig config;
        config.baseUrl = server.start();
        client.setConfig(config);
        AuditRecorder recorder(m_path);
        recorder.setUser(QStringLiteral("tester"));
        recorder.attach(&client);

        qsizetype entriesWhenReceived = -1;
        connect(&server, &SandboxServer::requestHandled, this,
                [&] { entriesWhenReceived = qsizetype(AuditLog::read(m_path).size()); });
        SupportReply *reply = client.assignAgent(QStringLiteral("ORD-100001"), Agent{"agent-9", {}, {}, {}, {}, {}});
        qsizetype entriesWhenFinished = -1;
        connect(reply, &ApiReply::finished, this, [&] { entriesWhenFinished = qsizetype(AuditLog::read(m_path).size()); });
        QSignalSpy finished(reply, &ApiReply::finished);
        QVERIFY(finished.wait());
        QVERIFY(reply->isOk());
        QCOMPARE(entriesWhenReceived, 6);  // the 5 of init() and the intent
        QCOMPARE(entriesWhenFinished, 7);  // and the outcome, before anyone is told
        const auto entries = AuditLog::read(m_path);
        const AuditEntry &intent = entries[5];
        const AuditEntry &outcome = entries[6];
        QCOMPARE(intent.phase, AuditEntry::Phase::Intent);
        QCOMPARE(intent.operation, QStringLiteral("assign"));
        QCOMPARE(intent.orderId, QStringLiteral("ORD-100001"));
        QCOMPARE(intent.user, QStringLiteral("tester"));
        QCOMPARE(intent.link, outcome.seq);
        // (Addresses with user:password are refused before anything is sent: tst_basics.)
        QCOMPARE(intent.server, config.baseUrl.toString());
        QCOMPARE(outcome.phase, AuditEntry::Phase::Outcome);
        QCOMPARE(outcome.link, intent.seq);
        QCOMPARE(outcome.result, QStringLiteral("ok"));
        QCOMPARE(outcome.httpStatus, 200);
        QVERIFY(outcome.after.contains("agent-9"));
        const AuditVerification v = AuditLog::verify(m_path);
        QVERIFY2(v.intact, qPrintable(v.reason));
        QVERIFY(v.notes.isEmpty());

        // Reads are not recorded.
        SupportReply *read = client.fetch(QStringLiteral("ORD-100001"));
        QSignalSpy readDone(read, &ApiReply::finished);
        QVERIFY(readDone.wait());
        QCOMPARE(AuditLog::read(m_path).size(), size_t(7));
    }

    void nothingIsSentWithoutItsIntent()
    {
        SandboxServer server;
        server.seed(5);
        ApiClient client;
        ClientConfig config;
        config.baseUrl = server.start();
        client.setConfig(config);
        const QString blocked = m_dir.filePath(QStringLiteral("blocked"));
        QVERIFY(QDir().mkpath(blocked)); // a folder where the log should be: it cannot be written
        AuditRecorder recorder(blocked);
        recorder.attach(&client);
        SupportReply *reply = client.close(QStringLiteral("ORD-100002"));
        QSignalSpy finished(reply, &ApiReply::finished);
        QVERIFY(finished.wait());
        QVERIFY(!reply->isOk());
        QVERIFY2(reply->error().message().contains(QStringLiteral("nothing was sent")), qPrintable(reply->error().message()));
        QCOMPARE(server.requestCount(), 0);
        QVERIFY(server.hasSession(QStringLiteral("ORD-100002")));
    }

    void intentOfAWriteNotSentIsClosed()
    {
        SandboxServer server;
        server.seed(5);
        ApiClient client;
        ClientConfig config;
        config.baseUrl = server.start();
        client.setConfig(config);
        AuditRecorder recorder(m_path);
        recorder.attach(&client);
        // A folder where the head file goes: the log is written, but every sync fails.
        QVERIFY(QFile::remove(AuditLog::headPath(m_path)));
        QVERIFY(QDir().mkdir(AuditLog::headPath(m_path)));

        SupportReply *reply = client.close(QStringLiteral("ORD-100002"));
        QSignalSpy finished(reply, &ApiReply::finished);
        QVERIFY(finished.wait());
        QVERIFY2(reply->error().message().contains(QStringLiteral("nothing was sent")), qPrintable(reply->error().message()));

        // And an intent written ahead, in a batch whose sync failed.
        QCOMPARE(recorder.reserve(Operation::Close, {QStringLiteral("ORD-100003")}), QString());
        SupportReply *reserved = client.close(QStringLiteral("ORD-100003"));
        QSignalSpy reservedDone(reserved, &ApiReply::finished);
        QVERIFY(reservedDone.wait());
        QVERIFY2(reserved->error().message().contains(QStringLiteral("nothing was sent")), qPrintable(reserved->error().message()));
        QCOMPARE(server.requestCount(), 0);

        // Both intents are closed as not sent, not left as "outcome unknown".
        QTRY_COMPARE(AuditLog::verify(m_path).unknownOutcomes, 0);
        int notSent = 0;
        for (const AuditEntry &e : AuditLog::read(m_path)) {
            if (e.phase == AuditEntry::Phase::Intent)
                QVERIFY(e.link != 0);
            notSent += e.phase == AuditEntry::Phase::Outcome && e.result == QStringLiteral("not sent");
        }
        QCOMPARE(notSent, 2);
    }

    void bulkIntentsAheadOutcomesInBatches()
    {
        SandboxServer server;
        server.seed(250);
        ApiClient client;
        ClientConfig config;
        config.baseUrl = server.start();
        client.setConfig(config);
        QFile::remove(m_path);
        QFile::remove(AuditLog::headPath(m_path));
        AuditRecorder recorder(m_path);
        recorder.attach(&client);
        QStringList ids;
        for (int i = 0; i < 250; ++i) // as the sandbox seeds them
            ids << (i % 17 == 16 ? QStringLiteral("ORD/2026/%1") : QStringLiteral("ORD-%1")).arg(100001 + i);
        BulkRun run(ids, 6, [&client](const QString &id) -> ApiReply * {
            return client.assignAgent(id, Agent{"agent-bulk", {}, {}, {}, {}, {}});
        });
        run.setAuditIntents(&recorder, Operation::AssignAgent);
        int reported = 0;
        bool outcomeKeptFirst = true;
        connect(&run, &BulkRun::itemFinished, this, [&](int, const BulkItemResult &item) {
            if (++reported % 25 != 1)
                return; // reading the whole log for each would be slow
            bool found = false;
            for (const AuditEntry &e : AuditLog::read(m_path))
                found = found || (e.phase == AuditEntry::Phase::Outcome && e.orderId == item.orderId);
            outcomeKeptFirst = outcomeKeptFirst && found;
        });
        QSignalSpy finished(&run, &BulkRun::finished);
        run.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(run.failedCount(), 0);
        QVERIFY(outcomeKeptFirst);
        QVERIFY(run.maxObservedInFlight() <= 6);
        const auto entries = AuditLog::read(m_path);
        QCOMPARE(entries.size(), size_t(500));
        // The first window's intents went out in one batch, before any request.
        for (int i = 0; i < 100; ++i) {
            QCOMPARE(entries[size_t(i)].phase, AuditEntry::Phase::Intent);
            QCOMPARE(entries[size_t(i)].orderId, ids[i]);
        }
        for (const AuditEntry &e : entries) {
            if (e.phase != AuditEntry::Phase::Outcome)
                continue;
            QCOMPARE(entries[size_t(e.link - 1)].orderId, e.orderId);
            QCOMPARE(e.result, QStringLiteral("ok"));
        }
        AuditVerification v = AuditLog::verify(m_path);
        QVERIFY2(v.intact, qPrintable(v.reason));
        QCOMPARE(v.unknownOutcomes, 0);

        // Cancelled: the intents written ahead for what was never sent are closed as such.
        BulkRun cancelled(ids, 2, [&client](const QString &id) -> ApiReply * {
            return client.unassignAgent(id);
        });
        cancelled.setAuditIntents(&recorder, Operation::UnassignAgent);
        connect(&cancelled, &BulkRun::itemFinished, &cancelled, [&cancelled](int index) {
            if (index == 3)
                cancelled.cancel();
        });
        QSignalSpy cancelledDone(&cancelled, &BulkRun::finished);
        cancelled.start();
        QVERIFY(cancelledDone.wait(30000));
        QVERIFY(cancelled.doneCount() < 250);
        v = AuditLog::verify(m_path);
        QVERIFY2(v.intact, qPrintable(v.reason));
        QCOMPARE(v.unknownOutcomes, 0);
        int notSent = 0;
        int intents = 0;
        for (const AuditEntry &e : AuditLog::read(m_path)) {
            notSent += e.result == QStringLiteral("not sent");
            intents += e.phase == AuditEntry::Phase::Intent && e.operation == QStringLiteral("unassign");
        }
        QCOMPARE(intents, cancelled.doneCount() + notSent);
        QVERIFY(intents == 100 || intents == 200 || intents == 250); // whole windows, written ahead
    }

    void intentWithoutOutcomeIsShownAsUnknown()
    {
        AuditEntry intent = sample(6);
        intent.phase = AuditEntry::Phase::Intent;
        intent.result.clear();
        QCOMPARE(AuditLog(m_path).append(intent), QString());
        const auto entries = AuditLog::read(m_path);
        QCOMPARE(entries.back().result, QStringLiteral("outcome unknown"));
        QVERIFY(AuditLog::exportCsv(entries, false).contains(",ORD-6,assign,outcome unknown,"));
        const AuditVerification v = AuditLog::verify(m_path);
        QVERIFY(v.intact);
        QCOMPARE(v.unknownOutcomes, 1);
        QVERIFY(v.notes.join(QLatin1Char(' ')).contains(QStringLiteral("outcome unknown")));
    }
};

QTEST_GUILESS_MAIN(TestAuditRecorder)
#include "tst_audit_recorder.moc"
