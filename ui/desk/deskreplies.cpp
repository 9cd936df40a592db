// The desk's operations and what their replies change: the list, the store, undo, bulk runs.
#include "deskcontroller.h"

#include "auditlog.h"
#include "sessionhistory.h"
#include "undocommands.h"

#include <QCoreApplication>
#include <QTimer>
#include <QUndoStack>

namespace sd::ui {

namespace {
// The texts moved here from the window with the logic; they keep its translation context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sd::ui::MainWindow)
};
} // namespace

void DeskController::refresh(const QString &orderId)
{
    if (orderId.isEmpty())
        return;
    trackReply(m_client->fetch(orderId), false);
}

void DeskController::refreshAll(bool quiet)
{
    // A closed session stays closed: it is fetched only when asked for by itself (F5 on it).
    const SessionTable &table = m_model->table();
    QStringList ids;
    ids.reserve(table.size());
    for (int row = 0; row < table.size(); ++row)
        if (table.state(row) != SessionState::Closed)
            ids << table.text(row, SessionTable::OrderId);
    fetchInBulk(ids, quiet);
}

void DeskController::fetchInBulk(const QStringList &ids, bool quiet)
{
    if (m_bulk) {
        // One run at a time keeps the profile's concurrency limit; the rest waits its turn.
        for (const QString &id : ids)
            if (!m_bulkQueue.contains(id))
                m_bulkQueue << id;
        return;
    }
    if (ids.isEmpty())
        return;
    auto *run = new BulkRun(ids, m_profile.concurrency, [this](const QString &id) -> ApiReply * {
        SupportReply *r = m_client->fetch(id);
        m_model->setPending(id, true);
        connect(r, &ApiReply::finished, this, [this, r] { onReplyFinished(r, false); });
        return r;
    }, this);
    m_bulk = run;
    // No open session on the server is an answer (the row says so), not a failure.
    struct Counts { int notFound = 0, failed = 0; };
    auto counts = std::make_shared<Counts>();
    connect(run, &BulkRun::itemFinished, this, [counts](int, const BulkItemResult &r) {
        if (!r.done || r.ok() || r.error.kind == ApiError::Kind::Cancelled)
            return;
        if (r.error.kind == ApiError::Kind::Refused && r.error.httpStatus == 404)
            ++counts->notFound;
        else
            ++counts->failed;
    });
    connect(run, &BulkRun::progress, this, [this, quiet](int done, int, int total) {
        if (!quiet)
            Q_EMIT statusMessage(Text::tr("Refreshing %n session(s): %1 done…", nullptr, total).arg(done), 0);
    });
    connect(run, &BulkRun::finished, this, [this, run, quiet, counts] {
        const int answered = run->doneCount() - counts->failed;
        if (!quiet || counts->failed > 0) {
            QString text = answered > 0 || counts->failed == 0
                               ? Text::tr("Refreshed %n session(s).", nullptr, answered) : QString();
            if (counts->notFound > 0)
                text += QLatin1Char(' ') + Text::tr("No open session on the server for %n of them.", nullptr, counts->notFound);
            if (counts->failed > 0)
                text += QLatin1Char(' ') + Text::tr("%n session(s) could not be refreshed.", nullptr, counts->failed);
            Q_EMIT statusMessage(text.trimmed(), 8000);
        }
        run->deleteLater();
        m_bulk = nullptr;
        const QStringList next = std::exchange(m_bulkQueue, {});
        fetchInBulk(next, true);
    });
    run->start();
}

// The list's copy of a session can name an agent the server no longer has (someone else
// reassigned it): opening a session asks the server for its agent and keeps the answer, in
// the stored session and in its draft (the agent is not edited in the form).
void DeskController::refreshAgent(const QString &orderId)
{
    AgentReply *reply = m_client->fetchAgent(orderId);
    connect(reply, &ApiReply::finished, reply, &QObject::deleteLater);
    connect(reply, &ApiReply::finished, this, [this, reply, orderId] {
        const ApiError &err = reply->error();
        const bool none = err.kind == ApiError::Kind::Refused && err.httpStatus == 404
                       && err.code == QLatin1String("AGENT_NOT_ASSIGNED");
        if (!reply->isOk() && !none)
            return; // the session's own requests and banner say what is wrong
        std::optional<WorkspaceEntry> e = entry(orderId);
        if (!e || !e->support || e->state != SessionState::Open)
            return;
        const std::optional<Agent> agent = none ? std::nullopt : reply->result();
        if (e->support->agent == agent)
            return;
        const WorkspaceEntry before = *e;
        e->support->agent = agent;
        if (e->draft)
            e->draft->agent = agent;
        e->lastSeen = e->lastChange = QDateTime::currentDateTimeUtc();
        if (agent)
            rememberAgents(*e->support);
        putEntry(*e);
        noticeChange(before, *e->support);
        Q_EMIT agentRefreshed(orderId, SessionHistory::changedFieldNames(*before.support, *e->support));
    });
}

