// Models: round-trip of every shape, validation errors with JSON paths, and thousands of
// generated and mutated documents that must never crash.
#include "models.h"

#include <QFile>
#include <QTest>

#ifndef Q_MOC_RUN // moc cannot parse nlohmann/json.hpp
#include <nlohmann/json.hpp>
#endif

#include <random>

using nlohmann::json;

namespace {

json fullSupport()
{
    // Kept in a file: moc's lexer cannot read raw strings that contain "//".
    QFile file(QStringLiteral(TEST_DATA_DIR "/full-support.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read full-support.json");
    const QByteArray text = file.readAll();
    return json::parse(text.begin(), text.end());
}

json roundTrip(const json &input)
{
    auto parsed = sd::supportFromJson(input);
    if (!parsed.ok())
        return json("PARSE FAILED: " + parsed.errorPath + " " + parsed.errorMessage);
    json out;
    to_json(out, *parsed.value);
    return out;
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fullDocumentRoundTrips()
    {
        const json in = fullSupport();
        QCOMPARE(QString::fromStdString(roundTrip(in).dump()), QString::fromStdString(in.dump()));
        auto parsed = sd::supportFromJson(in);
        QVERIFY(parsed.ok());
        const sd::Support &s = *parsed.value;
        QCOMPARE(*s.orderId, std::string("ORD-1"));
        QCOMPARE(*s.agent->person->name, std::string("Amara Okafor"));
        QCOMPARE(*s.agent->contact->email, std::string("a@example.org"));
        QCOMPARE(s.agent->rating->text(), std::string("4.5"));
        QCOMPARE(*s.agent->organization->city->code, std::string("BER"));
        QCOMPARE(*s.chat->sessionId, std::string("S1"));
        QCOMPARE(*s.descriptor->additionalDesc->contentType, std::string("text/plain"));
        QCOMPARE(s.agent->displayName(), std::string("Amara Okafor"));
    }

    void emptyAndMinimal_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty object") << QStringLiteral("{}");
        QTest::newRow("empty nested") << QStringLiteral(R"({"agent":{},"chat":{},"descriptor":{}})");
        QTest::newRow("nulls") << QStringLiteral(R"({"order_id":null,"agent":{"id":null,"rating":null}})");
        QTest::newRow("rating string") << QStringLiteral(R"({"agent":{"rating":"gte 4"}})");
        QTest::newRow("rating int") << QStringLiteral(R"({"agent":{"rating":5}})");
        QTest::newRow("unicode") << QStringLiteral(R"({"order_id":"Bestellung/ä€𝄞","x":"\u0000"})");
        QTest::newRow("unknown only") << QStringLiteral(R"({"zzz":[{"a":{"b":null}}]})");
    }
    void emptyAndMinimal()
    {
        QFETCH(QString, text);
        const json in = json::parse(text.toStdString());
        QCOMPARE(QString::fromStdString(roundTrip(in).dump()), QString::fromStdString(in.dump()));
    }

    void ratingKeepsType()
    {
        auto s = sd::parseSupport(R"({"agent":{"rating":3}})");
        QVERIFY(s.ok());
        QCOMPARE(s.value->agent->rating->text(), std::string("3"));
        QCOMPARE(sd::serialize(*s.value), std::string(R"({"agent":{"rating":3}})"));
    }

    void changingAFieldKeepsTheRest()
    {
        auto parsed = sd::supportFromJson(fullSupport());
        QVERIFY(parsed.ok());
        sd::Support s = *parsed.value;
        s.callbackPhone = "+1 555 0100";
        s.agent->contact->email = "new@example.org";
        json expected = fullSupport();
        expected["callback_phone"] = "+1 555 0100";
        expected["agent"]["contact"]["email"] = "new@example.org";
        json out;
        to_json(out, s);
        QCOMPARE(QString::fromStdString(out.dump()), QString::fromStdString(expected.dump()));
    }

    void settingANullFieldReplacesIt()
    {
        auto parsed = sd::parseSupport(R"({"callback_phone":null})");
        QVERIFY(parsed.ok());
        QVERIFY(!parsed.value->callbackPhone);
        parsed.value->callbackPhone = "123";
        QCOMPARE(sd::serialize(*parsed.value), std::string(R"({"callback_phone":"123"})"));
    }

    void validationNamesThePath_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("path");
        QTest::newRow("phone number") << QStringLiteral(R"({"callback_phone": 123})") << QStringLiteral("/callback_phone");
        QTest::newRow("agent string") << QStringLiteral(R"({"agent": "bob"})") << QStringLiteral("/agent");
        QTest::newRow("body array") << QStringLiteral(R"([1,2])") << QString();
        QTest::newRow("body string") << QStringLiteral(R"("x")") << QString();
        QTest::newRow("deep phone") << QStringLiteral(R"({"agent":{"contact":{"phone":5}}})") << QStringLiteral("/agent/contact/phone");
        QTest::newRow("rating object") << QStringLiteral(R"({"agent":{"rating":{}}})") << QStringLiteral("/agent/rating");
        QTest::newRow("rating bool") << QStringLiteral(R"({"agent":{"rating":true}})") << QStringLiteral("/agent/rating");
        QTest::newRow("chat array") << QStringLiteral(R"({"chat":[]})") << QStringLiteral("/chat");
        QTest::newRow("creds object") << QStringLiteral(R"({"agent":{"person":{"creds":{}}}})") << QStringLiteral("/agent/person/creds");
        QTest::newRow("city string") << QStringLiteral(R"({"agent":{"organization":{"city":"B"}}})") << QStringLiteral("/agent/organization/city");
        QTest::newRow("media object") << QStringLiteral(R"({"descriptor":{"media":{}}})") << QStringLiteral("/descriptor/media");
        QTest::newRow("content type") << QStringLiteral(R"({"descriptor":{"additional_desc":{"content_type":1}}})") << QStringLiteral("/descriptor/additional_desc/content_type");
    }
    void validationNamesThePath()
    {
        QFETCH(QString, text);
        QFETCH(QString, path);
        auto parsed = sd::parseSupport(text.toStdString());
        QVERIFY(!parsed.ok());
        QCOMPARE(QString::fromStdString(parsed.errorPath), path);
        QVERIFY(!parsed.errorMessage.empty());
    }

