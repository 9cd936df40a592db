// The fixture of the tst_mainwindow* tests (the real main window, offscreen, against an
// in-process sandbox): the window and sandbox each test starts with, the confirm and conflict
// handlers it answers through, the dialog filler and the waits these tests share.
#pragma once

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

class MainWindowTest : public QObject
{
protected:
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

    // The init() of every tst_mainwindow* test: a fresh audit log, settings and data, a seeded
    // sandbox and the window on it.
    void setUp()
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

    void tearDown()
    {
        m_window.reset();
        m_server.reset();
    }
};

// QTEST_MAIN, with the 96 DPI the window tests were written for.
#define SUPPORTDESK_MAINWINDOW_TEST_MAIN(TestObject) \
    int main(int argc, char **argv) \
    { \
        QApplication app(argc, argv); \
        app.setAttribute(Qt::AA_Use96Dpi, true); \
        TestObject test; \
        QTEST_SET_MAIN_SOURCE_PATH \
        return QTest::qExec(&test, argc, argv); \
    }
