#include "rawhttpreply.h"

#include <QSslSocket>
#include <QTimer>

namespace sd {

RawHttpReply::RawHttpReply(const QByteArray &method, const QUrl &url, const QByteArray &target,
                           const QList<QPair<QByteArray, QByteArray>> &headers,
                           const QByteArray &body, const QSslConfiguration &ssl, QObject *parent)
    : QNetworkReply(parent)
{
    setUrl(url);
    setOperation(QNetworkAccessManager::CustomOperation);
    setAttribute(QNetworkRequest::CustomVerbAttribute, method);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);

    const bool https = url.scheme() == QLatin1String("https");
    const int port = url.port(https ? 443 : 80);
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (url.port() != -1)
        host += ':' + QByteArray::number(port);
    m_request = method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n";
    for (const auto &[name, value] : headers)
        m_request += name + ": " + value + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        m_request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    m_request += "\r\n" + body;

    if (https) {
        auto *socket = new QSslSocket(this);
        socket->setSslConfiguration(ssl); // verification stays on: sslErrors are never ignored
        connect(socket, &QSslSocket::encrypted, this, &RawHttpReply::onConnected);
        connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            fail(SslHandshakeFailedError,
                 errors.isEmpty() ? tr("TLS handshake failed") : errors.first().errorString());
        });
        m_socket = socket;
        socket->connectToHostEncrypted(url.host(), quint16(port));
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &RawHttpReply::onConnected);
        m_socket->connectToHost(url.host(), quint16(port));
    }
    connect(m_socket, &QTcpSocket::readyRead, this, &RawHttpReply::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &RawHttpReply::onDisconnected);
    connect(m_socket, &QAbstractSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError e) {
                if (e == QAbstractSocket::RemoteHostClosedError)
                    return; // handled in onDisconnected, after the last bytes
                const NetworkError code = e == QAbstractSocket::ConnectionRefusedError
                                              ? ConnectionRefusedError
                                          : e == QAbstractSocket::HostNotFoundError
                                              ? HostNotFoundError
                                          : e == QAbstractSocket::SslHandshakeFailedError
                                              ? SslHandshakeFailedError
                                              : UnknownNetworkError;
                fail(code, m_socket->errorString());
            });
}

RawHttpReply::~RawHttpReply() = default;

void RawHttpReply::abort()
{
    if (m_done)
        return;
    fail(OperationCanceledError, tr("Operation canceled"));
}

qint64 RawHttpReply::bytesAvailable() const
{
    return m_body.size() + QNetworkReply::bytesAvailable();
}

qint64 RawHttpReply::readData(char *data, qint64 maxSize)
{
    const qint64 n = std::min<qint64>(maxSize, m_body.size());
    if (n == 0)
        return m_done ? -1 : 0;
    memcpy(data, m_body.constData(), size_t(n));
    m_body.remove(0, n);
    return n;
}

void RawHttpReply::onConnected()
{
    m_socket->write(m_request);
}

void RawHttpReply::onReadyRead()
{
    if (m_done)
        return;
    m_in += m_socket->readAll();
    if (!m_headersDone) {
        const qsizetype end = m_in.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = m_in.left(end).split('\n');
        const QList<QByteArray> status = lines.value(0).trimmed().split(' ');
        bool ok = false;
        const int code = status.value(1).toInt(&ok);
        if (!status.value(0).startsWith("HTTP/1.") || !ok) {
            fail(ProtocolFailure, tr("The server's answer is not HTTP."));
            return;
        }
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, code);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = lines[i].left(colon).trimmed();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            setRawHeader(name, value);
            if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0)
                m_chunked = value.toLower().contains("chunked");
            else if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                m_remaining = value.toLongLong();
        }
        m_in.remove(0, end + 4);
        m_headersDone = true;
        Q_EMIT metaDataChanged();
        if (m_done)
            return; // aborted from metaDataChanged (too large)
    }
    const qint64 before = m_body.size();
    const bool whole = parseBody();
    if (m_body.size() > before)
        Q_EMIT readyRead();
    if (whole && !m_done)
        complete();
}

bool RawHttpReply::parseBody()
{
    if (!m_chunked) {
        if (m_remaining < 0) {
            m_body += m_in;
            m_in.clear();
            return false; // until the connection closes
        }
        const qint64 take = std::min<qint64>(m_remaining, m_in.size());
        m_body += m_in.left(take);
        m_in.remove(0, take);
        m_remaining -= take;
        return m_remaining == 0;
    }
    for (;;) {
        const qsizetype lineEnd = m_in.indexOf("\r\n");
        if (lineEnd < 0)
            return false;
        bool ok = false;
        const qint64 size = m_in.left(lineEnd).split(';').first().trimmed().toLongLong(&ok, 16);
        if (!ok) {
            fail(ProtocolFailure, tr("The server sent a broken chunked body."));
            return false;
        }
        if (size == 0)
            return true; // trailers are ignored
        if (m_in.size() < lineEnd + 2 + size + 2)
            return false;
        m_body += m_in.mid(lineEnd + 2, size);
        m_in.remove(0, lineEnd + 2 + size + 2);
    }
}

void RawHttpReply::onDisconnected()
{
    if (m_done)
        return;
    if (!m_headersDone) {
        fail(RemoteHostClosedError, tr("Connection closed"));
        return;
    }
    if (!m_chunked && m_remaining < 0) {
        complete(); // a body delimited by the end of the connection
        return;
    }
    fail(RemoteHostClosedError, tr("Connection closed"));
}

void RawHttpReply::fail(NetworkError code, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    setError(code, message);
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    setFinished(true);
    // QNetworkReply users expect finished() from the event loop, never re-entrantly.
    QTimer::singleShot(0, this, [this, code] {
        Q_EMIT errorOccurred(code);
        Q_EMIT finished();
    });
}

void RawHttpReply::complete()
{
    m_done = true;
    m_socket->disconnect(this);
    m_socket->disconnectFromHost();
    setFinished(true);
    QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
}

} // namespace sd
