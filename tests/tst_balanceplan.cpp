// The plan of a Balance (core, shared by the app and supportctl): which sessions move to whom.
// Sessions in the tables: "A*20,-*10,!B*2" = 20 with agent A, 10 unassigned, 2 closed ones of
// B; their order IDs are S1, S2, ... in that order.
#include "balanceplan.h"

#include <QTest>

using namespace sd;

namespace {

QList<BalanceSession> parseSessions(const QString &spec)
{
    QList<BalanceSession> sessions;
    for (QString group : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const bool closed = group.startsWith(QLatin1Char('!'));
        if (closed)
            group.remove(0, 1);
        const QStringList parts = group.split(QLatin1Char('*'));
        const QString agent = parts[0] == QLatin1String("-") ? QString() : parts[0];
        const int count = parts.size() > 1 ? parts[1].toInt() : 1;
        for (int i = 0; i < count; ++i)
            sessions.append({QStringLiteral("S%1").arg(sessions.size() + 1), agent, !closed});
    }
    return sessions;
}

QString movesText(const BalancePlan &plan)
{
    QStringList parts;
    for (const BalanceMove &m : plan.moves)
        parts << QStringLiteral("%1 %2>%3").arg(m.orderId, m.from, m.to);
    return parts.join(QStringLiteral("; "));
}

QString loadsText(const BalancePlan &plan)
{
    QStringList parts;
    for (const BalanceAgentLoad &a : plan.agents)
        parts << QStringLiteral("%1:%2>%3").arg(a.agentId).arg(a.before).arg(a.after);
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestBalancePlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plan_data()
    {
        QTest::addColumn<QString>("sessions");
        QTest::addColumn<QString>("targets");
        QTest::addColumn<bool>("roundRobin");
        QTest::addColumn<int>("cap"); // -1: none
        QTest::addColumn<QString>("elsewhere"); // "B=3,C=1"
        QTest::addColumn<QString>("loads");     // per agent before>after
        QTest::addColumn<QString>("unassigned"); // before>after
        QTest::addColumn<int>("moveCount");
        QTest::addColumn<QString>("moves");    // checked when not "*"
        QTest::addColumn<QString>("unplaced"); // order IDs, space-separated

        const bool ll = false;
        const bool rr = true;
        QTest::newRow("issue example: 20 with A, 10 unassigned over A, B, C")
            << "A*20,-*10" << "A,B,C" << ll << -1 << ""
            << "A:20>10 B:0>10 C:0>10" << "10>0" << 20 << "*" << "";
        QTest::newRow("tie: the earlier target first")
            << "-*4" << "A,B" << ll << -1 << ""
            << "A:0>2 B:0>2" << "4>0" << 4 << "S1 >A; S2 >B; S3 >A; S4 >B" << "";
        QTest::newRow("tie: the targets' order, not the IDs'")
            << "-*3" << "B,A" << ll << -1 << ""
            << "B:0>2 A:0>1" << "3>0" << 3 << "S1 >B; S2 >A; S3 >B" << "";
        QTest::newRow("tie: the extra session stays with the agent holding more")
            << "A*3,-*2" << "A,B" << ll << -1 << ""
            << "A:3>3 B:0>2" << "2>0" << 2 << "S4 >B; S5 >B" << "";
        QTest::newRow("tie: one extra each, no more")
            << "A*5,-*3" << "A,B,C" << ll << -1 << ""
            << "A:5>3 B:0>3 C:0>2" << "3>0" << 5 << "S4 A>C; S5 A>B; S6 >B; S7 >C; S8 >B" << "";
        QTest::newRow("already placed: no moves")
            << "A*3,B*3,C*3" << "A,B,C" << ll << -1 << ""
            << "A:3>3 B:3>3 C:3>3" << "0>0" << 0 << "" << "";
        QTest::newRow("already placed, interleaved: no moves")
            << "A,B,C,A,B,C" << "A,B,C" << rr << -1 << ""
            << "A:2>2 B:2>2 C:2>2" << "0>0" << 0 << "" << "";
        QTest::newRow("one over the share: only that one moves, the last of A's")
            << "A*4,B*3,C*2" << "A,B,C" << ll << -1 << ""
            << "A:4>3 B:3>3 C:2>3" << "0>0" << 1 << "S4 A>C" << "";
        QTest::newRow("one agent takes everything")
            << "A*2,B*3,-*2" << "A" << ll << -1 << ""
            << "A:2>7 B:3>0" << "2>0" << 5 << "S3 B>A; S4 B>A; S5 B>A; S6 >A; S7 >A" << "";
        QTest::newRow("closed sessions excluded")
            << "!A*5,A*2,-*2" << "A,B" << ll << -1 << ""
            << "A:2>2 B:0>2" << "2>0" << 2 << "S8 >B; S9 >B" << "";
        QTest::newRow("closed only: nothing to do")
            << "!A*3" << "A,B" << ll << -1 << ""
            << "A:0>0 B:0>0" << "0>0" << 0 << "" << "";
        QTest::newRow("agents not among the targets give up their sessions")
            << "D*2,A*2" << "A,B" << ll << -1 << ""
            << "A:2>2 B:0>2 D:2>0" << "0>0" << 2 << "S1 D>B; S2 D>B" << "";
        QTest::newRow("least loaded order")
            << "A,-*4" << "A,B,C" << ll << -1 << ""
            << "A:1>2 B:0>2 C:0>1" << "4>0" << 4 << "S2 >B; S3 >C; S4 >A; S5 >B" << "";
        QTest::newRow("round-robin order")
            << "A,-*4" << "A,B,C" << rr << -1 << ""
            << "A:1>2 B:0>2 C:0>1" << "4>0" << 4 << "S2 >A; S3 >B; S4 >C; S5 >B" << "";
        QTest::newRow("round robin from scratch")
            << "-*5" << "A,B,C" << rr << -1 << ""
            << "A:0>2 B:0>2 C:0>1" << "5>0" << 5 << "S1 >A; S2 >B; S3 >C; S4 >A; S5 >B" << "";
        QTest::newRow("cap below the share: unassigned placed first, A's excess stays")
            << "A*8,-*4" << "A,B,C" << ll << 2 << ""
            << "A:8>8 B:0>2 C:0>2" << "4>0" << 4 << "S9 >B; S10 >C; S11 >B; S12 >C"
            << "S3 S4 S5 S6 S7 S8";
        QTest::newRow("cap leaves sessions unassigned")
            << "-*5" << "A,B" << ll << 2 << ""
            << "A:0>2 B:0>2" << "5>1" << 4 << "S1 >A; S2 >B; S3 >A; S4 >B" << "S5";
        QTest::newRow("cap above the share changes nothing")
            << "A*20,-*10" << "A,B,C" << ll << 50 << ""
            << "A:20>10 B:0>10 C:0>10" << "10>0" << 20 << "*" << "";
        QTest::newRow("cap zero: nothing placed")
            << "-*2,D" << "A" << ll << 0 << ""
            << "A:0>0 D:1>1" << "2>2" << 0 << "" << "S1 S2 S3";
        QTest::newRow("load held elsewhere counts")
            << "-*4" << "A,B" << ll << -1 << "B=3"
            << "A:0>4 B:3>3" << "4>0" << 4 << "S1 >A; S2 >A; S3 >A; S4 >A" << "";
        QTest::newRow("held elsewhere above the cap: no room")
            << "-*3" << "A,B" << ll << 2 << "B=5"
            << "A:0>2 B:5>5" << "3>1" << 2 << "S1 >A; S2 >A" << "S3";
        QTest::newRow("no sessions")
            << "" << "A,B" << ll << -1 << ""
            << "A:0>0 B:0>0" << "0>0" << 0 << "" << "";
    }
    void plan()
    {
        QFETCH(QString, sessions);
        QFETCH(QString, targets);
        QFETCH(bool, roundRobin);
        QFETCH(int, cap);
        QFETCH(QString, elsewhere);
        QFETCH(QString, loads);
        QFETCH(QString, unassigned);
        QFETCH(int, moveCount);
        QFETCH(QString, moves);
        QFETCH(QString, unplaced);

        const QList<BalanceSession> input = parseSessions(sessions);
        BalanceOptions options;
        options.targets = targets.split(QLatin1Char(','));
        options.strategy = roundRobin ? BalanceStrategy::RoundRobin : BalanceStrategy::LeastLoaded;
        if (cap >= 0)
            options.cap = cap;
        for (const QString &kv : elsewhere.split(QLatin1Char(','), Qt::SkipEmptyParts))
            options.heldElsewhere.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1).toInt());

