// Requests as values (requests.h): what each one sends, and their JSON: every request survives
// a round trip, and stored JSON that is damaged or forged in any way is refused with a reason.
#include "requests.h"
#include "outbox.h"

#include <QTest>

using namespace sd;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(sd::ApiRequest)

namespace {

Support session()
{
    Support s;
    s.callbackPhone = "+1 555 0100";
    s.chat = Chat{"https://chat.example/1", "S-1", {}};
    // A field the models do not know travels unchanged.
    auto parsed = parseSupport("{\"callback_phone\":\"+1 555 0100\",\"x_custom\":{\"a\":[1,2]}}");
    if (parsed.ok())
        s.extra = parsed.value->extra;
    return s;
}

Agent agent()
{
    Agent a;
    a.id = "a-7";
    a.person.emplace();
    a.person->name = "Zoë Ortiz";
    return a;
}

// moc's lexer cannot read raw string literals: the rows are kept out of its sight.
void addBadRows();

#ifndef Q_MOC_RUN
void addBadRows()
{
    const auto row = [](const char *name, const QByteArray &text, const char *reason) {
        QTest::newRow(name) << text << QString::fromUtf8(reason);
    };
    row("empty", "", "not valid JSON");
    row("not json", "{\"request\":", "not valid JSON");
    row("array", "[]", "not a JSON object");
    row("string", "\"fetch\"", "not a JSON object");
    row("too deep", "{\"request\":\"replace\",\"order_id\":\"T-1\",\"session\":{\"x\":"
                        + QByteArray(100, '[') + QByteArray(100, ']') + "}}",
        "nested deeper");
    row("no kind", R"({"order_id":"T-1"})", "does not say which request");
    row("kind not string", R"({"request":1,"order_id":"T-1"})", "does not say which request");
    row("unknown kind", R"({"request":"patch","order_id":"T-1"})", "\"patch\" is not a known request");
    row("no order id", R"({"request":"fetch"})", "names no order ID");
    row("order id number", R"({"request":"fetch","order_id":7})", "order ID is not a string");
    row("order id empty", R"({"request":"close","order_id":""})", "empty");
    row("order id dot dot", R"({"request":"close","order_id":".."})", "..");
    row("unknown member", R"({"request":"fetch","order_id":"T-1","x":1})", "member \"x\"");
    row("if-match on fetch", R"({"request":"fetch","order_id":"T-1","if_match":"\"1\""})", "member \"if_match\"");
    row("session on close", R"({"request":"close","order_id":"T-1","session":{}})", "member \"session\"");
    row("agent on replace", R"({"request":"replace","order_id":"T-1","session":{},"agent":{"id":"a"}})",
        "member \"agent\"");
    row("if-match number", R"({"request":"close","order_id":"T-1","if_match":3})", "not a string");
    row("if-match line break", "{\"request\":\"close\",\"order_id\":\"T-1\",\"if_match\":\"\\\"1\\\"\\r\\nX-Evil: 1\"}",
        "control characters");
    row("replace without session", R"({"request":"replace","order_id":"T-1"})", "holds no session");
    row("session not object", R"({"request":"replace","order_id":"T-1","session":[]})", "session is not valid");
    row("session wrong field", R"({"request":"replace","order_id":"T-1","session":{"callback_phone":5}})",
        "/session/callback_phone");
    row("assign without agent", R"({"request":"assign-agent","order_id":"T-1"})", "holds no agent");
    row("agent without id", R"({"request":"assign-agent","order_id":"T-1","agent":{}})", "needs an ID");
    row("agent blank id", R"({"request":"assign-agent","order_id":"T-1","agent":{"id":"  "}})", "needs an ID");
    row("agent wrong type", R"({"request":"assign-agent","order_id":"T-1","agent":{"id":3}})", "/agent/id");
}
#endif

} // namespace

