// The Team view's counts (core): open sessions per agent and unassigned, per change.
#include "sessiontable.h"
#include "teamload.h"

#include <QTest>

using namespace sd;

class TestTeamLoad : public QObject
{
    Q_OBJECT

    static SessionSummary row(const QString &id, const QString &agent, SessionState state = SessionState::Open)
    {
        SessionSummary s;
        s.orderId = id;
        s.agentId = agent;
        s.agentName = agent.isEmpty() ? QString() : QStringLiteral("Name of ") + agent;
        s.state = state;
        return s;
    }

private Q_SLOTS:
    void loadCountsOpenRowsOnly()
    {
        SessionTable table;
        table.upsert(row(QStringLiteral("1"), QStringLiteral("A")));
        table.upsert(row(QStringLiteral("2"), QStringLiteral("A")));
        table.upsert(row(QStringLiteral("3"), QStringLiteral("B")));
        table.upsert(row(QStringLiteral("4"), QString()));
        table.upsert(row(QStringLiteral("5"), QStringLiteral("B"), SessionState::Closed));
        table.upsert(row(QStringLiteral("6"), QStringLiteral("C"), SessionState::NotFound));
        table.upsert(row(QStringLiteral("7"), QStringLiteral("C"), SessionState::Unknown));
        table.upsert(row(QStringLiteral("8"), QStringLiteral("Zoë")));
        TeamLoad load;
        load.load(table);
        QCOMPARE(load.count(QStringLiteral("A")), 2);
        QCOMPARE(load.count(QStringLiteral("B")), 1);
        QCOMPARE(load.count(QStringLiteral("C")), 0);
        QCOMPARE(load.count(QStringLiteral("Zoë")), 1); // UTF-8 keys
        QCOMPARE(load.count(QStringLiteral("nobody")), 0);
        QCOMPARE(load.unassigned(), 1);
        QCOMPARE(load.count(QString()), 1);
        QCOMPARE(load.total(), 5);
        QCOMPARE(load.agents(), (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("Zoë")}));
        // Loading again starts over.
        load.load(table);
        QCOMPARE(load.total(), 5);
    }

    void changes_data()
    {
        QTest::addColumn<QString>("agentBefore");
        QTest::addColumn<bool>("openBefore");
        QTest::addColumn<QString>("agentAfter");
        QTest::addColumn<bool>("openAfter");
        QTest::addColumn<int>("a");
        QTest::addColumn<int>("b");
        QTest::addColumn<int>("unassigned");
        // Start: A 2, B 1, unassigned 1 (the session changed is one of them, or new).
        QTest::newRow("reassigned A to B") << "A" << true << "B" << true << 1 << 2 << 1;
        QTest::newRow("assigned") << "" << true << "A" << true << 3 << 1 << 0;
        QTest::newRow("unassigned") << "B" << true << "" << true << 2 << 0 << 2;
        QTest::newRow("closed") << "A" << true << "A" << false << 1 << 1 << 1;
        QTest::newRow("reopened (found again)") << "B" << false << "B" << true << 2 << 2 << 1;
        QTest::newRow("closed elsewhere, agent changed too") << "A" << true << "B" << false << 1 << 1 << 1;
        QTest::newRow("no change") << "A" << true << "A" << true << 2 << 1 << 1;
        QTest::newRow("closed stays closed") << "A" << false << "B" << false << 2 << 1 << 1;
    }
    void changes()
    {
        QFETCH(QString, agentBefore);
        QFETCH(bool, openBefore);
        QFETCH(QString, agentAfter);
        QFETCH(bool, openAfter);
        QFETCH(int, a);
        QFETCH(int, b);
        QFETCH(int, unassigned);
        TeamLoad load;
        load.add(QStringLiteral("A"));
        load.add(QStringLiteral("A"));
        load.add(QStringLiteral("B"));
        load.add(QString());
        load.add(QStringLiteral("B"), false); // a closed one counts nowhere
        QCOMPARE(load.total(), 4);
        load.change(agentBefore, openBefore, agentAfter, openAfter);
        QCOMPARE(load.count(QStringLiteral("A")), a);
        QCOMPARE(load.count(QStringLiteral("B")), b);
        QCOMPARE(load.unassigned(), unassigned);
        QCOMPARE(load.total(), a + b + unassigned);
        QCOMPARE(load.agents().size(), int(a > 0) + int(b > 0));
    }

    void removeAndOutOfStepCallers()
    {
        TeamLoad load;
        load.add(QStringLiteral("A"));
        load.remove(QStringLiteral("A"));
        QCOMPARE(load.count(QStringLiteral("A")), 0);
        QVERIFY(load.agents().isEmpty());
        // Removing what was never counted leaves every count at zero, never below.
        load.remove(QStringLiteral("A"));
        load.remove(QString());
        QCOMPARE(load.count(QStringLiteral("A")), 0);
        QCOMPARE(load.unassigned(), 0);
        QCOMPARE(load.total(), 0);
        load.add(QStringLiteral("A"));
        QCOMPARE(load.count(QStringLiteral("A")), 1);
        QCOMPARE(load.total(), 1);
        load.clear();
        QCOMPARE(load.total(), 0);
        QCOMPARE(load.agentCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTeamLoad)
#include "tst_teamload.moc"
