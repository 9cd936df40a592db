// A session's history and what changed elsewhere, as the agent sees them: real key presses and
// clicks on the real window (offscreen) against the in-process sandbox, and supportctl as the
// "elsewhere".
#include "detailpane.h"
#include "guitest.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

#include <memory>

using namespace sd;
using namespace sd::ui;

class TestHistory : public GuiTest
{
    Q_OBJECT
    QString m_auditLog;

    QLabel *paneLabel(const char *name) const
    {
        return m_window->detailPane()->findChild<QLabel *>(QString::fromLatin1(name));
    }
    QString historyText() const
    {
        const QLabel *l = paneLabel("historyText");
        return l && l->isVisibleTo(m_window.get()) ? l->text() : QString();
    }
    QString serverPhone(const QString &orderId) const
    {
        const auto p = parseSupport(m_server->sessionJson(orderId).toStdString());
        return p.ok() && p.value->callbackPhone ? QString::fromStdString(*p.value->callbackPhone) : QString();
    }
    // Someone else, with supportctl on the same server (and the same audit trail).
    void supportctl(const QStringList &args)
    {
        QProcess proc;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("SUPPORTDESK_TOKEN"));
        env.insert(QStringLiteral("SUPPORTDESK_AUDIT_LOG"), m_auditLog);
        env.insert(QStringLiteral("USER"), QStringLiteral("colleague"));
        proc.setProcessEnvironment(env);
        QSignalSpy finished(&proc, &QProcess::finished);
        proc.start(QStringLiteral(SUPPORTCTL_PATH),
                   QStringList{QStringLiteral("--server"), m_profile.baseUrl.toString()} + args);
        QVERIFY(proc.waitForStarted());
        QVERIFY(finished.wait(60000)); // the sandbox answers from this event loop
        QVERIFY2(proc.exitCode() == 0, proc.readAllStandardError().constData());
    }

private Q_SLOTS:
    void initTestCase() { setUpApplication(); }

    void init()
    {
        resetLocalState();
        m_auditLog = QString::fromUtf8(qgetenv("SUPPORTDESK_AUDIT_LOG"));
        startServer();
        useServerProfile();
        makeWindow();
    }

    void cleanup() { tearDown(); }

    // A change saved in the window (type, Ctrl+S) shows in the pane's history with its old and
    // new value and who made it; one made with supportctl by someone else shows too.
    void savedChangeShowsInTheHistory()
    {
        const QString id = QStringLiteral("ORD-100003");
        paste({id});
        clickRow(id);
        const QString before = paneField("callbackPhone")->text();
        QVERIFY(!before.isEmpty());
        QTRY_VERIFY(historyText().contains(QStringLiteral("No change of this session")));

        const QString after = QStringLiteral("+49 30 5555555");
        retype(paneField("callbackPhone"), after);
        keys(Qt::Key_S, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(serverPhone(id), after, 10000);
        const QString expected = QStringLiteral("Callback phone changed from “%1” to “%2”.").arg(before, after);
        QTRY_VERIFY2_WITH_TIMEOUT(historyText().contains(expected), qPrintable(historyText()), 10000);
        QVERIFY2(historyText().contains(QStringLiteral("Changes saved by you.")), qPrintable(historyText()));
        // When, in the user's locale.
        const QString today = QLocale().toString(QDate::currentDate(), QLocale::ShortFormat);
        const QString yesterday = QLocale().toString(QDate::currentDate().addDays(-1), QLocale::ShortFormat);
        QVERIFY2(historyText().contains(today) || historyText().contains(yesterday), qPrintable(historyText()));

        // Someone else assigns an agent with supportctl; the pane shows it after a refresh,
        // newest first.
        supportctl({QStringLiteral("assign"), id, QStringLiteral("agent-1015"), QStringLiteral("--name"),
                    QStringLiteral("Yusuf Schmidt")});
        keys(Qt::Key_F5);
        const QString assigned = QStringLiteral("Yusuf Schmidt (agent-1015) assigned by colleague");
        QTRY_VERIFY2_WITH_TIMEOUT(historyText().contains(assigned), qPrintable(historyText()), 10000);
        QVERIFY(historyText().indexOf(assigned) < historyText().indexOf(expected));
    }

    // A session changed elsewhere turns bold after a refresh; its tooltip and, once opened, the
    // pane name the fields that changed.
    void changeElsewhereNamesTheFields()
    {
        const QString mine = QStringLiteral("ORD-100003"), theirs = QStringLiteral("ORD-100004");
        paste({mine, theirs});
        clickRow(mine);
        supportctl({QStringLiteral("update"), theirs, QStringLiteral("--callback-phone"), QStringLiteral("+49 30 1111111")});
        supportctl({QStringLiteral("assign"), theirs, QStringLiteral("agent-1015"), QStringLiteral("--name"),
                    QStringLiteral("Yusuf Schmidt")});
        keys(Qt::Key_F5, Qt::ShiftModifier); // refresh all
        SessionModel *model = m_window->sessionModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->indexOf(theirs).data(Qt::FontRole).value<QFont>().bold(), 10000);

        // The tooltip, as hovering the row shows it.
        QTableView *view = m_window->sessionView();
        const QModelIndex cell = model->indexOf(theirs, SessionModel::AgentColumn);
        const QPoint at = view->visualRect(cell).center();
        QHelpEvent hover(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
        QApplication::sendEvent(view->viewport(), &hover);
        QTRY_VERIFY(QToolTip::isVisible());
        const QString tip = QToolTip::text();
        QVERIFY2(tip.contains(QStringLiteral("Changed elsewhere")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Agent")) && tip.contains(QStringLiteral("Callback phone")), qPrintable(tip));
        QVERIFY2(!tip.contains(QStringLiteral("Topic")), qPrintable(tip));
        QToolTip::hideText();

        // Opened: the pane says what changed, and the row is seen.
        clickRow(theirs);
        QLabel *line = paneLabel("changedElsewhere");
        QVERIFY(line);
        QTRY_VERIFY(line->isVisibleTo(m_window.get()));
        QVERIFY2(line->text().contains(QStringLiteral("Agent")) && line->text().contains(QStringLiteral("Callback phone")),
                 qPrintable(line->text()));
        QVERIFY(!model->indexOf(theirs).data(Qt::FontRole).value<QFont>().bold());
        // Another session: the line is about the one shown only.
        clickRow(mine);
        QTRY_VERIFY(!line->isVisibleTo(m_window.get()));
    }
};

QTEST_MAIN(TestHistory)
#include "tst_history.moc"
