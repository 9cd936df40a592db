// The workspace store (atomic, tolerant of damage), ID import and CSV export.
#include "agentdirectory.h"
#include "sessiontable.h"
#include "workspace.h"
#include "workspacestore.h"

#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <sqlite3.h>
#include <sys/stat.h>

using namespace sd;

class TestWorkspace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        const mode_t oldMask = ::umask(022); // a common default, under which files are 0644
        const auto restore = qScopeGuard([oldMask] { ::umask(oldMask); });
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.json"));
        WorkspaceFile file;
        WorkspaceEntry a;
        a.orderId = QStringLiteral("ORD/1");
        a.state = SessionState::Open;
        a.support = parseSupport(R"({"order_id":"ORD/1","x":{"k":[1]},"agent":{"id":"a1","rating":4}})").value;
        a.etag = "\"7\"";
        a.lastSeen = QDateTime(QDate(2026, 11, 28), QTime(10, 0), QTimeZone::utc());
        a.draft = parseSupport(R"({"order_id":"ORD/1","callback_phone":"+1 555"})").value;
        WorkspaceEntry b;
        b.orderId = QStringLiteral("GONE");
        b.state = SessionState::NotFound;
        b.lastError = QStringLiteral("404");
        file.entries = {a, b};
        QCOMPARE(saveWorkspace(path, file), QString());
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions()); // private, whatever the umask
        WorkspaceFile loaded;
        QCOMPARE(loadWorkspace(path, &loaded), QString());
        QCOMPARE(loaded.entries.size(), size_t(2));
        const WorkspaceEntry &l = loaded.entries[0];
        QCOMPARE(l.orderId, a.orderId);
        QCOMPARE(l.state, SessionState::Open);
        QVERIFY(l.support == a.support);
        QVERIFY(l.draft == a.draft);
        QCOMPARE(l.etag, a.etag);
        QCOMPARE(l.lastSeen, a.lastSeen);
        QCOMPARE(loaded.entries[1].state, SessionState::NotFound);
        QCOMPARE(loaded.entries[1].lastError, QStringLiteral("404"));
    }

    void missingFileIsEmpty()
    {
        WorkspaceFile loaded;
        QCOMPARE(loadWorkspace(QStringLiteral("/nonexistent/dir/w.json"), &loaded), QString());
        QVERIFY(loaded.entries.empty());
    }

    void damagedFileIsReportedAndKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"entries\": [ {\"order_id\": \"A\"}, ");
        f.close();
        WorkspaceFile loaded;
        loaded.entries.push_back(WorkspaceEntry{});
        QVERIFY(!loadWorkspace(path, &loaded).isEmpty());
        QCOMPARE(loaded.entries.size(), size_t(1)); // untouched
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("{\"entries\""));
    }

    void damagedEntriesAreSkipped()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"entries":[{"order_id":"A","state":"open"},{"order_id":5},"x",{"order_id":"B","support":{"agent":"bad"}}]})");
        f.close();
        WorkspaceFile loaded;
        QCOMPARE(loadWorkspace(path, &loaded), QString());
        QCOMPARE(loaded.entries.size(), size_t(2));
        QCOMPARE(loaded.entries[1].orderId, QStringLiteral("B"));
        QVERIFY(!loaded.entries[1].support); // the bad copy is dropped, the ID kept
    }

    // The earlier JSON-lines format, one entry per line: a damaged line is reported with its
    // number and left out (or only its bad value is), the other lines are imported.
    void damagedLinesAreReported_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QStringList>("ids");     // imported, in order
        QTest::addColumn<QString>("problem");     // in the report of line 3
        const QStringList all{QStringLiteral("A"), QStringLiteral("X"), QStringLiteral("C")};
        const QStringList goodOnly{QStringLiteral("A"), QStringLiteral("C")};
        QTest::newRow("state a number") << QByteArray(R"({"order_id":"X","state":5})") << all << QStringLiteral("/state");
        QTest::newRow("etag a number") << QByteArray(R"({"order_id":"X","etag":7})") << all << QStringLiteral("/etag");
        QTest::newRow("error an object") << QByteArray(R"({"order_id":"X","error":{}})") << all << QStringLiteral("/error");
        QTest::newRow("last_seen a number") << QByteArray(R"({"order_id":"X","last_seen":1})") << all << QStringLiteral("/last_seen");
        QTest::newRow("last_seen not a date") << QByteArray(R"({"order_id":"X","last_seen":"soon"})") << all << QStringLiteral("/last_seen");
        QTest::newRow("support wrong shape") << QByteArray(R"({"order_id":"X","support":{"agent":{"id":5}}})") << all << QStringLiteral("/support/agent/id");
        QTest::newRow("draft a string") << QByteArray(R"({"order_id":"X","draft":"x"})") << all << QStringLiteral("/draft");
        QTest::newRow("order_id a number") << QByteArray(R"({"order_id":5,"state":"open"})") << goodOnly << QStringLiteral("/order_id");
        QTest::newRow("order_id missing") << QByteArray(R"({"state":"open"})") << goodOnly << QStringLiteral("/order_id");
        QTest::newRow("order_id empty") << QByteArray(R"({"order_id":""})") << goodOnly << QStringLiteral("/order_id");
        QTest::newRow("a string") << QByteArray(R"("X")") << goodOnly << QStringLiteral("line 3");
        QTest::newRow("garbage") << QByteArray("\x01\xff garbage {") << goodOnly << QStringLiteral("not valid JSON");
        QTest::newRow("cut off") << QByteArray("{\"order_id\":\"X\",\"sta") << goodOnly << QStringLiteral("not valid JSON");
        QTest::newRow("deep") << QByteArray("{\"order_id\":\"X\",\"support\":{\"x\":" + QByteArray("[").repeated(100000)
                                            + QByteArray("]").repeated(100000) + "}}")
                              << goodOnly << QStringLiteral("nested deeper than");
        // Over the 64 MiB bound for one document: skipped without being parsed.
        QTest::newRow("too long") << QByteArray("{\"order_id\":\"X\",\"x\":\"" + QByteArray(64 << 20, 'a') + "\"}")
                                  << goodOnly << QStringLiteral("longer than");
    }
    void damagedLinesAreReported()
    {
        QFETCH(QByteArray, line);
        QFETCH(QStringList, ids);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\":\"supportdesk-workspace/2\"}\n"
                "{\"order_id\":\"A\",\"state\":\"open\",\"etag\":\"\\\"1\\\"\"}\n"
                + line + "\n"
                "\n"
                "{\"order_id\":\"C\",\"state\":\"closed\"}\n");
        f.close();
        WorkspaceFile loaded;
        QCOMPARE(loadWorkspace(path, &loaded), QString());
        QStringList got;
        for (const WorkspaceEntry &e : loaded.entries)
            got << e.orderId;
        QCOMPARE(got, ids);
        QCOMPARE(loaded.entries.front().state, SessionState::Open);
        QCOMPARE(loaded.entries.front().etag, QByteArray("\"1\""));
        QCOMPARE(loaded.entries.back().state, SessionState::Closed);
        QCOMPARE(loaded.problems.size(), 1);
        const QString report = loaded.problems.front();
        QVERIFY2(report.contains(path), qPrintable(report));
        QVERIFY2(report.contains(QLatin1String("line 3")), qPrintable(report));
        QVERIFY2(report.contains(problem), qPrintable(report));
    }

    // The first format (one document): the report names the entry.
    void damagedEntriesOfTheFirstFormatAreReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"entries":[{"order_id":"A","state":7},{"order_id":[]},{"order_id":"C"}]})");
        f.close();
        WorkspaceFile loaded;
        QCOMPARE(loadWorkspace(path, &loaded), QString());
        QCOMPARE(loaded.entries.size(), size_t(2));
        QCOMPARE(loaded.entries[0].state, SessionState::Unknown);
        QCOMPARE(loaded.problems.size(), 2);
        QVERIFY2(loaded.problems[0].contains(QLatin1String("entry 1")) && loaded.problems[0].contains(QLatin1String("/state")),
                 qPrintable(loaded.problems[0]));
        QVERIFY2(loaded.problems[1].contains(QLatin1String("entry 2")) && loaded.problems[1].contains(QLatin1String("/order_id")),
                 qPrintable(loaded.problems[1]));
    }

    void unwritableLocationReported()
    {
        QVERIFY(!saveWorkspace(QStringLiteral("/nonexistent/dir/w.json"), WorkspaceFile{}).isEmpty());
    }

    void idLists_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("lines") << QStringLiteral("A\nB\r\n\n  C  \nA\n") << QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};
        QTest::newRow("csv with header") << QStringLiteral("order_id,status\nORD-1,open\nORD-2,closed\n") << QStringList{QStringLiteral("ORD-1"), QStringLiteral("ORD-2")};
        QTest::newRow("quoted") << QStringLiteral("\"A,1\",x\n\"say \"\"hi\"\"\"\n") << QStringList{QStringLiteral("A,1"), QStringLiteral("say \"hi\"")};
        QTest::newRow("slashes") << QStringLiteral("ORD/2026/1\n") << QStringList{QStringLiteral("ORD/2026/1")};
    }
    void idLists()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, ids);
        QCOMPARE(parseOrderIdList(text), ids);
    }

    void csvExportQuotes()
    {
        WorkspaceEntry e;
        e.orderId = QStringLiteral("A,\"1\"");
        e.state = SessionState::Open;
        e.support = parseSupport(R"({"callback_phone":"+1 555","agent":{"id":"a","person":{"name":"Doe, Jane"}}})").value;
        SessionTable table;
        const QByteArray csv = exportSessionsCsv(table, {table.upsert(summarize(e))});
        QVERIFY(csv.startsWith("order_id,status,agent_id,agent_name"));
        QVERIFY(csv.contains("\"A,\"\"1\"\"\",open,a,\"Doe, Jane\",'+1 555"));
        // What we export we can import again.
        QCOMPARE(parseOrderIdList(QString::fromUtf8(csv)), QStringList{e.orderId});
    }

    void csvExportNeutralisesFormulas()
    {
        // Server-supplied text opened in a spreadsheet must not run as a formula (OWASP).
        WorkspaceEntry e;
        e.orderId = QStringLiteral("ORD-1");
        e.state = SessionState::Open;
        e.support = parseSupport("{\"callback_phone\":\"=cmd|' /C calc'!A0\",\"chat\":{\"session_id\":\"@SUM(1+1)\"},"
                                 "\"agent\":{\"id\":\"-1+1\",\"person\":{\"name\":\"=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")\"}}}").value;
        QVERIFY(e.support);
        SessionTable table;
        const QByteArray csv = exportSessionsCsv(table, {table.upsert(summarize(e))});
        const QByteArray row = csv.split('\n').value(1);
        QVERIFY2(row.contains(",'-1+1,"), row.constData());
        QVERIFY2(row.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""), row.constData());
        QVERIFY2(row.contains("'=cmd|' /C calc'!A0"), row.constData());
        QVERIFY2(row.contains("'@SUM(1+1)"), row.constData());
        for (const QByteArray &cell : row.split(','))
            QVERIFY2(!cell.startsWith('=') && !cell.startsWith('+') && !cell.startsWith('-') && !cell.startsWith('@'),
                     cell.constData());
    }
    // The agent directory is kept in the workspace store: every agent of every session put
    // there, still known when its sessions are removed or reassigned, with the details last seen.
    void agentDirectoryIsKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        const auto entry = [](const char *orderId, const char *json) {
            WorkspaceEntry e;
            e.orderId = QString::fromLatin1(orderId);
            e.state = SessionState::Open;
            e.support = parseSupport(json).value;
            return e;
        };
        const char *aiko = R"({"agent":{"id":"agent-1022","person":{"name":"Aiko Haddad"},)"
                           R"("contact":{"phone":"+49 40 6660814","email":"aiko.haddad@support.example.org"},)"
                           R"("organization":{"descriptor":{"name":"Metro Couriers"}},"x_team":"north"}})";
        {
            WorkspaceStore store;
            QCOMPARE(store.open(path), QString());
            QCOMPARE(store.put({entry("ORD-1", aiko), entry("ORD-2", R"({"agent":{"id":"agent-1015","person":{"name":"Yusuf Schmidt"}}})"),
                                entry("ORD-3", "{}")}),
                     QString());
            // Elsewhere, Aiko was set by bare ID on another session: her details stay known.
            QCOMPARE(store.put({entry("ORD-3", R"({"agent":{"id":"agent-1022"}})")}), QString());
            // Her first session is reassigned, the other one leaves the list.
            QCOMPARE(store.put({entry("ORD-1", R"({"agent":{"id":"agent-1015","person":{"name":"Yusuf Schmidt"}}})")}), QString());
            QCOMPARE(store.remove({QStringLiteral("ORD-3")}), QString());
        }
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions());
        AgentDirectory directory;
        {
            WorkspaceStore store;
            QCOMPARE(store.open(path), QString());
            QCOMPARE(store.readAgents(&directory), QString());
        }
        QCOMPARE(directory.ids(), (QStringList{QStringLiteral("agent-1015"), QStringLiteral("agent-1022")}));
        const std::optional<Agent> found = directory.find(QStringLiteral("agent-1022"));
        QVERIFY(found);
        QVERIFY(found == parseSupport(aiko).value->agent); // all of it, unknown fields too
        // Searched by a part of the name or of the ID, ignoring case.
        QCOMPARE(directory.search(QStringLiteral("hADD")).size(), 1);
        QCOMPARE(directory.search(QStringLiteral("1015")).size(), 1);
        QCOMPARE(directory.search(QStringLiteral("agent-10")).size(), 2);
        QCOMPARE(*directory.search(QStringLiteral("agent-10")).first().person->name, std::string("Aiko Haddad"));
        QVERIFY(directory.search(QStringLiteral("nobody")).isEmpty());

        // A store of the format before the directory: its sessions' agents become the directory.
        {
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
            QCOMPARE(sqlite3_exec(db, "DROP TABLE agent; PRAGMA user_version = 1;", nullptr, nullptr, nullptr), SQLITE_OK);
            sqlite3_close(db);
        }
        AgentDirectory migrated;
        {
            WorkspaceStore store;
            QCOMPARE(store.open(path), QString());
            QCOMPARE(store.readAgents(&migrated), QString());
            QCOMPARE(store.count(), 2);
        }
        QCOMPARE(migrated.ids(), (QStringList{QStringLiteral("agent-1015")})); // the only agent left in a session
        QCOMPARE(*migrated.find(QStringLiteral("agent-1015"))->person->name, std::string("Yusuf Schmidt"));
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
