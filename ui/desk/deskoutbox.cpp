// The desk's offline outbox: what is queued when the server cannot be reached, and what its
// sender reports back (sent, conflict, refused).
#include "deskcontroller.h"

#include "privatefile.h"

#include <algorithm>
#include <QCoreApplication>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTimer>

namespace sd::ui {

namespace {
// The texts moved here from the window with the logic; they keep its translation context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sd::ui::MainWindow)
};
} // namespace

void DeskController::openOutbox()
{
    delete m_sender;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                      + QStringLiteral("/outbox");
    ensurePrivateDir(dir); // ours: 0700 even if an earlier version made it 0755 (the outbox says if it fails)
    m_outbox.reset(); // first: it holds the profile's lock
    m_outbox = std::make_unique<Outbox>(dir + QLatin1Char('/') + m_profile.id + QStringLiteral(".sqlite"));
    const bool firstProfile = !std::exchange(m_outboxTried, true);
    if (!m_outbox->isOpen()) {
        Q_EMIT statusMessage(Text::tr("The offline outbox cannot be opened: %1").arg(m_outbox->error()), 0);
        if (m_outbox->heldBy() > 0)
            Q_EMIT outboxHeldElsewhere(m_outbox->heldBy(), firstProfile);
        return;
    }
    m_sender = new OutboxSender(m_client, m_outbox.get(), this);
    connect(m_sender, &OutboxSender::offline, this, [this](int ms) { outboxTouched(ms); });
    connect(m_sender, &OutboxSender::drained, this, [this] { outboxTouched(); });
    connect(m_sender, &OutboxSender::itemSent, this, &DeskController::onOutboxSent);
    connect(m_sender, &OutboxSender::itemConflict, this, &DeskController::onOutboxConflict);
    connect(m_sender, &OutboxSender::itemFailed, this, [this](const OutboxItem &item, const ApiError &e) {
        m_model->setPending(item.orderId, m_outbox->hasPendingFor(item.orderId));
        Q_EMIT statusMessage(Text::tr("A change waiting for order %1 was refused: %2").arg(item.orderId, e.message()), 15000);
        outboxTouched();
    });
    connect(m_sender, &OutboxSender::authRequired, this, [this] {
        Q_EMIT outboxAuthRequired(m_outbox->queuedCount());
    });
    connect(m_sender, &OutboxSender::storeFailed, this, [this](const QString &message) {
        Q_EMIT statusMessage(Text::tr("Waiting changes are not being sent, because the outbox cannot be written: %1")
                                 .arg(message), 0);
    });
    if (!m_outbox->notice().isEmpty())
        Q_EMIT statusMessage(m_outbox->notice(), 0);
    for (const QString &id : m_outbox->queuedOrderIds())
        m_model->setPending(id, true);
    outboxTouched();
    // Left from the last run: sent, or a conflict the agent had not decided asked about again.
    const std::vector<OutboxItem> items = m_outbox->items();
    const bool undecided = std::any_of(items.cbegin(), items.cend(),
                                       [](const OutboxItem &item) { return item.state == QLatin1String("conflict"); });
    if (m_outbox->queuedCount() > 0 || undecided)
        m_sender->start();
}

Outbox *DeskController::outboxNow()
{
    if (std::exchange(m_outboxDue, false))
        openOutbox();
    return m_outbox.get();
}

Outbox *DeskController::outbox()
{
    return outboxNow();
}

OutboxSender *DeskController::outboxSender()
{
    outboxNow();
    return m_sender;
}

void DeskController::outboxTouched(int retryInMs)
{
    markWaitingInOutbox(); // called on every change of the outbox
    Q_EMIT outboxChanged(retryInMs);
}

void DeskController::markWaitingInOutbox()
{
    const QSet<QString> waiting = m_outbox && m_outbox->isOpen() ? m_outbox->queuedOrderIds() : QSet<QString>();
    const QString shown = shownOrderId();
    const bool before = !shown.isEmpty() && m_model->isWaitingInOutbox(shown);
    QStringList newlyWaiting;
    for (const QString &id : waiting)
        if (!m_model->isWaitingInOutbox(id) && m_model->contains(id))
            newlyWaiting << id;
    m_model->setWaitingInOutbox(waiting);
    for (const QString &id : std::as_const(newlyWaiting))
        if (const std::optional<WorkspaceEntry> e = entry(id); e && !e->support)
            m_model->upsert(listedEntry(*e)); // a new request: its row shows what it will create
    if (!shown.isEmpty() && waiting.contains(shown) != before)
        Q_EMIT entryChanged(shown); // its state line
}

std::optional<Support> DeskController::waitingCreation(const QString &orderId) const
{
    const std::optional<QByteArray> body = m_outbox && m_outbox->isOpen() ? m_outbox->waitingCreation(orderId)
                                                                          : std::nullopt;
    if (!body)
        return std::nullopt;
    if (body->isEmpty())
        return Support{}; // a request with no fields
    const auto parsed = parseSupport(std::string_view(body->constData(), size_t(body->size())));
    return parsed.ok() ? parsed.value : std::nullopt;
}

WorkspaceEntry DeskController::listedEntry(const WorkspaceEntry &e) const
{
    if (e.support || !m_model->isWaitingInOutbox(e.orderId))
        return e;
    WorkspaceEntry listed = e;
    listed.support = waitingCreation(e.orderId); // the row shows it until the server's copy comes
    return listed;
}

