// The real supportctl binary (as tst_supportctl.cpp): the audit trail of its changes, `audit verify`
// and `audit export` on tampered, cut-off and damaged logs, the log's file modes, and a bulk run
// killed with SIGKILL.
#include "supportctltest.h"

#include "auditlog.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QScopeGuard>

#include <sys/stat.h>

class TestSupportctlAudit : public SupportctlTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startSandbox(); }
    void cleanup() { stopSandbox(); }

    void auditTrailOfEveryChange()
    {
        QCOMPARE(ctl({QStringLiteral("assign"), QStringLiteral("ORD-100001"), QStringLiteral("agent-1"),
                      QStringLiteral("--phone"), QStringLiteral("+49 30 7654321")}).code, 0);
        QCOMPARE(ctl({QStringLiteral("update"), QStringLiteral("ORD-100002"), QStringLiteral("--chat-session"), QStringLiteral("S")}).code, 0);
        QCOMPARE(ctl({QStringLiteral("get"), QStringLiteral("ORD-100003")}).code, 0); // a read: not audited
        QCOMPARE(ctl({QStringLiteral("reassign"), QStringLiteral("agent-2"), QStringLiteral("ORD-100004"), QStringLiteral("ORD-100005")}).code, 0);
        Run r = ctl({QStringLiteral("audit"), QStringLiteral("verify")}, {}, {}, false);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("intact, 8 entries")), qPrintable(r.out)); // intent and outcome each
        r = ctl({QStringLiteral("audit"), QStringLiteral("export")}, {}, {}, false);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.count(QLatin1Char('\n')), 9);
        QVERIFY(r.out.contains(QStringLiteral("ORD-100002,update,ok,200")));
        QVERIFY(r.out.contains(QStringLiteral("ORD-100002,update,intent (outcome in entry 4),0")));
        QVERIFY(!r.out.contains(QStringLiteral("7654321")));
        r = ctl({QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--unmasked")}, {}, {}, false);
        QVERIFY(r.out.contains(QStringLiteral("+49 30 7654321")));

        // Tamper with the second entry: verify names it and exits 2.
        QFile f(m_auditLog);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = f.readAll().split('\n');
        f.close();
        lines[2].replace("ORD-100002", "ORD-100099");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(lines.join('\n'));
        f.close();
        r = ctl({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--log"), m_auditLog}, {}, {}, false);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.out.contains(QStringLiteral("BROKEN: Line 3 was changed")), qPrintable(r.out));
    }

    void auditEndCutOffIsBroken()
    {
        QCOMPARE(ctl({QStringLiteral("close"), QStringLiteral("ORD-100001"), QStringLiteral("ORD-100002")}).code, 0);
        QFile f(m_auditLog);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = f.readAll().split('\n');
        f.close();
        QVERIFY(lines.size() >= 3); // entries and the empty end
        lines.removeLast();
        lines.removeLast(); // the last entry deleted
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(lines.join('\n') + '\n');
        f.close();
        const Run r = ctl({QStringLiteral("audit"), QStringLiteral("verify")}, {}, {}, false);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.out.contains(QStringLiteral("entries were removed from its end")), qPrintable(r.out));
    }

    void auditWrongTypedLineIsNamedNotFatal()
    {
        QCOMPARE(ctl({QStringLiteral("close"), QStringLiteral("ORD-100001")}).code, 0);
        QFile f(m_auditLog);
        QVERIFY(f.open(QIODevice::Append));
        f.write("{\"seq\":\"x\",\"hash\":1}\n");
        f.close();
        Run r = ctl({QStringLiteral("audit"), QStringLiteral("verify")}, {}, {}, false);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.out.contains(QStringLiteral("Line 3 is not an audit entry")), qPrintable(r.out));
        r = ctl({QStringLiteral("audit"), QStringLiteral("export")}, {}, {}, false);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(m_auditLog + QStringLiteral(" line 3")), qPrintable(r.err));

        // The next audited change works; it says that it sealed the damage, and verify keeps
        // reporting it.
        r = ctl({QStringLiteral("close"), QStringLiteral("ORD-100002")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("was damaged")), qPrintable(r.err));
        QVERIFY(!m_server->hasSession(QStringLiteral("ORD-100002")));
        r = ctl({QStringLiteral("audit"), QStringLiteral("verify")}, {}, {}, false);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.out.contains(QStringLiteral("Entry 3 (line 4) records damage")), qPrintable(r.out));
    }

    void auditFilesArePrivate()
    {
        const mode_t oldMask = ::umask(022); // whatever the umask
        const auto restore = qScopeGuard([oldMask] { ::umask(oldMask); });
        m_auditLog = m_dir.filePath(QStringLiteral("new-folder/audit.log"));
        QCOMPARE(ctl({QStringLiteral("close"), QStringLiteral("ORD-100001")}).code, 0);
        const auto mode = [](const QString &p) {
            return QFileInfo(p).permissions() & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser);
        };
        QCOMPARE(mode(m_auditLog), QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(mode(m_auditLog + QStringLiteral(".head")), QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(mode(QFileInfo(m_auditLog).absolutePath()), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    // kill -9 in the middle of a bulk run: every change that reached the server has an entry.
    void killedBulkRunLeavesATraceOfEveryChange()
    {
        const int total = 300;
        m_server->seed(total);
        m_server->setLatencyMs(20);
        QStringList ids;
        for (int i = 0; i < total; ++i) // as the sandbox seeds them
            ids << (i % 17 == 16 ? QStringLiteral("ORD/2026/%1") : QStringLiteral("ORD-%1")).arg(100001 + i);
        quint32 seed = quint32(qEnvironmentVariableIntValue("SUPPORTDESK_TEST_SEED"));
        if (seed == 0)
            seed = QRandomGenerator::system()->generate();
        const int killAfter = 1 + int(QRandomGenerator(seed).bounded(total - 50));
        qInfo("kill after %d requests (SUPPORTDESK_TEST_SEED=%u)", killAfter, seed);

        QProcess proc;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("SUPPORTDESK_AUDIT_LOG"), m_auditLog);
        proc.setProcessEnvironment(e);
        const qint64 before = m_server->requestCount();
        proc.start(QStringLiteral(SUPPORTCTL_PATH),
                   {QStringLiteral("--server"), m_url.toString(), QStringLiteral("reassign"),
                    QStringLiteral("agent-killed"), QStringLiteral("--from"), QStringLiteral("-")});
        QVERIFY(proc.waitForStarted());
        proc.write(ids.join(QLatin1Char('\n')).toUtf8() + '\n');
        proc.closeWriteChannel();
        QTRY_VERIFY_WITH_TIMEOUT(m_server->requestCount() - before >= killAfter, 30000);
        proc.kill(); // SIGKILL
        QVERIFY(proc.waitForFinished());
        QCOMPARE(proc.exitStatus(), QProcess::CrashExit);

        QSet<QString> intents;
        QSet<QString> outcomes;
        for (const sd::AuditEntry &entry : sd::AuditLog::read(m_auditLog)) {
            if (entry.phase == sd::AuditEntry::Phase::Outcome)
                outcomes << entry.orderId;
            else
                intents << entry.orderId;
        }
        int changed = 0;
        for (const QString &id : std::as_const(ids)) {
            if (!m_server->sessionJson(id).contains("agent-killed"))
                continue;
            ++changed;
            QVERIFY2(intents.contains(id), qPrintable(id + QStringLiteral(" changed on the server without an intent")));
        }
        QVERIFY(changed > 0);
        QVERIFY(outcomes.size() <= changed);

        // A later run goes on (sealing a line the kill may have torn); what was in flight reads
        // "outcome unknown", and the chain is intact.
        QCOMPARE(ctl({QStringLiteral("close"), ids.last()}).code, 0);
        Run r = ctl({QStringLiteral("audit"), QStringLiteral("verify")}, {}, {}, false);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("outcome unknown")), qPrintable(r.out));
        r = ctl({QStringLiteral("audit"), QStringLiteral("export")}, {}, {}, false);
        QVERIFY(r.out.contains(QStringLiteral(",assign,outcome unknown,")));
    }
};

QTEST_GUILESS_MAIN(TestSupportctlAudit)
#include "tst_supportctl_audit.moc"
