#include "auditlog.h"

#include "privacy.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSet>
#include <QStandardPaths>
#include <QThread>

#include <nlohmann/json.hpp>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>
#include <map>

#ifdef Q_OS_WIN
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <io.h>
#include <windows.h>
#else
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using nlohmann::json;

namespace sd {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("sd::AuditLog", text, disambiguation, n);
}

// A line is one entry; embedded sessions are bounded by the response limit, so this is far
// above any entry we write and keeps a hostile file from taking all memory.
constexpr qsizetype kMaxLineBytes = 64 * 1024 * 1024;
// Sessions are shallow; a deeper body is kept as a string, so no entry we write is deeper than
// this plus the entry's own levels, and no line deeper than that is parsed (dump() recurses).
constexpr int kMaxBodyDepth = 64;
constexpr int kMaxLineDepth = kMaxBodyDepth + 4;
constexpr qint64 kMaxHeadBytes = 4096;
constexpr int kLockWaitMs = 10'000;
constexpr int kFormat = 2; // 2: intents, outcomes and a head file

bool depthWithin(const char *data, qsizetype size, int limit)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit)
                return false;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

bool isHexHash(const std::string &s)
{
    if (s.size() != 64)
        return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

std::optional<qint64> intOf(const json &j, const char *key)
{
    const auto it = j.find(key);
    if (it == j.end())
        return std::nullopt;
    if (it->is_number_unsigned()) {
        const auto v = it->get<std::uint64_t>();
        if (v > std::uint64_t(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        return qint64(v);
    }
    if (it->is_number_integer())
        return it->get<std::int64_t>();
    return std::nullopt;
}

bool isTrue(const json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

QString str(const json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

QByteArray rawOf(const json &j, const char *key)
{
    const auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return {};
    if (it->is_string())
        return QByteArray::fromStdString(it->get<std::string>()); // a body that was no JSON
    return QByteArray::fromStdString(it->dump(-1, ' ', false, json::error_handler_t::replace));
}

QByteArray hashOf(const json &withoutHash)
{
    // nlohmann's dump sorts keys: a canonical form.
    const std::string text = withoutHash.dump(-1, ' ', false, json::error_handler_t::replace);
    return QCryptographicHash::hash(QByteArrayView(text.data(), qsizetype(text.size())),
                                    QCryptographicHash::Sha256)
        .toHex();
}

// A line of the log, parsed: an object with the fields every entry has, of the right types.
// Else an explanation (for the message naming the line).
std::optional<json> parseEntry(const QByteArray &line, QString *why)
{
    if (line.size() > kMaxLineBytes) {
        *why = tr("it is longer than %1 bytes").arg(kMaxLineBytes);
        return std::nullopt;
    }
    if (!depthWithin(line.constData(), line.size(), kMaxLineDepth)) {
        *why = tr("it is nested more than %1 levels deep").arg(kMaxLineDepth);
        return std::nullopt;
    }
    json j = json::parse(line.begin(), line.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        *why = tr("it is not a JSON object");
        return std::nullopt;
    }
    const auto seq = intOf(j, "seq");
    if (!seq || *seq < 1) {
        *why = tr("\"seq\" is not a positive whole number");
        return std::nullopt;
    }
    const auto hash = j.find("hash");
    if (hash == j.end() || !hash->is_string() || !isHexHash(hash->get<std::string>())) {
        *why = tr("\"hash\" is not a SHA-256 in hex");
        return std::nullopt;
    }
    const auto prev = j.find("prev");
    if (prev == j.end() || !prev->is_string()
        || !(prev->get<std::string>().empty() || isHexHash(prev->get<std::string>()))) {
        *why = tr("\"prev\" is not a SHA-256 in hex");
        return std::nullopt;
    }
    for (const char *key : {"time", "user", "server", "order", "operation", "result", "phase"}) {
        const auto it = j.find(key);
        if (it != j.end() && !it->is_string()) {
            *why = tr("\"%1\" is not a string").arg(QString::fromLatin1(key));
            return std::nullopt;
        }
    }
    for (const char *key : {"status", "intent", "v"}) {
        if (j.contains(key) && !intOf(j, key)) {
            *why = tr("\"%1\" is not a whole number").arg(QString::fromLatin1(key));
            return std::nullopt;
        }
    }
    if (j.contains("damage") && !j["damage"].is_object()) {
        *why = tr("\"damage\" is not an object");
        return std::nullopt;
    }
    return j;
}

json bodyJson(const QByteArray &text)
{
    if (text.isEmpty())
        return nullptr;
    if (depthWithin(text.constData(), text.size(), kMaxBodyDepth)) {
        json j = json::parse(text.begin(), text.end(), nullptr, false);
        if (!j.is_discarded())
            return j;
    }
    return json(text.toStdString());
}

const char *phaseName(AuditEntry::Phase phase)
{
    switch (phase) {
    case AuditEntry::Phase::Intent: return "intent";
    case AuditEntry::Phase::Outcome: return "outcome";
    case AuditEntry::Phase::Record: break;
    }
    return nullptr;
}

json toJson(const AuditEntry &e)
{
    json j{{"v", kFormat},
           {"seq", e.seq},
           {"time", e.time.toUTC().toString(Qt::ISODateWithMs).toStdString()},
           {"user", e.user.toStdString()},
           {"server", e.server.toStdString()},
           {"order", e.orderId.toStdString()},
           {"operation", e.operation.toStdString()},
           {"before", bodyJson(e.before)},
           {"after", bodyJson(e.after)},
           {"result", e.result.toStdString()},
           {"status", e.httpStatus},
           {"prev", e.prevHash.toStdString()}};
    if (const char *phase = phaseName(e.phase))
        j["phase"] = phase;
    if (e.phase == AuditEntry::Phase::Outcome)
        j["intent"] = e.link;
    return j;
}

// Fills in seq, prev and hash; returns the line, newline included.
QByteArray seal(json &j, qint64 seq, const QByteArray &prev, QByteArray *hash)
{
    j["seq"] = seq;
    j["prev"] = prev.toStdString();
    j.erase("hash");
    *hash = hashOf(j);
    j["hash"] = hash->toStdString();
    return QByteArray::fromStdString(j.dump(-1, ' ', false, json::error_handler_t::replace)) + '\n';
}

// ---- the file ---------------------------------------------------------------------------------

bool syncFd(int fd)
{
#ifdef Q_OS_WIN
    return _commit(fd) == 0;
#elif defined(Q_OS_DARWIN)
    return ::fcntl(fd, F_FULLFSYNC) == 0 || ::fsync(fd) == 0;
#else
    return ::fdatasync(fd) == 0;
#endif
}

int dupFd(int fd)
{
#ifdef Q_OS_WIN
    return _dup(fd);
#else
    return ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
#endif
}

void closeFd(int fd)
{
#ifdef Q_OS_WIN
    _close(fd);
#else
    ::close(fd);
#endif
}

// After a file was created in its folder or renamed into it: makes the folder's entry durable
// too, or a power loss could leave the data synced but no name for it (POSIX).
void syncFolderOf(const QString &filePath)
{
#ifdef Q_OS_WIN
    Q_UNUSED(filePath); // NTFS journals the name with the file
#else
    const int fd = ::open(QFile::encodeName(QFileInfo(filePath).absolutePath()).constData(),
                          O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#endif
}

// Readers wait briefly for a writer to finish its batch, so they do not take a line being
// written for a torn one; they read anyway when it takes longer.
void lockShared(QFile &file)
{
#ifndef Q_OS_WIN
    QElapsedTimer waited;
    waited.start();
    while (::flock(file.handle(), LOCK_SH | LOCK_NB) != 0 && waited.elapsed() < 2000)
        QThread::msleep(2);
#else
    Q_UNUSED(file);
#endif
}

bool tryLock(QFile &file)
{
#ifdef Q_OS_WIN
    // A range past any real end: readers (verify, the viewer) are never blocked.
    OVERLAPPED ov = {};
    ov.Offset = 0xFFFFFFFE;
    ov.OffsetHigh = 0x7FFFFFFF;
    return LockFileEx(HANDLE(_get_osfhandle(file.handle())),
                      LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ov);
#else
    return ::flock(file.handle(), LOCK_EX | LOCK_NB) == 0;
#endif
}

void unlockFile(QFile &file)
{
#ifdef Q_OS_WIN
    OVERLAPPED ov = {};
    ov.Offset = 0xFFFFFFFE;
    ov.OffsetHigh = 0x7FFFFFFF;
    UnlockFileEx(HANDLE(_get_osfhandle(file.handle())), 0, 1, 0, &ov);
#else
    ::flock(file.handle(), LOCK_UN);
#endif
}

// True when `path` is no longer the file open as `file` (moved away, deleted, replaced).
bool replacedOnDisk(QFile &file, const QString &path)
{
#ifdef Q_OS_WIN
    return !QFileInfo::exists(path);
#else
    struct stat open = {}, named = {};
    if (::fstat(file.handle(), &open) != 0 || ::stat(QFile::encodeName(path).constData(), &named) != 0)
        return true;
    return open.st_ino != named.st_ino || open.st_dev != named.st_dev;
#endif
}

constexpr QFile::Permissions kOwnerOnly = QFile::ReadOwner | QFile::WriteOwner;

constexpr QFile::Permissions kGroupOrOther = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
                                           | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;

// The folder of a file holding personal data: created 0700; our default one tightened too.
void makePrivateFolder(const QString &filePath)
{
    const QString dir = QFileInfo(filePath).absolutePath();
    const QFile::Permissions owner = kOwnerOnly | QFile::ExeOwner;
    if (!QFileInfo::exists(dir)) {
        QDir().mkpath(QFileInfo(dir).absolutePath());
        QDir().mkdir(dir, owner);
    } else if (QFileInfo(dir) == QFileInfo(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
                                           + QStringLiteral("/SupportDesk"))
               && (QFileInfo(dir).permissions() & kGroupOrOther)) {
        QFile::setPermissions(dir, owner); // made by an earlier version
    }
}

struct Head
{
    bool exists = false;
    bool readable = false;
    QString problem;
    qint64 seq = 0;
    QByteArray hash;
};

Head readHead(const QString &path)
{
    Head h;
    QFile file(path);
    if (!file.exists())
        return h;
    h.exists = true;
    if (!file.open(QIODevice::ReadOnly)) {
        h.problem = file.errorString();
        return h;
    }
    const QByteArray text = file.read(kMaxHeadBytes + 1);
    json j = text.size() > kMaxHeadBytes ? json(json::value_t::discarded)
                                         : json::parse(text.begin(), text.end(), nullptr, false);
    const auto seq = j.is_object() ? intOf(j, "seq") : std::nullopt;
    const auto hash = j.is_object() ? j.find("hash") : j.end();
    if (!seq || *seq < 0 || !j.is_object() || hash == j.end() || !hash->is_string()
        || !(isHexHash(hash->get<std::string>()) || (*seq == 0 && hash->get<std::string>().empty()))) {
        h.problem = tr("it is not a head record");
        return h;
    }
    h.readable = true;
    h.seq = *seq;
    h.hash = QByteArray::fromStdString(hash->get<std::string>());
    return h;
}

// Replaces the head file atomically. A name of its own per writer, so two processes never
// write into one temporary file.
QString writeHead(const QString &headPath, qint64 seq, const QByteArray &hash)
{
    static std::atomic<int> counter{0};
    const QString temp = headPath + QStringLiteral(".%1-%2.tmp").arg(QCoreApplication::applicationPid()).arg(++counter);
    QFile file(temp);
    const QByteArray text = QByteArray::fromStdString(json{{"seq", seq}, {"hash", hash.toStdString()}}.dump()) + '\n';
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly) || file.write(text) != text.size()
        || !file.flush() || !syncFd(file.handle())) {
        const QString problem = file.errorString();
        file.remove();
        return tr("Cannot write the head file %1: %2").arg(headPath, problem);
    }
    file.close();
    std::error_code error;
    std::filesystem::rename(QFile::encodeName(temp).toStdString(), QFile::encodeName(headPath).toStdString(), error);
    if (error) {
        QFile::remove(temp);
        return tr("Cannot write the head file %1: %2").arg(headPath, QString::fromStdString(error.message()));
    }
    syncFolderOf(headPath);
    return {};
}

// Reads a file line by line with the byte offset of each line; a line is cut at kMaxLineBytes
// (marked too long) and the final line may lack its newline.
class LineReader
{
public:
    explicit LineReader(QFile &file) : m_file(file) {}

    struct Line
    {
        QByteArray text;     // without the newline
        qint64 start = 0;
        qint64 length = 0;   // newline included
        bool terminated = false;
        bool tooLong = false;
    };

    bool next(Line &line)
    {
        line = Line{};
        line.start = m_offset;
        for (;;) {
            const qsizetype nl = m_buffer.indexOf('\n', m_pos);
            if (nl >= 0) {
                take(line, nl - m_pos);
                m_pos = nl + 1;
                ++m_offset;
                ++line.length;
                line.terminated = true;
                return true;
            }
            take(line, m_buffer.size() - m_pos);
            m_buffer = m_file.read(1 << 20);
            m_pos = 0;
            if (m_buffer.isEmpty())
                return line.length > 0;
        }
    }

private:
    void take(Line &line, qsizetype n)
    {
        line.length += n;
        m_offset += n;
        if (!line.tooLong && line.text.size() + n > kMaxLineBytes) {
            line.tooLong = true;
            line.text.clear();
        }
        if (!line.tooLong)
            line.text.append(m_buffer.constData() + m_pos, n);
        m_pos += n;
    }

    QFile &m_file;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_offset = 0;
};

// SHA-256 of the bytes [from, from + length) of `path`.
QByteArray hashOfRange(const QString &path, qint64 from, qint64 length)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(from))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    while (length > 0) {
        const QByteArray block = file.read(std::min<qint64>(length, 1 << 20));
        if (block.isEmpty())
            return {};
        hash.addData(block);
        length -= block.size();
    }
    return hash.result().toHex();
}

QString operationText(Operation op)
{
    switch (op) {
    case Operation::Create: return QStringLiteral("create");
    case Operation::Update: return QStringLiteral("update");
    case Operation::Close: return QStringLiteral("close");
    case Operation::AssignAgent: return QStringLiteral("assign");
    case Operation::UnassignAgent: return QStringLiteral("unassign");
    case Operation::Fetch:
    case Operation::FetchAgent: break;
    }
    return QStringLiteral("read");
}

const QString kDamagedTail = QStringLiteral("damaged-tail");

// An entry as parseEntry() accepted it. An outcome's link is the seq of its intent.
AuditEntry entryOf(const json &j)
{
    AuditEntry e;
    e.seq = *intOf(j, "seq");
    e.time = QDateTime::fromString(str(j, "time"), Qt::ISODateWithMs);
    e.user = str(j, "user");
    e.server = str(j, "server");
    e.orderId = str(j, "order");
    e.operation = str(j, "operation");
    e.before = rawOf(j, "before");
    e.after = rawOf(j, "after");
    e.result = str(j, "result");
    e.httpStatus = int(std::clamp<qint64>(intOf(j, "status").value_or(0), 0, 999));
    e.prevHash = str(j, "prev").toLatin1();
    e.hash = str(j, "hash").toLatin1();
    const QString phase = str(j, "phase");
    if (phase == QLatin1String("intent")) {
        e.phase = AuditEntry::Phase::Intent;
    } else if (phase == QLatin1String("outcome")) {
        e.phase = AuditEntry::Phase::Outcome;
        e.link = intOf(j, "intent").value_or(0);
    }
    return e;
}

} // namespace

QString currentUserName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

QString defaultAuditLogPath()
{
    const QString overridden = qEnvironmentVariable("SUPPORTDESK_AUDIT_LOG");
    if (!overridden.isEmpty())
        return overridden;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
         + QStringLiteral("/SupportDesk/audit.log");
}

// ---- AuditLog ---------------------------------------------------------------------------------

AuditLog::AuditLog(QString path) : m_path(std::move(path)) {}

AuditLog::~AuditLog() = default;

QString AuditLog::openLocked()
{
    for (int attempt = 0;; ++attempt) {
        if (!m_file.isOpen()) {
            makePrivateFolder(m_path);
            m_file.setFileName(m_path);
            const bool created = !m_file.exists();
            if (!m_file.open(QIODevice::ReadWrite | QIODevice::Append | QIODevice::Unbuffered, kOwnerOnly))
                return tr("Cannot open the audit log %1: %2").arg(m_path, m_file.errorString());
            if (created)
                syncFolderOf(m_path); // its name survives a power loss like its entries
            if (m_file.permissions() & kGroupOrOther)
                m_file.setPermissions(kOwnerOnly); // written by an earlier version
            m_headKnown = false;
        }
        QElapsedTimer waited;
        waited.start();
        while (!tryLock(m_file)) {
            if (waited.elapsed() > kLockWaitMs)
                return tr("The audit log %1 is locked by another program.").arg(m_path);
            QThread::msleep(5);
        }
        if (attempt > 0 || !replacedOnDisk(m_file, m_path))
            break;
        unlockFile(m_file); // moved away or deleted: go on in the file of that name
        m_file.close();
    }
    m_locked = true;
    if (m_file.size() != m_size)
        m_headKnown = false; // another process appended (or worse): read the head again
    return {};
}

void AuditLog::unlock()
{
    if (m_locked)
        unlockFile(m_file);
    m_locked = false;
}

// Finds the chain's head: the last line that is an entry. What follows it (a line torn by a
// crash, lines that are no entries) and an end shorter than the head file records become one
// sealing entry, returned as the bytes to write first, so the damage stays on record and
// appends go on. Without a head file, one is written for what is on disk before anything is
// appended (`problem` when that fails).
QByteArray AuditLog::loadHead(QString *problem)
{
    const qint64 size = m_file.size();
    const auto newlineBefore = [this](qint64 before) -> qint64 {
        while (before > 0) {
            const qint64 from = std::max<qint64>(0, before - (1 << 16));
            if (!m_file.seek(from))
                return -1;
            const QByteArray block = m_file.read(before - from);
            const qsizetype at = block.lastIndexOf('\n');
            if (at >= 0)
                return from + at;
            if (block.size() != before - from)
                return -1;
            before = from;
        }
        return -1;
    };
    qint64 goodEnd = 0;
    qint64 lastSeq = 0;
    QByteArray lastHash;
    int lastFormat = 0;
    const qint64 lastNewline = newlineBefore(size);
    for (qint64 lineEnd = lastNewline; lineEnd >= 0;) {
        const qint64 lineStart = newlineBefore(lineEnd) + 1;
        if (lineEnd - lineStart <= kMaxLineBytes && m_file.seek(lineStart)) {
            QString why;
            if (const auto j = parseEntry(m_file.read(lineEnd - lineStart), &why)) {
                goodEnd = lineEnd + 1;
                lastSeq = *intOf(*j, "seq");
                lastHash = QByteArray::fromStdString((*j)["hash"].get<std::string>());
                lastFormat = int(intOf(*j, "v").value_or(1));
                break;
            }
        }
        lineEnd = lineStart - 1;
    }
    const Head head = readHead(headPath(m_path));
    if (!head.exists) {
        // Else a crash or a full disk while the first batch syncs (the sync writes the head)
        // would leave entries without a head file, sealed as a removal on the next append.
        // The entries now on disk are synced first: the head never claims more.
        if (size > 0 && !syncFd(m_file.handle())) {
            *problem = tr("Cannot write the audit log %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
            return {};
        }
        *problem = writeHead(headPath(m_path), lastSeq, lastHash);
        if (!problem->isEmpty())
            return {};
    }
    m_size = size;
    m_seq = lastSeq;
    m_hash = lastHash;
    m_headKnown = true;

    json damage = json::object();
    QStringList what;
    const qint64 damaged = size - goodEnd;
    bool torn = false;
    if (damaged > 0) {
        m_file.seek(size - 1);
        torn = m_file.read(1) != "\n";
        damage["bytes"] = damaged;
        damage["sha256"] = hashOfRange(m_path, goodEnd, damaged).toStdString();
        damage["torn"] = torn;
        const int n = int(std::min<qint64>(damaged, std::numeric_limits<int>::max()));
        // Only a last line without its newline is what an interrupted append leaves.
        what << (torn && lastNewline < goodEnd
                     ? tr("%n byte(s) at its end were cut off by an interrupted write", nullptr, n)
                     : tr("%n byte(s) at its end are not audit entries", nullptr, n));
    }
    if (head.exists && !head.readable) {
        damage["head"] = "unreadable";
        what << tr("its head file was not readable (%1)").arg(head.problem);
    } else if (head.readable && (head.seq > lastSeq || (head.seq == lastSeq && head.hash != lastHash))) {
        damage["head_seq"] = head.seq;
        damage["head_hash"] = head.hash.toStdString();
        what << tr("it ends at entry %1, but entry %2 had been written: entries were removed from its end")
                    .arg(lastSeq).arg(head.seq);
    } else if (!head.exists && lastFormat >= kFormat) {
        damage["head"] = "missing";
        what << tr("its head file was missing");
    }
    if (damage.empty())
        return {};
    AuditEntry e;
    e.time = QDateTime::currentDateTimeUtc();
    e.user = currentUserName();
    e.operation = kDamagedTail;
    e.result = what.join(QStringLiteral("; "));
    json j = toJson(e);
    j["damage"] = damage;
    QByteArray out;
    if (torn)
        out += '\n'; // the seal starts a line of its own; the torn bytes stay as they are
    out += seal(j, ++m_seq, m_hash, &m_hash);
    m_notice = tr("The audit log %1 was damaged: %2. The damage is recorded in entry %3.")
                   .arg(m_path, e.result).arg(m_seq);
    return out;
}

AuditLog::Sync::Sync(Sync &&other) noexcept
    : fd(std::exchange(other.fd, -1)), headPath(std::move(other.headPath)), seq(other.seq),
      hash(std::move(other.hash))
{
}

AuditLog::Sync &AuditLog::Sync::operator=(Sync &&other) noexcept
{
    std::swap(fd, other.fd);
    headPath = std::move(other.headPath);
    seq = other.seq;
    hash = std::move(other.hash);
    return *this;
}

AuditLog::Sync::~Sync()
{
    if (fd >= 0)
        closeFd(fd);
}

QString AuditLog::Sync::run()
{
    if (fd < 0)
        return {};
    const bool synced = syncFd(fd);
    closeFd(std::exchange(fd, -1));
    if (!synced)
        return tr("Cannot write the audit log: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    // Only now the head: it never claims an entry that is not on disk.
    return writeHead(headPath, seq, hash);
}

QString AuditLog::append(AuditEntry entry)
{
    std::vector<AuditEntry> one{std::move(entry)};
    return append(one);
}

QString AuditLog::append(std::vector<AuditEntry> &entries)
{
    Sync sync;
    const QString problem = write(entries, &sync);
    return problem.isEmpty() ? sync.run() : problem;
}

QString AuditLog::write(std::vector<AuditEntry> &entries, Sync *sync)
{
    if (entries.empty())
        return {};
    QString problem = openLocked();
    if (!problem.isEmpty())
        return problem;
    const auto done = qScopeGuard([this] { unlock(); });

    QByteArray out;
    if (!m_headKnown) {
        out = loadHead(&problem); // and seal what is damaged
        if (!problem.isEmpty())
            return problem;
    }
    qint64 seq = m_seq;
    QByteArray prev = m_hash;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (AuditEntry &e : entries) {
        if (!e.time.isValid())
            e.time = now;
        json j = toJson(e);
        e.prevHash = prev;
        e.seq = ++seq;
        out += seal(j, seq, prev, &e.hash);
        prev = e.hash;
    }
    // One write of whole lines: a crash leaves whole entries and at most one torn line, which
    // the next append seals.
    const qint64 before = m_size;
    const int duplicate = m_file.write(out) == out.size() ? dupFd(m_file.handle()) : -1;
    if (duplicate < 0) {
        problem = tr("Cannot write the audit log %1: %2").arg(m_path, m_file.errorString());
        m_file.resize(before); // never synced, never reported: take it back
        m_headKnown = false;   // and look again next time (a seal in `out` is not written)
        return problem;
    }
    m_size = before + out.size();
    m_seq = seq;
    m_hash = prev;
    sync->fd = duplicate;
    sync->headPath = headPath(m_path);
    sync->seq = seq;
    sync->hash = prev;
    return {};
}

// ---- reading ----------------------------------------------------------------------------------

AuditVerification AuditLog::verify(const QString &path)
{
    AuditVerification v;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (file.exists()) {
            v.intact = false;
            v.reason = tr("Cannot read %1: %2").arg(path, file.errorString());
            return v;
        }
        // No log yet is an empty, intact chain; unless its head file says entries were written.
        const QString headFile = headPath(path);
        const Head head = readHead(headFile);
        if (head.exists && !head.readable) {
            v.intact = false;
            v.reason = tr("The head file %1 cannot be read: %2.").arg(headFile, head.problem);
        } else if (head.readable && head.seq > 0) {
            v.intact = false;
            v.firstBroken = 1;
            v.reason = tr("The audit log %1 is missing, but its head file %2 records that entry %3 had "
                          "been written: the log was removed.").arg(path, headFile).arg(head.seq);
        }
        return v;
    }
    lockShared(file);
    const Head head = readHead(headPath(path));
    const auto broken = [&v](qint64 line, const QString &why) {
        if (!v.intact)
            return; // the first one counts
        v.intact = false;
        v.firstBroken = line;
        v.reason = why;
    };

    LineReader reader(file);
    LineReader::Line line;
    qint64 lineNo = 0;
    qint64 expected = 1;
    QByteArray prev;
    qint64 goodEnd = 0;       // offset after the last entry
    qint64 damageLine = 0;    // first line after it that is no entry, 0: none
    QString damageWhy;
    bool damageTorn = false;
    QByteArray hashAtHead;
    qint64 headLine = 0;
    qint64 sealedLine = 0;
    QString sealedWhy;
    int format = 0;
    std::map<qint64, std::pair<qint64, QString>> open; // intent seq -> line, order
    while (v.intact && reader.next(line)) {
        ++lineNo;
        QString why = tr("it is longer than %1 bytes").arg(kMaxLineBytes);
        const std::optional<json> parsed = line.tooLong ? std::nullopt : parseEntry(line.text, &why);
        if (!parsed) {
            if (damageLine == 0) {
                damageLine = lineNo;
                damageWhy = why;
            }
            damageTorn = !line.terminated;
            continue;
        }
        json j = *parsed;
        const qint64 seq = *intOf(j, "seq");
        const QByteArray stated = QByteArray::fromStdString(j["hash"].get<std::string>());
        const bool isSeal = str(j, "operation") == kDamagedTail && j.contains("damage");
        const json damage = isSeal ? j["damage"] : json::object();
        const qint64 sealedBytes = intOf(damage, "bytes").value_or(0);
        // What an interrupted append leaves: one line without its newline, nothing else.
        const bool interrupted = damageLine == lineNo - 1 && damage.size() == 3 && isTrue(damage, "torn");
        if (damageLine != 0) {
            // Lines that are no entries are accepted only when a seal right after them
            // records exactly those bytes.
            const qint64 region = line.start - goodEnd;
            const bool tornSeal = isTrue(damage, "torn");
            const qint64 recorded = region - (tornSeal ? 1 : 0);
            const auto sha = damage.find("sha256");
            if (!isSeal || sealedBytes != recorded || sha == damage.end() || !sha->is_string()
                || QByteArray::fromStdString(sha->get<std::string>()) != hashOfRange(path, goodEnd, recorded)) {
                broken(damageLine, tr("Line %1 is not an audit entry: %2.").arg(damageLine).arg(damageWhy));
                break;
            }
            damageLine = 0;
        } else if (sealedBytes > 0) {
            broken(lineNo, tr("Line %1 records damage that is not there.").arg(lineNo));
            break;
        }
        j.erase("hash");
        if (hashOf(j) != stated) {
            broken(lineNo, tr("Line %1 was changed after it was written.").arg(lineNo));
            break;
        }
        if (QByteArray::fromStdString(j["prev"].get<std::string>()) != prev) {
            broken(lineNo, tr("Line %1 does not follow the entry before it (an entry was removed, "
                              "inserted or moved).").arg(lineNo));
            break;
        }
        if (seq != expected) {
            broken(lineNo, tr("Line %1 carries sequence number %2 instead of %3.").arg(lineNo).arg(seq).arg(expected));
            break;
        }
        if (isSeal) {
            const QString what = str(j, "result");
            if (sealedBytes > 0 && interrupted)
                v.notes << tr("Entry %1 (line %2) seals a write cut off by an interruption: %3. "
                              "The entries after it are intact.").arg(seq).arg(lineNo).arg(what);
            else if (sealedLine == 0) {
                // Reported, but the chain after it is still checked.
                sealedLine = lineNo;
                sealedWhy = tr("Entry %1 (line %2) records damage found before it was written: %3.")
                                .arg(seq).arg(lineNo).arg(what);
            }
        }
        const QString phase = str(j, "phase");
        if (phase == QLatin1String("intent"))
            open[seq] = {lineNo, str(j, "order")};
        else if (phase == QLatin1String("outcome"))
            open.erase(intOf(j, "intent").value_or(0));
        format = std::max(format, int(intOf(j, "v").value_or(1)));
        if (head.readable && seq == head.seq) {
            hashAtHead = stated;
            headLine = lineNo;
        }
        prev = stated;
        goodEnd = line.start + line.length;
        ++expected;
        v.entries = seq;
    }
    if (damageLine != 0)
        broken(damageLine, damageTorn && damageLine == lineNo
                               ? tr("Line %1 was cut off by an interrupted write; the next change "
                                    "recorded seals it.").arg(damageLine)
                               : tr("Line %1 is not an audit entry: %2.").arg(damageLine).arg(damageWhy));
    const QString headFile = headPath(path);
    if (head.exists && !head.readable)
        broken(lineNo + 1, tr("The head file %1 cannot be read: %2.").arg(headFile, head.problem));
    else if (head.readable && head.seq > v.entries)
        broken(lineNo + 1, tr("The log ends at entry %1, but entry %2 was written (%3): entries were "
                              "removed from its end.").arg(v.entries).arg(head.seq).arg(headFile));
    else if (head.readable && head.seq > 0 && hashAtHead != head.hash)
        broken(headLine, tr("Entry %1 (line %2) is not the one recorded in %3.").arg(head.seq).arg(headLine).arg(headFile));
    else if (!head.exists && format >= kFormat)
        broken(lineNo + 1, tr("The head file %1 is missing, so entries removed from the end of the "
                              "log would not show.").arg(headFile));
    if (sealedLine != 0)
        broken(sealedLine, sealedWhy);
    if (!open.empty()) {
        v.unknownOutcomes = qint64(open.size());
        QStringList which;
        for (const auto &[seq, where] : open) {
            if (which.size() == 10) {
                which << QStringLiteral("…");
                break;
            }
            which << tr("entry %1 (order %2)").arg(seq).arg(where.second);
        }
        v.notes << tr("%n write(s) with outcome unknown (sent, but no outcome was recorded): %1.",
                      nullptr, int(open.size())).arg(which.join(QStringLiteral(", ")));
    }
    return v;
}

std::vector<AuditEntry> AuditLog::read(const QString &path, QString *error, QStringList *skipped)
{
    std::vector<AuditEntry> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error && file.exists())
            *error = file.errorString();
        return out;
    }
    lockShared(file);
    LineReader reader(file);
    LineReader::Line line;
    qint64 lineNo = 0;
    QHash<qint64, size_t> intents;
    while (reader.next(line)) {
        ++lineNo;
        QString why;
        const std::optional<json> parsed = line.tooLong ? std::nullopt : parseEntry(line.text, &why);
        if (!parsed) {
            if (skipped)
                skipped->append(tr("%1 line %2 is not an audit entry: %3.")
                                    .arg(path).arg(lineNo)
                                    .arg(line.tooLong ? tr("it is longer than %1 bytes").arg(kMaxLineBytes) : why));
            continue;
        }
        AuditEntry e = entryOf(*parsed);
        if (e.phase == AuditEntry::Phase::Intent) {
            intents.insert(e.seq, out.size());
        } else if (e.phase == AuditEntry::Phase::Outcome) {
            const auto it = intents.constFind(e.link);
            if (it != intents.constEnd()) {
                AuditEntry &intent = out[*it];
                intent.link = e.seq;
                if (e.before.isEmpty())
                    e.before = intent.before; // the outcome row shows the whole change
                intents.erase(it);
            }
        }
        out.push_back(std::move(e));
    }
    for (AuditEntry &e : out)
        if (e.phase == AuditEntry::Phase::Intent)
            e.result = e.link ? tr("intent (outcome in entry %1)").arg(e.link) : tr("outcome unknown");
    return out;
}

