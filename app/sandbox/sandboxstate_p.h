// Internal to the sandbox (sandboxserver.cpp): its sessions and the API's rules, one request in,
// one answer out (status, body, ETag), with no sockets. SandboxServer feeds it and writes the
// answers (latency, logging).
#pragma once

#include "sandboxserver.h"

#include "jsonlimits.h"
#include "models.h"
#include "privatefile.h"
#include "seed.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHttpServerRequest>
#include <QSaveFile>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace sd {

namespace sandbox_detail {

using json = nlohmann::json;

struct Session
{
    json body;
    quint64 etag = 0;
};

struct Answer
{
    int status = 200;
    QByteArray body;
    QByteArray etag;
    QByteArray allow;          // for 405
    bool authenticate = false; // WWW-Authenticate on 401
};

Answer error(int status, const char *code, const QString &message, const QString &paths = {})
{
    Answer a;
    a.status = status;
    a.body = QByteArray::fromStdString(
        serializeError(code, message.toStdString(), paths.toStdString()));
    return a;
}

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

// Constant-time comparison, so the token cannot be guessed byte by byte from timings.
bool sameSecret(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QByteArray etagText(quint64 etag)
{
    return '"' + QByteArray::number(etag) + '"';
}

// If-Match: "*" or a comma-separated list of (possibly weak) entity tags.
bool ifMatchAllows(const QByteArray &header, quint64 current)
{
    const QByteArray value = header.trimmed();
    if (value == "*")
        return true;
    const QByteArray want = etagText(current);
    for (QByteArray tag : value.split(',')) {
        tag = tag.trimmed();
        if (tag.startsWith("W/"))
            tag = tag.mid(2);
        if (tag == want)
            return true;
    }
    return false;
}

// Creates `folder` and any missing parents, each readable by the owner only.
bool makePrivateFolders(const QString &folder)
{
    const QFileInfo info(folder);
    if (info.isDir())
        return true;
    const QString parent = info.absolutePath();
    if (parent == info.absoluteFilePath() || !makePrivateFolders(parent))
        return false;
    return QDir().mkdir(info.absoluteFilePath(),
                        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)
        || QFileInfo(folder).isDir(); // made by someone else meanwhile
}

// 400 when the body names another order than the path.
std::optional<Answer> orderIdMismatch(const json &body, const QString &id)
{
    auto o = body.find("order_id");
    if (o != body.end() && o->is_string() && o->get<std::string>() != id.toStdString())
        return error(400, "ORDER_ID_MISMATCH",
                     QStringLiteral("order_id in the body differs from the path."),
                     QStringLiteral("/order_id"));
    return std::nullopt;
}

} // namespace sandbox_detail

using namespace sandbox_detail;

struct SandboxServer::State
{
    std::map<QString, Session> sessions;
    quint64 nextEtag = 1;
    QString token;
    int latencyMs = 0;
    bool etags = true;
    QString dataFile;
    std::function<void(const QString &)> log;
    QUrl baseUrl;
    qint64 requests = 0;

    QString save() const
    {
        if (dataFile.isEmpty())
            return {};
        json all = json::object();
        all["format"] = "supportdesk-sandbox/1";
        all["next_etag"] = nextEtag;
        json list = json::array();
        for (const auto &[id, s] : sessions)
            list.push_back({{"etag", s.etag}, {"support", s.body}});
        all["sessions"] = std::move(list);
        // Sessions hold personal data: the file is 0600 and any folder made for it 0700,
        // whatever the umask, and an older file with wider permissions is narrowed.
        const QString folder = QFileInfo(dataFile).absolutePath();
        if (!makePrivateFolders(folder))
            return QStringLiteral("cannot create the folder %1").arg(folder);
        QSaveFile file(dataFile);
        if (!openPrivate(file)) // created 0600, never readable by others even for a moment
            return file.errorString();
        const std::string text = all.dump(1, ' ', false, json::error_handler_t::replace);
        file.write(text.data(), qint64(text.size()));
        if (!file.commit())
            return file.errorString();
        return {};
    }