    void notJson()
    {
        for (const char *text : {"", "{", "nul", "{\"a\":}", "\xff\xfe"}) {
            auto parsed = sd::parseSupport(text);
            QVERIFY(!parsed.ok());
            QVERIFY2(parsed.errorMessage.rfind("not valid JSON", 0) == 0, parsed.errorMessage.c_str());
        }
    }

    void errorBody()
    {
        auto e = sd::parseErrorBody(R"({"error":{"code":"SESSION_NOT_FOUND","message":"gone","paths":"/x"}})");
        QVERIFY(e);
        QCOMPARE(*e->code, std::string("SESSION_NOT_FOUND"));
        QCOMPARE(*e->message, std::string("gone"));
        QVERIFY(!sd::parseErrorBody("[]"));
        QVERIFY(!sd::parseErrorBody(R"({"error":"x"})"));
        QVERIFY(!sd::parseErrorBody("<html>"));
    }

    // Thousands of documents: random shapes and mutations of valid ones. Each either parses and
    // then round-trips exactly, or fails with a path; none crashes.
    void fuzzRoundTripOrCleanError()
    {
        std::mt19937 rng(12345);
        const json base = fullSupport();
        std::vector<std::string> paths;
        // Collect every JSON pointer of the base document.
        std::function<void(const json &, const std::string &)> collect =
            [&](const json &j, const std::string &p) {
                paths.push_back(p);
                if (j.is_object())
                    for (auto it = j.begin(); it != j.end(); ++it)
                        collect(*it, p + "/" + it.key());
                else if (j.is_array())
                    for (size_t i = 0; i < j.size(); ++i)
                        collect(j[i], p + "/" + std::to_string(i));
            };
        collect(base, "");
        const json replacements[] = {json(nullptr), json(1), json(-2.5), json(true), json("s"),
                                     json::array(), json::object(), json::array({1, "a"}),
                                     json::object({{"k", "v"}})};
        int parsedCount = 0, failedCount = 0;
        for (int i = 0; i < 4000; ++i) {
            json doc = base;
            const int mutations = 1 + int(rng() % 4);
            for (int m = 0; m < mutations; ++m) {
                const std::string &p = paths[rng() % paths.size()];
                if (p.empty())
                    continue;
                json::json_pointer ptr(p);
                if (!doc.contains(ptr))
                    continue;
                if (rng() % 5 == 0) {
                    doc[ptr.parent_pointer()].is_object()
                        ? (void)doc[ptr.parent_pointer()].erase(ptr.back())
                        : (void)0;
                } else {
                    doc[ptr] = replacements[rng() % std::size(replacements)];
                }
            }
            auto parsed = sd::supportFromJson(doc);
            if (parsed.ok()) {
                ++parsedCount;
                json out;
                to_json(out, *parsed.value);
                QCOMPARE(QString::fromStdString(out.dump()), QString::fromStdString(doc.dump()));
            } else {
                ++failedCount;
                QVERIFY(!parsed.errorMessage.empty());
                // The named path exists in the document.
                QVERIFY2(parsed.errorPath.empty() || doc.contains(json::json_pointer(parsed.errorPath)),
                         parsed.errorPath.c_str());
            }
        }
        QVERIFY(parsedCount > 100);
        QVERIFY(failedCount > 100);

        // Random bytes and truncations of valid text.
        const std::string text = base.dump();
        for (int i = 0; i < 3000; ++i) {
            std::string t = text.substr(0, rng() % text.size());
            if (i % 2)
                for (int k = 0; k < 3; ++k)
                    t.insert(t.begin() + std::ptrdiff_t(rng() % (t.size() + 1)), char(rng() % 256));
            auto parsed = sd::parseSupport(t);
            if (parsed.ok())
                QCOMPARE(QString::fromStdString(sd::serialize(*parsed.value)),
                         QString::fromStdString(json::parse(t).dump()));
        }
    }

