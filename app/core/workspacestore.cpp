#include "workspacestore.h"

#include "agentdirectory.h"
#include "privatefile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace sd {

namespace {

constexpr int kSchemaVersion = 2; // 2: the agent directory

const char kSchema[] =
    "CREATE TABLE IF NOT EXISTS summary ("
    " seq INTEGER PRIMARY KEY, order_id TEXT NOT NULL UNIQUE, state TEXT NOT NULL,"
    " agent_id TEXT, agent_name TEXT, phone TEXT, chat TEXT,"
    " last_change INTEGER, last_seen INTEGER, has_draft INTEGER NOT NULL DEFAULT 0, error TEXT);"
    "CREATE TABLE IF NOT EXISTS detail ("
    " order_id TEXT PRIMARY KEY NOT NULL, etag BLOB, support TEXT, draft TEXT);"
    "CREATE TABLE IF NOT EXISTS agent (id TEXT PRIMARY KEY NOT NULL, agent TEXT NOT NULL);";

// A store of format 1: the agents of the sessions it holds, those with details last (so they win).
const char kFillAgents[] =
    "INSERT OR REPLACE INTO agent (id, agent)"
    " SELECT json_extract(support, '$.agent.id'), json_extract(support, '$.agent') FROM detail"
    " WHERE json_valid(support) AND json_type(support, '$.agent.id') = 'text'"
    " AND json_extract(support, '$.agent.id') <> ''"
    " ORDER BY (json_type(support, '$.agent.person.name') IS NOT NULL"
    " OR json_type(support, '$.agent.contact') IS NOT NULL"
    " OR json_type(support, '$.agent.organization') IS NOT NULL), rowid";

// ?3: the agent has details; a bare ID only adds an agent not known yet.
const char kPutAgent[] =
    "INSERT INTO agent (id, agent) VALUES (?1, ?2)"
    " ON CONFLICT(id) DO UPDATE SET agent = excluded.agent WHERE ?3";

const char kGet[] =
    "SELECT s.state, s.last_change, s.last_seen, s.error, d.etag, d.support, d.draft"
    " FROM summary s LEFT JOIN detail d ON d.order_id = s.order_id WHERE s.order_id = ?1";

const char kPutSummary[] =
    "INSERT INTO summary (order_id, state, agent_id, agent_name, phone, chat, last_change,"
    " last_seen, has_draft, error) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    " ON CONFLICT(order_id) DO UPDATE SET state = excluded.state, agent_id = excluded.agent_id,"
    " agent_name = excluded.agent_name, phone = excluded.phone, chat = excluded.chat,"
    " last_change = excluded.last_change, last_seen = excluded.last_seen,"
    " has_draft = excluded.has_draft, error = excluded.error";

const char kPutDetail[] =
    "INSERT INTO detail (order_id, etag, support, draft) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT(order_id) DO UPDATE SET etag = excluded.etag, support = excluded.support,"
    " draft = excluded.draft";

const char kReadSummaries[] =
    "SELECT order_id, agent_name, agent_id, phone, chat, state, last_change, last_seen,"
    " has_draft, error FROM summary ORDER BY seq";

QString tr(const char *text)
{
    return QCoreApplication::translate("sd::WorkspaceStore", text);
}

std::string_view columnText(sqlite3_stmt *stmt, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, column));
    return text ? std::string_view(text, size_t(sqlite3_column_bytes(stmt, column)))
                : std::string_view();
}

void bindText(sqlite3_stmt *stmt, int index, const QByteArray &utf8, bool nullIfEmpty = true)
{
    if (utf8.isEmpty() && nullIfEmpty)
        sqlite3_bind_null(stmt, index);
    else
        sqlite3_bind_text(stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void bindText(sqlite3_stmt *stmt, int index, const std::string &utf8)
{
    sqlite3_bind_text(stmt, index, utf8.data(), int(utf8.size()), SQLITE_TRANSIENT);
}

void bindTime(sqlite3_stmt *stmt, int index, qint64 ms)
{
    if (ms == 0)
        sqlite3_bind_null(stmt, index);
    else
        sqlite3_bind_int64(stmt, index, ms);
}

QDateTime timeOf(sqlite3_stmt *stmt, int column)
{
    if (sqlite3_column_type(stmt, column) == SQLITE_NULL)
        return {};
    return QDateTime::fromMSecsSinceEpoch(sqlite3_column_int64(stmt, column), Qt::UTC);
}

std::optional<Support> supportOf(sqlite3_stmt *stmt, int column)
{
    if (sqlite3_column_type(stmt, column) == SQLITE_NULL)
        return std::nullopt;
    auto parsed = parseSupport(columnText(stmt, column));
    return parsed.value;
}

// Finalizes a statement when it goes out of scope.
struct Statement
{
    sqlite3_stmt *stmt = nullptr;
    ~Statement() { sqlite3_finalize(stmt); }
};

} // namespace

WorkspaceStore::WorkspaceStore() = default;

WorkspaceStore::~WorkspaceStore()
{
    close();
}

QString WorkspaceStore::fail(const char *what) const
{
    m_lastError = tr("%1: %2").arg(QString::fromUtf8(what),
                                   QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : "no database"));
    return m_lastError;
}

