// The real supportctl binary (as tst_supportctl.cpp) against faulty servers (faultserver.h): 5xx,
// invalid and deeply nested answers, unreachable hosts, Retry-After, redirects, retries of reset
// connections, an oversized body (peak RSS, not checked under AddressSanitizer) and TLS.
#include "supportctltest.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QTcpServer>

#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

} // namespace

class TestSupportctlNetwork : public SupportctlTest
{
    Q_OBJECT

    // Runs supportctl and reports its exit code and peak RSS. QProcess reaps its children itself
    // and drops their resource usage, so this spawns and reaps by hand (wait4), polling so the
    // in-process fault server keeps answering.
    void ctlMeasured(const QStringList &args, int *code, long *maxRssKb, QByteArray *err)
    {
        *code = -1;
        *maxRssKb = -1;
        const QString errPath = m_dir.filePath(QStringLiteral("measured-stderr.txt"));
        std::vector<QByteArray> argStore{QByteArrayLiteral(SUPPORTCTL_PATH)};
        for (const QString &a : args)
            argStore.push_back(a.toLocal8Bit());
        std::vector<char *> argv;
        for (QByteArray &a : argStore)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(QStringLiteral("SUPPORTDESK_SERVER"));
        e.remove(QStringLiteral("SUPPORTDESK_TOKEN"));
        e.insert(QStringLiteral("SUPPORTDESK_AUDIT_LOG"), m_auditLog);
        std::vector<QByteArray> envStore;
        for (const QString &kv : e.toStringList())
            envStore.push_back(kv.toLocal8Bit());
        std::vector<char *> envp;
        for (QByteArray &kv : envStore)
            envp.push_back(kv.data());
        envp.push_back(nullptr);

        posix_spawn_file_actions_t files;
        posix_spawn_file_actions_init(&files);
        posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0);
        const QByteArray errFile = errPath.toLocal8Bit();
        posix_spawn_file_actions_addopen(&files, 2, errFile.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        pid_t pid = 0;
        const int spawned = posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&files);
        QCOMPARE(spawned, 0);
        int status = 0;
        rusage usage{};
        bool reaped = false;
        // Never leave the child behind when the wait below fails (QTRY returns at once).
        const auto killer = qScopeGuard([&] {
            if (!reaped) {
                ::kill(pid, SIGKILL);
                wait4(pid, &status, 0, &usage);
            }
        });
        // (QTRY_VERIFY evaluates its condition once more at the end: reap only once.)
        QTRY_VERIFY_WITH_TIMEOUT(reaped || (reaped = wait4(pid, &status, WNOHANG, &usage) == pid), 60000);
        QVERIFY(WIFEXITED(status));
        *code = WEXITSTATUS(status);
        *maxRssKb = usage.ru_maxrss;
        QFile f(errPath);
        if (f.open(QIODevice::ReadOnly))
            *err = f.readAll();
    }