QByteArray AuditLog::exportCsv(const std::vector<AuditEntry> &entries, bool unmasked)
{
    const auto field = [unmasked](const QString &raw) -> QString {
        return csvCell(unmasked ? raw : maskPersonalData(raw)); // quoted, formulas neutralised
    };
    QString out = QStringLiteral("seq,time,user,server,order,operation,result,status,before,after,hash\r\n");
    for (const AuditEntry &e : entries) {
        QStringList row{QString::number(e.seq), e.time.toString(Qt::ISODateWithMs), field(e.user),
                        field(e.server), field(e.orderId), csvCell(e.operation), field(e.result),
                        QString::number(e.httpStatus), field(QString::fromUtf8(e.before)),
                        field(QString::fromUtf8(e.after)), QString::fromLatin1(e.hash)};
        out += row.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

// ---- AuditOrderIndex --------------------------------------------------------------------------

namespace {

// The order IDs named in a line, as written (JSON-escaped): the value after each `"order":"`.
// A quote inside a string is written escaped, so the key can only be a key; one in a stored
// body names no entry's order, and the line's parse weeds it out.
template<typename F>
void forEachOrderIn(const QByteArray &line, F &&take)
{
    static const QByteArray key = QByteArrayLiteral("\"order\":\"");
    for (qsizetype at = line.indexOf(key); at >= 0; at = line.indexOf(key, at + 1)) {
        const qsizetype from = at + key.size();
        for (qsizetype i = from; i < line.size(); ++i) {
            if (line[i] == '\\') {
                ++i;
            } else if (line[i] == '"') {
                take(QByteArray::fromRawData(line.constData() + from, i - from));
                break;
            }
        }
    }
}

QByteArray escapedOrder(const QString &orderId)
{
    const std::string text = json(orderId.toStdString()).dump(-1, ' ', false, json::error_handler_t::replace);
    return QByteArray::fromStdString(text.substr(1, text.size() - 2));
}

constexpr qsizetype kTailCheckBytes = 64;

} // namespace

AuditOrderIndex::AuditOrderIndex(QString path) : m_path(std::move(path)) {}

void AuditOrderIndex::setPath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    reset();
}

void AuditOrderIndex::reset()
{
    m_indexed = 0;
    m_tailCheck.clear();
    m_lines.clear();
}

QString AuditOrderIndex::update(QFile &file)
{
    const qint64 size = file.size();
    if (size < m_indexed) {
        reset(); // shrank: another file now
    } else if (m_indexed > 0) {
        if (!file.seek(m_indexed - m_tailCheck.size()))
            return file.errorString();
        if (file.read(m_tailCheck.size()) != m_tailCheck)
            reset(); // replaced by another file at least as long
    }
    if (size == m_indexed)
        return {};
    if (!file.seek(m_indexed))
        return file.errorString();
    LineReader reader(file);
    LineReader::Line line;
    const qint64 base = m_indexed;
    while (reader.next(line)) {
        if (!line.terminated)
            break; // being written, or torn: looked at again once a newline follows it
        const qint64 start = base + line.start;
        if (!line.tooLong) {
            QByteArray last;
            forEachOrderIn(line.text, [&](const QByteArray &order) {
                if (order == last)
                    return;
                last = QByteArray(order.constData(), order.size());
                auto it = m_lines.find(order);
                if (it == m_lines.end())
                    it = m_lines.insert(last, {});
                it->push_back({start, line.length - 1});
            });
        }
        m_indexed = start + line.length;
    }
    const qint64 check = std::min<qint64>(kTailCheckBytes, m_indexed);
    m_tailCheck.clear();
    if (check > 0 && file.seek(m_indexed - check))
        m_tailCheck = file.read(check);
    return {};
}

std::vector<AuditEntry> AuditOrderIndex::entriesFor(const QString &orderId, const QString &server,
                                                    int limit, QStringList *skipped, QString *error)
{
    std::vector<AuditEntry> out;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error && file.exists())
            *error = file.errorString();
        reset();
        return out;
    }
    if (const QString problem = update(file); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return out;
    }
    const auto lines = m_lines.constFind(escapedOrder(orderId));
    if (lines == m_lines.constEnd())
        return out;
    constexpr size_t kOther = std::numeric_limits<size_t>::max(); // an outcome not returned
    QHash<qint64, size_t> outcomeOf; // intent seq -> its outcome in `out` (or kOther)
    qsizetype awaited = 0;           // outcomes in `out` whose intent is still to come
    const auto full = [&] { return limit >= 0 && out.size() >= size_t(limit); };
    for (auto it = lines->crbegin(); it != lines->crend(); ++it) {
        if (full() && awaited == 0)
            break;
        QByteArray text;
        if (it->length <= kMaxLineBytes && file.seek(it->start))
            text = file.read(it->length);
        QString why = tr("it is longer than %1 bytes").arg(kMaxLineBytes);
        const std::optional<json> parsed = text.size() == it->length ? parseEntry(text, &why) : std::nullopt;
        if (!parsed) {
            if (skipped)
                skipped->append(tr("%1: the line at byte %2 is not an audit entry: %3.")
                                    .arg(m_path).arg(it->start).arg(why));
            continue;
        }
        AuditEntry e = entryOf(*parsed);
        if (e.orderId != orderId)
            continue; // the name was in a stored body
        const bool wanted = !full() && (server.isEmpty() || e.server.isEmpty() || e.server == server);
        if (e.phase == AuditEntry::Phase::Intent) {
            const auto outcome = outcomeOf.constFind(e.seq);
            if (outcome != outcomeOf.constEnd()) {
                if (*outcome != kOther) {
                    AuditEntry &o = out[*outcome];
                    if (o.before.isEmpty())
                        o.before = e.before; // the outcome shows the whole change
                    --awaited;
                }
                outcomeOf.erase(outcome);
                continue;
            }
            e.result = tr("outcome unknown");
        } else if (e.phase == AuditEntry::Phase::Outcome && e.link > 0) {
            outcomeOf.insert(e.link, wanted ? out.size() : kOther);
            awaited += wanted;
        }
        if (wanted)
            out.push_back(std::move(e));
    }
    return out;
}

