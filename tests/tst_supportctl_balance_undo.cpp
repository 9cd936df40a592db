// The real supportctl binary's `balance` undo file and `balance --undo` (issue 13): the private
// file a real run writes, putting sessions back, sessions changed since the balance, --dry-run,
// and damaged or foreign undo files, against an in-process sandbox (or the fault server). The
// fixture is in supportctlbalancetest.h.
#include "supportctlbalancetest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <functional>

#include <sys/stat.h>

class TestSupportctlBalanceUndo : public SupportctlBalanceTest
{
    Q_OBJECT

    static json readJson(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return json::parse(f.readAll().toStdString(), nullptr, false);
    }

    static int modeOf(const QString &path)
    {
        struct stat st;
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
    }

    static bool writeFile(const QString &path, const QByteArray &data)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
    }

    // The agent of each session on the sandbox as a whole JSON value (null: unassigned).
    json agentsOnServer(int count)
    {
        json agents = json::object();
        for (int i = 1; i <= count; ++i) {
            const std::string id = "S" + std::to_string(i);
            const json s = json::parse(m_server->sessionJson(QString::fromStdString(id)).toStdString());
            agents[id] = s.contains("agent") ? s["agent"] : json(nullptr);
        }
        return agents;
    }

    // A run over A,B of 4 with A (S1 with A's details) and 2 unassigned: S4 A -> B, S5 and S6
    // unassigned -> B. Returns the undo file it wrote.
    QString balanceWithUndo(const QString &name)
    {
        const QByteArray ids = put(repeat(QStringLiteral("A"), 4) + repeat(QString(), 2));
        if (!m_server->putSessionJson(QStringLiteral("S1"),
                R"({"order_id":"S1","agent":{"id":"A","person":{"name":"Ann Alder"},"contact":{"email":"ann@example.org"}}})"))
            return {};
        const QString file = m_dir.filePath(name);
        const Run r = ctl({QStringLiteral("balance"), QStringLiteral("--agents"), QStringLiteral("A,B"),
                           QStringLiteral("--undo-file"), file, QStringLiteral("--from"), QStringLiteral("-")}, ids);
        if (r.code != 0 || !r.err.contains(QStringLiteral("To undo: supportctl balance --undo ") + file + QLatin1Char('\n'))) {
            qWarning("balance: %d %s %s", r.code, qPrintable(r.out), qPrintable(r.err));
            return {};
        }
        return file;
    }

    // A valid undo file for the sandbox, to damage.
    json validUndo() const
    {
        return {{"format", "supportctl-balance-undo"}, {"version", 1},
                {"server", m_url.toString().chopped(1).toStdString()},
                {"balanced_at", "2026-11-30T10:00:00Z"}, {"complete", true},
                {"moves", {{{"order_id", "S1"}, {"from", {{"id", "A"}}}, {"to", {{"id", "B"}}}},
                           {{"order_id", "S2"}, {"from", nullptr}, {"to", {{"id", "B"}}}}}}};
    }