    // Nesting far beyond any real document: a clean error, never a stack overflow (copying,
    // comparing and dumping nlohmann values recurses).
    void deepNestingIsAnError_data()
    {
        QTest::addColumn<QString>("entry"); // parseSupport, parseAgent or supportFromJson
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("ok");
        const auto nest = [](int levels, const char *open, const char *close) -> QByteArray {
            return QByteArray(open).repeated(levels) + QByteArray(close).repeated(levels);
        };
        const QByteArray arrays = nest(100000, "[", "]");
        const QByteArray objects = QByteArray("{\"k\":").repeated(100000) + "1" + QByteArray("}").repeated(100000);
        QTest::newRow("unknown field, arrays") << QStringLiteral("support")
            << QByteArray("{\"order_id\":\"X\",\"x\":" + arrays + "}") << false;
        QTest::newRow("unknown field, objects") << QStringLiteral("support")
            << QByteArray("{\"order_id\":\"X\",\"x\":" + objects + "}") << false;
        QTest::newRow("inside agent") << QStringLiteral("support")
            << QByteArray("{\"agent\":{\"id\":\"a\",\"x\":" + arrays + "}}") << false;
        QTest::newRow("inside a kept array") << QStringLiteral("support")
            << QByteArray("{\"descriptor\":{\"media\":[" + arrays + "]}}") << false;
        QTest::newRow("inside an array of objects") << QStringLiteral("support")
            << QByteArray("{\"zzz\":[{\"a\":" + arrays + "}]}") << false;
        QTest::newRow("agent document") << QStringLiteral("agent")
            << QByteArray("{\"id\":\"a\",\"person\":{\"skills\":" + arrays + "}}") << false;
        QTest::newRow("parsed value") << QStringLiteral("value")
            << QByteArray("{\"order_id\":\"X\",\"x\":" + arrays + "}") << false;
        QTest::newRow("never closed") << QStringLiteral("support")
            << QByteArray("{\"x\":" + QByteArray("[").repeated(100000)) << false;
        // The limit is 64 levels, the document itself included.
        QTest::newRow("64 levels") << QStringLiteral("support")
            << QByteArray("{\"x\":" + nest(63, "[", "]") + "}") << true;
        QTest::newRow("65 levels") << QStringLiteral("support")
            << QByteArray("{\"x\":" + nest(64, "[", "]") + "}") << false;
        // Brackets inside strings are text, not nesting.
        QTest::newRow("brackets in a string") << QStringLiteral("support")
            << QByteArray("{\"x\":\"" + QByteArray("[{").repeated(50000) + "\\\"\"}") << true;
    }
    void deepNestingIsAnError()
    {
        QFETCH(QString, entry);
        QFETCH(QByteArray, text);
        QFETCH(bool, ok);
        const std::string_view view(text.constData(), size_t(text.size()));
        std::string message;
        bool parsed = false;
        if (entry == QLatin1String("agent")) {
            const auto r = sd::parseAgent(view);
            parsed = r.ok();
            message = r.errorMessage;
        } else if (entry == QLatin1String("value")) {
            // Built by nlohmann's own (iterative) parser, then handed to the model.
            const json value = json::parse(view);
            const auto r = sd::supportFromJson(value);
            parsed = r.ok();
            message = r.errorMessage;
        } else {
            const auto r = sd::parseSupport(view);
            parsed = r.ok();
            message = r.errorMessage;
            if (r.ok()) // what was accepted can be written back
                QCOMPARE(sd::serialize(*r.value), json::parse(view).dump());
        }
        QCOMPARE(parsed, ok);
        if (!ok && text.endsWith('}'))
            QVERIFY2(QString::fromStdString(message).contains(QLatin1String("nested deeper than 64 levels")),
                     message.c_str());
        else if (!ok)
            QVERIFY(!message.empty());
    }

    void agentParses()
    {
        auto a = sd::parseAgent(R"({"id":"a1","person":{"name":"N"},"x":1})");
        QVERIFY(a.ok());
        QCOMPARE(a.value->displayName(), std::string("N"));
        QCOMPARE(sd::serialize(*a.value), std::string(R"({"id":"a1","person":{"name":"N"},"x":1})"));
        QVERIFY(!sd::parseAgent(R"({"id":1})").ok());
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
