// The fixture of the user-level window tests (tst_flows*, tst_bulkflows, tst_identity, tst_texts,
// tst_keyboard, tst_history): an in-process sandbox, the real window on it, and the helpers that
// drive both as a person does, with real key presses and mouse clicks (offscreen).
//
// A test class derives from GuiTest and calls, from its own slots:
//   initTestCase(): setUpApplication()
//   init():         resetLocalState(); startServer(); useServerProfile(); makeWindow();
//   cleanup():      tearDown() (fails a test that left a dialog poller waiting)
#pragma once

#include "mainwindow.h"
#include "models.h"
#include "profiles.h"
#include "sandboxserver.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QAbstractButton;
class QLineEdit;
class QMenu;

// The sandbox as the window tests run it: it keeps every write it receives (method, decoded path,
// body), and refuses the writes to chosen orders with 503 and a Retry-After longer than the client
// waits for (a final failure another try may mend), as a server in trouble with some sessions.
class TestSandbox : public sd::SandboxServer
{
    Q_OBJECT
public:
    struct Write
    {
        QByteArray method;
        QString path;
        QByteArray body;
    };
    QList<Write> writes;
    QSet<QString> refuseWritesTo; // order IDs
    // The body of the last write with this method on the order's session (empty when none).
    QByteArray lastBody(const QByteArray &method, const QString &orderId) const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
};

class GuiTest : public QObject
{
    Q_OBJECT
protected:
    std::unique_ptr<TestSandbox> m_server;
    std::unique_ptr<sd::ui::MainWindow> m_window;
    sd::ServerProfile m_profile;
    QList<QPointer<QTimer>> m_drivers;            // the dialog pollers of the running test
    QList<QPair<QByteArray, QString>> m_requests; // method and decoded path, as the sandbox saw them
    QTemporaryDir m_tmp;

    // Test mode paths, the application's display name and English plural forms, as the app has them.
    void setUpApplication();
    // A fresh start: no settings, no workspace, an audit log of this test function's own.
    void resetLocalState();
    // A sandbox with `seedCount` sessions on a free port; every request it handles is recorded.
    void startServer(int seedCount = 30);
    void recordRequests(sd::SandboxServer *server);
    // m_profile: the test profile on m_server, agent-1006, no periodic refresh.
    void useServerProfile();
    // The window on m_profile, shown and active.
    void makeWindow();
    // Stops and deletes every dialog poller, closes what is still modal, drops the window and the
    // server; fails the test when a poller was still waiting (its dialog never came).
    void tearDown();

    // Runs `act` once on the first widget `find` returns (a dialog, a popup menu), polled from the
    // event loop that shows it. The flag turns true once `act` has run to its end without a
    // failed check: a test checks it after the action (QTRY_VERIFY(*ran)) to prove the dialog
    // was met and handled.
    std::shared_ptr<bool> whenShown(std::function<QWidget *()> find, std::function<void(QWidget *)> act);
    static std::function<QWidget *()> modal(const QString &objectName = {});
    template<class T>
    static std::function<QWidget *()> modalOf()
    {
        return []() -> QWidget * { return qobject_cast<T *>(QApplication::activeModalWidget()); };
    }
    static QWidget *popupMenu();

    static void click(QAbstractButton *button);
    static QAbstractButton *standardButton(QWidget *dialog, QDialogButtonBox::StandardButton which);
    // Replaces the text of a line edit as a person does: select all, type (or Delete for none).
    static void retype(QLineEdit *edit, const QString &text);
    // Offscreen, nothing gives the window back its activation when a dialog closes (a window
    // manager would): it is asked for here before a key press meant for the window.
    void activate();
    void keys(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    void clickRow(const QString &orderId, Qt::MouseButton button = Qt::LeftButton,
                  Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    // Pastes order IDs into the list (Ctrl+Shift+V) and waits until each is loaded.
    void paste(const QStringList &ids, sd::SessionState expected = sd::SessionState::Open);

    QLineEdit *paneField(const char *name) const;
    sd::SessionState stateOf(const QString &orderId) const;
    bool listed(const QString &orderId) const;
    QString statusText() const;
    // The requests with this method on the order (its session or its agent) the sandbox handled.
    int requestsOf(const QByteArray &method, const QString &orderId) const;
    // The session as the sandbox has it now (empty when it has none).
    std::optional<sd::Support> serverSession(const QString &orderId) const;
};
