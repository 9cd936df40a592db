// What an agent does (as tst_flows.cpp, through real key presses and clicks): conflicts and the
// choice per field in the conflict dialog, and changes and new requests waiting in the outbox.
#include "flowstest.h"

class TestFlowsConflicts : public FlowsTest
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

    // Bug 3: after a conflict, the pane shows what the server now has (no leftover draft, nothing
    // sent again); the dialog lists only the fields both sides changed differently, and the
    // choice per field decides what is sent.
    void resolvedConflictLeavesNoStaleDraft()
    {
        const QString id = QStringLiteral("ORD-100004");
        paste({id});
        clickRow(id);
        const auto seeded = parseSupport(m_server->sessionJson(id).toStdString());
        QVERIFY(seeded.ok());
        const Support base = *seeded.value;

        // Elsewhere: someone else changes the phone, the summary and the description.
        Support theirs = base;
        theirs.callbackPhone = std::string("+49 30 1111111");
        if (!theirs.descriptor)
            theirs.descriptor.emplace();
        theirs.descriptor->shortDesc = std::string("Their summary");
        theirs.descriptor->longDesc = std::string("Their description");
        QVERIFY(m_server->putSessionJson(id, QByteArray::fromStdString(serialize(theirs))));

        // Here: the phone, the topic and the summary, then Ctrl+S.
        retype(paneField("callbackPhone"), QStringLiteral("+49 30 2222222"));
        retype(paneField("descriptorName"), QStringLiteral("My topic"));
        retype(paneField("descriptorShort"), QStringLiteral("My summary"));
        QStringList listedFields;
        const auto resolved = whenShown(modal(QStringLiteral("conflictDialog")), [&listedFields](QWidget *d) {
            auto *table = d->findChild<QTableWidget *>(QStringLiteral("conflictTable"));
            QVERIFY(table);
            for (int r = 0; r < table->rowCount(); ++r) {
                listedFields << table->item(r, 0)->text();
                if (table->item(r, 0)->text() == QStringLiteral("Callback phone")) {
                    // Theirs for the phone: the row's "mine" box off, with the keyboard.
                    table->setFocus();
                    table->setCurrentCell(r, 2);
                    QCOMPARE(table->item(r, 2)->checkState(), Qt::Checked);
                    QTest::keyClick(table, Qt::Key_Space);
                    QCOMPARE(table->item(r, 2)->checkState(), Qt::Unchecked);
                }
            }
            click(standardButton(d, QDialogButtonBox::Ok));
        });
        keys(Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(*resolved, 10000);
        QCOMPARE(listedFields, (QStringList{QStringLiteral("Callback phone"), QStringLiteral("Summary")}));

        // The server: their phone and description, my topic and summary.
        const auto onServer = [this, id] {
            const auto p = parseSupport(m_server->sessionJson(id).toStdString());
            return p.ok() ? *p.value : Support{};
        };
        QTRY_COMPARE_WITH_TIMEOUT(onServer().descriptor ? str(onServer().descriptor->name) : QString(),
                                  QStringLiteral("My topic"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);
        QCOMPARE(str(onServer().callbackPhone), QStringLiteral("+49 30 1111111"));
        QCOMPARE(str(onServer().descriptor->shortDesc), QStringLiteral("My summary"));
        QCOMPARE(str(onServer().descriptor->longDesc), QStringLiteral("Their description"));

        // The pane: the server's resolved state, nothing left to save (once the reply has
        // finished, which is after its audit outcome is on disk).
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->detailPane()->findChild<QPushButton *>(QStringLiteral("saveButton"))->isEnabled(), 10000);
        QCOMPARE(paneField("callbackPhone")->text(), QStringLiteral("+49 30 1111111"));
        QCOMPARE(paneField("descriptorName")->text(), QStringLiteral("My topic"));
        QCOMPARE(paneField("descriptorShort")->text(), QStringLiteral("My summary"));
        QVERIFY(!m_window->action(QStringLiteral("save"))->isEnabled());
        QVERIFY(!m_window->sessionModel()->indexOf(id, SessionModel::StatusColumn).data().toString().contains(QStringLiteral("unsaved")));

        // A second Ctrl+S sends nothing (and shows no dialog).
        const qint64 requests = m_server->requestCount();
        keys(Qt::Key_S, Qt::ControlModifier);
        QTest::qWait(200);
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(m_server->requestCount(), requests);
        QCOMPARE(str(onServer().callbackPhone), QStringLiteral("+49 30 1111111"));
    }

    // The choice per field in the conflict dialog is what the PUT carries: theirs for the phone
    // (clicked), mine for the summary.
    void conflictChoicePerFieldDecidesThePutBody()
    {
        const QString id = QStringLiteral("ORD-100003");
        paste({id});
        clickRow(id);
        const std::optional<Support> base = serverSession(id);
        QVERIFY(base);
        changeElsewhere(id, *base);
        retype(paneField("callbackPhone"), QStringLiteral("+49 30 2222222"));
        retype(paneField("descriptorShort"), QStringLiteral("My summary"));
        m_server->writes.clear();

        QStringList listed;
        const auto chosen = chooseInConflict(QStringLiteral("Callback phone"), QStringLiteral("Summary"), &listed);
        keys(Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(*chosen, 10000);
        QCOMPARE(listed, (QStringList{QStringLiteral("Callback phone"), QStringLiteral("Summary")}));
        QTRY_VERIFY_WITH_TIMEOUT(serverSession(id)->descriptor && serverSession(id)->descriptor->shortDesc
                                     == std::optional<std::string>("My summary"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);

        // What was sent after the choice: their phone, my summary.
        const Support sent = lastPut(id);
        QCOMPARE(str(sent.callbackPhone), QStringLiteral("+49 30 1111111"));
        QVERIFY(sent.descriptor);
        QCOMPARE(str(sent.descriptor->shortDesc), QStringLiteral("My summary"));
        QCOMPARE(str(serverSession(id)->callbackPhone), QStringLiteral("+49 30 1111111"));
    }

    // A change made offline meets someone else's change when it is finally sent: the agent gets
    // the conflict dialog, and the choice made there is what the server ends with. Killed while
    // the dialog is open (the files as they are on disk at that moment), the change is still in
    // the outbox at the next start and the agent is asked again.
    void outboxConflictReachesTheAgent()
    {
        const QString id = QStringLiteral("ORD-100005");
        paste({id});
        clickRow(id);
        const std::optional<Support> base = serverSession(id);
        QVERIFY(base);
        ClientConfig c = m_window->client()->config();
        c.retry.maxRetries = 0;
        m_window->client()->setConfig(c);
        const quint16 port = quint16(m_profile.baseUrl.port());
        m_server.reset();

        retype(paneField("callbackPhone"), QStringLiteral("+49 30 2222222"));
        retype(paneField("descriptorShort"), QStringLiteral("My summary"));
        keys(Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->sessionModel()->isWaitingInOutbox(id), 10000);

        // The server answers again; meanwhile someone else changed the phone and the summary.
        m_server = std::make_unique<TestSandbox>();
        m_server->seed(30);
        changeElsewhere(id, *base);
        recordRequests(m_server.get());
        QVERIFY(m_server->start(QHostAddress::LocalHost, port).isValid());

        // The dialog comes; the process dies with it open: what is on disk then is what the next
        // start finds.
        const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QTemporaryDir disk;
        QVERIFY(disk.isValid());
        const auto killed = whenShown(modal(QStringLiteral("conflictDialog")), [&data, &disk](QWidget *d) {
            QDirIterator files(data, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                const QString from = files.next();
                if (from.endsWith(QStringLiteral(".lock")))
                    continue; // a dead process's lock is stale
                const QString to = disk.filePath(QDir(data).relativeFilePath(from));
                QVERIFY(QDir().mkpath(QFileInfo(to).path()));
                QVERIFY(QFile::copy(from, to));
            }
            QTest::keyClick(d, Qt::Key_Escape);
        });
        QTRY_VERIFY_WITH_TIMEOUT(*killed, 30000);
        m_window.reset();
        QVERIFY(QDir(data).removeRecursively());
        QDirIterator files(disk.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString from = files.next();
            const QString to = data + QLatin1Char('/') + QDir(disk.path()).relativeFilePath(from);
            QVERIFY(QDir().mkpath(QFileInfo(to).path()));
            QVERIFY(QFile::copy(from, to));
        }
        QCOMPARE(str(serverSession(id)->callbackPhone), QStringLiteral("+49 30 1111111")); // nothing sent
        {
            // What the next start finds: the change, still waiting for the agent's choice.
            Outbox outbox(Outbox::pathFor(m_profile.id));
            QVERIFY2(outbox.isOpen(), qPrintable(outbox.error()));
            const std::vector<OutboxItem> items = outbox.items();
            QCOMPARE(items.size(), size_t(1));
            QCOMPARE(items.front().orderId, id);
            QCOMPARE(items.front().state, QStringLiteral("conflict"));
            QVERIFY(items.front().payload.contains("+49 30 2222222"));
        }
        m_server->writes.clear();

        // The next start: the change still waits, and the agent is asked again.
        QStringList listed;
        const auto chosen = chooseInConflict(QStringLiteral("Callback phone"), QStringLiteral("Summary"), &listed);
        makeWindow();
        QTRY_VERIFY_WITH_TIMEOUT(*chosen, 30000);
        QCOMPARE(listed, (QStringList{QStringLiteral("Callback phone"), QStringLiteral("Summary")}));
        QTRY_VERIFY_WITH_TIMEOUT(serverSession(id)->descriptor && serverSession(id)->descriptor->shortDesc
                                     == std::optional<std::string>("My summary"), 20000);
        QCOMPARE(str(serverSession(id)->callbackPhone), QStringLiteral("+49 30 1111111"));
        QCOMPARE(str(lastPut(id).callbackPhone), QStringLiteral("+49 30 1111111"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->sessionModel()->isPending(id), 10000);
        QCOMPARE(m_server->writes.size(), 1);
    }

    // Bug 9: a new support request made while the server cannot be reached waits in the outbox
    // (a pending row, no error) and is sent once when the server answers again; a 409 then means
    // that the session exists already: it is fetched and shown.
    void newRequestWhileOfflineWaitsInTheOutbox()
    {
        ClientConfig c = m_window->client()->config();
        c.retry.maxRetries = 0;
        m_window->client()->setConfig(c);
        const quint16 port = quint16(m_profile.baseUrl.port());
        m_server.reset();

        const QString mine = QStringLiteral("ORD-200001"), raced = QStringLiteral("ORD-200002");
        for (const QString &id : {mine, raced}) {
            const auto created = whenShown(modal(QStringLiteral("newSessionDialog")), [id](QWidget *d) {
                QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("orderId")), id);
                QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("callbackPhone")), QStringLiteral("+49 30 3333333"));
                QTest::keyClick(d->findChild<QLineEdit *>(QStringLiteral("topic")), Qt::Key_Return);
            });
            keys(Qt::Key_N, Qt::ControlModifier);
            QTRY_VERIFY(*created);
            QTRY_VERIFY_WITH_TIMEOUT(listed(id) && m_window->sessionModel()->isWaitingInOutbox(id), 10000);
            QVERIFY(stateOf(id) != SessionState::Error);
            const QString status = m_window->sessionModel()->indexOf(id, SessionModel::StatusColumn).data().toString();
            QVERIFY2(status.contains(QStringLiteral("pending")), qPrintable(status));
        }
        QTest::qWait(300);
        QVERIFY(m_window->sessionModel()->isPending(mine));

        // The server answers again; meanwhile someone else opened a session for the second order.
        m_server = std::make_unique<TestSandbox>();
        m_server->seed(30);
        Support other;
        other.orderId = raced.toStdString();
        other.callbackPhone = std::string("+49 30 5555555");
        QVERIFY(m_server->putSessionJson(raced, QByteArray::fromStdString(serialize(other))));
        recordRequests(m_server.get());
        QVERIFY(m_server->start(QHostAddress::LocalHost, port).isValid());

        QTRY_VERIFY_WITH_TIMEOUT(m_server->hasSession(mine), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->sessionModel()->isPending(mine) && !m_window->sessionModel()->isPending(raced), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);
        QCOMPARE(serverPhone(mine), QStringLiteral("+49 30 3333333"));
        QCOMPARE(serverPhone(raced), QStringLiteral("+49 30 5555555")); // theirs, not overwritten
        QTest::qWait(300);
        const auto postsOf = [this](const QString &id) {
            int n = 0;
            for (const auto &r : std::as_const(m_requests))
                n += r.first == "POST" && QUrl::fromPercentEncoding(r.second.toUtf8()).endsWith(QLatin1Char('/') + id);
            return n;
        };
        QCOMPARE(postsOf(mine), 1);
        QCOMPARE(postsOf(raced), 1);
        QCOMPARE(stateOf(mine), SessionState::Open);
        QCOMPARE(stateOf(raced), SessionState::Open);
        clickRow(raced);
        QCOMPARE(paneField("callbackPhone")->text(), QStringLiteral("+49 30 5555555"));
        QVERIFY2(m_window->detailPane()->bannerText().isEmpty(), qPrintable(m_window->detailPane()->bannerText()));
    }

    // While a new support request waits in the outbox, the pane and the list show what the agent
    // typed (marked as waiting, not editable), not empty fields; once it is sent, the server's copy.
    void newRequestWhileOfflineShowsItsQueuedValues()
    {
        paste({QStringLiteral("ORD-100001")}); // another row to go to and back
        ClientConfig c = m_window->client()->config();
        c.retry.maxRetries = 0;
        m_window->client()->setConfig(c);
        const quint16 port = quint16(m_profile.baseUrl.port());
        m_server.reset();

        const QString id = QStringLiteral("ORD-200101");
        const QString phone = QStringLiteral("+49 30 7777777"), topic = QStringLiteral("Drucker offline");
        const auto created = whenShown(modal(QStringLiteral("newSessionDialog")), [&](QWidget *d) {
            QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("orderId")), id);
            QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("callbackPhone")), phone);
            QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("topic")), topic);
            QTest::keyClick(d->findChild<QLineEdit *>(QStringLiteral("topic")), Qt::Key_Return);
        });
        keys(Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY(*created);
        QTRY_VERIFY_WITH_TIMEOUT(listed(id) && m_window->sessionModel()->isWaitingInOutbox(id), 10000);
        QCOMPARE(m_window->selectedOrderId(), id);

        // The pane: the typed values, said to be waiting, and not to be edited meanwhile.
        QTRY_COMPARE(paneField("callbackPhone")->text(), phone);
        QCOMPARE(paneField("descriptorName")->text(), topic);
        QVERIFY(paneField("callbackPhone")->isReadOnly());
        auto *state = m_window->detailPane()->findChild<QLabel *>(QStringLiteral("detailState"));
        QVERIFY2(state->text().contains(QStringLiteral("pending change (in the outbox)")), qPrintable(state->text()));
        auto *save = m_window->detailPane()->findChild<QPushButton *>(QStringLiteral("saveButton"));
        QVERIFY(!save->isEnabled());
        // The list row: the typed phone, and the row says pending.
        const QModelIndex phoneCell = m_window->sessionModel()->indexOf(id, SessionModel::PhoneColumn);
        QCOMPARE(phoneCell.data().toString(), phone);
        QCOMPARE(m_window->sessionModel()->indexOf(id, SessionModel::StatusColumn).data().toString(),
                 QStringLiteral("pending change (in the outbox)"));
        // Another row and back: still there.
        clickRow(QStringLiteral("ORD-100001"));
        QTRY_COMPARE(m_window->selectedOrderId(), QStringLiteral("ORD-100001"));
        clickRow(id);
        QTRY_COMPARE(paneField("callbackPhone")->text(), phone);
        QCOMPARE(paneField("descriptorName")->text(), topic);

        // The server answers again: the request is sent, and the pane shows the server's copy.
        m_server = std::make_unique<TestSandbox>();
        m_server->seed(30);
        recordRequests(m_server.get());
        QVERIFY(m_server->start(QHostAddress::LocalHost, port).isValid());
        QTRY_VERIFY_WITH_TIMEOUT(m_server->hasSession(id), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->sessionModel()->isWaitingInOutbox(id) && !m_window->sessionModel()->isPending(id), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);
        const auto onServer = parseSupport(m_server->sessionJson(id).toStdString());
        QVERIFY(onServer.ok());
        QCOMPARE(str(onServer.value->callbackPhone), phone);
        QVERIFY(onServer.value->descriptor);
        QCOMPARE(str(onServer.value->descriptor->name), topic);
        QCOMPARE(stateOf(id), SessionState::Open);
        QTRY_VERIFY2(!state->text().contains(QStringLiteral("pending")), qPrintable(state->text()));
        QCOMPARE(paneField("callbackPhone")->text(), str(onServer.value->callbackPhone));
        QCOMPARE(paneField("descriptorName")->text(), str(onServer.value->descriptor->name));
        QVERIFY(!paneField("callbackPhone")->isReadOnly()); // the server's session, to be edited
        QVERIFY(!save->isEnabled());                          // nothing unsaved
        QCOMPARE(m_window->sessionModel()->indexOf(id, SessionModel::PhoneColumn).data().toString(), phone);
        QCOMPARE(m_window->sessionModel()->indexOf(id, SessionModel::StatusColumn).data().toString(),
                 sessionStateName(SessionState::Open));
    }
};

QTEST_MAIN(TestFlowsConflicts)
#include "tst_flows_conflicts.moc"
