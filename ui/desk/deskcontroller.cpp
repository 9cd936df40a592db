#include "deskcontroller.h"

#include "apiurl.h"
#include "auditlog.h"
#include "privatefile.h"
#include "sessionhistory.h"
#include "undocommands.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QScopeGuard>
#include <QStandardPaths>
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

DeskController::DeskController(QObject *parent)
    : QObject(parent), m_client(new ApiClient(this)), m_audit(new AuditRecorder(defaultAuditLogPath(), this)),
      m_tokens(new TokenStore(this)), m_model(new SessionModel(this)), m_undo(new QUndoStack(this))
{
    m_saveTimer = new QTimer(this);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(400);
    connect(m_saveTimer, &QTimer::timeout, this, &DeskController::saveWorkspaceNow);
    m_refreshTimer = new QTimer(this);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] { refreshAll(true); });
    // After sleep or a network drop nothing may be missed: a jump of the wall clock (the
    // machine slept) or the first answer after failures triggers a full resync.
    m_clockWatch = new QTimer(this);
    m_clockWatch->setInterval(30'000);
    m_lastTick = QDateTime::currentDateTimeUtc();
    connect(m_clockWatch, &QTimer::timeout, this, [this] {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (m_lastTick.secsTo(now) > 90)
            refreshAll(true);
        m_lastTick = now;
    });
    m_clockWatch->start();
    // Every write, the outbox's included: its intent before it is sent, its outcome after.
    m_audit->attach(m_client);
    m_audit->setBeforeLookup([this](const QString &id) -> std::optional<Support> {
        const std::optional<WorkspaceEntry> e = entry(id);
        return e ? e->support : std::nullopt;
    });
    connect(m_audit, &AuditRecorder::problem, this, [this](const QString &problem) {
        Q_EMIT statusMessage(Text::tr("The audit trail: %1").arg(problem), 15000);
    });
    connect(m_client, &ApiClient::retryScheduled, this,
            [this](const QString &orderId, Operation, int retry, int delayMs, const ApiError &) {
                Q_EMIT statusMessage(Text::tr("Order %1: trying again in %2 s (retry %3)…")
                                         .arg(orderId)
                                         .arg(double(delayMs) / 1000.0, 0, 'f', 1)
                                         .arg(retry),
                                     delayMs + 1000);
            });
    // Queued: an entry that became stale is dropped after the step that uncovered it.
    connect(m_undo, &QUndoStack::indexChanged, this, &DeskController::dropUndoOfClosed, Qt::QueuedConnection);
}

DeskController::~DeskController()
{
    flushBeforeLeaving(); // nothing the agent saw may be lost on the way out
}

bool DeskController::confirm(const QString &title, const QString &text)
{
    return m_prompts && m_prompts->confirm(title, text);
}

std::optional<Support> DeskController::resolveConflict(const QString &orderId, const Support &theirs,
                                                       const Support &mine, const std::optional<Support> &base)
{
    return m_prompts ? m_prompts->resolveConflict(orderId, theirs, mine, base) : std::nullopt;
}

void DeskController::openProfile(const ServerProfile &profile)
{
    if (m_profile.id != profile.id)
        m_undo->clear(); // undo entries belong to one server
    m_profile = profile;
    m_audit->setUser(profile.myAgentId.isEmpty() ? currentUserName() : profile.myAgentId);
    ClientConfig config;
    config.baseUrl = profile.baseUrl;
    config.timeoutMs = profile.timeoutSeconds * 1000;
    m_client->setConfig(config);
    // The outbox (its lock file and SQLite file: a few ms of disk syncs) is opened later (see
    // setDeferral), after the window's first frame. Every write into it opens it first, so no
    // change made before that can miss it; the other profile's lock is released at once.
    // Before the list loads: its "waiting in the outbox" marks must not come from the old one.
    delete m_sender;
    m_outbox.reset();
    m_outboxDue = true;
    loadWorkspace();
    const auto openDue = [this, id = profile.id] {
        if (m_profile.id == id)
            outboxNow();
    };
    if (m_deferral)
        m_deferral(openDue);
    else
        QTimer::singleShot(0, this, openDue);
    if (profile.refreshIntervalSeconds > 0)
        m_refreshTimer->start(profile.refreshIntervalSeconds * 1000);
    else
        m_refreshTimer->stop();
    // The token comes from the keychain; requests wait for nothing, a token arrives shortly.
    // Asked one turn of the event loop later: loading the keychain backend (libsecret, GIO,
    // D-Bus threads) would otherwise delay the window's first paint.
    QTimer::singleShot(0, this, [this, id = profile.id] {
        if (m_profile.id == id)
            readToken(id);
    });
}