void DeskController::enqueueOffline(ApiReply *reply, const QByteArray &baseEtag,
                                    const std::optional<Support> &base)
{
    // The item is the request the client sent (a read is never queued).
    std::optional<OutboxItem> made = OutboxItem::forRequest(reply->request());
    if (!made || made->orderId != reply->orderId())
        return;
    OutboxItem item = std::move(*made);
    item.baseEtag = baseEtag;
    if (base)
        item.baseJson = QByteArray::fromStdString(serialize(*base));
    if (item.op == Operation::Update) {
        // The draft, not the body sent: the agent may have typed on since. A write without a
        // draft (undo of an edit) is not queued.
        const std::optional<WorkspaceEntry> e = entry(item.orderId);
        if (!e || !e->draft)
            return;
        item.payload = QByteArray::fromStdString(serialize(*e->draft));
    } else if (item.op == Operation::Create) {
        item.baseEtag.clear();
        item.baseJson.clear(); // a new session builds on nothing
    }
    const qint64 queuedId = queueInOutbox(item);
    if (queuedId != 0 && item.op == Operation::Create && !reply->error().notSent)
        m_outbox->markAttempted(queuedId); // it may have arrived: a POST is never sent twice
}

qint64 DeskController::queueInOutbox(const OutboxItem &item)
{
    if (!outboxNow())
        return 0;
    // Not kept is said, never silent: the agent's change exists only in the form and the draft.
    const qint64 queuedId = m_outbox->isOpen() ? m_outbox->enqueue(item) : 0;
    if (queuedId == 0) {
        Q_EMIT statusMessage(Text::tr("The change could not be kept in the outbox: %1").arg(m_outbox->error()), 15000);
        return 0;
    }
    m_model->setPending(item.orderId, true);
    if (item.orderId == selectedOrderId())
        Q_EMIT queuedOffline(item.orderId);
    outboxTouched();
    if (m_sender && !m_sender->isSending())
        QTimer::singleShot(0, m_sender, [s = m_sender] { if (s) s->start(); });
    return queuedId;
}

void DeskController::onOutboxSent(const OutboxItem &item, const std::optional<Support> &result)
{
    const std::optional<WorkspaceEntry> existing = entry(item.orderId);
    WorkspaceEntry e = existing ? *existing : WorkspaceEntry{};
    e.orderId = item.orderId;
    if (item.op == Operation::Close) {
        e.state = SessionState::Closed;
    } else if (result) {
        e.support = result;
        e.state = SessionState::Open;
    }
    if (item.op == Operation::Update || item.op == Operation::Create)
        e.draft.reset();
    e.lastError.clear();
    e.lastSeen = QDateTime::currentDateTimeUtc();
    putEntry(e);
    if (item.op == Operation::Close)
        dropUndoOfClosed();
    m_model->setPending(item.orderId, m_outbox->hasPendingFor(item.orderId));
    if (item.orderId == selectedOrderId())
        Q_EMIT outboxSent(item.orderId);
    if (item.op == Operation::Create)
        Q_EMIT statusMessage(Text::tr("Order %1: support request created.").arg(item.orderId), 4000);
    outboxTouched();
    scheduleSave();
}

void DeskController::onOutboxConflict(const OutboxItem &item, const std::optional<Support> &theirs)
{
    m_model->setPending(item.orderId, m_outbox->hasPendingFor(item.orderId));
    outboxTouched();
    // The change stays in the outbox until the agent decides here (quit or crash meanwhile: the
    // next start asks again); keep mine sends it through the outbox, on the version shown.
    QTimer::singleShot(0, this, [this, item, theirs, sender = m_sender] {
        if (!sender || sender != m_sender)
            return; // another profile now
        const auto settled = qScopeGuard([this, id = item.orderId] {
            m_model->setPending(id, m_outbox && m_outbox->hasPendingFor(id));
            outboxTouched();
        });
        const std::string_view payload(item.payload.constData(), size_t(item.payload.size()));
        if (item.op == Operation::Update) {
            const auto mine = parseSupport(payload);
            if (!mine.ok()) {
                m_sender->takeTheirs(item); // (not reached: an unreadable change fails before it is sent)
                return;
            }
            const auto parsedBase = parseSupport(std::string_view(item.baseJson.constData(), size_t(item.baseJson.size())));
            const std::optional<Support> base = parsedBase.ok() ? parsedBase.value : std::nullopt;
            const std::optional<Support> merged =
                theirs ? resolveConflict(item.orderId, *theirs, *mine.value, base) : std::nullopt;
            if (!merged) {
                storeDraft(item.orderId, *mine.value); // kept, not lost, not sent
                m_sender->takeTheirs(item);
                if (!theirs)
                    Q_EMIT statusMessage(Text::tr("Order %1 was closed on the server before your change reached it. "
                                                  "Your change is kept as a draft.").arg(item.orderId), 15000);
                return;
            }
            storeDraft(item.orderId, *merged);
            if (item.orderId == shownOrderId()) // the resolution replaces what the form held
                Q_EMIT draftReplaced(item.orderId);
            m_sender->keepMine(item, QByteArray::fromStdString(serialize(*merged)));
            return;
        }
        if (!theirs) {
            m_sender->takeTheirs(item);
            Q_EMIT statusMessage(Text::tr("Order %1 was closed on the server before your change reached it. "
                                          "The change was dropped.").arg(item.orderId), 15000);
            return;
        }
        const QString who = theirs->agent ? QString::fromStdString(theirs->agent->displayName()) : Text::tr("nobody");
        const QString what = item.op == Operation::AssignAgent ? Text::tr("assign the agent you chose")
                           : item.op == Operation::UnassignAgent ? Text::tr("remove the agent")
                                                                 : Text::tr("close the session");
        if (confirm(Text::tr("Order %1 changed meanwhile").arg(item.orderId),
                    Text::tr("While you were offline someone else changed order %1 (agent now: %2).\n\n"
                             "Still %3?").arg(item.orderId, who, what)))
            m_sender->keepMine(item);
        else
            m_sender->takeTheirs(item);
    });
}

} // namespace sd::ui
