// The real supportctl binary: its commands, what they print (plain and --json) and their exit
// statuses, against an in-process sandbox. The audit trail, tokens and faulty servers are in
// tst_supportctl_audit, tst_supportctl_tokens and tst_supportctl_network (fixture: supportctltest.h).
#include "supportctltest.h"

#include "models.h"

class TestSupportctl : public SupportctlTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startSandbox(); }
    void cleanup() { stopSandbox(); }

    void versionAndHelp()
    {
        Run r = ctl({QStringLiteral("--version")}, {}, {}, false);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("supportctl ")));
        r = ctl({QStringLiteral("--help")}, {}, {}, false);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("reassign AGENT_ID")));
        QVERIFY(r.out.contains(QStringLiteral("Exit status")));
    }

    void usageErrorsSendNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("withServer");
        QTest::newRow("no command") << QStringList{} << true;
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << true;
        QTest::newRow("missing id") << QStringList{QStringLiteral("get")} << true;
        QTest::newRow("extra arg") << QStringList{QStringLiteral("get"), QStringLiteral("a"), QStringLiteral("b")} << true;
        QTest::newRow("no server") << QStringList{QStringLiteral("get"), QStringLiteral("a")} << false;
        QTest::newRow("bad server") << QStringList{QStringLiteral("--server"), QStringLiteral("ftp://x"), QStringLiteral("get"), QStringLiteral("a")} << false;
        QTest::newRow("blank id") << QStringList{QStringLiteral("get"), QStringLiteral("  ")} << true;
        QTest::newRow("dot id") << QStringList{QStringLiteral("get"), QStringLiteral(".")} << true;
        QTest::newRow("dotdot id") << QStringList{QStringLiteral("get"), QStringLiteral("..")} << true;
        QTest::newRow("dotdot close") << QStringList{QStringLiteral("close"), QStringLiteral("..")} << true;
        QTest::newRow("dot in bulk") << QStringList{QStringLiteral("fetch"), QStringLiteral("ORD-100001"), QStringLiteral(".")} << true;
        QTest::newRow("long id") << QStringList{QStringLiteral("get"), QString(1025, QLatin1Char('x'))} << true;
        QTest::newRow("bad timeout") << QStringList{QStringLiteral("--timeout"), QStringLiteral("soon"), QStringLiteral("get"), QStringLiteral("a")} << true;
        QTest::newRow("option of other command") << QStringList{QStringLiteral("get"), QStringLiteral("a"), QStringLiteral("--name"), QStringLiteral("x")} << true;
        QTest::newRow("update without fields") << QStringList{QStringLiteral("update"), QStringLiteral("ORD-100001")} << true;
        QTest::newRow("missing body file") << QStringList{QStringLiteral("create"), QStringLiteral("N"), QStringLiteral("--body"), QStringLiteral("/nonexistent.json")} << true;
        QTest::newRow("missing ca file") << QStringList{QStringLiteral("--ca-cert"), QStringLiteral("/nonexistent.pem"), QStringLiteral("get"), QStringLiteral("a")} << true;
        QTest::newRow("ids and from") << QStringList{QStringLiteral("fetch"), QStringLiteral("a"), QStringLiteral("--from"), QStringLiteral("-")} << true;
    }
    void usageErrorsSendNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, withServer);
        const qint64 before = m_server->requestCount();
        const Run r = ctl(args, {}, {}, withServer);
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.startsWith(QStringLiteral("supportctl: ")));
        QCOMPARE(m_server->requestCount(), before);
    }

    void getHumanAndJson()
    {
        Run r = ctl({QStringLiteral("get"), QStringLiteral("ORD-100001")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("Order:       ORD-100001")));
        QVERIFY(r.out.contains(QStringLiteral("Phone:")));
        QVERIFY(r.out.contains(QStringLiteral("Chat:")));
        QVERIFY(r.out.contains(QStringLiteral("Agent:")));

        QVERIFY(m_server->putSessionJson(QStringLiteral("J"), R"({"x_custom":{"n":1},"agent":{"id":"a","rating":5}})"));
        r = ctl({QStringLiteral("--json"), QStringLiteral("get"), QStringLiteral("J")});
        QCOMPARE(r.code, 0);
        const json j = json::parse(r.out.toStdString());
        QCOMPARE(j["x_custom"]["n"].get<int>(), 1);
        QCOMPARE(j["agent"]["rating"].get<int>(), 5);
        // global options after the command work too
        r = ctl({QStringLiteral("get"), QStringLiteral("J"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("x_custom")));
    }

    // A misused command names its own synopsis (the one --help shows), not only "Try --help".
    void usageErrorNamesTheCommandsSynopsis_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("synopses");
        const QString assign = QStringLiteral("assign ORDER_ID AGENT_ID [--name N] [--phone P] [--email E]");
        QTest::newRow("assign without agent") << QStringList{QStringLiteral("assign"), QStringLiteral("ORD-100001")}
                                              << QStringList{assign};
        QTest::newRow("assign, misspelt option") << QStringList{QStringLiteral("assign"), QStringLiteral("ORD-100001"),
                                                                QStringLiteral("agent-1"), QStringLiteral("--nmae"), QStringLiteral("X")}
                                                 << QStringList{assign};
        QTest::newRow("get, option of another command") << QStringList{QStringLiteral("get"), QStringLiteral("a"), QStringLiteral("--name"), QStringLiteral("x")}
                                                        << QStringList{QStringLiteral("get ORDER_ID")};
        QTest::newRow("update without fields") << QStringList{QStringLiteral("update"), QStringLiteral("ORD-100001")}
                                               << QStringList{QStringLiteral("update ORDER_ID [--callback-phone P] [--chat-url U] [--chat-session S] [--body FILE|-]")};
        QTest::newRow("close without IDs") << QStringList{QStringLiteral("close")}
                                           << QStringList{QStringLiteral("close (ORDER_ID... | --from FILE|-)")};
        QTest::newRow("audit, unknown subcommand") << QStringList{QStringLiteral("audit"), QStringLiteral("frob")}
                                                   << QStringList{QStringLiteral("audit verify [--log FILE]"),
                                                                  QStringLiteral("audit export [--log FILE] [--unmasked]")};
    }
    void usageErrorNamesTheCommandsSynopsis()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, synopses);
        const qint64 before = m_server->requestCount();
        const Run r = ctl(args);
        QCOMPARE(r.code, 1);
        QCOMPARE(m_server->requestCount(), before);
        const Run help = ctl({QStringLiteral("--help")}, {}, {}, false);
        for (const QString &synopsis : synopses) {
            QVERIFY2(r.err.contains(QStringLiteral("\nusage: supportctl ") + synopsis + QLatin1Char('\n')), qPrintable(r.err));
            QVERIFY2(help.out.contains(QStringLiteral("  ") + synopsis), qPrintable(synopsis)); // the same as --help
        }
    }

    // `agent` names the order it shows, as `get` does.
    void agentNamesTheOrder()
    {
        const Run r = ctl({QStringLiteral("agent"), QStringLiteral("ORD-100001")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("Order:       ORD-100001\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("\nAgent:       ")), qPrintable(r.out));
    }

    void refusedIsTwo()
    {
        const Run r = ctl({QStringLiteral("get"), QStringLiteral("NOPE")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("NOPE")));
        QVERIFY(r.err.contains(QStringLiteral("404")));
    }

    void createUpdateAssignClose()
    {
        Run r = ctl({QStringLiteral("create"), QStringLiteral("NEW/1"), QStringLiteral("--callback-phone"), QStringLiteral("+1 555 0100")});
        QCOMPARE(r.code, 0);
        QVERIFY(m_server->hasSession(QStringLiteral("NEW/1")));
        QCOMPARE(ctl({QStringLiteral("create"), QStringLiteral("NEW/1")}).code, 2);

        QVERIFY(m_server->putSessionJson(QStringLiteral("NEW/1"), R"({"callback_phone":"+1 555 0100","x_keep":"me"})"));
        r = ctl({QStringLiteral("update"), QStringLiteral("NEW/1"), QStringLiteral("--chat-url"), QStringLiteral("https://chat/1"),
                 QStringLiteral("--chat-session"), QStringLiteral("CS-1")});
        QCOMPARE(r.code, 0);
        json s = json::parse(m_server->sessionJson(QStringLiteral("NEW/1")).toStdString());
        QCOMPARE(s["x_keep"].get<std::string>(), std::string("me"));
        QCOMPARE(s["chat"]["session_id"].get<std::string>(), std::string("CS-1"));
        QCOMPARE(s["callback_phone"].get<std::string>(), std::string("+1 555 0100"));

        // --body - replaces the whole session.
        r = ctl({QStringLiteral("update"), QStringLiteral("NEW/1"), QStringLiteral("--body"), QStringLiteral("-")},
                R"({"callback_phone":"+2","x_new":1})");
        QCOMPARE(r.code, 0);
        s = json::parse(m_server->sessionJson(QStringLiteral("NEW/1")).toStdString());
        QVERIFY(!s.contains("x_keep"));
        QCOMPARE(s["x_new"].get<int>(), 1);

        // A bad body is refused before sending, naming the path.
        const qint64 before = m_server->requestCount();
        r = ctl({QStringLiteral("update"), QStringLiteral("NEW/1"), QStringLiteral("--body"), QStringLiteral("-")},
                R"({"agent":{"contact":{"phone":5}}})");
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("/agent/contact/phone")));
        QCOMPARE(m_server->requestCount(), before);

        r = ctl({QStringLiteral("assign"), QStringLiteral("NEW/1"), QStringLiteral("agent-9"), QStringLiteral("--name"),
                 QStringLiteral("Ravi Nair"), QStringLiteral("--phone"), QStringLiteral("+91 80 5550100"),
                 QStringLiteral("--email"), QStringLiteral("ravi@example.org")});
        QCOMPARE(r.code, 0);
        s = json::parse(m_server->sessionJson(QStringLiteral("NEW/1")).toStdString());
        QCOMPARE(s["agent"]["id"].get<std::string>(), std::string("agent-9"));
        QCOMPARE(s["agent"]["person"]["name"].get<std::string>(), std::string("Ravi Nair"));
        QCOMPARE(s["agent"]["contact"]["phone"].get<std::string>(), std::string("+91 80 5550100"));
        QCOMPARE(s["agent"]["contact"]["email"].get<std::string>(), std::string("ravi@example.org"));
        QCOMPARE(s["order_id"].get<std::string>(), std::string("NEW/1"));

        r = ctl({QStringLiteral("agent"), QStringLiteral("NEW/1")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("Ravi Nair (agent-9)")));
        QCOMPARE(ctl({QStringLiteral("unassign"), QStringLiteral("NEW/1")}).code, 0);
        r = ctl({QStringLiteral("agent"), QStringLiteral("NEW/1")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("no agent")));
        QCOMPARE(ctl({QStringLiteral("close"), QStringLiteral("NEW/1")}).code, 0);
        QVERIFY(!m_server->hasSession(QStringLiteral("NEW/1")));
        QCOMPARE(ctl({QStringLiteral("close"), QStringLiteral("NEW/1")}).code, 2);
    }

    void bulkReassignWithPartialFailure()
    {
        const QByteArray ids = "ORD-100001\nORD-100002\n\n# comment\nORD/2026/100017\r\nMISSING-9\n";
        const Run r = ctl({QStringLiteral("reassign"), QStringLiteral("agent-77"), QStringLiteral("--from"), QStringLiteral("-")}, ids);
        QCOMPARE(r.code, 6);
        QCOMPARE(r.out.count(QLatin1Char('\n')), 4); // one line per order
        QVERIFY(r.out.contains(QStringLiteral("MISSING-9\tFAILED")));
        QVERIFY(r.err.contains(QStringLiteral("3 of 4 succeeded, 1 failed: MISSING-9")));
        for (const char *id : {"ORD-100001", "ORD-100002", "ORD/2026/100017"}) {
            const json s = json::parse(m_server->sessionJson(QString::fromLatin1(id)).toStdString());
            QCOMPARE(s["agent"]["id"].get<std::string>(), std::string("agent-77"));
        }
    }

    void bulkFetchJsonArray()
    {
        QStringList args{QStringLiteral("--json"), QStringLiteral("--concurrency"), QStringLiteral("3"), QStringLiteral("fetch")};
        for (int i = 0; i < 12; ++i)
            args << QStringLiteral("ORD-%1").arg(100001 + i);
        const Run r = ctl(args);
        QCOMPARE(r.code, 0);
        const json array = json::parse(r.out.toStdString());
        QVERIFY(array.is_array());
        QCOMPARE(array.size(), size_t(12));
        QCOMPARE(array[0]["order_id"].get<std::string>(), std::string("ORD-100001"));
        QCOMPARE(array[11]["order_id"].get<std::string>(), std::string("ORD-100012"));
    }

    void bulkUnassignAndClose()
    {
        Run r = ctl({QStringLiteral("unassign"), QStringLiteral("--from"), QStringLiteral("-")}, "ORD-100001\nORD-100002\n");
        QCOMPARE(r.code, 0);
        QVERIFY(!m_server->sessionJson(QStringLiteral("ORD-100001")).contains("\"agent\""));
        QVERIFY(!m_server->sessionJson(QStringLiteral("ORD-100002")).contains("\"agent\""));
        r = ctl({QStringLiteral("close"), QStringLiteral("ORD-100003"), QStringLiteral("ORD-100004"), QStringLiteral("GONE")});
        QCOMPARE(r.code, 6);
        QVERIFY(!m_server->hasSession(QStringLiteral("ORD-100003")));
        QVERIFY(!m_server->hasSession(QStringLiteral("ORD-100004")));
        QVERIFY(r.err.contains(QStringLiteral("failed: GONE")));
        QCOMPARE(ctl({QStringLiteral("close")}).code, 1); // nothing to close
    }

    // Without ETags, `update` compares the session with the copy it read before it writes: a
    // change someone else made in between is not overwritten (a conflict, exit 2).
    void updateWithoutEtagsKeepsAChangeMadeMeanwhile()
    {
        m_server->setEtagsEnabled(false);
        const QString id = QStringLiteral("ORD-100007");
        bool changed = false;
        connect(m_server, &sd::SandboxServer::requestHandled, this,
                [this, id, &changed](const QByteArray &method, const QString &path, int) {
                    if (changed || method != "GET" || !path.endsWith(id))
                        return;
                    changed = true; // right after supportctl read it
                    auto s = sd::parseSupport(m_server->sessionJson(id).toStdString());
                    QVERIFY(s.ok());
                    s.value->callbackPhone = "+1 555 0999";
                    QVERIFY(m_server->putSessionJson(id, QByteArray::fromStdString(sd::serialize(*s.value))));
                });
        const Run r = ctl({QStringLiteral("update"), id, QStringLiteral("--chat-session"), QStringLiteral("S-mine")});
        QVERIFY(changed);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("changed by someone else")), qPrintable(r.err));
        const QByteArray now = m_server->sessionJson(id);
        QVERIFY2(now.contains("+1 555 0999") && !now.contains("S-mine"), now.constData());

        // Unchanged meanwhile: written (read, compared, written).
        QCOMPARE(ctl({QStringLiteral("update"), id, QStringLiteral("--chat-session"), QStringLiteral("S-mine")}).code, 0);
        QVERIFY(m_server->sessionJson(id).contains("S-mine"));
        QVERIFY(m_server->sessionJson(id).contains("+1 555 0999"));
    }

    void allFailedBulkKeepsTheKind()
    {
        const Run r = ctl({QStringLiteral("fetch"), QStringLiteral("NO-1"), QStringLiteral("NO-2")});
        QCOMPARE(r.code, 2);
    }

    void controlCharactersStrippedButJsonExact()
    {
        // A hostile server's text reaches the terminal without escape sequences, control
        // characters or bidi overrides; --json keeps it exact (JSON-escaped).
        const std::string name = "\x1b[31mRed\x1b[0m \x1b]0;owned\x07" "Agent\u202Eevil\nOrder: FAKE\x08";
        json session = {{"callback_phone", "+1 555 0100\x1b[2J"},
                        {"agent", {{"id", "a\x1b[5m1"}, {"person", {{"name", name}}}}}};
        QVERIFY(m_server->putSessionJson(QStringLiteral("ESC-1"), QByteArray::fromStdString(session.dump())));
        const auto clean = [](const QString &text) {
            for (QChar c : text)
                if ((c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\t'))
                    || (c.unicode() >= 0x7F && c.unicode() <= 0x9F) || c.unicode() == 0x202E)
                    return false;
            return true;
        };
        Run r = ctl({QStringLiteral("get"), QStringLiteral("ESC-1")});
        QCOMPARE(r.code, 0);
        QVERIFY2(clean(r.out), r.out.toUtf8().toPercentEncoding(" \n:()").constData());
        QVERIFY(r.out.contains(QStringLiteral("Red")));
        QVERIFY(!r.out.contains(QStringLiteral("\nOrder: FAKE"))); // no forged line
        r = ctl({QStringLiteral("fetch"), QStringLiteral("ESC-1"), QStringLiteral("ORD-100001")});
        QCOMPARE(r.code, 0);
        QVERIFY2(clean(r.out), r.out.toUtf8().toPercentEncoding(" \n\t:()").constData());
        QCOMPARE(r.out.count(QLatin1Char('\n')), 2);

        r = ctl({QStringLiteral("--json"), QStringLiteral("get"), QStringLiteral("ESC-1")});
        QCOMPARE(r.code, 0);
        const json j = json::parse(r.out.toStdString());
        QCOMPARE(j["agent"]["person"]["name"].get<std::string>(), name);
        QCOMPARE(j["callback_phone"].get<std::string>(), std::string("+1 555 0100\x1b[2J"));

        // Error text from the server too.
        FaultServer faults;
        const QUrl url = faults.start();
        faults.setFallback(FaultStep::json(404, "{\"error\":{\"code\":\"GONE\",\"message\":\"gone\\u001b]0;owned\\u0007\\u001b[2Jaway\"}}"));
        r = ctl({QStringLiteral("-v"), QStringLiteral("--server"), url.toString(), QStringLiteral("get"), QStringLiteral("A")}, {}, {}, false);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("goneaway")), qPrintable(r.err));
        QVERIFY2(clean(r.err), r.err.toUtf8().toPercentEncoding(" \n:()").constData());
    }

    void serverFromEnvironment()
    {
        const Run r = ctl({QStringLiteral("get"), QStringLiteral("ORD-100001")}, {},
                          {{QStringLiteral("SUPPORTDESK_SERVER"), m_url.toString()}}, false);
        QCOMPARE(r.code, 0);
    }
};

QTEST_GUILESS_MAIN(TestSupportctl)
#include "tst_supportctl.moc"
