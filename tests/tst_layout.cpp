// The window as a person sees it on a small screen and at 200%: the first window fits the screen,
// every toolbar button says what it does, nothing hides in the toolbar's overflow at 800x600, the
// detail pane never scrolls sideways, and the New dialog shows its hint whole. Run twice by ctest:
// on the default offscreen screen and on a 2400x1600 screen at QT_SCALE_FACTOR=2.
#include "detailpane.h"
#include "englishplurals.h"
#include "mainwindow.h"
#include "profiles.h"
#include "sandboxserver.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
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
