// The friction of issue 11 around bulk work, unassigning, errors and wording, as an agent meets it:
// real key presses and mouse clicks on the real window and its dialogs (offscreen), checked
// against what reaches the in-process sandbox and what the window shows.
#include "detailpane.h"
#include "guitest.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>

using namespace sd;
using namespace sd::ui;

class TestBulkFlows : public GuiTest
{
    Q_OBJECT

    // Ctrl+L, the order ID, Enter: fetches an order the list does not hold yet.
    void goTo(const QString &orderId)
    {
        auto *edit = m_window->findChild<QLineEdit *>(QStringLiteral("goToEdit"));
        keys(Qt::Key_L, Qt::ControlModifier);
        QVERIFY(edit->hasFocus());
        QTest::keyClicks(edit, orderId);
        QTest::keyClick(edit, Qt::Key_Return);
    }
    template<class T = QWidget>
    T *paneChild(const char *name) const
    {
        return m_window->detailPane()->findChild<T *>(QString::fromLatin1(name));
    }
    QString listStatus(const QString &orderId) const
    {
        return m_window->sessionModel()->indexOf(orderId, SessionModel::StatusColumn).data().toString();
    }
    QString serverAgentId(const QString &orderId) const
    {
        const auto parsed = parseSupport(m_server->sessionJson(orderId).toStdString());
        return parsed.ok() && parsed.value->agent && parsed.value->agent->id
                   ? QString::fromStdString(*parsed.value->agent->id) : QString();
    }
    // Seeded sessions that have an agent on the server.
    QStringList assignedSessions(int count) const
    {
        QStringList ids;
        for (int i = 1; i <= 30 && ids.size() < count; ++i) {
            const QString id = QStringLiteral("ORD-1000%1").arg(i, 2, 10, QLatin1Char('0'));
            if (!serverAgentId(id).isEmpty())
                ids << id;
        }
        return ids;
    }
    void closeElsewhere(const QString &orderId)
    {
        ApiClient other;
        ClientConfig c;
        c.baseUrl = m_server->baseUrl();
        other.setConfig(c);
        SupportReply *r = other.close(orderId);
        QSignalSpy done(r, &ApiReply::finished);
        QVERIFY(done.wait(10000));
        QVERIFY2(r->isOk(), qPrintable(r->error().message()));
        QVERIFY(!m_server->hasSession(orderId));
    }
    QListView *resultsOf(QWidget *progress) const
    {
        return progress->findChild<QListView *>(QStringLiteral("bulkResults"));
    }
    QStringList linesOf(QListView *view) const
    {
        QStringList lines;
        for (int r = 0; view && r < view->model()->rowCount(); ++r)
            lines << view->model()->index(r, 0).data().toString();
        return lines;
    }
    void closeProgressWhenFinished()
    {
        QWidget *progress = m_window->lastBulkDialog();
        QVERIFY(progress);
        auto *close = progress->findChild<QPushButton *>(QStringLiteral("bulkClose"));
        QTRY_VERIFY_WITH_TIMEOUT(close->isEnabled(), 20000);
        click(close);
        QTRY_VERIFY(!progress->isVisible());
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

    // The preview names the sessions it will skip (closed, not found, as the list knows them)
    // and does not send them; Enter does not start the irreversible close.
    void bulkClosePreviewSkipsClosedAndNotFound()
    {
        const QStringList open = {QStringLiteral("ORD-100001"), QStringLiteral("ORD-100003"), QStringLiteral("ORD-100004")};
        const QString closed = QStringLiteral("ORD-100002"), missing = QStringLiteral("NOPE-1");
        paste(open + QStringList{closed});
        paste({missing}, SessionState::NotFound);
        clickRow(closed);
        const auto yes = whenShown(modalOf<QMessageBox>(), [](QWidget *w) {
            click(static_cast<QMessageBox *>(w)->button(QMessageBox::Yes));
        });
        keys(Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(*yes);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(closed), SessionState::Closed, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);

        keys(Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(m_window->selectedOrderIds().size(), 5);
        m_requests.clear();

        // Enter in the preview: nothing runs.
        QStringList lines;
        QString runText;
        const auto entered = whenShown(modal(QStringLiteral("bulkPreviewDialog")), [&lines, &runText](QWidget *d) {
            auto *list = d->findChild<QListView *>(QStringLiteral("bulkPreviewList"));
            for (int r = 0; r < list->model()->rowCount(); ++r)
                lines << list->model()->index(r, 0).data().toString();
            runText = standardButton(d, QDialogButtonBox::Ok)->text();
            QTest::keyClick(d->focusWidget() ? d->focusWidget() : d, Qt::Key_Return);
        });
        keys(Qt::Key_W, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(*entered);
        QTRY_VERIFY(!QApplication::activeModalWidget() || QApplication::activeModalWidget()->objectName() != QStringLiteral("bulkPreviewDialog"));
        QTest::qWait(200);
        QCOMPARE(requestsOf("DELETE", open[0]), 0);
        QVERIFY(m_server->hasSession(open[0]));
        QVERIFY(!m_window->lastBulkDialog());
        QCOMPARE(runText.remove(QLatin1Char('&')), QStringLiteral("Run on 3 sessions"));
        const auto lineOf = [&lines](const QString &id) {
            for (const QString &l : std::as_const(lines))
                if (l.startsWith(id + QLatin1Char(':')) || l.startsWith(id + QLatin1Char(' ')))
                    return l;
            return QString();
        };
        QVERIFY2(lineOf(closed).contains(QStringLiteral("skipped")) && lineOf(closed).contains(QStringLiteral("closed")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY2(lineOf(missing).contains(QStringLiteral("skipped")) && lineOf(missing).contains(QStringLiteral("no open session")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY2(!lineOf(open[0]).contains(QStringLiteral("skipped")), qPrintable(lineOf(open[0])));

        // Run, clicked: only the open sessions are sent.
        const auto run = whenShown(modal(QStringLiteral("bulkPreviewDialog")), [](QWidget *d) {
            click(standardButton(d, QDialogButtonBox::Ok));
        });
        keys(Qt::Key_W, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(*run);
        for (const QString &id : open)
            QTRY_VERIFY_WITH_TIMEOUT(!m_server->hasSession(id), 10000);
        closeProgressWhenFinished();
        QCOMPARE(requestsOf("DELETE", closed), 0);
        QCOMPARE(requestsOf("DELETE", missing), 0);
        for (const QString &id : open)
            QCOMPARE(requestsOf("DELETE", id), 1);
    }

    // "Retry failed" after a run sends exactly the sessions that failed, once each, and none of
    // those that went through. The run and its retry are one undo step: one Ctrl+Z gives all six
    // their agents back.
    void retryFailedRerunsExactlyTheFailed()
    {
        const QStringList ids = assignedSessions(6);
        QCOMPARE(ids.size(), 6);
        QHash<QString, QString> agents;
        for (const QString &id : ids)
            agents.insert(id, serverAgentId(id));
        paste(ids);
        const QStringList refused = {ids[1], ids[4]};
        for (const QString &id : refused)
            m_server->refuseWritesTo.insert(id);
        keys(Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(m_window->selectedOrderIds().size(), 6);
        m_requests.clear();
        const auto run = whenShown(modal(QStringLiteral("bulkPreviewDialog")), [](QWidget *d) {
            click(standardButton(d, QDialogButtonBox::Ok));
        });
        keys(Qt::Key_U, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(*run);
        QPointer<QDialog> first = m_window->lastBulkDialog();
        QVERIFY(first);
        auto *retry = first->findChild<QPushButton *>(QStringLiteral("bulkRetryFailed"));
        QTRY_VERIFY_WITH_TIMEOUT(first->findChild<QPushButton *>(QStringLiteral("bulkClose"))->isEnabled(), 20000);
        for (const QString &id : ids) {
            QCOMPARE(requestsOf("DELETE", id), 1);
            QCOMPARE(serverAgentId(id).isEmpty(), !refused.contains(id));
        }
        const QStringList firstLines = linesOf(resultsOf(first));
        QCOMPARE(firstLines.filter(QStringLiteral("FAILED")).size(), 2);
        QVERIFY(retry->isEnabled());

        // The server is well again: Retry failed sends the two, and only them.
        m_server->refuseWritesTo.clear();
        m_requests.clear();
        click(retry);
        QTRY_VERIFY(m_window->lastBulkDialog() && m_window->lastBulkDialog() != first.data());
        QPointer<QDialog> second = m_window->lastBulkDialog();
        QTRY_VERIFY_WITH_TIMEOUT(second->findChild<QPushButton *>(QStringLiteral("bulkClose"))->isEnabled(), 20000);
        QStringList secondLines = linesOf(resultsOf(second));
        secondLines.sort();
        QCOMPARE(secondLines, (QStringList{QStringLiteral("%1 — done").arg(refused[0]), QStringLiteral("%1 — done").arg(refused[1])}));
        for (const QString &id : ids) {
            QCOMPARE(requestsOf("DELETE", id), refused.contains(id) ? 1 : 0);
            QCOMPARE(requestsOf("PUT", id) + requestsOf("POST", id), 0);
            QVERIFY2(serverAgentId(id).isEmpty(), qPrintable(id));
        }
        closeProgressWhenFinished();

        QTRY_COMPARE(m_window->action(QStringLiteral("undo"))->text(), QStringLiteral("&Undo Unassign 6 sessions"));
        keys(Qt::Key_Z, Qt::ControlModifier);
        for (const QString &id : ids)
            QTRY_COMPARE_WITH_TIMEOUT(serverAgentId(id), agents.value(id), 10000);
        QVERIFY2(!m_window->action(QStringLiteral("undo"))->isEnabled(), qPrintable(m_window->action(QStringLiteral("undo"))->text()));
    }

    // Bulk close from the window: Enter in its confirmation sends nothing (Cancel is the
    // default); a run cancelled half-way leaves the sessions it had not reached open on the
    // server, and the list says so.
    void bulkCloseCancelledMidwayLeavesTheRest()
    {
        QStringList ids;
        for (int i = 1; i <= 10; ++i)
            ids << QStringLiteral("ORD-1000%1").arg(i, 2, 10, QLatin1Char('0'));
        m_window.reset();
        m_profile.concurrency = 1; // one at a time, so there is a "half-way"
        makeWindow();
        paste(ids);
        keys(Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(m_window->selectedOrderIds().size(), ids.size());
        m_server->writes.clear();

        bool cancelIsDefault = false;
        const auto entered = whenShown(modal(QStringLiteral("bulkPreviewDialog")), [&cancelIsDefault](QWidget *d) {
            auto *cancel = qobject_cast<QPushButton *>(standardButton(d, QDialogButtonBox::Cancel));
            cancelIsDefault = cancel && cancel->isDefault();
            QTest::keyClick(d->focusWidget() ? d->focusWidget() : d, Qt::Key_Return);
        });
        keys(Qt::Key_W, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(*entered);
        QVERIFY(cancelIsDefault);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QTest::qWait(200);
        QCOMPARE(m_server->writes.size(), 0);
        QVERIFY(!m_window->lastBulkDialog());

        m_server->setLatencyMs(250);
        const auto run = whenShown(modal(QStringLiteral("bulkPreviewDialog")), [](QWidget *d) {
            click(standardButton(d, QDialogButtonBox::Ok));
        });
        keys(Qt::Key_W, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(*run);
        QPointer<QDialog> progress = m_window->lastBulkDialog();
        QVERIFY(progress);
        const auto closedOnServer = [this, &ids] {
            return int(std::count_if(ids.cbegin(), ids.cend(), [this](const QString &id) { return !m_server->hasSession(id); }));
        };
        QTRY_VERIFY_WITH_TIMEOUT(closedOnServer() >= 2, 10000);
        click(progress->findChild<QPushButton *>(QStringLiteral("bulkCancel")));
        QTRY_VERIFY_WITH_TIMEOUT(progress->findChild<QPushButton *>(QStringLiteral("bulkClose"))->isEnabled(), 10000);
        QTest::qWait(600); // nothing more goes out once the run has ended
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);

        const int closed = closedOnServer();
        QVERIFY2(closed >= 2 && closed <= 4, qPrintable(QString::number(closed)));
        QCOMPARE(int(m_server->writes.size()), closed);
        // As the sandbox received them (an answer still under way when the run was cancelled
        // may never be logged as handled).
        const auto deletesOf = [this](const QString &id) {
            return std::count_if(m_server->writes.cbegin(), m_server->writes.cend(), [&id](const TestSandbox::Write &w) {
                return w.method == "DELETE" && w.path.endsWith(QLatin1Char('/') + id);
            });
        };
        for (const QString &id : ids) {
            if (m_server->hasSession(id)) {
                QCOMPARE(deletesOf(id), 0);
                QCOMPARE(stateOf(id), SessionState::Open);
            } else {
                QCOMPARE(deletesOf(id), 1);
            }
        }
        // What the run did not reach is offered for another try.
        QVERIFY(progress->findChild<QPushButton *>(QStringLiteral("bulkRetryFailed"))->isEnabled());
        closeProgressWhenFinished();
    }

    // The progress dialog: rows in flight say "running", the estimate shows and moves.
    void bulkProgressShowsRunningRowsAndEstimate()
    {
        const QStringList ids = assignedSessions(8);
        QCOMPARE(ids.size(), 8);
        m_window.reset();
        m_profile.concurrency = 2; // a few at a time: the run lasts long enough to watch it
        makeWindow();
        paste(ids);
        keys(Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(m_window->selectedOrderIds().size(), 8);
        m_server->setLatencyMs(700);
        const auto run = whenShown(modal(QStringLiteral("bulkPreviewDialog")), [](QWidget *d) {
            click(standardButton(d, QDialogButtonBox::Ok));
        });
        keys(Qt::Key_U, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(*run);
        QPointer<QDialog> progress = m_window->lastBulkDialog();
        QVERIFY(progress);
        QListView *results = resultsOf(progress);
        QVERIFY(results);
        // The first two (the profile's concurrency) are on their way at once, the rest wait.
        QTRY_COMPARE(linesOf(results).filter(QStringLiteral("running")).size(), 2);
        QCOMPARE(linesOf(results).filter(QStringLiteral("waiting")).size(), 6);
        // In the list, a request on its way is "in progress": "pending change" is the outbox's.
        const QString running = linesOf(results).filter(QStringLiteral("running")).first().section(QStringLiteral(" — "), 0, 0);
        QVERIFY2(listStatus(running).startsWith(QStringLiteral("in progress")), qPrintable(listStatus(running)));
        auto *status = progress->findChild<QLabel *>(QStringLiteral("bulkStatus"));
        QVERIFY(status && status->isVisible());
        // Before the first answer the estimate says that it is being made; then it counts down.
        QVERIFY2(status->text().contains(QStringLiteral("left")), qPrintable(status->text()));
        QStringList estimates;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            // The estimate itself, after the counts: "... remaining · about 3 seconds left".
            const QString t = status->text(), estimate = t.section(QStringLiteral(" · "), 1);
            if (estimate.startsWith(QStringLiteral("about ")) && estimate.endsWith(QStringLiteral(" left"))
                && !estimates.contains(estimate))
                estimates << estimate;
            return estimates.size() >= 2 || t.contains(QStringLiteral("finished"));
        }()), 10000);
        QVERIFY2(estimates.size() >= 2, qPrintable(estimates.join(QLatin1Char('|'))));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("finished")), 20000);
        QVERIFY(!status->text().contains(QStringLiteral("left")));
        QCOMPARE(linesOf(results).filter(QStringLiteral("done")).size(), 8);
        for (const QString &id : ids)
            QVERIFY(serverAgentId(id).isEmpty());
    }

    // A failure's whole text can be read; "Retry failed" and the banner's Retry are not offered
    // for what cannot succeed (no open session).
    void failuresAreReadableAndNotRetriedInVain()
    {
        const QStringList ids = {QStringLiteral("ORD-100001"), QStringLiteral("ORD-100003"), QStringLiteral("ORD-100004")};
        paste(ids);
        closeElsewhere(ids[1]); // the list does not know yet
        keys(Qt::Key_A, Qt::ControlModifier);
        const auto run = whenShown(modal(QStringLiteral("bulkPreviewDialog")), [](QWidget *d) {
            click(standardButton(d, QDialogButtonBox::Ok));
        });
        keys(Qt::Key_W, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(*run);
        QPointer<QDialog> progress = m_window->lastBulkDialog();
        QVERIFY(progress);
        progress->resize(520, 380); // within an 800x600 screen
        auto *status = progress->findChild<QLabel *>(QStringLiteral("bulkStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("finished")), 20000);
        QListView *results = resultsOf(progress);
        const QStringList lines = linesOf(results);
        const int failedRow = int(lines.indexOf(QRegularExpression(QStringLiteral("^ORD-100003.*"))));
        QVERIFY(failedRow >= 0);
        QVERIFY2(lines[failedRow].contains(QStringLiteral("HTTP 404")), qPrintable(lines[failedRow]));

        // Retry cannot help a session the server no longer has: not offered, and it says why.
        auto *retry = progress->findChild<QPushButton *>(QStringLiteral("bulkRetryFailed"));
        QVERIFY(!retry->isEnabled());
        QVERIFY2(status->text().contains(QStringLiteral("cannot succeed")), qPrintable(status->text()));

        // The failed row, clicked: its whole text, wrapped, in the dialog.
        const QRect rect = results->visualRect(results->model()->index(failedRow, 0));
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, rect.center());
        auto *detail = progress->findChild<QLabel *>(QStringLiteral("bulkResultDetail"));
        QVERIFY(detail);
        QTRY_VERIFY(detail->isVisible());
        QVERIFY(detail->wordWrap());
        const QString whole = results->model()->index(failedRow, 0).data().toString();
        QVERIFY2(detail->text().contains(whole.section(QStringLiteral("HTTP 404"), 0, 0)), qPrintable(detail->text()));
        QVERIFY(detail->text().contains(QStringLiteral("HTTP 404")));
        QVERIFY(detail->width() <= progress->width());
        QCOMPARE(results->model()->index(failedRow, 0).data(Qt::ToolTipRole).toString(), whole);
        click(progress->findChild<QPushButton *>(QStringLiteral("bulkClose")));

        // A session the server has not: the pane says so, with no failure banner and no Retry.
        goTo(QStringLiteral("NOPE-2"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("NOPE-2")), SessionState::NotFound, 10000);
        QTRY_VERIFY(paneChild("readOnlyNotice")->isVisible());
        QVERIFY2(m_window->detailPane()->bannerText().isEmpty(), qPrintable(m_window->detailPane()->bannerText()));
        QVERIFY(!paneChild("retryButton")->isVisible());
    }

    // Unassign offers its undo right there, in the status bar: one session, and several.
    void unassignOffersUndoInTheStatusBar()
    {
        const QStringList ids = assignedSessions(3);
        QCOMPARE(ids.size(), 3);
        paste(ids);
        const QString agentOf0 = serverAgentId(ids[0]);
        clickRow(ids[0]);
        keys(Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(serverAgentId(ids[0]).isEmpty(), 10000);
        auto *undo = m_window->statusBar()->findChild<QPushButton *>(QStringLiteral("undoNoticeButton"));
        QVERIFY(undo);
        QTRY_VERIFY(undo->isVisible());
        auto *notice = m_window->statusBar()->findChild<QLabel *>(QStringLiteral("undoNoticeText"));
        QVERIFY(notice);
        QVERIFY2(notice->text().contains(ids[0]), qPrintable(notice->text()));
        click(undo);
        QTRY_COMPARE_WITH_TIMEOUT(serverAgentId(ids[0]), agentOf0, 10000);
        QTRY_VERIFY(!undo->isVisible());

        // Two at once, through the bulk action.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);
        const QString agentOf1 = serverAgentId(ids[1]), agentOf2 = serverAgentId(ids[2]);
        clickRow(ids[1]);
        clickRow(ids[2], Qt::LeftButton, Qt::ControlModifier);
        QCOMPARE(m_window->selectedOrderIds().size(), 2);
        const auto run = whenShown(modal(QStringLiteral("bulkPreviewDialog")), [](QWidget *d) {
            click(standardButton(d, QDialogButtonBox::Ok));
        });
        keys(Qt::Key_U, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(*run);
        QTRY_VERIFY_WITH_TIMEOUT(serverAgentId(ids[1]).isEmpty() && serverAgentId(ids[2]).isEmpty(), 10000);
        closeProgressWhenFinished();
        QTRY_VERIFY(undo->isVisible());
        QVERIFY2(notice->text().contains(QStringLiteral("2 sessions")), qPrintable(notice->text()));
        click(undo);
        QTRY_COMPARE_WITH_TIMEOUT(serverAgentId(ids[1]), agentOf1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(serverAgentId(ids[2]), agentOf2, 10000);
    }

    // A server that wants a token while the profile has none: the banner says so and opens the
    // server profiles; no Retry that could only fail again.
    void missingTokenOffersTheServerProfile()
    {
        m_server->setToken(QStringLiteral("tok-1"));
        goTo(QStringLiteral("ORD-100001"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->detailPane()->bannerText().contains(QStringLiteral("401")), 10000);
        const QString banner = m_window->detailPane()->bannerText();
        QVERIFY2(banner.contains(QStringLiteral("no access token is set")), qPrintable(banner));
        QVERIFY(!paneChild("retryButton")->isVisible());
        auto *open = paneChild<QPushButton>("openProfilesButton");
        QVERIFY(open && open->isVisible());
        const auto opened = whenShown(modal(QStringLiteral("profileDialog")), [](QWidget *d) {
            QVERIFY(d->findChild<QLineEdit *>(QStringLiteral("profileToken")));
            click(standardButton(d, QDialogButtonBox::Cancel));
        });
        click(open);
        QTRY_VERIFY(*opened);
    }

    // No keychain (no D-Bus here): a sentence, not the keychain's raw error.
    void keychainProblemIsASentence()
    {
        QString text, detail;
        const auto asked = whenShown(modalOf<QMessageBox>(), [&text, &detail](QWidget *w) {
            auto *box = static_cast<QMessageBox *>(w);
            text = box->text();
            detail = box->informativeText() + box->detailedText();
            click(box->button(QMessageBox::Yes));
        });
        const auto entered = whenShown(modal(QStringLiteral("profileDialog")), [](QWidget *d) {
            QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("profileToken")), QStringLiteral("tok-2"));
            click(standardButton(d, QDialogButtonBox::Ok));
        });
        keys(Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(*entered);
        QTRY_VERIFY_WITH_TIMEOUT(*asked, 30000);
        QVERIFY2(text.startsWith(QStringLiteral("The system keychain is not available, so the token")), qPrintable(text));
        // The keychain's own words ("Could not connect: ...", "Failed to execute child process
        // 'dbus-launch'") only as the box's details.
        QVERIFY2(!detail.isEmpty() && !text.contains(detail), qPrintable(text + QLatin1Char('|') + detail));
        QTRY_COMPARE(m_window->client()->config().token, QStringLiteral("tok-2"));
        QVERIFY2(statusText().startsWith(QStringLiteral("The system keychain is not available, so the token")), qPrintable(statusText()));
        QVERIFY2(!statusText().contains(detail), qPrintable(statusText()));
    }

    // A save that waits in the outbox is a pending change, not "an unsaved edit kept as a draft".
    void outboxedChangeIsAPendingChangeNotADraft()
    {
        const QString id = QStringLiteral("ORD-100003");
        paste({id});
        clickRow(id);
        ClientConfig c = m_window->client()->config();
        c.retry.maxRetries = 0;
        m_window->client()->setConfig(c);
        m_server.reset();
        retype(paneField("callbackPhone"), QStringLiteral("+49 30 4444444"));
        // Typed, not saved: a draft, and the list and the pane say so.
        QTRY_VERIFY(listStatus(id).contains(QStringLiteral("unsaved")));
        keys(Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->outbox()->hasPendingFor(id), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(listStatus(id).contains(QStringLiteral("pending change")), 10000);
        QVERIFY2(!listStatus(id).contains(QStringLiteral("unsaved")), qPrintable(listStatus(id)));
        auto *state = paneChild<QLabel>("detailState");
        QTRY_VERIFY2(state->text().contains(QStringLiteral("outbox")), qPrintable(state->text()));
        QVERIFY2(!state->text().contains(QStringLiteral("unsaved")) && !state->text().contains(QStringLiteral("draft")),
                 qPrintable(state->text()));
    }
};

QTEST_MAIN(TestBulkFlows)
#include "tst_bulkflows.moc"
