#include "workspacestore.h"

#include "agentdirectory.h"

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
    SqliteStatement s;
    sqlite3_stmt *stmt = nullptr;
};

// Prepares `sql` into `*out`; false on error (see SqliteDb::lastError).
bool prepare(SqliteDb &db, const char *sql, Statement *out)
{
    if (!db.prepare(sql, &out->s).isEmpty())
        return false;
    out->stmt = out->s.handle();
    return true;
}

} // namespace

WorkspaceStore::WorkspaceStore() = default;

WorkspaceStore::~WorkspaceStore()
{
    close();
}

QString WorkspaceStore::fail(const char *what) const
{
    return m_lastError = m_db.fail(what);
}

QString WorkspaceStore::exec(const char *sql) const
{
    const QString error = m_db.exec(sql);
    if (!error.isEmpty())
        m_lastError = error;
    return error;
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
    // Private, WAL, busy timeout, a damaged file refused and left as it is (see sqlitedb.h).
    if (const QString problem = m_db.open(path, tr("the session list")); !problem.isEmpty()) {
        close();
        return m_lastError = tr("Cannot use %1: %2").arg(path, problem);
    }
    int version = 0;
    QString error = m_db.checkVersion(kSchemaVersion, &version);
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
        if (error.isEmpty()) {
            for (auto [sql, stmt] : {std::pair{kGet, &m_getStmt}, std::pair{kPutSummary, &m_putSummaryStmt},
                                     std::pair{kPutDetail, &m_putDetailStmt},
                                     std::pair{kPutAgent, &m_putAgentStmt}}) {
                error = m_db.prepare(sql, stmt);
                if (!error.isEmpty())
                    break;
            }
        }
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
    m_getStmt = SqliteStatement();
    m_putSummaryStmt = SqliteStatement();
    m_putDetailStmt = SqliteStatement();
    m_putAgentStmt = SqliteStatement();
    m_db.close();
    m_path.clear();
}

QString WorkspaceStore::readSummaries(SessionTable *out) const
{
    out->clear();
    if (!m_db.isOpen())
        return tr("The session list is not open.");
    // Room for all of it at once (no copy of a growing buffer): sessions are never deleted, so
    // the largest seq is the count, and the text per row is estimated from a sample (an exact
    // sum, like count(*), would read the whole table once more).
    Statement s;
    if (prepare(m_db,
                           "SELECT coalesce((SELECT max(seq) FROM summary), 0), coalesce((SELECT"
                           " avg(coalesce(length(CAST(order_id AS BLOB)), 0) + coalesce(length(CAST(agent_name AS BLOB)), 0)"
                           " + coalesce(length(CAST(agent_id AS BLOB)), 0) + 2 * coalesce(length(CAST(phone AS BLOB)), 0)"
                           " + coalesce(length(CAST(chat AS BLOB)), 0)) FROM (SELECT * FROM summary LIMIT 4096)), 0)",
                           &s)
        && sqlite3_step(s.stmt) == SQLITE_ROW) {
        const int rows = sqlite3_column_int(s.stmt, 0);
        const double perRow = sqlite3_column_double(s.stmt, 1) * 1.1 + 8;
        out->reserve(rows, qsizetype(double(rows) * perRow));
    }
    Statement read;
    if (!prepare(m_db, kReadSummaries, &read))
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
    if (!m_getStmt.isValid())
        return std::nullopt;
    sqlite3_stmt *const stmt = m_getStmt.handle();
    const QByteArray id = orderId.toUtf8();
    sqlite3_reset(stmt);
    bindText(stmt, 1, id, false);
    const int rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW) {
        if (rc != SQLITE_DONE)
            fail("get");
        sqlite3_reset(stmt);
        return std::nullopt;
    }
    WorkspaceEntry e;
    e.orderId = orderId;
    e.state = sessionStateFromKey(columnText(stmt, 0));
    e.lastChange = timeOf(stmt, 1);
    e.lastSeen = timeOf(stmt, 2);
    const std::string_view error = columnText(stmt, 3);
    e.lastError = QString::fromUtf8(error.data(), qsizetype(error.size()));
    const std::string_view etag = columnText(stmt, 4);
    e.etag = QByteArray(etag.data(), qsizetype(etag.size()));
    e.support = supportOf(stmt, 5);
    e.draft = supportOf(stmt, 6);
    sqlite3_reset(stmt);
    return e;
}

QString WorkspaceStore::putOne(const WorkspaceEntry &e)
{
    const SessionSummary s = summarize(e);
    sqlite3_stmt *const summary = m_putSummaryStmt.handle();
    sqlite3_stmt *const detail = m_putDetailStmt.handle();
    const QByteArray id = e.orderId.toUtf8();
    sqlite3_reset(summary);
    sqlite3_clear_bindings(summary);
    bindText(summary, 1, id, false);
    bindText(summary, 2, sessionStateKey(e.state).toUtf8(), false);
    bindText(summary, 3, s.agentId.toUtf8());
    bindText(summary, 4, s.agentName.toUtf8());
    bindText(summary, 5, s.phone.toUtf8());
    bindText(summary, 6, s.chat.toUtf8());
    bindTime(summary, 7, s.lastChangeMs);
    bindTime(summary, 8, s.lastSeenMs);
    sqlite3_bind_int(summary, 9, s.hasDraft ? 1 : 0);
    bindText(summary, 10, s.error.toUtf8());
    if (sqlite3_step(summary) != SQLITE_DONE)
        return fail("put");
    sqlite3_reset(detail);
    sqlite3_clear_bindings(detail);
    bindText(detail, 1, id, false);
    if (!e.etag.isEmpty())
        sqlite3_bind_blob(detail, 2, e.etag.constData(), int(e.etag.size()), SQLITE_TRANSIENT);
    if (e.support)
        bindText(detail, 3, serialize(*e.support));
    if (e.draft)
        bindText(detail, 4, serialize(*e.draft));
    if (sqlite3_step(detail) != SQLITE_DONE)
        return fail("put");
    return putAgent(e);
}

QString WorkspaceStore::putAgent(const WorkspaceEntry &e)
{
    if (!e.support || !e.support->agent || !e.support->agent->id || e.support->agent->id->empty())
        return {};
    const Agent &agent = *e.support->agent;
    sqlite3_stmt *const put = m_putAgentStmt.handle();
    sqlite3_reset(put);
    sqlite3_clear_bindings(put);
    bindText(put, 1, *agent.id);
    bindText(put, 2, serialize(agent));
    sqlite3_bind_int(put, 3, AgentDirectory::hasDetails(agent) ? 1 : 0);
    if (sqlite3_step(put) != SQLITE_DONE)
        return fail("put agent");
    return {};
}

QString WorkspaceStore::readAgents(AgentDirectory *out) const
{
    if (!m_db.isOpen())
        return tr("The session list is not open.");
    Statement read;
    if (!prepare(m_db, "SELECT agent FROM agent", &read))
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
    if (!m_db.isOpen())
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
    if (!m_db.isOpen())
        return tr("The session list is not open.");
    if (orderIds.isEmpty())
        return {};
    Statement summary, detail;
    if (!prepare(m_db, "DELETE FROM summary WHERE order_id = ?1", &summary)
        || !prepare(m_db, "DELETE FROM detail WHERE order_id = ?1", &detail))
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
    if (!m_db.isOpen())
        return 0;
    Statement s;
    if (!prepare(m_db, "SELECT count(*) FROM summary", &s)
        || sqlite3_step(s.stmt) != SQLITE_ROW)
        return 0;
    return sqlite3_column_int(s.stmt, 0);
}

} // namespace sd
