#include "workspace.h"

#include "jsonlimits.h"
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

// Reads one entry; what is wrong is added to `problems`, each starting with `where` ("w.json,
// line 3"). Without a usable order ID the entry is left out; a bad value only loses that value.
std::optional<WorkspaceEntry> entryFromJson(const json &e, const QString &where,
                                            QStringList *problems)
{
    const auto typeProblem = [](const char *expected, const json *got) {
        return got ? QCoreApplication::translate("sd::Workspace", "expected %1, got %2")
                         .arg(QLatin1String(expected), QLatin1String(got->type_name()))
                   : QCoreApplication::translate("sd::Workspace", "it is missing");
    };
    if (!e.is_object()) {
        *problems << QCoreApplication::translate(
                         "sd::Workspace", "%1: the entry is not an object (%2); it is left out.")
                         .arg(where, typeProblem("an object", &e));
        return std::nullopt;
    }
    const auto id = e.find("order_id");
    if (id == e.end() || !id->is_string() || id->get_ref<const std::string &>().empty()) {
        const QString why = id != e.end() && id->is_string()
                                ? QCoreApplication::translate("sd::Workspace", "it is empty")
                                : typeProblem("a string", id == e.end() ? nullptr : &*id);
        *problems << QCoreApplication::translate(
                         "sd::Workspace",
                         "%1: the entry has no usable order ID at /order_id (%2); it is left out.")
                         .arg(where, why);
        return std::nullopt;
    }
    WorkspaceEntry entry;
    entry.orderId = QString::fromStdString(id->get_ref<const std::string &>());
    const auto dropped = [&](const std::string &pointer, const QString &why) {
        *problems << QCoreApplication::translate(
                         "sd::Workspace",
                         "%1: the value at %2 is not usable (%3); the entry is kept without it.")
                         .arg(where, QString::fromStdString(pointer), why);
    };
    // A string field: absent and null are fine, anything else is reported.
    const auto text = [&](const char *key) -> std::optional<std::string> {
        const auto it = e.find(key);
        if (it == e.end() || it->is_null())
            return std::nullopt;
        if (!it->is_string()) {
            dropped(std::string("/") + key, typeProblem("a string", &*it));
            return std::nullopt;
        }
        return it->get<std::string>();
    };
    const auto support = [&](const char *key) -> std::optional<Support> {
        const auto it = e.find(key);
        if (it == e.end() || it->is_null())
            return std::nullopt;
        auto parsed = supportFromJson(*it);
        if (!parsed.ok())
            dropped(std::string("/") + key + parsed.errorPath,
                    QString::fromStdString(parsed.errorMessage));
        return std::move(parsed.value);
    };
    const auto time = [&](const char *key) -> QDateTime {
        const std::optional<std::string> t = text(key);
        if (!t)
            return {};
        QDateTime parsed = QDateTime::fromString(QString::fromStdString(*t), Qt::ISODateWithMs);
        if (!parsed.isValid())
            dropped(std::string("/") + key,
                    QCoreApplication::translate("sd::Workspace", "not a date and time"));
        return parsed;
    };
    if (const auto state = text("state"))
        entry.state = sessionStateFromKey(*state);
    entry.support = support("support");
    entry.draft = support("draft");
    if (const auto etag = text("etag"))
        entry.etag = QByteArray::fromStdString(*etag);
    entry.lastSeen = time("last_seen");
    entry.lastChange = time("last_change");
    if (const auto error = text("error"))
        entry.lastError = QString::fromStdString(*error);
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
        out->problems.clear();
        return {};
    }
    if (!file.open(QIODevice::ReadOnly))
        return QCoreApplication::translate("sd::Workspace", "Cannot read %1: %2")
            .arg(path, file.errorString());
    // Bounded: a file without line breaks is not read whole to find the first one.
    const QByteArray first = file.readLine(qint64(sizeof kHeader) + 16).trimmed();
    WorkspaceFile loaded;
    if (first == kHeader) {
        // Format 2: one entry per line, parsed one at a time (no document-sized DOM in memory).
        // Each line is bounded like any one document; a longer one is skipped, not read whole.
        qint64 lineNumber = 1;
        while (!file.atEnd()) {
            ++lineNumber;
            const QString where = QCoreApplication::translate("sd::Workspace", "%1, line %2")
                                      .arg(path)
                                      .arg(lineNumber);
            // Read in pieces: readLine(n) allocates n bytes up front, and a 64 MiB buffer per
            // line made loading 9,000 lines take minutes under AddressSanitizer.
            QByteArray line;
            while (!line.endsWith('\n') && line.size() <= qsizetype(kMaxJsonBytes) && !file.atEnd())
                line += file.readLine(64 * 1024 + 1); // at most 64 KiB a piece
            if (line.size() - (line.endsWith('\n') ? 1 : 0) > qsizetype(kMaxJsonBytes)) {
                while (!line.endsWith('\n') && !file.atEnd() && !file.readLine(1 << 20).endsWith('\n')) {
                }
                loaded.problems << QCoreApplication::translate(
                                       "sd::Workspace",
                                       "%1: the line is longer than %L2 bytes; it is left out.")
                                       .arg(where)
                                       .arg(qulonglong(kMaxJsonBytes));
                continue;
            }
            if (line.trimmed().isEmpty())
                continue;
            json e;
            const JsonError bad =
                parseJsonBounded(std::string_view(line.constData(), size_t(line.size())), e,
                                 // {"support": ...}: one level above a session
                                 JsonLimits{kMaxJsonDepth + 1, kMaxJsonBytes});
            if (bad.kind == JsonError::Kind::TooDeep) {
                loaded.problems << QCoreApplication::translate(
                                       "sd::Workspace",
                                       "%1: values are nested deeper than %n levels; the entry is left out.",
                                       nullptr, int(bad.limit))
                                       .arg(where);
                continue;
            }
            if (bad.isError()) {
                loaded.problems << QCoreApplication::translate(
                                       "sd::Workspace",
                                       "%1: this is not valid JSON (column %2); the entry is left out.")
                                       .arg(where)
                                       .arg(qulonglong(bad.column));
                continue;
            }
            if (auto entry = entryFromJson(e, where, &loaded.problems))
                loaded.entries.push_back(std::move(*entry));
        }
        *out = std::move(loaded);
        return {};
    }
    // Format 1: one JSON document {"entries": [{"support": ...}]}, each session three levels down.
    file.seek(0);
    const JsonLimits limits{kMaxJsonDepth + 3, kMaxJsonFileBytes};
    if (file.size() > qint64(limits.maxBytes))
        return QCoreApplication::translate("sd::Workspace", "%1 is larger than %L2 bytes.")
            .arg(path)
            .arg(qulonglong(limits.maxBytes));
    const QByteArray data = readAtMost(file, qint64(limits.maxBytes));
    json root;
    const JsonError bad =
        parseJsonBounded(std::string_view(data.constData(), size_t(data.size())), root, limits);
    if (bad.isError())
        return QCoreApplication::translate("sd::Workspace",
                                           "%1 is not a SupportDesk workspace file. %2")
            .arg(path, bad.text());
    const auto entries = root.is_object() ? root.find("entries") : root.end();
    if (!root.is_object() || entries == root.end() || !entries->is_array())
        return QCoreApplication::translate("sd::Workspace",
                                           "%1 is not a SupportDesk workspace file.")
            .arg(path);
    loaded.entries.reserve(entries->size());
    for (std::size_t i = 0; i < entries->size(); ++i)
        if (auto entry = entryFromJson(
                (*entries)[i],
                QCoreApplication::translate("sd::Workspace", "%1, entry %2").arg(path).arg(i + 1),
                &loaded.problems))
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
