// A minimal HTTP/1.1 exchange over one socket, presented as a QNetworkReply.
//
// Why: QUrl always decodes "%2E" to "." and QNetworkAccessManager normalizes dot segments, so the
// order IDs "." and ".." cannot travel as "%2E" / "%2E%2E" through it (SEMANTICS.md requires
// that). For exactly those requests the client uses this class instead. One request per
// connection ("Connection: close"), Content-Length or chunked bodies, TLS always verified.
#pragma once

#include <QNetworkReply>
#include <QSslConfiguration>

class QTcpSocket;

namespace sd {

class RawHttpReply : public QNetworkReply
{
    Q_OBJECT
public:
    // `target` is the request target exactly as it goes on the wire ("/support/%2E").
    RawHttpReply(const QByteArray &method, const QUrl &url, const QByteArray &target,
                 const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body,
                 const QSslConfiguration &ssl, QObject *parent = nullptr);
    ~RawHttpReply() override;

    void abort() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;

private:
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void fail(NetworkError code, const QString &message);
    void complete();
    bool parseBody(); // true when the body is complete

    QTcpSocket *m_socket = nullptr;
    QByteArray m_request;
    QByteArray m_in;      // unparsed bytes from the socket
    QByteArray m_body;    // decoded body not yet read by the user
    bool m_headersDone = false;
    bool m_chunked = false;
    qint64 m_remaining = -1; // Content-Length left; -1 = until close
    bool m_done = false;
};

} // namespace sd
