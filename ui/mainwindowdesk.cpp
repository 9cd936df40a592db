// What the desk controller reports, shown in the window: the status bar, the detail pane, the
// offline label; and the window as the desk's prompts.
#include "mainwindow.h"
#include "mainwindow_p.h"

#include "detailpane.h"
#include "undonotice.h"

#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTableView>

namespace sd::ui {

// What the desk reports, shown: the status bar, the detail pane, the list's selection.
void MainWindow::connectDesk()
{
    m_desk->setPrompts(this);
    m_desk->setViewQueries([this] { return selectedOrderId(); }, [this] { return m_detail->orderId(); });
    connect(m_desk, &DeskController::statusMessage, this, [this](const QString &text, int timeoutMs) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text, timeoutMs);
    });
    connect(m_desk, &DeskController::workspaceReset, this, [this] { m_detail->showEntry(nullptr, false); });
    connect(m_desk, &DeskController::workspaceLoaded, this, [this](const QString &selected) {
        if (!selected.isEmpty())
            selectOrder(selected);
        updateStatusBar();
        updateIdentity(); // a name for the identity, from the directory
        Q_EMIT workspaceLoaded();
    });
    connect(m_desk, &DeskController::replyApplied, this, &MainWindow::onReplyApplied);
    connect(m_desk, &DeskController::operationFinished, this, &MainWindow::operationFinished);
    connect(m_desk, &DeskController::notified, this, &MainWindow::notified);
    connect(m_desk, &DeskController::changedCountChanged, this, &MainWindow::updateChangedCount);
    connect(m_desk, &DeskController::changedElsewhere, this,
            [this](const QString &, const QStringList &fields) { m_detail->showChangedElsewhere(fields); });
    connect(m_desk, &DeskController::entryChanged, this, [this](const QString &id) {
        m_detail->showEntry(entry(id), m_model->isPending(id));
    });
    connect(m_desk, &DeskController::agentRefreshed, this, [this](const QString &id, const QStringList &fields) {
        if (m_detail->orderId() == id) {
            m_detail->showEntry(entry(id), m_model->isPending(id));
            m_detail->showChangedElsewhere(fields);
        }
        updateActions();
    });
    connect(m_desk, &DeskController::draftReplaced, this,
            [this](const QString &id) { m_detail->reloadEntry(entry(id), true); });
    connect(m_desk, &DeskController::outboxSent, this, [this](const QString &id) {
        m_detail->showEntry(entry(id), m_model->isPending(id));
        m_detail->hideBanner();
    });
    connect(m_desk, &DeskController::queuedOffline, this, [this] {
        m_detail->showBanner(tr("The server cannot be reached. Your change is kept in the outbox "
                                "and will be sent, in order, when it answers again."), false);
    });
    connect(m_desk, &DeskController::outboxChanged, this, &MainWindow::updateOfflineLabel);
    connect(m_desk, &DeskController::outboxAuthRequired, this, [this](int queued) {
        m_offlineLabel->setText(tr("%n change(s) waiting: the server refused the access token.", nullptr, queued));
    });
    connect(m_desk, &DeskController::removedFromList, this, [this](int firstShown, int removed) {
        // The model was reset: the row now in the first removed one's place is selected.
        if (firstShown >= 0 && m_model->rowCount() > 0)
            m_view->selectionModel()->setCurrentIndex(m_model->index(std::min(firstShown, m_model->rowCount() - 1), 0),
                                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        else
            onSelectionChanged();
        updateStatusBar();
        if (removed > 0)
            statusBar()->showMessage(tr("%n session(s) removed from the list (not from the server).", nullptr, removed), 6000);
    });
    connect(m_desk, &DeskController::restoredToList, this, [this](const QString &first) {
        if (!first.isEmpty())
            selectOrder(first);
        updateStatusBar();
    });
    connect(m_desk, &DeskController::knownAgentsChanged, this, [this] { applyFilterText(m_filter->text()); });
    connect(m_desk, &DeskController::ownNameLearnt, this, &MainWindow::updateIdentity);
    connect(m_desk, &DeskController::undoOffered, m_undoNotice, &UndoNotice::offer);
}

// The session shown after an answer: the form, the banner, the actions.
void MainWindow::onReplyApplied(const DeskOutcome &o)
{
    const QString &id = o.orderId;
    const ApiError &err = o.error;
    // The pane's session too when a filter hid its row: the pane still shows it and acts on it.
    if (id == selectedOrderId() || id == m_detail->orderId()) {
        // Saved: the form shows the server's copy again, unless the agent typed on meanwhile.
        const auto withoutAgent = [](Support s) { s.agent.reset(); return s; };
        const bool savedWhatIsShown = o.ownWrite && o.ok && o.operation == Operation::Update
            && o.draftBefore && m_detail->orderId() == id
            && withoutAgent(m_detail->editedSupport()) == withoutAgent(*o.draftBefore);
        if (savedWhatIsShown)
            m_detail->reloadEntry(entry(id), false);
        else
            m_detail->showEntry(entry(id), false);
        // A fetch that finds no session: the row and the pane say so, it is not a failure.
        const bool notFoundFetch = err.httpStatus == 404 && o.operation == Operation::Fetch;
        if (!o.ok && err.kind != ApiError::Kind::Cancelled && !notFoundFetch) {
            showFailureBanner(err);
        } else if (o.ok || notFoundFetch) {
            m_detail->hideBanner();
        }
    }
    updateActions();
}

bool MainWindow::confirm(const QString &title, const QString &text)
{
    return m_confirm(title, text);
}

std::optional<Support> MainWindow::resolveConflict(const QString &orderId, const Support &theirs, const Support &mine,
                                                   const std::optional<Support> &base)
{
    return m_resolveConflict(orderId, theirs, mine, base);
}

void MainWindow::showFailureBanner(const ApiError &err)
{
    QString text = err.message();
    if (err.kind == ApiError::Kind::Conflict)
        text += QLatin1Char(' ') + tr("Your edit is kept as a draft. Refresh to see their version, then save again.");
    // Asked for a token while none is set: trying again cannot help, the profile can.
    const bool noToken = err.httpStatus == 401 && m_desk->client()->config().token.isEmpty();
    if (noToken)
        text += QLatin1Char(' ') + tr("The server wants an access token, and no access token is set in the "
                                      "server profile \"%1\". Enter one there.").arg(m_desk->profile().name);
    m_detail->showBanner(text, !noToken && err.canSucceedOnRetry(), noToken);
}

void MainWindow::updateOfflineLabel(int retryInMs)
{
    const int queued = m_desk->outbox() ? m_desk->outbox()->queuedCount() : 0;
    if (queued == 0) {
        m_offlineLabel->clear();
        return;
    }
    QString text = tr("Offline: %n pending change(s) in the outbox", nullptr, queued);
    if (retryInMs > 0)
        text += QStringLiteral(" · ") + tr("next try in %1 s").arg(retryInMs / 1000);
    m_offlineLabel->setText(text);
}

void MainWindow::updateChangedCount()
{
    const int changed = m_model->changedCount();
    m_changedLabel->setText(changed ? tr("%n changed by others", nullptr, changed) : QString());
    const QString name = m_desk->profile().name;
    setWindowTitle(changed ? tr("(%1) %2 — SupportDesk").arg(changed).arg(name) : tr("%1 — SupportDesk").arg(name));
}

} // namespace sd::ui
