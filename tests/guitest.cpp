#include "guitest.h"

#include "detailpane.h"
#include "englishplurals.h"
#include "sessionmodel.h"

#include <QAbstractButton>
#include <QPushButton>
#include <QClipboard>
#include <QDir>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace sd;
using namespace sd::ui;

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    default: return "OTHER";
    }
}

// "/support/<id>" or "/support/<id>/agent", decoded: the order ID.
QString orderOf(const QString &decodedPath)
{
    QString p = decodedPath.mid(int(qstrlen("/support/")));
    if (p.endsWith(QStringLiteral("/agent")))
        p.chop(int(qstrlen("/agent")));
    return p;
}

} // namespace

QByteArray TestSandbox::lastBody(const QByteArray &method, const QString &orderId) const
{
    for (auto it = writes.crbegin(); it != writes.crend(); ++it)
        if (it->method == method && orderOf(it->path) == orderId)
            return it->body;
    return {};
}

bool TestSandbox::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QByteArray method = methodName(request.method());
    const QString encoded = request.url().path(QUrl::FullyEncoded);
    const QString path = QUrl::fromPercentEncoding(encoded.toUtf8());
    if (method == "GET")
        return SandboxServer::handleRequest(request, socket);
    writes.append({method, path, request.body()});
    if (!refuseWritesTo.contains(orderOf(path)))
        return SandboxServer::handleRequest(request, socket);
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write(R"({"error":{"code":"UNAVAILABLE","message":"The session store is in maintenance."}})",
                    {{"Content-Type", "application/json; charset=utf-8"}, {"Retry-After", "3600"}},
                    QHttpServerResponder::StatusCode::ServiceUnavailable);
    Q_EMIT requestHandled(method, encoded, 503);
    return true;
}

void GuiTest::setUpApplication()
{
    QStandardPaths::setTestModeEnabled(true);
    // As the application sets it: Qt appends it to window titles that do not end with it.
    QApplication::setApplicationDisplayName(QStringLiteral("SupportDesk"));
    // As the application does: English plural forms for "%n session(s)".
    QApplication::installTranslator(new EnglishPlurals(this));
}

void GuiTest::resetLocalState()
{
    qputenv("SUPPORTDESK_AUDIT_LOG", m_tmp.filePath(QStringLiteral("audit-%1.log")
                                                        .arg(QString::fromLatin1(QTest::currentTestFunction()))).toUtf8());
    QSettings().clear();
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
}

void GuiTest::startServer(int seedCount)
{
    m_server = std::make_unique<TestSandbox>();
    m_server->seed(seedCount);
    recordRequests(m_server.get());
    QVERIFY(m_server->start().isValid());
    m_requests.clear();
}

void GuiTest::recordRequests(SandboxServer *server)
{
    connect(server, &SandboxServer::requestHandled, this, [this](const QByteArray &method, const QString &path, int) {
        m_requests.append({method, QUrl::fromPercentEncoding(path.toUtf8())});
    });
}

void GuiTest::useServerProfile()
{
    m_profile = ServerProfile{};
    m_profile.id = QStringLiteral("test");
    m_profile.name = QStringLiteral("Test");
    m_profile.baseUrl = m_server->baseUrl();
    m_profile.refreshIntervalSeconds = 0;
    m_profile.myAgentId = QStringLiteral("agent-1006");
}

