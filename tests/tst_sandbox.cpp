// The sandbox's semantics (SEMANTICS.md), spoken to with plain HTTP (an in-process server), its
// seeding and latency. The executable itself (persistence, its data file, bodies nested too deep
// or too large, its arguments) is in tst_sandbox_exe.cpp.
#include "sandboxtest.h"
#include "sandboxserver.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

class TestSandbox : public QObject
{
    Q_OBJECT
    sd::SandboxServer *m_server = nullptr;
    QUrl m_url;

private Q_SLOTS:
    void init()
    {
        m_server = new sd::SandboxServer(this);
        m_url = m_server->start();
        QVERIFY(m_url.isValid());
    }
    void cleanup() { delete m_server; }

    void lifecycleAndErrorBodies()
    {
        Answer a = raw(m_url, "GET", "/support/ORD-1");
        QCOMPARE(a.status, 404);
        QCOMPARE(a.code(), std::string("SESSION_NOT_FOUND"));
        QVERIFY(a.contentType.startsWith("application/json"));
        QVERIFY(a.value()["error"].contains("message"));

        a = raw(m_url, "POST", "/support/ORD-1", R"({"callback_phone":"1","x_ext":{"k":[1]}})");
        QCOMPARE(a.status, 201);
        QCOMPARE(a.value()["order_id"].get<std::string>(), std::string("ORD-1"));
        QCOMPARE(a.value()["x_ext"]["k"][0].get<int>(), 1); // unknown fields stored and returned
        const QByteArray tag1 = a.etag;
        QVERIFY(!tag1.isEmpty());

        QCOMPARE(raw(m_url, "POST", "/support/ORD-1").code(), std::string("SESSION_ALREADY_OPEN"));
        QCOMPARE(raw(m_url, "POST", "/support/ORD-1").status, 409);

        a = raw(m_url, "PUT", "/support/ORD-1", R"({"order_id":"ORD-2"})");
        QCOMPARE(a.status, 400);
        QCOMPARE(a.code(), std::string("ORDER_ID_MISMATCH"));

        a = raw(m_url, "PUT", "/support/ORD-1", R"({"callback_phone":"2"})");
        QCOMPARE(a.status, 200);
        QVERIFY(a.etag != tag1);
        QVERIFY(!a.value().contains("x_ext")); // PUT replaces the whole session

        // If-Match with a stale tag: 412; with the current one or "*": accepted.
        a = raw(m_url, "PUT", "/support/ORD-1", R"({})", {"If-Match: " + tag1});
        QCOMPARE(a.status, 412);
        QCOMPARE(a.code(), std::string("PRECONDITION_FAILED"));
        const QByteArray tag2 = raw(m_url, "GET", "/support/ORD-1").etag;
        QCOMPARE(raw(m_url, "PUT", "/support/ORD-1", R"({})", {"If-Match: " + tag2}).status, 200);
        QCOMPARE(raw(m_url, "DELETE", "/support/ORD-1/agent", {}, {"If-Match: *"}).status, 200);

        a = raw(m_url, "GET", "/support/ORD-1/agent");
        QCOMPARE(a.status, 404);
        QCOMPARE(a.code(), std::string("AGENT_NOT_ASSIGNED"));
        a = raw(m_url, "PUT", "/support/ORD-1/agent", R"({"agent":{"person":{"name":"x"}}})");
        QCOMPARE(a.status, 400);
        QCOMPARE(a.code(), std::string("AGENT_ID_REQUIRED"));
        a = raw(m_url, "PUT", "/support/ORD-1/agent", R"({"agent":{"id":"ag-1","x":true}})");
        QCOMPARE(a.status, 200);
        QCOMPARE(a.value()["agent"]["id"].get<std::string>(), std::string("ag-1"));
        a = raw(m_url, "GET", "/support/ORD-1/agent");
        QCOMPARE(a.status, 200);
        QCOMPARE(a.value()["x"].get<bool>(), true);
        a = raw(m_url, "DELETE", "/support/ORD-1/agent");
        QCOMPARE(a.status, 200);
        QVERIFY(!a.value().contains("agent"));

        a = raw(m_url, "DELETE", "/support/ORD-1");
        QCOMPARE(a.status, 200);
        QCOMPARE(a.value()["order_id"].get<std::string>(), std::string("ORD-1"));
        QCOMPARE(raw(m_url, "GET", "/support/ORD-1").status, 404);
        QCOMPARE(raw(m_url, "PUT", "/support/ORD-1", "{}").status, 404);
        QCOMPARE(raw(m_url, "DELETE", "/support/ORD-1").status, 404);
        QCOMPARE(raw(m_url, "DELETE", "/support/ORD-1/agent").status, 404);
        QCOMPARE(raw(m_url, "POST", "/support/ORD-1").status, 201); // reopens
    }

