#include "faultserver.h"

#include <QSslServer>
#include <QSslSocket>
#include <QTcpSocket>

#include <sys/socket.h>

FaultServer::FaultServer(QObject *parent) : QObject(parent) {}

FaultServer::~FaultServer() = default;

QUrl FaultServer::start()
{
    m_server = new QTcpServer(this);
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        return {};
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = m_server->nextPendingConnection())
            onConnection(s);
    });
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server->serverPort()));
}

QUrl FaultServer::startTls(const QSslCertificate &cert, const QSslKey &key)
{
    auto *server = new QSslServer(this);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(cert);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // the server does not ask for client certs
    server->setSslConfiguration(config);
    m_server = server;
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        return {};
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *s = m_server->nextPendingConnection())
            onConnection(s);
    });
    return QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(m_server->serverPort()));
}

void FaultServer::onConnection(QTcpSocket *socket)
{
    socket->setParent(this);
    ++m_connections;
    m_buffers.insert(socket, {});
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
        m_buffers[socket] += socket->readAll();
        processBuffer(socket);
    });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        m_buffers.remove(socket);
        socket->deleteLater();
    });
    if (socket->bytesAvailable() > 0) {
        m_buffers[socket] += socket->readAll();
        processBuffer(socket);
    }
}

void FaultServer::processBuffer(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        RecordedRequest request;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                       lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        request.body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        m_requests.append(request);
        const FaultStep step = m_script.isEmpty() ? m_fallback : m_script.takeFirst();
        answer(socket, step);
        Q_EMIT requestReceived();
        if (step.kind != FaultStep::Kind::Respond)
            return;
    }
}

void FaultServer::answer(QTcpSocket *socket, const FaultStep &step)
{
    const auto head = [&step](qint64 length, bool chunked) -> QByteArray {
        QByteArray h = "HTTP/1.1 " + QByteArray::number(step.status) + " Status\r\n";
        bool hasType = false;
        for (const auto &[name, value] : step.headers) {
            hasType = hasType || name.toLower() == "content-type";
            h += name + ": " + value + "\r\n";
        }
        if (!hasType)
            h += "Content-Type: application/json\r\n";
        if (chunked)
            h += "Transfer-Encoding: chunked\r\n";
        else
            h += "Content-Length: " + QByteArray::number(length) + "\r\n";
        return h + "\r\n";
    };
    switch (step.kind) {
    case FaultStep::Kind::Respond:
        socket->write(head(step.body.size(), false) + step.body);
        break;
    case FaultStep::Kind::Drop:
        socket->disconnectFromHost();
        break;
    case FaultStep::Kind::Reset: {
        // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
        const linger hard{1, 0};
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        socket->abort();
        break;
    }
    case FaultStep::Kind::Hang:
        break; // say nothing; the client's timeout must end it
    case FaultStep::Kind::Truncate:
        socket->write(head(step.body.size(), false) + step.body.left(step.body.size() / 2));
        socket->flush();
        socket->disconnectFromHost();
        break;
    case FaultStep::Kind::Endless: {
        socket->write(head(0, true));
        const QByteArray oneChunk = "10000\r\n" + QByteArray(0x10000, ' ') + "\r\n";
        QPointer<QTcpSocket> guard(socket);
        const qint64 queue = step.endlessQueue;
        // The socket sends one written block per turn of the event loop: for a fast stream,
        // write 64 chunks (4 MiB) at a time.
        const QByteArray chunk = queue >= (4 << 20) ? oneChunk.repeated(64) : oneChunk;
        auto pump = [this, guard, chunk, queue] {
            // Keep `queue` bytes queued; stop at 64 MiB so the test cannot run away.
            while (guard && guard->state() == QAbstractSocket::ConnectedState
                   && guard->bytesToWrite() < queue && m_endlessSent < (64 << 20)) {
                guard->write(chunk);
                m_endlessSent += chunk.size();
            }
        };
        connect(socket, &QTcpSocket::bytesWritten, this, pump);
        connect(socket, &QTcpSocket::disconnected, this, [this] { m_endlessGone = true; });
        pump();
        break;
    }
    }
}