        const BalancePlan plan = planBalance(input, options);
        QVERIFY2(plan.ok(), qPrintable(plan.error));
        QCOMPARE(loadsText(plan), loads);
        QCOMPARE(QStringLiteral("%1>%2").arg(plan.unassignedBefore).arg(plan.unassignedAfter), unassigned);
        QCOMPARE(plan.moves.size(), moveCount);
        if (moves != QLatin1String("*"))
            QCOMPARE(movesText(plan), moves);
        QCOMPARE(plan.unplaced.join(QLatin1Char(' ')), unplaced);

        // The moves agree with the sessions and the loads: each from its current agent to a
        // target; applying them gives the loads after.
        QHash<QString, QString> agentOf;
        for (const BalanceSession &s : input)
            if (s.open)
                agentOf.insert(s.orderId, s.agentId);
        for (const BalanceMove &m : plan.moves) {
            QVERIFY(agentOf.contains(m.orderId)); // never a closed one
            QCOMPARE(m.from, agentOf.value(m.orderId));
            QVERIFY(options.targets.contains(m.to));
            QVERIFY(m.to != m.from);
            agentOf[m.orderId] = m.to;
        }
        for (const BalanceAgentLoad &a : plan.agents)
            QCOMPARE(int(std::count(agentOf.begin(), agentOf.end(), a.agentId)) + options.heldElsewhere.value(a.agentId),
                     a.after);
        QCOMPARE(int(std::count(agentOf.begin(), agentOf.end(), QString())), plan.unassignedAfter);
        QCOMPARE(plan.closedExcluded, int(input.size() - agentOf.size()));
        // The same input, the same plan.
        QCOMPARE(movesText(planBalance(input, options)), movesText(plan));
    }

    void refused_data()
    {
        QTest::addColumn<QStringList>("targets");
        QTest::addColumn<int>("cap");
        QTest::addColumn<QString>("message");
        QTest::newRow("no targets") << QStringList{} << -1 << "Choose at least one agent to balance the sessions over.";
        QTest::newRow("blank target") << QStringList{QStringLiteral("A"), QStringLiteral(" ")} << -1
                                      << "An agent ID to balance over is empty.";
        QTest::newRow("target twice") << QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("A")} << -1
                                      << "Agent A is named twice.";
        QTest::newRow("negative cap") << QStringList{QStringLiteral("A")} << -2 << "The cap per agent must be zero or more.";
    }
    void refused()
    {
        QFETCH(QStringList, targets);
        QFETCH(int, cap);
        QFETCH(QString, message);
        BalanceOptions options;
        options.targets = targets;
        if (cap != -1)
            options.cap = cap;
        const BalancePlan plan = planBalance(parseSessions(QStringLiteral("-*3,A")), options);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error, message);
        QVERIFY(plan.moves.isEmpty());
        QVERIFY(plan.agents.isEmpty());
    }

    // At scale the counts are even to one session and the moves are the fewest: every target
    // keeps what it may.
    void largeIsEvenAndMinimal()
    {
        QList<BalanceSession> sessions;
        QStringList targets;
        for (int a = 0; a < 200; ++a)
            targets << QStringLiteral("agent-%1").arg(a);
        // Skewed: agent-0..9 hold most, a third unassigned, some closed, some with others.
        for (int i = 0; i < 100000; ++i) {
            QString agent;
            if (i % 3 == 1)
                agent = targets[(i / 3) % 10];
            else if (i % 3 == 2)
                agent = targets[(i * 7) % 200];
            else if (i % 50 == 0)
                agent = QStringLiteral("gone-%1").arg(i % 4);
            sessions.append({QStringLiteral("ORD-%1").arg(i), agent, i % 97 != 0});
        }
        BalanceOptions options;
        options.targets = targets;
        const BalancePlan plan = planBalance(sessions, options);
        QVERIFY(plan.ok());
        int lo = INT_MAX, hi = 0, kept = 0;
        for (const BalanceAgentLoad &a : plan.agents) {
            if (!a.target) {
                QCOMPARE(a.after, 0);
                continue;
            }
            lo = std::min(lo, a.after);
            hi = std::max(hi, a.after);
            kept += std::min(a.before, a.after);
        }
        QVERIFY2(hi - lo <= 1, qPrintable(QStringLiteral("%1..%2").arg(lo).arg(hi)));
        QCOMPARE(plan.unassignedAfter, 0);
        QCOMPARE(plan.moves.size(), plan.openSessions - kept);
    }
};

QTEST_GUILESS_MAIN(TestBalancePlan)
#include "tst_balanceplan.moc"
