#include "sqlitedb.h"

#include "privatefile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <utility>

#include <sqlite3.h>

namespace sd {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sd::SqliteDb", text);
}

bool isDamage(int code)
{
    code &= 0xff; // the primary code of an extended one
    return code == SQLITE_NOTADB || code == SQLITE_CORRUPT;
}

} // namespace

// ---- SqliteStatement ----------------------------------------------------------------------

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_db(other.m_db)
{
}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
    }
    return *this;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

void SqliteStatement::bindText(int index, const QByteArray &utf8, bool nullIfEmpty)
{
    if (utf8.isEmpty() && nullIfEmpty)
        sqlite3_bind_null(m_stmt, index);
    else
        sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bindText(int index, const std::string &utf8)
{
    sqlite3_bind_text(m_stmt, index, utf8.data(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bindBlob(int index, const QByteArray &bytes)
{
    sqlite3_bind_blob(m_stmt, index, bytes.isEmpty() ? "" : bytes.constData(), int(bytes.size()),
                      SQLITE_TRANSIENT);
}

void SqliteStatement::bindInt64(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

int SqliteStatement::step()
{
    return m_stmt ? sqlite3_step(m_stmt) : SQLITE_MISUSE;
}

QString SqliteStatement::run(const char *what)
{
    const int rc = step();
    sqlite3_reset(m_stmt);
    if (rc == SQLITE_DONE)
        return {};
    return m_db ? m_db->fail(what) : QString::fromUtf8(what);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::string_view SqliteStatement::text(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return text ? std::string_view(text, size_t(sqlite3_column_bytes(m_stmt, column)))
                : std::string_view();
}

QString SqliteStatement::string(int column) const
{
    const std::string_view t = text(column);
    return QString::fromUtf8(t.data(), qsizetype(t.size()));
}

QByteArray SqliteStatement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return data ? QByteArray(data, sqlite3_column_bytes(m_stmt, column)) : QByteArray();
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

int SqliteStatement::int32(int column) const
{
    return sqlite3_column_int(m_stmt, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

// ---- SqliteDb -----------------------------------------------------------------------------

SqliteDb::~SqliteDb()
{
    close();
}

void SqliteDb::close()
{
    if (m_db)
        sqlite3_close(m_db); // statements are finalized by their owners first
    m_db = nullptr;
    m_path.clear();
}

QString SqliteDb::fail(const char *what)
{
    m_lastError = tr("%1: %2").arg(QString::fromUtf8(what),
                                   QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : "no database"));
    return m_lastError;
}

QString SqliteDb::exec(const char *sql)
{
    if (!m_db)
        return m_lastError = tr("The database is not open.");
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return {};
    m_lastError = QString::fromUtf8(message ? message : sqlite3_errmsg(m_db));
    sqlite3_free(message);
    return m_lastError;
}

QString SqliteDb::prepare(const char *sql, SqliteStatement *out)
{
    *out = SqliteStatement();
    if (!m_db)
        return m_lastError = tr("The database is not open.");
    if (sqlite3_prepare_v2(m_db, sql, -1, &out->m_stmt, nullptr) != SQLITE_OK)
        return fail("prepare");
    out->m_db = this;
    return {};
}

qint64 SqliteDb::lastInsertRowId() const
{
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}

int SqliteDb::changes() const
{
    return m_db ? sqlite3_changes(m_db) : 0;
}

int SqliteDb::userVersion()
{
    SqliteStatement s;
    if (!prepare("PRAGMA user_version", &s).isEmpty())
        return -1;
    if (s.step() != SQLITE_ROW) {
        fail("user_version");
        return -1;
    }
    return s.int32(0);
}

QString SqliteDb::setUserVersion(int version)
{
    return exec(QByteArray("PRAGMA user_version = " + QByteArray::number(version)).constData());
}

QString SqliteDb::checkVersion(int supported, int *found)
{
    *found = userVersion();
    if (*found < 0)
        return m_lastError;
    if (*found > supported)
        return m_lastError = tr("It was written by a newer SupportDesk (format %1).").arg(*found);
    return {};
}

QString SqliteDb::openOnce(const QString &path, int *code)
{
    *code = SQLITE_OK;
    // Callback phones and names: readable by the agent's account only, from the start (the file
    // exists 0600 before SQLite opens it; SQLite gives its -wal and -shm files the same mode).
    if (const QString problem = preparePrivateFile(path); !problem.isEmpty())
        return problem;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK) {
        *code = sqlite3_errcode(m_db);
        return fail("open");
    }
    sqlite3_extended_result_codes(m_db, 0);
    sqlite3_busy_timeout(m_db, 5000); // another SupportDesk on the same profile may be writing
    // The first statements read the header and the schema: a damaged file shows here.
    for (const char *sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                            "SELECT count(*) FROM sqlite_schema"}) {
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
            *code = sqlite3_errcode(m_db);
            return fail("open");
        }
    }
    if (sqlite3_db_readonly(m_db, "main") == 1)
        return m_lastError = tr("The file cannot be written.");
    return {};
}

QString SqliteDb::open(const QString &path, const QString &what, OnDamage onDamage)
{
    close();
    m_notice.clear();
    int code = SQLITE_OK;
    QString error = openOnce(path, &code);
    if (!error.isEmpty() && isDamage(code) && onDamage == OnDamage::MoveAside) {
        // Not readable as a database: keep it (it may be rescued by hand), start a new one.
        close();
        const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        QString aside = path + QStringLiteral(".damaged-") + stamp;
        for (int n = 2; QFileInfo::exists(aside); ++n)
            aside = path + QStringLiteral(".damaged-%1-%2").arg(stamp).arg(n);
        bool moved = QFile::rename(path, aside);
        for (const char *suffix : {"-wal", "-shm", "-journal"}) {
            const QString side = path + QLatin1String(suffix);
            if (QFileInfo::exists(side))
                moved = QFile::rename(side, aside + QLatin1String(suffix)) && moved;
        }
        if (!moved)
            error = tr("%1 is damaged (%2) and could not be moved aside.").arg(path, error);
        else {
            error = openOnce(path, &code);
            if (error.isEmpty())
                m_notice = tr("The file of %1 was damaged and could not be read. It was kept as %2, "
                              "and a new one was started.").arg(what, aside);
        }
    }
    if (!error.isEmpty()) {
        close();
        return m_lastError = error;
    }
    m_path = path;
    return {};
}

// ---- SqliteTransaction --------------------------------------------------------------------

SqliteTransaction::SqliteTransaction(SqliteDb &db) : m_db(db)
{
    m_error = db.exec("BEGIN IMMEDIATE");
    m_open = m_error.isEmpty();
}

SqliteTransaction::~SqliteTransaction()
{
    if (m_open && m_db.handle()) // not through exec(): the error that led here stays lastError()
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

QString SqliteTransaction::commit()
{
    if (!m_open)
        return m_error.isEmpty() ? tr("No transaction is open.") : m_error;
    m_error = m_db.exec("COMMIT");
    if (m_error.isEmpty())
        m_open = false;
    return m_error;
}

} // namespace sd