QString WorkspaceStore::exec(const char *sql) const
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return {};
    m_lastError = QString::fromUtf8(message ? message : "?");
    sqlite3_free(message);
    return m_lastError;
}

QString WorkspaceStore::open(const QString &path, const QString &legacyPath)
{
    close();
    m_importProblems.clear();
    // The earlier format is read first: if it cannot be, nothing is created or changed.
    WorkspaceFile legacy;
    const bool importing = !legacyPath.isEmpty() && QFileInfo::exists(legacyPath);
    if (importing) {
        const QString error = loadWorkspace(legacyPath, &legacy);
        if (!error.isEmpty())
            return m_lastError = error;
    }
    // Callback phones and names: readable by the agent's account only, from the start (the file
    // exists 0600 before SQLite opens it; SQLite gives its -wal and -shm files the same mode).
    if (const QString problem = preparePrivateFile(path); !problem.isEmpty())
        return m_lastError = problem;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        const QString error = tr("Cannot open %1: %2")
                                  .arg(path, QString::fromUtf8(sqlite3_errmsg(m_db)));
        close();
        return m_lastError = error;
    }
    sqlite3_busy_timeout(m_db, 5000); // another SupportDesk on the same profile may be writing
    QString error;
    int version = 0;
    {
        Statement s;
        if (sqlite3_prepare_v2(m_db, "PRAGMA user_version", -1, &s.stmt, nullptr) != SQLITE_OK
            || sqlite3_step(s.stmt) != SQLITE_ROW)
            error = fail("user_version");
        else
            version = sqlite3_column_int(s.stmt, 0);
    }
    if (error.isEmpty() && version > kSchemaVersion)
        error = tr("It was written by a newer SupportDesk (format %1).").arg(version);
    if (error.isEmpty())
        error = exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
    // A store already in this format is only read here: no transaction, no sync to disk.
    const bool writing = version < kSchemaVersion || importing;
    if (error.isEmpty() && writing)
        error = exec("BEGIN IMMEDIATE");
    if (error.isEmpty()) {
        if (writing)
            error = exec(kSchema);
        if (error.isEmpty() && writing && version == 1)
            error = exec(kFillAgents);
        if (error.isEmpty() && writing)
            error = exec("PRAGMA user_version = 2");
        if (error.isEmpty()
            && (sqlite3_prepare_v2(m_db, kGet, -1, &m_getStmt, nullptr) != SQLITE_OK
                || sqlite3_prepare_v2(m_db, kPutSummary, -1, &m_putSummaryStmt, nullptr) != SQLITE_OK
                || sqlite3_prepare_v2(m_db, kPutDetail, -1, &m_putDetailStmt, nullptr) != SQLITE_OK
                || sqlite3_prepare_v2(m_db, kPutAgent, -1, &m_putAgentStmt, nullptr) != SQLITE_OK))
            error = fail("prepare");
        for (const WorkspaceEntry &e : legacy.entries) {
            if (!error.isEmpty())
                break;
            error = putOne(e);
        }
        if (error.isEmpty() && writing)
            error = exec("COMMIT");
        if (!error.isEmpty() && writing)
            exec("ROLLBACK");
    }
    if (!error.isEmpty()) {
        close();
        return m_lastError = tr("Cannot use %1: %2").arg(path, error);
    }
    m_path = path;
    m_importProblems = legacy.problems;
    if (importing) {
        // Imported: keep the old file under another name, so it is not imported again.
        const QString kept = legacyPath + QStringLiteral(".imported");
        QFile::remove(kept);
        QFile::rename(legacyPath, kept);
        QFile::setPermissions(kept, QFile::ReadOwner | QFile::WriteOwner); // an earlier version's default mode
    }
    return {};
}

void WorkspaceStore::close()
{
    sqlite3_finalize(m_getStmt);
    sqlite3_finalize(m_putSummaryStmt);
    sqlite3_finalize(m_putDetailStmt);
    sqlite3_finalize(m_putAgentStmt);
    m_getStmt = m_putSummaryStmt = m_putDetailStmt = m_putAgentStmt = nullptr;
    if (m_db)
        sqlite3_close(m_db);
    m_db = nullptr;
    m_path.clear();
}

