#include "auditlog_p.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>

#include <algorithm>
#include <cstdint>
#include <limits>

namespace sd::auditdetail {

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

} // namespace sd::auditdetail

namespace sd {

using namespace auditdetail;

namespace {

// A line of the log, parsed: an object with the fields every entry has, of the right types.
// Else an explanation (for the message naming the line).
std::optional<json> parseEntryLine(const QByteArray &line, QString *why)
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

} // namespace

std::optional<json> auditdetail::parseEntry(const QByteArray &line, QString *why)
{
    return parseEntryLine(line, why);
}

} // namespace sd