// ---- AuditRecorder ----------------------------------------------------------------------------

AuditRecorder::AuditRecorder(const QString &path, QObject *parent)
    : QObject(parent), m_log(path), m_user(currentUserName())
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, &AuditRecorder::flush);
    m_syncer.setMaxThreadCount(1); // in order: the head file never goes back
}

AuditRecorder::~AuditRecorder()
{
    if (m_client)
        m_client->setWriteJournal(nullptr);
    m_syncer.waitForDone();
    if (!m_pending.empty()) // their owners are going away with us: no reports
        m_log.append(m_pending);
}

void AuditRecorder::attach(ApiClient *client)
{
    if (m_client)
        m_client->setWriteJournal(nullptr);
    m_client = client;
    if (client)
        client->setWriteJournal(this);
}

QString AuditRecorder::server() const
{
    return m_client ? m_client->config().baseUrl.adjusted(QUrl::RemoveUserInfo).toString() : QString();
}

void AuditRecorder::setBeforeLookup(std::function<std::optional<Support>(const QString &)> lookup)
{
    m_lookup = std::move(lookup);
}

AuditEntry AuditRecorder::intentFor(Operation operation, const QString &orderId,
                                    const QString &server, const std::optional<Support> &before) const
{
    AuditEntry e;
    e.phase = AuditEntry::Phase::Intent;
    e.user = m_user;
    e.server = server;
    e.orderId = orderId;
    e.operation = operationText(operation);
    std::optional<Support> known = before;
    if (!known && m_lookup)
        known = m_lookup(orderId);
    if (known)
        e.before = QByteArray::fromStdString(serialize(*known));
    return e;
}