    // Reads the data file; on any damage returns a message naming the file and the place, and
    // changes nothing (the file is not written either: the caller does not start).
    QString load()
    {
        QFile file(dataFile);
        if (!file.exists())
            return {};
        if (!file.open(QIODevice::ReadOnly))
            return QCoreApplication::translate("sd::SandboxServer", "Cannot read %1: %2")
                .arg(dataFile, file.errorString());
        // Each session sits three levels down: {"sessions": [{"support": ...}]}.
        const JsonLimits limits{kMaxJsonDepth + 3, kMaxJsonFileBytes};
        if (file.size() > qint64(limits.maxBytes))
            return QCoreApplication::translate("sd::SandboxServer", "%1 is larger than %L2 bytes.")
                .arg(dataFile)
                .arg(qulonglong(limits.maxBytes));
        const QByteArray data = readAtMost(file, qint64(limits.maxBytes));
        json all;
        const JsonError parseError =
            parseJsonBounded(std::string_view(data.constData(), size_t(data.size())), all, limits);
        if (parseError.isError())
            return QCoreApplication::translate("sd::SandboxServer",
                                               "%1 is not a sandbox data file. %2")
                .arg(dataFile, parseError.text());
        const auto damaged = [this](const std::string &pointer, const QString &what) {
            return QCoreApplication::translate("sd::SandboxServer", "%1 is damaged at %2: %3.")
                .arg(dataFile, QString::fromStdString(pointer.empty() ? "/" : pointer), what);
        };
        const auto expected = [](const char *what, const json *got) {
            if (!got)
                return QCoreApplication::translate("sd::SandboxServer", "%1 is missing")
                    .arg(QLatin1String(what));
            return QCoreApplication::translate("sd::SandboxServer", "expected %1, got %2")
                .arg(QLatin1String(what), QLatin1String(got->type_name()));
        };
        // ETags are whole numbers that stay exact in any JSON reader.
        constexpr quint64 kMaxEtag = (quint64(1) << 53) - 1;
        const auto readEtag = [&](const json &v, const std::string &pointer,
                                  quint64 *out) -> QString {
            if (v.is_null())
                return {};
            if (!v.is_number_unsigned() || v.get<quint64>() > kMaxEtag)
                return damaged(pointer, expected("a whole number from 0 to 2^53-1", &v));
            *out = v.get<quint64>();
            return {};
        };
        if (!all.is_object())
            return damaged("", expected("an object", &all));
        if (auto f = all.find("format"); f != all.end() && !f->is_null()
            && !(f->is_string() && f->get_ref<const std::string &>() == "supportdesk-sandbox/1"))
            return damaged("/format", expected("\"supportdesk-sandbox/1\"", &*f));
        quint64 storedNext = 1;
        if (auto n = all.find("next_etag"); n != all.end())
            if (QString problem = readEtag(*n, "/next_etag", &storedNext); !problem.isEmpty())
                return problem;
        const auto list = all.find("sessions");
        if (list == all.end() || !list->is_array())
            return damaged("/sessions", expected("an array", list == all.end() ? nullptr : &*list));
        std::map<QString, Session> loaded;
        quint64 maxEtag = 0;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const json &entry = (*list)[i];
            const std::string at = "/sessions/" + std::to_string(i);
            if (!entry.is_object())
                return damaged(at, expected("an object", &entry));
            const auto support = entry.find("support");
            if (support == entry.end() || !support->is_object())
                return damaged(at + "/support",
                               expected("an object", support == entry.end() ? nullptr : &*support));
            const auto orderId = support->find("order_id");
            if (orderId == support->end() || !orderId->is_string())
                return damaged(
                    at + "/support/order_id",
                    expected("a string", orderId == support->end() ? nullptr : &*orderId));
            if (orderId->get_ref<const std::string &>().empty())
                return damaged(
                    at + "/support/order_id",
                    QCoreApplication::translate("sd::SandboxServer", "the order ID is empty"));
            if (const auto typed = supportFromJson(*support); !typed.ok())
                return damaged(at + "/support" + typed.errorPath,
                               QString::fromStdString(typed.errorMessage));
            Session s;
            if (auto e = entry.find("etag"); e != entry.end())
                if (QString problem = readEtag(*e, at + "/etag", &s.etag); !problem.isEmpty())
                    return problem;
            const QString id = QString::fromStdString(orderId->get_ref<const std::string &>());
            if (loaded.count(id))
                return damaged(
                    at, QCoreApplication::translate("sd::SandboxServer", "order %1 is there twice")
                            .arg(id));
            s.body = *support;
            maxEtag = std::max(maxEtag, s.etag);
            loaded[id] = std::move(s);
        }
        sessions = std::move(loaded);
        nextEtag = std::max<quint64>(storedNext, maxEtag + 1);
        return {};
    }