    void badBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("malformed") << QByteArray("{") << QByteArray("INVALID_JSON");
        QTest::newRow("array") << QByteArray("[]") << QByteArray("INVALID_BODY");
        QTest::newRow("wrong type") << QByteArray(R"({"callback_phone":1})") << QByteArray("INVALID_BODY");
        QTest::newRow("agent string") << QByteArray(R"({"agent":"x"})") << QByteArray("INVALID_BODY");
    }
    void badBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, code);
        QCOMPARE(raw(m_url, "POST", "/support/B").status, 201);
        const Answer a = raw(m_url, "PUT", "/support/B", body);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.code(), code.toStdString());
    }

    void bodyOverOneMebibyte()
    {
        QCOMPARE(raw(m_url, "POST", "/support/BIG").status, 201);
        const QByteArray big = "{\"x\":\"" + QByteArray(1024 * 1024, 'a') + "\"}";
        const Answer a = raw(m_url, "PUT", "/support/BIG", big);
        QCOMPARE(a.status, 413);
        QCOMPARE(a.code(), std::string("PAYLOAD_TOO_LARGE"));
    }

    // What the bound on reading must not break: a body just under the limit, a chunked body,
    // requests sent back to back on one connection.
    void boundedReadingKeepsValidRequests()
    {
        QCOMPARE(raw(m_url, "POST", "/support/NEAR").status, 201);
        const QByteArray near = "{\"x\":\"" + QByteArray(1024 * 1024 - 64, 'a') + "\"}";
        QCOMPARE(raw(m_url, "PUT", "/support/NEAR", near).status, 200);

        const QByteArray chunked = "{\"callback_phone\":\"+4917612345\"}";
        // Chunked (with a chunk extension), and pipelined: three PUT + GET pairs in one write.
        QTcpSocket socket;
        socket.connectToHost(m_url.host(), quint16(m_url.port()));
        QVERIFY(QSignalSpy(&socket, &QTcpSocket::connected).wait(5000));
        QByteArray pipeline;
        for (int i = 0; i < 3; ++i)
            pipeline += "PUT /support/NEAR HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n"
                        + chunked.left(5) + "\r\n" + QByteArray::number(chunked.size() - 5, 16)
                        + ";ext=1\r\n" + chunked.mid(5) + "\r\n0\r\n\r\n"
                        + "GET /support/NEAR HTTP/1.1\r\nHost: x\r\n\r\n";
        socket.write(pipeline);
        QByteArray data;
        int answers = 0;
        QSignalSpy readyRead(&socket, &QTcpSocket::readyRead);
        while (answers < 6 && (readyRead.wait(5000) || socket.bytesAvailable() > 0)) {
            data += socket.readAll();
            Answer next;
            while (parseAnswer(data, &next)) {
                QCOMPARE(next.status, 200);
                QCOMPARE(next.value()["callback_phone"].get<std::string>(), std::string("+4917612345"));
                data.remove(0, data.indexOf("\r\n\r\n") + 4 + next.body.size());
                ++answers;
                next = Answer();
            }
        }
        QCOMPARE(answers, 6);
    }

    void tokenRequired()
    {
        m_server->setToken(QStringLiteral("t0k"));
        Answer a = raw(m_url, "GET", "/support/X");
        QCOMPARE(a.status, 401);
        QCOMPARE(a.code(), std::string("UNAUTHORIZED"));
        QCOMPARE(raw(m_url, "GET", "/support/X", {}, {"Authorization: Bearer nope"}).status, 401);
        QCOMPARE(raw(m_url, "GET", "/support/X", {}, {"Authorization: Bearer t0k"}).status, 404);
    }

    void everyIdIncludingSlashes_data()
    {
        QTest::addColumn<QByteArray>("encoded");
        QTest::addColumn<QString>("id");
        QTest::newRow("slash") << QByteArray("a%2Fb") << QStringLiteral("a/b");
        QTest::newRow("slash agent") << QByteArray("T-1%2Fagent") << QStringLiteral("T-1/agent");
        QTest::newRow("dot") << QByteArray("%2E") << QStringLiteral(".");
        QTest::newRow("dotdot") << QByteArray("%2E%2E") << QStringLiteral("..");
        QTest::newRow("reserved") << QByteArray("ORD%2F7%20%3F%23%25") << QStringLiteral("ORD/7 ?#%");
        QTest::newRow("utf8") << QByteArray("%C3%A4") << QStringLiteral("ä");
    }
    void everyIdIncludingSlashes()
    {
        QFETCH(QByteArray, encoded);
        QFETCH(QString, id);
        const Answer a = raw(m_url, "POST", "/support/" + encoded);
        QCOMPARE(a.status, 201);
        QCOMPARE(QString::fromStdString(a.value()["order_id"].get<std::string>()), id);
        QVERIFY(m_server->hasSession(id));
        QCOMPARE(raw(m_url, "PUT", "/support/" + encoded + "/agent", R"({"agent":{"id":"x"}})").status, 200);
        QCOMPARE(raw(m_url, "GET", "/support/" + encoded + "/agent").status, 200);
    }

    void unknownPathsAndMethods()
    {
        QCOMPARE(raw(m_url, "GET", "/nothing").status, 404);
        QCOMPARE(raw(m_url, "GET", "/support/a/b/c").status, 404);
        QCOMPARE(raw(m_url, "PATCH", "/support/a", "{}").status, 405);
    }

    void seededSessionsAreRealistic()
    {
        m_server->seed(60);
        QCOMPARE(m_server->sessionCount(), 60);
        int withAgent = 0, withRating = 0, withSlash = 0;
        for (int i = 0; i < 60; ++i) {
            const QString id = (i % 17 == 16) ? QStringLiteral("ORD/2026/%1").arg(100001 + i)
                                              : QStringLiteral("ORD-%1").arg(100001 + i);
            const json s = json::parse(m_server->sessionJson(id).toStdString());
            QVERIFY(s.contains("callback_phone"));
            QVERIFY(s["chat"].contains("url"));
            QVERIFY(s["descriptor"].contains("name"));
            if (s.contains("agent")) {
                ++withAgent;
                QVERIFY(s["agent"]["person"].contains("name"));
                QVERIFY(s["agent"]["contact"].contains("email"));
                withRating += s["agent"].contains("rating") ? 1 : 0;
            }
            withSlash += id.contains(QLatin1Char('/')) ? 1 : 0;
        }
        QVERIFY(withAgent > 30 && withAgent < 60); // some unassigned
        QVERIFY(withRating > 10);
        QCOMPARE(withSlash, 3);
    }

    // Latency delays the answers without blocking the server: all four requests reach it while
    // none is answered yet, so they are in progress at once. (How long that takes is measured
    // by tests/bench/run.sh, as a ratio against one request alone.)
    void latencyDelaysWithoutBlocking()
    {
        // Long enough that four requests on loopback reach the server before the first answer,
        // even under a sanitizer on a loaded machine; the test does not wait it out more than once.
        m_server->setLatencyMs(2000);
        const qint64 before = m_server->requestCount();
        QSignalSpy answered(m_server, &sd::SandboxServer::requestHandled);
        QNetworkAccessManager nam;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 4; ++i)
            replies << nam.get(QNetworkRequest(QUrl(m_url.toString() + QStringLiteral("support/L%1").arg(i))));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount() - before, qint64(4), 10000);
        QCOMPARE(answered.count(), 0); // a server that slept on each would have answered three by now
        for (QNetworkReply *r : std::as_const(replies))
            QVERIFY(r->isRunning());
        for (QNetworkReply *r : std::as_const(replies)) {
            if (!r->isFinished())
                QVERIFY(QSignalSpy(r, &QNetworkReply::finished).wait(10000));
            QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
            delete r;
        }
        QCOMPARE(answered.count(), 4);
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
