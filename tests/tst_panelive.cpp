// The detail pane stays true to the server while the list hides the session it shows: a filter
// (the list's or the Team view's) can take the shown row out of the list without closing the
// pane, and an answer for that session must still reach the pane (found in a supervisor's
// click-through: after a Balance run the pane kept "No agent assigned" for a session it had
// just assigned).
#include "detailpane.h"
#include "guitest.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace sd;
using namespace sd::ui;

class TestPaneLive : public GuiTest
{
    Q_OBJECT

    QString agentCardText() const
    {
        return m_window->detailPane()->findChild<QLabel *>(QStringLiteral("agentText"))->text();
    }
    // Another agent's change, made on the server behind the window's back.
    void assignElsewhere(const QString &orderId, const QString &agentId)
    {
        ApiClient other;
        ClientConfig c;
        c.baseUrl = m_server->baseUrl();
        other.setConfig(c);
        Agent agent;
        agent.id = agentId.toStdString();
        SupportReply *r = other.assignAgent(orderId, agent);
        QSignalSpy done(r, &ApiReply::finished);
        QVERIFY(done.wait(10000));
        QVERIFY2(r->isOk(), qPrintable(r->error().message()));
    }

private Q_SLOTS:
    void initTestCase() { setUpApplication(); }
    void init()
    {
        resetLocalState();
        startServer();
        useServerProfile();
        makeWindow();
    }
    void cleanup() { tearDown(); }

    void paneFollowsAnswersForAHiddenSession()
    {
        const QString shown = QStringLiteral("ORD-100001"), other = QStringLiteral("ORD-100002");
        paste({shown, other});
        clickRow(shown);
        QCOMPARE(m_window->detailPane()->orderId(), shown);

        // The list's filter hides the shown session; the pane keeps it.
        auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
        filter->setFocus();
        QTest::keyClicks(filter, other);
        QTRY_VERIFY(!m_window->selectedOrderIds().contains(shown));
        QCOMPARE(m_window->detailPane()->orderId(), shown);

        assignElsewhere(shown, QStringLiteral("agent-7777"));
        QVERIFY(!agentCardText().contains(QStringLiteral("agent-7777")));

        m_requests.clear();
        m_window->findChild<QAction *>(QStringLiteral("refreshAll"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(requestsOf("GET", shown), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);
        QTRY_VERIFY2(agentCardText().contains(QStringLiteral("agent-7777")), qPrintable(agentCardText()));
    }
};

QTEST_MAIN(TestPaneLive)
#include "tst_panelive.moc"
