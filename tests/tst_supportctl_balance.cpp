// The real supportctl binary's `balance` and `load` (issue 13), against an in-process sandbox
// (or the fault server, to make some requests fail).
#include "faultserver.h"
#include "sandboxserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

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

class TestSupportctlBalance : public QObject
{
    Q_OBJECT
    sd::SandboxServer *m_server = nullptr;
    QUrl m_url;
    QTemporaryDir m_dir;
    QStringList m_puts; // paths of the PUTs the sandbox answered
    QStringList m_writes; // "PUT path" and "DELETE path" the sandbox answered

    // Runs supportctl without blocking the event loop (the sandbox lives in this process).
    Run ctl(const QStringList &args, const QByteArray &input = {}, const QUrl &server = {})
    {
        QProcess proc;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(QStringLiteral("SUPPORTDESK_SERVER"));
        e.remove(QStringLiteral("SUPPORTDESK_TOKEN"));
        e.insert(QStringLiteral("SUPPORTDESK_AUDIT_LOG"),
                 m_dir.filePath(QStringLiteral("audit-%1.log").arg(QString::fromLatin1(QTest::currentTestFunction()))));
        proc.setProcessEnvironment(e);
        const QStringList all = QStringList{QStringLiteral("--server"), (server.isValid() ? server : m_url).toString(),
                                            QStringLiteral("--timeout"), QStringLiteral("5")} + args;
        QSignalSpy finished(&proc, &QProcess::finished);
        proc.start(QStringLiteral(SUPPORTCTL_PATH), all);
        if (!proc.waitForStarted())
            return {};
        proc.write(input);
        proc.closeWriteChannel();
        if (!finished.wait(120000))
            return {};
        return {proc.exitCode(), QString::fromUtf8(proc.readAllStandardOutput()),
                QString::fromUtf8(proc.readAllStandardError())};
    }

    // Sessions S1, S2, ... with the agents given ("" unassigned); returns their IDs, one a line.
    QByteArray put(const QStringList &agents, int first = 1)
    {
        QByteArray ids;
        for (int i = 0; i < agents.size(); ++i) {
            const std::string id = "S" + std::to_string(first + i);
            json s = {{"order_id", id}, {"callback_phone", "+1 555 0100"}};
            if (!agents[i].isEmpty())
                s["agent"] = {{"id", agents[i].toStdString()}};
            if (!m_server->putSessionJson(QString::fromStdString(id), QByteArray::fromStdString(s.dump())))
                qFatal("putSessionJson failed");
            ids += QByteArray::fromStdString(id) + '\n';
        }
        return ids;
    }

    QString agentOnServer(const QString &orderId)
    {
        const json s = json::parse(m_server->sessionJson(orderId).toStdString());
        return s.contains("agent") ? QString::fromStdString(s["agent"]["id"].get<std::string>()) : QString();
    }

    QMap<QString, int> loadsOnServer(int count)
    {
        QMap<QString, int> loads;
        for (int i = 1; i <= count; ++i)
            ++loads[agentOnServer(QStringLiteral("S%1").arg(i))];
        return loads;
    }

    static QStringList repeat(const QString &agent, int n) { return QStringList(n, agent); }

    static json readJson(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return json::parse(f.readAll().toStdString(), nullptr, false);
    }

    static int modeOf(const QString &path)
    {
        struct stat st;
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
    }

    static bool writeFile(const QString &path, const QByteArray &data)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
    }

    // The agent of each session on the sandbox as a whole JSON value (null: unassigned).
    json agentsOnServer(int count)
    {
        json agents = json::object();
        for (int i = 1; i <= count; ++i) {
            const std::string id = "S" + std::to_string(i);
            const json s = json::parse(m_server->sessionJson(QString::fromStdString(id)).toStdString());
            agents[id] = s.contains("agent") ? s["agent"] : json(nullptr);
        }
        return agents;
    }

    // A run over A,B of 4 with A (S1 with A's details) and 2 unassigned: S4 A -> B, S5 and S6
    // unassigned -> B. Returns the undo file it wrote.
    QString balanceWithUndo(const QString &name)
    {
        const QByteArray ids = put(repeat(QStringLiteral("A"), 4) + repeat(QString(), 2));
        if (!m_server->putSessionJson(QStringLiteral("S1"),
                R"({"order_id":"S1","agent":{"id":"A","person":{"name":"Ann Alder"},"contact":{"email":"ann@example.org"}}})"))
            return {};
        const QString file = m_dir.filePath(name);
        const Run r = ctl({QStringLiteral("balance"), QStringLiteral("--agents"), QStringLiteral("A,B"),
                           QStringLiteral("--undo-file"), file, QStringLiteral("--from"), QStringLiteral("-")}, ids);
        if (r.code != 0 || !r.err.contains(QStringLiteral("To undo: supportctl balance --undo ") + file + QLatin1Char('\n'))) {
            qWarning("balance: %d %s %s", r.code, qPrintable(r.out), qPrintable(r.err));
            return {};
        }
        return file;
    }

    // A valid undo file for the sandbox, to damage.
    json validUndo() const
    {
        return {{"format", "supportctl-balance-undo"}, {"version", 1},
                {"server", m_url.toString().chopped(1).toStdString()},
                {"balanced_at", "2026-11-30T10:00:00Z"}, {"complete", true},
                {"moves", {{{"order_id", "S1"}, {"from", {{"id", "A"}}}, {"to", {{"id", "B"}}}},
                           {{"order_id", "S2"}, {"from", nullptr}, {"to", {{"id", "B"}}}}}}};
    }

