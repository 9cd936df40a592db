// The desk without its window: the open profile and its client, the workspace (list model,
// store, drafts, debounced saving), the reply state machine, the outbox and its sender, undo,
// bulk runs, change awareness and resync. No widgets: the window listens to its signals and
// answers its questions (DeskPrompts); tests drive it headless.
#pragma once

#include "agentdirectory.h"
#include "apiclient.h"
#include "bulkrun.h"
#include "deskprompts.h"
#include "guardedwrite.h"
#include "outbox.h"
#include "profiles.h"
#include "sessionmodel.h"
#include "workspacestore.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>
#include <thread>

class QTimer;
class QUndoStack;

namespace sd {
class AuditRecorder;
}

namespace sd::ui {

// How one reply ended, for the window to update the session it shows.
struct DeskOutcome
{
    QString orderId;
    Operation operation = Operation::Fetch;
    bool ok = false;
    bool ownWrite = false;
    ApiError error;
    std::optional<Support> draftBefore; // the draft the session had before the answer
};

class AgentUndoCommand;

class DeskController : public QObject
{
    Q_OBJECT
public:
    explicit DeskController(QObject *parent = nullptr);
    ~DeskController() override;

    ApiClient *client() const { return m_client; }
    AuditRecorder *audit() const { return m_audit; }
    TokenStore *tokens() const { return m_tokens; }
    SessionModel *model() const { return m_model; }
    QUndoStack *undoStack() const { return m_undo; }
    // The profile's outbox: opened one turn of the event loop after openProfile (after the first
    // frame), or here when asked for earlier.
    Outbox *outbox();
    OutboxSender *outboxSender();
    const ServerProfile &profile() const { return m_profile; }
    const AgentDirectory &knownAgents() const { return m_knownAgents; }
    // Open sessions per agent in the workspace, updated per change (the list model's rows:
    // own writes, refreshes and outbox replays all land there); see SessionModel::teamLoad.
    const TeamLoad &teamLoad() const { return m_model->teamLoad(); }

    // Who asks the agent (the window's dialogs; tests put their own). Not owned; null: no
    // confirmation is given and no conflict is resolved.
    void setPrompts(DeskPrompts *prompts) { m_prompts = prompts; }
    DeskPrompts *prompts() const { return m_prompts; }
    // What the agent looks at: the list's selection and the session in the detail pane (a
    // change there is shown at once, not marked). Unset: nothing.
    void setViewQueries(std::function<QString()> selected, std::function<QString()> shown)
    {
        m_selectedQuery = std::move(selected);
        m_shownQuery = std::move(shown);
    }
    QString selectedOrderId() const { return m_selectedQuery ? m_selectedQuery() : QString(); }
    QString shownOrderId() const { return m_shownQuery ? m_shownQuery() : QString(); }

    // The profile: its client settings, token (from the keychain), workspace and outbox.
    void openProfile(const ServerProfile &profile);
    // How openProfile puts off what a first frame does not need (the outbox's opening): one turn
    // of the event loop when unset; a window sets "after my first frame". A use opens it sooner.
    void setDeferral(std::function<void(std::function<void()>)> later) { m_deferral = std::move(later); }
    void setIdentity(const QString &agentId, const QString &agentName);
    void setToken(const QString &token); // of the open profile, for this client
    void setNotifyMine(bool on) { m_notifyMine = on; }
    // Profile switch: what runs for the old server stops first.
    void cancelRuns();

    // The workspace.
    QString workspacePath() const;       // the SQLite store of the profile
    QString legacyWorkspacePath() const; // the JSON file of SupportDesk before the store
    // One whole session: unsaved changes first, else the store.
    std::optional<WorkspaceEntry> entry(const QString &orderId) const;
    // A new support request that waits in the outbox: the fields it will create (nullopt: none waits).
    std::optional<Support> waitingCreation(const QString &orderId) const;
    void putEntry(const WorkspaceEntry &entry); // into the list now, into the store shortly
    void storeDraft(const QString &orderId, const std::optional<Support> &draft);
    void saveWorkspaceNow();
    void flushBeforeLeaving(); // finishes a load in progress, then saves
    bool isLoadingWorkspace() const { return m_loading; }
    static constexpr qint64 kAsyncLoadBytes = 4 * 1024 * 1024;
    int importOrderIds(const QStringList &ids);
    void addEmpty(const QString &orderId); // a row for a session not in the list yet
    // Used by undo/redo of "Remove from list": the workspace only, never the server.
    void removeFromWorkspace(const QStringList &orderIds);
    void restoreToWorkspace(const std::vector<WorkspaceEntry> &entries);

