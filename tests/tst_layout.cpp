// The window as a person sees it on a small screen and at 200%: the first window fits the screen,
// every toolbar button says what it does, nothing hides in the toolbar's overflow at 800x600, the
// detail pane never scrolls sideways, and the New dialog shows its hint whole. Run twice by ctest:
// on the default offscreen screen and on a 2400x1600 screen at QT_SCALE_FACTOR=2.
#include "detailpane.h"
#include "englishplurals.h"
#include "mainwindow.h"
#include "profiles.h"
#include "requestlog.h"
#include "sandboxserver.h"
#include "sessionmodel.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QHeaderView>
#include <QListWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include <memory>

using namespace sd;
using namespace sd::ui;

class TestLayout : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<MainWindow> m_window;
    ServerProfile m_profile;
    QTemporaryDir m_tmp;

    void makeWindow()
    {
        m_window = std::make_unique<MainWindow>(QList<ServerProfile>{m_profile}, m_profile.id);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }
    void keys(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        if (!QApplication::activeModalWidget() && QApplication::activeWindow() != m_window.get()) {
            m_window->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        }
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get(), key, modifiers);
    }
    // Where the window is on its screen, with its frame, against what the screen offers.
    QString placement() const
    {
        return QStringLiteral("window %1,%2 %3x%4 on available %5,%6 %7x%8")
            .arg(m_window->frameGeometry().x()).arg(m_window->frameGeometry().y())
            .arg(m_window->frameGeometry().width()).arg(m_window->frameGeometry().height())
            .arg(m_window->screen()->availableGeometry().x()).arg(m_window->screen()->availableGeometry().y())
            .arg(m_window->screen()->availableGeometry().width()).arg(m_window->screen()->availableGeometry().height());
    }
    // Shown, and inside the window's own area (not cut off, not in an overflow menu).
    static bool reachable(QWidget *w, QWidget *window)
    {
        if (!w || !w->isVisible() || w->width() <= 0)
            return false;
        const QRect r(w->mapTo(window, QPoint(0, 0)), w->size());
        return window->rect().contains(r);
    }
    QScrollArea *detailScroll() const
    {
        return m_window->findChild<QWidget *>(QStringLiteral("detailPane"))->findChild<QScrollArea *>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationDisplayName(QStringLiteral("SupportDesk"));
        QApplication::installTranslator(new EnglishPlurals(this));
        // tst_layout_german: the longer German texts must fit as well.
        if (qEnvironmentVariable("LANGUAGE").startsWith(QLatin1String("de")))
            QCOMPARE(installTranslations(), QStringLiteral("de_DE"));
    }

    void init()
    {
        qputenv("SUPPORTDESK_AUDIT_LOG", m_tmp.filePath(QStringLiteral("audit-%1.log")
                                                            .arg(QString::fromLatin1(QTest::currentTestFunction()))).toUtf8());
        QSettings().clear();
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
        m_server = std::make_unique<SandboxServer>();
        m_server->seed(10);
        const QUrl url = m_server->start();
        QVERIFY(url.isValid());
        m_profile = ServerProfile{};
        m_profile.id = QStringLiteral("test");
        m_profile.name = QStringLiteral("Test");
        m_profile.baseUrl = url;
        m_profile.refreshIntervalSeconds = 0;
        m_profile.myAgentId = QStringLiteral("agent-1006");
        makeWindow();
    }

    void cleanup()
    {
        if (QWidget *w = QApplication::activeModalWidget())
            w->close();
        m_window.reset();
        m_server.reset();
    }

    // The first window, and a window restored from a larger screen, fit the screen they open on.
    void firstWindowFitsTheScreen()
    {
        const QRect available = m_window->screen()->availableGeometry();
        QVERIFY2(available.contains(m_window->frameGeometry()), qPrintable(placement()));
        // Roomy all the same: most of the screen, not a token window.
        QVERIFY2(m_window->width() >= available.width() * 2 / 3, qPrintable(placement()));

        // Saved on a larger screen (or at a smaller scale): shrunk onto this one.
        m_window->resize(available.width() + 900, available.height() + 700);
        m_window->move(available.right() - 50, available.top() + 40);
        m_window->close(); // saves the geometry, as Quit does
        m_window.reset();
        makeWindow();
        QVERIFY2(available.contains(m_window->frameGeometry()), qPrintable(placement()));
    }

    // Every toolbar button shows its text, not only an icon.
    void toolbarButtonsHaveText()
    {
        int buttons = 0;
        for (QToolBar *bar : m_window->findChildren<QToolBar *>()) {
            for (QAction *a : bar->actions()) {
                auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(a));
                if (!button || a->isSeparator())
                    continue;
                ++buttons;
                QVERIFY2(!button->text().isEmpty(), qPrintable(a->objectName()));
                // Shown beside the icon: the button is as wide as both (an icon-only button is not).
                const int needed = button->iconSize().width() + button->fontMetrics().horizontalAdvance(button->text());
                QVERIFY2(button->isVisible() && button->width() >= needed,
                         qPrintable(QStringLiteral("%1: %2 px for %3 px").arg(a->objectName()).arg(button->width()).arg(needed)));
            }
        }
        QVERIFY(buttons >= 7);
    }

    // At 800x600 the toolbar's fields are on screen (no overflow), and the detail pane does not
    // scroll sideways, even with a long validation message and a long state line.
    void worksAt800x600()
    {
        m_window->resize(800, 600);
        QTRY_COMPARE(m_window->size(), QSize(800, 600));
        QCoreApplication::processEvents();
        QWidget *window = m_window.get();
        QTRY_VERIFY2(reachable(m_window->findChild<QLineEdit *>(QStringLiteral("goToEdit")), window), "Go to order");
        QVERIFY2(reachable(m_window->findChild<QComboBox *>(QStringLiteral("profileBox")), window), "server picker");
        for (QToolBar *bar : m_window->findChildren<QToolBar *>()) {
            if (!bar->isVisible())
                continue;
            for (QAction *a : bar->actions())
                if (!a->isSeparator())
                    QVERIFY2(reachable(bar->widgetForAction(a), window), qPrintable(a->objectName() + a->text()));
        }
        QVERIFY(reachable(m_window->sessionView(), window));

        // A session with a long state line (draft, last loaded) and a validation message.
        keys(Qt::Key_L, Qt::ControlModifier);
        auto *goTo = m_window->findChild<QLineEdit *>(QStringLiteral("goToEdit"));
        QVERIFY(goTo->hasFocus());
        QTest::keyClicks(goTo, QStringLiteral("ORD-100003"));
        QTest::keyClick(goTo, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->selectedOrderId(), QStringLiteral("ORD-100003"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);
        auto *phone = m_window->findChild<QLineEdit *>(QStringLiteral("callbackPhone"));
        QVERIFY(phone);
        phone->setFocus();
        QTest::keyClick(phone, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(phone, QStringLiteral("call me maybe"));
        auto *problem = m_window->findChild<QLabel *>(QStringLiteral("phoneProblem"));
        QTRY_VERIFY(problem->isVisible());
        QVERIFY(!problem->text().isEmpty());
        // A save that waits for a slow server: "pending change" in the header too.
        QTest::keyClick(phone, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(phone, QStringLiteral("+49 30 5550123"));
        m_server->setLatencyMs(1500);
        keys(Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(m_window->sessionModel()->isPending(QStringLiteral("ORD-100003")));
        QTest::keyClick(phone, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(phone, QStringLiteral("call me maybe"));
        QTRY_VERIFY(problem->isVisible());
        QCoreApplication::processEvents();

        QScrollArea *scroll = detailScroll();
        QVERIFY(scroll);
        QVERIFY2(m_window->detailPane()->width() >= 200, qPrintable(QString::number(m_window->detailPane()->width())));
        QVERIFY(!scroll->horizontalScrollBar()->isVisible());
        QVERIFY2(scroll->widget()->width() <= scroll->viewport()->width(),
                 qPrintable(QStringLiteral("%1 > %2").arg(scroll->widget()->width()).arg(scroll->viewport()->width())));
        // Every text shown in the pane is whole within the pane's width (wrapped, not cut).
        for (QLabel *label : scroll->widget()->findChildren<QLabel *>()) {
            if (!label->isVisible() || label->text().isEmpty())
                continue;
            const QRect r(label->mapTo(scroll->viewport(), QPoint(0, 0)), label->size());
            QVERIFY2(r.right() <= scroll->viewport()->width(), qPrintable(label->objectName() + label->text()));
            QVERIFY2(label->width() >= qMin(label->sizeHint().width(), label->minimumSizeHint().width()),
                     qPrintable(QStringLiteral("%1 px of %2 for %3").arg(label->width()).arg(scroll->viewport()->width()).arg(label->text())));
        }
        m_server->setLatencyMs(0);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);
    }

    // Nothing jumps while the agent types, and the list, the status bar, the request log and the
    // profiles dialog show their texts whole: at the first window's size and at 800x600.
    void textsFitAndFieldsStayPut_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("first window") << QSize();
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("800x600") << QSize(800, 600);
    }
    void textsFitAndFieldsStayPut()
    {
        QFETCH(QSize, size);
        // No identity yet (asked before, skipped): the status bar's longest button text.
        m_window.reset();
        m_profile.myAgentId.clear();
        m_profile.identityAsked = true;
        makeWindow();
        if (size.isValid()) {
            m_window->resize(size);
            QTRY_COMPARE(m_window->size(), size);
        }
        QCoreApplication::processEvents();

        auto *identity = m_window->findChild<QToolButton *>(QStringLiteral("identityButton"));
        QVERIFY(identity);
        QTRY_VERIFY(!identity->text().isEmpty());
        QVERIFY2(identity->isVisible() && identity->width() >= identity->fontMetrics().horizontalAdvance(identity->text()),
                 qPrintable(QStringLiteral("%1 px for %2 (%3 px)").arg(identity->width()).arg(identity->text())
                                .arg(identity->fontMetrics().horizontalAdvance(identity->text()))));

        keys(Qt::Key_L, Qt::ControlModifier);
        auto *goTo = m_window->findChild<QLineEdit *>(QStringLiteral("goToEdit"));
        QVERIFY(goTo->hasFocus());
        QTest::keyClicks(goTo, QStringLiteral("ORD-100003"));
        QTest::keyClick(goTo, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->selectedOrderId(), QStringLiteral("ORD-100003"), 10000);
        // The session is loaded and shown (its agent card filled), and the pane laid out for it:
        // the positions below are measured from there.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->entry(QStringLiteral("ORD-100003"))->state == SessionState::Open, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);
        auto *unassignButton = m_window->findChild<QPushButton *>(QStringLiteral("unassignButton"));
        QVERIFY(unassignButton);
        QTRY_VERIFY_WITH_TIMEOUT(unassignButton->isEnabled(), 10000); // the seeded agent is on the card
        // ... with all the server knows of the agent (a card can first show what the list knew).
        const auto onServer = parseSupport(m_server->sessionJson(QStringLiteral("ORD-100003")).toStdString());
        QVERIFY(onServer.ok() && onServer.value->agent && onServer.value->agent->person
                && onServer.value->agent->person->name);
        const QString agentName = QString::fromStdString(*onServer.value->agent->person->name);
        auto *agentText = m_window->findChild<QLabel *>(QStringLiteral("agentText"));
        QVERIFY(agentText);
        QTRY_VERIFY2_WITH_TIMEOUT(agentText->text().contains(agentName), qPrintable(agentText->text()), 10000);
        QCoreApplication::processEvents();

        auto *phone = m_window->findChild<QLineEdit *>(QStringLiteral("callbackPhone"));
        auto *topic = m_window->findChild<QLineEdit *>(QStringLiteral("descriptorName"));
        auto *save = m_window->findChild<QPushButton *>(QStringLiteral("saveButton"));
        QVERIFY(phone && topic && save);
        QWidget *inner = detailScroll()->widget();
        // Laid out for this session: the scroll area has given the form the height it needs
        // (until then the fields are squeezed, and move when it does).
        QTRY_VERIFY2(inner->height() >= inner->minimumSizeHint().height(),
                     qPrintable(QStringLiteral("%1 px of %2").arg(inner->height()).arg(inner->minimumSizeHint().height())));
        const auto topicY = [&] { return topic->mapTo(inner, QPoint(0, 0)).y(); };
        const auto saveY = [&] { return save->mapTo(inner, QPoint(0, 0)).y(); };
        const int topicBefore = topicY();
        const int saveBefore = saveY();
        // No empty room waits under the phone field for a message: the next field follows it.
        auto *chatUrl = m_window->findChild<QLineEdit *>(QStringLiteral("chatUrl"));
        QVERIFY(chatUrl);
        const int gap = chatUrl->mapTo(inner, QPoint(0, 0)).y() - (phone->mapTo(inner, QPoint(0, 0)).y() + phone->height());
        QVERIFY2(gap <= phone->fontMetrics().lineSpacing(), qPrintable(QStringLiteral("%1 px under the phone").arg(gap)));
        const int chatBefore = chatUrl->mapTo(inner, QPoint(0, 0)).y();

        // One digit typed: a draft, said in the list and the pane, and no field moves.
        phone->setFocus();
        QTest::keyClick(phone, Qt::Key_End);
        QTest::keyClicks(phone, QStringLiteral("1"));
        QTRY_VERIFY(m_window->sessionModel()->indexOf(QStringLiteral("ORD-100003"), SessionModel::StatusColumn)
                        .data().toString().contains(QLatin1String("(")));
        auto *draft = m_window->findChild<QLabel *>(QStringLiteral("draftState"));
        QTRY_VERIFY(draft && draft->isVisible() && !draft->text().isEmpty()); // the pane says so at once
        QCoreApplication::processEvents();
        QCOMPARE(topicY(), topicBefore);
        QCOMPARE(saveY(), saveBefore);

        // A letter: the validation message appears, whole, and still no field moves.
        QTest::keyClicks(phone, QStringLiteral("x"));
        auto *problem = m_window->findChild<QLabel *>(QStringLiteral("phoneProblem"));
        QTRY_VERIFY(problem->isVisible() && !problem->text().isEmpty());
        QCoreApplication::processEvents();
        QCOMPARE(chatUrl->mapTo(inner, QPoint(0, 0)).y(), chatBefore);
        QCOMPARE(topicY(), topicBefore);
        QCOMPARE(saveY(), saveBefore);
        // Whole: as high as its wrapped text needs, inside the pane, and the field itself says so.
        QVERIFY2(problem->height() >= problem->heightForWidth(problem->width()),
                 qPrintable(QStringLiteral("%1 px high, needs %2").arg(problem->height()).arg(problem->heightForWidth(problem->width()))));
        QVERIFY(inner->rect().contains(QRect(problem->mapTo(inner, QPoint(0, 0)), problem->size())));
        const int problemLeft = problem->mapTo(detailScroll()->viewport(), QPoint(0, 0)).x();
        QVERIFY2(problemLeft >= 0 && problemLeft + problem->width() <= detailScroll()->viewport()->width(),
                 qPrintable(QStringLiteral("%1 + %2 px in %3").arg(problemLeft).arg(problem->width()).arg(detailScroll()->viewport()->width())));
        QCOMPARE(phone->toolTip(), problem->text());
        // Ctrl+S now: nothing is sent, the status bar says why, and the pane shows the message.
        const qint64 requestsBefore = m_server->requestCount();
        keys(Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(m_window->statusBar()->currentMessage(), problem->text());
        QCOMPARE(m_server->requestCount(), requestsBefore);
        QTRY_VERIFY(QRect(QPoint(0, 0), detailScroll()->viewport()->size())
                        .contains(QRect(problem->mapTo(detailScroll()->viewport(), QPoint(0, 0)), problem->size())));
        QVERIFY(phone->hasFocus());
        auto *warning = phone->findChild<QAction *>(QStringLiteral("phoneWarning"));
        QVERIFY(warning && warning->isVisible());
        QVERIFY(!warning->icon().isNull()); // the sign itself (read when first shown, not at start)
        // Valid again: the message goes, and nothing moves either.
        QTest::keyClick(phone, Qt::Key_Backspace);
        QTRY_VERIFY(!problem->isVisible());
        QVERIFY(!warning->isVisible());
        QCoreApplication::processEvents();
        QCOMPARE(chatUrl->mapTo(inner, QPoint(0, 0)).y(), chatBefore);
        QCOMPARE(topicY(), topicBefore);
        QCOMPARE(saveY(), saveBefore);

        // The list never scrolls sideways (a status too long for its cell is elided); Change
        // noticed fits a date.
        QTableView *view = m_window->sessionView();
        const int margins = 2 * (view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1);
        const auto noSidewaysScroll = [view] {
            return view->horizontalScrollBar()->maximum() == 0 && !view->horizontalScrollBar()->isVisible();
        };
        QTRY_VERIFY2(noSidewaysScroll(), qPrintable(QStringLiteral("scroll bar up to %1, view %2 px wide, header %3 px")
                                                         .arg(view->horizontalScrollBar()->maximum())
                                                         .arg(view->viewport()->width()).arg(view->horizontalHeader()->length())));
        QVERIFY2(view->columnWidth(SessionModel::OrderIdColumn) >= view->fontMetrics().horizontalAdvance(QStringLiteral("ORD-100003")) + margins,
                 qPrintable(QString::number(view->columnWidth(SessionModel::OrderIdColumn))));
        const QString date = QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 58)), QLocale::ShortFormat);
        QVERIFY2(view->horizontalHeader()->sectionSize(SessionModel::LastChangeColumn)
                     >= view->fontMetrics().horizontalAdvance(date) + margins,
                 qPrintable(QStringLiteral("%1 px for %2").arg(view->horizontalHeader()->sectionSize(SessionModel::LastChangeColumn)).arg(date)));

        // The request log (F12): one line per request, server and path whole.
        keys(Qt::Key_F12);
        auto *log = m_window->findChild<QTableView *>(QStringLiteral("requestLogView"));
        QVERIFY(log);
        QTRY_VERIFY(log->isVisible() && log->model()->rowCount() > 0);
        QCoreApplication::processEvents();
        QVERIFY2(log->rowHeight(0) < 2 * log->fontMetrics().lineSpacing(), qPrintable(QString::number(log->rowHeight(0))));
        for (int column : {int(RequestLogModel::ServerColumn), int(RequestLogModel::PathColumn)}) {
            const QString text = log->model()->index(0, column).data().toString();
            QVERIFY(!text.isEmpty());
            QVERIFY2(log->columnWidth(column) >= log->fontMetrics().horizontalAdvance(text) + margins,
                     qPrintable(QStringLiteral("%1 px for %2").arg(log->columnWidth(column)).arg(text)));
        }
        keys(Qt::Key_F12);

        // The profiles dialog: the longest name whole in the list, no sideways scroll bar.
        bool shown = false;
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("profileName"));
            auto *list = dialog->findChild<QListWidget *>(QStringLiteral("profileList"));
            QVERIFY(name && list);
            name->setFocus();
            QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(name, QStringLiteral("Demo (eingebaute Sandbox)"));
            QTRY_COMPARE(list->item(0)->text(), QStringLiteral("Demo (eingebaute Sandbox)"));
            QCoreApplication::processEvents();
            QVERIFY(!list->horizontalScrollBar()->isVisible());
            QVERIFY2(list->viewport()->width() >= list->fontMetrics().horizontalAdvance(list->item(0)->text()),
                     qPrintable(QStringLiteral("%1 px for %2").arg(list->viewport()->width())
                                    .arg(list->fontMetrics().horizontalAdvance(list->item(0)->text()))));
            shown = true;
            dialog->reject();
        });
        keys(Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(shown);

        // A change that waits in the outbox: the longest status. Elided if its cell is narrower,
        // and whole in the cell's tooltip; still no sideways scroll bar.
        ClientConfig c = m_window->client()->config();
        c.retry.maxRetries = 0;
        m_window->client()->setConfig(c);
        m_server.reset();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        phone->setFocus();
        QTest::keyClick(phone, Qt::Key_End);
        QTest::keyClicks(phone, QStringLiteral("2"));
        keys(Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->sessionModel()->isWaitingInOutbox(QStringLiteral("ORD-100003")), 10000);
        const QModelIndex status = m_window->sessionModel()->indexOf(QStringLiteral("ORD-100003"), SessionModel::StatusColumn);
        const QString waiting = QCoreApplication::translate("sd::ui::SessionModel", "pending change (in the outbox)");
        QTRY_COMPARE(status.data().toString(), waiting);
        QCOMPARE(status.data(Qt::ToolTipRole).toString(), waiting);
        QCoreApplication::processEvents();
        QTRY_VERIFY2(noSidewaysScroll(), qPrintable(QString::number(view->horizontalScrollBar()->maximum())));
    }

    // The list's columns share a small window's width; closed there and opened again on a large
    // screen, they are not left that narrow.
    void columnsWidenAgainAfterASmallWindow()
    {
        m_window->resize(800, 600);
        QTRY_COMPARE(m_window->size(), QSize(800, 600));
        QTableView *view = m_window->sessionView();
        QTRY_COMPARE(view->horizontalScrollBar()->maximum(), 0);
        const int narrowAgent = view->columnWidth(SessionModel::AgentColumn);
        m_window->close(); // saves the columns
        m_window.reset();
        makeWindow();
        m_window->resize(1280, 800);
        QTRY_COMPARE(m_window->size(), QSize(1280, 800));
        view = m_window->sessionView();
        QTRY_COMPARE(view->horizontalScrollBar()->maximum(), 0);
        QTRY_VERIFY2(view->columnWidth(SessionModel::AgentColumn) > narrowAgent,
                     qPrintable(QStringLiteral("%1 px, was %2 at 800x600").arg(view->columnWidth(SessionModel::AgentColumn)).arg(narrowAgent)));
    }

    // The New support request dialog is wide enough for its hint.
    void newRequestDialogShowsItsHint()
    {
        QPointer<QDialog> seen;
        bool shown = false;
        QString placeholder;
        int room = 0;
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            seen = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(seen);
            shown = true;
            auto *phone = seen->findChild<QLineEdit *>(QStringLiteral("callbackPhone"));
            QVERIFY(phone);
            placeholder = phone->placeholderText();
            // The text area of the field: its width less the frame and the clear button's room.
            room = phone->width() - 2 * phone->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, phone)
                 - phone->height();
            QVERIFY2(phone->fontMetrics().horizontalAdvance(placeholder) <= room,
                     qPrintable(QStringLiteral("%1 needs %2 px, has %3").arg(placeholder)
                                    .arg(phone->fontMetrics().horizontalAdvance(placeholder)).arg(room)));
            // A problem sentence wraps inside the dialog instead of widening or cutting it.
            auto *orderId = seen->findChild<QLineEdit *>(QStringLiteral("orderId"));
            QTest::keyClicks(orderId, QStringLiteral(".."));
            auto *problem = seen->findChild<QLabel *>(QStringLiteral("problem"));
            QTRY_VERIFY(!problem->text().isEmpty());
            QTRY_VERIFY(problem->height() >= problem->heightForWidth(problem->width()));
            QVERIFY(seen->rect().contains(QRect(problem->mapTo(seen, QPoint(0, 0)), problem->size())));
            seen->reject();
        });
        keys(Qt::Key_N, Qt::ControlModifier);
        QVERIFY(shown);
        QVERIFY(!placeholder.isEmpty());
    }
};

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"

