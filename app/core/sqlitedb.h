// The one way this application uses SQLite (the workspace store and the offline outbox): the C
// API, wrapped just enough to make the rules hold for every file.
//
// - The file is private (0600 in a 0700 folder, via preparePrivateFile) before SQLite opens it.
// - WAL + synchronous=FULL: a committed transaction survives a kill -9 or a power cut.
// - A busy timeout: another SupportDesk on the same profile may be writing for a moment.
// - `PRAGMA user_version` is the schema version: a file written by a newer version is refused.
// - A damaged file (not a database, or a corrupt header or schema) is an error naming it and is
//   left untouched, or (OnDamage::MoveAside) is moved aside under a name that says so and a new
//   one is started; notice() then tells the user where the old one went.
// - One error convention: functions that can fail return a QString, empty on success, else a
//   sentence naming what failed; lastError() holds the last one.
#pragma once

#include <QByteArray>
#include <QString>

#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace sd {

class SqliteDb;

// A prepared statement, finalized when it goes out of scope.
class SqliteStatement
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    sqlite3_stmt *handle() const { return m_stmt; }

    // Ready for new values: resets the statement and clears its bindings.
    void reset();
    // Text as UTF-8; an empty one is bound as NULL unless `nullIfEmpty` is false.
    void bindText(int index, const QByteArray &utf8, bool nullIfEmpty = true);
    void bindText(int index, const std::string &utf8);
    void bindText(int index, const QString &text, bool nullIfEmpty = true) { bindText(index, text.toUtf8(), nullIfEmpty); }
    void bindBlob(int index, const QByteArray &bytes); // empty: an empty blob (not NULL)
    void bindInt64(int index, qint64 value);
    void bindNull(int index);

    // SQLITE_ROW, SQLITE_DONE or an error code (see SqliteDb::fail).
    int step();
    // step() that expects no row: empty on SQLITE_DONE, else the error, named by `what`.
    QString run(const char *what);

    bool isNull(int column) const;
    std::string_view text(int column) const;
    QString string(int column) const;
    QByteArray blob(int column) const;
    qint64 int64(int column) const;
    int int32(int column) const;
    double real(int column) const;

private:
    friend class SqliteDb;
    sqlite3_stmt *m_stmt = nullptr;
    SqliteDb *m_db = nullptr;
};

class SqliteDb
{
public:
    SqliteDb() = default;
    ~SqliteDb();
    SqliteDb(const SqliteDb &) = delete;
    SqliteDb &operator=(const SqliteDb &) = delete;

    enum class OnDamage { Refuse, MoveAside };
    // Opens (creates) `path` as described above. `what` names the file for messages ("the
    // offline outbox").
    QString open(const QString &path, const QString &what, OnDamage onDamage = OnDamage::Refuse);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    QString path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

    // When open() moved a damaged file aside: a sentence saying so and where it is. Else empty.
    QString notice() const { return m_notice; }

    // The schema version (PRAGMA user_version); -1 on error (see lastError()).
    int userVersion();
    QString setUserVersion(int version);
    // Refuses a file of a newer format than `supported`; returns its version in `*found`.
    QString checkVersion(int supported, int *found);

    // One or more statements without results.
    QString exec(const char *sql);
    // Prepares `sql` into `*out` (replacing what it held).
    QString prepare(const char *sql, SqliteStatement *out);
    qint64 lastInsertRowId() const;
    int changes() const;

    // Records and returns the database's current error, prefixed with `what`.
    QString fail(const char *what);
    QString lastError() const { return m_lastError; }

private:
    QString openOnce(const QString &path, int *code);

    sqlite3 *m_db = nullptr;
    QString m_path;
    QString m_notice;
    QString m_lastError;
};

// A write transaction (BEGIN IMMEDIATE: the write lock is taken at once, so a busy file is found
// before anything is done). Rolled back when it goes out of scope without commit().
class SqliteTransaction
{
public:
    explicit SqliteTransaction(SqliteDb &db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction &) = delete;
    SqliteTransaction &operator=(const SqliteTransaction &) = delete;

    QString error() const { return m_error; } // from BEGIN: nothing may be done then
    QString commit();

private:
    SqliteDb &m_db;
    QString m_error;
    bool m_open = false;
};

} // namespace sd