    Answer ok(int status, const Session &s) const
    {
        Answer a;
        a.status = status;
        a.body = QByteArray::fromStdString(s.body.dump(-1, ' ', false, json::error_handler_t::replace));
        if (etags)
            a.etag = etagText(s.etag);
        return a;
    }

    // Parses a request body as a Support object: an error answer, or nothing.
    std::optional<Answer> parseBody(const QByteArray &raw, json *out, bool allowEmpty) const
    {
        if (raw.trimmed().isEmpty()) {
            if (allowEmpty) {
                *out = json::object();
                return std::nullopt;
            }
            return error(400, "INVALID_BODY", QStringLiteral("A Support object is required."));
        }
        json body;
        const JsonError bad =
            parseJsonBounded(std::string_view(raw.constData(), size_t(raw.size())), body,
                             JsonLimits{kMaxJsonDepth, size_t(kMaxBodyBytes)});
        if (bad.kind == JsonError::Kind::TooLarge)
            return error(413, "PAYLOAD_TOO_LARGE",
                         QStringLiteral("The request body is over %1 bytes.").arg(kMaxBodyBytes));
        // "not valid JSON (line 1, column 5)", "nested deeper than 64 levels (line 1, column 80)"
        if (bad.isError())
            return error(
                400, "INVALID_JSON",
                QStringLiteral("The body is %1.").arg(QString::fromStdString(bad.message)));
        const auto typed = supportFromJson(body);
        if (!typed.ok())
            return error(400, "INVALID_BODY",
                         QStringLiteral("The body is not a Support object: %1.")
                             .arg(QString::fromStdString(typed.errorMessage)),
                         QString::fromStdString(typed.errorPath.empty() ? "/" : typed.errorPath));
        *out = std::move(body);
        return std::nullopt;
    }

    // Writes a change through to disk; on failure puts the old state back.
    std::optional<Answer> commit(const QString &id, const std::optional<Session> &before)
    {
        const QString problem = save();
        if (problem.isEmpty())
            return std::nullopt;
        if (before)
            sessions[id] = *before;
        else
            sessions.erase(id);
        return error(500, "STORAGE_FAILED",
                     QStringLiteral("The session could not be stored: %1").arg(problem));
    }