qint64 AuditRecorder::write(std::vector<AuditEntry> &entries, QString *problem)
{
    AuditLog::Sync sync;
    *problem = m_log.write(entries, &sync);
    const QString notice = m_log.takeNotice();
    if (!notice.isEmpty())
        Q_EMIT this->problem(notice);
    if (!problem->isEmpty())
        return 0;
    const qint64 batch = ++m_lastBatch;
    for (auto &report : m_unwritten) // their outcomes were in `entries`
        m_unsynced.emplace_back(batch, std::move(report));
    m_unwritten.clear();
    auto task = std::make_shared<AuditLog::Sync>(std::move(sync));
    m_syncer.start([this, task, batch] {
        const QString failed = task->run();
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_syncedBatch = batch;
            if (!failed.isEmpty())
                m_failedBatches.insert(batch, failed);
        }
        m_syncedChanged.notify_all();
        QMetaObject::invokeMethod(this, [this, batch, failed] { onSynced(batch, failed); },
                                  Qt::QueuedConnection);
    });
    return batch;
}

QString AuditRecorder::waitUntilSynced(qint64 batch)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    const auto done = [&] { return m_syncedBatch >= batch || m_failedBatches.contains(batch); };
    const QString timedOut = tr("The disk did not confirm the audit log %1 within a minute.").arg(m_log.path());
    // Syncs run in order: while one that timed out is still stuck, none after it can end, and
    // each write would block the caller another minute.
    if (m_syncedBatch < m_stalledBatch && !done())
        return timedOut;
    if (!m_syncedChanged.wait_for(lock, std::chrono::minutes(1), done)) {
        m_stalledBatch = std::max(m_stalledBatch, batch);
        m_failedBatches.insert(batch, timedOut); // its other intents were not sent either
        return timedOut;
    }
    return m_failedBatches.value(batch);
}