QString WorkspaceStore::readSummaries(SessionTable *out) const
{
    out->clear();
    if (!m_db)
        return tr("The session list is not open.");
    // Room for all of it at once (no copy of a growing buffer): sessions are never deleted, so
    // the largest seq is the count, and the text per row is estimated from a sample (an exact
    // sum, like count(*), would read the whole table once more).
    Statement s;
    if (sqlite3_prepare_v2(m_db,
                           "SELECT coalesce((SELECT max(seq) FROM summary), 0), coalesce((SELECT"
                           " avg(coalesce(length(CAST(order_id AS BLOB)), 0) + coalesce(length(CAST(agent_name AS BLOB)), 0)"
                           " + coalesce(length(CAST(agent_id AS BLOB)), 0) + 2 * coalesce(length(CAST(phone AS BLOB)), 0)"
                           " + coalesce(length(CAST(chat AS BLOB)), 0)) FROM (SELECT * FROM summary LIMIT 4096)), 0)",
                           -1, &s.stmt, nullptr) == SQLITE_OK
        && sqlite3_step(s.stmt) == SQLITE_ROW) {
        const int rows = sqlite3_column_int(s.stmt, 0);
        const double perRow = sqlite3_column_double(s.stmt, 1) * 1.1 + 8;
        out->reserve(rows, qsizetype(double(rows) * perRow));
    }
    Statement read;
    if (sqlite3_prepare_v2(m_db, kReadSummaries, -1, &read.stmt, nullptr) != SQLITE_OK)
        return fail("read");
    int rc;
    while ((rc = sqlite3_step(read.stmt)) == SQLITE_ROW) {
        const std::string_view texts[SessionTable::FieldCount] = {
            columnText(read.stmt, 0), columnText(read.stmt, 1), columnText(read.stmt, 2),
            columnText(read.stmt, 3), {}, columnText(read.stmt, 4)};
        const std::string_view error = columnText(read.stmt, 9);
        out->upsertUtf8(texts, sessionStateFromKey(columnText(read.stmt, 5)),
                        sqlite3_column_int64(read.stmt, 6), sqlite3_column_int64(read.stmt, 7),
                        sqlite3_column_int(read.stmt, 8) != 0,
                        error.empty() ? QString()
                                      : QString::fromUtf8(error.data(), qsizetype(error.size())));
    }
    if (rc != SQLITE_DONE) {
        const QString error = fail("read");
        out->clear();
        return error;
    }
    return {};
}

std::optional<WorkspaceEntry> WorkspaceStore::get(const QString &orderId) const
{
    m_lastError.clear();
    if (!m_getStmt)
        return std::nullopt;
    const QByteArray id = orderId.toUtf8();
    sqlite3_reset(m_getStmt);
    bindText(m_getStmt, 1, id, false);
    const int rc = sqlite3_step(m_getStmt);
    if (rc != SQLITE_ROW) {
        if (rc != SQLITE_DONE)
            fail("get");
        sqlite3_reset(m_getStmt);
        return std::nullopt;
    }
    WorkspaceEntry e;
    e.orderId = orderId;
    e.state = sessionStateFromKey(columnText(m_getStmt, 0));
    e.lastChange = timeOf(m_getStmt, 1);
    e.lastSeen = timeOf(m_getStmt, 2);
    const std::string_view error = columnText(m_getStmt, 3);
    e.lastError = QString::fromUtf8(error.data(), qsizetype(error.size()));
    const std::string_view etag = columnText(m_getStmt, 4);
    e.etag = QByteArray(etag.data(), qsizetype(etag.size()));
    e.support = supportOf(m_getStmt, 5);
    e.draft = supportOf(m_getStmt, 6);
    sqlite3_reset(m_getStmt);
    return e;
}