void DeskController::create(const QString &orderId, const Support &fields)
{
    trackReply(m_client->create(orderId, fields), true);
}

void DeskController::assign(const QString &orderId, const Agent &agent)
{
    trackReply(m_client->assignAgent(orderId, agent), true);
}

void DeskController::unassign(const QString &orderId)
{
    if (orderId.isEmpty())
        return;
    trackReply(m_client->unassignAgent(orderId), true);
}

void DeskController::close(const QString &orderId)
{
    trackReply(m_client->close(orderId), true);
}

void DeskController::trackReply(ApiReply *reply, bool ownWrite, bool fromUndo)
{
    watch(reply, ownWrite, fromUndo);
    connect(reply, &ApiReply::finished, reply, &QObject::deleteLater);
}

void DeskController::watch(ApiReply *reply, bool ownWrite, bool fromUndo)
{
    m_model->setPending(reply->orderId(), true);
    const std::optional<WorkspaceEntry> e = entry(reply->orderId());
    const std::optional<Support> before = e ? e->support : std::nullopt;
    const QByteArray beforeEtag = e ? e->etag : QByteArray();
    connect(reply, &ApiReply::finished, this, [this, reply, ownWrite, fromUndo, before, beforeEtag] {
        const ApiError::Kind kind = reply->error().kind;
        const bool unreachable = kind == ApiError::Kind::Network || kind == ApiError::Kind::Timeout;
        onReplyFinished(reply, ownWrite);
        // A 412 is not handled here: every write onto a version goes through a GuardedWrite,
        // which reads theirs and ends in its Conflict outcome (deskguarded.cpp).
        if (ownWrite && unreachable && reply->operation() != Operation::Fetch)
            enqueueOffline(reply, beforeEtag, before);
        if (ownWrite && !fromUndo && reply->isOk())
            pushUndo(reply, before);
        if (reply->isOk() && outboxNow() && m_outbox->queuedCount() > 0 && m_sender && !m_sender->isSending())
            m_sender->start(); // the server answers again: send what waited
    });
}

void DeskController::onReplyFinished(ApiReply *reply, bool ownWrite)
{
    const QString id = reply->orderId();
    m_model->setPending(id, false);
    const std::optional<WorkspaceEntry> existing = entry(id);
    WorkspaceEntry e = existing ? *existing : WorkspaceEntry{};
    e.orderId = id;
    const ApiError &err = reply->error();
    auto *supportReply = qobject_cast<SupportReply *>(reply);
    if (reply->isOk()) {
        e.lastSeen = QDateTime::currentDateTimeUtc();
        e.lastError.clear();
        if (reply->operation() == Operation::Close) {
            e.state = SessionState::Closed;
            if (supportReply && supportReply->result())
                e.support = supportReply->result();
            e.draft.reset();
            e.lastChange = e.lastSeen;
        } else if (supportReply && supportReply->result()) {
            const Support &s = *supportReply->result();
            const bool changed = !e.support || !(*e.support == s);
            if (changed)
                e.lastChange = e.lastSeen;
            // Changed by someone else: bold until the agent looks at it.
            if (changed && !ownWrite && e.support) {
                const QStringList fields = SessionHistory::changedFieldNames(*e.support, s);
                if (id != selectedOrderId())
                    m_model->addChangedFields(id, fields);
                else if (shownOrderId() == id)
                    Q_EMIT changedElsewhere(id, fields);
                noticeChange(e, s);
            }
            e.support = s;
            e.etag = reply->etag();
            e.state = SessionState::Open;
            if (ownWrite && (reply->operation() == Operation::Update || reply->operation() == Operation::Create))
                e.draft.reset(); // saved, or the new request made from it
            rememberAgents(s);
        }
        const QString done = doneTextOf(reply->operation());
        Q_EMIT statusMessage(done.arg(id), 4000);
    } else if (err.kind == ApiError::Kind::Cancelled) {
        // nothing changed
    } else if (err.kind == ApiError::Kind::Refused && err.httpStatus == 404
               && err.code != QLatin1String("AGENT_NOT_ASSIGNED")) {
        e.state = existing && existing->state == SessionState::Closed ? SessionState::Closed
                                                                      : SessionState::NotFound;
        e.lastError = err.message();
        e.lastSeen = QDateTime::currentDateTimeUtc();
    } else {
        // Reads that failed make the entry an error only when nothing better is known; a
        // failed write keeps the last good copy and says so in the banner. A server that cannot
        // be reached changes nothing about what is known of the session.
        const bool noAnswer = err.kind == ApiError::Kind::Network || err.kind == ApiError::Kind::Timeout;
        if ((e.state == SessionState::Unknown || reply->operation() == Operation::Fetch)
            && !(noAnswer && existing && existing->support)
            && !(noAnswer && ownWrite && reply->operation() == Operation::Create)) // queued, see watch()
            e.state = existing && existing->support && reply->operation() != Operation::Fetch
                          ? existing->state
                          : SessionState::Error;
        e.lastError = err.message();
    }
    putEntry(e);
    if (e.state == SessionState::Closed || e.state == SessionState::NotFound)
        dropUndoOfClosed();
    Q_EMIT changedCountChanged();
    const bool unreachable = err.kind == ApiError::Kind::Network || err.kind == ApiError::Kind::Timeout;
    if (unreachable) {
        m_wasUnreachable = true;
    } else if (reply->isOk() && std::exchange(m_wasUnreachable, false)) {
        QTimer::singleShot(0, this, [this] { refreshAll(true); }); // back after a drop: resync
    }
    DeskOutcome outcome;
    outcome.orderId = id;
    outcome.operation = reply->operation();
    outcome.ok = reply->isOk();
    outcome.ownWrite = ownWrite;
    outcome.error = err;
    if (existing)
        outcome.draftBefore = existing->draft;
    Q_EMIT replyApplied(outcome);
    scheduleSave();
    Q_EMIT operationFinished(id, reply->isOk());
}