private Q_SLOTS:
    void init()
    {
        m_server = new sd::SandboxServer(this);
        m_url = m_server->start();
        QVERIFY(m_url.isValid());
        m_puts.clear();
        m_writes.clear();
        connect(m_server, &sd::SandboxServer::requestHandled, this,
                [this](const QByteArray &method, const QString &path, int) {
                    if (method == "PUT")
                        m_puts << path;
                    if (method == "PUT" || method == "DELETE" || method == "POST")
                        m_writes << QString::fromLatin1(method) + QLatin1Char(' ') + path;
                });
    }
    void cleanup() { delete m_server; }

    // The plan is printed (and as JSON), and nothing is sent but the GETs.
    void dryRunSendsNothing()
    {
        const QByteArray ids = put(repeat(QStringLiteral("A"), 4) + repeat(QString(), 2));
        const qint64 before = m_server->requestCount();
        Run r = ctl({QStringLiteral("balance"), QStringLiteral("--agents"), QStringLiteral("A,B"),
                     QStringLiteral("--dry-run"), QStringLiteral("--from"), QStringLiteral("-")}, ids);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("3 of 6 open sessions move")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("S4\tA -> B\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("S5\t(unassigned) -> B\n")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("Dry run: nothing was sent.")), qPrintable(r.err));
        QVERIFY(!r.out.contains(QStringLiteral("assigned\t")));
        QCOMPARE(m_server->requestCount() - before, 6); // one GET each
        QVERIFY2(m_puts.isEmpty(), qPrintable(m_puts.join(QLatin1Char(' '))));
        QCOMPARE(agentOnServer(QStringLiteral("S4")), QStringLiteral("A"));
        QCOMPARE(agentOnServer(QStringLiteral("S5")), QString());

        r = ctl({QStringLiteral("--json"), QStringLiteral("balance"), QStringLiteral("--agents"), QStringLiteral("A,B"),
                 QStringLiteral("--strategy"), QStringLiteral("round-robin"), QStringLiteral("--dry-run"),
                 QStringLiteral("--from"), QStringLiteral("-")}, ids);
        QCOMPARE(r.code, 0);
        const json plan = json::parse(r.out.toStdString())["plan"];
        QCOMPARE(plan["strategy"].get<std::string>(), std::string("round-robin"));
        QCOMPARE(plan["moves"].size(), size_t(3));
        QCOMPARE(plan["moves"][0]["order_id"].get<std::string>(), std::string("S4"));
        QCOMPARE(plan["moves"][0]["from"].get<std::string>(), std::string("A"));
        QVERIFY(plan["moves"][1]["from"].is_null());
        QCOMPARE(plan["agents"][0]["before"].get<int>(), 4);
        QCOMPARE(plan["agents"][0]["after"].get<int>(), 3);
        QCOMPARE(plan["unassigned"]["before"].get<int>(), 2);
        QCOMPARE(plan["unassigned"]["after"].get<int>(), 0);
        QVERIFY(m_puts.isEmpty());
    }

    // The issue's example: 20 with A and 10 unassigned over A, B, C: 10 each, 20 moves, and
    // the server holds the plan afterwards. B's details, known from a listed session, go with
    // every session moved to B.
    void realRunResultsInThePlan()
    {
        QByteArray ids = put(repeat(QStringLiteral("A"), 20) + repeat(QString(), 10));
        QVERIFY(m_server->putSessionJson(QStringLiteral("S31"),
            R"({"order_id":"S31","agent":{"id":"B","person":{"name":"Bea Berg"}}})"));
        ids += "S31\n";
        // With the 31st, A keeps one more (the extra session stays where it is).
        const Run r = ctl({QStringLiteral("balance"), QStringLiteral("--agents"), QStringLiteral("A,B,C"),
                           QStringLiteral("--from"), QStringLiteral("-")}, ids);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("19 of 31 open sessions move")), qPrintable(r.out));
        QCOMPARE(r.out.count(QStringLiteral("\tassigned\t")), 19); // a line per order
        QVERIFY2(r.err.contains(QStringLiteral("19 of 19 succeeded, 0 failed")), qPrintable(r.err));
        QCOMPARE(m_puts.size(), 19);
        QMap<QString, int> loads = loadsOnServer(30);
        ++loads[agentOnServer(QStringLiteral("S31"))];
        QCOMPARE(loads.value(QStringLiteral("A")), 11);
        QCOMPARE(loads.value(QStringLiteral("B")), 10);
        QCOMPARE(loads.value(QStringLiteral("C")), 10);
        QCOMPARE(loads.value(QString()), 0);
        for (int i = 1; i <= 30; ++i) {
            const json s = json::parse(m_server->sessionJson(QStringLiteral("S%1").arg(i)).toStdString());
            if (s["agent"]["id"] == "B")
                QCOMPARE(s["agent"]["person"]["name"].get<std::string>(), std::string("Bea Berg"));
        }
        // Balanced already: a second run moves nothing.
        m_puts.clear();
        const Run again = ctl({QStringLiteral("balance"), QStringLiteral("--agents"), QStringLiteral("A,B,C"),
                               QStringLiteral("--from"), QStringLiteral("-")}, ids);
        QCOMPARE(again.code, 0);
        QVERIFY2(again.err.contains(QStringLiteral("Nothing to move.")), qPrintable(again.err));
        QVERIFY(m_puts.isEmpty());
    }

    // Sessions of an agent not named move; a cap leaves the rest where they are; an order with
    // no open session is left out, not a failure.
    void capAndOtherAgentsAndClosed()
    {
        const QByteArray ids = put(repeat(QStringLiteral("D"), 3) + repeat(QString(), 3)) + "GONE-1\n";
        const Run r = ctl({QStringLiteral("--json"), QStringLiteral("balance"), QStringLiteral("--agents"),
                           QStringLiteral("A,B"), QStringLiteral("--cap"), QStringLiteral("2"),
                           QStringLiteral("--from"), QStringLiteral("-")}, ids);
        QCOMPARE(r.code, 0);
        const json doc = json::parse(r.out.toStdString());
        QCOMPARE(doc["plan"]["moves"].size(), size_t(4));
        QVERIFY2(doc["plan"]["unplaced"] == json({"S2", "S3"}), doc["plan"]["unplaced"].dump().c_str()); // D's: the unassigned go first
        QVERIFY2(doc["plan"]["not_open"] == json({"GONE-1"}), doc["plan"]["not_open"].dump().c_str());
        QCOMPARE(doc["results"].size(), size_t(4));
        QVERIFY2(r.err.contains(QStringLiteral("no open session, left out: GONE-1")), qPrintable(r.err));
        const QMap<QString, int> loads = loadsOnServer(6);
        QCOMPARE(loads.value(QStringLiteral("A")), 2);
        QCOMPARE(loads.value(QStringLiteral("B")), 2);
        QCOMPARE(loads.value(QStringLiteral("D")), 2);
    }

    // One PUT refused: a line each, the summary, exit status 6 (as reassign).
    void partialFailureExitsSix()
    {
        FaultServer fault;
        const QUrl url = fault.start();
        QVERIFY(url.isValid());
        fault.enqueue(FaultStep::json(200, R"({"order_id":"S1","agent":{"id":"A"}})"));
        fault.enqueue(FaultStep::json(200, R"({"order_id":"S2","agent":{"id":"A"}})"));
        fault.enqueue(FaultStep::json(200, R"({"order_id":"S3","agent":{"id":"A"}})"));
        fault.enqueue(FaultStep::json(200, R"({"order_id":"S4"})"));
        fault.enqueue(FaultStep::json(200, R"({"order_id":"S3","agent":{"id":"B"}})"));
        fault.enqueue(FaultStep::json(404, R"({"error":{"code":"SESSION_NOT_FOUND","message":"No open session S4."}})"));
        const Run r = ctl({QStringLiteral("--concurrency"), QStringLiteral("1"), QStringLiteral("--retries"),
                           QStringLiteral("0"), QStringLiteral("balance"), QStringLiteral("--agents"),
                           QStringLiteral("A,B"), QStringLiteral("S1"), QStringLiteral("S2"), QStringLiteral("S3"),
                           QStringLiteral("S4")}, {}, url);
        QCOMPARE(r.code, 6);
        QVERIFY2(r.out.contains(QStringLiteral("S3\tassigned\tB\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("S4\tFAILED\t")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("1 of 2 succeeded, 1 failed: S4")), qPrintable(r.err));
        QCOMPARE(fault.requests().size(), 6);
        QCOMPARE(fault.requests()[4].method, QByteArray("PUT"));
        QCOMPARE(fault.requests()[4].path, QByteArray("/support/S3/agent"));
        QCOMPARE(fault.requests()[5].path, QByteArray("/support/S4/agent"));
    }

    // A session that cannot be read is left out of the plan: the rest is balanced, exit 6.
    void unreadableSessionIsPartialFailure()
    {
        FaultServer fault;
        const QUrl url = fault.start();
        QVERIFY(url.isValid());
        fault.enqueue(FaultStep::json(200, R"({"order_id":"S1","agent":{"id":"A"}})"));
        fault.enqueue(FaultStep::json(503, R"({"error":{"code":"DOWN","message":"down"}})"));
        fault.enqueue(FaultStep::json(200, R"({"order_id":"S3","agent":{"id":"A"}})"));
        fault.enqueue(FaultStep::json(200, R"({"order_id":"S3","agent":{"id":"B"}})"));
        const Run r = ctl({QStringLiteral("--concurrency"), QStringLiteral("1"), QStringLiteral("--retries"),
                           QStringLiteral("0"), QStringLiteral("balance"), QStringLiteral("--agents"),
                           QStringLiteral("A,B"), QStringLiteral("S1"), QStringLiteral("S2"), QStringLiteral("S3")},
                          {}, url);
        QCOMPARE(r.code, 6);
        QVERIFY2(r.out.contains(QStringLiteral("S2\tFAILED\t")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("S3\tassigned\tB\n")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("1 of 3 could not be fetched and are left out: S2")), qPrintable(r.err));
        QCOMPARE(fault.requests().size(), 4);
    }

    // Bad arguments: the command's synopsis, exit status 1 (supportctl's usage error), nothing sent.
    void badArgumentsGiveTheSynopsis_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString b = QStringLiteral("balance");
        const QString ag = QStringLiteral("--agents");
        const QString s1 = QStringLiteral("S1");
        QTest::newRow("no --agents") << QStringList{b, s1};
        QTest::newRow("empty --agents") << QStringList{b, ag, QString(), s1};
        QTest::newRow("blank agent in --agents") << QStringList{b, ag, QStringLiteral("A,,B"), s1};
        QTest::newRow("agent twice") << QStringList{b, ag, QStringLiteral("A,B,A"), s1};
        QTest::newRow("no order IDs") << QStringList{b, ag, QStringLiteral("A")};
        QTest::newRow("bad order ID") << QStringList{b, ag, QStringLiteral("A"), QStringLiteral("..")};
        QTest::newRow("unknown strategy") << QStringList{b, ag, QStringLiteral("A"), QStringLiteral("--strategy"), QStringLiteral("random"), s1};
        QTest::newRow("negative cap") << QStringList{b, ag, QStringLiteral("A"), QStringLiteral("--cap"), QStringLiteral("-1"), s1};
        QTest::newRow("cap not a number") << QStringList{b, ag, QStringLiteral("A"), QStringLiteral("--cap"), QStringLiteral("x"), s1};
        QTest::newRow("--agents without value") << QStringList{b, s1, ag};
        QTest::newRow("ids and --from") << QStringList{b, ag, QStringLiteral("A"), s1, QStringLiteral("--from"), QStringLiteral("-")};
        const QString undo = QStringLiteral("--undo");
        const QString file = QStringLiteral("/nonexistent/undo.json");
        QTest::newRow("--undo with order IDs") << QStringList{b, undo, file, s1};
        QTest::newRow("--undo with --agents") << QStringList{b, undo, file, ag, QStringLiteral("A")};
        QTest::newRow("--undo with --undo-file") << QStringList{b, undo, file, QStringLiteral("--undo-file"), file};
        QTest::newRow("--undo without value") << QStringList{b, undo};
    }
    void badArgumentsGiveTheSynopsis()
    {
        QFETCH(QStringList, args);
        put({QStringLiteral("A")});
        const qint64 before = m_server->requestCount();
        const Run r = ctl(args);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("supportctl: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("\nusage: supportctl balance --agents A,B,... [--strategy least-loaded|round-robin] "
                                               "[--cap N] [--dry-run] [--undo-file FILE] (ORDER_ID... | --from FILE|-)\n"
                                               "usage: supportctl balance --undo FILE [--dry-run]\n")),
                 qPrintable(r.err));
        QCOMPARE(m_server->requestCount(), before);
    }

    void optionsOfBalanceOnlyWithBalance()
    {
        for (const QStringList &args : {QStringList{QStringLiteral("fetch"), QStringLiteral("--dry-run"), QStringLiteral("S1")},
                                        QStringList{QStringLiteral("load"), QStringLiteral("--agents"), QStringLiteral("A"), QStringLiteral("S1")}}) {
            const qint64 before = m_server->requestCount();
            const Run r = ctl(args);
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(QStringLiteral("does not take")), qPrintable(r.err));
            QCOMPARE(m_server->requestCount(), before);
        }
        const Run help = ctl({QStringLiteral("--help")});
        QVERIFY(help.out.contains(QStringLiteral("  balance --agents A,B,...")));
        QVERIFY(help.out.contains(QStringLiteral("  load (ORDER_ID... | --from FILE|-)")));
    }

    // Open sessions per agent among the listed ones, most loaded first; closed ones left out.
    void loadCounts()
    {
        QByteArray ids = put({QStringLiteral("B"), QStringLiteral("A"), QString(), QStringLiteral("A"),
                              QStringLiteral("A"), QStringLiteral("B"), QString(), QStringLiteral("C")});
        ids += "S2\nGONE-1\n"; // a repeat counts once
        Run r = ctl({QStringLiteral("load"), QStringLiteral("--from"), QStringLiteral("-")}, ids);
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QVERIFY(lines[0].startsWith(QStringLiteral("Agent ")));
        QCOMPARE(lines[1].simplified(), QStringLiteral("A 3"));
        QCOMPARE(lines[2].simplified(), QStringLiteral("B 2"));
        QCOMPARE(lines[3].simplified(), QStringLiteral("C 1"));
        QCOMPARE(lines[4].simplified(), QStringLiteral("(unassigned) 2"));
        QVERIFY2(r.err.contains(QStringLiteral("no open session, left out: GONE-1")), qPrintable(r.err));
        QVERIFY(m_puts.isEmpty());

        r = ctl({QStringLiteral("load"), QStringLiteral("--json"), QStringLiteral("--from"), QStringLiteral("-")}, ids);
        QCOMPARE(r.code, 0);
        const json j = json::parse(r.out.toStdString());
        QCOMPARE(j["agents"].size(), size_t(3));
        QCOMPARE(j["agents"][0]["id"].get<std::string>(), std::string("A"));
        QCOMPARE(j["agents"][0]["open"].get<int>(), 3);
        QCOMPARE(j["agents"][2]["open"].get<int>(), 1);
        QCOMPARE(j["unassigned"].get<int>(), 2);
        QCOMPARE(j["open_sessions"].get<int>(), 8);
        QVERIFY2(j["not_open"] == json({"GONE-1"}), j["not_open"].dump().c_str());
    }

    // A real run keeps its moves (the agents' details, null for an unassigned session) in a
    // private file naming the server, never the token; by default beside the audit trail.
    void runWritesAPrivateUndoFile()
    {
        const QString file = balanceWithUndo(QStringLiteral("undo-private.json"));
        QVERIFY(!file.isEmpty());
        QCOMPARE(modeOf(file), 0600);
        const json undo = readJson(file);
        QCOMPARE(undo["format"].get<std::string>(), std::string("supportctl-balance-undo"));
        QCOMPARE(undo["server"].get<std::string>(), m_url.toString().chopped(1).toStdString());
        QCOMPARE(undo["complete"].get<bool>(), true);
        QVERIFY(!undo["balanced_at"].get<std::string>().empty());
        QCOMPARE(undo["moves"].size(), size_t(3));
        QCOMPARE(undo["moves"][0]["order_id"].get<std::string>(), std::string("S4"));
        QVERIFY2(undo["moves"][0]["from"] == json({{"id", "A"}}), undo["moves"][0].dump().c_str());
        QCOMPARE(undo["moves"][0]["to"]["id"].get<std::string>(), std::string("B"));
        QVERIFY(undo["moves"][1]["from"].is_null());
        QCOMPARE(undo["moves"][2]["order_id"].get<std::string>(), std::string("S6"));

        // Without --undo-file: a new file in balance-undo/ (0700) beside the audit trail; the
        // token given is nowhere in it.
        put(repeat(QStringLiteral("A"), 2), 7);
        const QString secret = QStringLiteral("tok-3141592653");
        const Run r = ctl({QStringLiteral("--token-file"), QStringLiteral("-"), QStringLiteral("--json"), QStringLiteral("balance"),
                           QStringLiteral("--agents"), QStringLiteral("A,C"), QStringLiteral("S7"), QStringLiteral("S8")},
                          secret.toUtf8() + '\n');
        QCOMPARE(r.code, 0);
        const QString dir = m_dir.filePath(QStringLiteral("balance-undo"));
        const QString hint = QStringLiteral("To undo: supportctl balance --undo ");
        const qsizetype at = r.err.indexOf(hint + dir + QStringLiteral("/balance-"));
        QVERIFY2(at >= 0, qPrintable(r.err));
        const QString path = r.err.mid(at + hint.size()).section(QLatin1Char('\n'), 0, 0);
        QCOMPARE(QString::fromStdString(json::parse(r.out.toStdString())["undo_file"].get<std::string>()), path);
        QCOMPARE(modeOf(dir), 0700);
        QCOMPARE(modeOf(path), 0600);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(!text.contains(secret.toUtf8()));
        QCOMPARE(json::parse(text.toStdString())["moves"].size(), size_t(1));

        // No undo file, no run: nothing is sent when it cannot be written.
        m_puts.clear();
        const Run unwritable = ctl({QStringLiteral("balance"), QStringLiteral("--agents"), QStringLiteral("A,C"),
                                    QStringLiteral("--undo-file"), m_dir.filePath(QStringLiteral("missing/undo.json")),
                                    QStringLiteral("S1"), QStringLiteral("S2"), QStringLiteral("S3"), QStringLiteral("S4")});
        QCOMPARE(unwritable.code, 1);
        QVERIFY2(unwritable.err.contains(QStringLiteral("cannot write the undo file ")), qPrintable(unwritable.err));
        QVERIFY2(unwritable.err.contains(QStringLiteral("Nothing was sent.")), qPrintable(unwritable.err));
        QVERIFY(m_puts.isEmpty());

        // A dry run keeps nothing.
        const qsizetype kept = QDir(dir).entryList(QDir::Files).size();
        const Run dry = ctl({QStringLiteral("balance"), QStringLiteral("--agents"), QStringLiteral("A,B,C"),
                             QStringLiteral("--dry-run"), QStringLiteral("S1"), QStringLiteral("S2")});
        QCOMPARE(dry.code, 0);
        QVERIFY2(!dry.err.contains(QStringLiteral("To undo")), qPrintable(dry.err));
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), kept);
    }

    // --undo puts every session back where it was: to A with A's details, or unassigned.
    void undoRestoresEveryAgent()
    {
        put(repeat(QStringLiteral("A"), 4) + repeat(QString(), 2));
        QVERIFY(m_server->putSessionJson(QStringLiteral("S4"),
            R"({"order_id":"S4","agent":{"id":"A","person":{"name":"Ann Alder"}}})"));
        const json before = agentsOnServer(6);
        const QString file = m_dir.filePath(QStringLiteral("undo-restore.json"));
        Run r = ctl({QStringLiteral("balance"), QStringLiteral("--agents"), QStringLiteral("A,B"),
                     QStringLiteral("--undo-file"), file, QStringLiteral("S1"), QStringLiteral("S2"), QStringLiteral("S3"),
                     QStringLiteral("S4"), QStringLiteral("S5"), QStringLiteral("S6")});
        QCOMPARE(r.code, 0);
        QCOMPARE(agentOnServer(QStringLiteral("S4")), QStringLiteral("B"));
        QCOMPARE(agentOnServer(QStringLiteral("S5")), QStringLiteral("B"));
        m_writes.clear();

        r = ctl({QStringLiteral("balance"), QStringLiteral("--undo"), file});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("S4\tmoved back\tA\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("S5\tmoved back\t(unassigned)\n")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("Undo: 3 moved back, 0 already back, 0 changed since the balance")), qPrintable(r.err));
        QVERIFY2(agentsOnServer(6) == before, agentsOnServer(6).dump().c_str());
        m_writes.sort();
        QCOMPARE(m_writes, QStringList({QStringLiteral("DELETE /support/S5/agent"), QStringLiteral("DELETE /support/S6/agent"),
                                        QStringLiteral("PUT /support/S4/agent")}));

        // Again: everything is back already, nothing is sent.
        m_writes.clear();
        r = ctl({QStringLiteral("--json"), QStringLiteral("balance"), QStringLiteral("--undo"), file});
        QCOMPARE(r.code, 0);
        const json doc = json::parse(r.out.toStdString());
        QCOMPARE(doc["results"].size(), size_t(3));
        for (const json &result : doc["results"])
            QCOMPARE(result["outcome"].get<std::string>(), std::string("already_back"));
        QCOMPARE(doc["summary"]["already_back"].get<int>(), 3);
        QVERIFY2(m_writes.isEmpty(), qPrintable(m_writes.join(QLatin1Char(' '))));

        // The file of a run cut short lists moves never made: those sessions are found with
        // their agent before and left alone.
        json cut = readJson(file);
        cut["complete"] = false;
        cut["moves"].push_back({{"order_id", "S1"}, {"from", {{"id", "A"}}}, {"to", {{"id", "B"}}}});
        QVERIFY(writeFile(file, QByteArray::fromStdString(cut.dump())));
        r = ctl({QStringLiteral("balance"), QStringLiteral("--undo"), file});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("was written before its balance run finished")), qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("S1\talready back\tA\n")), qPrintable(r.out));
        QVERIFY(m_writes.isEmpty());
    }

    // A session whose agent changed since the balance (or that was closed) is left as it is and
    // reported; the others go back. Exit 6 when some went back, 2 when none did.
    void undoLeavesChangedSessionsAlone()
    {
        const QString file = balanceWithUndo(QStringLiteral("undo-changed.json"));
        QVERIFY(!file.isEmpty());
        QVERIFY(m_server->putSessionJson(QStringLiteral("S4"), R"({"order_id":"S4","agent":{"id":"C"}})"));
        QCOMPARE(ctl({QStringLiteral("close"), QStringLiteral("S5")}).code, 0);
        m_writes.clear();
        Run r = ctl({QStringLiteral("balance"), QStringLiteral("--undo"), file});
        QCOMPARE(r.code, 6);
        QVERIFY2(r.out.contains(QStringLiteral("S4\tCONFLICT\tnow with C: changed since the balance; left as it is\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("S5\tCONFLICT\tno open session: closed since the balance; left as it is\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("S6\tmoved back\t(unassigned)\n")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("Undo: 1 moved back, 0 already back, 2 changed since the balance and left as they are, 0 failed: S4, S5\n")),
                 qPrintable(r.err));
        QCOMPARE(m_writes, QStringList{QStringLiteral("DELETE /support/S6/agent")});
        QCOMPARE(agentOnServer(QStringLiteral("S4")), QStringLiteral("C"));
        QCOMPARE(agentOnServer(QStringLiteral("S6")), QString());

        // Again with --json: each outcome named; S6, back already, counts as done (so still 6).
        m_writes.clear();
        r = ctl({QStringLiteral("--json"), QStringLiteral("balance"), QStringLiteral("--undo"), file});
        QCOMPARE(r.code, 6);
        QVERIFY(m_writes.isEmpty());
        const json doc = json::parse(r.out.toStdString());
        QCOMPARE(doc["results"][0]["outcome"].get<std::string>(), std::string("changed"));
        QCOMPARE(doc["results"][0]["now"].get<std::string>(), std::string("C"));
        QCOMPARE(doc["results"][1]["outcome"].get<std::string>(), std::string("closed"));
        QCOMPARE(doc["summary"]["conflicts"].get<int>(), 2);

        // Only the conflicts left: their status alone, 2 (refused).
        json only = readJson(file);
        only["moves"].erase(2);
        QVERIFY(writeFile(file, QByteArray::fromStdString(only.dump())));
        r = ctl({QStringLiteral("balance"), QStringLiteral("--undo"), file});
        QCOMPARE(r.code, 2);
        QVERIFY(m_writes.isEmpty());
    }

    // Changed between the read and the write: the If-Match of the read gets 412, and the session
    // is reported as changed, not overwritten.
    void undoWritesOntoTheVersionRead()
    {
        FaultServer fault;
        const QUrl url = fault.start();
        QVERIFY(url.isValid());
        json undo = validUndo();
        undo["server"] = url.toString().chopped(1).toStdString();
        const QString file = m_dir.filePath(QStringLiteral("undo-412.json"));
        QVERIFY(writeFile(file, QByteArray::fromStdString(undo.dump())));
        FaultStep read = FaultStep::json(200, R"({"order_id":"S1","agent":{"id":"B"}})");
        read.headers << qMakePair(QByteArray("ETag"), QByteArray("\"v7\""));
        fault.enqueue(read);
        fault.enqueue(FaultStep::json(200, R"({"order_id":"S2"})")); // unassigned already
        fault.enqueue(FaultStep::json(412, R"({"error":{"code":"PRECONDITION_FAILED","message":"changed"}})"));
        const Run r = ctl({QStringLiteral("--concurrency"), QStringLiteral("1"), QStringLiteral("--retries"), QStringLiteral("0"),
                           QStringLiteral("balance"), QStringLiteral("--undo"), file}, {}, url);
        QVERIFY2(r.code == 6, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("S1\tCONFLICT\tchanged since the balance; left as it is\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("S2\talready back\t(unassigned)\n")), qPrintable(r.out));
        QCOMPARE(fault.requests().size(), 3);
        QCOMPARE(fault.requests()[2].method, QByteArray("PUT"));
        QCOMPARE(fault.requests()[2].path, QByteArray("/support/S1/agent"));
        QCOMPARE(fault.requests()[2].headers.value("if-match"), QByteArray("\"v7\""));
        QCOMPARE(fault.requests()[2].body, QByteArray(R"({"agent":{"id":"A"},"order_id":"S1"})"));
    }

    // --undo --dry-run says what it would do and sends no change.
    void undoDryRunSendsNothing()
    {
        const QString file = balanceWithUndo(QStringLiteral("undo-dry.json"));
        QVERIFY(!file.isEmpty());
        const json balanced = agentsOnServer(6);
        m_writes.clear();
        Run r = ctl({QStringLiteral("balance"), QStringLiteral("--undo"), file, QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("S4\twould move back\tB -> A\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("S5\twould move back\tB -> (unassigned)\n")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("Dry run: nothing was sent.")), qPrintable(r.err));
        r = ctl({QStringLiteral("--json"), QStringLiteral("balance"), QStringLiteral("--dry-run"), QStringLiteral("--undo"), file});
        QCOMPARE(r.code, 0);
        const json doc = json::parse(r.out.toStdString());
        QCOMPARE(doc["dry_run"].get<bool>(), true);
        QCOMPARE(doc["results"][0]["outcome"].get<std::string>(), std::string("would_move_back"));
        QCOMPARE(doc["summary"]["would_move_back"].get<int>(), 3);
        QVERIFY2(m_writes.isEmpty(), qPrintable(m_writes.join(QLatin1Char(' '))));
        QVERIFY2(agentsOnServer(6) == balanced, agentsOnServer(6).dump().c_str());
    }

    // An undo file is untrusted input: a damaged, oversized or foreign one is refused with exit
    // status 1 and a message naming the problem; nothing at all is sent.
    void badUndoFileIsRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        const auto damaged = [this](const std::function<void(json &)> &change) {
            json j = validUndo();
            change(j);
            return QByteArray::fromStdString(j.dump());
        };
        const QString unusable = QStringLiteral("is not a usable undo file of supportctl balance: ");
        QTest::newRow("not JSON") << QByteArray("{\"format\": \"supportctl-balance-undo\", ") << unusable;
        QTest::newRow("empty") << QByteArray() << unusable;
        QTest::newRow("oversized") << (damaged([](json &) {}) + QByteArray((32 << 20) + 1, ' '))
                                   << unusable + QStringLiteral("it is larger than 32 MiB");
        QTest::newRow("nested deep") << (QByteArray(100, '[') + QByteArray(100, ']')) << unusable;
        QTest::newRow("a list") << QByteArray("[]") << unusable + QStringLiteral("it is not a JSON object");
        QTest::newRow("other format") << damaged([](json &j) { j["format"] = "supportdesk-workspace"; }) << unusable;
        QTest::newRow("other version") << damaged([](json &j) { j["version"] = 2; }) << unusable;
        QTest::newRow("no moves") << damaged([](json &j) { j.erase("moves"); }) << unusable;
        QTest::newRow("move not an object") << damaged([](json &j) { j["moves"][1] = "S2"; })
                                            << unusable + QStringLiteral("move 2: not an object");
        QTest::newRow("no from") << damaged([](json &j) { j["moves"][0].erase("from"); }) << unusable + QStringLiteral("move 1: ");
        QTest::newRow("to null") << damaged([](json &j) { j["moves"][0]["to"] = nullptr; }) << unusable + QStringLiteral("move 1: \"to\"");
        QTest::newRow("to without ID") << damaged([](json &j) { j["moves"][1]["to"] = {{"person", {{"name", "X"}}}}; })
                                       << unusable + QStringLiteral("move 2: \"to\": the agent has no ID");
        QTest::newRow("agent ID a number") << damaged([](json &j) { j["moves"][0]["from"]["id"] = 7; }) << unusable + QStringLiteral("move 1: \"from\"");
        QTest::newRow("bad order ID") << damaged([](json &j) { j["moves"][0]["order_id"] = ".."; }) << unusable + QStringLiteral("move 1: \"order_id\"");
        QTest::newRow("order twice") << damaged([](json &j) { j["moves"][1]["order_id"] = "S1"; })
                                     << unusable + QStringLiteral("move 2: order S1 is listed twice");
        QTest::newRow("too many moves") << damaged([](json &j) {
            json moves = json::array();
            for (int i = 0; i < 200'001; ++i)
                moves.push_back({{"order_id", "O" + std::to_string(i)}, {"from", nullptr}, {"to", {{"id", "B"}}}});
            j["moves"] = std::move(moves);
        }) << unusable + QStringLiteral("more than 200000 moves");
        QTest::newRow("bad date") << damaged([](json &j) { j["balanced_at"] = "yesterday"; }) << unusable;
        QTest::newRow("other server") << damaged([](json &j) { j["server"] = "https://support.example.org"; })
                                      << QStringLiteral("holds a balance run on https://support.example.org, and the server given is ");
    }
    void badUndoFileIsRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        put({QStringLiteral("B"), QStringLiteral("B")});
        const QString file = m_dir.filePath(QStringLiteral("undo-bad.json"));
        QVERIFY(writeFile(file, content));
        const qint64 before = m_server->requestCount();
        const Run r = ctl({QStringLiteral("balance"), QStringLiteral("--undo"), file});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("supportctl: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err.left(2000)));
        QVERIFY2(r.err.contains(QStringLiteral("othing was sent")), qPrintable(r.err.left(2000)));
        QCOMPARE(m_server->requestCount(), before);
        QCOMPARE(agentOnServer(QStringLiteral("S1")), QStringLiteral("B"));

        const Run missing = ctl({QStringLiteral("balance"), QStringLiteral("--undo"), m_dir.filePath(QStringLiteral("none.json"))});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("cannot read the undo file")), qPrintable(missing.err));
        QCOMPARE(m_server->requestCount(), before);
    }
};

QTEST_GUILESS_MAIN(TestSupportctlBalance)
#include "tst_supportctl_balance.moc"
