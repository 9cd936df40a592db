// The desk's writes onto a version of a session: the save of the shown session, its re-try once
// the agent has resolved a conflict, and undo/redo of an edit. Each goes through one
// GuardedWrite, which decides If-Match or compare-with-base and what is a conflict (core);
// here is only what the desk shows and asks.
#include "deskcontroller.h"

#include <QCoreApplication>

namespace sd::ui {

namespace {
// The texts moved here from the window with the logic; they keep its translation context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sd::ui::MainWindow)
};

QByteArray jsonOf(const std::optional<Support> &s)
{
    return s ? QByteArray::fromStdString(serialize(*s)) : QByteArray();
}

std::optional<Support> supportOf(const QByteArray &json)
{
    if (json.isEmpty())
        return std::nullopt;
    return parseSupport(std::string_view(json.constData(), size_t(json.size()))).value;
}
} // namespace

WriteBase DeskController::versionOf(const WorkspaceEntry &e)
{
    WriteBase base;
    base.etag = e.etag;
    base.json = jsonOf(e.support);
    // The list keeps its copy current: with an ETag, If-Match alone guards the write (as a save
    // always did); without, the copy is compared with a fresh one.
    base.justRead = true;
    return base;
}

void DeskController::save(const QString &id, const Support &edited)
{
    const std::optional<WorkspaceEntry> e = entry(id);
    if (!e)
        return;
    storeDraft(id, edited); // kept until the server confirms
    writeGuarded(id, edited, versionOf(*e), WriteOrigin::Save);
}

void DeskController::resolveUpdateConflict(const QString &orderId, const Support &mine,
                                           const std::optional<Support> &base)
{
    WriteBase b;
    b.json = jsonOf(base);
    writeGuarded(orderId, mine, b, WriteOrigin::Save, GuardedWrite::Mode::CheckOnly);
}

void DeskController::applyFields(const QString &orderId, const Support &fields)
{
    if (const std::optional<SessionSummary> s = m_model->summary(orderId);
        s && (s->state == SessionState::Closed || s->state == SessionState::NotFound))
        return; // closed meanwhile: nothing left to change
    const std::optional<WorkspaceEntry> e = entry(orderId);
    if (!e || !e->support)
        return;
    // The shown fields of the version the list has; the rest (the agent) stays as it is.
    Support whole = *e->support;
    whole.callbackPhone = fields.callbackPhone;
    whole.chat = fields.chat;
    whole.faq = fields.faq;
    whole.descriptor = fields.descriptor;
    writeGuarded(orderId, whole, versionOf(*e), WriteOrigin::Undo);
}

void DeskController::writeGuarded(const QString &orderId, const Support &mine, const WriteBase &base,
                                  WriteOrigin origin, GuardedWrite::Mode mode)
{
    auto *write = new GuardedWrite(m_client, ReplaceRequest{orderId, mine, {}}, base, this);
    write->setMode(mode);
    m_model->setPending(orderId, true);
    auto wrote = std::make_shared<bool>(false);
    connect(write, &GuardedWrite::replyStarted, this, [this, origin, wrote](ApiReply *reply) {
        if (reply->operation() == Operation::Fetch) {
            // The fresh copy is the outcome's; a read that failed says why (the draft stays).
            connect(reply, &ApiReply::finished, this, [this, reply] {
                if (!reply->isOk())
                    onReplyFinished(reply, false);
            });
            return;
        }
        *wrote = true;
        // The list, the store, the banner, undo, and the outbox when the server is away.
        watch(reply, true, origin == WriteOrigin::Undo);
    });
    connect(write, &GuardedWrite::finished, this, [this, write, mine, base, origin, wrote] {
        write->deleteLater();
        onGuardedOutcome(*write, mine, base, origin, *wrote);
    });
    write->start();
}

void DeskController::onGuardedOutcome(const GuardedWrite &write, const Support &mine, const WriteBase &base,
                                      WriteOrigin origin, bool wrote)
{
    // Copies: the conflict dialog below runs an event loop.
    const ApiRequest request = write.request();
    const QString id = orderIdOf(request);
    const WriteOutcome o = write.outcome();
    switch (o.kind) {
    case WriteOutcome::Kind::Done:
        if (!o.sent)
            keepFoundDone(id, o, origin); // as wanted already: nothing sent
        return; // else watch() has applied the answer
    case WriteOutcome::Kind::Stopped:
        m_model->setPending(id, false);
        return;
    case WriteOutcome::Kind::Conflict: {
        m_model->setPending(id, false);
        if (!o.session)
            return; // closed since: the reply that found it so has marked the session
        const std::optional<Support> merged = resolveConflict(id, *o.session, mine, supportOf(base.json));
        if (!merged) {
            if (origin == WriteOrigin::Save)
                storeDraft(id, mine); // kept, not lost, not sent
            else
                Q_EMIT statusMessage(Text::tr("Order %1 was changed by someone else meanwhile, so it was left as it is.")
                                         .arg(id), 8000);
            return;
        }
        if (origin == WriteOrigin::Save) {
            storeDraft(id, *merged);
            if (id == shownOrderId()) // the resolution replaces what the form held
                Q_EMIT draftReplaced(id);
        }
        // Sent onto their version, guarded again: changed once more meanwhile, asked again.
        WriteBase theirs;
        theirs.etag = o.etag;
        theirs.json = jsonOf(o.session);
        theirs.justRead = true;
        writeGuarded(id, *merged, theirs, origin);
        return;
    }
    case WriteOutcome::Kind::Failed: {
        if (wrote)
            return; // watch() has applied the failed write (and queued it when unreachable)
        // The read before the write failed; onReplyFinished() has shown why.
        const ApiError::Kind k = o.error.kind;
        if (origin != WriteOrigin::Save || (k != ApiError::Kind::Network && k != ApiError::Kind::Timeout))
            return;
        // Offline: queue the save itself (compared again with the same base when sent).
        std::optional<OutboxItem> item = OutboxItem::forRequest(request);
        if (!item)
            return;
        item->baseEtag = base.etag;
        item->baseJson = base.json;
        queueInOutbox(*item);
        return;
    }
    }
}

void DeskController::keepFoundDone(const QString &id, const WriteOutcome &o, WriteOrigin origin)
{
    m_model->setPending(id, false);
    const std::optional<WorkspaceEntry> existing = entry(id);
    if (!existing)
        return;
    WorkspaceEntry e = *existing;
    e.lastSeen = QDateTime::currentDateTimeUtc();
    e.lastError.clear();
    if (o.session) {
        if (!e.support || !(*e.support == *o.session))
            e.lastChange = e.lastSeen;
        e.support = o.session;
        e.etag = o.etag;
        e.state = SessionState::Open;
        rememberAgents(*o.session);
    }
    if (origin == WriteOrigin::Save)
        e.draft.reset(); // the server has it as the agent saved it
    putEntry(e);
    Q_EMIT statusMessage(Text::tr("Order %1: changes saved.").arg(id), 4000);
    DeskOutcome outcome;
    outcome.orderId = id;
    outcome.operation = Operation::Update;
    outcome.ok = true;
    outcome.ownWrite = true;
    outcome.draftBefore = existing->draft;
    Q_EMIT replyApplied(outcome);
    scheduleSave();
    Q_EMIT operationFinished(id, true);
}

} // namespace sd::ui
