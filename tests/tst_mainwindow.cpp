// The real main window, offscreen, against an in-process sandbox: open, create, edit and save,
// assign, reassign, unassign, close, filter, sort, go to order, error banners, drafts that
// survive a failed save and a restart, and the German translation.
#include "auditlog.h"
#include "auditviewer.h"
#include "bulkdialogs.h"
#include "conflictdialog.h"
#include "detailpane.h"
#include "mainwindow.h"
#include "requestlog.h"
#include "sandboxserver.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QTableWidget>
#include <QListView>
#include <QLabel>
#include <QFont>
#include <QPushButton>
#include <QUndoStack>
#include <QTemporaryDir>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QDialog>
#include <QDialogButtonBox>
#include <QMenuBar>
#include <QRegularExpression>
#include <QLineEdit>
#include <QSettings>
#include <QStatusBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QScopeGuard>
#include <QToolButton>

#include <functional>
#include <sys/stat.h>
#include <memory>

using namespace sd;
using namespace sd::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<MainWindow> m_window;
    ServerProfile m_profile;
    QStringList m_confirmations;
    QStringList m_conflicts;
    bool m_pickMine = false;
    int m_conflictFields = 0;
    QTemporaryDir m_tmp;

    QStringList importSeeded(int count)
    {
        QStringList ids;
        for (int i = 0; i < count; ++i)
            ids << ((i % 17 == 16) ? QStringLiteral("ORD/2026/%1") : QStringLiteral("ORD-%1")).arg(100001 + i);
        m_window->importOrderIds(ids);
        for (const QString &id : ids)
            if (!QTest::qWaitFor([&] { return entry(id) && entry(id)->state == SessionState::Open; }, 10000))
                return {};
        return ids;
    }

    QString serverAgent(const QString &id)
    {
        const auto parsed = parseSupport(m_server->sessionJson(id).toStdString());
        return parsed.ok() && parsed.value->agent ? QString::fromStdString(*parsed.value->agent->id) : QString();
    }

    void makeWindow()
    {
        m_window = std::make_unique<MainWindow>(QList<ServerProfile>{m_profile}, m_profile.id);
        m_window->setConfirmHandler([this](const QString &, const QString &text) {
            m_confirmations << text;
            return true;
        });
        m_window->setConflictResolver([this](const QString &id, const Support &theirs, const Support &mine,
                                             const std::optional<Support> &base) -> std::optional<Support> {
            m_conflicts << id;
            if (!m_pickMine)
                return std::nullopt; // "keep mine as a draft"
            ConflictDialog dialog(id, theirs, mine, base);
            m_conflictFields = dialog.fieldCount();
            return dialog.merged(); // the default choice: mine where I changed, theirs elsewhere
        });
        m_window->show();
    }

    // Runs `fill` on the next modal dialog, then accepts it.
    void onNextDialog(std::function<void(QDialog *)> fill)
    {
        auto *timer = new QTimer(this);
        timer->setInterval(10);
        connect(timer, &QTimer::timeout, this, [timer, fill] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            timer->stop();
            timer->deleteLater();
            fill(dialog);
            dialog->accept();
        });
        timer->start();
    }

    // Waits until an operation on `orderId` has finished (through the event loop).
    bool waitForOperation(const QString &orderId)
    {
        QSignalSpy spy(m_window.get(), &MainWindow::operationFinished);
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 15000) {
            for (const auto &args : std::as_const(spy))
                if (args.at(0).toString() == orderId)
                    return true;
            spy.wait(100);
        }
        return false;
    }

    std::optional<WorkspaceEntry> entry(const QString &id) { return m_window->entry(id); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        qputenv("SUPPORTDESK_AUDIT_LOG", m_tmp.filePath(QStringLiteral("audit-%1.log")
                                                            .arg(QString::fromLatin1(QTest::currentTestFunction()))).toUtf8());
        QSettings().clear();
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
        m_server = std::make_unique<SandboxServer>();
        m_server->seed(30);
        const QUrl url = m_server->start();
        QVERIFY(url.isValid());
        m_profile = ServerProfile{};
        m_profile.id = QStringLiteral("test");
        m_profile.name = QStringLiteral("Test");
        m_profile.baseUrl = url;
        m_profile.refreshIntervalSeconds = 0;
        m_profile.myAgentId = QStringLiteral("agent-1006");
        m_confirmations.clear();
        m_conflicts.clear();
        m_pickMine = false;
        makeWindow();
    }

    void cleanup()
    {
        m_window.reset();
        m_server.reset();
    }

    void actionsHaveNamesAndShortcuts()
    {
        for (const char *name : {"newSession", "openOrder", "goToOrder", "refresh", "refreshAll",
                                 "closeSession", "save", "assignAgent", "unassignAgent",
                                 "shortcuts", "showRequestLog"}) {
            QAction *a = m_window->action(QString::fromLatin1(name));
            QVERIFY2(a, name);
            QVERIFY2(!a->shortcut().isEmpty(), name);
        }
        QCOMPARE(m_window->action(QStringLiteral("goToOrder"))->shortcut(), QKeySequence(QStringLiteral("Ctrl+L")));
        QCOMPARE(m_window->action(QStringLiteral("refresh"))->shortcut(), QKeySequence(Qt::Key_F5));
    }

    void openOrderThroughTheAction()
    {
        onNextDialog([](QDialog *d) { d->findChild<QLineEdit *>()->setText(QStringLiteral("ORD-100003")); });
        m_window->action(QStringLiteral("openOrder"))->trigger();
        QVERIFY(waitForOperation(QStringLiteral("ORD-100003")));
        QCOMPARE(entry(QStringLiteral("ORD-100003"))->state, SessionState::Open);
        QCOMPARE(m_window->selectedOrderId(), QStringLiteral("ORD-100003"));
        QCOMPARE(m_window->sessionModel()->rowCount(), 1);
        QVERIFY(m_window->detailPane()->findChild<QLineEdit *>(QStringLiteral("callbackPhone"))->text().startsWith(QStringLiteral("+49")));
    }

    void createThroughTheDialog()
    {
        onNextDialog([](QDialog *d) {
            d->findChild<QLineEdit *>(QStringLiteral("orderId"))->setText(QStringLiteral("NEW/7"));
            d->findChild<QLineEdit *>(QStringLiteral("callbackPhone"))->setText(QStringLiteral("+1 555 0100"));
            d->findChild<QLineEdit *>(QStringLiteral("topic"))->setText(QStringLiteral("Broken lid"));
        });
        m_window->action(QStringLiteral("newSession"))->trigger();
        QVERIFY(waitForOperation(QStringLiteral("NEW/7")));
        QVERIFY(m_server->hasSession(QStringLiteral("NEW/7")));
        QVERIFY(m_server->sessionJson(QStringLiteral("NEW/7")).contains("Broken lid"));
        QCOMPARE(entry(QStringLiteral("NEW/7"))->state, SessionState::Open);
    }

    void editAndSaveKeepsUnknownFields()
    {
        QVERIFY(m_server->putSessionJson(QStringLiteral("E-1"), R"({"callback_phone":"+1 555 0101","x_keep":{"a":1}})"));
        m_window->openOrder(QStringLiteral("E-1"));
        QVERIFY(waitForOperation(QStringLiteral("E-1")));
        auto *phone = m_window->detailPane()->findChild<QLineEdit *>(QStringLiteral("callbackPhone"));
        auto *chat = m_window->detailPane()->findChild<QLineEdit *>(QStringLiteral("chatSession"));
        QVERIFY(!m_window->action(QStringLiteral("save"))->isEnabled());
        phone->setText(QStringLiteral("not a phone"));
        // Invalid input: Save sends nothing and says why.
        const qint64 requestsBefore = m_server->requestCount();
        m_window->action(QStringLiteral("save"))->trigger();
        QCOMPARE(m_window->statusBar()->currentMessage(), DetailPane::phoneProblemText());
        QVERIFY(phone->hasFocus() || !m_window->isActiveWindow());
        QCOMPARE(m_server->requestCount(), requestsBefore);
        phone->setText(QStringLiteral("+44 20 7946 0000"));
        chat->setText(QStringLiteral("CS-42"));
        QVERIFY(m_window->action(QStringLiteral("save"))->isEnabled());
        m_window->action(QStringLiteral("save"))->trigger();
        QVERIFY(waitForOperation(QStringLiteral("E-1")));
        const QByteArray stored = m_server->sessionJson(QStringLiteral("E-1"));
        QVERIFY(stored.contains("+44 20 7946 0000"));
        QVERIFY(stored.contains("CS-42"));
        QVERIFY(stored.contains("x_keep"));
        QVERIFY(!entry(QStringLiteral("E-1"))->draft);
    }

    void assignReassignUnassignClose()
    {
        const QString id = QStringLiteral("ORD-100006"); // seeded without an agent
        m_window->openOrder(id);
        QVERIFY(waitForOperation(id));
        QVERIFY(!entry(id)->support->agent);
        onNextDialog([](QDialog *d) {
            d->findChild<QLineEdit *>(QStringLiteral("agentId"))->setText(QStringLiteral("agent-5"));
            d->findChild<QLineEdit *>(QStringLiteral("agentName"))->setText(QStringLiteral("Lena Novak"));
            d->findChild<QLineEdit *>(QStringLiteral("agentEmail"))->setText(QStringLiteral("lena@example.org"));
        });
        m_window->action(QStringLiteral("assignAgent"))->trigger();
        QVERIFY(waitForOperation(id));
        QCOMPARE(*entry(id)->support->agent->id, std::string("agent-5"));
        QVERIFY(m_server->sessionJson(id).contains("lena@example.org"));

        // Reassign: the dialog starts from the current agent.
        onNextDialog([](QDialog *d) {
            auto *agentId = d->findChild<QLineEdit *>(QStringLiteral("agentId"));
            QCOMPARE(agentId->text(), QStringLiteral("agent-5"));
            agentId->setText(QStringLiteral("agent-9"));
            d->findChild<QLineEdit *>(QStringLiteral("agentName"))->setText(QStringLiteral("Omar Haddad"));
        });
        m_window->action(QStringLiteral("assignAgent"))->trigger();
        QVERIFY(waitForOperation(id));
        QCOMPARE(*entry(id)->support->agent->id, std::string("agent-9"));

        m_window->action(QStringLiteral("unassignAgent"))->trigger();
        QVERIFY(waitForOperation(id));
        QVERIFY(!entry(id)->support->agent);
        QVERIFY(!m_server->sessionJson(id).contains("\"agent\""));

        m_window->action(QStringLiteral("closeSession"))->trigger();
        QVERIFY(waitForOperation(id));
        QCOMPARE(m_confirmations.size(), 1);
        QVERIFY(m_confirmations.first().contains(id));
        QVERIFY(m_confirmations.first().contains(QStringLiteral("cannot")));
        QCOMPARE(entry(id)->state, SessionState::Closed);
        QVERIFY(!m_server->hasSession(id));
        QVERIFY(!m_window->action(QStringLiteral("closeSession"))->isEnabled());
    }

    void closeNeedsConfirmation()
    {
        m_window->openOrder(QStringLiteral("ORD-100001"));
        QVERIFY(waitForOperation(QStringLiteral("ORD-100001")));
        m_window->setConfirmHandler([](const QString &, const QString &) { return false; });
        m_window->action(QStringLiteral("closeSession"))->trigger();
        QCOMPARE(m_window->client()->requestsInFlight(), 0);
        QVERIFY(m_server->hasSession(QStringLiteral("ORD-100001")));
    }

    // The clear buttons of the filter and of Go to order are made after the window's first frame
    // (issue 12: their icon is the first image read); they are there once text is typed, and
    // clicking one empties its field.
    void clearButtonsEmptyTheFilterAndGoTo()
    {
        const QStringList ids = {QStringLiteral("ORD-100001"), QStringLiteral("ORD-100002"), QStringLiteral("ORD-100003")};
        QCOMPARE(m_window->importOrderIds(ids), 3);
        SessionModel *model = m_window->sessionModel();
        QCOMPARE(model->rowCount(), 3);
        const auto clearButton = [](QLineEdit *edit) -> QToolButton * {
            for (QToolButton *b : edit->findChildren<QToolButton *>())
                if (b->isVisible() && b->isEnabled())
                    return b;
            return nullptr;
        };
        auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
        filter->setFocus();
        QTest::keyClicks(filter, QStringLiteral("100002"));
        QCOMPARE(model->rowCount(), 1);
        QTRY_VERIFY(clearButton(filter));
        QTest::mouseClick(clearButton(filter), Qt::LeftButton);
        QCOMPARE(filter->text(), QString());
        QCOMPARE(model->rowCount(), 3);

        auto *goTo = m_window->findChild<QLineEdit *>(QStringLiteral("goToEdit"));
        goTo->setFocus();
        QTest::keyClicks(goTo, QStringLiteral("ORD-100003"));
        QTRY_VERIFY(clearButton(goTo));
        QTest::mouseClick(clearButton(goTo), Qt::LeftButton);
        QCOMPARE(goTo->text(), QString());
    }

    void filterSortAndGoTo()
    {
        QStringList ids;
        for (int i = 0; i < 30; ++i)
            ids << ((i % 17 == 16) ? QStringLiteral("ORD/2026/%1") : QStringLiteral("ORD-%1")).arg(100001 + i);
        QCOMPARE(m_window->importOrderIds(ids), 30);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);
        SessionModel *model = m_window->sessionModel();
        QTRY_VERIFY(m_window->entry(QStringLiteral("ORD-100030"))->state == SessionState::Open);
        QCOMPARE(model->rowCount(), 30);

        auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
        filter->setText(QStringLiteral("ORD/2026"));
        QCOMPARE(model->rowCount(), 1);
        filter->setText(QStringLiteral("+49 30")); // phone
        QCOMPARE(model->rowCount(), 30);
        filter->clear();

        // Sort by agent, descending, through the header.
        m_window->sessionView()->sortByColumn(SessionModel::AgentColumn, Qt::DescendingOrder);
        const QString first = model->index(0, SessionModel::AgentColumn).data().toString();
        const QString last = model->index(29, SessionModel::AgentColumn).data().toString();
        QVERIFY2(first.toLower() >= last.toLower(), qPrintable(first + QStringLiteral(" / ") + last));

        // Go to order as you type.
        auto *goTo = m_window->findChild<QLineEdit *>(QStringLiteral("goToEdit"));
        m_window->action(QStringLiteral("goToOrder"))->trigger();
        QTest::keyClicks(goTo, QStringLiteral("ORD-10002"));
        QCOMPARE(m_window->selectedOrderId().left(9), QStringLiteral("ORD-10002"));
        goTo->clear();
        QTest::keyClicks(goTo, QStringLiteral("ord/"));
        QCOMPARE(m_window->selectedOrderId(), QStringLiteral("ORD/2026/100017"));

        // "Unassigned" quick filter.
        auto *scope = m_window->findChild<QComboBox *>(QStringLiteral("scopeFilter"));
        scope->setCurrentIndex(2);
        QVERIFY(model->rowCount() > 0 && model->rowCount() < 30);
        for (int r = 0; r < model->rowCount(); ++r)
            QVERIFY(model->index(r, SessionModel::AgentColumn).data().toString().isEmpty());

        // A long import (one model reset): duplicates and sessions already listed are skipped,
        // the new ones appear in the sorted list.
        scope->setCurrentIndex(0);
        QStringList more = {QStringLiteral("ORD-100001"), QStringLiteral("NEW-7"), QStringLiteral("NEW-7")};
        for (int i = 0; i < 100; ++i)
            more << QStringLiteral("NEW-%1").arg(i);
        QCOMPARE(m_window->importOrderIds(more), 100);
        QCOMPARE(model->totalCount(), 130);
        QCOMPARE(model->rowCount(), 130);
        QVERIFY(model->indexOf(QStringLiteral("NEW-99")).isValid());
        QVERIFY(m_window->entry(QStringLiteral("NEW-42")));
    }

    void closingDuringABulkRunKeepsTheList()
    {
        QStringList ids;
        for (int i = 0; i < 80; ++i)
            ids << QStringLiteral("ORD-%1").arg(100001 + i);
        QCOMPARE(m_window->importOrderIds(ids), 80);
        QVERIFY(m_window->client()->requestsInFlight() > 0);
        m_window.reset(); // mid-run: the run, its replies and the client go together
        makeWindow();
        QCOMPARE(m_window->sessionModel()->totalCount(), 80); // saved on the way out
    }

    void bannerWhenServerIsDown()
    {
        m_window->openOrder(QStringLiteral("ORD-100002"));
        QVERIFY(waitForOperation(QStringLiteral("ORD-100002")));
        m_server.reset(); // the server goes away
        ClientConfig c = m_window->client()->config();
        c.retry.maxRetries = 0;
        m_window->client()->setConfig(c);
        m_window->action(QStringLiteral("refresh"))->trigger();
        QVERIFY(waitForOperation(QStringLiteral("ORD-100002")));
        QVERIFY2(m_window->detailPane()->bannerText().contains(QStringLiteral("could not be reached")),
                 qPrintable(m_window->detailPane()->bannerText()));
        QVERIFY(m_window->detailPane()->findChild<QWidget *>(QStringLiteral("retryButton"))->isVisible());
        QVERIFY(entry(QStringLiteral("ORD-100002"))->support.has_value()); // last copy kept
    }

    void bannerFor404And409()
    {
        m_window->openOrder(QStringLiteral("NOPE-1"));
        QVERIFY(waitForOperation(QStringLiteral("NOPE-1")));
        QCOMPARE(entry(QStringLiteral("NOPE-1"))->state, SessionState::NotFound);
        // Not found is a state the pane shows, not a failure banner (issue 11, bug 6).
        QVERIFY2(m_window->detailPane()->bannerText().isEmpty(), qPrintable(m_window->detailPane()->bannerText()));

        m_window->createSession(QStringLiteral("ORD-100004"), Support{});
        QVERIFY(waitForOperation(QStringLiteral("ORD-100004")));
        QVERIFY2(m_window->detailPane()->bannerText().contains(QStringLiteral("409")),
                 qPrintable(m_window->detailPane()->bannerText()));
    }

    void conflictKeepsTheEditAsDraft()
    {
        m_window->openOrder(QStringLiteral("ORD-100005"));
        QVERIFY(waitForOperation(QStringLiteral("ORD-100005")));
        QVERIFY(m_server->putSessionJson(QStringLiteral("ORD-100005"), R"({"callback_phone":"+1 999"})")); // someone else
        m_window->detailPane()->findChild<QLineEdit *>(QStringLiteral("chatSession"))->setText(QStringLiteral("MINE"));
        m_window->saveSelected();
        QVERIFY(waitForOperation(QStringLiteral("ORD-100005")));
        QVERIFY(m_window->detailPane()->bannerText().contains(QStringLiteral("someone else")));
        QVERIFY(entry(QStringLiteral("ORD-100005"))->draft.has_value());
        QVERIFY(m_server->sessionJson(QStringLiteral("ORD-100005")).contains("+1 999")); // not overwritten
    }

    void conflictChoosesPerField()
    {
        const QString id = QStringLiteral("ORD-100008");
        m_window->openOrder(id);
        QVERIFY(waitForOperation(id));
        // Someone else changes the topic; I change the chat session.
        auto parsed = parseSupport(m_server->sessionJson(id).toStdString());
        parsed.value->descriptor->name = "Changed by them";
        QVERIFY(m_server->putSessionJson(id, QByteArray::fromStdString(serialize(*parsed.value))));
        m_window->detailPane()->findChild<QLineEdit *>(QStringLiteral("chatSession"))->setText(QStringLiteral("MINE-1"));
        m_pickMine = true;
        m_window->saveSelected();
        QTRY_COMPARE_WITH_TIMEOUT(m_conflicts.size(), 1, 10000);
        QCOMPARE(m_conflictFields, 0); // each field changed by one side only: nothing to choose (issue 11)
        QTRY_VERIFY_WITH_TIMEOUT(m_server->sessionJson(id).contains("MINE-1"), 10000);
        QVERIFY(m_server->sessionJson(id).contains("Changed by them")); // theirs kept too
        QTRY_VERIFY(!entry(id)->draft);
    }

    void withoutEtagsAFreshCopyIsCompared()
    {
        m_server->setEtagsEnabled(false);
        const QString id = QStringLiteral("ORD-100011");
        m_window->openOrder(id);
        QVERIFY(waitForOperation(id));
        QVERIFY(entry(id)->etag.isEmpty());
        auto *chat = m_window->detailPane()->findChild<QLineEdit *>(QStringLiteral("chatSession"));
        chat->setText(QStringLiteral("FIRST"));
        m_window->saveSelected(); // unchanged on the server: goes through
        QTRY_VERIFY_WITH_TIMEOUT(m_server->sessionJson(id).contains("FIRST"), 10000);
        QTRY_VERIFY(!entry(id)->draft);
        QCOMPARE(m_conflicts.size(), 0);

        QVERIFY(m_server->putSessionJson(id, R"({"callback_phone":"+1 999 0000"})")); // someone else
        chat->setText(QStringLiteral("SECOND"));
        m_window->saveSelected();
        QTRY_COMPARE_WITH_TIMEOUT(m_conflicts.size(), 1, 10000);
        QVERIFY(!m_server->sessionJson(id).contains("SECOND")); // nothing overwritten silently
        QVERIFY(entry(id)->draft.has_value());                  // and nothing lost
    }

    void offlineChangesWaitInTheOutboxAndGoOutInOrder()
    {
        const QString id = QStringLiteral("ORD-100010");
        m_window->openOrder(id);
        QVERIFY(waitForOperation(id));
        const ClientConfig online = m_window->client()->config();
        ClientConfig offline = online;
        offline.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1/")); // nothing listens there
        offline.retry.maxRetries = 0;
        m_window->client()->setConfig(offline);
        m_window->assign(id, Agent{"agent-off", {}, {}, {}, {}, {}});
        QVERIFY(waitForOperation(id));
        QTRY_COMPARE(m_window->outbox()->queuedCount(), 1);
        QVERIFY(m_window->sessionModel()->isPending(id));
        QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("offlineLabel"))->text().contains(QStringLiteral("Offline")));
        QVERIFY(m_window->detailPane()->bannerText().contains(QStringLiteral("outbox")));
        m_window->unassign(id); // a second change, after the first
        QVERIFY(waitForOperation(id));
        QTRY_COMPARE(m_window->outbox()->queuedCount(), 2);

        // Restart the app while offline: the outbox is still there.
        m_window.reset();
        makeWindow();
        QCOMPARE(m_window->outbox()->queuedCount(), 2);
        QStringList order;
        connect(m_server.get(), &SandboxServer::requestHandled, this,
                [&order](const QByteArray &method, const QString &path, int status) {
                    if (method != "GET")
                        order << QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(method), path).arg(status);
                });
        m_window->outboxSender()->start(); // the server answers (the probe would find it too)
        QTRY_COMPARE_WITH_TIMEOUT(m_window->outbox()->queuedCount(), 0, 10000);
        QVERIFY2(order.size() == 2, qPrintable(order.join(QStringLiteral(" | "))));
        QCOMPARE(order, (QStringList{QStringLiteral("PUT /support/ORD-100010/agent 200"),
                                     QStringLiteral("DELETE /support/ORD-100010/agent 200")}));
        QVERIFY(!m_server->sessionJson(id).contains("agent-off"));
        QTRY_VERIFY(!m_window->sessionModel()->isPending(id));
        QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("offlineLabel"))->text().isEmpty());
    }

    // Issue 12, bug 2: an offline change that meets someone else's change stays in the outbox
    // while the agent is asked (a quit or crash then loses nothing, the next start asks again);
    // "no" takes it out unsent, "yes" sends it on the version the question showed.
    void outboxConflictStaysQueuedWhileTheAgentDecides()
    {
        const QString declined = QStringLiteral("ORD-100012");
        const QString kept = QStringLiteral("ORD-100013");
        for (const QString &id : {declined, kept}) {
            m_window->openOrder(id);
            QVERIFY(waitForOperation(id));
        }
        ClientConfig offline = m_window->client()->config();
        offline.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1/")); // nothing listens there
        offline.retry.maxRetries = 0;
        m_window->client()->setConfig(offline);
        for (const QString &id : {declined, kept}) {
            m_window->assign(id, Agent{"agent-off", {}, {}, {}, {}, {}});
            QVERIFY(waitForOperation(id));
        }
        QTRY_COMPARE(m_window->outbox()->queuedCount(), 2);
        for (const QString &id : {declined, kept}) // meanwhile, someone else
            QVERIFY(m_server->putSessionJson(id, R"({"agent":{"id":"agent-other"}})"));

        m_window.reset();
        makeWindow(); // online again: the outbox is sent at start
        QStringList asked;
        QList<size_t> keptWhileAsked;
        m_window->setConfirmHandler([&](const QString &, const QString &text) {
            keptWhileAsked << m_window->outbox()->items().size();
            const bool mine = text.contains(kept);
            asked << (mine ? kept : declined);
            return mine;
        });
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 2, 10000);
        QCOMPARE(keptWhileAsked, (QList<size_t>{2, 1}));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->outbox()->items().size(), size_t(0), 10000);
        QTRY_COMPARE(serverAgent(kept), QStringLiteral("agent-off"));
        QCOMPARE(serverAgent(declined), QStringLiteral("agent-other"));
    }

    void changesByOthersAreMarkedAndNotified()
    {
        const QStringList ids = importSeeded(5);
        QCOMPARE(ids.size(), 5);
        QCOMPARE(serverAgent(QStringLiteral("ORD-100001")), QStringLiteral("agent-1006")); // "mine"
        m_window->selectOrder(QStringLiteral("ORD-100003"));
        QVERIFY(m_server->putSessionJson(QStringLiteral("ORD-100001"), R"({"agent":{"id":"agent-2","person":{"name":"Omar"}}})"));
        QVERIFY(m_server->putSessionJson(QStringLiteral("ORD-100002"), R"({"callback_phone":"+1 555 0100"})"));
        QSignalSpy notified(m_window.get(), &MainWindow::notified);
        m_window->refreshAll(true);
        QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, 10000); // only the session that was mine
        QVERIFY(notified.first().at(0).toString().contains(QStringLiteral("no longer yours")));
        QVERIFY(notified.first().at(1).toString().contains(QStringLiteral("Omar")));
        SessionModel *model = m_window->sessionModel();
        QTRY_VERIFY(model->data(model->indexOf(QStringLiteral("ORD-100002")), SessionModel::ChangedRole).toBool());
        QVERIFY(model->data(model->indexOf(QStringLiteral("ORD-100001")), SessionModel::ChangedRole).toBool());
        QVERIFY(!model->data(model->indexOf(QStringLiteral("ORD-100004")), SessionModel::ChangedRole).toBool());
        QVERIFY(model->data(model->indexOf(QStringLiteral("ORD-100002")), Qt::FontRole).value<QFont>().bold());
        QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("changedLabel"))->text(), QStringLiteral("2 changed by others"));
        QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("(2)")));
        m_window->selectOrder(QStringLiteral("ORD-100002")); // looked at: no longer marked
        QVERIFY(!model->data(model->indexOf(QStringLiteral("ORD-100002")), SessionModel::ChangedRole).toBool());
        QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("changedLabel"))->text(), QStringLiteral("1 changed by others"));

        // Notifications can be turned off.
        m_window->action(QStringLiteral("notifyMine"))->setChecked(false);
        QVERIFY(m_server->putSessionJson(QStringLiteral("ORD-100005"), R"({"agent":{"id":"agent-1006"}})"));
        m_window->refreshAll(true);
        QTRY_COMPARE(m_window->client()->unfinishedReplies(), 0);
        QVERIFY(m_server->putSessionJson(QStringLiteral("ORD-100005"), R"({})"));
        m_window->refreshAll(true);
        QTRY_COMPARE(m_window->client()->unfinishedReplies(), 0);
        QCOMPARE(notified.size(), 1);
    }

    void draftSurvivesFailedSaveAndRestart()
    {
        m_window->openOrder(QStringLiteral("ORD-100007"));
        QVERIFY(waitForOperation(QStringLiteral("ORD-100007")));
        ClientConfig c = m_window->client()->config();
        c.retry.maxRetries = 0;
        m_window->client()->setConfig(c);
        m_server.reset();
        auto *phone = m_window->detailPane()->findChild<QLineEdit *>(QStringLiteral("callbackPhone"));
        phone->setText(QStringLiteral("+49 89 1234567"));
        m_window->saveSelected();
        QVERIFY(waitForOperation(QStringLiteral("ORD-100007")));
        QCOMPARE(phone->text(), QStringLiteral("+49 89 1234567")); // still in the form
        QVERIFY(!m_window->detailPane()->bannerText().isEmpty());

        // Restart the window: the draft is back in the form.
        m_window.reset();
        makeWindow();
        m_window->selectOrder(QStringLiteral("ORD-100007"));
        const std::optional<WorkspaceEntry> e = entry(QStringLiteral("ORD-100007"));
        QVERIFY(e && e->draft);
        QCOMPARE(*e->draft->callbackPhone, std::string("+49 89 1234567"));
        QCOMPARE(m_window->detailPane()->findChild<QLineEdit *>(QStringLiteral("callbackPhone"))->text(),
                 QStringLiteral("+49 89 1234567"));
        QVERIFY(m_window->detailPane()->isDirty());
    }

    void largeEarlierFormatWorkspaceIsImportedInTheBackground()
    {
        // A JSON workspace of the earlier format, big enough to be read on a worker thread.
        WorkspaceFile file;
        const auto seed = parseSupport(m_server->sessionJson(QStringLiteral("ORD-100001")).toStdString());
        for (int i = 0; i < 9000; ++i) {
            WorkspaceEntry e;
            e.orderId = QStringLiteral("BIG-%1").arg(i);
            e.state = SessionState::Open;
            e.support = seed.value;
            file.entries.push_back(e);
        }
        // A session with an unsaved edit, which the agent opens again while the list loads.
        WorkspaceEntry drafted;
        drafted.orderId = QStringLiteral("ORD-100004");
        drafted.state = SessionState::Open;
        drafted.support = seed.value;
        drafted.draft = parseSupport(R"({"order_id":"ORD-100004","callback_phone":"+49 89 7654321"})").value;
        file.entries.push_back(drafted);
        m_window.reset();
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                          + QStringLiteral("/workspaces/");
        // No store at all: SQLite would replay a WAL left beside a removed file into the new one.
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(dir + QStringLiteral("test.sqlite") + QLatin1String(suffix));
        const QString legacy = dir + QStringLiteral("test.json");
        QCOMPARE(saveWorkspace(legacy, file), QString());
        QVERIFY(QFileInfo(legacy).size() > MainWindow::kAsyncLoadBytes);
        makeWindow();
        QVERIFY(m_window->isLoadingWorkspace());
        m_window->openOrder(QStringLiteral("ORD-100004")); // usable while it loads
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceLoaded);
        QVERIFY(loaded.count() == 1 || loaded.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->sessionModel()->totalCount(), 9001, 10000);
        QVERIFY(entry(QStringLiteral("BIG-8999")));
        QCOMPARE(*entry(QStringLiteral("BIG-8999"))->support->callbackPhone, *seed.value->callbackPhone);
        QTRY_VERIFY(entry(QStringLiteral("ORD-100004"))->state == SessionState::Open);
        QVERIFY(entry(QStringLiteral("ORD-100004"))->draft); // the fresh copy did not drop the edit
        QCOMPARE(*entry(QStringLiteral("ORD-100004"))->draft->callbackPhone, std::string("+49 89 7654321"));
        m_window.reset(); // saved on the way out, with both
        // Imported once: the old file is kept under another name, the store has everything.
        QVERIFY(!QFileInfo::exists(legacy));
        QVERIFY(QFileInfo::exists(legacy + QStringLiteral(".imported")));
        WorkspaceStore store;
        QCOMPARE(store.open(dir + QStringLiteral("test.sqlite")), QString());
        QCOMPARE(store.count(), 9001);
        QCOMPARE(store.get(QStringLiteral("ORD-100004"))->state, SessionState::Open);
        QVERIFY(store.get(QStringLiteral("ORD-100004"))->draft);
    }

    void damagedStoreIsKeptAndNotWrittenOver()
    {
        m_window.reset();
        const QString path = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                           + QStringLiteral("/workspaces/test.sqlite");
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        const QByteArray garbage(8192, 'x');
        f.write(garbage);
        f.close();
        makeWindow();
        QTRY_VERIFY(!m_window->isLoadingWorkspace());
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("could not be read")));
        // Still usable, in memory.
        m_window->openOrder(QStringLiteral("ORD-100006"));
        QVERIFY(waitForOperation(QStringLiteral("ORD-100006")));
        QCOMPARE(entry(QStringLiteral("ORD-100006"))->state, SessionState::Open);
        m_window.reset();
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), garbage); // the agent's file is untouched, for recovery
        f.close();
        QFile::remove(path);
    }

    void workspaceRestoredWithState()
    {
        m_window->openOrder(QStringLiteral("ORD-100009"));
        QVERIFY(waitForOperation(QStringLiteral("ORD-100009")));
        m_window.reset();
        m_server.reset(); // restored from disk, not from the server
        makeWindow();
        const std::optional<WorkspaceEntry> e = entry(QStringLiteral("ORD-100009"));
        QVERIFY(e);
        QCOMPARE(e->state, SessionState::Open);
        QVERIFY(e->support && e->support->callbackPhone);
    }

    void germanTranslationLoads()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/supportdesk_de.qm")));
        QCOMPARE(translator.translate("sd::ui::MainWindow", "&Refresh"), QStringLiteral("&Aktualisieren"));
        QApplication::installTranslator(&translator);
        MainWindow german(QList<ServerProfile>{m_profile}, m_profile.id);
        QCOMPARE(german.action(QStringLiteral("closeSession"))->text(), QStringLiteral("Sitzung &schließen…"));
        QApplication::removeTranslator(&translator);
    }

    // Run as the ctest tst_mainwindow_german (LANGUAGE=de, LC_ALL=C.UTF-8): a German user whose
    // formats are not German still sees one language, Qt's buttons and dates included.
    void germanUi()
    {
        QVERIFY2(qEnvironmentVariable("LANGUAGE").startsWith(QLatin1String("de")),
                 "needs LANGUAGE=de, as ctest's tst_mainwindow_german sets it");
        QCOMPARE(installTranslations(), QStringLiteral("de_DE"));
        const auto restoreLocale = qScopeGuard([] { QLocale::setDefault(QLocale::system()); });
        m_window.reset();
        makeWindow();

        QStringList menus;
        for (QAction *a : m_window->menuBar()->actions())
            menus << a->text();
        QVERIFY2(menus.contains(QStringLiteral("&Bearbeiten")), qPrintable(menus.join(u' ')));
        QVERIFY2(menus.contains(QStringLiteral("Sa&mmelaktionen")), qPrintable(menus.join(u' ')));
        QCOMPARE(m_window->action(QStringLiteral("selectAllShown"))->text(), QStringLiteral("Alle &angezeigten auswählen"));
        QCOMPARE(m_window->action(QStringLiteral("undo"))->text(), QStringLiteral("&Rückgängig"));
        // Placeholders name shortcuts as the menus do.
        auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
        QVERIFY(filter);
        QCOMPARE(filter->placeholderText(), QStringLiteral("Nach Auftrag, Bearbeiter oder Telefon filtern (Strg+F)"));
        QCOMPARE(m_window->action(QStringLiteral("focusFilter"))->shortcut().toString(QKeySequence::NativeText),
                 QStringLiteral("Strg+F"));

        const QStringList ids = importSeeded(3);
        QVERIFY(!ids.isEmpty());
        m_window->assign(ids.first(), Agent{"agent-1015", Person{}, Contact{}, {}, {}, {}});
        QVERIFY(waitForOperation(ids.first()));
        QTRY_COMPARE(m_window->action(QStringLiteral("undo"))->text(),
                     QStringLiteral("&Rückgängig: Bearbeiter für %1 zuweisen").arg(ids.first()));

        // The date in the detail pane: German digits, not "30 Nov 2026".
        m_window->selectOrder(ids.first());
        auto *state = m_window->findChild<QLabel *>(QStringLiteral("detailState"));
        QVERIFY(state);
        QTRY_VERIFY2(state->text().contains(QRegularExpression(QStringLiteral("zuletzt geladen \\d{2}\\.\\d{2}\\.\\d{2}"))),
                     qPrintable(state->text()));

        // The bulk preview, with Qt's own standard button in German.
        QString title, cancel;
        auto *timer = new QTimer(this);
        timer->setInterval(10);
        connect(timer, &QTimer::timeout, this, [&, timer] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            timer->stop();
            timer->deleteLater();
            title = dialog->windowTitle();
            if (auto *box = dialog->findChild<QDialogButtonBox *>())
                cancel = box->button(QDialogButtonBox::Cancel)->text();
            dialog->reject();
        });
        timer->start();
        m_window->sessionView()->setFocus();
        m_window->action(QStringLiteral("selectAllShown"))->trigger();
        m_window->action(QStringLiteral("bulkClose"))->trigger();
        QCOMPARE(title, QStringLiteral("Sitzungen schließen"));
        QCOMPARE(cancel.remove(u'&'), QStringLiteral("Abbrechen"));
    }

    void requestLogMasksAndCopiesAsCurl()
    {
        ClientConfig c = m_window->client()->config();
        c.token = QStringLiteral("tok-visible-nowhere");
        m_window->client()->setConfig(c);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_F12); // the log (made when first shown)
        auto *log = m_window->findChild<QTableView *>(QStringLiteral("requestLogView"));
        QVERIFY(log);
        m_window->assign(QStringLiteral("ORD-100002"),
                         Agent{"a-1", Person{}, Contact{"+49 30 1234567", "jane@example.org", {}, {}}, {}, {}, {}});
        QVERIFY(waitForOperation(QStringLiteral("ORD-100002")));
        QAbstractItemModel *model = log->model();
        QVERIFY(model->rowCount() >= 1);
        const int row = model->rowCount() - 1;
        QCOMPARE(model->index(row, RequestLogModel::MethodColumn).data().toString(), QStringLiteral("PUT"));
        QCOMPARE(model->index(row, RequestLogModel::PathColumn).data().toString(), QStringLiteral("/support/ORD-100002/agent"));
        QCOMPARE(model->index(row, RequestLogModel::StatusColumn).data().toString(), QStringLiteral("200"));
        log->setCurrentIndex(model->index(row, 0));
        log->findChild<QAction *>(QStringLiteral("copyAsCurl"))->trigger();
        const QString curl = QApplication::clipboard()->text();
        // The masked body must not be sent again by accident: said so, and commented out.
        const QStringList lines = curl.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(QStringLiteral("# ")) && lines[0].contains(QStringLiteral("masked")), qPrintable(curl));
        QVERIFY2(lines[1].startsWith(QStringLiteral("# curl -X PUT")), qPrintable(curl));
        QVERIFY(curl.contains(QStringLiteral("$SUPPORTDESK_TOKEN")));
        QVERIFY(!curl.contains(QStringLiteral("tok-visible-nowhere")));
        QVERIFY(!curl.contains(QStringLiteral("1234567")));
        QVERIFY(!curl.contains(QStringLiteral("jane@")));
        // The real body only on the explicit choice; the token stays a variable.
        auto *real = log->findChild<QAction *>(QStringLiteral("copyAsCurlRealBody"));
        QVERIFY(real);
        QVERIFY(log->actions().contains(real));
        real->trigger();
        const QString replay = QApplication::clipboard()->text();
        QVERIFY2(replay.startsWith(QStringLiteral("curl -X PUT")), qPrintable(replay));
        QVERIFY(replay.contains(QStringLiteral("+49 30 1234567")));
        QVERIFY(replay.contains(QStringLiteral("jane@example.org")));
        QVERIFY(replay.contains(QStringLiteral("$SUPPORTDESK_TOKEN")));
        QVERIFY(!replay.contains(QStringLiteral("tok-visible-nowhere")));
        // A GET has no body to mask: runnable as it is.
        m_window->openOrder(QStringLiteral("ORD-100003"));
        QVERIFY(waitForOperation(QStringLiteral("ORD-100003")));
        log->setCurrentIndex(model->index(model->rowCount() - 1, 0));
        log->findChild<QAction *>(QStringLiteral("copyAsCurl"))->trigger();
        QVERIFY2(QApplication::clipboard()->text().startsWith(QStringLiteral("curl -X GET")),
                 qPrintable(QApplication::clipboard()->text()));
    }

    void curlNeverCarriesUrlCredentials()
    {
        RequestLogModel model;
        Exchange e;
        e.method = "GET";
        e.url = QUrl(QStringLiteral("http://agent:s3cret@127.0.0.1:8080/support/A"));
        e.started = QDateTime::currentDateTimeUtc();
        e.httpStatus = 200;
        model.add(e);
        const QString curl = model.curlCommand(0, true);
        QVERIFY2(curl.contains(QStringLiteral("http://127.0.0.1:8080/support/A")), qPrintable(curl));
        QVERIFY2(!curl.contains(QStringLiteral("s3cret")) && !curl.contains(QStringLiteral("agent@")), qPrintable(curl));
        for (int c = 0; c < model.columnCount(); ++c)
            QVERIFY(!model.index(0, c).data().toString().contains(QStringLiteral("s3cret")));
    }

    void profileWithCredentialsRefused()
    {
        bool checked = false;
        auto *timer = new QTimer(this);
        timer->setInterval(10);
        connect(timer, &QTimer::timeout, this, [timer, &checked] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            timer->stop();
            timer->deleteLater();
            dialog->findChild<QLineEdit *>(QStringLiteral("profileUrl"))->setText(QStringLiteral("https://agent:s3cret@h.example/"));
            dialog->accept();
            checked = dialog->isVisible(); // refused: still open, nothing typed lost
            const QString problem = dialog->findChild<QLabel *>(QStringLiteral("problem"))->text();
            checked = checked && problem.contains(QStringLiteral("password")) && !problem.contains(QStringLiteral("s3cret"));
            dialog->reject();
        });
        timer->start();
        m_window->action(QStringLiteral("manageProfiles"))->trigger();
        QVERIFY(checked);
        QCOMPARE(m_window->profile().baseUrl, m_profile.baseUrl);
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY(!settings.value(key).toString().contains(QStringLiteral("s3cret")));
    }

    void personalDataFilesArePrivate()
    {
        // Whatever the umask (a common 022 here): the workspace store, the outbox and every
        // export 0600, their folders 0700.
        const mode_t oldMask = ::umask(022);
        const auto restore = qScopeGuard([oldMask] { ::umask(oldMask); });
        const auto mode = [](const QString &p) {
            struct stat st;
            return ::stat(QFile::encodeName(p).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
        };
        m_window.reset();
        const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir(data).removeRecursively();
        // Folders an earlier version created with the default mode are closed too.
        QVERIFY(QDir().mkpath(data + QStringLiteral("/workspaces")) && QDir().mkpath(data + QStringLiteral("/outbox")));
        QCOMPARE(mode(data + QStringLiteral("/outbox")), 0755);
        makeWindow();
        m_window->openOrder(QStringLiteral("ORD-100001"));
        QVERIFY(waitForOperation(QStringLiteral("ORD-100001")));
        m_window->saveWorkspaceNow();
        QCOMPARE(mode(data + QStringLiteral("/workspaces")), 0700);
        QCOMPARE(mode(data + QStringLiteral("/workspaces/test.sqlite")), 0600);
        QCOMPARE(mode(data + QStringLiteral("/outbox")), 0700);
        QCOMPARE(mode(data + QStringLiteral("/outbox/test.sqlite")), 0600);

        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("sessions.csv"));
        QVERIFY(m_window->exportCsvTo(fresh));
        QCOMPARE(mode(fresh), 0600);
        const QString existing = dir.filePath(QStringLiteral("old.csv"));
        QFile old(existing);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.close();
        QVERIFY(::chmod(QFile::encodeName(existing).constData(), 0644) == 0);
        QVERIFY(m_window->exportCsvTo(existing));
        QCOMPARE(mode(existing), 0600);
        QFile csv(existing);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().contains("ORD-100001"));

        AuditViewer viewer(m_tmp.filePath(QStringLiteral("none.log")));
        const QString audit = dir.filePath(QStringLiteral("audit.csv"));
        QVERIFY(viewer.exportTo(audit));
        QCOMPARE(mode(audit), 0600);
    }

    void shortcutsDialogListsActions()
    {
        onNextDialog([](QDialog *d) {
            auto *table = d->findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
            QVERIFY(table);
            QVERIFY(table->rowCount() >= 12);
            QStringList shown;
            for (int r = 0; r < table->rowCount(); ++r)
                shown << table->item(r, 1)->text();
            QVERIFY(shown.contains(QKeySequence(Qt::Key_F5).toString(QKeySequence::NativeText)));
            QVERIFY(shown.contains(QKeySequence(QStringLiteral("Ctrl+L")).toString(QKeySequence::NativeText)));
        });
        m_window->action(QStringLiteral("shortcuts"))->trigger();
    }

    void pasteImportAndExport()
    {
        QApplication::clipboard()->setText(QStringLiteral("order_id\nORD-100011\nORD-100012\n\nORD-100011\nNOT-THERE\n"));
        m_window->action(QStringLiteral("pasteIds"))->trigger();
        SessionModel *model = m_window->sessionModel();
        QCOMPARE(model->totalCount(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);
        QTRY_COMPARE(entry(QStringLiteral("NOT-THERE"))->state, SessionState::NotFound);
        QCOMPARE(entry(QStringLiteral("ORD-100012"))->state, SessionState::Open);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        QVERIFY(m_window->exportCsvTo(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray csv = f.readAll();
        QCOMPARE(csv.count('\n'), 4); // header + 3
        QVERIFY(csv.contains("ORD-100012,open"));
        QVERIFY(csv.contains("NOT-THERE,not_found"));
        QVERIFY(!m_window->exportCsvTo(QStringLiteral("/nonexistent/dir/out.csv")));
    }

    void profilesKeepSeparateWorkspaces()
    {
        SandboxServer second;
        second.seed(3);
        ServerProfile other;
        other.id = QStringLiteral("other");
        other.name = QStringLiteral("Other");
        other.baseUrl = second.start();
        other.refreshIntervalSeconds = 0;
        m_window.reset();
        m_window = std::make_unique<MainWindow>(QList<ServerProfile>{m_profile, other}, m_profile.id);
        m_window->openOrder(QStringLiteral("ORD-100001"));
        QVERIFY(waitForOperation(QStringLiteral("ORD-100001")));
        auto *box = m_window->findChild<QComboBox *>(QStringLiteral("profileBox"));
        QCOMPARE(box->count(), 2);
        m_window->switchProfile(QStringLiteral("other"));
        QCOMPARE(m_window->profile().id, QStringLiteral("other"));
        QCOMPARE(m_window->sessionModel()->totalCount(), 0);
        QCOMPARE(m_window->client()->config().baseUrl, other.baseUrl);
        m_window->switchProfile(m_profile.id);
        QCOMPARE(m_window->sessionModel()->totalCount(), 1);
    }

    void tokenWithoutKeychainAsksFirst()
    {
        // No D-Bus in this test's environment: no keychain. The app must say so and ask.
        QStringList asked;
        m_window->setConfirmHandler([&asked](const QString &title, const QString &) {
            asked << title;
            return true;
        });
        m_server->setToken(QStringLiteral("tok-9"));
        onNextDialog([](QDialog *d) {
            d->findChild<QLineEdit *>(QStringLiteral("profileToken"))->setText(QStringLiteral("tok-9"));
        });
        m_window->action(QStringLiteral("manageProfiles"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 20000);
        QCOMPARE(asked.first(), QStringLiteral("No keychain available"));
        QTRY_COMPARE(m_window->client()->config().token, QStringLiteral("tok-9"));
        m_window->openOrder(QStringLiteral("ORD-100003")); // the server wants the token
        QVERIFY(waitForOperation(QStringLiteral("ORD-100003")));
        QCOMPARE(entry(QStringLiteral("ORD-100003"))->state, SessionState::Open);
        // Nothing about the token in the settings file.
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY(!settings.value(key).toString().contains(QStringLiteral("tok-9")));
    }

    void bulkReassignPreviewProgressUndoRedo()
    {
        const QStringList ids = importSeeded(12);
        QCOMPARE(ids.size(), 12);
        QHash<QString, QString> before;
        for (const QString &id : ids)
            before.insert(id, serverAgent(id));
        QVERIFY(before.values().contains(QString())); // some were unassigned
        m_window->action(QStringLiteral("selectAllShown"))->trigger();
        QCOMPARE(m_window->selectedOrderIds().size(), 12);
        int previewLines = 0;
        onNextDialog([this, &previewLines](QDialog *d) {
            d->findChild<QLineEdit *>(QStringLiteral("agentId"))->setText(QStringLiteral("agent-77"));
            onNextDialog([&previewLines](QDialog *preview) {
                QCOMPARE(preview->objectName(), QStringLiteral("bulkPreviewDialog"));
                auto *list = preview->findChild<QListView *>(QStringLiteral("bulkPreviewList"));
                previewLines = list->model()->rowCount();
                QVERIFY(list->model()->index(0, 0).data().toString().contains(QStringLiteral("→ agent-77")));
            });
        });
        m_window->action(QStringLiteral("bulkReassign"))->trigger();
        QCOMPARE(previewLines, 12);
        for (const QString &id : ids)
            QTRY_COMPARE_WITH_TIMEOUT(serverAgent(id), QStringLiteral("agent-77"), 10000);
        auto *progress = qobject_cast<BulkProgressDialog *>(m_window->lastBulkDialog());
        QVERIFY(progress);
        QTRY_VERIFY(progress->statusText().contains(QStringLiteral("12 done, 0 failed, 0 remaining")));
        QTRY_COMPARE(m_window->undoStack()->count(), 1);

        // Undo puts every previous agent back, "none" included.
        m_window->action(QStringLiteral("undo"))->trigger();
        for (const QString &id : ids)
            QTRY_COMPARE_WITH_TIMEOUT(serverAgent(id), before.value(id), 10000);
        m_window->action(QStringLiteral("redo"))->trigger();
        for (const QString &id : ids)
            QTRY_COMPARE_WITH_TIMEOUT(serverAgent(id), QStringLiteral("agent-77"), 10000);

        // Every change went to the audit trail, and the chain is intact.
        QTRY_VERIFY(AuditLog::verify(AuditLog().path()).entries >= 36);
        QVERIFY(AuditLog::verify(AuditLog().path()).intact);
    }

    void singleAssignAndEditCanBeUndone()
    {
        const QString id = QStringLiteral("ORD-100001");
        m_window->openOrder(id);
        QVERIFY(waitForOperation(id));
        const QString previous = serverAgent(id);
        m_window->assign(id, Agent{"agent-x", {}, {}, {}, {}, {}});
        QVERIFY(waitForOperation(id));
        QCOMPARE(serverAgent(id), QStringLiteral("agent-x"));
        QSignalSpy undone(m_window.get(), &MainWindow::operationFinished);
        m_window->action(QStringLiteral("undo"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(serverAgent(id), previous, 10000);
        // The window has taken in the undo's answer (and the session's new version): the
        // client's request count drops before that, while the audit outcome is written.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(undone.cbegin(), undone.cend(),
                                             [&](const QList<QVariant> &args) { return args.at(0).toString() == id; }),
                                 10000);
        const qsizetype conflictsBefore = m_conflicts.size();

        const std::string oldPhone = *entry(id)->support->callbackPhone;
        m_window->detailPane()->findChild<QLineEdit *>(QStringLiteral("callbackPhone"))->setText(QStringLiteral("+1 202 555 0100"));
        m_window->saveSelected();
        QTRY_VERIFY_WITH_TIMEOUT(m_server->sessionJson(id).contains("+1 202 555 0100"), 10000);
        QCOMPARE(m_conflicts.size(), conflictsBefore); // written over the version the undo made
        QTRY_COMPARE(m_window->undoStack()->index(), 1); // the edit replaced the undone assignment
        m_window->action(QStringLiteral("undo"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_server->sessionJson(id).contains(QByteArray::fromStdString(oldPhone)), 10000);
    }

    void serverGoesAwayDuringBulk()
    {
        const QStringList ids = importSeeded(16);
        QCOMPARE(ids.size(), 16);
        ClientConfig c = m_window->client()->config();
        c.retry.maxRetries = 0;
        c.timeoutMs = 2000;
        m_window->client()->setConfig(c);
        m_server->setLatencyMs(40);
        // Gone after a few of the bulk's requests were answered (the window reports them a
        // little later, once their outcomes are in the audit trail).
        const qint64 before = m_server->requestCount();
        connect(m_server.get(), &SandboxServer::requestHandled, this, [this, before] {
            if (m_server && m_server->requestCount() > before + 6 + 4) // 6 in flight, 4 answered
                QMetaObject::invokeMethod(this, [this] { m_server.reset(); }, Qt::QueuedConnection);
        });
        m_window->runBulk(requestsFor(UnassignAgentRequest{}, ids), false);
        auto *progress = qobject_cast<BulkProgressDialog *>(m_window->lastBulkDialog());
        QVERIFY(progress);
        QTRY_VERIFY_WITH_TIMEOUT(progress->statusText().contains(QStringLiteral("finished")), 20000);
        QVERIFY2(!progress->failedOrderIds().isEmpty(), qPrintable(progress->statusText()));
        QVERIFY(progress->failedOrderIds().size() < 16);
        auto *retry = progress->findChild<QPushButton *>(QStringLiteral("bulkRetryFailed"));
        QVERIFY(retry->isEnabled());
        // Each failed session shows why.
        const QString failed = progress->failedOrderIds().first();
        QVERIFY(entry(failed)->lastError.contains(QStringLiteral("could not be reached")) ||
                entry(failed)->lastError.contains(QStringLiteral("cut off")));
    }

    void auditViewerFiltersAndVerifies()
    {
        m_window->openOrder(QStringLiteral("ORD-100002"));
        QVERIFY(waitForOperation(QStringLiteral("ORD-100002")));
        m_window->assign(QStringLiteral("ORD-100002"), Agent{"agent-a", {}, {}, {}, {}, {}});
        QVERIFY(waitForOperation(QStringLiteral("ORD-100002")));
        m_window->unassign(QStringLiteral("ORD-100002"));
        QVERIFY(waitForOperation(QStringLiteral("ORD-100002")));
        m_window->createSession(QStringLiteral("NEW-A"), Support{});
        QVERIFY(waitForOperation(QStringLiteral("NEW-A")));
        onNextDialog([](QDialog *d) {
            auto *viewer = qobject_cast<AuditViewer *>(d);
            QVERIFY(viewer);
            QCOMPARE(viewer->model()->rowCount(), 3);
            QVERIFY(viewer->chainStatus().contains(QStringLiteral("intact")));
            viewer->findChild<QLineEdit *>(QStringLiteral("auditFilter"))->setText(QStringLiteral("NEW-A"));
            QCOMPARE(viewer->model()->rowCount(), 1);
            viewer->findChild<QLineEdit *>(QStringLiteral("auditFilter"))->setText(QStringLiteral("agent-a"));
            QCOMPARE(viewer->model()->rowCount(), 2); // the assign and the unassign name that agent
            QTemporaryDir dir;
            QVERIFY(viewer->exportTo(dir.filePath(QStringLiteral("a.csv"))));
        });
        m_window->action(QStringLiteral("auditViewer"))->trigger();

        // The last entry deleted: the viewer says so.
        QFile log(AuditLog().path());
        QVERIFY(log.open(QIODevice::ReadOnly));
        QByteArray text = log.readAll();
        log.close();
        text.chop(1);
        text.truncate(text.lastIndexOf('\n') + 1);
        QVERIFY(log.open(QIODevice::WriteOnly | QIODevice::Truncate));
        log.write(text);
        log.close();
        onNextDialog([](QDialog *d) {
            auto *viewer = qobject_cast<AuditViewer *>(d);
            QVERIFY(viewer);
            QVERIFY2(viewer->chainStatus().contains(QStringLiteral("removed from its end")), qPrintable(viewer->chainStatus()));
        });
        m_window->action(QStringLiteral("auditViewer"))->trigger();
    }

    void accessibleNames()
    {
        for (const char *name : {"sessionView", "filterEdit", "goToEdit", "stateFilter", "scopeFilter", "profileBox"}) {
            auto *w = m_window->findChild<QWidget *>(QString::fromLatin1(name));
            QVERIFY2(w, name);
            QVERIFY2(!w->accessibleName().isEmpty(), name);
        }
    }
};

// QTEST_MAIN, except that a run without arguments leaves out germanUi: that one needs the
// process started with LANGUAGE=de (the system locale is read once), so ctest runs it alone as
// tst_mainwindow_german.
int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestMainWindow test;
    QTEST_SET_MAIN_SOURCE_PATH
    if (argc > 1)
        return QTest::qExec(&test, argc, argv);
    QStringList args{QString::fromLocal8Bit(argv[0])};
    const QMetaObject *meta = test.metaObject();
    for (int i = meta->methodOffset(); i < meta->methodCount(); ++i) {
        const QMetaMethod m = meta->method(i);
        const QString name = QString::fromLatin1(m.name());
        const bool special = name == QLatin1String("initTestCase") || name == QLatin1String("cleanupTestCase")
                             || name == QLatin1String("init") || name == QLatin1String("cleanup")
                             || name.endsWith(QLatin1String("_data"));
        if (m.methodType() == QMetaMethod::Slot && m.access() == QMetaMethod::Private && !special
            && name != QLatin1String("germanUi"))
            args << name;
    }
    return QTest::qExec(&test, args);
}
#include "tst_mainwindow.moc"
