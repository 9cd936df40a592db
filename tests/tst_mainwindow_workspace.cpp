// The main window as tst_mainwindow.cpp (fixture: mainwindowtest.h), and what it keeps: drafts
// that survive a failed save and a restart, the workspace store (an earlier format, a damaged
// file, a restart), private files, paste, import and export, profiles and their tokens.
#include "mainwindowtest.h"

class TestMainWindowWorkspace : public MainWindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() { setUp(); }

    void cleanup() { tearDown(); }

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
};

SUPPORTDESK_MAINWINDOW_TEST_MAIN(TestMainWindowWorkspace)
#include "tst_mainwindow_workspace.moc"
