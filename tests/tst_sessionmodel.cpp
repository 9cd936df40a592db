// The session list model: sorting, filtering and incremental updates, checked for consistent
// model signals by QAbstractItemModelTester.
#include "sessionmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace sd;
using namespace sd::ui;

namespace {

SessionSummary row(const QString &id, const QString &agent, const QString &phone = {})
{
    SessionSummary s;
    s.orderId = id;
    s.state = SessionState::Open;
    s.agentName = agent;
    s.agentId = agent.isEmpty() ? QString() : agent.toLower();
    s.phone = phone;
    return s;
}

QStringList column(const SessionModel &m, int c)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, c).data().toString();
    return out;
}

} // namespace

class TestSessionModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void removeKeepsOrderFilterAndMarks()
    {
        SessionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SessionTable table;
        for (const char *name : {"Dora", "anna", "Cleo", "Bert", "Emil"})
            table.upsert(row(QStringLiteral("ORD-%1").arg(table.size() + 1), QString::fromLatin1(name)));
        model.setTable(std::move(table));
        model.sort(SessionModel::AgentColumn, Qt::AscendingOrder);
        model.setPending(QStringLiteral("ORD-5"), true);
        model.setChanged(QStringLiteral("ORD-4"), true);
        model.setFilterText(QStringLiteral("e")); // Bert, Cleo, Emil

        QCOMPARE(model.remove({QStringLiteral("ORD-3"), QStringLiteral("ORD-1"), QStringLiteral("ORD-404")}), 2);
        QCOMPARE(model.totalCount(), 3);
        QCOMPARE(column(model, SessionModel::AgentColumn), (QStringList{QStringLiteral("Bert"), QStringLiteral("Emil")}));
        QVERIFY(model.isPending(QStringLiteral("ORD-5")));
        QVERIFY(!model.isPending(QStringLiteral("ORD-4")));
        QCOMPARE(model.changedCount(), 1);
        QVERIFY(model.indexOf(QStringLiteral("ORD-4")).data(SessionModel::ChangedRole).toBool());
        model.setFilterText({});
        QCOMPARE(column(model, SessionModel::AgentColumn),
                 (QStringList{QStringLiteral("anna"), QStringLiteral("Bert"), QStringLiteral("Emil")}));
        // Back again: at its sorted place.
        model.upsert(row(QStringLiteral("ORD-3"), QStringLiteral("Cleo")));
        QCOMPARE(column(model, SessionModel::AgentColumn),
                 (QStringList{QStringLiteral("anna"), QStringLiteral("Bert"), QStringLiteral("Cleo"), QStringLiteral("Emil")}));
    }

    void sortFilterAndUpdate()
    {
        SessionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SessionTable table;
        table.upsert(row(QStringLiteral("ORD-3"), QStringLiteral("Cleo")));
        table.upsert(row(QStringLiteral("ORD-1"), QStringLiteral("anna")));
        table.upsert(row(QStringLiteral("ORD-2"), QStringLiteral("Bert"), QStringLiteral("+49 30 1")));
        model.setTable(std::move(table));
        QCOMPARE(model.rowCount(), 3);

        model.sort(SessionModel::AgentColumn, Qt::AscendingOrder);
        QCOMPARE(column(model, SessionModel::AgentColumn), (QStringList{QStringLiteral("anna"), QStringLiteral("Bert"), QStringLiteral("Cleo")}));
        // A selection follows its session through a sort.
        QPersistentModelIndex cleo = model.indexOf(QStringLiteral("ORD-3"));
        model.sort(SessionModel::AgentColumn, Qt::DescendingOrder);
        QCOMPARE(cleo.row(), 0);
        QCOMPARE(cleo.data(SessionModel::OrderIdRole).toString(), QStringLiteral("ORD-3"));
        model.sort(SessionModel::AgentColumn, Qt::AscendingOrder);

        // A new session appears at its sorted place.
        model.upsert(row(QStringLiteral("ORD-9"), QStringLiteral("Bea")));
        QCOMPARE(column(model, SessionModel::AgentColumn), (QStringList{QStringLiteral("anna"), QStringLiteral("Bea"), QStringLiteral("Bert"), QStringLiteral("Cleo")}));

        // Filtering by phone digits, then typing on, then widening again.
        QSignalSpy counts(&model, &SessionModel::visibleCountChanged);
        model.setFilterText(QStringLiteral("+4930"));
        QCOMPARE(model.visibleOrderIds(), QStringList{QStringLiteral("ORD-2")});
        QCOMPARE(counts.last().at(0).toInt(), 1);
        QCOMPARE(counts.last().at(1).toInt(), 4);
        model.setFilterText(QStringLiteral("b"));
        QCOMPARE(model.visibleOrderIds(), (QStringList{QStringLiteral("ORD-9"), QStringLiteral("ORD-2")}));
        model.setFilterText(QStringLiteral("be"));
        QCOMPARE(model.visibleOrderIds(), (QStringList{QStringLiteral("ORD-9"), QStringLiteral("ORD-2")}));
        model.setFilterText(QStringLiteral("ber"));
        QCOMPARE(model.visibleOrderIds(), QStringList{QStringLiteral("ORD-2")});

        // An update that stops matching leaves the view; one that starts matching joins it.
        model.upsert(row(QStringLiteral("ORD-2"), QStringLiteral("Dora")));
        QCOMPARE(model.rowCount(), 0);
        model.upsert(row(QStringLiteral("ORD-1"), QStringLiteral("Berta")));
        QCOMPARE(model.visibleOrderIds(), QStringList{QStringLiteral("ORD-1")});

        // Cleared: the full list in the order of the (updated) sort keys.
        model.setFilterText(QString());
        QCOMPARE(column(model, SessionModel::AgentColumn), (QStringList{QStringLiteral("Bea"), QStringLiteral("Berta"), QStringLiteral("Cleo"), QStringLiteral("Dora")}));
        QCOMPARE(model.totalCount(), 4);
    }

    void scopesAndStates()
    {
        SessionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SessionTable table;
        table.upsert(row(QStringLiteral("A"), QStringLiteral("Me")));
        table.upsert(row(QStringLiteral("B"), QString()));
        SessionSummary closed = row(QStringLiteral("C"), QStringLiteral("Other"));
        closed.state = SessionState::Closed;
        table.upsert(closed);
        model.setTable(std::move(table));
        model.setScope(SessionModel::Scope::Mine, QStringLiteral("me"));
        QCOMPARE(model.visibleOrderIds(), QStringList{QStringLiteral("A")});
        model.setScope(SessionModel::Scope::Unassigned, QString());
        QCOMPARE(model.visibleOrderIds(), QStringList{QStringLiteral("B")});
        model.setScope(SessionModel::Scope::All, QString());
        model.setStateFilter(SessionState::Closed);
        QCOMPARE(model.visibleOrderIds(), QStringList{QStringLiteral("C")});
        model.setStateFilter(std::nullopt);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.firstOrderIdWithPrefix(QStringLiteral("c")), QStringLiteral("C"));
        model.setPending(QStringLiteral("B"), true);
        QVERIFY(model.isPending(QStringLiteral("B")));
        QVERIFY(model.indexOf(QStringLiteral("B"), SessionModel::StatusColumn).data(SessionModel::PendingRole).toBool());
        model.setChanged(QStringLiteral("A"), true);
        QCOMPARE(model.changedCount(), 1);
    }

    void importOfManyKeepsTheSort()
    {
        SessionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.sort(SessionModel::OrderIdColumn, Qt::DescendingOrder);
        std::vector<SessionSummary> many;
        for (int i = 0; i < 500; ++i)
            many.push_back(row(QStringLiteral("ID-%1").arg(i, 3, 10, QLatin1Char('0')), QString()));
        model.upsertMany(many);
        QCOMPARE(model.rowCount(), 500);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("ID-499"));
        QCOMPARE(model.index(499, 0).data().toString(), QStringLiteral("ID-000"));
    }
};

QTEST_MAIN(TestSessionModel)
#include "tst_sessionmodel.moc"
