// What an agent does, done as the agent does it: real key presses and mouse clicks on the real
// window and its dialogs (offscreen), checked against what reaches the in-process sandbox and what
// the window shows. No calls into the window's operations: every step goes through a widget.
// Agents, drafts, shortcuts, wording and focus here; closing, refreshing and removing sessions in
// tst_flows_sessions.cpp, conflicts and the outbox in tst_flows_conflicts.cpp (fixture: flowstest.h).
#include "flowstest.h"

class TestFlows : public FlowsTest
{
    Q_OBJECT

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

    // Bug 1: a changed agent ID takes that agent's details from the directory, never the
    // previous agent's.
    void reassignTakesTheNewAgentsDetails()
    {
        QStringList ids;
        for (int i = 1; i <= 30; ++i)
            ids << QStringLiteral("ORD-1000%1").arg(i, 2, 10, QLatin1Char('0'));
        ids.removeAll(QStringLiteral("ORD-100017")); // seeded as ORD/2026/100017
        paste(ids);
        // Two sessions of two different agents, as the sandbox has them.
        QString from, toSession;
        SeenAgent previous, next;
        for (const QString &id : std::as_const(ids)) {
            const SeenAgent a = seen(serverAgent(id));
            if (a.id.isEmpty() || a.phone.isEmpty())
                continue;
            if (from.isEmpty()) {
                from = id;
                previous = a;
            } else if (a.id != previous.id) {
                toSession = id;
                next = a;
                break;
            }
        }
        QVERIFY(!from.isEmpty() && !toSession.isEmpty());
        QVERIFY(previous.email != next.email && previous.phone != next.phone);

        clickRow(from);
        const auto reassigned = assignByTyping(next.id);
        keys(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(*reassigned);
        QTRY_COMPARE_WITH_TIMEOUT(seen(serverAgent(from)).id, next.id, 10000);
        const SeenAgent stored = seen(serverAgent(from));
        QCOMPARE(stored.name, next.name);
        QCOMPARE(stored.phone, next.phone);
        QCOMPARE(stored.email, next.email);

        // A new ID nobody has seen: none of the previous person's details go with it.
        const auto toNew = assignByTyping(QStringLiteral("agent-9999"));
        keys(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(*toNew);
        QTRY_COMPARE_WITH_TIMEOUT(seen(serverAgent(from)).id, QStringLiteral("agent-9999"), 10000);
        const SeenAgent bare = seen(serverAgent(from));
        QVERIFY2(bare.name.isEmpty() && bare.phone.isEmpty() && bare.email.isEmpty(),
                 qPrintable(bare.name + bare.phone + bare.email));

        // A known ID typed in full on an unassigned session: that agent's details, not a bare ID.
        const QString unassigned = QStringLiteral("ORD-100006");
        QVERIFY(!serverAgent(unassigned));
        clickRow(unassigned);
        const auto assigned = assignByTyping(next.id);
        keys(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(*assigned);
        QTRY_COMPARE_WITH_TIMEOUT(seen(serverAgent(unassigned)).id, next.id, 10000);
        QCOMPARE(seen(serverAgent(unassigned)).name, next.name);
        QCOMPARE(seen(serverAgent(unassigned)).email, next.email);
    }

    // Issue 12, bug 9: opening a session asks the server for its agent (GET .../agent), and the
    // agent card shows the agent the server has now, even when the list's copy is older; a
    // draft typed before stays.
    void openingASessionFetchesItsAgent()
    {
        const QString a = QStringLiteral("ORD-100003"), b = QStringLiteral("ORD-100004");
        paste({a, b});
        clickRow(a);
        retype(paneField("callbackPhone"), QStringLiteral("+49 30 3333333"));
        clickRow(b);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);

        // Someone else assigns another agent, behind the app's back.
        auto changed = parseSupport(m_server->sessionJson(a).toStdString());
        QVERIFY(changed.ok());
        Agent other;
        other.id = "agent-7777";
        other.person = Person{};
        other.person->name = "Robin Behindtheback";
        changed.value->agent = other;
        QVERIFY(m_server->putSessionJson(a, QByteArray::fromStdString(serialize(*changed.value))));
        m_requests.clear();

        clickRow(a);
        auto *card = m_window->detailPane()->findChild<QLabel *>(QStringLiteral("agentText"));
        QVERIFY(card);
        QTRY_VERIFY2_WITH_TIMEOUT(card->text().contains(QStringLiteral("Robin Behindtheback")),
                                  qPrintable(card->text()), 10000);
        QVERIFY(card->text().contains(QStringLiteral("agent-7777")));
        int agentGets = 0;
        for (const auto &r : std::as_const(m_requests))
            agentGets += r.first == "GET" && r.second.endsWith(QStringLiteral("/support/%1/agent").arg(a));
        QCOMPARE(agentGets, 1);
        QCOMPARE(paneField("callbackPhone")->text(), QStringLiteral("+49 30 3333333"));
        // The list knows the new agent too.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->sessionModel()->summary(a)->agentId, QStringLiteral("agent-7777"), 10000);
        QVERIFY(m_window->sessionModel()->indexOf(a, SessionModel::StatusColumn).data().toString()
                    .contains(QStringLiteral("unsaved")));
    }

    // Bug 2: an edit is a draft as soon as it is typed: another row and back, and a restart,
    // keep it; Revert drops it. Nothing reaches the server unsaved.
    void everyEditIsADraftUntilSavedOrReverted()
    {
        const QString a = QStringLiteral("ORD-100003"), b = QStringLiteral("ORD-100004");
        paste({a, b});
        const QString original = serverPhone(a);
        clickRow(a);
        QCOMPARE(paneField("callbackPhone")->text(), original);
        retype(paneField("callbackPhone"), QStringLiteral("+49 30 2222222"));
        clickRow(b);
        QCOMPARE(paneField("callbackPhone")->text(), serverPhone(b));
        // The list says that the other row holds an unsaved edit.
        const QModelIndex status = m_window->sessionModel()->indexOf(a, SessionModel::StatusColumn);
        QVERIFY2(status.data().toString().contains(QStringLiteral("unsaved")), qPrintable(status.data().toString()));
        clickRow(a);
        QCOMPARE(paneField("callbackPhone")->text(), QStringLiteral("+49 30 2222222"));
        auto *save = m_window->detailPane()->findChild<QPushButton *>(QStringLiteral("saveButton"));
        QVERIFY(save->isEnabled());

        // Quit (the window's close button: offscreen has no Ctrl+Q) and start again: the edit is
        // still there, still unsaved.
        m_window->close();
        QVERIFY(!m_window->isVisible());
        m_window.reset();
        makeWindow();
        clickRow(a);
        QCOMPARE(paneField("callbackPhone")->text(), QStringLiteral("+49 30 2222222"));
        QCOMPARE(serverPhone(a), original);

        // Revert (its shortcut): the server's copy again, no draft, also after a restart.
        QAction *revert = m_window->action(QStringLiteral("revert"));
        QVERIFY(revert && !revert->shortcut().isEmpty());
        keys(Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(revert->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+R")));
        QCOMPARE(paneField("callbackPhone")->text(), original);
        QVERIFY(!m_window->sessionModel()->indexOf(a, SessionModel::StatusColumn).data().toString().contains(QStringLiteral("unsaved")));
        m_window.reset();
        makeWindow();
        clickRow(a);
        QCOMPARE(paneField("callbackPhone")->text(), original);
        QCOMPARE(serverPhone(a), original);
    }

    // Bug 4: Ctrl+, opens the server profiles on every platform, and says so.
    void serverProfilesShortcutWorksEverywhere()
    {
        const auto opened = whenShown(modal(QStringLiteral("profileDialog")), [](QWidget *d) {
            click(standardButton(d, QDialogButtonBox::Cancel));
        });
        keys(Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(*opened);
        const QString comma = QKeySequence(Qt::CTRL | Qt::Key_Comma).toString(QKeySequence::NativeText);
        QCOMPARE(m_window->action(QStringLiteral("manageProfiles"))->shortcut().toString(QKeySequence::NativeText), comma);

        QString listed;
        const auto help = whenShown(modal(QStringLiteral("shortcutsDialog")), [&listed](QWidget *d) {
            auto *table = d->findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
            for (int r = 0; table && r < table->rowCount(); ++r)
                if (table->item(r, 0)->text().startsWith(QStringLiteral("Server profiles")))
                    listed = table->item(r, 1)->text();
            click(standardButton(d, QDialogButtonBox::Close));
        });
        keys(Qt::Key_F1);
        QTRY_VERIFY(*help);
        QCOMPARE(listed, comma);
    }

    // Bug 10: messages, titles and undo texts are whole sentences with real plurals.
    void textsAreWholeSentences()
    {
        const QStringList ids = {QStringLiteral("ORD-100001"), QStringLiteral("ORD-100002")};
        paste(ids);
        QVERIFY2(m_window->windowTitle().endsWith(QStringLiteral("SupportDesk"))
                     && m_window->windowTitle().count(QStringLiteral("SupportDesk")) == 1,
                 qPrintable(m_window->windowTitle()));

        clickRow(ids[0]);
        const auto assigned = assignByTyping(QStringLiteral("agent-5"));
        keys(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(*assigned);
        QTRY_VERIFY_WITH_TIMEOUT(statusText().contains(ids[0]), 10000);
        QCOMPARE(statusText(), QStringLiteral("Order ORD-100001: agent assigned."));
        keys(Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(statusText(), QStringLiteral("Order ORD-100001: agent removed."), 10000);

        // Both rows, bulk reassign: the dialog's title, the preview's Run, the undo entry.
        clickRow(ids[1], Qt::LeftButton, Qt::ControlModifier);
        QCOMPARE(m_window->selectedOrderIds().size(), 2);
        QString title;
        const auto chosen = assignByTyping(QStringLiteral("agent-7"), &title);
        const auto run = whenShown(modal(QStringLiteral("bulkPreviewDialog")), [](QWidget *d) {
            click(standardButton(d, QDialogButtonBox::Ok));
        });
        keys(Qt::Key_A, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(*chosen);
        QTRY_VERIFY(*run);
        QCOMPARE(title, QStringLiteral("Reassign 2 sessions"));
        QTRY_COMPARE_WITH_TIMEOUT(seen(serverAgent(ids[1])).id, QStringLiteral("agent-7"), 10000);
        QTRY_COMPARE(m_window->action(QStringLiteral("undo"))->text(), QStringLiteral("&Undo Reassign 2 sessions"));
        if (QWidget *progress = QApplication::activeModalWidget())
            click(progress->findChild<QPushButton *>(QStringLiteral("bulkClose")));

        const auto unassignRun = whenShown(modal(QStringLiteral("bulkPreviewDialog")), [](QWidget *d) {
            click(standardButton(d, QDialogButtonBox::Ok));
        });
        keys(Qt::Key_U, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(*unassignRun);
        QTRY_VERIFY_WITH_TIMEOUT(!serverAgent(ids[1]), 10000);
        QTRY_COMPARE(m_window->action(QStringLiteral("undo"))->text(), QStringLiteral("&Undo Unassign 2 sessions"));
        if (QWidget *progress = QApplication::activeModalWidget())
            click(progress->findChild<QPushButton *>(QStringLiteral("bulkClose")));
    }

    // Feedback after the click-through: copying says so, removing rows offers Undo in the status
    // bar, an undo result is a sentence, the close question names its action (Cancel default),
    // and F1 lists Undo/Redo by name rather than by the step they would take now.
    void feedbackSaysWhatHappened()
    {
        const QStringList ids = {QStringLiteral("ORD-100001"), QStringLiteral("ORD-100003"), QStringLiteral("ORD-100004")};
        paste(ids);
        clickRow(ids[0]);
        QTest::keyClick(m_window->sessionView(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), ids[0]);
        QCOMPARE(statusText(), QStringLiteral("Order ID copied."));
        clickRow(ids[1], Qt::LeftButton, Qt::ControlModifier);
        QTest::keyClick(m_window->sessionView(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(statusText(), QStringLiteral("2 order IDs copied."));

        // Delete: the same Undo offer in the status bar as unassigning.
        QTest::keyClick(m_window->sessionView(), Qt::Key_Delete);
        QTRY_VERIFY(!listed(ids[0]) && !listed(ids[1]));
        auto *undoButton = m_window->statusBar()->findChild<QPushButton *>(QStringLiteral("undoNoticeButton"));
        QVERIFY(undoButton);
        QTRY_VERIFY(undoButton->isVisible());
        click(undoButton);
        QTRY_VERIFY(listed(ids[0]) && listed(ids[1]));

        // An undone assignment says what was undone, as a sentence.
        clickRow(ids[2]);
        const auto assigned = assignByTyping(QStringLiteral("agent-5"));
        keys(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(*assigned);
        QTRY_COMPARE_WITH_TIMEOUT(seen(serverAgent(ids[2])).id, QStringLiteral("agent-5"), 10000);
        QTRY_VERIFY(m_window->action(QStringLiteral("undo"))->isEnabled());
        keys(Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(statusText(), QStringLiteral("Undone: Assign agent to %1.").arg(ids[2]), 10000);

        // F1: "Undo" and "Redo", whatever they would undo now.
        QTRY_VERIFY(m_window->action(QStringLiteral("redo"))->isEnabled());
        QStringList listedActions;
        const auto shortcuts = whenShown(modal(QStringLiteral("shortcutsDialog")), [&listedActions](QWidget *d) {
            auto *table = d->findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
            for (int r = 0; r < table->rowCount(); ++r)
                listedActions << table->item(r, 0)->text();
            QTest::keyClick(d, Qt::Key_Escape);
        });
        keys(Qt::Key_F1);
        QTRY_VERIFY(*shortcuts);
        QVERIFY2(listedActions.contains(QStringLiteral("Undo")) && listedActions.contains(QStringLiteral("Redo")),
                 qPrintable(listedActions.join(QStringLiteral(" | "))));

        // The close question: "Close session" / "Cancel", Cancel the default; Enter closes nothing.
        QString yesText;
        bool cancelDefault = false;
        const auto asked = whenShown(modalOf<QMessageBox>(), [&](QWidget *w) {
            auto *box = static_cast<QMessageBox *>(w);
            yesText = box->button(QMessageBox::Yes)->text();
            cancelDefault = box->defaultButton() == box->button(QMessageBox::Cancel);
            QTest::keyClick(box, Qt::Key_Return);
        });
        clickRow(ids[2]);
        keys(Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(*asked);
        QCOMPARE(yesText.remove(QLatin1Char('&')), QStringLiteral("Close session"));
        QVERIFY(cancelDefault);
        QTest::qWait(100);
        QVERIFY(m_server->hasSession(ids[2]));
    }

    // Not found is a state (issue bug 6): opening an unknown order shows no failure banner.
    void notFoundIsNoFailure()
    {
        const auto opened = whenShown(modalOf<QInputDialog>(), [](QWidget *d) {
            QTest::keyClicks(d->findChild<QLineEdit *>(), QStringLiteral("ORD-999999"));
            click(standardButton(d, QDialogButtonBox::Ok));
        });
        keys(Qt::Key_O, Qt::ControlModifier);
        QTRY_VERIFY(*opened);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("ORD-999999")), SessionState::NotFound, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);
        QCOMPARE(m_window->selectedOrderId(), QStringLiteral("ORD-999999"));
        auto *banner = m_window->detailPane()->findChild<QLabel *>(QStringLiteral("errorBannerText"));
        QVERIFY(banner);
        QVERIFY2(!banner->isVisible(), qPrintable(banner->text()));
    }

    // The next session under the cursor (Ctrl+PgDown in the form): its value is selected, so
    // typing replaces it rather than going in front of it.
    void nextSessionSelectsTheFieldsValue()
    {
        const QStringList ids = {QStringLiteral("ORD-100001"), QStringLiteral("ORD-100003"), QStringLiteral("ORD-100004")};
        paste(ids);
        clickRow(ids[0]);
        QTest::keyClick(m_window->sessionView(), Qt::Key_Tab);
        QLineEdit *phone = paneField("callbackPhone");
        QTRY_VERIFY(phone->hasFocus());
        QCOMPARE(phone->selectedText(), phone->text());
        keys(Qt::Key_PageDown, Qt::ControlModifier);
        QTRY_COMPARE(m_window->detailPane()->orderId(), ids[1]);
        QVERIFY(phone->hasFocus());
        QVERIFY(!phone->text().isEmpty());
        QCOMPARE(phone->selectedText(), phone->text());
        QTest::keyClicks(phone, QStringLiteral("+49 40 7777777"));
        QCOMPARE(phone->text(), QStringLiteral("+49 40 7777777"));
    }

    // Revert and the status bar's Undo leave the focus where the user was working.
    void focusStaysAfterRevertAndUndo()
    {
        const QStringList ids = {QStringLiteral("ORD-100001"), QStringLiteral("ORD-100003")};
        paste(ids);
        clickRow(ids[0]);
        QTest::keyClick(m_window->sessionView(), Qt::Key_Tab);
        QLineEdit *phone = paneField("callbackPhone");
        QTRY_VERIFY(phone->hasFocus());
        QTest::keyClicks(phone, QStringLiteral("+49 40 1234567"));
        keys(Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(phone->text() != QStringLiteral("+49 40 1234567"));
        QVERIFY2(phone->hasFocus(), QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className() : "none");

        clickRow(ids[1]);
        QTest::keyClick(m_window->sessionView(), Qt::Key_Delete);
        QTRY_VERIFY(!listed(ids[1]));
        auto *undoButton = m_window->statusBar()->findChild<QPushButton *>(QStringLiteral("undoNoticeButton"));
        QTRY_VERIFY(undoButton && undoButton->isVisible());
        click(undoButton);
        QTRY_VERIFY(listed(ids[1]));
        QVERIFY(m_window->sessionView()->hasFocus());
    }
};

QTEST_MAIN(TestFlows)
#include "tst_flows.moc"