void GuiTest::makeWindow()
{
    m_window = std::make_unique<MainWindow>(QList<ServerProfile>{m_profile}, m_profile.id);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void GuiTest::tearDown()
{
    // A dialog the test waited for and that never came: its poller must not outlive the test.
    bool leftPolling = false;
    for (const QPointer<QTimer> &t : std::as_const(m_drivers))
        if (t) {
            leftPolling = leftPolling || t->isActive();
            delete t.data();
        }
    m_drivers.clear();
    for (int i = 0; i < 10 && QApplication::activeModalWidget(); ++i)
        QApplication::activeModalWidget()->close();
    m_window.reset();
    m_server.reset();
    QVERIFY2(!leftPolling, "a dialog the test expected was never shown");
}

std::shared_ptr<bool> GuiTest::whenShown(std::function<QWidget *()> find, std::function<void(QWidget *)> act)
{
    auto ran = std::make_shared<bool>(false);
    auto *timer = new QTimer(this);
    timer->setInterval(20);
    connect(timer, &QTimer::timeout, this, [timer, find, act, ran] {
        QWidget *w = find();
        if (!w || !w->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        act(w);
        // Only a callback that got through its checks counts as having handled the dialog.
        *ran = !QTest::currentTestFailed();
    });
    m_drivers << QPointer<QTimer>(timer);
    timer->start();
    return ran;
}

std::function<QWidget *()> GuiTest::modal(const QString &objectName)
{
    return [objectName]() -> QWidget * {
        QWidget *w = QApplication::activeModalWidget();
        return w && (objectName.isEmpty() || w->objectName() == objectName) ? w : nullptr;
    };
}

QWidget *GuiTest::popupMenu()
{
    return qobject_cast<QMenu *>(QApplication::activePopupWidget());
}

void GuiTest::click(QAbstractButton *button)
{
    QVERIFY(button);
    QVERIFY2(button->isEnabled(), qPrintable(button->text()));
    QTest::mouseClick(button, Qt::LeftButton);
}

QAbstractButton *GuiTest::standardButton(QWidget *dialog, QDialogButtonBox::StandardButton which)
{
    auto *box = dialog->findChild<QDialogButtonBox *>();
    return box ? box->button(which) : nullptr;
}

void GuiTest::retype(QLineEdit *edit, const QString &text)
{
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
}

void GuiTest::activate()
{
    if (!QApplication::activeModalWidget() && QApplication::activeWindow() != m_window.get()) {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }
}

void GuiTest::keys(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    activate();
    QTest::keyClick(m_window.get(), key, modifiers);
}

void GuiTest::clickRow(const QString &orderId, Qt::MouseButton button, Qt::KeyboardModifiers modifiers)
{
    activate();
    QTableView *view = m_window->sessionView();
    const QModelIndex i = m_window->sessionModel()->indexOf(orderId, SessionModel::OrderIdColumn);
    QVERIFY2(i.isValid(), qPrintable(orderId));
    view->scrollTo(i);
    QTest::mouseClick(view->viewport(), button, modifiers, view->visualRect(i).center());
    view->setFocus();
}

void GuiTest::paste(const QStringList &ids, SessionState expected)
{
    QApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
    keys(Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    for (const QString &id : ids)
        QTRY_VERIFY2_WITH_TIMEOUT(listed(id) && stateOf(id) == expected, qPrintable(id), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);
}

QLineEdit *GuiTest::paneField(const char *name) const
{
    return m_window->detailPane()->findChild<QLineEdit *>(QString::fromLatin1(name));
}

SessionState GuiTest::stateOf(const QString &orderId) const
{
    const std::optional<SessionSummary> s = m_window->sessionModel()->summary(orderId);
    return s ? s->state : SessionState::Unknown;
}

bool GuiTest::listed(const QString &orderId) const
{
    return m_window->sessionModel()->contains(orderId);
}

QString GuiTest::statusText() const
{
    return m_window->statusBar()->currentMessage();
}

int GuiTest::requestsOf(const QByteArray &method, const QString &orderId) const
{
    int n = 0;
    for (const auto &r : m_requests)
        n += r.first == method && (r.second.endsWith(QLatin1Char('/') + orderId)
                                   || r.second.endsWith(QLatin1Char('/') + orderId + QStringLiteral("/agent")));
    return n;
}

std::optional<Support> GuiTest::serverSession(const QString &orderId) const
{
    const auto parsed = parseSupport(m_server->sessionJson(orderId).toStdString());
    return parsed.ok() ? std::optional<Support>(*parsed.value) : std::nullopt;
}