private Q_SLOTS:
    void init() { startSandbox(); }
    void cleanup() { stopSandbox(); }

    // A real run keeps its moves (the agents' details, null for an unassigned session) in a
    // private file naming the server, never the token; by default beside the audit trail.
    void runWritesAPrivateUndoFile()
    {
        const QString file = balanceWithUndo(QStringLiteral("undo-private.json"));
        QVERIFY(!file.isEmpty());
        QCOMPARE(modeOf(file), 0600);
        const json undo = readJson(file);
        QCOMPARE(undo["format"].get<std::string>(), std::string("supportctl-balance-undo"));
        QCOMPARE(undo["server"].get<std::string>(), m_url.toString().chopped(1).toStdString());
        QCOMPARE(undo["complete"].get<bool>(), true);
        QVERIFY(!undo["balanced_at"].get<std::string>().empty());
        QCOMPARE(undo["moves"].size(), size_t(3));
        QCOMPARE(undo["moves"][0]["order_id"].get<std::string>(), std::string("S4"));
        QVERIFY2(undo["moves"][0]["from"] == json({{"id", "A"}}), undo["moves"][0].dump().c_str());
        QCOMPARE(undo["moves"][0]["to"]["id"].get<std::string>(), std::string("B"));
        QVERIFY(undo["moves"][1]["from"].is_null());
        QCOMPARE(undo["moves"][2]["order_id"].get<std::string>(), std::string("S6"));

        // Without --undo-file: a new file in balance-undo/ (0700) beside the audit trail; the
        // token given is nowhere in it.
        put(repeat(QStringLiteral("A"), 2), 7);
        const QString secret = QStringLiteral("tok-3141592653");
        const Run r = ctl({QStringLiteral("--token-file"), QStringLiteral("-"), QStringLiteral("--json"), QStringLiteral("balance"),
                           QStringLiteral("--agents"), QStringLiteral("A,C"), QStringLiteral("S7"), QStringLiteral("S8")},
                          secret.toUtf8() + '\n');
        QCOMPARE(r.code, 0);
        const QString dir = m_dir.filePath(QStringLiteral("balance-undo"));
        const QString hint = QStringLiteral("To undo: supportctl balance --undo ");
        const qsizetype at = r.err.indexOf(hint + dir + QStringLiteral("/balance-"));
        QVERIFY2(at >= 0, qPrintable(r.err));
        const QString path = r.err.mid(at + hint.size()).section(QLatin1Char('\n'), 0, 0);
        QCOMPARE(QString::fromStdString(json::parse(r.out.toStdString())["undo_file"].get<std::string>()), path);
        QCOMPARE(modeOf(dir), 0700);
        QCOMPARE(modeOf(path), 0600);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(!text.contains(secret.toUtf8()));
        QCOMPARE(json::parse(text.toStdString())["moves"].size(), size_t(1));

        // No undo file, no run: nothing is sent when it cannot be written.
        m_puts.clear();
        const Run unwritable = ctl({QStringLiteral("balance"), QStringLiteral("--agents"), QStringLiteral("A,C"),
                                    QStringLiteral("--undo-file"), m_dir.filePath(QStringLiteral("missing/undo.json")),
                                    QStringLiteral("S1"), QStringLiteral("S2"), QStringLiteral("S3"), QStringLiteral("S4")});
        QCOMPARE(unwritable.code, 1);
        QVERIFY2(unwritable.err.contains(QStringLiteral("cannot write the undo file ")), qPrintable(unwritable.err));
        QVERIFY2(unwritable.err.contains(QStringLiteral("Nothing was sent.")), qPrintable(unwritable.err));
        QVERIFY(m_puts.isEmpty());

        // A dry run keeps nothing.
        const qsizetype kept = QDir(dir).entryList(QDir::Files).size();
        const Run dry = ctl({QStringLiteral("balance"), QStringLiteral("--agents"), QStringLiteral("A,B,C"),
                             QStringLiteral("--dry-run"), QStringLiteral("S1"), QStringLiteral("S2")});
        QCOMPARE(dry.code, 0);
        QVERIFY2(!dry.err.contains(QStringLiteral("To undo")), qPrintable(dry.err));
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), kept);
    }

    // --undo puts every session back where it was: to A with A's details, or unassigned.
    void undoRestoresEveryAgent()
    {
        put(repeat(QStringLiteral("A"), 4) + repeat(QString(), 2));
        QVERIFY(m_server->putSessionJson(QStringLiteral("S4"),
            R"({"order_id":"S4","agent":{"id":"A","person":{"name":"Ann Alder"}}})"));
        const json before = agentsOnServer(6);
        const QString file = m_dir.filePath(QStringLiteral("undo-restore.json"));
        Run r = ctl({QStringLiteral("balance"), QStringLiteral("--agents"), QStringLiteral("A,B"),
                     QStringLiteral("--undo-file"), file, QStringLiteral("S1"), QStringLiteral("S2"), QStringLiteral("S3"),
                     QStringLiteral("S4"), QStringLiteral("S5"), QStringLiteral("S6")});
        QCOMPARE(r.code, 0);
        QCOMPARE(agentOnServer(QStringLiteral("S4")), QStringLiteral("B"));
        QCOMPARE(agentOnServer(QStringLiteral("S5")), QStringLiteral("B"));
        m_writes.clear();

        r = ctl({QStringLiteral("balance"), QStringLiteral("--undo"), file});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("S4\tmoved back\tA\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("S5\tmoved back\t(unassigned)\n")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("Undo: 3 moved back, 0 already back, 0 changed since the balance")), qPrintable(r.err));
        QVERIFY2(agentsOnServer(6) == before, agentsOnServer(6).dump().c_str());
        m_writes.sort();
        QCOMPARE(m_writes, QStringList({QStringLiteral("DELETE /support/S5/agent"), QStringLiteral("DELETE /support/S6/agent"),
                                        QStringLiteral("PUT /support/S4/agent")}));

        // Again: everything is back already, nothing is sent.
        m_writes.clear();
        r = ctl({QStringLiteral("--json"), QStringLiteral("balance"), QStringLiteral("--undo"), file});
        QCOMPARE(r.code, 0);
        const json doc = json::parse(r.out.toStdString());
        QCOMPARE(doc["results"].size(), size_t(3));
        for (const json &result : doc["results"])
            QCOMPARE(result["outcome"].get<std::string>(), std::string("already_back"));
        QCOMPARE(doc["summary"]["already_back"].get<int>(), 3);
        QVERIFY2(m_writes.isEmpty(), qPrintable(m_writes.join(QLatin1Char(' '))));

        // The file of a run cut short lists moves never made: those sessions are found with
        // their agent before and left alone.
        json cut = readJson(file);
        cut["complete"] = false;
        cut["moves"].push_back({{"order_id", "S1"}, {"from", {{"id", "A"}}}, {"to", {{"id", "B"}}}});
        QVERIFY(writeFile(file, QByteArray::fromStdString(cut.dump())));
        r = ctl({QStringLiteral("balance"), QStringLiteral("--undo"), file});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("was written before its balance run finished")), qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("S1\talready back\tA\n")), qPrintable(r.out));
        QVERIFY(m_writes.isEmpty());
    }

    // A session whose agent changed since the balance (or that was closed) is left as it is and
    // reported; the others go back. Exit 6 when some went back, 2 when none did.
    void undoLeavesChangedSessionsAlone()
    {
        const QString file = balanceWithUndo(QStringLiteral("undo-changed.json"));
        QVERIFY(!file.isEmpty());
        QVERIFY(m_server->putSessionJson(QStringLiteral("S4"), R"({"order_id":"S4","agent":{"id":"C"}})"));
        QCOMPARE(ctl({QStringLiteral("close"), QStringLiteral("S5")}).code, 0);
        m_writes.clear();
        Run r = ctl({QStringLiteral("balance"), QStringLiteral("--undo"), file});
        QCOMPARE(r.code, 6);
        QVERIFY2(r.out.contains(QStringLiteral("S4\tCONFLICT\tnow with C: changed since the balance; left as it is\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("S5\tCONFLICT\tno open session: closed since the balance; left as it is\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("S6\tmoved back\t(unassigned)\n")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("Undo: 1 moved back, 0 already back, 2 changed since the balance and left as they are, 0 failed: S4, S5\n")),
                 qPrintable(r.err));
        QCOMPARE(m_writes, QStringList{QStringLiteral("DELETE /support/S6/agent")});
        QCOMPARE(agentOnServer(QStringLiteral("S4")), QStringLiteral("C"));
        QCOMPARE(agentOnServer(QStringLiteral("S6")), QString());

        // Again with --json: each outcome named; S6, back already, counts as done (so still 6).
        m_writes.clear();
        r = ctl({QStringLiteral("--json"), QStringLiteral("balance"), QStringLiteral("--undo"), file});
        QCOMPARE(r.code, 6);
        QVERIFY(m_writes.isEmpty());
        const json doc = json::parse(r.out.toStdString());
        QCOMPARE(doc["results"][0]["outcome"].get<std::string>(), std::string("changed"));
        QCOMPARE(doc["results"][0]["now"].get<std::string>(), std::string("C"));
        QCOMPARE(doc["results"][1]["outcome"].get<std::string>(), std::string("closed"));
        QCOMPARE(doc["summary"]["conflicts"].get<int>(), 2);

        // Only the conflicts left: their status alone, 2 (refused).
        json only = readJson(file);
        only["moves"].erase(2);
        QVERIFY(writeFile(file, QByteArray::fromStdString(only.dump())));
        r = ctl({QStringLiteral("balance"), QStringLiteral("--undo"), file});
        QCOMPARE(r.code, 2);
        QVERIFY(m_writes.isEmpty());
    }

    // Changed between the read and the write: the If-Match of the read gets 412, and the session
    // is reported as changed, not overwritten.
    void undoWritesOntoTheVersionRead()
    {
        FaultServer fault;
        const QUrl url = fault.start();
        QVERIFY(url.isValid());
        json undo = validUndo();
        undo["server"] = url.toString().chopped(1).toStdString();
        const QString file = m_dir.filePath(QStringLiteral("undo-412.json"));
        QVERIFY(writeFile(file, QByteArray::fromStdString(undo.dump())));
        FaultStep read = FaultStep::json(200, R"({"order_id":"S1","agent":{"id":"B"}})");
        read.headers << qMakePair(QByteArray("ETag"), QByteArray("\"v7\""));
        fault.enqueue(read);
        fault.enqueue(FaultStep::json(200, R"({"order_id":"S2"})")); // unassigned already
        fault.enqueue(FaultStep::json(412, R"({"error":{"code":"PRECONDITION_FAILED","message":"changed"}})"));
        fault.enqueue(FaultStep::json(200, R"({"order_id":"S1","agent":{"id":"C"}})")); // read again: C's now
        const Run r = ctl({QStringLiteral("--concurrency"), QStringLiteral("1"), QStringLiteral("--retries"), QStringLiteral("0"),
                           QStringLiteral("balance"), QStringLiteral("--undo"), file}, {}, url);
        QVERIFY2(r.code == 6, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("S1\tCONFLICT\tnow with C: changed since the balance; left as it is\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("S2\talready back\t(unassigned)\n")), qPrintable(r.out));
        QCOMPARE(fault.requests().size(), 4);
        QCOMPARE(fault.requests()[3].method, QByteArray("GET"));
        QCOMPARE(fault.requests()[2].method, QByteArray("PUT"));
        QCOMPARE(fault.requests()[2].path, QByteArray("/support/S1/agent"));
        QCOMPARE(fault.requests()[2].headers.value("if-match"), QByteArray("\"v7\""));
        QCOMPARE(fault.requests()[2].body, QByteArray(R"({"agent":{"id":"A"},"order_id":"S1"})"));
    }

    // A move whose outcome is not known (no answer, a 5xx: the server may have applied it) stays
    // in the undo file, which the undo can still put back; only a refusal drops it.
    void unknownOutcomeStaysInTheUndoFile_data()
    {
        QTest::addColumn<int>("status"); // 0: the connection drops
        QTest::addColumn<bool>("kept");
        QTest::newRow("dropped") << 0 << true;
        QTest::newRow("503") << 503 << true;
        QTest::newRow("409 refused") << 409 << false;
    }
    void unknownOutcomeStaysInTheUndoFile()
    {
        QFETCH(int, status);
        QFETCH(bool, kept);
        FaultServer fault;
        const QUrl url = fault.start();
        QVERIFY(url.isValid());
        fault.enqueue(FaultStep::json(200, R"({"order_id":"S1","agent":{"id":"A"}})"));
        fault.enqueue(FaultStep::json(200, R"({"order_id":"S2","agent":{"id":"A"}})"));
        fault.enqueue(status == 0 ? FaultStep::drop()
                                  : FaultStep::json(status, R"({"error":{"code":"X","message":"no"}})"));
        const QString file = m_dir.filePath(QStringLiteral("undo-unknown-%1.json").arg(status));
        const Run r = ctl({QStringLiteral("--concurrency"), QStringLiteral("1"), QStringLiteral("--retries"), QStringLiteral("0"),
                           QStringLiteral("balance"), QStringLiteral("--agents"), QStringLiteral("A,B"),
                           QStringLiteral("--undo-file"), file, QStringLiteral("S1"), QStringLiteral("S2")}, {}, url);
        QVERIFY2(r.code != 0, qPrintable(r.err));
        QCOMPARE(fault.requests().size(), 3);
        QCOMPARE(fault.requests()[2].method, QByteArray("PUT"));
        QCOMPARE(QFileInfo::exists(file), kept);
        if (!kept)
            return;
        QVERIFY2(r.err.contains(QStringLiteral("To undo: supportctl balance --undo ") + file), qPrintable(r.err));
        const json undo = readJson(file);
        QCOMPARE(undo["moves"].size(), size_t(1));
        QCOMPARE("/support/" + undo["moves"][0]["order_id"].get<std::string>() + "/agent",
                 fault.requests()[2].path.toStdString());
        QCOMPARE(undo["moves"][0]["to"]["id"].get<std::string>(), std::string("B"));
    }

    // The write back was applied and its answer lost: the retry (If-Match of the first read)
    // gets 412, and a fresh read finds the session moved back: counted as moved back.
    void undo412AfterItsOwnWriteIsMovedBack()
    {
        FaultServer fault;
        const QUrl url = fault.start();
        QVERIFY(url.isValid());
        json undo = validUndo();
        undo["server"] = url.toString().chopped(1).toStdString();
        undo["moves"].erase(1);
        const QString file = m_dir.filePath(QStringLiteral("undo-412-own.json"));
        QVERIFY(writeFile(file, QByteArray::fromStdString(undo.dump())));
        FaultStep read = FaultStep::json(200, R"({"order_id":"S1","agent":{"id":"B"}})");
        read.headers << qMakePair(QByteArray("ETag"), QByteArray("\"v7\""));
        fault.enqueue(read);
        fault.enqueue(FaultStep::json(412, R"({"error":{"code":"PRECONDITION_FAILED","message":"changed"}})"));
        fault.enqueue(FaultStep::json(200, R"({"order_id":"S1","agent":{"id":"A"}})"));
        const Run r = ctl({QStringLiteral("--retries"), QStringLiteral("0"), QStringLiteral("balance"),
                           QStringLiteral("--undo"), file}, {}, url);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("S1\tmoved back\tA\n")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("Undo: 1 moved back, 0 already back, 0 changed")), qPrintable(r.err));
        QCOMPARE(fault.requests().size(), 3);
    }

    // A server without ETags: the session is read again right before the write, and one changed
    // since the undo's first read is left as it is (not overwritten without any check).
    void undoWithoutEtagsLeavesAChangedSessionAlone()
    {
        m_server->setEtagsEnabled(false);
        put({QStringLiteral("B"), QStringLiteral("B")});
        json undo = validUndo();
        const QString file = m_dir.filePath(QStringLiteral("undo-noetag.json"));
        QVERIFY(writeFile(file, QByteArray::fromStdString(undo.dump())));
        bool changed = false;
        connect(m_server, &sd::SandboxServer::requestHandled, this,
                [this, &changed](const QByteArray &method, const QString &path, int) {
                    if (method == "GET" && path == QLatin1String("/support/S1") && !changed) {
                        changed = true; // someone gives S1 to C right after the undo read it
                        QVERIFY(m_server->putSessionJson(QStringLiteral("S1"),
                                R"({"order_id":"S1","callback_phone":"+1 555 0100","agent":{"id":"C"}})"));
                    }
                });
        const Run r = ctl({QStringLiteral("balance"), QStringLiteral("--undo"), file});
        QVERIFY(changed);
        QCOMPARE(agentOnServer(QStringLiteral("S1")), QStringLiteral("C"));
        QCOMPARE(agentOnServer(QStringLiteral("S2")), QString());
        QVERIFY2(r.code == 6, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("S1\tCONFLICT\tnow with C: changed since the balance; left as it is\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("S2\tmoved back\t(unassigned)\n")), qPrintable(r.out));
        QVERIFY(!m_puts.contains(QStringLiteral("/support/S1/agent")));
    }

    // Two runs in the same second (from two shells) do not share a default undo file: its name
    // carries the process ID besides the time.
    void defaultUndoFileNameIsPerProcess()
    {
        const QByteArray ids = put(repeat(QStringLiteral("A"), 2));
        const Run r = ctl({QStringLiteral("balance"), QStringLiteral("--agents"), QStringLiteral("A,B"),
                           QStringLiteral("--from"), QStringLiteral("-")}, ids);
        QCOMPARE(r.code, 0);
        const QString hint = QStringLiteral("To undo: supportctl balance --undo ");
        const qsizetype at = r.err.indexOf(hint);
        QVERIFY2(at >= 0, qPrintable(r.err));
        const QString path = r.err.mid(at + hint.size()).section(QLatin1Char('\n'), 0, 0);
        const QRegularExpression name(QStringLiteral("/balance-undo/balance-[0-9]{8}-[0-9]{6}-[0-9]+\\.json$"));
        QVERIFY2(name.match(path).hasMatch(), qPrintable(path));
        QVERIFY(QFileInfo::exists(path));
    }

    // An undo record that `--undo` could not read back (over 32 MiB: here 6 moves to an agent
    // with 7 MiB of details) is refused before anything is sent, as an unwritable undo file is.
    void unreadableUndoRecordIsRefusedBeforeSending()
    {
        const QByteArray ids = put(repeat(QStringLiteral("A"), 13) + QStringList{QStringLiteral("B")});
        const json big = {{"order_id", "S14"}, {"agent", {{"id", "B"}, {"notes", std::string(7u << 20, 'x')}}}};
        QVERIFY(m_server->putSessionJson(QStringLiteral("S14"), QByteArray::fromStdString(big.dump())));
        const QString file = m_dir.filePath(QStringLiteral("undo-big.json"));
        const Run r = ctl({QStringLiteral("balance"), QStringLiteral("--agents"), QStringLiteral("A,B"),
                           QStringLiteral("--undo-file"), file, QStringLiteral("--from"), QStringLiteral("-")}, ids);
        QVERIFY2(r.code == 1, qPrintable(r.out + r.err.left(2000)));
        QVERIFY2(r.err.contains(QStringLiteral("Nothing was sent.")), qPrintable(r.err.left(2000)));
        QVERIFY2(r.err.contains(QStringLiteral("32 MiB")), qPrintable(r.err.left(2000)));
        QVERIFY(m_writes.isEmpty());
        QVERIFY(!QFileInfo::exists(file));
    }

    // --undo --dry-run says what it would do and sends no change.
    void undoDryRunSendsNothing()
    {
        const QString file = balanceWithUndo(QStringLiteral("undo-dry.json"));
        QVERIFY(!file.isEmpty());
        const json balanced = agentsOnServer(6);
        m_writes.clear();
        Run r = ctl({QStringLiteral("balance"), QStringLiteral("--undo"), file, QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("S4\twould move back\tB -> A\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("S5\twould move back\tB -> (unassigned)\n")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("Dry run: nothing was sent.")), qPrintable(r.err));
        r = ctl({QStringLiteral("--json"), QStringLiteral("balance"), QStringLiteral("--dry-run"), QStringLiteral("--undo"), file});
        QCOMPARE(r.code, 0);
        const json doc = json::parse(r.out.toStdString());
        QCOMPARE(doc["dry_run"].get<bool>(), true);
        QCOMPARE(doc["results"][0]["outcome"].get<std::string>(), std::string("would_move_back"));
        QCOMPARE(doc["summary"]["would_move_back"].get<int>(), 3);
        QVERIFY2(m_writes.isEmpty(), qPrintable(m_writes.join(QLatin1Char(' '))));
        QVERIFY2(agentsOnServer(6) == balanced, agentsOnServer(6).dump().c_str());
    }

    // An undo file is untrusted input: a damaged, oversized or foreign one is refused with exit
    // status 1 and a message naming the problem; nothing at all is sent.
    void badUndoFileIsRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        const auto damaged = [this](const std::function<void(json &)> &change) {
            json j = validUndo();
            change(j);
            return QByteArray::fromStdString(j.dump());
        };
        const QString unusable = QStringLiteral("is not a usable undo file of supportctl balance: ");
        QTest::newRow("not JSON") << QByteArray("{\"format\": \"supportctl-balance-undo\", ") << unusable;
        QTest::newRow("empty") << QByteArray() << unusable;
        QTest::newRow("oversized") << (damaged([](json &) {}) + QByteArray((32 << 20) + 1, ' '))
                                   << unusable + QStringLiteral("it is larger than 32 MiB");
        QTest::newRow("nested deep") << (QByteArray(100, '[') + QByteArray(100, ']')) << unusable;
        QTest::newRow("a list") << QByteArray("[]") << unusable + QStringLiteral("it is not a JSON object");
        QTest::newRow("other format") << damaged([](json &j) { j["format"] = "supportdesk-workspace"; }) << unusable;
        QTest::newRow("other version") << damaged([](json &j) { j["version"] = 2; }) << unusable;
        QTest::newRow("no moves") << damaged([](json &j) { j.erase("moves"); }) << unusable;
        QTest::newRow("move not an object") << damaged([](json &j) { j["moves"][1] = "S2"; })
                                            << unusable + QStringLiteral("move 2: not an object");
        QTest::newRow("no from") << damaged([](json &j) { j["moves"][0].erase("from"); }) << unusable + QStringLiteral("move 1: ");
        QTest::newRow("to null") << damaged([](json &j) { j["moves"][0]["to"] = nullptr; }) << unusable + QStringLiteral("move 1: \"to\"");
        QTest::newRow("to without ID") << damaged([](json &j) { j["moves"][1]["to"] = {{"person", {{"name", "X"}}}}; })
                                       << unusable + QStringLiteral("move 2: \"to\": the agent has no ID");
        QTest::newRow("agent ID a number") << damaged([](json &j) { j["moves"][0]["from"]["id"] = 7; }) << unusable + QStringLiteral("move 1: \"from\"");
        QTest::newRow("bad order ID") << damaged([](json &j) { j["moves"][0]["order_id"] = ".."; }) << unusable + QStringLiteral("move 1: \"order_id\"");
        QTest::newRow("order twice") << damaged([](json &j) { j["moves"][1]["order_id"] = "S1"; })
                                     << unusable + QStringLiteral("move 2: order S1 is listed twice");
        QTest::newRow("too many moves") << damaged([](json &j) {
            json moves = json::array();
            for (int i = 0; i < 200'001; ++i)
                moves.push_back({{"order_id", "O" + std::to_string(i)}, {"from", nullptr}, {"to", {{"id", "B"}}}});
            j["moves"] = std::move(moves);
        }) << unusable + QStringLiteral("more than 200000 moves");
        QTest::newRow("bad date") << damaged([](json &j) { j["balanced_at"] = "yesterday"; }) << unusable;
        QTest::newRow("other server") << damaged([](json &j) { j["server"] = "https://support.example.org"; })
                                      << QStringLiteral("holds a balance run on https://support.example.org, and the server given is ");
    }
    void badUndoFileIsRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        put({QStringLiteral("B"), QStringLiteral("B")});
        const QString file = m_dir.filePath(QStringLiteral("undo-bad.json"));
        QVERIFY(writeFile(file, content));
        const qint64 before = m_server->requestCount();
        const Run r = ctl({QStringLiteral("balance"), QStringLiteral("--undo"), file});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("supportctl: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err.left(2000)));
        QVERIFY2(r.err.contains(QStringLiteral("othing was sent")), qPrintable(r.err.left(2000)));
        QCOMPARE(m_server->requestCount(), before);
        QCOMPARE(agentOnServer(QStringLiteral("S1")), QStringLiteral("B"));

        const Run missing = ctl({QStringLiteral("balance"), QStringLiteral("--undo"), m_dir.filePath(QStringLiteral("none.json"))});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("cannot read the undo file")), qPrintable(missing.err));
        QCOMPARE(m_server->requestCount(), before);
    }
};

QTEST_GUILESS_MAIN(TestSupportctlBalanceUndo)
#include "tst_supportctl_balance_undo.moc"
