// The real supportctl binary's `balance` and `load` (issue 13): plans, dry and real runs,
// partial failures, bad arguments and load counts, against an in-process sandbox (or the fault
// server, to make some requests fail). `balance --undo` and the undo file are in
// tst_supportctl_balance_undo.cpp; the fixture is in supportctlbalancetest.h.
#include "supportctlbalancetest.h"

class TestSupportctlBalance : public SupportctlBalanceTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startSandbox(); }
    void cleanup() { stopSandbox(); }

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
};

QTEST_GUILESS_MAIN(TestSupportctlBalance)
#include "tst_supportctl_balance.moc"
