// What the window says and offers around the session list, done as the agent does it (real key
// presses and clicks, offscreen): the request log, the profiles dialog, the list's columns and
// context menu, and the links of the detail pane.
#include "detailpane.h"
#include "guitest.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>

#include <functional>
#include <memory>

using namespace sd;
using namespace sd::ui;

// Stands in for the desktop's handler of a URL scheme (QDesktopServices::setUrlHandler).
class UrlRecorder : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened << url; }
};

class TestTexts : public GuiTest
{
    Q_OBJECT

    // Right-click on a row (the offscreen platform sends no context menu event of its own).
    void rightClickRow(const QString &orderId)
    {
        activate();
        QTableView *view = m_window->sessionView();
        const QModelIndex i = m_window->sessionModel()->indexOf(orderId, SessionModel::OrderIdColumn);
        QVERIFY2(i.isValid(), qPrintable(orderId));
        view->scrollTo(i);
        const QPoint at = view->visualRect(i).center();
        QTest::mouseClick(view->viewport(), Qt::RightButton, {}, at);
        QContextMenuEvent menuEvent(QContextMenuEvent::Mouse, at, view->viewport()->mapToGlobal(at));
        QApplication::sendEvent(view->viewport(), &menuEvent);
    }
    static void clickMenuItem(QMenu *menu, const QString &objectName)
    {
        QAction *found = nullptr;
        for (QAction *a : menu->actions())
            if (a->objectName() == objectName)
                found = a;
        if (!found)
            menu->close(); // its exec() must return for the test to go on
        QVERIFY2(found, qPrintable(objectName));
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(found).center());
    }
    // Moves the keyboard focus through the label's links (Tab) to the one showing `text`, and
    // activates it (Enter), as a keyboard user does.
    static bool activateLink(QLabel *label, const QString &text)
    {
        label->setFocus();
        for (int i = 0; i < 12; ++i) {
            QTest::keyClick(label, Qt::Key_Tab);
            if (!label->hasFocus())
                label->setFocus(); // went past the last link: around again
            // Links keep their words together with no-break spaces.
            if (label->selectedText().replace(QChar(0xa0), QLatin1Char(' ')) == text) {
                QTest::keyClick(label, Qt::Key_Return);
                return true;
            }
        }
        return false;
    }
    QString serverOrigin() const
    {
        return QStringLiteral("http://127.0.0.1:%1").arg(m_profile.baseUrl.port());
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

    // The request log names the server of each request, opens at the newest entry and follows
    // new ones while the agent is at the end, but not while the agent reads older ones.
    void requestLogShowsServerAndOpensAtNewest()
    {
        QStringList ids;
        for (int i = 1; i <= 16; ++i)
            ids << QStringLiteral("ORD-1000%1").arg(i, 2, 10, QLatin1Char('0'));
        paste(ids);
        keys(Qt::Key_F12);
        auto *log = m_window->findChild<QTableView *>(QStringLiteral("requestLogView"));
        QVERIFY(log);
        QTRY_VERIFY(log->isVisible());
        QAbstractItemModel *model = log->model();
        QVERIFY(model->rowCount() >= ids.size());
        int serverColumn = -1;
        for (int c = 0; c < model->columnCount(); ++c)
            if (model->headerData(c, Qt::Horizontal).toString() == QStringLiteral("Server"))
                serverColumn = c;
        QVERIFY2(serverColumn >= 0, "no Server column");
        QVERIFY(!log->isColumnHidden(serverColumn));
        const int last = model->rowCount() - 1;
        QCOMPARE(model->index(last, serverColumn).data().toString(), serverOrigin());

        const auto newestInView = [log] {
            const QModelIndex newest = log->model()->index(log->model()->rowCount() - 1, 0);
            return log->viewport()->rect().contains(log->visualRect(newest));
        };
        QScrollBar *bar = log->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_VERIFY2(bar->value() == bar->maximum() && newestInView(),
                     qPrintable(QStringLiteral("%1 of %2").arg(bar->value()).arg(bar->maximum())));

        // Reading older entries (the mouse wheel up to the first): new ones do not pull the view away.
        const QPoint middle = log->viewport()->rect().center();
        for (int notch = 0; notch < 100 && bar->value() > 0; ++notch) {
            QWheelEvent wheel(middle, log->viewport()->mapToGlobal(middle), QPoint(), QPoint(0, 120),
                              Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(log->viewport(), &wheel);
        }
        QCOMPARE(bar->value(), 0);
        int rows = model->rowCount();
        clickRow(ids[0]);
        keys(Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > rows, 10000);
        QTest::qWait(50); // what the view would do with the new row happens in this time
        QCOMPARE(bar->value(), 0);

        // At the end again: the newest stays in view.
        log->setFocus();
        QTest::keyClick(log, Qt::Key_End, Qt::ControlModifier);
        QTRY_VERIFY(bar->value() == bar->maximum());
        rows = model->rowCount();
        clickRow(ids[1]);
        keys(Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > rows, 10000);
        QTRY_VERIFY(bar->value() == bar->maximum() && newestInView());
    }

    // The profiles dialog: the list shows the name as it is typed; a new profile says it has no
    // token (not "unchanged").
    void profilesDialogNameAndNewToken()
    {
        QString listedWhileTyping, tokenStatus, existingTokenStatus;
        const auto done = whenShown(modal(QStringLiteral("profileDialog")),
                                    [&](QWidget *d) {
            auto *list = d->findChild<QListWidget *>(QStringLiteral("profileList"));
            auto *token = d->findChild<QLineEdit *>(QStringLiteral("profileToken"));
            QVERIFY(list && token);
            existingTokenStatus = token->placeholderText();
            click(d->findChild<QPushButton *>(QStringLiteral("addProfile")));
            auto *name = d->findChild<QLineEdit *>(QStringLiteral("profileName"));
            QTest::keyClicks(name, QStringLiteral("Office Berlin"));
            listedWhileTyping = list->currentItem() ? list->currentItem()->text() : QString();
            tokenStatus = token->text().isEmpty() ? token->placeholderText() : token->text();
            click(d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel));
        });
        keys(Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(*done);
        QCOMPARE(listedWhileTyping, QStringLiteral("Office Berlin"));
        QCOMPARE(tokenStatus, QStringLiteral("No token set"));
        QCOMPARE(existingTokenStatus, QStringLiteral("unchanged"));
    }

    // The column of when this app noticed a change is named for that.
    void changeNoticedColumn()
    {
        QHeaderView *header = m_window->sessionView()->horizontalHeader();
        QStringList titles;
        for (int c = 0; c < header->count(); ++c)
            titles << header->model()->headerData(c, Qt::Horizontal).toString();
        QVERIFY2(titles.contains(QStringLiteral("Change noticed")), qPrintable(titles.join(QStringLiteral(", "))));
        QVERIFY(!titles.contains(QStringLiteral("Last change seen")));
        const int c = int(titles.indexOf(QStringLiteral("Change noticed")));
        const QString tip = header->model()->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("noticed")), qPrintable(tip));
    }

    // The rows' context menu: open, assign, unassign, close, copy order ID, remove from list.
    void rowContextMenu()
    {
        const QStringList ids = {QStringLiteral("ORD-100001"), QStringLiteral("ORD-100002")};
        paste(ids);
        QStringList offered;
        const auto copied = whenShown(&TestTexts::popupMenu, [&offered](QWidget *w) {
            auto *menu = static_cast<QMenu *>(w);
            for (QAction *a : menu->actions())
                if (!a->isSeparator() && a->isVisible())
                    offered << a->objectName();
            clickMenuItem(menu, QStringLiteral("copyOrderId"));
        });
        QApplication::clipboard()->clear();
        rightClickRow(ids[1]);
        QTRY_VERIFY(*copied);
        for (const char *name : {"openInPane", "assignAgent", "unassignAgent", "closeSession",
                                 "copyOrderId", "removeFromList"})
            QVERIFY2(offered.contains(QString::fromLatin1(name)), name);
        QTRY_COMPARE(QApplication::clipboard()->text(), ids[1]);

        // Open: the session in the detail pane, the keyboard in its first field.
        const auto opened = whenShown(&TestTexts::popupMenu, [](QWidget *w) {
            clickMenuItem(static_cast<QMenu *>(w), QStringLiteral("openInPane"));
        });
        rightClickRow(ids[0]);
        QTRY_VERIFY(*opened);
        QTRY_COMPARE(m_window->selectedOrderId(), ids[0]);
        QTRY_VERIFY(m_window->detailPane()->isAncestorOf(QApplication::focusWidget()));
        QCOMPARE(m_window->detailPane()->orderId(), ids[0]);

        // Ctrl+C in the list: the selected rows' IDs, one a line (what "Paste order IDs" reads).
        clickRow(ids[0]);
        QTableView *view = m_window->sessionView();
        const QModelIndex second = m_window->sessionModel()->indexOf(ids[1], SessionModel::OrderIdColumn);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, view->visualRect(second).center());
        QCOMPARE(m_window->selectedOrderIds().size(), 2);
        QApplication::clipboard()->clear();
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::clipboard()->text(), ids.join(QLatin1Char('\n')));
    }

    // Phone numbers are tel: links and e-mails mailto: links, opened by the desktop.
    void phoneAndMailLinks()
    {
        const QString id = QStringLiteral("ORD-100001");
        paste({id});
        clickRow(id);
        const auto session = parseSupport(m_server->sessionJson(id).toStdString());
        QVERIFY(session.ok() && session.value->callbackPhone && session.value->agent
                && session.value->agent->contact && session.value->agent->contact->phone);
        const QString callback = QString::fromStdString(*session.value->callbackPhone);
        const QString agentPhone = QString::fromStdString(*session.value->agent->contact->phone);
        const QString email = QString::fromStdString(*session.value->agent->contact->email);
        const auto telOf = [](const QString &phone) -> QString {
            return QStringLiteral("tel:") + QString(phone).replace(QStringLiteral(" "), QString());
        };

        auto *links = m_window->detailPane()->findChild<QLabel *>(QStringLiteral("detailLinks"));
        auto *agent = m_window->detailPane()->findChild<QLabel *>(QStringLiteral("agentText"));
        QVERIFY(links && agent);
        QVERIFY2(links->text().contains(QStringLiteral("href=\"%1\"").arg(telOf(callback))), qPrintable(links->text()));
        QVERIFY2(agent->text().contains(QStringLiteral("href=\"%1\"").arg(telOf(agentPhone))), qPrintable(agent->text()));
        const QUrl mailto(QStringLiteral("mailto:") + email);
        QVERIFY2(agent->text().contains(QStringLiteral("href=\"%1\"").arg(QString::fromUtf8(mailto.toEncoded()))), qPrintable(agent->text()));

        UrlRecorder recorder;
        QDesktopServices::setUrlHandler(QStringLiteral("tel"), &recorder, "open");
        QDesktopServices::setUrlHandler(QStringLiteral("mailto"), &recorder, "open");
        const auto unset = qScopeGuard([] {
            QDesktopServices::unsetUrlHandler(QStringLiteral("tel"));
            QDesktopServices::unsetUrlHandler(QStringLiteral("mailto"));
        });
        QVERIFY(activateLink(agent, agentPhone));
        QTRY_COMPARE(recorder.opened.value(0), QUrl(telOf(agentPhone)));
        QVERIFY(activateLink(agent, email));
        QTRY_COMPARE(recorder.opened.value(1), mailto);
    }

    // "Open chat" with no browser (the offscreen platform opens no URLs) says so in the window.
    void openChatWithoutBrowserSaysSo()
    {
        const QString id = QStringLiteral("ORD-100001");
        paste({id});
        clickRow(id);
        auto *links = m_window->detailPane()->findChild<QLabel *>(QStringLiteral("detailLinks"));
        QVERIFY(links);
        QVERIFY(!QDesktopServices::openUrl(QUrl(QStringLiteral("https://chat.example.org/probe"))));
        m_window->statusBar()->clearMessage();
        QVERIFY(activateLink(links, QStringLiteral("Open chat")));
        QTRY_VERIFY2(statusText().contains(QStringLiteral("chat.example.org/s/100001")), qPrintable(statusText()));
        QVERIFY2(statusText().contains(QStringLiteral("browser")), qPrintable(statusText()));
    }
};

QTEST_MAIN(TestTexts)
#include "tst_texts.moc"
