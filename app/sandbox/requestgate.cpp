#include "requestgate.h"

#include "models.h"

#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>
#include <utility>

namespace sd {

namespace {

struct Refusal
{
    int status;
    const char *reason;
    const char *code;
    QString message;
};

// Follows the HTTP/1.1 framing of one connection (request line, header block, Content-Length
// or chunked body) over the bytes as they arrive. Its slot runs on every readyRead before
// QHttpServer's reader, which it never replaces: it only looks (peek) and, for a request over
// the limits, answers and drains the connection instead of letting QHttpServer buffer it.
class RequestGate : public QObject
{
public:
    RequestGate(QTcpSocket *socket, const RequestLimits &limits, GatedTcpServer::RefusalSink sink)
        : QObject(socket), m_socket(socket), m_limits(limits), m_sink(std::move(sink))
    {
    }

    void beforeHttpServer()
    {
        if (m_stage == Stage::Refused) {
            drain();
            return;
        }
        // New bytes are appended behind what QHttpServer left unread on its last turn (a
        // request it has not finished, or the next one sent early).
        const qint64 available = m_socket->bytesAvailable();
        const qint64 fresh = available - m_unreadAfterHttpServer;
        if (fresh <= 0)
            return;
        QByteArray seen(available, Qt::Uninitialized);
        const qint64 got = m_socket->peek(seen.data(), available);
        if (got < fresh)
            return;
        if (const auto refusal = feed(seen.constData() + got - fresh, fresh))
            refuse(*refusal);
    }

    void afterHttpServer()
    {
        if (m_stage != Stage::Refused)
            m_unreadAfterHttpServer = m_socket->bytesAvailable();
    }

private:
    enum class Stage { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailer, Refused };

    std::optional<Refusal> feed(const char *data, qint64 size)
    {
        qint64 i = 0;
        while (i < size) {
            switch (m_stage) {
            case Stage::Head:
            case Stage::ChunkSize:
            case Stage::Trailer: {
                const auto *newline = static_cast<const char *>(std::memchr(data + i, '\n', size_t(size - i)));
                const qint64 take = newline ? newline - (data + i) + 1 : size - i;
                if (m_stage == Stage::Head) {
                    m_headBytes += take;
                    if (m_headBytes > m_limits.maxHeaderBytes)
                        return headersTooLarge();
                } else {
                    m_bodyWire += take;
                    if (m_bodyWire > m_limits.maxBodyBytes + m_limits.maxHeaderBytes)
                        return bodyTooLarge();
                }
                m_line.append(data + i, newline ? take - 1 : take);
                i += take;
                if (newline) {
                    QByteArray line = std::exchange(m_line, QByteArray());
                    if (line.endsWith('\r'))
                        line.chop(1);
                    const auto refusal = m_stage == Stage::Head ? headLine(line)
                                       : m_stage == Stage::ChunkSize ? chunkSizeLine(line)
                                                                     : trailerLine(line);
                    if (refusal)
                        return refusal;
                }
                break;
            }
            case Stage::Body:
            case Stage::ChunkData: {
                const qint64 take = std::min(size - i, m_remaining);
                m_remaining -= take;
                i += take;
                if (m_stage == Stage::ChunkData) {
                    m_bodyWire += take;
                    if (m_remaining == 0)
                        m_stage = Stage::ChunkDataEnd;
                } else if (m_remaining == 0) {
                    nextRequest();
                }
                break;
            }
            case Stage::ChunkDataEnd: {
                const char c = data[i++];
                ++m_bodyWire;
                if (c == '\n')
                    m_stage = Stage::ChunkSize;
                else if (c != '\r')
                    return badRequest(QStringLiteral("A chunk of the body does not end with CRLF."));
                break;
            }
            case Stage::Refused:
                return std::nullopt;
            }
        }
        return std::nullopt;
    }

    std::optional<Refusal> headLine(const QByteArray &line)
    {
        if (!m_sawRequestLine) {
            const QByteArray requestLine = line.simplified();
            if (requestLine.isEmpty())
                return std::nullopt; // blank lines before a request are allowed (RFC 9112 2.2)
            m_sawRequestLine = true;
            const QList<QByteArray> parts = requestLine.split(' ');
            m_method = parts.value(0);
            m_target = parts.value(1);
            return std::nullopt;
        }
        if (line.isEmpty())
            return endOfHead();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return std::nullopt; // QHttpServer skips such a line too
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "transfer-encoding") {
            // QHttpServer reads a body as chunked when the header names chunked anywhere.
            if (value.toLower().contains("chunked"))
                m_chunked = true;
        } else if (name == "content-length") {
            // Two different lengths would let the framing be read two ways (request smuggling).
            if (!m_contentLengthText.isNull() && value != m_contentLengthText)
                return badRequest(QStringLiteral("The request has two different Content-Length headers."));
            m_contentLengthText = value;
            if (value.isEmpty() || std::any_of(value.begin(), value.end(), [](char c) { return c < '0' || c > '9'; }))
                return badRequest(QStringLiteral("The Content-Length header is not a number."));
            // Digits only: an overlong number is over the limit, never an overflow.
            m_contentLength = value.size() > 15 ? std::numeric_limits<qint64>::max() : value.toLongLong();
        }
        return std::nullopt;
    }

    std::optional<Refusal> endOfHead()
    {
        if (m_chunked) {
            m_stage = Stage::ChunkSize;
        } else if (m_contentLength > m_limits.maxBodyBytes) {
            return bodyTooLarge();
        } else if (m_contentLength > 0) {
            m_stage = Stage::Body;
            m_remaining = m_contentLength;
        } else {
            nextRequest();
        }
        return std::nullopt;
    }