void DeskController::noticeChange(const WorkspaceEntry &before, const Support &now)
{
    const QString mine = m_profile.myAgentId;
    if (mine.isEmpty() || !m_notifyMine || !before.support)
        return;
    const auto agentId = [](const Support &s) {
        return s.agent && s.agent->id ? QString::fromStdString(*s.agent->id) : QString();
    };
    if (agentId(*before.support) != mine)
        return; // only sessions assigned to me
    if (agentId(now) != mine)
        Q_EMIT notified(Text::tr("Session %1 is no longer yours").arg(before.orderId),
                        agentId(now).isEmpty() ? Text::tr("Its agent was removed.")
                                               : Text::tr("It was reassigned to %1.").arg(QString::fromStdString(now.agent->displayName())));
    else
        Q_EMIT notified(Text::tr("Session %1 changed").arg(before.orderId),
                        Text::tr("Someone else changed a session assigned to you."));
}

// ---- undo

void DeskController::pushUndo(ApiReply *reply, const std::optional<Support> &before)
{
    const QString id = reply->orderId();
    auto *sr = qobject_cast<SupportReply *>(reply);
    if (!sr || !sr->result())
        return;
    switch (reply->operation()) {
    case Operation::AssignAgent:
    case Operation::UnassignAgent: {
        QHash<QString, std::optional<Agent>> previous;
        previous.insert(id, before ? before->agent : std::nullopt);
        const QString text = reply->operation() == Operation::AssignAgent
                                 ? Text::tr("Assign agent to %1").arg(id)
                                 : Text::tr("Unassign agent from %1").arg(id);
        m_undo->push(new AgentUndoCommand(this, text, previous, sr->result()->agent));
        if (reply->operation() == Operation::UnassignAgent)
            Q_EMIT undoOffered(Text::tr("Agent removed from %1.").arg(id));
        break;
    }
    case Operation::Update:
        if (before)
            m_undo->push(new UpdateUndoCommand(this, Text::tr("Edit %1").arg(id), id, *before, *sr->result()));
        break;
    default:
        break; // create and close cannot be undone on the server
    }
}

