// The real supportctl binary: commands, output and exit statuses, against an in-process sandbox
// (or the fault server for 5xx and invalid responses).
#include "faultserver.h"
#include "sandboxserver.h"

#include "auditlog.h"

#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#ifndef Q_MOC_RUN // moc cannot parse nlohmann/json.hpp
#include <nlohmann/json.hpp>
#endif

using nlohmann::json;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestSupportctl : public QObject
{
    Q_OBJECT
    sd::SandboxServer *m_server = nullptr;
    QUrl m_url;
    QTemporaryDir m_dir;
    QString m_auditLog;

    // Runs supportctl without blocking the event loop (the sandbox lives in this process).
    Run ctl(const QStringList &args, const QByteArray &input = {},
            const QMap<QString, QString> &env = {}, bool withServer = true)
    {
        QProcess proc;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(QStringLiteral("SUPPORTDESK_SERVER"));
        e.remove(QStringLiteral("SUPPORTDESK_TOKEN"));
        e.insert(QStringLiteral("SUPPORTDESK_AUDIT_LOG"), m_auditLog);
        for (auto it = env.begin(); it != env.end(); ++it)
            e.insert(it.key(), it.value());
        proc.setProcessEnvironment(e);
        QStringList all = args;
        if (withServer)
            all = QStringList{QStringLiteral("--server"), m_url.toString(), QStringLiteral("--timeout"),
                              QStringLiteral("5")} + args;
        QSignalSpy finished(&proc, &QProcess::finished);
        proc.start(QStringLiteral(SUPPORTCTL_PATH), all);
        if (!proc.waitForStarted())
            return {};
        proc.write(input);
        proc.closeWriteChannel();
        if (!finished.wait(60000))
            return {};
        return {proc.exitCode(), QString::fromUtf8(proc.readAllStandardOutput()),
                QString::fromUtf8(proc.readAllStandardError())};
    }

private Q_SLOTS:
    void init()
    {
        m_server = new sd::SandboxServer(this);
        m_url = m_server->start();
        QVERIFY(m_url.isValid());
        m_server->seed(40);
        m_auditLog = m_dir.filePath(QStringLiteral("audit-%1.log").arg(QString::fromLatin1(QTest::currentTestFunction())));
    }
    void cleanup() { delete m_server; }

    void versionAndHelp()
    {
        Run r = ctl({QStringLiteral("--version")}, {}, {}, false);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("supportctl ")));
        r = ctl({QStringLiteral("--help")}, {}, {}, false);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("reassign AGENT_ID")));
        QVERIFY(r.out.contains(QStringLiteral("Exit status")));
    }

    void usageErrorsSendNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("withServer");
        QTest::newRow("no command") << QStringList{} << true;
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << true;
        QTest::newRow("missing id") << QStringList{QStringLiteral("get")} << true;
        QTest::newRow("extra arg") << QStringList{QStringLiteral("get"), QStringLiteral("a"), QStringLiteral("b")} << true;
        QTest::newRow("no server") << QStringList{QStringLiteral("get"), QStringLiteral("a")} << false;
        QTest::newRow("bad server") << QStringList{QStringLiteral("--server"), QStringLiteral("ftp://x"), QStringLiteral("get"), QStringLiteral("a")} << false;
        QTest::newRow("blank id") << QStringList{QStringLiteral("get"), QStringLiteral("  ")} << true;
        QTest::newRow("long id") << QStringList{QStringLiteral("get"), QString(1025, QLatin1Char('x'))} << true;
        QTest::newRow("bad timeout") << QStringList{QStringLiteral("--timeout"), QStringLiteral("soon"), QStringLiteral("get"), QStringLiteral("a")} << true;
        QTest::newRow("option of other command") << QStringList{QStringLiteral("get"), QStringLiteral("a"), QStringLiteral("--name"), QStringLiteral("x")} << true;
        QTest::newRow("update without fields") << QStringList{QStringLiteral("update"), QStringLiteral("ORD-100001")} << true;
        QTest::newRow("missing body file") << QStringList{QStringLiteral("create"), QStringLiteral("N"), QStringLiteral("--body"), QStringLiteral("/nonexistent.json")} << true;
        QTest::newRow("missing ca file") << QStringList{QStringLiteral("--ca-cert"), QStringLiteral("/nonexistent.pem"), QStringLiteral("get"), QStringLiteral("a")} << true;
        QTest::newRow("ids and from") << QStringList{QStringLiteral("fetch"), QStringLiteral("a"), QStringLiteral("--from"), QStringLiteral("-")} << true;
    }
    void usageErrorsSendNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, withServer);
        const qint64 before = m_server->requestCount();
        const Run r = ctl(args, {}, {}, withServer);
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.startsWith(QStringLiteral("supportctl: ")));
        QCOMPARE(m_server->requestCount(), before);
    }

    void getHumanAndJson()
    {
        Run r = ctl({QStringLiteral("get"), QStringLiteral("ORD-100001")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("Order:       ORD-100001")));
        QVERIFY(r.out.contains(QStringLiteral("Phone:")));
        QVERIFY(r.out.contains(QStringLiteral("Chat:")));
        QVERIFY(r.out.contains(QStringLiteral("Agent:")));

        QVERIFY(m_server->putSessionJson(QStringLiteral("J"), R"({"x_custom":{"n":1},"agent":{"id":"a","rating":5}})"));
        r = ctl({QStringLiteral("--json"), QStringLiteral("get"), QStringLiteral("J")});
        QCOMPARE(r.code, 0);
        const json j = json::parse(r.out.toStdString());
        QCOMPARE(j["x_custom"]["n"].get<int>(), 1);
        QCOMPARE(j["agent"]["rating"].get<int>(), 5);
        // global options after the command work too
        r = ctl({QStringLiteral("get"), QStringLiteral("J"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("x_custom")));
    }

    void refusedIsTwo()
    {
        const Run r = ctl({QStringLiteral("get"), QStringLiteral("NOPE")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("NOPE")));
        QVERIFY(r.err.contains(QStringLiteral("404")));
    }

    void createUpdateAssignClose()
    {
        Run r = ctl({QStringLiteral("create"), QStringLiteral("NEW/1"), QStringLiteral("--callback-phone"), QStringLiteral("+1 555 0100")});
        QCOMPARE(r.code, 0);
        QVERIFY(m_server->hasSession(QStringLiteral("NEW/1")));
        QCOMPARE(ctl({QStringLiteral("create"), QStringLiteral("NEW/1")}).code, 2);

        QVERIFY(m_server->putSessionJson(QStringLiteral("NEW/1"), R"({"callback_phone":"+1 555 0100","x_keep":"me"})"));
        r = ctl({QStringLiteral("update"), QStringLiteral("NEW/1"), QStringLiteral("--chat-url"), QStringLiteral("https://chat/1"),
                 QStringLiteral("--chat-session"), QStringLiteral("CS-1")});
        QCOMPARE(r.code, 0);
        json s = json::parse(m_server->sessionJson(QStringLiteral("NEW/1")).toStdString());
        QCOMPARE(s["x_keep"].get<std::string>(), std::string("me"));
        QCOMPARE(s["chat"]["session_id"].get<std::string>(), std::string("CS-1"));
        QCOMPARE(s["callback_phone"].get<std::string>(), std::string("+1 555 0100"));

        // --body - replaces the whole session.
        r = ctl({QStringLiteral("update"), QStringLiteral("NEW/1"), QStringLiteral("--body"), QStringLiteral("-")},
                R"({"callback_phone":"+2","x_new":1})");
        QCOMPARE(r.code, 0);
        s = json::parse(m_server->sessionJson(QStringLiteral("NEW/1")).toStdString());
        QVERIFY(!s.contains("x_keep"));
        QCOMPARE(s["x_new"].get<int>(), 1);

        // A bad body is refused before sending, naming the path.
        const qint64 before = m_server->requestCount();
        r = ctl({QStringLiteral("update"), QStringLiteral("NEW/1"), QStringLiteral("--body"), QStringLiteral("-")},
                R"({"agent":{"contact":{"phone":5}}})");
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("/agent/contact/phone")));
        QCOMPARE(m_server->requestCount(), before);

        r = ctl({QStringLiteral("assign"), QStringLiteral("NEW/1"), QStringLiteral("agent-9"), QStringLiteral("--name"),
                 QStringLiteral("Ravi Nair"), QStringLiteral("--phone"), QStringLiteral("+91 80 5550100"),
                 QStringLiteral("--email"), QStringLiteral("ravi@example.org")});
        QCOMPARE(r.code, 0);
        s = json::parse(m_server->sessionJson(QStringLiteral("NEW/1")).toStdString());
        QCOMPARE(s["agent"]["id"].get<std::string>(), std::string("agent-9"));
        QCOMPARE(s["agent"]["person"]["name"].get<std::string>(), std::string("Ravi Nair"));
        QCOMPARE(s["agent"]["contact"]["phone"].get<std::string>(), std::string("+91 80 5550100"));
        QCOMPARE(s["agent"]["contact"]["email"].get<std::string>(), std::string("ravi@example.org"));
        QCOMPARE(s["order_id"].get<std::string>(), std::string("NEW/1"));

        r = ctl({QStringLiteral("agent"), QStringLiteral("NEW/1")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("Ravi Nair (agent-9)")));
        QCOMPARE(ctl({QStringLiteral("unassign"), QStringLiteral("NEW/1")}).code, 0);
        r = ctl({QStringLiteral("agent"), QStringLiteral("NEW/1")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("no agent")));
        QCOMPARE(ctl({QStringLiteral("close"), QStringLiteral("NEW/1")}).code, 0);
        QVERIFY(!m_server->hasSession(QStringLiteral("NEW/1")));
        QCOMPARE(ctl({QStringLiteral("close"), QStringLiteral("NEW/1")}).code, 2);
    }

    void bulkReassignWithPartialFailure()
    {
        const QByteArray ids = "ORD-100001\nORD-100002\n\n# comment\nORD/2026/100017\r\nMISSING-9\n";
        const Run r = ctl({QStringLiteral("reassign"), QStringLiteral("agent-77"), QStringLiteral("--from"), QStringLiteral("-")}, ids);
        QCOMPARE(r.code, 6);
        QCOMPARE(r.out.count(QLatin1Char('\n')), 4); // one line per order
        QVERIFY(r.out.contains(QStringLiteral("MISSING-9\tFAILED")));
        QVERIFY(r.err.contains(QStringLiteral("3 of 4 succeeded, 1 failed: MISSING-9")));
        for (const char *id : {"ORD-100001", "ORD-100002", "ORD/2026/100017"}) {
            const json s = json::parse(m_server->sessionJson(QString::fromLatin1(id)).toStdString());
            QCOMPARE(s["agent"]["id"].get<std::string>(), std::string("agent-77"));
        }
    }

    void bulkFetchJsonArray()
    {
        QStringList args{QStringLiteral("--json"), QStringLiteral("--concurrency"), QStringLiteral("3"), QStringLiteral("fetch")};
        for (int i = 0; i < 12; ++i)
            args << QStringLiteral("ORD-%1").arg(100001 + i);
        const Run r = ctl(args);
        QCOMPARE(r.code, 0);
        const json array = json::parse(r.out.toStdString());
        QVERIFY(array.is_array());
        QCOMPARE(array.size(), size_t(12));
        QCOMPARE(array[0]["order_id"].get<std::string>(), std::string("ORD-100001"));
        QCOMPARE(array[11]["order_id"].get<std::string>(), std::string("ORD-100012"));
    }

    void bulkUnassignAndClose()
    {
        Run r = ctl({QStringLiteral("unassign"), QStringLiteral("--from"), QStringLiteral("-")}, "ORD-100001\nORD-100002\n");
        QCOMPARE(r.code, 0);
        QVERIFY(!m_server->sessionJson(QStringLiteral("ORD-100001")).contains("\"agent\""));
        QVERIFY(!m_server->sessionJson(QStringLiteral("ORD-100002")).contains("\"agent\""));
        r = ctl({QStringLiteral("close"), QStringLiteral("ORD-100003"), QStringLiteral("ORD-100004"), QStringLiteral("GONE")});
        QCOMPARE(r.code, 6);
        QVERIFY(!m_server->hasSession(QStringLiteral("ORD-100003")));
        QVERIFY(!m_server->hasSession(QStringLiteral("ORD-100004")));
        QVERIFY(r.err.contains(QStringLiteral("failed: GONE")));
        QCOMPARE(ctl({QStringLiteral("close")}).code, 1); // nothing to close
    }

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

    void allFailedBulkKeepsTheKind()
    {
        const Run r = ctl({QStringLiteral("fetch"), QStringLiteral("NO-1"), QStringLiteral("NO-2")});
        QCOMPARE(r.code, 2);
    }

    void tokenFromEnvironmentNeverPrinted()
    {
        m_server->setToken(QStringLiteral("very-secret-token"));
        Run r = ctl({QStringLiteral("-v"), QStringLiteral("get"), QStringLiteral("ORD-100001")});
        QCOMPARE(r.code, 2); // 401
        QVERIFY(r.err.contains(QStringLiteral("401")));
        r = ctl({QStringLiteral("-v"), QStringLiteral("get"), QStringLiteral("ORD-100001")}, {},
                {{QStringLiteral("SUPPORTDESK_TOKEN"), QStringLiteral("very-secret-token")}});
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.contains(QStringLiteral("GET http://127.0.0.1")));
        QVERIFY(!r.err.contains(QStringLiteral("very-secret-token")));
        QVERIFY(!r.out.contains(QStringLiteral("very-secret-token")));
        r = ctl({QStringLiteral("-v"), QStringLiteral("--token"), QStringLiteral("very-secret-token"), QStringLiteral("get"), QStringLiteral("NOPE")});
        QCOMPARE(r.code, 2);
        QVERIFY(!r.err.contains(QStringLiteral("very-secret-token")));
    }

    void serverFromEnvironment()
    {
        const Run r = ctl({QStringLiteral("get"), QStringLiteral("ORD-100001")}, {},
                          {{QStringLiteral("SUPPORTDESK_SERVER"), m_url.toString()}}, false);
        QCOMPARE(r.code, 0);
    }

    void serverErrorIsThree()
    {
        FaultServer faults;
        const QUrl url = faults.start();
        faults.setFallback(FaultStep::json(500, R"({"error":{"code":"OOPS","message":"broken"}})"));
        const Run r = ctl({QStringLiteral("--server"), url.toString(), QStringLiteral("--retries"), QStringLiteral("1"),
                           QStringLiteral("get"), QStringLiteral("A")}, {}, {}, false);
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains(QStringLiteral("broken")));
        QCOMPARE(faults.requests().size(), 2);
    }

    void invalidResponseIsFive()
    {
        FaultServer faults;
        const QUrl url = faults.start();
        faults.setFallback(FaultStep::json(200, "{not json"));
        const Run r = ctl({QStringLiteral("--server"), url.toString(), QStringLiteral("get"), QStringLiteral("A")}, {}, {}, false);
        QCOMPARE(r.code, 5);
    }

    void networkErrorIsFour()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        const Run r = ctl({QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:%1").arg(port),
                           QStringLiteral("get"), QStringLiteral("A")}, {}, {}, false);
        QCOMPARE(r.code, 4);
        QVERIFY(r.err.contains(QStringLiteral("could not be reached")));
    }

    void tlsWithoutTrustIsFour()
    {
        FaultServer faults;
        QFile c(QStringLiteral(TEST_DATA_DIR "/test-cert.pem")), k(QStringLiteral(TEST_DATA_DIR "/test-key.pem"));
        QVERIFY(c.open(QIODevice::ReadOnly) && k.open(QIODevice::ReadOnly));
        const QUrl url = faults.startTls(QSslCertificate(c.readAll()), QSslKey(k.readAll(), QSsl::Rsa));
        faults.setFallback(FaultStep::json(200, R"({"order_id":"A"})"));
        Run r = ctl({QStringLiteral("--server"), url.toString(), QStringLiteral("get"), QStringLiteral("A")}, {}, {}, false);
        QCOMPARE(r.code, 4);
        r = ctl({QStringLiteral("--server"), url.toString(), QStringLiteral("--ca-cert"),
                 QStringLiteral(TEST_DATA_DIR "/test-cert.pem"), QStringLiteral("get"), QStringLiteral("A")}, {}, {}, false);
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestSupportctl)
#include "tst_supportctl.moc"
