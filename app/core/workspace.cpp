#include "workspace.h"

#include "privatefile.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QSet>

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace sd {

namespace {

const char *stateKey(SessionState s)
{
    switch (s) {
    case SessionState::Unknown: return "unknown";
    case SessionState::Open: return "open";
    case SessionState::Closed: return "closed";
    case SessionState::NotFound: return "not_found";
    case SessionState::Error: return "error";
    }
    return "unknown";
}

} // namespace

SessionState sessionStateFromKey(std::string_view k)
{
    if (k == "open")
        return SessionState::Open;
    if (k == "closed")
        return SessionState::Closed;
    if (k == "not_found")
        return SessionState::NotFound;
    if (k == "error")
        return SessionState::Error;
    return SessionState::Unknown;
}

namespace {

std::string iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs).toStdString() : std::string();
}

QDateTime fromIso(const json &j, const char *key)
{
    auto it = j.find(key);
    if (it == j.end() || !it->is_string())
        return {};
    return QDateTime::fromString(QString::fromStdString(it->get<std::string>()), Qt::ISODateWithMs);
}

} // namespace

QString sessionStateKey(SessionState state)
{
    return QString::fromLatin1(stateKey(state));
}

QString sessionStateName(SessionState state)
{
    switch (state) {
    case SessionState::Unknown: return QCoreApplication::translate("sd::Workspace", "not loaded");
    case SessionState::Open: return QCoreApplication::translate("sd::Workspace", "open");
    case SessionState::Closed: return QCoreApplication::translate("sd::Workspace", "closed");
    case SessionState::NotFound: return QCoreApplication::translate("sd::Workspace", "not found");
    case SessionState::Error: return QCoreApplication::translate("sd::Workspace", "error");
    }
    return {};
}

namespace {

std::optional<WorkspaceEntry> entryFromJson(const json &e)
{
    if (!e.is_object() || !e.contains("order_id") || !e["order_id"].is_string())
        return std::nullopt; // one damaged entry does not cost the others
    WorkspaceEntry entry;
    entry.orderId = QString::fromStdString(e["order_id"].get<std::string>());
    entry.state = sessionStateFromKey(e.value("state", std::string()));
    if (auto s = e.find("support"); s != e.end() && s->is_object()) {
        auto parsed = supportFromJson(*s);
        if (parsed.ok())
            entry.support = std::move(parsed.value);
    }
    if (auto d = e.find("draft"); d != e.end() && d->is_object()) {
        auto parsed = supportFromJson(*d);
        if (parsed.ok())
            entry.draft = std::move(parsed.value);
    }
    entry.etag = QByteArray::fromStdString(e.value("etag", std::string()));
    entry.lastSeen = fromIso(e, "last_seen");
    entry.lastChange = fromIso(e, "last_change");
    entry.lastError = QString::fromStdString(e.value("error", std::string()));
    return entry;
}

json entryToJson(const WorkspaceEntry &e)
{
    json j = {{"order_id", e.orderId.toStdString()}, {"state", stateKey(e.state)}};
    if (e.support)
        to_json(j["support"], *e.support);
    if (e.draft)
        to_json(j["draft"], *e.draft);
    if (!e.etag.isEmpty())
        j["etag"] = e.etag.toStdString();
    if (e.lastSeen.isValid())
        j["last_seen"] = iso(e.lastSeen);
    if (e.lastChange.isValid())
        j["last_change"] = iso(e.lastChange);
    if (!e.lastError.isEmpty())
        j["error"] = e.lastError.toStdString();
    return j;
}

const char kHeader[] = R"({"format":"supportdesk-workspace/2"})";

} // namespace

QString loadWorkspace(const QString &path, WorkspaceFile *out)
{
    QFile file(path);
    if (!file.exists()) {
        out->entries.clear();
        return {};
    }
    if (!file.open(QIODevice::ReadOnly))
        return QCoreApplication::translate("sd::Workspace", "Cannot read %1: %2")
            .arg(path, file.errorString());
    const QByteArray first = file.readLine().trimmed();
    WorkspaceFile loaded;
    if (first == kHeader) {
        // Format 2: one entry per line, parsed one at a time (no document-sized DOM in memory).
        while (!file.atEnd()) {
            const QByteArray line = file.readLine();
            const json e = json::parse(line.begin(), line.end(), nullptr, false);
            if (auto entry = entryFromJson(e))
                loaded.entries.push_back(std::move(*entry));
        }
        *out = std::move(loaded);
        return {};
    }
    // Format 1: one JSON document {"entries": [...]}.
    file.seek(0);
    const QByteArray data = file.readAll();
    const json root = json::parse(data.begin(), data.end(), nullptr, false);
    if (root.is_discarded() || !root.is_object() || !root.contains("entries")
        || !root["entries"].is_array())
        return QCoreApplication::translate("sd::Workspace",
                                           "%1 is not a SupportDesk workspace file.")
            .arg(path);
    loaded.entries.reserve(root["entries"].size());
    for (const json &e : root["entries"])
        if (auto entry = entryFromJson(e))
            loaded.entries.push_back(std::move(*entry));
    *out = std::move(loaded);
    return {};
}

QString saveWorkspace(const QString &path, const WorkspaceFile &workspace)
{
    QSaveFile file(path);
    if (!openPrivate(file)) // sessions with callback phones: 0600
        return file.errorString();
    QByteArray buffer = QByteArray(kHeader) + '\n';
    for (const WorkspaceEntry &e : workspace.entries) {
        buffer += QByteArray::fromStdString(entryToJson(e).dump(-1, ' ', false, json::error_handler_t::replace));
        buffer += '\n';
        if (buffer.size() > (1 << 20)) {
            if (file.write(buffer) != buffer.size()) {
                file.cancelWriting();
                return file.errorString();
            }
            buffer.clear();
        }
    }
    if (file.write(buffer) != buffer.size()) {
        file.cancelWriting();
        return file.errorString();
    }
    if (!file.commit())
        return file.errorString();
    return {};
}

QStringList parseOrderIdList(const QString &text)
{
    QStringList ids;
    QSet<QString> seen;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype n = 0; n < lines.size(); ++n) {
        QString line = lines[n];
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        QString id;
        if (line.startsWith(QLatin1Char('"'))) {
            // A quoted first CSV field.
            qsizetype i = 1;
            while (i < line.size()) {
                if (line[i] == QLatin1Char('"')) {
                    if (i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                        id += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    break;
                }
                id += line[i++];
            }
        } else {
            const qsizetype comma = line.indexOf(QLatin1Char(','));
            id = comma >= 0 ? line.left(comma) : line;
        }
        id = id.trimmed();
        if (id.isEmpty() || (n == 0 && id.compare(QLatin1String("order_id"), Qt::CaseInsensitive) == 0))
            continue;
        if (!seen.contains(id)) {
            seen.insert(id);
            ids << id;
        }
    }
    return ids;
}

} // namespace sd