void DeskController::readToken(const QString &profileId)
{
    m_tokens->read(profileId, [this, profileId](const TokenStore::Result &r) {
        if (m_profile.id != profileId)
            return;
        if (r.ok && !r.token.isEmpty()) {
            setToken(r.token);
        } else if (!r.ok && !r.noKeychain) {
            Q_EMIT statusMessage(Text::tr("The access token could not be read from the system keychain, so "
                                          "requests are sent without one. (The keychain said: %1)").arg(r.error), 10000);
        }
    });
}

void DeskController::setToken(const QString &token)
{
    ClientConfig c = m_client->config();
    c.token = token;
    m_client->setConfig(c);
}

void DeskController::setIdentity(const QString &agentId, const QString &agentName)
{
    m_profile.myAgentId = agentId;
    m_profile.myAgentName = agentName;
    m_profile.identityAsked = true;
    m_audit->setUser(agentId.isEmpty() ? currentUserName() : agentId);
}

void DeskController::cancelRuns()
{
    // A run belongs to the profile that started it: its next requests must not go to the new
    // server with the new token (what is in flight is cancelled by the client itself).
    m_bulkQueue.clear();
    for (BulkRun *run : findChildren<BulkRun *>())
        run->cancel();
}

// ---- the workspace

void DeskController::flushBeforeLeaving()
{
    if (m_loader.joinable())
        m_loader.join(); // the reader ends by itself; a result not yet taken is dropped
    if (m_loading) {
        ++m_loadGeneration;
        m_loading = false;
        if (m_loadError.isEmpty() && !m_unsaved.isEmpty() && QFileInfo::exists(m_storePath))
            m_loadError = m_store.open(m_storePath);
    }
    saveWorkspaceNow();
}

QString DeskController::workspacePath() const
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                      + QStringLiteral("/workspaces");
    ensurePrivateDir(dir); // ours: 0700 even if an earlier version made it 0755 (the store says if it fails)
    return dir + QLatin1Char('/') + m_profile.id + QStringLiteral(".sqlite");
}

QString DeskController::legacyWorkspacePath() const
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
         + QStringLiteral("/workspaces/") + m_profile.id + QStringLiteral(".json");
}

std::optional<WorkspaceEntry> DeskController::entry(const QString &orderId) const
{
    if (auto it = m_unsaved.constFind(orderId); it != m_unsaved.constEnd())
        return *it;
    if (!m_model->contains(orderId))
        return std::nullopt; // e.g. still being read, or in a store that could not be
    std::optional<WorkspaceEntry> stored = m_store.get(orderId);
    if (!stored && !m_store.lastError().isEmpty())
        Q_EMIT const_cast<DeskController *>(this)->statusMessage(
            Text::tr("Order %1 could not be read from the saved session list: %2").arg(orderId, m_store.lastError()),
            10000);
    return stored;
}

void DeskController::putEntry(const WorkspaceEntry &e)
{
    m_model->upsert(listedEntry(e));
    m_unsaved.insert(e.orderId, e);
    scheduleSave();
}

void DeskController::addEmpty(const QString &orderId)
{
    if (m_model->contains(orderId))
        return;
    WorkspaceEntry e;
    e.orderId = orderId;
    putEntry(e);
}