QString WorkspaceStore::putOne(const WorkspaceEntry &e)
{
    const SessionSummary s = summarize(e);
    const QByteArray id = e.orderId.toUtf8();
    sqlite3_reset(m_putSummaryStmt);
    sqlite3_clear_bindings(m_putSummaryStmt);
    bindText(m_putSummaryStmt, 1, id, false);
    bindText(m_putSummaryStmt, 2, sessionStateKey(e.state).toUtf8(), false);
    bindText(m_putSummaryStmt, 3, s.agentId.toUtf8());
    bindText(m_putSummaryStmt, 4, s.agentName.toUtf8());
    bindText(m_putSummaryStmt, 5, s.phone.toUtf8());
    bindText(m_putSummaryStmt, 6, s.chat.toUtf8());
    bindTime(m_putSummaryStmt, 7, s.lastChangeMs);
    bindTime(m_putSummaryStmt, 8, s.lastSeenMs);
    sqlite3_bind_int(m_putSummaryStmt, 9, s.hasDraft ? 1 : 0);
    bindText(m_putSummaryStmt, 10, s.error.toUtf8());
    if (sqlite3_step(m_putSummaryStmt) != SQLITE_DONE)
        return fail("put");
    sqlite3_reset(m_putDetailStmt);
    sqlite3_clear_bindings(m_putDetailStmt);
    bindText(m_putDetailStmt, 1, id, false);
    if (!e.etag.isEmpty())
        sqlite3_bind_blob(m_putDetailStmt, 2, e.etag.constData(), int(e.etag.size()), SQLITE_TRANSIENT);
    if (e.support)
        bindText(m_putDetailStmt, 3, serialize(*e.support));
    if (e.draft)
        bindText(m_putDetailStmt, 4, serialize(*e.draft));
    if (sqlite3_step(m_putDetailStmt) != SQLITE_DONE)
        return fail("put");
    return putAgent(e);
}

QString WorkspaceStore::putAgent(const WorkspaceEntry &e)
{
    if (!e.support || !e.support->agent || !e.support->agent->id || e.support->agent->id->empty())
        return {};
    const Agent &agent = *e.support->agent;
    sqlite3_reset(m_putAgentStmt);
    sqlite3_clear_bindings(m_putAgentStmt);
    bindText(m_putAgentStmt, 1, *agent.id);
    bindText(m_putAgentStmt, 2, serialize(agent));
    sqlite3_bind_int(m_putAgentStmt, 3, AgentDirectory::hasDetails(agent) ? 1 : 0);
    if (sqlite3_step(m_putAgentStmt) != SQLITE_DONE)
        return fail("put agent");
    return {};
}

QString WorkspaceStore::readAgents(AgentDirectory *out) const
{
    if (!m_db)
        return tr("The session list is not open.");
    Statement read;
    if (sqlite3_prepare_v2(m_db, "SELECT agent FROM agent", -1, &read.stmt, nullptr) != SQLITE_OK)
        return fail("read agents");
    int rc;
    while ((rc = sqlite3_step(read.stmt)) == SQLITE_ROW) {
        // A damaged entry is one agent less to complete, not a reason to refuse the list.
        if (const auto parsed = parseAgent(columnText(read.stmt, 0)); parsed.ok())
            out->add(*parsed.value);
    }
    if (rc != SQLITE_DONE)
        return fail("read agents");
    return {};
}

QString WorkspaceStore::put(const std::vector<WorkspaceEntry> &entries)
{
    if (!m_db)
        return tr("The session list is not open.");
    if (entries.empty())
        return {};
    QString error = exec("BEGIN IMMEDIATE");
    if (!error.isEmpty())
        return error;
    for (const WorkspaceEntry &e : entries) {
        error = putOne(e);
        if (!error.isEmpty())
            break;
    }
    if (error.isEmpty())
        error = exec("COMMIT");
    if (!error.isEmpty())
        exec("ROLLBACK");
    return error;
}

QString WorkspaceStore::remove(const QStringList &orderIds)
{
    if (!m_db)
        return tr("The session list is not open.");
    if (orderIds.isEmpty())
        return {};
    Statement summary, detail;
    if (sqlite3_prepare_v2(m_db, "DELETE FROM summary WHERE order_id = ?1", -1, &summary.stmt, nullptr) != SQLITE_OK
        || sqlite3_prepare_v2(m_db, "DELETE FROM detail WHERE order_id = ?1", -1, &detail.stmt, nullptr) != SQLITE_OK)
        return fail("remove");
    QString error = exec("BEGIN IMMEDIATE");
    if (!error.isEmpty())
        return error;
    for (const QString &id : orderIds) {
        const QByteArray utf8 = id.toUtf8();
        for (sqlite3_stmt *stmt : {summary.stmt, detail.stmt}) {
            sqlite3_reset(stmt);
            bindText(stmt, 1, utf8, false);
            if (sqlite3_step(stmt) != SQLITE_DONE) {
                error = fail("remove");
                break;
            }
        }
        if (!error.isEmpty())
            break;
    }
    if (error.isEmpty())
        error = exec("COMMIT");
    if (!error.isEmpty())
        exec("ROLLBACK");
    return error;
}

int WorkspaceStore::count() const
{
    if (!m_db)
        return 0;
    Statement s;
    if (sqlite3_prepare_v2(m_db, "SELECT count(*) FROM summary", -1, &s.stmt, nullptr) != SQLITE_OK
        || sqlite3_step(s.stmt) != SQLITE_ROW)
        return 0;
    return sqlite3_column_int(s.stmt, 0);
}

} // namespace sd
