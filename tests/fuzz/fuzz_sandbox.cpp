// The sandbox's request handling (SandboxServer) on any request a client may send: requests go
// over a real connection on 127.0.0.1 into a server in this process, so Qt's HTTP parsing, the
// routing, the body checks and the JSON handling all see them. The server always answers or
// closes; it never crashes or hangs.
//
// Input: up to four requests separated by a line "---", sent in order, each on its own
// connection, to a fresh server holding two sessions ("ORD-1", with an agent, and "ORD/2026/7")
// and requiring the token "fuzz-token". A request whose first line contains " HTTP/" is sent
// byte for byte; any other is "METHOD PATH", optional header lines, an empty line and the body,
// sent with Host, Content-Length and (unless given) the right Authorization added.
#include "fuzzsupport.h"
#include "sandboxserver.h"

#include <QElapsedTimer>
#include <QTcpSocket>

#include <sys/socket.h>

namespace {

constexpr int kMaxRequests = 4;
constexpr int kAnswerWithinMs = 3000; // loopback and a local server: far more than enough

QList<QByteArray> splitRequests(const QByteArray &input)
{
    QList<QByteArray> parts;
    qsizetype from = 0;
    while (parts.size() < kMaxRequests - 1) {
        const qsizetype sep = input.indexOf("\n---\n", from);
        if (sep < 0)
            break;
        parts << input.mid(from, sep - from);
        from = sep + 5;
    }
    parts << input.mid(from);
    return parts;
}

QByteArray toWire(const QByteArray &part)
{
    qsizetype eol = part.indexOf('\n');
    const QByteArray first = eol < 0 ? part : part.left(eol);
    if (first.contains(" HTTP/"))
        return part; // raw
    const qsizetype space = first.indexOf(' ');
    const QByteArray method = space < 0 ? first : first.left(space);
    QByteArray path = space < 0 ? QByteArray() : first.mid(space + 1).trimmed();
    if (path.isEmpty())
        path = "/";
    QByteArray headers;
    bool haveAuth = false, haveLength = false;
    QByteArray body;
    qsizetype pos = eol < 0 ? part.size() : eol + 1;
    while (pos < part.size()) {
        qsizetype end = part.indexOf('\n', pos);
        if (end < 0)
            end = part.size();
        const QByteArray line = part.mid(pos, end - pos);
        pos = end + 1;
        if (line.trimmed().isEmpty()) {
            body = part.mid(pos);
            break;
        }
        const QByteArray name = line.left(line.indexOf(':')).trimmed().toLower();
        haveAuth = haveAuth || name == "authorization";
        haveLength = haveLength || name == "content-length" || name == "transfer-encoding";
        headers += line + "\r\n";
    }
    QByteArray wire = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers;
    if (!haveAuth)
        wire += "Authorization: Bearer fuzz-token\r\n";
    if (!haveLength)
        wire += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return wire + "\r\n" + body;
}

// Sends one request on a new connection, half-closes it (so a server waiting for more body
// sees the end) and waits until the server has closed its side, reading whatever it answers.
void exchange(quint16 port, const QByteArray &wire)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QElapsedTimer clock;
    clock.start();
    bool shut = false;
    while (socket.state() != QAbstractSocket::UnconnectedState) {
        FUZZ_CHECK(clock.elapsed() < kAnswerWithinMs); // a hang: no answer, no close
        if (socket.state() == QAbstractSocket::ConnectedState && !shut) {
            socket.write(wire);
            while (socket.bytesToWrite() > 0 && socket.state() == QAbstractSocket::ConnectedState
                   && clock.elapsed() < kAnswerWithinMs) {
                socket.flush();
                QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            }
            ::shutdown(int(socket.socketDescriptor()), SHUT_WR);
            shut = true;
        }
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        socket.readAll();
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sd::SandboxServer server;
    server.setToken(QStringLiteral("fuzz-token"));
    server.setLogSink([](const QString &line) { FUZZ_CHECK(!line.isEmpty()); });
    FUZZ_CHECK(server.putSessionJson(
        QStringLiteral("ORD-1"),
        R"({"order_id":"ORD-1","callback_phone":"+4930123456","agent":{"id":"agent-7","person":{"name":"Amara"}}})"));
    FUZZ_CHECK(server.putSessionJson(QStringLiteral("ORD/2026/7"), R"({"descriptor":{"name":"Late delivery"}})"));
    const QUrl base = server.start();
    FUZZ_CHECK(base.isValid());
    const quint16 port = quint16(base.port());

    for (const QByteArray &part : splitRequests(fuzz::bytes(data, size)))
        exchange(port, toWire(part));
    // Let the server finish with its side of the connections before it goes.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return 0;
}
