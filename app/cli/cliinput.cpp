#include "cliinput.h"

#include "clioutput.h"
#include "jsonlimits.h"
#include "privacy.h"

#include <QFile>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <unistd.h>

namespace sd::cli {

bool readInput(const QString &path, QByteArray *data, QString *problem)
{
    QFile file;
    bool opened = false;
    if (path == QLatin1String("-"))
        opened = file.open(stdin, QIODevice::ReadOnly);
    else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened) {
        *problem = tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    *data = file.readAll();
    return true;
}

bool readBody(const QString &path, Support *body, QString *problem)
{
    QByteArray data;
    if (!readInput(path, &data, problem))
        return false;
    auto parsed = parseSupport(std::string_view(data.constData(), size_t(data.size())));
    if (!parsed.ok()) {
        *problem = tr("%1 is not a Support object: %2 at \"%3\"")
                       .arg(path == QLatin1String("-") ? tr("standard input") : path,
                            QString::fromStdString(parsed.errorMessage),
                            QString::fromStdString(parsed.errorPath.empty() ? "/"
                                                                            : parsed.errorPath));
        return false;
    }
    *body = *parsed.value;
    return true;
}

bool readIdList(const QString &path, QStringList *ids, QString *problem)
{
    QByteArray data;
    if (!readInput(path, &data, problem))
        return false;
    for (const QString &line : QString::fromUtf8(data).split(QLatin1Char('\n'))) {
        QString id = line;
        if (id.endsWith(QLatin1Char('\r')))
            id.chop(1);
        if (id.trimmed().isEmpty() || id.startsWith(QLatin1Char('#')))
            continue;
        ids->append(id.trimmed());
    }
    return true;
}

// The token from the first line of `path` ("-": standard input), trimmed. A file other users
// can read is used, with a warning: the token has leaked already, and refusing would only break
// setups that mount secrets 0644.
bool readTokenFile(const QString &path, QString *token, QString *problem)
{
    const bool isStdin = path == QLatin1String("-");
    const QString shown = isStdin ? tr("standard input") : path;
    QFile file;
    const bool opened = isStdin ? file.open(stdin, QIODevice::ReadOnly)
                                : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        *problem = tr("cannot read %1: %2").arg(shown, file.errorString());
        return false;
    }
    if (!isStdin) {
        const QFileInfo info(path);
        if (info.isFile() && (info.permissions() & (QFile::ReadGroup | QFile::ReadOther))) {
            err() << "supportctl: "
                  << tr("warning: %1 can be read by other users; run \"chmod 600 %1\"").arg(path) << '\n';
            err().flush();
        }
    }
    constexpr qint64 kMaxLine = 64 * 1024; // far above any bearer token
    // readLine(n) returns at most n - 1 bytes: ask for two more than allowed to see a longer line.
    const QByteArray line = file.readLine(kMaxLine + 2);
    if (line.size() > kMaxLine && !line.endsWith('\n')) {
        *problem = tr("the first line of %1 is longer than %2 bytes: not a token").arg(shown).arg(kMaxLine);
        return false;
    }
    *token = QString::fromUtf8(line).trimmed();
    if (token->isEmpty()) {
        *problem = tr("%1 holds no token on its first line").arg(shown);
        return false;
    }
    return true;
}

} // namespace sd::cli
