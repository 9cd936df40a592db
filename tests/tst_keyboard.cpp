// The agent's round without the mouse: filter > pick > edit > save > next, every step a key
// press on the widget that has the focus, checked against what reaches the in-process sandbox.
// And F1: the shortcuts, grouped by menu and sorted.
#include "detailpane.h"
#include "guitest.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace sd;
using namespace sd::ui;

class TestKeyboard : public GuiTest
{
    Q_OBJECT

    static QString focusName()
    {
        QWidget *w = QApplication::focusWidget();
        return w ? w->objectName() : QStringLiteral("(nothing)");
    }
    // A key pressed where the focus is, as on a keyboard.
    static void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget *w = QApplication::focusWidget();
        QVERIFY(w);
        QTest::keyClick(w, key, modifiers);
    }
    static void type(const QString &text)
    {
        QWidget *w = QApplication::focusWidget();
        QVERIFY(w);
        QTest::keyClicks(w, text);
    }
    QString serverField(const QString &orderId, const char *key) const
    {
        const auto parsed = parseSupport(m_server->sessionJson(orderId).toStdString());
        if (!parsed.ok())
            return {};
        const Support &s = *parsed.value;
        if (qstrcmp(key, "phone") == 0)
            return s.callbackPhone ? QString::fromStdString(*s.callbackPhone) : QString();
        if (qstrcmp(key, "chatUrl") == 0)
            return s.chat && s.chat->url ? QString::fromStdString(*s.chat->url) : QString();
        return {};
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

    void filterPickEditSaveNext()
    {
        const QStringList ids{QStringLiteral("ORD-100001"), QStringLiteral("ORD-100002"), QStringLiteral("ORD-100003"),
                              QStringLiteral("ORD-100011"), QStringLiteral("ORD-100012"), QStringLiteral("ORD-100013")};
        QApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
        QTest::keyClick(m_window.get(), Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->sessionModel()->totalCount(), ids.size(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);
        for (const QString &id : ids)
            QTRY_COMPARE_WITH_TIMEOUT(m_window->sessionModel()->summary(id)->state, SessionState::Open, 10000);

        // Filter: Ctrl+F, type; Down goes into the list, on its first row.
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(focusName(), QStringLiteral("filterEdit"));
        type(QStringLiteral("ORD-10001"));
        QTRY_COMPARE(m_window->sessionModel()->rowCount(), 3);
        press(Qt::Key_Down);
        QCOMPARE(focusName(), QStringLiteral("sessionView"));
        QCOMPARE(m_window->selectedOrderId(), QStringLiteral("ORD-100011"));
        press(Qt::Key_Down);
        QCOMPARE(m_window->selectedOrderId(), QStringLiteral("ORD-100012"));

        // Tab from the list: the detail pane's first field, not the next cell.
        press(Qt::Key_Tab);
        QCOMPARE(focusName(), QStringLiteral("callbackPhone"));
        QCOMPARE(m_window->selectedOrderId(), QStringLiteral("ORD-100012"));
        press(Qt::Key_Backtab);
        QCOMPARE(focusName(), QStringLiteral("sessionView"));

        // Enter on a row opens it in the pane, with the focus there.
        press(Qt::Key_Up);
        QCOMPARE(m_window->selectedOrderId(), QStringLiteral("ORD-100011"));
        press(Qt::Key_Return);
        QCOMPARE(focusName(), QStringLiteral("callbackPhone"));
        QCOMPARE(m_window->detailPane()->orderId(), QStringLiteral("ORD-100011"));

        // Edit (Tab to the next field), save.
        press(Qt::Key_Tab);
        QCOMPARE(focusName(), QStringLiteral("chatUrl"));
        press(Qt::Key_A, Qt::ControlModifier);
        type(QStringLiteral("https://chat.example/keyboard-1"));
        press(Qt::Key_S, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(serverField(QStringLiteral("ORD-100011"), "chatUrl"),
                                  QStringLiteral("https://chat.example/keyboard-1"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);

        // Next: the following session of the filtered list, the focus stays in the pane.
        press(Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(m_window->selectedOrderId(), QStringLiteral("ORD-100012"));
        QCOMPARE(m_window->detailPane()->orderId(), QStringLiteral("ORD-100012"));
        QVERIFY2(m_window->detailPane()->isAncestorOf(QApplication::focusWidget()), qPrintable(focusName()));
        QCOMPARE(focusName(), QStringLiteral("chatUrl"));
        press(Qt::Key_A, Qt::ControlModifier);
        type(QStringLiteral("https://chat.example/keyboard-2"));
        press(Qt::Key_S, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(serverField(QStringLiteral("ORD-100012"), "chatUrl"),
                                  QStringLiteral("https://chat.example/keyboard-2"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);
        // And back; Escape returns to the list.
        press(Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(m_window->selectedOrderId(), QStringLiteral("ORD-100011"));
        press(Qt::Key_Escape);
        QCOMPARE(focusName(), QStringLiteral("sessionView"));
        QCOMPARE(serverField(QStringLiteral("ORD-100011"), "chatUrl"), QStringLiteral("https://chat.example/keyboard-1"));
    }

    // F1: one heading per menu, in the menus' order; under each, its shortcuts sorted by name.
    void shortcutsAreGroupedAndSorted()
    {
        QStringList menus;
        QHash<QString, QStringList> expected; // menu title > action texts with a shortcut
        for (QAction *m : m_window->menuBar()->actions()) {
            QString title = m->text();
            title.remove(QLatin1Char('&'));
            menus << title;
            for (QAction *a : m->menu()->actions())
                if (!a->isSeparator() && !a->shortcut().isEmpty())
                    expected[title] << a->text().remove(QLatin1Char('&'));
        }
        QList<QPair<QString, QStringList>> shown; // heading > rows under it
        QPointer<QDialog> dialog;
        // Polled until the dialog shows (a one-shot timer fired before it, or never, and then
        // into a finished test's locals); tearDown() stops the poller if it never came.
        const auto listed = whenShown(modal(QStringLiteral("shortcutsDialog")), [&](QWidget *d) {
            dialog = qobject_cast<QDialog *>(d);
            QVERIFY(dialog);
            auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
            QVERIFY(table);
            for (int r = 0; r < table->rowCount(); ++r) {
                if (table->columnSpan(r, 0) == 2) { // a heading across the table
                    QVERIFY(table->item(r, 0)->font().bold());
                    shown.append({table->item(r, 0)->text(), {}});
                } else {
                    QVERIFY2(!shown.isEmpty(), "a shortcut before any heading");
                    QVERIFY(!table->item(r, 1)->text().isEmpty());
                    shown.last().second << table->item(r, 0)->text();
                }
            }
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close)->click();
        });
        keys(Qt::Key_F1);
        QTRY_VERIFY(*listed);
        QTRY_VERIFY(dialog.isNull() || !dialog->isVisible());
        QVERIFY(shown.size() >= 5);
        int lastMenu = -1;
        for (const auto &[heading, rows] : shown) {
            const int menu = menus.indexOf(heading);
            if (menu < 0)
                continue; // keys of the list and the pane, after the menus
            QVERIFY2(menu > lastMenu, qPrintable(heading));
            lastMenu = menu;
            QStringList sorted = rows;
            std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
            QCOMPARE(rows, sorted);
            QStringList want = expected.value(heading);
            std::sort(want.begin(), want.end(), [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
            QCOMPARE(rows, want);
        }
        for (const QString &menu : menus)
            QVERIFY2(expected.value(menu).isEmpty() || std::any_of(shown.begin(), shown.end(), [&](const auto &g) { return g.first == menu; }),
                     qPrintable(menu));
    }
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