    // Operations.
    void refresh(const QString &orderId);
    void refreshAll(bool quiet = false);
    // Fetches `ids` with the profile's concurrency limit (queued behind a run in progress).
    void fetchInBulk(const QStringList &ids, bool quiet);
    void refreshAgent(const QString &orderId); // the agent of a session just opened
    void create(const QString &orderId, const Support &fields);
    void assign(const QString &orderId, const Agent &agent);
    void unassign(const QString &orderId);
    void close(const QString &orderId);
    // Saves `edited` over the session's stored copy, through a GuardedWrite (deskguarded.cpp).
    void save(const QString &orderId, const Support &edited);
    // Asks the agent about `mine`, made on `base`, against the server's copy; sends the choice.
    void resolveUpdateConflict(const QString &orderId, const Support &mine, const std::optional<Support> &base);
    // Bulk runs take a list of requests of one write operation (assign, unassign or close), one
    // per session; the operation decides the preview, the audit intents and the undo entry.
    // What a bulk run of `requests` would do: a line per session for the preview, the sessions
    // to send (`send` their IDs; what the list knows to be closed or gone is skipped), each
    // one's agent before.
    struct BulkPlan
    {
        QStringList lines, send;
        std::vector<ApiRequest> requests; // those of `send`
        QHash<QString, std::optional<Agent>> previous;
        int skipped = 0;
    };
    BulkPlan planBulk(const std::vector<ApiRequest> &requests) const;
    // A bulk run of `requests` (all sendable), not started: the caller tracks it, then starts it.
    // `previous`: each session's agent before, for the undo entry.
    BulkRun *bulkRun(const std::vector<ApiRequest> &requests, const QHash<QString, std::optional<Agent>> &previous);
    // A reassign run where each session goes to its own agent (a Balance, issue 13): one run,
    // one undo step. `agents`: order ID -> its new agent, every one sendable.
    BulkRun *bulkRun(const QHash<QString, Agent> &agents, const QHash<QString, std::optional<Agent>> &previous);
    // "Retry failed" (issue 13): the sessions of `run` that succeed join the undo step of the
    // run it retries (`group`, 0: none, a step of its own) while that step is still the last
    // one done; else they get their own. Returns the group `run`'s retries join.
    quint64 groupUndo(const BulkRun *run, quint64 group = 0);
    // Used by undo/redo: put agents (nullopt: none) or the shown fields back on the server.
    // `step`: the undo entry's text, `undoing`: undo (else redo); both for the result message.
    void applyAgents(const QHash<QString, std::optional<Agent>> &agents, const QString &step, bool undoing);
    void applyFields(const QString &orderId, const Support &fields);
    void dropUndoOfClosed(); // undo/redo entries only about sessions that are no longer open

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs); // empty text: clear
    void workspaceReset();                                   // the list is emptied to load another
    void workspaceLoaded(const QString &selectedBefore);     // select it again
    void replyApplied(const sd::ui::DeskOutcome &outcome);   // the list is updated; then:
    void operationFinished(const QString &orderId, bool ok);
    // The selected session was changed by someone else (others are marked in the list).
    void changedElsewhere(const QString &orderId, const QStringList &fields);
    void changedCountChanged();
    // The stored copy of the session in the pane changed: show it again.
    void entryChanged(const QString &orderId);
    void agentRefreshed(const QString &orderId, const QStringList &changedFields);
    void draftReplaced(const QString &orderId); // a conflict resolution replaced the form's edits
    void outboxSent(const QString &orderId);
    void queuedOffline(const QString &orderId);
    void outboxChanged(int retryInMs);
    void outboxAuthRequired(int queued);
    // The profile's outbox is held by another SupportDesk (process `pid`): both would send its
    // changes. `firstProfile`: the profile opened at start (its window should not stay), not
    // one switched to later.
    void outboxHeldElsewhere(qint64 pid, bool firstProfile);
    void removedFromList(int firstShownRow, int removed);
    void restoredToList(const QString &firstOrderId);
    void knownAgentsChanged();
    void ownNameLearnt(); // the directory has learnt the agent's own name
    void undoOffered(const QString &text);
    // A desktop notification (also shown in the system tray when there is one).
    void notified(const QString &title, const QString &text);

private:
    void loadWorkspace();
    BulkRun *makeBulkRun(const std::vector<ApiRequest> &requests, const QHash<QString, Agent> &eachAgent,
                         const QHash<QString, std::optional<Agent>> &previous);
    void finishLoading(SessionTable table, const QString &error, const QStringList &importProblems = {});
    void scheduleSave();
    void loadKnownAgents();
    void rememberAgents(const Support &s);
    void trackReply(ApiReply *reply, bool ownWrite, bool fromUndo = false);
    // Pending state, audit trail, model update and (for the agent's own writes) an undo entry.
    void watch(ApiReply *reply, bool ownWrite, bool fromUndo);
    void onReplyFinished(ApiReply *reply, bool ownWrite);
    void pushUndo(ApiReply *reply, const std::optional<Support> &before);
    // Pushes the undo step of a bulk run's successes, joined to its group's (groupUndo); the
    // sessions the step holds now.
    int pushBulkUndo(const BulkRun *run, AgentUndoCommand *command, std::function<QString(int)> textFor);
    static QString undoRedoResult(const QString &step, bool undoing, int failed);
    void noticeChange(const WorkspaceEntry &before, const Support &now);
    void openOutbox();
    Outbox *outboxNow(); // opens the outbox when still due; null when the profile has none
    void readToken(const QString &profileId); // from the keychain, for the open profile
    void enqueueOffline(ApiReply *reply, const QByteArray &baseEtag, const std::optional<Support> &base);
    // Queues `item` and says so, or says why it could not be kept. Its id, 0 when not kept.
    qint64 queueInOutbox(const OutboxItem &item);
    // Writes onto a version of a session (deskguarded.cpp): the save, its re-try after a
    // conflict, undo/redo of an edit. GuardedWrite decides If-Match or compare, and conflicts.
    enum class WriteOrigin { Save, Undo };
    static WriteBase versionOf(const WorkspaceEntry &e);
    void writeGuarded(const QString &orderId, const Support &mine, const WriteBase &base, WriteOrigin origin,
                      GuardedWrite::Mode mode = GuardedWrite::Mode::Write);
    void onGuardedOutcome(const GuardedWrite &write, const Support &mine, const WriteBase &base,
                          WriteOrigin origin, bool wrote);
    void keepFoundDone(const QString &orderId, const WriteOutcome &outcome, WriteOrigin origin);
    void outboxTouched(int retryInMs = -1); // marks, then outboxChanged
    // The entry as the list shows it: a request still waiting with the values it will create.
    WorkspaceEntry listedEntry(const WorkspaceEntry &e) const;
    void markWaitingInOutbox();               // the list's and the pane's "pending change" marks
    void onOutboxSent(const OutboxItem &item, const std::optional<Support> &result);
    void onOutboxConflict(const OutboxItem &item, const std::optional<Support> &theirs);
    bool confirm(const QString &title, const QString &text);
    std::optional<Support> resolveConflict(const QString &orderId, const Support &theirs, const Support &mine,
                                           const std::optional<Support> &base);

