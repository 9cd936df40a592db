#include "auditlog.h"

#include "apiclient.h"
#include "privacy.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace sd {

namespace {

json toJson(const AuditEntry &e)
{
    const auto raw = [](const QByteArray &text) -> json {
        if (text.isEmpty())
            return nullptr;
        json j = json::parse(text.begin(), text.end(), nullptr, false);
        return j.is_discarded() ? json(text.toStdString()) : j;
    };
    return json{{"seq", e.seq},
                {"time", e.time.toUTC().toString(Qt::ISODateWithMs).toStdString()},
                {"user", e.user.toStdString()},
                {"server", e.server.toStdString()},
                {"order", e.orderId.toStdString()},
                {"operation", e.operation.toStdString()},
                {"before", raw(e.before)},
                {"after", raw(e.after)},
                {"result", e.result.toStdString()},
                {"status", e.httpStatus},
                {"prev", e.prevHash.toStdString()}};
}

QByteArray hashOf(const json &withoutHash)
{
    // nlohmann's dump sorts keys: a canonical form.
    const std::string text = withoutHash.dump(-1, ' ', false, json::error_handler_t::replace);
    return QCryptographicHash::hash(QByteArray::fromStdString(text), QCryptographicHash::Sha256).toHex();
}

QString str(const json &j, const char *key)
{
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

QByteArray rawOf(const json &j, const char *key)
{
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return {};
    return QByteArray::fromStdString(it->dump());
}

// The last line of the file (the chain's head), read from the end.
QByteArray lastLine(QFile &file)
{
    const qint64 size = file.size();
    qint64 chunk = 4096;
    while (true) {
        const qint64 from = std::max<qint64>(0, size - chunk);
        file.seek(from);
        QByteArray tail = file.read(size - from);
        while (tail.endsWith('\n'))
            tail.chop(1);
        const qsizetype nl = tail.lastIndexOf('\n');
        if (nl >= 0)
            return tail.mid(nl + 1);
        if (from == 0)
            return tail;
        chunk *= 4;
    }
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

AuditLog::AuditLog(QString path) : m_path(std::move(path)) {}

QString AuditLog::append(AuditEntry entry)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QLockFile lock(m_path + QStringLiteral(".lock"));
    lock.setStaleLockTime(30'000);
    if (!lock.tryLock(10'000))
        return QStringLiteral("the audit log %1 is locked by another program").arg(m_path);
    QFile file(m_path);
    if (!file.open(QIODevice::ReadWrite))
        return file.errorString();
    qint64 seq = 1;
    QByteArray prev;
    if (file.size() > 0) {
        const QByteArray last = lastLine(file);
        const json j = json::parse(last.begin(), last.end(), nullptr, false);
        if (j.is_discarded() || !j.is_object())
            return QStringLiteral("the last entry of the audit log %1 is damaged; run "
                                  "'supportctl audit verify'").arg(m_path);
        seq = j.value("seq", qint64(0)) + 1;
        prev = QByteArray::fromStdString(j.value("hash", std::string()));
    }
    entry.seq = seq;
    entry.prevHash = prev;
    if (!entry.time.isValid())
        entry.time = QDateTime::currentDateTimeUtc();
    json j = toJson(entry);
    entry.hash = hashOf(j);
    j["hash"] = entry.hash.toStdString();
    // One write of one whole line: a crash leaves the chain intact up to the last full line.
    const QByteArray line = QByteArray::fromStdString(j.dump(-1, ' ', false, json::error_handler_t::replace)) + '\n';
    file.seek(file.size());
    if (file.size() > 0) {
        file.seek(file.size() - 1);
        if (file.read(1) != "\n")
            file.write("\n"); // never glue onto a torn line
    }
    if (file.write(line) != line.size() || !file.flush())
        return file.errorString();
    return {};
}

QString AuditLog::record(const ApiReply &reply, const QString &user, const QString &server,
                         const std::optional<Support> &before)
{
    AuditEntry e;
    e.user = user;
    e.server = server;
    e.orderId = reply.orderId();
    switch (reply.operation()) {
    case Operation::Create: e.operation = QStringLiteral("create"); break;
    case Operation::Update: e.operation = QStringLiteral("update"); break;
    case Operation::Close: e.operation = QStringLiteral("close"); break;
    case Operation::AssignAgent: e.operation = QStringLiteral("assign"); break;
    case Operation::UnassignAgent: e.operation = QStringLiteral("unassign"); break;
    default: return {}; // reads change nothing
    }
    const auto *supportReply = qobject_cast<const SupportReply *>(&reply);
    if (before)
        e.before = QByteArray::fromStdString(serialize(*before));
    else if (supportReply && supportReply->before())
        e.before = QByteArray::fromStdString(serialize(*supportReply->before()));
    if (reply.isOk())
        e.after = reply.rawBody();
    e.result = reply.isOk() ? QStringLiteral("ok") : reply.error().message();
    e.httpStatus = reply.httpStatus();
    return append(e);
}

AuditVerification AuditLog::verify(const QString &path)
{
    AuditVerification v;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        v.intact = !file.exists(); // no log yet is an empty, intact chain
        v.reason = file.exists() ? file.errorString() : QString();
        return v;
    }
    QByteArray prev;
    qint64 line = 0;
    while (!file.atEnd()) {
        QByteArray text = file.readLine();
        ++line;
        if (text.endsWith('\n'))
            text.chop(1);
        else if (text.isEmpty())
            break;
        const auto broken = [&](const QString &why) {
            v.intact = false;
            v.firstBroken = line;
            v.reason = why;
            return v;
        };
        json j = json::parse(text.begin(), text.end(), nullptr, false);
        if (j.is_discarded() || !j.is_object() || !j.contains("hash"))
            return broken(QStringLiteral("entry %1 is not a complete audit entry").arg(line));
        const QByteArray stated = QByteArray::fromStdString(j.value("hash", std::string()));
        j.erase("hash");
        if (hashOf(j) != stated)
            return broken(QStringLiteral("entry %1 was changed after it was written").arg(line));
        if (QByteArray::fromStdString(j.value("prev", std::string())) != prev)
            return broken(QStringLiteral("entry %1 does not follow entry %2 (an entry was removed, "
                                         "inserted or moved)").arg(line).arg(line - 1));
        if (j.value("seq", qint64(0)) != line)
            return broken(QStringLiteral("entry %1 carries sequence number %2")
                              .arg(line).arg(j.value("seq", qint64(0))));
        prev = stated;
        v.entries = line;
    }
    return v;
}

std::vector<AuditEntry> AuditLog::read(const QString &path, QString *error)
{
    std::vector<AuditEntry> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error && file.exists())
            *error = file.errorString();
        return out;
    }
    while (!file.atEnd()) {
        const QByteArray text = file.readLine().trimmed();
        const json j = json::parse(text.begin(), text.end(), nullptr, false);
        if (j.is_discarded() || !j.is_object())
            continue;
        AuditEntry e;
        e.seq = j.value("seq", qint64(0));
        e.time = QDateTime::fromString(str(j, "time"), Qt::ISODateWithMs);
        e.user = str(j, "user");
        e.server = str(j, "server");
        e.orderId = str(j, "order");
        e.operation = str(j, "operation");
        e.before = rawOf(j, "before");
        e.after = rawOf(j, "after");
        e.result = str(j, "result");
        e.httpStatus = j.value("status", 0);
        e.prevHash = str(j, "prev").toLatin1();
        e.hash = str(j, "hash").toLatin1();
        out.push_back(std::move(e));
    }
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
                        field(e.server), field(e.orderId), e.operation, field(e.result),
                        QString::number(e.httpStatus), field(QString::fromUtf8(e.before)),
                        field(QString::fromUtf8(e.after)), QString::fromLatin1(e.hash)};
        out += row.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace sd