void DeskController::loadWorkspace()
{
    const QString path = workspacePath();
    const QString legacy = legacyWorkspacePath();
    flushBeforeLeaving(); // the previous profile's list
    m_store.close();
    m_unsaved.clear();
    m_storePath = path;
    m_knownAgents.clear();
    m_model->setTable({});
    Q_EMIT workspaceReset();
    m_loading = true;
    m_loadError.clear();
    const quint64 generation = ++m_loadGeneration;
    if (!QFileInfo::exists(path) && !QFileInfo::exists(legacy)) {
        finishLoading({}, {}); // a new list: its file is created with the first session
        return;
    }
    // A large list is read on a worker thread, with a connection of its own (importing a
    // workspace of the earlier format first): the window paints at once and stays usable.
    const qint64 bytes = QFileInfo(path).size() + QFileInfo(legacy).size();
    if (bytes > kAsyncLoadBytes) {
        Q_EMIT statusMessage(Text::tr("Loading the session list…"), 0);
        if (m_loader.joinable())
            m_loader.join();
        m_loader = std::thread([this, path, legacy, generation, guard = QPointer<DeskController>(this)] {
            auto table = std::make_shared<SessionTable>();
            QString error;
            QStringList problems;
            {
                WorkspaceStore reader;
                error = reader.open(path, legacy);
                if (error.isEmpty())
                    error = reader.readSummaries(table.get());
                problems = reader.importProblems();
            } // closed (its WAL checkpointed) before the desk opens its own connection
            QMetaObject::invokeMethod(qApp, [this, guard, table, error, problems, generation] {
                if (guard && generation == m_loadGeneration)
                    finishLoading(std::move(*table), error, problems);
            }, Qt::QueuedConnection);
        });
        return;
    }
    // A small one is read here, through the desk's own connection.
    SessionTable table;
    QString error = m_store.open(path, legacy);
    if (error.isEmpty())
        error = m_store.readSummaries(&table);
    finishLoading(std::move(table), error, m_store.importProblems());
}

void DeskController::finishLoading(SessionTable table, const QString &error, const QStringList &importProblems)
{
    m_loading = false;
    m_loadError = error;
    if (m_loadError.isEmpty() && !m_store.isOpen() && QFileInfo::exists(m_storePath))
        m_loadError = m_store.open(m_storePath); // after a read on the worker thread
    if (!m_loadError.isEmpty()) {
        // Keep the damaged file for the user; work on a list kept in memory only.
        Q_EMIT statusMessage(
            Text::tr("The saved session list could not be read: %1 — changes are kept until SupportDesk closes, "
                     "not saved.").arg(m_loadError), 0);
    } else if (!importProblems.isEmpty()) {
        // The rest was imported; the earlier file stays beside the store as "*.imported".
        Q_EMIT statusMessage(
            Text::tr("Part of the earlier session list could not be imported (%n problem(s)). The first: %1",
                     nullptr, int(importProblems.size()))
                .arg(importProblems.front()), 0);
    } else if (table.size() > 0) {
        Q_EMIT statusMessage(QString(), 0);
    }
    // Sessions the agent opened while the list was loading stay, with their newer state, and
    // keep a draft the store held for them (the newer copy came from the server, without it).
    for (WorkspaceEntry &e : m_unsaved) {
        if (!e.draft && m_store.isOpen())
            if (const std::optional<WorkspaceEntry> stored = m_store.get(e.orderId))
                e.draft = stored->draft;
        table.upsert(summarize(e));
    }
    loadKnownAgents();
    m_knownAgents.addFromTable(table); // the agents named in the list, for completion
    const QString selected = selectedOrderId();
    m_model->setTable(std::move(table));
    markWaitingInOutbox();
    Q_EMIT workspaceLoaded(selected);
    if (!m_unsaved.isEmpty())
        scheduleSave();
}

void DeskController::scheduleSave()
{
    // At most this long after the first unsaved change, however many follow (a bulk refresh).
    if (!m_saveTimer->isActive())
        m_saveTimer->start();
}