void AuditRecorder::onSynced(qint64 batch, const QString &problem)
{
    if (!problem.isEmpty())
        Q_EMIT this->problem(problem); // the writes are done on the server: reported anyway
    // Reports in the order their outcomes were written.
    auto done = std::stable_partition(m_unsynced.begin(), m_unsynced.end(),
                                      [batch](const auto &r) { return r.first <= batch; });
    std::vector<std::function<void()>> reports;
    for (auto it = m_unsynced.begin(); it != done; ++it)
        reports.push_back(std::move(it->second));
    m_unsynced.erase(m_unsynced.begin(), done);
    for (const auto &report : reports)
        report();
}

QString AuditRecorder::reserve(Operation operation, const QStringList &orderIds)
{
    if (orderIds.isEmpty())
        return {};
    const QString server = m_client ? m_client->config().baseUrl.adjusted(QUrl::RemoveUserInfo).toString() : QString();
    std::vector<AuditEntry> entries = std::exchange(m_pending, {});
    const size_t outcomes = entries.size();
    for (const QString &id : orderIds)
        entries.push_back(intentFor(operation, id, server, std::nullopt));
    QString problem;
    const qint64 batch = write(entries, &problem);
    if (batch == 0) {
        entries.resize(outcomes);
        m_pending = std::move(entries);
        Q_EMIT this->problem(problem);
        return problem;
    }
    m_flushTimer.stop();
    for (size_t i = outcomes; i < entries.size(); ++i)
        m_reserved[qMakePair(int(operation), entries[i].orderId)].append(qMakePair(entries[i].seq, batch));
    return {};
}