void DeskController::applyAgents(const QHash<QString, std::optional<Agent>> &agents, const QString &step, bool undoing)
{
    QStringList ids = agents.keys();
    ids.removeIf([this](const QString &id) { // closed meanwhile: nothing left to change
        const std::optional<SessionSummary> s = m_model->summary(id);
        return s && (s->state == SessionState::Closed || s->state == SessionState::NotFound);
    });
    if (ids.isEmpty())
        return;
    auto *run = new BulkRun(ids, m_profile.concurrency, [this, agents](const QString &id) -> ApiReply * {
        const std::optional<Agent> &a = agents.value(id);
        ApiReply *r = a ? static_cast<ApiReply *>(m_client->assignAgent(id, *a))
                        : static_cast<ApiReply *>(m_client->unassignAgent(id));
        watch(r, true, true);
        return r;
    }, this);
    const auto assigned = [](const std::optional<Agent> &a) { return a.has_value(); };
    if (std::all_of(agents.cbegin(), agents.cend(), assigned))
        run->setAuditIntents(m_audit, Operation::AssignAgent);
    else if (std::none_of(agents.cbegin(), agents.cend(), assigned))
        run->setAuditIntents(m_audit, Operation::UnassignAgent);
    connect(run, &BulkRun::finished, run, &QObject::deleteLater);
    connect(run, &BulkRun::finished, this, [this, run, step, undoing] {
        Q_EMIT statusMessage(undoRedoResult(step, undoing, run->failedCount()), 8000);
    });
    run->start();
}

QString DeskController::undoRedoResult(const QString &step, bool undoing, int failed)
{
    if (failed == 0)
        return undoing ? Text::tr("Undone: %1.").arg(step) : Text::tr("Redone: %1.").arg(step);
    return undoing ? Text::tr("Undo of “%1”: %n session(s) could not be changed.", nullptr, failed).arg(step)
                   : Text::tr("Redo of “%1”: %n session(s) could not be changed.", nullptr, failed).arg(step);
}

void DeskController::dropUndoOfClosed()
{
    // Undoing or redoing a change to a session that is closed (or gone) could only fail.
    const auto stale = [this](const QUndoCommand *c) {
        QStringList ids;
        if (const auto *a = dynamic_cast<const AgentUndoCommand *>(c))
            ids = a->orderIds();
        else if (const auto *u = dynamic_cast<const UpdateUndoCommand *>(c))
            ids = u->orderIds();
        if (ids.isEmpty())
            return false;
        for (const QString &id : std::as_const(ids)) {
            const std::optional<SessionSummary> s = m_model->summary(id);
            if (!s || (s->state != SessionState::Closed && s->state != SessionState::NotFound))
                return false;
        }
        return true;
    };
    // An obsolete entry is dropped by undo()/redo() without being run.
    while (m_undo->canUndo() && stale(m_undo->command(m_undo->index() - 1))) {
        const_cast<QUndoCommand *>(m_undo->command(m_undo->index() - 1))->setObsolete(true);
        m_undo->undo();
    }
    bool droppedRedo = false;
    while (m_undo->canRedo() && stale(m_undo->command(m_undo->index()))) {
        const_cast<QUndoCommand *>(m_undo->command(m_undo->index()))->setObsolete(true);
        m_undo->redo();
        droppedRedo = true;
    }
    // QUndoStack::redo() drops an obsolete step without a signal (its index stays): the Redo
    // action would still offer it.
    if (droppedRedo) {
        Q_EMIT m_undo->canRedoChanged(m_undo->canRedo());
        Q_EMIT m_undo->redoTextChanged(m_undo->redoText());
    }
}

// ---- bulk runs

DeskController::BulkPlan DeskController::planBulk(const std::vector<ApiRequest> &requests) const
{
    BulkPlan plan;
    QHash<QString, std::optional<Agent>> &previous = plan.previous;
    QStringList &lines = plan.lines, &send = plan.send;
    int &skipped = plan.skipped;
    lines.reserve(qsizetype(requests.size()));
    const auto agentText = [](const std::optional<Agent> &a) {
        return a ? QString::fromStdString(a->displayName()) : Text::tr("(none)");
    };
    for (const ApiRequest &request : requests) {
        const QString id = orderIdOf(request);
        // What the list knows to be closed or missing would only get a 404: not sent.
        const std::optional<SessionSummary> known = m_model->summary(id);
        if (known && known->state == SessionState::Closed) {
            lines << Text::tr("%1: skipped, the session is already closed").arg(id);
            ++skipped;
            continue;
        }
        if (known && known->state == SessionState::NotFound) {
            lines << Text::tr("%1: skipped, the server has no open session for it").arg(id);
            ++skipped;
            continue;
        }
        send << id;
        plan.requests.push_back(request);
        const std::optional<WorkspaceEntry> e = entry(id);
        const std::optional<Agent> before = e && e->support ? e->support->agent : std::nullopt;
        previous.insert(id, before);
        if (const auto *assign = std::get_if<AssignAgentRequest>(&request))
            lines << Text::tr("%1: %2 → %3").arg(id, agentText(before), agentText(assign->agent));
        else if (std::holds_alternative<UnassignAgentRequest>(request))
            lines << Text::tr("%1: %2 → (none)").arg(id, agentText(before));
        else if (std::holds_alternative<CloseRequest>(request))
            lines << Text::tr("%1: close the session").arg(id);
    }
    return plan;
}