void DeskController::saveWorkspaceNow()
{
    m_saveTimer->stop();
    if (m_unsaved.isEmpty() || !m_loadError.isEmpty())
        return; // nothing to write, or a store we could not read: never written over
    if (m_loading) {
        m_saveTimer->start(); // into the store once it is read
        return;
    }
    if (!m_store.isOpen()) {
        const QString problem = m_store.open(m_storePath); // the list's first session
        if (!problem.isEmpty()) {
            Q_EMIT statusMessage(Text::tr("Could not save the session list: %1 — will try again.").arg(problem), 10000);
            m_saveTimer->start(5000);
            return;
        }
    }
    std::vector<WorkspaceEntry> entries;
    entries.reserve(size_t(m_unsaved.size()));
    for (const WorkspaceEntry &e : std::as_const(m_unsaved))
        entries.push_back(e);
    const QString problem = m_store.put(entries);
    if (!problem.isEmpty()) {
        Q_EMIT statusMessage(Text::tr("Could not save the session list: %1 — will try again.").arg(problem), 10000);
        m_saveTimer->start(5000);
        return;
    }
    m_unsaved.clear();
}

void DeskController::storeDraft(const QString &orderId, const std::optional<Support> &draft)
{
    const std::optional<WorkspaceEntry> existing = entry(orderId);
    if (!existing)
        return;
    WorkspaceEntry e = *existing;
    e.draft = draft;
    putEntry(e);
    saveWorkspaceNow(); // a draft must survive a crash right after
}

int DeskController::importOrderIds(const QStringList &ids)
{
    QStringList added;
    std::vector<SessionSummary> summaries;
    QSet<QString> seen;
    for (const QString &id : ids) {
        if (!orderIdProblem(id).isEmpty() || m_model->contains(id) || seen.contains(id))
            continue;
        seen.insert(id);
        WorkspaceEntry e;
        e.orderId = id;
        m_unsaved.insert(id, e);
        summaries.push_back(summarize(e));
        added << id;
    }
    m_model->upsertMany(summaries); // one reset for a long list, not a row insertion each
    scheduleSave();
    fetchInBulk(added, true);
    Q_EMIT statusMessage(Text::tr("%n order(s) added to the list.", nullptr, int(added.size())), 6000);
    return int(added.size());
}

void DeskController::removeFromWorkspace(const QStringList &orderIds)
{
    saveWorkspaceNow(); // a session not stored yet: its agent goes into the directory first
    int firstShown = -1;
    for (const QString &id : orderIds)
        if (const QModelIndex i = m_model->indexOf(id); i.isValid())
            firstShown = firstShown < 0 ? i.row() : std::min(firstShown, i.row());
    for (const QString &id : orderIds)
        m_unsaved.remove(id);
    const int removed = m_model->remove(orderIds);
    if (m_store.isOpen()) {
        const QString problem = m_store.remove(orderIds);
        if (!problem.isEmpty())
            Q_EMIT statusMessage(Text::tr("Could not save the session list: %1").arg(problem), 10000);
    }
    Q_EMIT removedFromList(firstShown, removed);
}

void DeskController::restoreToWorkspace(const std::vector<WorkspaceEntry> &entries)
{
    std::vector<SessionSummary> summaries;
    summaries.reserve(entries.size());
    for (const WorkspaceEntry &e : entries) {
        m_unsaved.insert(e.orderId, e);
        summaries.push_back(summarize(e));
    }
    m_model->upsertMany(summaries);
    scheduleSave();
    Q_EMIT restoredToList(entries.empty() ? QString() : entries.front().orderId);
}

void DeskController::loadKnownAgents()
{
    if (!m_store.isOpen())
        return;
    if (const QString problem = m_store.readAgents(&m_knownAgents); !problem.isEmpty())
        Q_EMIT statusMessage(Text::tr("The agent directory could not be read: %1").arg(problem), 10000);
    // Sessions answered while the list was loading are newer than the store.
    for (const WorkspaceEntry &e : std::as_const(m_unsaved))
        if (e.support && e.support->agent)
            m_knownAgents.add(*e.support->agent);
    Q_EMIT knownAgentsChanged(); // names it knows now
}

void DeskController::rememberAgents(const Support &s)
{
    if (!s.agent)
        return;
    m_knownAgents.add(*s.agent);
    if (s.agent->id && QString::fromStdString(*s.agent->id) == m_profile.myAgentId && m_profile.myAgentName.isEmpty())
        Q_EMIT ownNameLearnt();
}

} // namespace sd::ui
