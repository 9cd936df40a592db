// The real main window, offscreen, against an in-process sandbox (fixture: mainwindowtest.h):
// its actions and shortcuts, open, create, edit and save, assign, reassign, unassign, close,
// filter, sort, go to order, accessible names, and the German translation (germanUi runs alone,
// as the ctest tst_mainwindow_german). The other parts: tst_mainwindow_conflicts,
// tst_mainwindow_workspace and tst_mainwindow_bulk.
#include "mainwindowtest.h"

class TestMainWindow : public MainWindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() { setUp(); }

    void cleanup() { tearDown(); }

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
