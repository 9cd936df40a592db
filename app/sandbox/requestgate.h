// The listening socket of the sandbox. QHttpServer 6.4 reads a whole request (any
// Content-Length, any chunked body, any header block) into memory before the server sees it;
// this server's connections are watched byte by byte as they arrive, and a request over the
// limits is answered (413, 431 or 400 with the Error body) and its connection closed before
// QHttpServer reads the excess.
#pragma once

#include <QByteArray>
#include <QTcpServer>

#include <functional>

namespace sd {

struct RequestLimits
{
    qint64 maxHeaderBytes = 64 * 1024; // request line and header block
    qint64 maxBodyBytes = 1024 * 1024; // decoded body; a chunked body's framing may add maxHeaderBytes
    int lingerMs = 2000; // after a refusal: how long to drain what the client still sends
};

class GatedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    // Told about every refused request: its method and target as sent (either may be empty),
    // and the status it was answered with.
    using RefusalSink = std::function<void(const QByteArray &method, const QByteArray &target, int status)>;

    explicit GatedTcpServer(const RequestLimits &limits, RefusalSink sink, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    RequestLimits m_limits;
    RefusalSink m_sink;
};

} // namespace sd
