#include "sandboxserver.h"
#include "sandboxstate_p.h"

#include "jsonlimits.h"
#include "models.h"
#include "privatefile.h"
#include "requestgate.h"
#include "seed.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QSaveFile>
#include <QTcpSocket>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>


namespace sd {

SandboxServer::SandboxServer(QObject *parent) : QAbstractHttpServer(parent), d(new State) {}

SandboxServer::~SandboxServer() = default;

void SandboxServer::setToken(const QString &token)
{
    d->token = token;
}

void SandboxServer::setEtagsEnabled(bool enabled)
{
    d->etags = enabled;
}

void SandboxServer::setLatencyMs(int ms)
{
    d->latencyMs = std::max(0, ms);
}

QString SandboxServer::setDataFile(const QString &path)
{
    d->dataFile = path;
    QString problem = d->load();
    if (problem.isEmpty())
        problem = d->save(); // proves the location is writable before anyone relies on it
    return problem;
}

void SandboxServer::seed(int count, quint32 seedValue)
{
    const std::vector<std::string> sessions = seedSessions(count, seedValue);
    for (const std::string &text : sessions) {
        json body = json::parse(text);
        const QString id = QString::fromStdString(body["order_id"].get<std::string>());
        d->sessions[id] = Session{std::move(body), d->nextEtag++};
    }
    d->save();
}

void SandboxServer::setLogSink(std::function<void(const QString &)> sink)
{
    d->log = std::move(sink);
}

QUrl SandboxServer::start(const QHostAddress &address, quint16 port)
{
    // Not listen(): its plain QTcpServer lets QHttpServer read any request whole into memory.
    const auto refused = [this](const QByteArray &method, const QByteArray &target, int status) {
        ++d->requests;
        // As sent by anyone: logged encoded, like the path of every other request.
        const QString path = QUrl::fromEncoded(target).path(QUrl::FullyEncoded);
        const QByteArray name = std::all_of(method.begin(), method.end(),
                                            [](char c) { return c >= 'A' && c <= 'Z'; })
                                  ? method
                                  : QByteArray("UNKNOWN");
        if (d->log)
            d->log(QString::fromLatin1(name) + QLatin1Char(' ') + path + QLatin1Char(' ')
                   + QString::number(status) + QStringLiteral(" refused before reading the rest"));
        Q_EMIT requestHandled(name, path, status);
    };
    auto *server = new GatedTcpServer(RequestLimits{kMaxHeaderBytes, kMaxBodyBytes}, refused, this);
    if (!server->listen(address, port)) {
        delete server;
        return {};
    }
    bind(server);
    const quint16 bound = server->serverPort();
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(address.toString());
    url.setPort(bound);
    url.setPath(QStringLiteral("/"));
    d->baseUrl = url;
    return url;
}

QUrl SandboxServer::baseUrl() const
{
    return d->baseUrl;
}

int SandboxServer::sessionCount() const
{
    return int(d->sessions.size());
}

bool SandboxServer::hasSession(const QString &orderId) const
{
    return d->sessions.count(orderId) != 0;
}

QByteArray SandboxServer::sessionJson(const QString &orderId) const
{
    auto it = d->sessions.find(orderId);
    return it == d->sessions.end() ? QByteArray()
                                   : QByteArray::fromStdString(it->second.body.dump());
}

bool SandboxServer::putSessionJson(const QString &orderId, const QByteArray &text)
{
    json body;
    if (parseJsonBounded(std::string_view(text.constData(), size_t(text.size())), body).isError()
        || !body.is_object())
        return false;
    body["order_id"] = orderId.toStdString();
    d->sessions[orderId] = Session{std::move(body), d->nextEtag++};
    d->save();
    return true;
}

qint64 SandboxServer::requestCount() const
{
    return d->requests;
}

bool SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer clock;
    clock.start();
    ++d->requests;
    // Route on the still-encoded path: QHttpServer decodes %2F before its own routing.
    const QString path = request.url().path(QUrl::FullyEncoded);
    const QByteArray method = methodName(request.method());

    Answer answer;
    const QStringList parts = path.split(QLatin1Char('/'));
    // ["", "support", "<id>"] or ["", "support", "<id>", "agent"]
    const bool shapeOk = parts.size() >= 3 && parts.size() <= 4 && parts[0].isEmpty()
                      && parts[1] == QLatin1String("support")
                      && (parts.size() == 3 || parts[3] == QLatin1String("agent"));
    const QByteArray auth = request.value("Authorization");
    if (!d->token.isEmpty() && !sameSecret(auth, "Bearer " + d->token.toUtf8())) {
        answer = error(401, "UNAUTHORIZED",
                       auth.isEmpty() ? QStringLiteral("A bearer token is required.")
                                      : QStringLiteral("The bearer token is not valid."));
        answer.authenticate = true;
    } else if (!shapeOk) {
        answer = error(404, "NOT_FOUND", QStringLiteral("No such resource."));
    } else if (request.body().size() > kMaxBodyBytes) {
        answer = error(413, "PAYLOAD_TOO_LARGE",
                       QStringLiteral("The request body is over %1 bytes.").arg(kMaxBodyBytes));
    } else {
        const QString id = QUrl::fromPercentEncoding(parts[2].toLatin1());
        if (id.isEmpty())
            answer = error(404, "NOT_FOUND", QStringLiteral("The order ID is empty."));
        else
            answer = d->route(request.method(), id, parts.size() == 4, request);
    }

    const auto respond = [answer](QHttpServerResponder &responder) {
        const QByteArray type = "application/json; charset=utf-8";
        const auto status = static_cast<QHttpServerResponder::StatusCode>(answer.status);
        if (!answer.etag.isEmpty())
            responder.write(answer.body, {{"Content-Type", type}, {"ETag", answer.etag}}, status);
        else if (answer.authenticate)
            responder.write(answer.body,
                            {{"Content-Type", type}, {"WWW-Authenticate", "Bearer"}}, status);
        else if (!answer.allow.isEmpty())
            responder.write(answer.body, {{"Content-Type", type}, {"Allow", answer.allow}},
                            status);
        else
            responder.write(answer.body, {{"Content-Type", type}}, status);
    };
    const auto logLine = [this, method, path, status = answer.status](qint64 ns) {
        if (d->log)
            d->log(QString::fromLatin1(method) + QLatin1Char(' ') + path + QLatin1Char(' ')
                   + QString::number(status) + QLatin1Char(' ')
                   + QString::number(double(ns) / 1e6, 'f', 1) + QStringLiteral("ms"));
        Q_EMIT requestHandled(method, path, status);
    };

    if (d->latencyMs > 0) {
        auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
        QPointer<QTcpSocket> alive(socket);
        QTimer::singleShot(d->latencyMs, this, [responder, alive, respond, logLine, clock] {
            if (!alive || alive->state() != QAbstractSocket::ConnectedState)
                return; // the client went away
            respond(*responder);
            logLine(clock.nsecsElapsed());
        });
    } else {
        QHttpServerResponder responder = makeResponder(request, socket);
        respond(responder);
        logLine(clock.nsecsElapsed());
    }
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write(QByteArray::fromStdString(serializeError("NOT_FOUND", "No such resource.")),
                    {{"Content-Type", "application/json; charset=utf-8"}},
                    QHttpServerResponder::StatusCode::NotFound);
}

} // namespace sd