private Q_SLOTS:
    void init() { startSandbox(); }
    void cleanup() { stopSandbox(); }

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

    // A server answering with values nested 100,000 levels deep: a clear error, never a crash
    // (nlohmann copies, compares and dumps recursively).
    void deeplyNestedAnswerIsFive_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QByteArray deep = QByteArray("[").repeated(100000) + QByteArray("]").repeated(100000);
        const QByteArray support = "{\"order_id\":\"X\",\"x\":" + deep + "}";
        const QString tooDeep = QStringLiteral("nested deeper than 64 levels");
        QTest::newRow("get") << QStringList{QStringLiteral("get"), QStringLiteral("X")} << 200 << support << 5 << tooDeep;
        QTest::newRow("get --json") << QStringList{QStringLiteral("--json"), QStringLiteral("get"), QStringLiteral("X")} << 200 << support << 5 << tooDeep;
        QTest::newRow("agent") << QStringList{QStringLiteral("agent"), QStringLiteral("X")} << 200
                               << QByteArray("{\"id\":\"a\",\"x\":" + deep + "}") << 5 << tooDeep;
        QTest::newRow("fetch") << QStringList{QStringLiteral("fetch"), QStringLiteral("X")} << 200 << support << 5 << tooDeep;
        QTest::newRow("error body") << QStringList{QStringLiteral("get"), QStringLiteral("X")} << 404
                                    << QByteArray("{\"error\":{\"code\":\"NOPE\",\"message\":" + deep + "}}") << 2 << QString();
    }
    void deeplyNestedAnswerIsFive()
    {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        QFETCH(QString, message);
        FaultServer faults;
        const QUrl url = faults.start();
        faults.setFallback(FaultStep::json(status, body));
        const Run r = ctl(QStringList{QStringLiteral("--server"), url.toString(), QStringLiteral("--retries"), QStringLiteral("0")} + args,
                          {}, {}, false);
        QCOMPARE(r.code, code);
        if (args.contains(QStringLiteral("fetch"))) { // a bulk command: one line per order
            QVERIFY2(r.out.startsWith(QStringLiteral("X\tFAILED\t")), qPrintable(r.out));
            QVERIFY2(r.out.contains(QStringLiteral("nested deeper than 64 levels")), qPrintable(r.out));
        } else {
            QVERIFY2(r.err.startsWith(QStringLiteral("supportctl: ")), qPrintable(r.err));
            QVERIFY2(r.err.contains(message), qPrintable(r.err));
            QVERIFY(r.out.isEmpty());
        }
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

    // SEMANTICS.md: a Retry-After longer than the client waits (however large or malformed)
    // ends the request at once with the server error, naming the wait.
    void hugeRetryAfterEndsAtOnce_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<QString>("named");
        QTest::newRow("int64 max") << QByteArray("9223372036854775807") << QStringLiteral("9223372036854775807");
        QTest::newRow("ms overflow") << QByteArray("9223372036854776") << QStringLiteral("9223372036854776");
        QTest::newRow("beyond int64") << QByteArray("99999999999999999999999999") << QStringLiteral("99999999999999999999999999");
        QTest::newRow("far date") << QByteArray("Fri, 31 Dec 9999 23:59:59 GMT") << QStringLiteral("s before");
    }
    void hugeRetryAfterEndsAtOnce()
    {
        QFETCH(QByteArray, retryAfter);
        QFETCH(QString, named);
        FaultServer faults;
        const QUrl url = faults.start();
        FaultStep busy = FaultStep::json(503, R"({"error":{"code":"BUSY","message":"come back later"}})");
        busy.headers = {{"Retry-After", retryAfter}};
        faults.setFallback(busy);
        QElapsedTimer clock;
        clock.start();
        const Run r = ctl({QStringLiteral("--server"), url.toString(), QStringLiteral("--retries"), QStringLiteral("3"),
                           QStringLiteral("get"), QStringLiteral("A")}, {}, {}, false);
        QCOMPARE(r.code, 3);
        QVERIFY(clock.elapsed() < 10000);
        QCOMPARE(faults.requests().size(), 1);
        QVERIFY2(r.err.contains(named), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("come back later")), qPrintable(r.err));
    }

    void negativeOrUnreadableRetryAfterIsAbsent_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::newRow("negative") << QByteArray("-5");
        QTest::newRow("huge negative") << QByteArray("-99999999999999999999999");
        QTest::newRow("garbage") << QByteArray("soon, maybe");
    }
    void negativeOrUnreadableRetryAfterIsAbsent()
    {
        QFETCH(QByteArray, retryAfter);
        FaultServer faults;
        const QUrl url = faults.start();
        FaultStep busy = FaultStep::json(503, R"({"error":{"code":"BUSY","message":"busy"}})");
        busy.headers = {{"Retry-After", retryAfter}};
        faults.setFallback(busy);
        const Run r = ctl({QStringLiteral("--server"), url.toString(), QStringLiteral("--retries"), QStringLiteral("1"),
                           QStringLiteral("get"), QStringLiteral("A")}, {}, {}, false);
        QCOMPARE(r.code, 3);
        QCOMPARE(faults.requests().size(), 2); // retried after the usual backoff
    }

    // SEMANTICS.md: redirects only within the same origin; the token never goes elsewhere.
    void redirectElsewhereIsRefused_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("otherScheme");
        QTest::newRow("307 other port") << 307 << false;
        QTest::newRow("301 other port") << 301 << false;
        QTest::newRow("308 to https") << 308 << true;
    }
    void redirectElsewhereIsRefused()
    {
        QFETCH(int, status);
        QFETCH(bool, otherScheme);
        FaultServer faults, elsewhere;
        const QUrl url = faults.start();
        const QUrl other = elsewhere.start();
        elsewhere.setFallback(FaultStep::json(200, R"({"order_id":"A"})"));
        const QByteArray authority = "127.0.0.1:" + QByteArray::number(otherScheme ? url.port() : other.port());
        const QByteArray target = (otherScheme ? "https" : "http") + QByteArray("://agent:hunter2@") + authority + "/support/A";
        faults.setFallback(FaultStep::redirect(status, target));
        const Run r = ctl({QStringLiteral("--server"), url.toString(), QStringLiteral("get"), QStringLiteral("A")}, {},
                          {{QStringLiteral("SUPPORTDESK_TOKEN"), QStringLiteral("tok-secret-1")}}, false);
        QCOMPARE(r.code, 5);
        QVERIFY2(r.err.contains(QString::fromLatin1(authority)), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("hunter2")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("tok-secret-1")));
        QCOMPARE(faults.requests().size(), 1); // a redirect is no transient error: not retried
        QCOMPARE(faults.requests().first().headers.value("authorization"), QByteArray("Bearer tok-secret-1"));
        QCOMPARE(elsewhere.connectionCount(), 0);
    }

    void redirectLoopIsBounded()
    {
        FaultServer faults;
        const QUrl url = faults.start();
        faults.setFallback(FaultStep::redirect(307, "/support/A"));
        const Run r = ctl({QStringLiteral("--server"), url.toString(), QStringLiteral("get"), QStringLiteral("A")}, {}, {}, false);
        QCOMPARE(r.code, 5);
        QVERIFY(faults.requests().size() <= 11);
    }

    // SEMANTICS.md: --retries N means at most N+1 attempts on the wire, whatever the cause.
    void resetConnectionTriedAsOftenAsAsked_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<int>("attempts");
        QTest::newRow("GET") << QStringList{QStringLiteral("get"), QStringLiteral("A")} << QByteArray() << QByteArray("GET") << 2;
        QTest::newRow("GET agent") << QStringList{QStringLiteral("agent"), QStringLiteral("A")} << QByteArray() << QByteArray("GET") << 2;
        QTest::newRow("PUT") << QStringList{QStringLiteral("update"), QStringLiteral("A"), QStringLiteral("--body"), QStringLiteral("-")}
                             << QByteArray(R"({"callback_phone":"+1"})") << QByteArray("PUT") << 2;
        QTest::newRow("DELETE") << QStringList{QStringLiteral("close"), QStringLiteral("A")} << QByteArray() << QByteArray("DELETE") << 2;
        QTest::newRow("POST") << QStringList{QStringLiteral("create"), QStringLiteral("A")} << QByteArray() << QByteArray("POST") << 1;
    }
    void resetConnectionTriedAsOftenAsAsked()
    {
        QFETCH(QStringList, command);
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, method);
        QFETCH(int, attempts);
        FaultServer faults;
        const QUrl url = faults.start();
        faults.setFallback(FaultStep::reset());
        const Run r = ctl(QStringList{QStringLiteral("--server"), url.toString(), QStringLiteral("--retries"), QStringLiteral("1")}
                              + command, input, {}, false);
        QCOMPARE(r.code, 4);
        QCOMPARE(faults.requests().size(), attempts);
        for (const RecordedRequest &req : faults.requests())
            QCOMPARE(req.method, method);
        QCOMPARE(faults.connectionCount(), attempts);
    }

    // The response-size limit holds while the body streams in: memory stays near the limit.
    void oversizedChunkedBodyBoundedMemory()
    {
        FaultServer faults;
        const QUrl url = faults.start();
        faults.setFallback(FaultStep::json(200, R"({"order_id":"A"})"));
        const QStringList args{QStringLiteral("--server"), url.toString(), QStringLiteral("get"), QStringLiteral("A")};
        int code = -1;
        long idleKb = -1, bigKb = -1;
        QByteArray err;
        ctlMeasured(args, &code, &idleKb, &err);
        QCOMPARE(code, 0);
        // 64 MiB of chunked body, no length, as fast as the client takes it.
        faults.setFallback(FaultStep::endless(64 << 20));
        ctlMeasured(args, &code, &bigKb, &err);
        QCOMPARE(code, 5);
        QVERIFY2(err.contains("larger than"), err.constData());
        const long limitKb = 8 * 1024; // supportctl's default limit, 8 MiB
        qInfo("peak RSS: idle %ld KiB, with the 64 MiB body %ld KiB", idleKb, bigKb);
        // AddressSanitizer keeps freed memory in quarantine: there peak RSS says nothing.
        if (!kAddressSanitizer)
            QVERIFY2(bigKb <= idleKb + 2 * limitKb,
                     qPrintable(QStringLiteral("%1 KiB > %2 KiB idle + 2 x limit").arg(bigKb).arg(idleKb)));
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

QTEST_GUILESS_MAIN(TestSupportctlNetwork)
#include "tst_supportctl_network.moc"
