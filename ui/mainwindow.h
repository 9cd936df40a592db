// The agent's console: session list, detail pane, request log, profiles.
#pragma once

#include "deskcontroller.h"

#include <QHash>
#include <QDialog>
#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;
class QToolButton;
class QUndoStack;
class QSystemTrayIcon;

namespace sd::ui {

class ColumnFitter;
class DetailPane;
class RequestLogDock;
class RequestLogModel;
class TeamDock;
class UndoNotice;

// Layout, actions and dialogs over a DeskController, which holds the logic; the window answers
// its questions (DeskPrompts). The operations below forward to it for the tests.
class MainWindow : public QMainWindow, private DeskPrompts
{
    Q_OBJECT
public:
    // `profiles` non-empty; `startProfileId` the one to use first.
    MainWindow(const QList<ServerProfile> &profiles, const QString &startProfileId,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Asks the user before closing a session; tests replace it.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmHandler(Confirm confirm)
    {
        m_confirm = std::move(confirm);
        m_confirmReplaced = true;
    }

    QAction *action(const QString &objectName) const;
    SessionModel *sessionModel() const { return m_model; }
    QTableView *sessionView() const { return m_view; }
    DetailPane *detailPane() const { return m_detail; }
    DeskController *desk() const { return m_desk; }
    ApiClient *client() const { return m_desk->client(); }
    const ServerProfile &profile() const { return m_desk->profile(); }
    QString workspacePath() const { return m_desk->workspacePath(); }
    QString legacyWorkspacePath() const { return m_desk->legacyWorkspacePath(); }
    // One whole session: unsaved changes first, else the store.
    std::optional<WorkspaceEntry> entry(const QString &orderId) const { return m_desk->entry(orderId); }

    // Operations (what the actions do, without dialogs).
    void openOrder(const QString &orderId);
    void createSession(const QString &orderId, const Support &fields);
    void assign(const QString &orderId, const Agent &agent);
    void unassign(const QString &orderId);
    void closeSession(const QString &orderId); // no confirmation here
    void saveSelected();
    void refresh(const QString &orderId) { m_desk->refresh(orderId); }
    void refreshAll(bool quiet = false) { m_desk->refreshAll(quiet); }
    // Fetches `ids` with the profile's concurrency limit (queued behind a run in progress).
    void fetchInBulk(const QStringList &ids, bool quiet) { m_desk->fetchInBulk(ids, quiet); }
    int importOrderIds(const QStringList &ids) { return m_desk->importOrderIds(ids); }
    void selectOrder(const QString &orderId);
    QString selectedOrderId() const;
    void switchProfile(const QString &profileId);
    void saveWorkspaceNow() { m_desk->saveWorkspaceNow(); }
    bool isLoadingWorkspace() const { return m_desk->isLoadingWorkspace(); }
    static constexpr qint64 kAsyncLoadBytes = DeskController::kAsyncLoadBytes;

    // Bulk work (any number of sessions): preview, progress, result per session, retry.
    // `requests`: one per session, all of one operation (assign, unassign or close).
    void runBulk(const std::vector<ApiRequest> &requests, bool preview);
    QStringList selectedOrderIds() const;
    QUndoStack *undoStack() const { return m_undo; }
    QDialog *lastBulkDialog() const { return m_lastBulkDialog; }
    Outbox *outbox() const { return m_desk->outbox(); }
    OutboxSender *outboxSender() const { return m_desk->outboxSender(); }
    // Shows theirs and mine side by side; tests replace the dialog with a chooser.
    using ConflictResolver = std::function<std::optional<Support>(const QString &orderId, const Support &theirs,
                                                                  const Support &mine, const std::optional<Support> &base)>;
    void setConflictResolver(ConflictResolver resolver) { m_resolveConflict = std::move(resolver); }
    void resolveUpdateConflict(const QString &orderId, const Support &mine, const std::optional<Support> &base)
    {
        m_desk->resolveUpdateConflict(orderId, mine, base);
    }
    bool exportCsvTo(const QString &path); // the rows shown, as CSV

Q_SIGNALS:
    void operationFinished(const QString &orderId, bool ok);
    void workspaceLoaded();
    // A desktop notification (also shown in the system tray when there is one).
    void notified(const QString &title, const QString &text);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenusAndToolbar();
    void updateActions();
    void updateStatusBar();
    void applyProfile(const ServerProfile &profile);
    void connectDesk();
    void onReplyApplied(const DeskOutcome &outcome);
    // DeskPrompts: the handlers below (dialogs, or what a test set).
    bool confirm(const QString &title, const QString &text) override;
    std::optional<Support> resolveConflict(const QString &orderId, const Support &theirs, const Support &mine,
                                           const std::optional<Support> &base) override;
    void onSelectionChanged();
    // `request`: what to do to each selected session (an assign asks for the agent first).
    void askAndBulk(const ApiRequest &request);
    // The progress, results and Retry failed of a bulk run (not started yet): starts it.
    // `targetOf`: the agent's name each session goes to, for the progress lines (reassign).
    void trackBulk(const QString &title, BulkRun *run, const std::function<void(const QStringList &)> &retry,
                   const QHash<QString, QString> &targetOf = {});
    void updateOfflineLabel(int retryInMs = -1);
    void showAuditTrail();
    void showAbout();
    void manageProfiles();
    void importFromFile();
    void importFromClipboard();
    void exportCsv();
    void askAndOpenOrder();
    void askAndCreate();
    void askAndAssign();
    void askAndClose();
    void goToOrder(const QString &prefix);
    // The Team view (mainwindowteam.cpp).
    void createTeamDock();
    void dropOnAgent(const QStringList &orderIds, const QString &agentId, bool unassigned);
    // The Team view's selection filters the list; the sessions selected there that stay shown
    // stay selected (Balance's "selected sessions" are chosen before the agents).
    void filterByAgents(const QStringList &agentIds, bool unassigned);
    void askAndBalance();
    // Sends a Balance's moves (order ID -> agent ID) as one run and one undo step.
    void runBalance(const QHash<QString, QString> &moves);
    TeamDock *m_teamDock = nullptr;

    DeskController *m_desk; // first: the model below is its
    SessionModel *m_model;
    QUndoStack *m_undo;
    QTableView *m_view;
    DetailPane *m_detail;
    RequestLogModel *m_logModel;
    RequestLogDock *m_logDock;
    QLineEdit *m_filter;
    QLineEdit *m_goTo;
    QComboBox *m_stateFilter;
    QComboBox *m_scope;
    QComboBox *m_profileBox;
    QLabel *m_countLabel;
    QLabel *m_inFlightLabel;
    QHash<QString, QAction *> m_actions;
    QList<ServerProfile> m_profiles;
    QPointer<QDialog> m_lastBulkDialog;
    quint64 m_retryingUndoGroup = 0; // while "Retry failed" starts its run: the undo step it joins
    QLabel *m_offlineLabel = nullptr;
    QLabel *m_changedLabel = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    void updateChangedCount();
    Confirm m_confirm;
    ConflictResolver m_resolveConflict;
    QString m_agentAskedFor; // the session whose agent was last fetched on opening
    void keepTypedDraft();     // the pane's edits, as a draft, as they are typed
    void revertDraft();
    void removeSelectedFromList(); // undoable: the rows come back with Undo
    void openSelectedInPane();     // the row alone, the keyboard in the detail pane
    void copySelectedOrderIds();
    void askAndCreateAgain(); // a new support request for the shown (closed) order
    // The friction list of issue 11: skipped sessions in bulk, undo offered in the status bar,
    // errors that say what to do, one meaning of "pending change".
    UndoNotice *m_undoNotice = nullptr;
    bool m_confirmReplaced = false;
    // m_confirm with the raw technical detail shown apart from the sentence (a test's handler
    // gets the sentence only).
    bool confirmWithDetail(const QString &title, const QString &text, const QString &detail);
    bool confirmIrreversible(const QString &title, const QString &text, const QString &verb);
    void showFailureBanner(const ApiError &err);

    // Who the agent is on this profile (ServerProfile::myAgentId): asked on a profile's first
    // use, shown in the status bar, the meaning of "Mine".
    void askIdentity(bool firstUse);
    void setIdentity(const QString &profileId, const QString &agentId, const QString &agentName);
    void updateIdentity(); // the status bar, the "Mine" hint, the filter
    void applyFilterText(const QString &text);
    QToolButton *m_identityButton = nullptr;
    ColumnFitter *m_columnFitter = nullptr; // the list's columns share its width
    QWidget *m_mineHint = nullptr;
    QPointer<QDialog> m_identityDialog;
};

} // namespace sd::ui