    std::optional<Refusal> chunkSizeLine(const QByteArray &line)
    {
        const qsizetype extension = line.indexOf(';');
        const QByteArray hex = (extension < 0 ? line : line.left(extension)).trimmed();
        if (hex.isEmpty())
            return std::nullopt; // a blank line before the size: QHttpServer skips it as well
        qint64 chunk = 0;
        for (const char c : hex) {
            const int digit = (c >= '0' && c <= '9') ? c - '0'
                            : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                            : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                     : -1;
            if (digit < 0)
                return badRequest(QStringLiteral("A chunk size is not a hexadecimal number."));
            chunk = chunk * 16 + digit;
            if (chunk > m_limits.maxBodyBytes) // stops long before an overflow
                return bodyTooLarge();
        }
        if (chunk == 0) {
            m_stage = Stage::Trailer;
            return std::nullopt;
        }
        m_bodyBytes += chunk;
        if (m_bodyBytes > m_limits.maxBodyBytes)
            return bodyTooLarge();
        m_remaining = chunk;
        m_stage = Stage::ChunkData;
        return std::nullopt;
    }

    std::optional<Refusal> trailerLine(const QByteArray &line)
    {
        // QHttpServer 6.4 would read trailer fields as the start of the next request.
        if (!line.isEmpty())
            return badRequest(QStringLiteral("Trailer fields after a chunked body are not supported."));
        nextRequest();
        return std::nullopt;
    }

    void nextRequest()
    {
        m_stage = Stage::Head;
        m_line.clear();
        m_headBytes = 0;
        m_sawRequestLine = false;
        m_method.clear();
        m_target.clear();
        m_chunked = false;
        m_contentLengthText = QByteArray();
        m_contentLength = 0;
        m_remaining = 0;
        m_bodyBytes = 0;
        m_bodyWire = 0;
    }

    Refusal bodyTooLarge() const
    {
        return {413, "Content Too Large", "PAYLOAD_TOO_LARGE",
                QStringLiteral("The request body is over %1 bytes.").arg(m_limits.maxBodyBytes)};
    }
    Refusal headersTooLarge() const
    {
        return {431, "Request Header Fields Too Large", "HEADERS_TOO_LARGE",
                QStringLiteral("The request line and headers are over %1 bytes.").arg(m_limits.maxHeaderBytes)};
    }
    static Refusal badRequest(const QString &message)
    {
        return {400, "Bad Request", "INVALID_REQUEST", message};
    }

    // Answers, then reads and drops whatever the client still sends for a while before closing:
    // closing at once with unread data would reset the connection, and the client could lose
    // the answer before reading it.
    void refuse(const Refusal &refusal)
    {
        m_stage = Stage::Refused;
        // QHttpServer must see nothing more of this connection (its reader is the next slot of
        // this very readyRead); only draining stays connected.
        QObject::disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
        connect(m_socket, &QIODevice::readyRead, this, &RequestGate::drain);
        // QHttpServer keeps a started request in a read transaction: end it so the dropped bytes
        // are freed.
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        drain();
        m_line.clear();
        m_line.squeeze();

        const QByteArray body = QByteArray::fromStdString(
            serializeError(refusal.code, refusal.message.toStdString()));
        m_socket->write("HTTP/1.1 " + QByteArray::number(refusal.status) + ' ' + refusal.reason
                        + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        QTimer::singleShot(m_limits.lingerMs, m_socket, [socket = m_socket] { socket->abort(); });
        if (m_sink)
            m_sink(m_method, m_target, refusal.status);
    }

    void drain() { m_socket->skip(m_socket->bytesAvailable()); }

    QTcpSocket *m_socket;
    RequestLimits m_limits;
    GatedTcpServer::RefusalSink m_sink;
    qint64 m_unreadAfterHttpServer = 0;

    Stage m_stage = Stage::Head;
    QByteArray m_line;        // the line being read (bounded by the head or body limit)
    qint64 m_headBytes = 0;   // request line and header block so far, blank lines before it included
    bool m_sawRequestLine = false;
    QByteArray m_method;
    QByteArray m_target;
    bool m_chunked = false;
    QByteArray m_contentLengthText; // null when there is no Content-Length
    qint64 m_contentLength = 0;
    qint64 m_remaining = 0;   // of the fixed-length body or of the current chunk
    qint64 m_bodyBytes = 0;   // chunk data so far
    qint64 m_bodyWire = 0;    // chunked body as sent: data, sizes, extensions, line ends
};

} // namespace

GatedTcpServer::GatedTcpServer(const RequestLimits &limits, RefusalSink sink, QObject *parent)
    : QTcpServer(parent), m_limits(limits), m_sink(std::move(sink))
{
}

void GatedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    socket->setSocketDescriptor(socketDescriptor);
    // QHttpServer holds a request in a read transaction until it is complete, so the buffer
    // must fit the largest allowed request; beyond it the kernel holds the client back.
    socket->setReadBufferSize(2 * m_limits.maxHeaderBytes + m_limits.maxBodyBytes + 64 * 1024);
    auto *gate = new RequestGate(socket, m_limits, m_sink);
    connect(socket, &QIODevice::readyRead, gate, &RequestGate::beforeHttpServer);
    // QAbstractHttpServer takes the socket and connects its reader here (pendingConnectionAvailable).
    addPendingConnection(socket);
    connect(socket, &QIODevice::readyRead, gate, &RequestGate::afterHttpServer);
}

} // namespace sd
