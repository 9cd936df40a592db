// The supportdesk-sandbox executable: its --data file survives kill -9 and is private, a damaged
// one is refused, bodies nested too deep or too large are refused without harm, bad arguments
// stop it. The semantics, spoken to in-process, are in tst_sandbox.cpp.
#include "sandboxtest.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/stat.h>

namespace {

// Reads a sandbox's "--data" file mode bits (and its folder's) without Qt's permission mapping.
int modeBits(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

// A field of /proc/PID/status in KiB ("VmRSS", "VmHWM"), -1 when unreadable.
qint64 procStatusKib(qint64 pid, const QByteArray &field)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// Starts the real supportdesk-sandbox and returns its base URL (invalid on failure).
QUrl startSandbox(QProcess &proc, const QStringList &arguments)
{
    proc.start(QStringLiteral(SANDBOX_PATH), arguments);
    if (!proc.waitForStarted(5000))
        return {};
    QElapsedTimer clock;
    clock.start();
    while (!proc.canReadLine() && clock.elapsed() < 10000)
        proc.waitForReadyRead(200);
    return QUrl(QString::fromUtf8(proc.readLine().trimmed()));
}

} // namespace

class TestSandboxExe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The executable: --data survives kill -9 in the middle of writes; the first stdout line is
    // the base URL; the log never shows the token.
    void executablePersistsAtomically()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString data = dir.filePath(QStringLiteral("state.json"));
        for (int round = 0; round < 3; ++round) {
            QProcess proc;
            proc.start(QStringLiteral(SANDBOX_PATH),
                       {QStringLiteral("--data"), data, QStringLiteral("--token"),
                        QStringLiteral("hush-secret"), QStringLiteral("--seed"),
                        QString::number(round == 0 ? 300 : 0)});
            QVERIFY(proc.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(proc.canReadLine(), 10000);
            const QUrl url(QString::fromUtf8(proc.readLine().trimmed()));
            QVERIFY(url.isValid());
            QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
            // Earlier rounds' writes are there.
            for (int r = 0; r < round; ++r)
                QCOMPARE(raw(url, "GET", "/support/W-" + QByteArray::number(r), {},
                             {"Authorization: Bearer hush-secret"}).status, 200);
            QCOMPARE(raw(url, "POST", "/support/W-" + QByteArray::number(round), "{}",
                         {"Authorization: Bearer hush-secret"}).status, 201);
            // Fire writes without waiting, then kill -9 while they are being stored.
            QTcpSocket burst;
            burst.connectToHost(url.host(), quint16(url.port()));
            QVERIFY(burst.waitForConnected(3000));
            for (int i = 0; i < 200; ++i)
                burst.write("PUT /support/ORD-100002 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer hush-secret\r\n"
                            "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
            burst.flush();
            QTest::qWait(round * 15); // vary the moment of the kill
            ::kill(pid_t(proc.processId()), SIGKILL);
            QVERIFY(proc.waitForFinished(5000));
            const QByteArray log = proc.readAllStandardError();
            QVERIFY(!log.contains("hush-secret"));
            QVERIFY(log.contains("POST /support/W-"));
            // The file is whole JSON after every kill.
            QFile f(data);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const json state = json::parse(f.readAll().toStdString(), nullptr, false);
            QVERIFY(!state.is_discarded());
            QVERIFY(state["sessions"].size() >= 300);
        }
    }

    // Bodies nested 100,000 levels deep: 400 with an Error body, and the executable goes on
    // answering (nlohmann copies, compares and dumps recursively).
    void deeplyNestedBodiesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        const QByteArray arrays = QByteArray("[").repeated(100000) + QByteArray("]").repeated(100000);
        const QByteArray objects = QByteArray("{\"k\":").repeated(100000) + "0" + QByteArray("}").repeated(100000);
        QTest::newRow("POST arrays") << QByteArray("POST") << QByteArray("/support/NEW") << QByteArray("{\"order_id\":\"NEW\",\"x\":" + arrays + "}");
        QTest::newRow("POST objects") << QByteArray("POST") << QByteArray("/support/NEW") << QByteArray("{\"x\":" + objects + "}");
        QTest::newRow("PUT") << QByteArray("PUT") << QByteArray("/support/OLD") << QByteArray("{\"order_id\":\"OLD\",\"x\":" + arrays + "}");
        QTest::newRow("PUT agent") << QByteArray("PUT") << QByteArray("/support/OLD/agent") << QByteArray("{\"agent\":{\"id\":\"a\",\"x\":" + arrays + "}}");
        QTest::newRow("never closed") << QByteArray("PUT") << QByteArray("/support/OLD") << QByteArray("{\"x\":" + QByteArray("[").repeated(500000));
    }
    void deeplyNestedBodiesAreRefused()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        QProcess proc;
        proc.start(QStringLiteral(SANDBOX_PATH), {QStringLiteral("--quiet")});
        QVERIFY(proc.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(proc.canReadLine(), 10000);
        const QUrl url(QString::fromUtf8(proc.readLine().trimmed()));
        QVERIFY(url.isValid());
        QCOMPARE(raw(url, "POST", "/support/OLD", "{}").status, 201);
        const Answer a = raw(url, method, path, body);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.code(), std::string("INVALID_JSON"));
        QVERIFY2(a.value()["error"]["message"].get<std::string>().find("nested deeper than 64 levels") != std::string::npos,
                 a.body.constData());
        // Still there, and nothing was stored.
        QCOMPARE(proc.state(), QProcess::Running);
        QCOMPARE(raw(url, "GET", "/support/NEW").status, 404);
        const Answer old = raw(url, "GET", "/support/OLD");
        QCOMPARE(old.status, 200);
        QCOMPARE(old.value().dump(), std::string(R"({"order_id":"OLD"})"));
        proc.kill();
        QVERIFY(proc.waitForFinished(5000));
    }

    // A client announcing or streaming far more than 1 MiB gets its error at once; the sandbox
    // neither reads nor keeps what follows (its peak memory stays small) and goes on serving.
    void oversizeRequestRefusedWithoutBuffering_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QByteArray>("piece"); // sent again and again after the head
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        const QByteArray mib(1024 * 1024, 'a');
        QTest::newRow("Content-Length 4 GiB")
            << QByteArray("PUT /support/BIG HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          "Content-Length: 4294967296\r\n\r\n")
            << mib << 413 << QByteArray("PAYLOAD_TOO_LARGE");
        QTest::newRow("chunked")
            << QByteArray("PUT /support/BIG HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n")
            << QByteArray("100000\r\n" + mib + "\r\n") << 413 << QByteArray("PAYLOAD_TOO_LARGE");
        QTest::newRow("endless header")
            << QByteArray("GET /support/BIG HTTP/1.1\r\nHost: x\r\nX-Filler: ") << mib << 431
            << QByteArray("HEADERS_TOO_LARGE");
    }
    void oversizeRequestRefusedWithoutBuffering()
    {
        QFETCH(QByteArray, head);
        QFETCH(QByteArray, piece);
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        QProcess proc;
        const auto stop = qScopeGuard([&proc] {
            proc.kill();
            proc.waitForFinished(5000);
        });
        // Under AddressSanitizer (./x sanitize) memory the sandbox has freed stays resident in
        // ASan's quarantine (256 MB by default): keep that small, so the peak still measures
        // what the sandbox holds. No effect on a normal build.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
        env.insert(QStringLiteral("ASAN_OPTIONS"),
                   asan + (asan.isEmpty() ? QString() : QStringLiteral(":")) + QStringLiteral("quarantine_size_mb=8"));
        proc.setProcessEnvironment(env);
        const QUrl url = startSandbox(proc, {QStringLiteral("--quiet")});
        QVERIFY(url.isValid());
        QCOMPARE(raw(url, "POST", "/support/BEFORE", "{}").status, 201);
        const qint64 pid = proc.processId();
        const qint64 baselineKib = procStatusKib(pid, "VmRSS");
        QVERIFY(baselineKib > 0);

        QTcpSocket client;
        client.connectToHost(url.host(), quint16(url.port()));
        QVERIFY(client.waitForConnected(5000));
        client.write(head);
        constexpr qint64 kMaxSent = 400LL * 1024 * 1024;
        qint64 sent = 0;
        QByteArray data;
        Answer a;
        bool answered = false;
        QElapsedTimer clock;
        clock.start();
        // Bounded: at most 400 MiB or 60 s, and stop early once the sandbox has clearly kept
        // what it read (so a failing run does not exhaust the machine).
        while (sent < kMaxSent && clock.elapsed() < 60000) {
            if (client.bytesToWrite() < 4 * piece.size()) {
                client.write(piece);
                sent += piece.size();
            }
            client.waitForBytesWritten(50);
            if (client.bytesAvailable() > 0 || client.waitForReadyRead(0))
                data += client.readAll();
            if ((answered = parseAnswer(data, &a)))
                break;
            if (client.state() != QAbstractSocket::ConnectedState)
                break;
            if (procStatusKib(pid, "VmRSS") > baselineKib + 200 * 1024)
                break;
        }
        const qint64 millis = clock.elapsed();
        QVERIFY2(answered, qPrintable(QStringLiteral("no answer after %1 MiB in %2 ms; sandbox peak %3 MiB")
                                          .arg(sent >> 20).arg(millis)
                                          .arg(procStatusKib(pid, "VmHWM") >> 10)));
        QCOMPARE(a.status, status);
        QCOMPARE(a.code(), code.toStdString());
        QVERIFY2(millis < 10000, qPrintable(QString::number(millis)));
        // A client that goes on sending regardless: read and dropped, then the connection closes.
        const qint64 answeredAt = sent;
        while (sent < answeredAt + 128LL * 1024 * 1024 && clock.elapsed() < 60000
               && client.state() == QAbstractSocket::ConnectedState) {
            if (client.bytesToWrite() < 4 * piece.size()) {
                client.write(piece);
                sent += piece.size();
            }
            client.waitForBytesWritten(50);
        }
        const qint64 peakKib = procStatusKib(pid, "VmHWM");
        qInfo("answered after %lld MiB sent in %lld ms, %lld MiB sent in all; sandbox %lld MiB, peak %lld MiB",
              answeredAt >> 20, millis, sent >> 20, baselineKib >> 10, peakKib >> 10);
        // Peak memory: the sandbox's own size plus a few MiB, not what the client sent.
        QVERIFY2(peakKib - baselineKib < 64 * 1024,
                 qPrintable(QStringLiteral("baseline %1 KiB, peak %2 KiB after %3 MiB sent")
                                .arg(baselineKib).arg(peakKib).arg(sent >> 20)));
        client.abort();

        QCOMPARE(raw(url, "POST", "/support/AFTER", "{}").status, 201);
        QCOMPARE(raw(url, "GET", "/support/BEFORE").status, 200);
    }

    // The --data file holds personal data: 0600, in a folder 0700 when the sandbox creates it,
    // whatever the umask; an existing file is narrowed on the next write.
    void executableDataFileIsPrivate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const mode_t previous = ::umask(022);
        const auto restore = qScopeGuard([previous] { ::umask(previous); });
        const QString folder = dir.filePath(QStringLiteral("new/deeper"));
        const QString data = folder + QStringLiteral("/state.json");
        {
            QProcess proc;
            const QUrl url = startSandbox(proc, {QStringLiteral("--quiet"), QStringLiteral("--data"), data});
            QVERIFY2(url.isValid(), proc.readAllStandardError().constData());
            QCOMPARE(raw(url, "POST", "/support/P-1", R"({"callback_phone":"+4917600000"})").status, 201);
            proc.kill();
            QVERIFY(proc.waitForFinished(5000));
        }
        QCOMPARE(modeBits(data), 0600);
        QCOMPARE(modeBits(folder), 0700);
        QCOMPARE(modeBits(dir.filePath(QStringLiteral("new"))), 0700);

        // An existing, world-readable file (an older version's, or copied around).
        const QString old = dir.filePath(QStringLiteral("old.json"));
        QVERIFY(QFile::copy(data, old));
        QVERIFY(::chmod(QFile::encodeName(old).constData(), 0644) == 0);
        QProcess proc;
        const QUrl url = startSandbox(proc, {QStringLiteral("--quiet"), QStringLiteral("--data"), old});
        QVERIFY(url.isValid());
        QCOMPARE(modeBits(old), 0600);
        QCOMPARE(raw(url, "GET", "/support/P-1").status, 200);
        QCOMPARE(raw(url, "POST", "/support/P-2", "{}").status, 201);
        QCOMPARE(modeBits(old), 0600);
        proc.kill();
        QVERIFY(proc.waitForFinished(5000));
    }

    // A damaged --data file: the executable names the file and what is wrong, exits non-zero
    // and leaves the file as it was.
    void damagedDataFileIsRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("problem");
        const QByteArray head = R"({"format":"supportdesk-sandbox/1","next_etag":3,"sessions":[)";
        QTest::newRow("etag a string") << QByteArray(head + R"({"etag":"x","support":{"order_id":"A"}}]})")
                                       << QStringLiteral("/sessions/0/etag");
        QTest::newRow("etag negative") << QByteArray(head + R"({"etag":-1,"support":{"order_id":"A"}}]})")
                                       << QStringLiteral("/sessions/0/etag");
        QTest::newRow("etag fraction") << QByteArray(head + R"({"etag":1.5,"support":{"order_id":"A"}}]})")
                                       << QStringLiteral("/sessions/0/etag");
        QTest::newRow("next_etag a string") << QByteArray(R"({"next_etag":"3","sessions":[]})")
                                            << QStringLiteral("/next_etag");
        QTest::newRow("format a number") << QByteArray(R"({"format":1,"sessions":[]})")
                                         << QStringLiteral("/format");
        QTest::newRow("sessions an object") << QByteArray(R"({"sessions":{}})")
                                            << QStringLiteral("/sessions");
        QTest::newRow("entry a string") << QByteArray(head + R"({"etag":1,"support":{"order_id":"A"}},"x"]})")
                                        << QStringLiteral("/sessions/1");
        QTest::newRow("order_id a number") << QByteArray(head + R"({"etag":1,"support":{"order_id":7}}]})")
                                           << QStringLiteral("/sessions/0/support/order_id");
        QTest::newRow("phone a number") << QByteArray(head + R"({"etag":1,"support":{"order_id":"A","callback_phone":5}}]})")
                                        << QStringLiteral("/sessions/0/support/callback_phone");
        QTest::newRow("agent a string") << QByteArray(head + R"({"etag":1,"support":{"order_id":"A","agent":"bob"}}]})")
                                        << QStringLiteral("/sessions/0/support/agent");
        QTest::newRow("same order twice") << QByteArray(head + R"({"etag":1,"support":{"order_id":"A"}},{"etag":2,"support":{"order_id":"A"}}]})")
                                          << QStringLiteral("/sessions/1");
        QTest::newRow("garbage line") << QByteArray(head + "\n {\"etag\":1,\"support\":{\"order_id\":\"A\"}},\n\x01garbage\n]}\n")
                                      << QStringLiteral("line 3");
        QTest::newRow("cut off") << QByteArray(head + "\n {\"etag\":1,\"support\":{\"order_id\":\"A\"}},\n {\"etag\":2,")
                                 << QStringLiteral("line 3");
        QTest::newRow("deep") << QByteArray(head + "{\"etag\":1,\"support\":{\"order_id\":\"A\",\"x\":"
                                            + QByteArray("[").repeated(100000) + QByteArray("]").repeated(100000) + "}}]}")
                              << QStringLiteral("nested deeper than");
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11) << QStringLiteral("line 1");
    }
    void damagedDataFileIsRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("state.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        QProcess proc;
        proc.start(QStringLiteral(SANDBOX_PATH), {QStringLiteral("--data"), path, QStringLiteral("--quiet")});
        QVERIFY(proc.waitForStarted());
        const bool finished = proc.waitForFinished(10000);
        if (!finished) {
            proc.kill();
            proc.waitForFinished(5000);
        }
        QVERIFY2(finished, "the sandbox started on a damaged data file");
        QCOMPARE(proc.exitStatus(), QProcess::NormalExit);
        QVERIFY(proc.exitCode() != 0);
        const QString err = QString::fromUtf8(proc.readAllStandardError());
        QVERIFY2(err.contains(path), qPrintable(err));
        QVERIFY2(err.contains(problem, Qt::CaseInsensitive), qPrintable(err));
        QVERIFY(proc.readAllStandardOutput().isEmpty()); // no URL: it does not listen
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content); // never overwritten
    }

    void executableRejectsBadArguments()
    {
        QProcess proc;
        proc.start(QStringLiteral(SANDBOX_PATH), {QStringLiteral("--port"), QStringLiteral("99999")});
        QVERIFY(proc.waitForFinished(5000));
        QCOMPARE(proc.exitCode(), 1);
        QVERIFY(proc.readAllStandardError().contains("--port"));

        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not json");
        f.close();
        proc.start(QStringLiteral(SANDBOX_PATH), {QStringLiteral("--data"), bad});
        QVERIFY(proc.waitForFinished(5000));
        QCOMPARE(proc.exitCode(), 1);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("not json")); // never overwritten
    }
};

QTEST_GUILESS_MAIN(TestSandboxExe)
#include "tst_sandbox_exe.moc"