    ApiClient *m_client;
    AuditRecorder *m_audit;
    TokenStore *m_tokens;
    SessionModel *m_model;
    QUndoStack *m_undo;
    QTimer *m_saveTimer;
    QTimer *m_refreshTimer;
    QTimer *m_clockWatch;
    QDateTime m_lastTick;
    bool m_wasUnreachable = false;
    bool m_notifyMine = true;
    DeskPrompts *m_prompts = nullptr;
    std::function<QString()> m_selectedQuery, m_shownQuery;
    ServerProfile m_profile;
    AgentDirectory m_knownAgents; // every agent seen in this profile's sessions
    QPointer<BulkRun> m_bulk;
    QHash<const BulkRun *, quint64> m_undoGroups; // runs whose step retries join (groupUndo)
    quint64 m_lastUndoGroup = 0;
    QStringList m_bulkQueue;
    std::unique_ptr<Outbox> m_outbox;
    bool m_outboxDue = false; // the open profile's outbox is still to be opened
    bool m_outboxTried = false; // an outbox was opened (or tried) before: not the first profile
    std::function<void(std::function<void()>)> m_deferral;
    QPointer<OutboxSender> m_sender;
    QString m_loadError;
    bool m_loading = false;
    quint64 m_loadGeneration = 0;
    std::thread m_loader;
    WorkspaceStore m_store;
    QString m_storePath; // of the list shown (or being read)
    QHash<QString, WorkspaceEntry> m_unsaved; // newer than the store, written by saveWorkspaceNow
};

} // namespace sd::ui
