// The main window as tst_mainwindow.cpp (fixture: mainwindowtest.h): bulk changes with their
// preview, progress, undo and redo, a server gone during a bulk run, the audit viewer, and the
// request log (masked bodies, copy as curl, no URL credentials).
#include "mainwindowtest.h"

class TestMainWindowBulk : public MainWindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() { setUp(); }

    void cleanup() { tearDown(); }

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
};

SUPPORTDESK_MAINWINDOW_TEST_MAIN(TestMainWindowBulk)
#include "tst_mainwindow_bulk.moc"