void AuditRecorder::notSent(Operation operation, const QString &orderId, const QString &server, qint64 intent)
{
    AuditEntry e;
    e.phase = AuditEntry::Phase::Outcome;
    e.link = intent;
    e.user = m_user;
    e.server = server;
    e.orderId = orderId;
    e.operation = operationText(operation);
    e.result = tr("not sent");
    m_pending.push_back(std::move(e));
}

void AuditRecorder::unreserve(Operation operation, const QStringList &orderIds)
{
    const QString server = m_client ? m_client->config().baseUrl.adjusted(QUrl::RemoveUserInfo).toString() : QString();
    for (const QString &id : orderIds) {
        const auto it = m_reserved.find(qMakePair(int(operation), id));
        if (it == m_reserved.end())
            continue;
        const qint64 intent = it->takeFirst().first;
        if (it->isEmpty())
            m_reserved.erase(it);
        notSent(operation, id, server, intent);
    }
    scheduleFlush();
}

QString AuditRecorder::writeStarting(const ApiClient &client, const ApiReply &reply, qint64 *id)
{
    m_writing.removeAll(nullptr);
    const auto reserved = m_reserved.find(qMakePair(int(reply.operation()), reply.orderId()));
    qint64 batch = 0;
    if (reserved != m_reserved.end()) {
        const auto [seq, reservedIn] = reserved->takeFirst();
        if (reserved->isEmpty())
            m_reserved.erase(reserved);
        *id = seq;
        batch = reservedIn;
    } else {
        std::optional<Support> before;
        if (const auto *s = qobject_cast<const SupportReply *>(&reply))
            before = s->before();
        std::vector<AuditEntry> entries = std::exchange(m_pending, {});
        entries.push_back(intentFor(reply.operation(), reply.orderId(),
                                    client.config().baseUrl.adjusted(QUrl::RemoveUserInfo).toString(), before));
        QString problem;
        batch = write(entries, &problem);
        if (batch == 0) {
            entries.pop_back();
            m_pending = std::move(entries);
            return tr("The audit trail could not be written, so nothing was sent. %1").arg(problem);
        }
        m_flushTimer.stop();
        *id = entries.back().seq;
    }
    // Nothing leaves before its intent is on disk.
    const QString problem = waitUntilSynced(batch);
    if (!problem.isEmpty()) {
        // The intent may be in the file all the same: closed, not left as "outcome unknown".
        notSent(reply.operation(), reply.orderId(),
                client.config().baseUrl.adjusted(QUrl::RemoveUserInfo).toString(), *id);
        scheduleFlush();
        return tr("The audit trail could not be written, so nothing was sent. %1").arg(problem);
    }
    m_writing.append(const_cast<ApiReply *>(&reply));
    return {};
}

