// What the window asks the agent: the dialogs behind the actions, bulk previews, profiles and
// the agent's identity, imports and exports.
#include "mainwindow.h"
#include "mainwindow_p.h"

#include "apiurl.h"
#include "auditlog.h"
#include "auditviewer.h"
#include "bulkdialogs.h"
#include "conflictdialog.h"
#include "undocommands.h"
#include "undonotice.h"
#include "detailpane.h"
#include "dialogs.h"
#include "keyboardflow.h"
#include "identitydialog.h"
#include "privatefile.h"
#include "requestlog.h"
#include "sessionhistory.h"
#include "shortcutsdialog.h"
#include "version.h"
#include "windowfit.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QUndoStack>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace sd::ui {

void MainWindow::runBulk(const std::vector<ApiRequest> &requests, bool preview)
{
    if (requests.empty())
        return;
    const Operation operation = operationOf(requests.front());
    const DeskController::BulkPlan plan = m_desk->planBulk(requests);
    const QStringList &lines = plan.lines, &send = plan.send;
    const int skipped = plan.skipped;
    const QString title = operation == Operation::AssignAgent   ? tr("Reassign sessions")
                        : operation == Operation::UnassignAgent ? tr("Unassign sessions")
                                                                : tr("Close sessions");
    if (preview) {
        QString summary = tr("%n session(s) will change:", nullptr, int(send.size()));
        if (skipped > 0)
            summary += QLatin1Char(' ') + tr("%n session(s) will be skipped: closed, or not on the server.", nullptr, skipped);
        if (operation == Operation::Close)
            summary += QLatin1Char(' ') + tr("Closing cannot be undone: the server cannot reopen a session.");
        else
            summary += QLatin1Char(' ') + tr("Edit > Undo puts every previous agent back.");
        BulkPreviewDialog dialog(title, summary, lines, int(send.size()), operation == Operation::Close, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
    }
    if (send.isEmpty()) {
        statusBar()->showMessage(tr("Nothing to do: the %n session(s) chosen are closed, or not on the server.",
                                    nullptr, skipped), 8000);
        return;
    }
    QHash<QString, QString> targetOf;
    for (const ApiRequest &r : plan.requests)
        if (const auto *assign = std::get_if<AssignAgentRequest>(&r))
            targetOf.insert(assign->orderId, QString::fromStdString(assign->agent.displayName()));
    BulkRun *run = m_desk->bulkRun(plan.requests, plan.previous);
    trackBulk(title, run, [this, requests](const QStringList &failed) {
        std::vector<ApiRequest> again; // the same requests, for the sessions that failed
        for (const QString &id : failed)
            for (const ApiRequest &r : requests)
                if (orderIdOf(r) == id) {
                    again.push_back(r);
                    break;
                }
        runBulk(again, false);
    }, targetOf);
}

void MainWindow::trackBulk(const QString &title, BulkRun *run, const std::function<void(const QStringList &)> &retry,
                           const QHash<QString, QString> &targetOf)
{
    // A retry's successes join the undo step of the run it retries (the whole run is one step).
    const quint64 undoGroup = m_desk->groupUndo(run, std::exchange(m_retryingUndoGroup, 0));
    auto *progress = new BulkProgressDialog(title, this);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setTargets(targetOf);
    progress->track(run);
    connect(progress, &BulkProgressDialog::retryFailedRequested, this, [this, retry, undoGroup](const QStringList &failed) {
        m_retryingUndoGroup = undoGroup; // taken by the retry's trackBulk, if it gets that far
        retry(failed);
        m_retryingUndoGroup = 0;
    });
    m_lastBulkDialog = progress;
    progress->open();
    run->start();
}

void MainWindow::askAndBulk(const ApiRequest &request)
{
    const QStringList ids = selectedOrderIds();
    if (ids.isEmpty()) {
        statusBar()->showMessage(tr("Select sessions first (%1 selects every session the filter shows).")
                                     .arg(nativeKeys(QKeySequence::SelectAll)), 6000);
        return;
    }
    ApiRequest each = request;
    if (auto *assign = std::get_if<AssignAgentRequest>(&each)) {
        AgentDialog dialog(tr("Reassign %n session(s)", nullptr, int(ids.size())), std::nullopt, m_desk->knownAgents(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        assign->agent = dialog.agent();
    }
    runBulk(requestsFor(each, ids), true);
}

void MainWindow::askAndOpenOrder()
{
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Open order"),
                                               tr("Order IDs (separated by spaces or commas):"),
                                               QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    // Order IDs hold no white space or commas (orderIdProblem): several were pasted at once.
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    QStringList ids = text.split(separators, Qt::SkipEmptyParts);
    ids.removeDuplicates();
    for (const QString &id : std::as_const(ids))
        openOrder(id);
    if (!ids.isEmpty())
        selectOrder(ids.first());
}

void MainWindow::askAndCreate()
{
    NewSessionDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        createSession(dialog.orderId(), dialog.support());
}

void MainWindow::askAndAssign()
{
    const QString id = selectedOrderId();
    const std::optional<WorkspaceEntry> e = entry(id);
    if (!e || e->state != SessionState::Open)
        return;
    const std::optional<Agent> current = e->support ? e->support->agent : std::nullopt;
    AgentDialog dialog(current ? tr("Reassign order %1").arg(id) : tr("Assign order %1").arg(id), current,
                       m_desk->knownAgents(), this);
    if (dialog.exec() == QDialog::Accepted)
        assign(id, dialog.agent());
}

void MainWindow::askAndClose()
{
    const QString id = selectedOrderId();
    const std::optional<WorkspaceEntry> e = entry(id);
    if (!e || e->state != SessionState::Open)
        return;
    if (confirmIrreversible(tr("Close session"),
                            tr("Close the support session of order %1?\n\nThe server cannot reopen it: "
                               "a new request would start a new session.").arg(id),
                            tr("Close session", "button that closes the session")))
        closeSession(id);
}

void MainWindow::askAndCreateAgain()
{
    const QString id = m_detail->orderId();
    const std::optional<WorkspaceEntry> e = entry(id);
    if (!e)
        return;
    NewSessionDialog dialog(this);
    dialog.setInitial(id, e->draft ? *e->draft : e->support.value_or(Support{}));
    if (dialog.exec() == QDialog::Accepted)
        createSession(dialog.orderId(), dialog.support());
}

void MainWindow::importFromFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import order IDs"), QString(),
                                                      tr("CSV or text files (*.csv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        statusBar()->showMessage(tr("Cannot read %1: %2").arg(path, file.errorString()), 10000);
        return;
    }
    importOrderIds(parseOrderIdList(QString::fromUtf8(file.readAll())));
}

void MainWindow::importFromClipboard()
{
    importOrderIds(parseOrderIdList(QApplication::clipboard()->text()));
}

void MainWindow::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export sessions"),
                                                      QStringLiteral("sessions.csv"),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsvTo(path);
}

bool MainWindow::exportCsvTo(const QString &path)
{
    const std::vector<int> &shown = m_model->visibleTableRows();
    QSaveFile file(path); // callback phones: 0600, written atomically
    if (!openPrivate(file) || file.write(exportSessionsCsv(m_model->table(), shown)) < 0 || !file.commit()) {
        statusBar()->showMessage(tr("Could not write %1: %2").arg(path, file.errorString()), 10000);
        return false;
    }
    statusBar()->showMessage(tr("Exported %1 sessions to %2.").arg(shown.size()).arg(path), 6000);
    return true;
}

void MainWindow::manageProfiles()
{
    ProfileDialog dialog(m_profiles, m_desk->profile().id, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    saveWorkspaceNow();
    m_profiles = dialog.profiles();
    QSettings settings;
    saveProfiles(settings, m_profiles);
    const QHash<QString, QString> tokens = dialog.changedTokens();
    for (auto it = tokens.begin(); it != tokens.end(); ++it) {
        const QString id = it.key(), token = it.value();
        const auto done = [this, id, token](const TokenStore::Result &r) {
            if (token.isEmpty()) {
                // Removed: from this run in any case, and from the keychain when there is one.
                if (r.ok || r.noKeychain)
                    statusBar()->showMessage(tr("The access token is removed."), 6000);
                else
                    statusBar()->showMessage(tr("The access token could not be removed from the system keychain. "
                                                "(The keychain said: %1)").arg(r.error), 10000);
            } else if (r.ok) {
                statusBar()->showMessage(tr("The access token is stored in the system keychain."), 6000);
            } else if (r.noKeychain) {
                // Say so, and ask before doing anything else with the token. The keychain's own
                // words ("Failed to execute child process 'dbus-launch'") are detail, not the message.
                const bool keep = confirmWithDetail(tr("No keychain available"),
                    tr("The system keychain is not available, so the token can be kept only in memory "
                       "until SupportDesk closes: it will not be written anywhere and must be entered "
                       "again next time.\n\nUse the token for this run only?"),
                    r.error);
                if (keep) {
                    m_desk->tokens()->setSessionToken(id, token);
                    statusBar()->showMessage(tr("The system keychain is not available, so the token is kept "
                                                "only until SupportDesk closes."), 10000);
                }
            } else if (!r.ok) {
                statusBar()->showMessage(tr("The access token could not be stored in the system keychain. "
                                            "(The keychain said: %1)").arg(r.error), 10000);
            }
            if (id == m_desk->profile().id) {
                const bool usable = r.ok || !m_desk->tokens()->sessionToken(id).isEmpty();
                m_desk->setToken(usable ? token : QString());
            }
        };
        if (token.isEmpty())
            m_desk->tokens()->remove(id, done);
        else
            m_desk->tokens()->write(id, token, done);
    }
    m_profileBox->clear();
    for (const ServerProfile &p : std::as_const(m_profiles))
        m_profileBox->addItem(p.name, p.id);
    QString next = dialog.selectedId();
    if (next.isEmpty() && !m_profiles.isEmpty())
        next = m_profiles.first().id;
    for (const ServerProfile &p : std::as_const(m_profiles))
        if (p.id == next)
            applyProfile(p);
}

// A question whose yes-button names the action (not "Yes"); Cancel is the default, as the action
// cannot be undone.
bool MainWindow::confirmIrreversible(const QString &title, const QString &text, const QString &verb)
{
    if (m_confirmReplaced)
        return m_confirm(title, text);
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel, this);
    box.button(QMessageBox::Yes)->setText(verb);
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Yes;
}

bool MainWindow::confirmWithDetail(const QString &title, const QString &text, const QString &detail)
{
    if (m_confirmReplaced)
        return m_confirm(title, text);
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setDefaultButton(QMessageBox::Cancel);
    if (!detail.isEmpty())
        box.setDetailedText(detail);
    return box.exec() == QMessageBox::Yes;
}

void MainWindow::showAuditTrail()
{
    AuditViewer viewer(m_desk->audit()->path(), this);
    viewer.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About SupportDesk"),
                       tr("<h3>SupportDesk %1</h3><p>A desktop console for support sessions on "
                          "marketplace orders, speaking the GovStack e-Marketplace Support "
                          "Management API.</p>").arg(QStringLiteral(SUPPORTDESK_VERSION)));
}

