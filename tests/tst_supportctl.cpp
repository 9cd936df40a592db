// The real supportctl binary: commands, output and exit statuses, against an in-process sandbox
// (or the fault server for 5xx and invalid responses).
#include "faultserver.h"
#include "sandboxserver.h"

#include "auditlog.h"

#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#ifndef Q_MOC_RUN // moc cannot parse nlohmann/json.hpp
#include <nlohmann/json.hpp>
#endif

using nlohmann::json;

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
        QTest::newRow("dot id") << QStringList{QStringLiteral("get"), QStringLiteral(".")} << true;
        QTest::newRow("dotdot id") << QStringList{QStringLiteral("get"), QStringLiteral("..")} << true;
        QTest::newRow("dotdot close") << QStringList{QStringLiteral("close"), QStringLiteral("..")} << true;
        QTest::newRow("dot in bulk") << QStringList{QStringLiteral("fetch"), QStringLiteral("ORD-100001"), QStringLiteral(".")} << true;
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

    // A misused command names its own synopsis (the one --help shows), not only "Try --help".
    void usageErrorNamesTheCommandsSynopsis_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("synopses");
        const QString assign = QStringLiteral("assign ORDER_ID AGENT_ID [--name N] [--phone P] [--email E]");
        QTest::newRow("assign without agent") << QStringList{QStringLiteral("assign"), QStringLiteral("ORD-100001")}
                                              << QStringList{assign};
        QTest::newRow("assign, misspelt option") << QStringList{QStringLiteral("assign"), QStringLiteral("ORD-100001"),
                                                                QStringLiteral("agent-1"), QStringLiteral("--nmae"), QStringLiteral("X")}
                                                 << QStringList{assign};
        QTest::newRow("get, option of another command") << QStringList{QStringLiteral("get"), QStringLiteral("a"), QStringLiteral("--name"), QStringLiteral("x")}
                                                        << QStringList{QStringLiteral("get ORDER_ID")};
        QTest::newRow("update without fields") << QStringList{QStringLiteral("update"), QStringLiteral("ORD-100001")}
                                               << QStringList{QStringLiteral("update ORDER_ID [--callback-phone P] [--chat-url U] [--chat-session S] [--body FILE|-]")};
        QTest::newRow("close without IDs") << QStringList{QStringLiteral("close")}
                                           << QStringList{QStringLiteral("close (ORDER_ID... | --from FILE|-)")};
        QTest::newRow("audit, unknown subcommand") << QStringList{QStringLiteral("audit"), QStringLiteral("frob")}
                                                   << QStringList{QStringLiteral("audit verify [--log FILE]"),
                                                                  QStringLiteral("audit export [--log FILE] [--unmasked]")};
    }
    void usageErrorNamesTheCommandsSynopsis()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, synopses);
        const qint64 before = m_server->requestCount();
        const Run r = ctl(args);
        QCOMPARE(r.code, 1);
        QCOMPARE(m_server->requestCount(), before);
        const Run help = ctl({QStringLiteral("--help")}, {}, {}, false);
        for (const QString &synopsis : synopses) {
            QVERIFY2(r.err.contains(QStringLiteral("\nusage: supportctl ") + synopsis + QLatin1Char('\n')), qPrintable(r.err));
            QVERIFY2(help.out.contains(QStringLiteral("  ") + synopsis), qPrintable(synopsis)); // the same as --help
        }
    }

    // `agent` names the order it shows, as `get` does.
    void agentNamesTheOrder()
    {
        const Run r = ctl({QStringLiteral("agent"), QStringLiteral("ORD-100001")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("Order:       ORD-100001\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("\nAgent:       ")), qPrintable(r.out));
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

    void allFailedBulkKeepsTheKind()
    {
        const Run r = ctl({QStringLiteral("fetch"), QStringLiteral("NO-1"), QStringLiteral("NO-2")});
        QCOMPARE(r.code, 2);
    }

    // No token sent to a server that wants one: the message says none was given and how to give
    // one (not that a token was refused); the parser's errors read like the CLI's own.
    void missingTokenAndParserErrorsSayItPlainly()
    {
        m_server->setToken(QStringLiteral("very-secret-token"));
        Run r = ctl({QStringLiteral("get"), QStringLiteral("ORD-100001")});
        QCOMPARE(r.code, 2);
        QVERIFY2(!r.err.contains(QStringLiteral("refused")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("none was given")) && r.err.contains(QStringLiteral("--token-file"))
                     && r.err.contains(QStringLiteral("SUPPORTDESK_TOKEN")),
                 qPrintable(r.err));
        r = ctl({QStringLiteral("--token"), QStringLiteral("wrong"), QStringLiteral("get"), QStringLiteral("ORD-100001")});
        QVERIFY2(r.err.contains(QStringLiteral("refused the access token")), qPrintable(r.err));
        r = ctl({QStringLiteral("--bogus"), QStringLiteral("get"), QStringLiteral("ORD-100001")});
        QVERIFY2(r.err.startsWith(QStringLiteral("supportctl: unknown option 'bogus'\n")), qPrintable(r.err));
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

    void tokenFromFileAndStdin()
    {
        const QString token = QStringLiteral("tok-from-file-0123456789");
        m_server->setToken(token);
        const QString path = m_dir.filePath(QStringLiteral("token"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(token.toUtf8() + "  \nsecond line ignored\n");
        file.close();
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
        const auto noToken = [&token](const Run &r) {
            return !r.out.contains(token) && !r.err.contains(token);
        };

        Run r = ctl({QStringLiteral("-v"), QStringLiteral("--token-file"), path, QStringLiteral("get"), QStringLiteral("ORD-100001")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("ORD-100001")));
        QVERIFY(!r.err.contains(QStringLiteral("warning")));
        QVERIFY(noToken(r));
        r = ctl({QStringLiteral("-v"), QStringLiteral("--token-file"), QStringLiteral("-"), QStringLiteral("get"), QStringLiteral("ORD-100001")},
                token.toUtf8() + "\n");
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(noToken(r));
        // It wins over the environment; a wrong one is refused by the server.
        r = ctl({QStringLiteral("--token-file"), path, QStringLiteral("get"), QStringLiteral("ORD-100001")}, {},
                {{QStringLiteral("SUPPORTDESK_TOKEN"), QStringLiteral("wrong")}});
        QCOMPARE(r.code, 0);
        r = ctl({QStringLiteral("--token-file"), QStringLiteral("-"), QStringLiteral("get"), QStringLiteral("ORD-100001")}, "wrong\n");
        QCOMPARE(r.code, 2);

        // Readable by others: used, with a warning naming the file (not the token).
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        r = ctl({QStringLiteral("--token-file"), path, QStringLiteral("get"), QStringLiteral("ORD-100001")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("warning")) && r.err.contains(path), qPrintable(r.err));
        QVERIFY(noToken(r));

        // Usage errors send nothing.
        const QString empty = m_dir.filePath(QStringLiteral("empty-token"));
        QFile e(empty);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.write("\n");
        e.close();
        // One line far longer than any token (64 KiB) is refused, not cut to size and sent.
        const QString longLine = m_dir.filePath(QStringLiteral("long-token"));
        QFile l(longLine);
        QVERIFY(l.open(QIODevice::WriteOnly));
        l.write(QByteArray(100 * 1024, 'a') + "\n");
        l.close();
        QFile::setPermissions(longLine, QFile::ReadOwner | QFile::WriteOwner);
        const qint64 before = m_server->requestCount();
        for (const QStringList &args : {QStringList{QStringLiteral("--token-file"), empty, QStringLiteral("get"), QStringLiteral("A")},
                                        QStringList{QStringLiteral("--token-file"), longLine, QStringLiteral("get"), QStringLiteral("A")},
                                        QStringList{QStringLiteral("--token-file"), m_dir.filePath(QStringLiteral("missing")), QStringLiteral("get"), QStringLiteral("A")},
                                        QStringList{QStringLiteral("--token-file"), path, QStringLiteral("--token"), token, QStringLiteral("get"), QStringLiteral("A")},
                                        QStringList{QStringLiteral("--token-file"), QStringLiteral("-"), QStringLiteral("fetch"), QStringLiteral("--from"), QStringLiteral("-")}}) {
            r = ctl(args, token.toUtf8() + "\nORD-1\n");
            QVERIFY2(r.code == 1, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err));
            QVERIFY(noToken(r));
        }
        QCOMPARE(m_server->requestCount(), before);

        // --help says --token is visible to others and offers --token-file.
        r = ctl({QStringLiteral("--help")}, {}, {}, false);
        QVERIFY(r.out.contains(QStringLiteral("--token-file FILE")));
        QVERIFY(r.out.contains(QStringLiteral("other users")));
    }

    void credentialsInServerAddressRefused()
    {
        // In --server or SUPPORTDESK_SERVER: refused before anything is sent, stored or printed.
        QUrl withCredentials = m_url;
        withCredentials.setUserName(QStringLiteral("agent"));
        withCredentials.setPassword(QStringLiteral("s3cret-pw"));
        const QStringList update{QStringLiteral("-v"), QStringLiteral("update"), QStringLiteral("ORD-100001"),
                                 QStringLiteral("--chat-session"), QStringLiteral("S")};
        const qint64 before = m_server->requestCount();
        QList<Run> runs;
        runs << ctl(QStringList{QStringLiteral("--server"), withCredentials.toString()} + update, {}, {}, false);
        runs << ctl(update, {}, {{QStringLiteral("SUPPORTDESK_SERVER"), withCredentials.toString()}}, false);
        for (const Run &r : std::as_const(runs)) {
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(QStringLiteral("password")), qPrintable(r.err));
            QVERIFY(!r.err.contains(QStringLiteral("s3cret-pw")) && !r.out.contains(QStringLiteral("s3cret-pw")));
        }
        QCOMPARE(m_server->requestCount(), before);
        QFile audit(m_auditLog);
        QVERIFY(!audit.exists() || (audit.open(QIODevice::ReadOnly) && !audit.readAll().contains("s3cret-pw")));
    }

    void controlCharactersStrippedButJsonExact()
    {
        // A hostile server's text reaches the terminal without escape sequences, control
        // characters or bidi overrides; --json keeps it exact (JSON-escaped).
        const std::string name = "\x1b[31mRed\x1b[0m \x1b]0;owned\x07" "Agent\u202Eevil\nOrder: FAKE\x08";
        json session = {{"callback_phone", "+1 555 0100\x1b[2J"},
                        {"agent", {{"id", "a\x1b[5m1"}, {"person", {{"name", name}}}}}};
        QVERIFY(m_server->putSessionJson(QStringLiteral("ESC-1"), QByteArray::fromStdString(session.dump())));
        const auto clean = [](const QString &text) {
            for (QChar c : text)
                if ((c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\t'))
                    || (c.unicode() >= 0x7F && c.unicode() <= 0x9F) || c.unicode() == 0x202E)
                    return false;
            return true;
        };
        Run r = ctl({QStringLiteral("get"), QStringLiteral("ESC-1")});
        QCOMPARE(r.code, 0);
        QVERIFY2(clean(r.out), r.out.toUtf8().toPercentEncoding(" \n:()").constData());
        QVERIFY(r.out.contains(QStringLiteral("Red")));
        QVERIFY(!r.out.contains(QStringLiteral("\nOrder: FAKE"))); // no forged line
        r = ctl({QStringLiteral("fetch"), QStringLiteral("ESC-1"), QStringLiteral("ORD-100001")});
        QCOMPARE(r.code, 0);
        QVERIFY2(clean(r.out), r.out.toUtf8().toPercentEncoding(" \n\t:()").constData());
        QCOMPARE(r.out.count(QLatin1Char('\n')), 2);

        r = ctl({QStringLiteral("--json"), QStringLiteral("get"), QStringLiteral("ESC-1")});
        QCOMPARE(r.code, 0);
        const json j = json::parse(r.out.toStdString());
        QCOMPARE(j["agent"]["person"]["name"].get<std::string>(), name);
        QCOMPARE(j["callback_phone"].get<std::string>(), std::string("+1 555 0100\x1b[2J"));

        // Error text from the server too.
        FaultServer faults;
        const QUrl url = faults.start();
        faults.setFallback(FaultStep::json(404, "{\"error\":{\"code\":\"GONE\",\"message\":\"gone\\u001b]0;owned\\u0007\\u001b[2Jaway\"}}"));
        r = ctl({QStringLiteral("-v"), QStringLiteral("--server"), url.toString(), QStringLiteral("get"), QStringLiteral("A")}, {}, {}, false);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("goneaway")), qPrintable(r.err));
        QVERIFY2(clean(r.err), r.err.toUtf8().toPercentEncoding(" \n:()").constData());
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

QTEST_GUILESS_MAIN(TestSupportctl)
#include "tst_supportctl.moc"
