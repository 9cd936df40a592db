#include "privatefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sd {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sd::PrivateFile", text);
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Restricts the process umask for its lifetime (umask is process-wide: kept short).
class RestrictiveUmask
{
public:
    RestrictiveUmask() : m_old(::umask(077)) {}
    ~RestrictiveUmask() { ::umask(m_old); }
    RestrictiveUmask(const RestrictiveUmask &) = delete;
    RestrictiveUmask &operator=(const RestrictiveUmask &) = delete;

private:
    mode_t m_old;
};

// Drops the group and other bits of an existing file or folder.
bool tighten(const QByteArray &path, mode_t keep, int *error)
{
    struct stat st;
    if (::stat(path.constData(), &st) != 0) {
        *error = errno;
        return false;
    }
    if ((st.st_mode & 077) == 0)
        return true;
    if (::chmod(path.constData(), st.st_mode & keep & 07777) != 0) {
        *error = errno;
        return false;
    }
    return true;
}

// Creates each missing component of `absolute` with mode 0700 (mkpath would use 0777 & ~umask);
// existing ones are left as they are.
QString createMissingDirs(const QString &absolute)
{
    QStringList missing;
    for (QString p = absolute; !p.isEmpty() && !QFileInfo::exists(p); p = QFileInfo(p).path()) {
        missing.prepend(p);
        if (p == QFileInfo(p).path())
            break;
    }
    for (const QString &p : std::as_const(missing)) {
        if (::mkdir(QFile::encodeName(p).constData(), 0700) != 0 && errno != EEXIST)
            return tr("Cannot create the folder %1: %2").arg(p, errnoText(errno));
    }
    return {};
}

} // namespace

QString ensurePrivateDir(const QString &dir)
{
    const QString absolute = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    if (const QString problem = createMissingDirs(absolute); !problem.isEmpty())
        return problem;
    const QByteArray name = QFile::encodeName(absolute);
    struct stat st;
    if (::stat(name.constData(), &st) != 0 || !S_ISDIR(st.st_mode))
        return tr("Cannot create the folder %1: %2").arg(absolute, errnoText(ENOTDIR));
    if (st.st_mode & S_ISVTX)
        return {}; // a shared folder such as /tmp: never ours to close
    int error = 0;
    if (!tighten(name, 0700, &error))
        return tr("Cannot make the folder %1 private: %2").arg(absolute, errnoText(error));
    return {};
}

QString preparePrivateFile(const QString &path)
{
    if (const QString problem = createMissingDirs(QDir::cleanPath(QFileInfo(path).absolutePath()));
        !problem.isEmpty())
        return problem;
    const QByteArray name = QFile::encodeName(path);
    int error = 0;
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
    } else if (errno != EEXIST) {
        return tr("Cannot create %1: %2").arg(path, errnoText(errno));
    } else if (!tighten(name, 0600, &error)) {
        // It exists: an earlier version created it with the default umask.
        return tr("Cannot make %1 private: %2").arg(path, errnoText(error));
    }
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        const QByteArray side = name + suffix;
        if (::access(side.constData(), F_OK) == 0 && !tighten(side, 0600, &error))
            return tr("Cannot make %1 private: %2").arg(QFile::decodeName(side), errnoText(error));
    }
    return {};
}

bool openPrivate(QSaveFile &file)
{
    {
        const RestrictiveUmask umask;
        if (!file.open(QIODevice::WriteOnly))
            return false;
    }
    // QSaveFile gives the new file the mode of the one it replaces: not wider than 0600 here.
    if (!file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)) {
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace sd