void MainWindow::askIdentity(bool firstUse)
{
    if (m_identityDialog) {
        m_identityDialog->raise();
        m_identityDialog->activateWindow();
        return;
    }
    const ServerProfile &profile = m_desk->profile();
    auto *dialog = new IdentityDialog(profile.name, profile.myAgentId, profile.myAgentName, m_desk->knownAgents(),
                                      firstUse, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_identityDialog = dialog;
    const QString profileId = profile.id;
    connect(dialog, &QDialog::finished, this, [this, dialog, profileId, firstUse](int result) {
        if (result == QDialog::Accepted)
            setIdentity(profileId, dialog->agentId(), dialog->agentName());
        else if (firstUse) // skipped: not asked again (Settings > My agent identity sets it)
            setIdentity(profileId, QString(), QString());
    });
    dialog->open(); // not exec(): the window may be closed or switch profiles meanwhile
}

void MainWindow::setIdentity(const QString &profileId, const QString &agentId, const QString &agentName)
{
    for (ServerProfile &p : m_profiles)
        if (p.id == profileId) {
            p.myAgentId = agentId;
            p.myAgentName = agentName;
            p.identityAsked = true;
        }
    QSettings settings;
    saveProfiles(settings, m_profiles);
    if (profileId != m_desk->profile().id)
        return;
    m_desk->setIdentity(agentId, agentName);
    m_model->setScope(SessionModel::Scope(m_scope->currentData().toInt()), agentId);
    updateIdentity();
}

void MainWindow::updateIdentity()
{
    const QString id = m_desk->profile().myAgentId;
    QString name = m_desk->profile().myAgentName;
    if (name.isEmpty() && !id.isEmpty())
        if (const std::optional<Agent> known = m_desk->knownAgents().find(id); known && known->person)
            name = QString::fromStdString(known->person->name.value_or(std::string()));
    if (id.isEmpty())
        m_identityButton->setText(tr("No agent identity set — Set…"));
    else if (name.isEmpty())
        m_identityButton->setText(tr("Working as %1").arg(id));
    else
        m_identityButton->setText(tr("Working as %1 (%2)", "agent ID (name)").arg(id, name));
    // The status bar would squeeze the button below its text (cut at 800x600): it keeps its size.
    m_identityButton->setMinimumWidth(m_identityButton->sizeHint().width());
    const bool mine = SessionModel::Scope(m_scope->currentData().toInt()) == SessionModel::Scope::Mine;
    m_mineHint->setVisible(mine && id.isEmpty());
}

} // namespace sd::ui
