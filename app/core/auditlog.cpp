#include "auditlog.h"
#include "auditlog_p.h"

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


namespace sd {

namespace auditdetail {

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

} // namespace auditdetail

using namespace auditdetail;

namespace {

Head readHeadFile(const QString &path)
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

} // namespace

Head auditdetail::readHead(const QString &path)
{
    return readHeadFile(path);
}

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

} // namespace sd