BulkRun *DeskController::bulkRun(const std::vector<ApiRequest> &requests,
                                 const QHash<QString, std::optional<Agent>> &previous)
{
    return makeBulkRun(requests, {}, previous);
}

BulkRun *DeskController::bulkRun(const QHash<QString, Agent> &agents, const QHash<QString, std::optional<Agent>> &previous)
{
    QStringList send = agents.keys();
    send.sort(); // a stable order for the progress and the results
    std::vector<ApiRequest> requests;
    requests.reserve(size_t(send.size()));
    for (const QString &id : std::as_const(send))
        requests.push_back(AssignAgentRequest{id, agents.value(id), {}});
    return makeBulkRun(requests, agents, previous);
}

BulkRun *DeskController::makeBulkRun(const std::vector<ApiRequest> &requests, const QHash<QString, Agent> &eachAgent,
                                     const QHash<QString, std::optional<Agent>> &previous)
{
    // The run's kind is its requests' operation (they are all of one); a reassign puts one agent
    // on every session, which its undo entry names.
    const Operation operation = requests.empty() ? Operation::Close : operationOf(requests.front());
    const auto *firstAssign = requests.empty() ? nullptr : std::get_if<AssignAgentRequest>(&requests.front());
    const std::optional<Agent> agent = firstAssign ? std::optional<Agent>(firstAssign->agent) : std::nullopt;
    QStringList send;
    QHash<QString, ApiRequest> byId;
    for (const ApiRequest &request : requests) {
        send << orderIdOf(request);
        byId.insert(orderIdOf(request), request);
    }
    auto *run = new BulkRun(send, m_profile.concurrency, [this, byId](const QString &id) -> ApiReply * {
        ApiReply *r = m_client->send(byId.value(id));
        watch(r, true, true); // one undo entry for the whole run, below
        return r;
    }, this);
    const bool oneOperation = std::all_of(requests.cbegin(), requests.cend(),
                                          [operation](const ApiRequest &r) { return operationOf(r) == operation; });
    if (oneOperation && isWrite(operation))
        run->setAuditIntents(m_audit, operation);
    // Only a run of agent changes has an undo step (a close cannot be undone; other runs change
    // no agent, and an undo step would put agents back that they never touched).
    const bool agentRun = oneOperation && (operation == Operation::AssignAgent || operation == Operation::UnassignAgent);
    connect(run, &BulkRun::finished, this, [this, run, operation, agent, eachAgent, previous, agentRun] {
        if (agentRun) {
            QHash<QString, std::optional<Agent>> before;
            for (const BulkItemResult &r : run->results())
                if (r.ok())
                    before.insert(r.orderId, previous.value(r.orderId));
            if (!before.isEmpty() && !eachAgent.isEmpty()) {
                QHash<QString, std::optional<Agent>> after;
                for (auto it = before.cbegin(); it != before.cend(); ++it)
                    after.insert(it.key(), eachAgent.value(it.key()));
                const auto text = [](int n) { return Text::tr("Balance %n session(s)", nullptr, n); };
                pushBulkUndo(run, new AgentUndoCommand(this, text(int(before.size())), before, std::move(after)), text);
            } else if (!before.isEmpty()) {
                const auto text = [operation](int n) {
                    return operation == Operation::AssignAgent ? Text::tr("Reassign %n session(s)", nullptr, n)
                                                               : Text::tr("Unassign %n session(s)", nullptr, n);
                };
                const int inStep = pushBulkUndo(run, new AgentUndoCommand(this, text(int(before.size())), before,
                                                                          operation == Operation::AssignAgent ? agent : std::nullopt), text);
                if (operation == Operation::UnassignAgent)
                    Q_EMIT undoOffered(inStep == 1 ? Text::tr("Agent removed from %1.").arg(before.begin().key())
                                                   : Text::tr("Agent removed from %n session(s).", nullptr, inStep));
            }
        }
        m_undoGroups.remove(run);
        run->deleteLater();
    });
    return run;
}

} // namespace sd::ui
