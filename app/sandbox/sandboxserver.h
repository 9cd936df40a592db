// The reference server of the Support Management API (shared/api/SEMANTICS.md), usable in-process
// by tests and by `supportdesk --demo`, and as the `supportdesk-sandbox` executable.
#pragma once

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace sd {

class SandboxServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxBodyBytes = 1024 * 1024;
    // The request line and header block; larger ones get 431 before they are read further.
    static constexpr qint64 kMaxHeaderBytes = 64 * 1024;

    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    // Empty: no authentication. Else every request needs "Authorization: Bearer <token>".
    void setToken(const QString &token);
    // Without ETags the server behaves like a Provider Platform that has none (clients must
    // then detect conflicts by comparing a fresh GET).
    void setEtagsEnabled(bool enabled);
    // Delay every answer by this much (simulates a remote server; does not block the loop).
    void setLatencyMs(int ms);
    // Persist state to `path` (atomically, after every write); loads it when it exists.
    // Returns an error message, empty on success.
    QString setDataFile(const QString &path);
    // Adds `count` realistic sessions (deterministic for a given `seed`).
    void seed(int count, quint32 seed = 20261128);
    // One line per request: "GET /support/ORD-1 200 0.4ms". Never the token.
    void setLogSink(std::function<void(const QString &)> sink);

    // Listens and returns the base URL ("http://127.0.0.1:PORT/"), invalid on failure.
    QUrl start(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QUrl baseUrl() const;

    // Test helpers.
    int sessionCount() const;
    bool hasSession(const QString &orderId) const;
    QByteArray sessionJson(const QString &orderId) const; // empty when none
    // Sets a session directly (bypassing HTTP), e.g. to simulate a second client's change.
    bool putSessionJson(const QString &orderId, const QByteArray &json);
    qint64 requestCount() const;

Q_SIGNALS:
    void requestHandled(const QByteArray &method, const QString &path, int status);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct State;
    std::unique_ptr<State> d;
};

} // namespace sd
