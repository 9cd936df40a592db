// Shared by tst_sandbox and tst_sandbox_exe: one raw HTTP/1.1 request to a sandbox, in-process or
// the executable, and its answer.
#pragma once

#include <QList>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QUrl>

#ifndef Q_MOC_RUN // moc cannot parse nlohmann/json.hpp
#include <nlohmann/json.hpp>
#endif

using nlohmann::json;

struct Answer
{
    int status = 0;
    QByteArray body;
    QByteArray etag;
    QByteArray contentType;
    json value() const { return json::parse(body.begin(), body.end(), nullptr, false); }
    std::string code() const
    {
        const json v = value();
        return v.is_object() && v.contains("error") ? v["error"].value("code", std::string()) : std::string();
    }
};

// Parses one HTTP/1.1 answer from the start of `data`: true when it is complete.
inline bool parseAnswer(const QByteArray &data, Answer *a)
{
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    qint64 length = 0;
    for (const QByteArray &line : data.left(end).split('\n')) {
        const QByteArray l = line.trimmed();
        if (l.startsWith("HTTP/1.1 "))
            a->status = l.mid(9, 3).toInt();
        const qsizetype colon = l.indexOf(':');
        const QByteArray name = l.left(colon).toLower();
        const QByteArray value = l.mid(colon + 1).trimmed();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "etag")
            a->etag = value;
        else if (name == "content-type")
            a->contentType = value;
    }
    if (data.size() < end + 4 + length)
        return false;
    a->body = data.mid(end + 4, length);
    return true;
}

// Sends one raw HTTP/1.1 request (so that paths go exactly as written) and reads the answer.
// Waits through the event loop: the sandbox under test lives in this thread.
inline Answer raw(const QUrl &base, const QByteArray &method, const QByteArray &path,
           const QByteArray &body = {}, const QList<QByteArray> &headers = {})
{
    QTcpSocket socket;
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    socket.connectToHost(base.host(), quint16(base.port()));
    if (socket.state() != QAbstractSocket::ConnectedState && !connected.wait(5000))
        return {};
    QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const QByteArray &h : headers)
        request += h + "\r\n";
    if (!body.isEmpty() || method == "PUT" || method == "POST")
        request += "Content-Type: application/json\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n" + body;
    socket.write(request);
    QByteArray data;
    Answer a;
    QSignalSpy readyRead(&socket, &QTcpSocket::readyRead);
    while (socket.state() == QAbstractSocket::ConnectedState || socket.bytesAvailable() > 0) {
        data += socket.readAll();
        if (parseAnswer(data, &a))
            return a;
        if (!readyRead.wait(10000))
            break;
    }
    return a;
}