void AuditRecorder::writeFinished(const ApiReply &reply, qint64 id, std::function<void()> report)
{
    m_writing.removeAll(const_cast<ApiReply *>(&reply));
    m_writing.removeAll(nullptr);
    AuditEntry e;
    e.phase = AuditEntry::Phase::Outcome;
    e.link = id;
    e.user = m_user;
    e.server = m_client ? m_client->config().baseUrl.adjusted(QUrl::RemoveUserInfo).toString() : QString();
    e.orderId = reply.orderId();
    e.operation = operationText(reply.operation());
    if (reply.isOk())
        e.after = reply.rawBody();
    e.result = reply.isOk() ? QStringLiteral("ok") : reply.error().message();
    e.httpStatus = reply.httpStatus();
    m_pending.push_back(std::move(e));
    m_unwritten.push_back(std::move(report));
    scheduleFlush();
}

void AuditRecorder::scheduleFlush()
{
    // Batches while writes are in flight; at once when the last one ended.
    if (m_pending.size() >= 100 || m_writing.isEmpty())
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void AuditRecorder::flush()
{
    m_flushTimer.stop();
    if (m_pending.empty())
        return;
    std::vector<AuditEntry> entries = std::exchange(m_pending, {});
    QString problem;
    if (write(entries, &problem) != 0)
        return;
    m_pending = std::move(entries); // tried again with the next batch
    // Their writes are done on the server: reported, with the warning, rather than never.
    QMetaObject::invokeMethod(this, [reports = std::exchange(m_unwritten, {})] {
        for (const auto &report : reports)
            report();
    }, Qt::QueuedConnection);
    Q_EMIT this->problem(problem);
}

} // namespace sd
