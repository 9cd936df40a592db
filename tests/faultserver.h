// A scripted HTTP/1.1 server on 127.0.0.1 for fault injection: answers each request with the
// next step of its script (a status and body, a dropped connection, silence, a truncated or an
// endless body), optionally over TLS. Records every request it sees.
#pragma once

#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

struct RecordedRequest
{
    QByteArray method;
    QByteArray path; // as sent, still percent-encoded
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
};

struct FaultStep
{
    enum class Kind { Respond, Drop, Hang, Truncate, Endless, Reset };
    Kind kind = Kind::Respond;
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // Content-Type defaults to application/json
    qint64 endlessQueue = 1 << 20; // Endless: how much the server keeps queued for the client

    static FaultStep json(int status, const QByteArray &body) { return {Kind::Respond, status, body, {}}; }
    static FaultStep drop() { return {Kind::Drop, 0, {}, {}}; }
    // Closes the connection with a TCP reset (RST), as a crashing server or a middlebox does.
    static FaultStep reset() { return {Kind::Reset, 0, {}, {}}; }
    // A redirect to `location` (taken as given: relative, another port, with credentials).
    static FaultStep redirect(int status, const QByteArray &location)
    {
        return {Kind::Respond, status, {}, {{"Location", location}}};
    }
    static FaultStep hang() { return {Kind::Hang, 0, {}, {}}; }
    // Declares Content-Length of the whole body but sends only half, then closes.
    static FaultStep truncated(const QByteArray &body) { return {Kind::Truncate, 200, body, {}}; }
    // A chunked body that never ends (until the client goes away).
    // `queue`: bytes kept queued, so a client that reads ahead can take them as fast as it likes.
    static FaultStep endless(qint64 queue = 1 << 20) { return {Kind::Endless, 200, {}, {}, queue}; }
};

class FaultServer : public QObject
{
    Q_OBJECT
public:
    explicit FaultServer(QObject *parent = nullptr);
    ~FaultServer() override;

    // Plain HTTP, or TLS with the given certificate.
    QUrl start();
    QUrl startTls(const QSslCertificate &cert, const QSslKey &key);

    void enqueue(const FaultStep &step) { m_script.append(step); }
    // Used when the script is empty.
    void setFallback(const FaultStep &step) { m_fallback = step; }
    const QList<RecordedRequest> &requests() const { return m_requests; }
    int connectionCount() const { return m_connections; }
    qint64 endlessBytesSent() const { return m_endlessSent; }
    bool endlessClientGone() const { return m_endlessGone; }

Q_SIGNALS:
    void requestReceived();

private:
    void onConnection(QTcpSocket *socket);
    void processBuffer(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const FaultStep &step);

    QTcpServer *m_server = nullptr;
    QList<FaultStep> m_script;
    FaultStep m_fallback = FaultStep::json(500, R"({"error":{"code":"NO_SCRIPT","message":"no step left"}})");
    QList<RecordedRequest> m_requests;
    QMap<QTcpSocket *, QByteArray> m_buffers;
    int m_connections = 0;
    qint64 m_endlessSent = 0;
    bool m_endlessGone = false;
};