class TestRequests : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<ApiRequest>("request");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("pathEnd");
        QTest::addColumn<bool>("withBody");
        QTest::addColumn<int>("operation");

        QTest::newRow("create without body") << ApiRequest(CreateRequest{QStringLiteral("T-1"), {}})
                                             << QByteArray("POST") << QStringLiteral("/support/T-1") << false
                                             << int(Operation::Create);
        QTest::newRow("create with body") << ApiRequest(CreateRequest{QStringLiteral("T-1"), session()})
                                          << QByteArray("POST") << QStringLiteral("/support/T-1") << true
                                          << int(Operation::Create);
        QTest::newRow("fetch") << ApiRequest(FetchRequest{QStringLiteral("a/b c")}) << QByteArray("GET")
                               << QStringLiteral("/support/a%2Fb%20c") << false << int(Operation::Fetch);
        QTest::newRow("replace") << ApiRequest(ReplaceRequest{QStringLiteral("T-1"), session(), {}})
                                 << QByteArray("PUT") << QStringLiteral("/support/T-1") << true
                                 << int(Operation::Update);
        QTest::newRow("replace if-match") << ApiRequest(ReplaceRequest{QStringLiteral("T-1"), session(), "W/\"3\""})
                                          << QByteArray("PUT") << QStringLiteral("/support/T-1") << true
                                          << int(Operation::Update);
        QTest::newRow("close") << ApiRequest(CloseRequest{QStringLiteral("T-1"), {}}) << QByteArray("DELETE")
                               << QStringLiteral("/support/T-1") << false << int(Operation::Close);
        QTest::newRow("close if-match") << ApiRequest(CloseRequest{QStringLiteral("T-1"), "\"9\""})
                                        << QByteArray("DELETE") << QStringLiteral("/support/T-1") << false
                                        << int(Operation::Close);
        QTest::newRow("fetch agent") << ApiRequest(FetchAgentRequest{QStringLiteral("Ü-1")}) << QByteArray("GET")
                                     << QStringLiteral("/support/%C3%9C-1/agent") << false
                                     << int(Operation::FetchAgent);
        QTest::newRow("assign") << ApiRequest(AssignAgentRequest{QStringLiteral("T-1"), agent(), "\"2\""})
                                << QByteArray("PUT") << QStringLiteral("/support/T-1/agent") << true
                                << int(Operation::AssignAgent);
        QTest::newRow("unassign") << ApiRequest(UnassignAgentRequest{QStringLiteral("T-1"), {}})
                                  << QByteArray("DELETE") << QStringLiteral("/support/T-1/agent") << false
                                  << int(Operation::UnassignAgent);
    }

    void roundTrip()
    {
        QFETCH(ApiRequest, request);
        QFETCH(QByteArray, method);
        QFETCH(QString, pathEnd);
        QFETCH(bool, withBody);
        QFETCH(int, operation);

        QCOMPARE(methodOf(request), method);
        QCOMPARE(int(operationOf(request)), operation);
        QCOMPARE(isWrite(request), method != "GET");
        const QUrl url = urlOf(request, QUrl(QStringLiteral("https://desk.example/api/")));
        QCOMPARE(QString::fromLatin1(url.toEncoded()), QStringLiteral("https://desk.example/api") + pathEnd);
        QCOMPARE(hasBody(request), withBody);
        QCOMPARE(bodyOf(request).isEmpty(), !withBody);
        if (withBody) {
            // The body names the order it is sent to.
            auto sent = parseSupport(bodyOf(request).toStdString());
            QVERIFY(sent.ok());
            QCOMPARE(QString::fromStdString(*sent.value->orderId), orderIdOf(request));
        }
        QVERIFY(requestProblem(request).isEmpty());

        const QByteArray text = requestToJson(request);
        QString error;
        const std::optional<ApiRequest> back = requestFromJson(text.toStdString(), &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY2(*back == request, text.constData());
        QCOMPARE(requestToJson(*back), text);
    }

    // The outbox keeps a write as its item (columns op and payload, as earlier versions wrote
    // them) and gives back the same request; its If-Match comes from the base when it is sent.
    void outboxItemHoldsTheRequest_data() { roundTrip_data(); }
    void outboxItemHoldsTheRequest()
    {
        QFETCH(ApiRequest, request);
        const std::optional<OutboxItem> item = OutboxItem::forRequest(request);
        QCOMPARE(item.has_value(), isWrite(request));
        if (!item)
            return;
        QCOMPARE(int(item->op), int(operationOf(request)));
        QString error;
        const std::optional<ApiRequest> back = item->request(&error);
        QVERIFY2(back, qPrintable(error));
        ApiRequest expected = request;
        setIfMatch(expected, {});
        QVERIFY(*back == expected);
    }

    // The names of an operation come from its request type; those on users' disks (audit log,
    // outbox "op" column) and in messages are exactly what earlier versions wrote and showed.
    void namesOfEachOperation_data()
    {
        QTest::addColumn<ApiRequest>("request");
        QTest::addColumn<QString>("recorded");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("shown");
        const QString id = QStringLiteral("T-1");
        QTest::newRow("create") << ApiRequest(CreateRequest{id, {}}) << u"create"_s << u"POST"_s << u"create"_s;
        QTest::newRow("fetch") << ApiRequest(FetchRequest{id}) << u"read"_s << u"GET"_s << u"fetch"_s;
        QTest::newRow("replace") << ApiRequest(ReplaceRequest{id, {}, {}}) << u"update"_s << u"PUT"_s << u"update"_s;
        QTest::newRow("close") << ApiRequest(CloseRequest{id, {}}) << u"close"_s << u"DELETE"_s << u"close"_s;
        QTest::newRow("fetch-agent") << ApiRequest(FetchAgentRequest{id}) << u"read"_s << u"GET"_s
                                     << u"fetch the agent of"_s;
        QTest::newRow("assign") << ApiRequest(AssignAgentRequest{id, agent(), {}}) << u"assign"_s << u"PUT"_s
                                << u"assign an agent to"_s;
        QTest::newRow("unassign") << ApiRequest(UnassignAgentRequest{id, {}}) << u"unassign"_s << u"DELETE"_s
                                  << u"remove the agent from"_s;
    }
    void namesOfEachOperation()
    {
        QFETCH(ApiRequest, request);
        QFETCH(QString, recorded);
        QFETCH(QString, method);
        QFETCH(QString, shown);
        const Operation op = operationOf(request);
        QCOMPARE(QString::fromLatin1(recordNameOf(op)), recorded);
        QCOMPARE(QString::fromLatin1(methodOf(request)), method);
        QCOMPARE(operationName(op), shown);
        QVERIFY(doneTextOf(op).startsWith(QLatin1String("Order %1: ")));
        QCOMPARE(isWrite(op), method != QLatin1String("GET"));
        // A write's record name reads back as it (the outbox and the history read them).
        const std::optional<Operation> back = writeRecordedAs(recorded);
        QCOMPARE(back.has_value(), isWrite(op));
        if (back)
            QCOMPARE(int(*back), int(op));
        // The template of its kind, filled in for another order, is that kind for that order.
        const ApiRequest other = withOrderId(requestOf(op, QStringLiteral("T-1")), QStringLiteral("T-2"));
        QCOMPARE(int(operationOf(other)), int(op));
        QCOMPARE(orderIdOf(other), QStringLiteral("T-2"));
    }

    void ifMatchOnlyWhereItBelongs()
    {
        ApiRequest fetch = FetchRequest{QStringLiteral("T-1")};
        setIfMatch(fetch, "\"1\"");
        QVERIFY(ifMatchOf(fetch).isEmpty());
        ApiRequest close = CloseRequest{QStringLiteral("T-1"), {}};
        setIfMatch(close, "\"1\"");
        QCOMPARE(ifMatchOf(close), QByteArray("\"1\""));
    }

    void refusesBadJson_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("reason");
        addBadRows();
    }

    void refusesBadJson()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, reason);
        QString error;
        const std::optional<ApiRequest> parsed = requestFromJson(text.toStdString(), &error);
        QVERIFY(!parsed);
        QVERIFY2(error.contains(reason), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestRequests)
#include "tst_requests.moc"