    Answer route(QHttpServerRequest::Method method, const QString &id, bool agent,
                 const QHttpServerRequest &request)
    {
        const QByteArray ifMatch = request.value("If-Match");
        auto it = sessions.find(id);
        const bool exists = it != sessions.end();
        const auto notFound = [&] {
            return error(404, "SESSION_NOT_FOUND",
                         QStringLiteral("There is no open support session for order %1.").arg(id));
        };
        const bool isWrite = method == QHttpServerRequest::Method::Put
                          || method == QHttpServerRequest::Method::Delete;
        if (isWrite && exists && !ifMatch.isEmpty() && !ifMatchAllows(ifMatch, it->second.etag))
            return error(412, "PRECONDITION_FAILED",
                         QStringLiteral("The session changed since version %1.")
                             .arg(QString::fromLatin1(ifMatch)));

        if (!agent) {
            switch (method) {
            case QHttpServerRequest::Method::Post: {
                if (exists)
                    return error(409, "SESSION_ALREADY_OPEN",
                                 QStringLiteral("A support session for order %1 is already open.")
                                     .arg(id));
                json body;
                if (auto bad = parseBody(request.body(), &body, true))
                    return *bad;
                if (auto bad = orderIdMismatch(body, id))
                    return *bad;
                body["order_id"] = id.toStdString();
                Session s{std::move(body), nextEtag++};
                sessions[id] = s;
                if (auto failed = commit(id, std::nullopt))
                    return *failed;
                return ok(201, s);
            }
            case QHttpServerRequest::Method::Get:
                return exists ? ok(200, it->second) : notFound();
            case QHttpServerRequest::Method::Put: {
                if (!exists)
                    return notFound();
                json body;
                if (auto bad = parseBody(request.body(), &body, false))
                    return *bad;
                if (auto bad = orderIdMismatch(body, id))
                    return *bad;
                body["order_id"] = id.toStdString();
                const Session before = it->second;
                it->second = Session{std::move(body), nextEtag++};
                const Session after = it->second;
                if (auto failed = commit(id, before))
                    return *failed;
                return ok(200, after);
            }
            case QHttpServerRequest::Method::Delete: {
                if (!exists)
                    return notFound();
                const Session before = it->second;
                sessions.erase(it);
                if (auto failed = commit(id, before))
                    return *failed;
                return ok(200, before);
            }
            default: {
                Answer a = error(405, "METHOD_NOT_ALLOWED",
                                 QStringLiteral("Use GET, POST, PUT or DELETE."));
                a.allow = "GET, POST, PUT, DELETE";
                return a;
            }
            }
        }

        switch (method) {
        case QHttpServerRequest::Method::Get: {
            if (!exists)
                return notFound();
            auto a = it->second.body.find("agent");
            if (a == it->second.body.end() || a->is_null())
                return error(404, "AGENT_NOT_ASSIGNED",
                             QStringLiteral("No agent is assigned to order %1.").arg(id));
            Answer answer;
            answer.body = QByteArray::fromStdString(a->dump(-1, ' ', false, json::error_handler_t::replace));
            return answer;
        }
        case QHttpServerRequest::Method::Put: {
            if (!exists)
                return notFound();
            json body;
            if (auto bad = parseBody(request.body(), &body, false))
                return *bad;
            auto a = body.find("agent");
            if (a == body.end() || !a->is_object() || !a->contains("id") || !(*a)["id"].is_string()
                || QString::fromStdString((*a)["id"].get<std::string>()).trimmed().isEmpty())
                return error(400, "AGENT_ID_REQUIRED", QStringLiteral("agent.id is required."),
                             QStringLiteral("/agent/id"));
            if (auto bad = orderIdMismatch(body, id))
                return *bad;
            const Session before = it->second;
            it->second.body["agent"] = *a;
            it->second.etag = nextEtag++;
            const Session after = it->second;
            if (auto failed = commit(id, before))
                return *failed;
            return ok(200, after);
        }
        case QHttpServerRequest::Method::Delete: {
            if (!exists)
                return notFound();
            const Session before = it->second;
            it->second.body.erase("agent");
            it->second.etag = nextEtag++;
            const Session after = it->second;
            if (auto failed = commit(id, before))
                return *failed;
            return ok(200, after);
        }
        default: {
            Answer a = error(405, "METHOD_NOT_ALLOWED", QStringLiteral("Use GET, PUT or DELETE."));
            a.allow = "GET, PUT, DELETE";
            return a;
        }
        }
    }
};

} // namespace sd
