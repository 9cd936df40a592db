// The compact session list (SessionTable) and the SQLite workspace store behind it.
#include "sessiontable.h"
#include "workspacestore.h"
#include "killedwriter.h"

#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <sys/stat.h>

using namespace sd;

namespace {

SessionSummary summary(const QString &id, const QString &agentName = {}, const QString &agentId = {},
                       const QString &phone = {}, const QString &chat = {})
{
    SessionSummary s;
    s.orderId = id;
    s.state = SessionState::Open;
    s.agentName = agentName;
    s.agentId = agentId;
    s.phone = phone;
    s.chat = chat;
    return s;
}

WorkspaceEntry entry(const QString &id, const char *json)
{
    WorkspaceEntry e;
    e.orderId = id;
    e.state = SessionState::Open;
    e.support = parseSupport(json).value;
    return e;
}

} // namespace

class TestSessionTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void upsertFindAndReplace()
    {
        SessionTable t;
        QCOMPARE(t.find(QStringLiteral("A")), -1);
        QCOMPARE(t.upsert(summary(QStringLiteral("A"), QStringLiteral("Anna"), QStringLiteral("a1"))), 0);
        QCOMPARE(t.upsert(summary(QStringLiteral("B"))), 1);
        SessionSummary changed = summary(QStringLiteral("A"), {}, QStringLiteral("a2"), QStringLiteral("+49 30 1"));
        changed.state = SessionState::Closed;
        changed.hasDraft = true;
        changed.error = QStringLiteral("timeout");
        changed.lastChangeMs = 1234;
        QCOMPARE(t.upsert(changed), 0); // same row, new texts
        QCOMPARE(t.size(), 2);
        const SessionSummary back = t.summary(0);
        QCOMPARE(back.orderId, QStringLiteral("A"));
        QCOMPARE(back.agentName, QString());
        QCOMPARE(back.agentId, QStringLiteral("a2"));
        QCOMPARE(back.phone, QStringLiteral("+49 30 1"));
        QCOMPARE(back.state, SessionState::Closed);
        QVERIFY(back.hasDraft);
        QCOMPARE(back.error, QStringLiteral("timeout"));
        QCOMPARE(back.lastChangeMs, qint64(1234));
        QVERIFY(t.isAssigned(0));
        QVERIFY(!t.isAssigned(1));
        QCOMPARE(t.error(1), QString());
    }

    void manyReplacementsKeepEveryRow()
    {
        // Replaced texts are compacted away now and then; nothing may move to another row.
        SessionTable t;
        for (int i = 0; i < 2000; ++i)
            t.upsert(summary(QStringLiteral("ID-%1").arg(i), QStringLiteral("name %1").arg(i)));
        for (int round = 0; round < 30; ++round)
            for (int i = 0; i < 2000; ++i)
                t.upsert(summary(QStringLiteral("ID-%1").arg(i), QStringLiteral("name %1 round %2 %3").arg(i).arg(round).arg(QString(200, QLatin1Char('x')))));
        QCOMPARE(t.size(), 2000);
        for (int i = 0; i < 2000; i += 97) {
            QCOMPARE(t.find(QStringLiteral("ID-%1").arg(i)), i);
            QVERIFY(t.text(i, SessionTable::AgentName).startsWith(QStringLiteral("name %1 round 29").arg(i)));
        }
        QVERIFY(t.memoryBytes() < 2000u * 64 * 30); // not every replaced text kept
    }

    void removedRowsLeaveTheRestFindable()
    {
        SessionTable t;
        for (int i = 0; i < 200; ++i) {
            SessionSummary s = summary(QStringLiteral("R-%1").arg(i), QStringLiteral("Agent %1").arg(i));
            if (i % 10 == 3)
                s.error = QStringLiteral("error of %1").arg(i);
            t.upsert(s);
        }
        std::vector<int> gone;
        for (int i = 0; i < 200; i += 2)
            gone.push_back(i); // every even row, errors on odd rows move with them
        const std::vector<int> moved = t.removeRows(gone);
        QCOMPARE(t.size(), 100);
        QCOMPARE(moved[0], -1);
        QCOMPARE(moved[13], 6);
        for (int i = 0; i < 200; ++i) {
            const int row = t.find(QStringLiteral("R-%1").arg(i));
            QCOMPARE(row, i % 2 ? moved[size_t(i)] : -1);
            if (row >= 0) {
                QCOMPARE(t.text(row, SessionTable::AgentName), QStringLiteral("Agent %1").arg(i));
                QCOMPARE(t.error(row), i % 10 == 3 ? QStringLiteral("error of %1").arg(i) : QString());
            }
        }
        // A removed ID can come back, as a new row at the end.
        QCOMPARE(t.upsert(summary(QStringLiteral("R-0"))), 100);
        QCOMPARE(t.find(QStringLiteral("R-0")), 100);
        QCOMPARE(t.find(QStringLiteral("R-1")), 0);
    }

    void filterMatches_data()
    {
        QTest::addColumn<QString>("needle");
        QTest::addColumn<bool>("matches");
        QTest::newRow("order id, other case") << QStringLiteral("ord-7") << true;
        QTest::newRow("agent name") << QStringLiteral("MÜLLER") << true;
        QTest::newRow("agent name, Unicode lower") << QStringLiteral("jürgen") << true;
        QTest::newRow("agent id") << QStringLiteral("agent-4") << true;
        QTest::newRow("phone as shown") << QStringLiteral("+49 30") << true;
        QTest::newRow("phone without spaces") << QStringLiteral("+4930555") << true;
        QTest::newRow("chat is not searched") << QStringLiteral("chat-session") << false;
        QTest::newRow("across two fields") << QStringLiteral("7jürgen") << false;
        QTest::newRow("absent") << QStringLiteral("xyz") << false;
        QTest::newRow("empty matches all") << QStringLiteral("  ") << true;
    }
    void filterMatches()
    {
        QFETCH(QString, needle);
        QFETCH(bool, matches);
        SessionTable t;
        t.upsert(summary(QStringLiteral("ORD-7"), QStringLiteral("Jürgen Müller"), QStringLiteral("agent-4"),
                         QStringLiteral("+49 30 555 12"), QStringLiteral("chat-session-1")));
        t.upsert(summary(QStringLiteral("plain-ascii"), QStringLiteral("Bob")));
        QCOMPARE(t.contains(0, SessionTable::Needle(needle)), matches);
        // A non-ASCII needle never matches a plain-ASCII row; an ASCII one is folded there too.
        QCOMPARE(t.contains(1, SessionTable::Needle(QStringLiteral("BOB"))), true);
        QCOMPARE(t.contains(1, SessionTable::Needle(QStringLiteral("böb"))), false);
    }

    void foldedSearchFindsEveryPosition()
    {
        // The word-at-a-time search against a plain one, at every offset and length.
        SessionTable t;
        const QString text = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789-[@`{]");
        t.upsert(summary(text));
        for (int from = 0; from < text.size(); ++from)
            for (int length = 1; from + length <= text.size() && length < 12; ++length) {
                const QString part = text.mid(from, length);
                QVERIFY2(t.contains(0, SessionTable::Needle(part)), qPrintable(part));
            }
        QVERIFY(!t.contains(0, SessionTable::Needle(QStringLiteral("@a")))); // '@' is not 'A' folded
        QVERIFY(!t.contains(0, SessionTable::Needle(QStringLiteral("[z"))));
    }

    void sortedRowsAgreeWithComparison_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<bool>("descending");
        const char *names[] = {"order", "state", "agent", "phone", "chat", "last change"};
        for (int k = 0; k <= int(SessionTable::SortKey::LastChange); ++k) {
            QTest::addRow("%s ascending", names[k]) << k << false;
            QTest::addRow("%s descending", names[k]) << k << true;
        }
    }
    void sortedRowsAgreeWithComparison()
    {
        QFETCH(int, key);
        QFETCH(bool, descending);
        // Short and long texts, shared prefixes, case differences, duplicates, non-ASCII, empties.
        const QStringList pool = {QString(), QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("ab"),
                                  QStringLiteral("abcdefgh"), QStringLiteral("abcdefghi"), QStringLiteral("ABCDEFGHIJKLMNOPQ"),
                                  QStringLiteral("abcdefghijklmnopq"), QStringLiteral("abcdefghijklmnopr"), QStringLiteral("Zoë"),
                                  QStringLiteral("zoe"), QStringLiteral("+49 30 1234567"), QStringLiteral("+49 30 1234568")};
        QRandomGenerator random(7);
        SessionTable t;
        for (int i = 0; i < 3000; ++i) {
            SessionSummary s = summary(QStringLiteral("%1-%2").arg(pool[random.bounded(int(pool.size()))]).arg(random.bounded(50)),
                                       pool[random.bounded(int(pool.size()))], pool[random.bounded(int(pool.size()))],
                                       pool[random.bounded(int(pool.size()))], pool[random.bounded(int(pool.size()))]);
            s.state = SessionState(random.bounded(5));
            s.lastChangeMs = random.bounded(2) ? 0 : qint64(random.bounded(1000)) - 500;
            t.upsert(s);
        }
        const auto sortKey = SessionTable::SortKey(key);
        const auto cmp = [&](int a, int b) {
            switch (sortKey) {
            case SessionTable::SortKey::OrderId: return t.compare(a, b, SessionTable::OrderId);
            case SessionTable::SortKey::State: return int(t.state(a)) - int(t.state(b));
            case SessionTable::SortKey::Agent: {
                const auto shown = [&](int r) { return t.utf8(r, SessionTable::AgentName).empty() ? t.utf8(r, SessionTable::AgentId) : t.utf8(r, SessionTable::AgentName); };
                const int c = SessionTable::compareText(shown(a), shown(b));
                return c ? c : t.compare(a, b, SessionTable::AgentId);
            }
            case SessionTable::SortKey::Phone: return t.compare(a, b, SessionTable::Phone);
            case SessionTable::SortKey::Chat: return t.compare(a, b, SessionTable::Chat);
            case SessionTable::SortKey::LastChange:
                return t.lastChangeMs(a) < t.lastChangeMs(b) ? -1 : (t.lastChangeMs(a) > t.lastChangeMs(b) ? 1 : 0);
            }
            return 0;
        };
        std::vector<int> expected(size_t(t.size()));
        for (int i = 0; i < t.size(); ++i)
            expected[size_t(i)] = i;
        std::sort(expected.begin(), expected.end(), [&](int a, int b) {
            const int c = cmp(a, b);
            return c != 0 ? (descending ? c > 0 : c < 0) : a < b;
        });
        QCOMPARE(t.sortedRows(sortKey, descending), expected);
    }

    void numbersSortByValue()
    {
        const QStringList ids = {QStringLiteral("ord-9"), QStringLiteral("ORD-10"), QStringLiteral("ORD-0011"),
                                 QStringLiteral("ORD-100001"), QStringLiteral("ORD-1000000"), QStringLiteral("ORD-A"),
                                 QStringLiteral("ORD/2026/5"), QStringLiteral("ORDER-1")};
        SessionTable t;
        for (auto it = ids.crbegin(); it != ids.crend(); ++it)
            t.upsert(summary(*it));
        QStringList sorted;
        for (int row : t.sortedRows(SessionTable::SortKey::OrderId, false))
            sorted << t.text(row, SessionTable::OrderId);
        QCOMPARE(sorted, ids);
        QVERIFY(SessionTable::compareText("a2b", "a10b") < 0);
        QVERIFY(SessionTable::compareText("a02", "a2") == 0);
        QVERIFY(SessionTable::compareText("a1", "ab") < 0); // digits before letters, as in ASCII
    }

    void csvOfRows()
    {
        SessionTable t;
        SessionSummary s = summary(QStringLiteral("A,\"1\""), QStringLiteral("Doe, Jane"), QStringLiteral("a"), QStringLiteral("+1 555"));
        s.lastSeenMs = QDateTime(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch();
        t.upsert(s);
        t.upsert(summary(QStringLiteral("B")));
        const QByteArray csv = exportSessionsCsv(t, {1, 0});
        QCOMPARE(csv, QByteArray("order_id,status,agent_id,agent_name,callback_phone,chat_session,last_seen\r\n"
                                 "B,open,,,,,\r\n"
                                 "\"A,\"\"1\"\"\",open,a,\"Doe, Jane\",'+1 555,,2026-11-28T10:00:00Z\r\n"));
    }

    void storeIsPrivate()
    {
        // 0600 from the start in a 0700 folder, side files included, whatever the umask; a store
        // an earlier version left readable by everyone is made private when opened.
        const mode_t oldMask = ::umask(022);
        const auto restore = qScopeGuard([oldMask] { ::umask(oldMask); });
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("data/workspaces"));
        const QString path = folder + QStringLiteral("/w.sqlite");
        const auto mode = [](const QString &p) {
            struct stat st;
            return ::stat(QFile::encodeName(p).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
        };
        {
            WorkspaceStore store;
            QCOMPARE(store.open(path), QString());
            QCOMPARE(store.put({entry(QStringLiteral("A"), R"({"callback_phone":"+1 555 0100"})")}), QString());
            for (const char *suffix : {"", "-wal", "-shm"}) {
                QVERIFY2(QFileInfo::exists(path + QLatin1String(suffix)), suffix);
                QCOMPARE(mode(path + QLatin1String(suffix)), 0600);
            }
            QCOMPARE(mode(folder), 0700);
            QCOMPARE(mode(dir.filePath(QStringLiteral("data"))), 0700);
        }
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        WorkspaceStore store;
        QCOMPARE(store.open(path), QString());
        QCOMPARE(store.count(), 1);
        QCOMPARE(mode(path), 0600);
    }

    void storeRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        WorkspaceEntry a = entry(QStringLiteral("ORD/1"), R"({"order_id":"ORD/1","x":{"k":[1]},"agent":{"id":"a1","person":{"name":"Anna"},"rating":4},"callback_phone":"+1 555"})");
        a.etag = "\"7\"";
        a.lastSeen = QDateTime(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC);
        a.lastChange = a.lastSeen.addSecs(-60);
        a.draft = parseSupport(R"({"order_id":"ORD/1","callback_phone":"+1 556"})").value;
        WorkspaceEntry b;
        b.orderId = QStringLiteral("GONE");
        b.state = SessionState::NotFound;
        b.lastError = QStringLiteral("404");
        {
            WorkspaceStore store;
            QCOMPARE(store.open(path), QString());
            QCOMPARE(store.put({a, b}), QString());
        }
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions()); // private
        WorkspaceStore store;
        QCOMPARE(store.open(path), QString());
        QCOMPARE(store.count(), 2);
        const std::optional<WorkspaceEntry> l = store.get(a.orderId);
        QVERIFY(l);
        QCOMPARE(l->state, SessionState::Open);
        QVERIFY(l->support == a.support); // unknown fields kept
        QVERIFY(l->draft == a.draft);
        QCOMPARE(l->etag, a.etag);
        QCOMPARE(l->lastSeen, a.lastSeen);
        QCOMPARE(l->lastChange, a.lastChange);
        QCOMPARE(store.get(QStringLiteral("GONE"))->lastError, QStringLiteral("404"));
        QVERIFY(!store.get(QStringLiteral("NOPE")));

        // An update keeps the place in the list; the summaries say what the list shows.
        a.support->agent.reset();
        a.draft.reset();
        QCOMPARE(store.put({a}), QString());
        SessionTable t;
        QCOMPARE(store.readSummaries(&t), QString());
        QCOMPARE(t.size(), 2);
        QCOMPARE(t.text(0, SessionTable::OrderId), QStringLiteral("ORD/1"));
        QCOMPARE(t.text(0, SessionTable::AgentId), QString());
        QCOMPARE(t.text(0, SessionTable::Phone), QStringLiteral("+1 555"));
        QVERIFY(!t.hasDraft(0));
        QCOMPARE(t.lastSeenMs(0), a.lastSeen.toMSecsSinceEpoch());
        QCOMPARE(t.state(1), SessionState::NotFound);
        QCOMPARE(t.error(1), QStringLiteral("404"));
    }

    void removedSessionsAreGoneFromTheStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        {
            WorkspaceStore store;
            QCOMPARE(store.open(path), QString());
            QCOMPARE(store.put({entry(QStringLiteral("A"), R"({"callback_phone":"+1 555 0100"})"),
                                entry(QStringLiteral("B"), "{}"), entry(QStringLiteral("C"), "{}")}), QString());
            QCOMPARE(store.remove({QStringLiteral("A"), QStringLiteral("C"), QStringLiteral("never there")}), QString());
        }
        WorkspaceStore store;
        QCOMPARE(store.open(path), QString());
        QCOMPARE(store.count(), 1);
        QVERIFY(!store.get(QStringLiteral("A")));
        QVERIFY(store.get(QStringLiteral("B")));
        SessionTable t;
        QCOMPARE(store.readSummaries(&t), QString());
        QCOMPARE(t.size(), 1);
        // Put back, it is whole again.
        QCOMPARE(store.put({entry(QStringLiteral("A"), R"({"callback_phone":"+1 555 0100"})")}), QString());
        QCOMPARE(*store.get(QStringLiteral("A"))->support->callbackPhone, std::string("+1 555 0100"));
    }

    void twoStoresOnOneFileSeeEachOther()
    {
        // Two SupportDesk windows (or the app and a reader thread) on one profile.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        WorkspaceStore first, second;
        QCOMPARE(first.open(path), QString());
        QCOMPARE(second.open(path), QString());
        QCOMPARE(first.put({entry(QStringLiteral("A"), "{}")}), QString());
        QCOMPARE(second.put({entry(QStringLiteral("B"), "{}")}), QString());
        QCOMPARE(first.count(), 2);
        QVERIFY(second.get(QStringLiteral("A")));
    }

    void damagedStoreIsReportedAndUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray garbage(5000, 'z');
        f.write(garbage);
        f.close();
        WorkspaceStore store;
        const QString error = store.open(path);
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(!store.isOpen());
        QVERIFY(!store.put({entry(QStringLiteral("A"), "{}")}).isEmpty());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), garbage);
    }

    void newerFormatIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        {
            WorkspaceStore store;
            QCOMPARE(store.open(path), QString());
            QCOMPARE(store.put({entry(QStringLiteral("A"), "{}")}), QString());
        }
        {
            // What a later SupportDesk would leave: a higher user_version.
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek(60)); // the SQLite header's user_version, big-endian
            f.write(QByteArray::fromHex("00000009"));
        }
        WorkspaceStore store;
        const QString error = store.open(path);
        QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
    }

    void earlierFormatIsImportedOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        const QString legacy = dir.filePath(QStringLiteral("w.json"));
        WorkspaceFile file;
        file.entries = {entry(QStringLiteral("OLD-1"), R"({"callback_phone":"+1 1"})"),
                        entry(QStringLiteral("OLD-2"), "{}")};
        QCOMPARE(saveWorkspace(legacy, file), QString());
        QVERIFY(QFile::setPermissions(legacy, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        {
            WorkspaceStore store;
            QCOMPARE(store.open(path, legacy), QString());
            QCOMPARE(store.count(), 2);
            QCOMPARE(*store.get(QStringLiteral("OLD-1"))->support->callbackPhone, std::string("+1 1"));
            // Newer work after the import...
            WorkspaceEntry changed = entry(QStringLiteral("OLD-1"), R"({"callback_phone":"+1 2"})");
            QCOMPARE(store.put({changed}), QString());
        }
        QVERIFY(!QFile::exists(legacy));
        QVERIFY(QFile::exists(legacy + QStringLiteral(".imported")));
        QCOMPARE(QFile::permissions(legacy + QStringLiteral(".imported")) & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions()); // the kept copy holds the same phones
        // ...is not overwritten by a second import.
        WorkspaceStore store;
        QCOMPARE(store.open(path, legacy), QString());
        QCOMPARE(*store.get(QStringLiteral("OLD-1"))->support->callbackPhone, std::string("+1 2"));
    }

    // A damaged line of the earlier file costs that line only, and the store says which.
    void damagedEarlierLinesAreReportedAndTheRestImported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        const QString legacy = dir.filePath(QStringLiteral("w.json"));
        QFile f(legacy);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\":\"supportdesk-workspace/2\"}\n"
                "{\"order_id\":\"OLD-1\",\"state\":\"open\"}\n"
                "{\"order_id\":{\"x\":1},\"state\":\"open\"}\n"
                "{\"order_id\":\"OLD-3\",\"etag\":3}\n");
        f.close();
        WorkspaceStore store;
        QCOMPARE(store.open(path, legacy), QString());
        QCOMPARE(store.count(), 2);
        QVERIFY(store.get(QStringLiteral("OLD-3")));
        const QStringList problems = store.importProblems();
        QCOMPARE(problems.size(), 2);
        QVERIFY2(problems[0].contains(legacy + QStringLiteral(", line 3")), qPrintable(problems[0]));
        QVERIFY2(problems[1].contains(QStringLiteral("line 4")) && problems[1].contains(QStringLiteral("/etag")),
                 qPrintable(problems[1]));
        QVERIFY(QFile::exists(legacy + QStringLiteral(".imported"))); // kept for the user
    }

    void killNineWhileWritingLosesNoCommittedSession()
    {
        // All or nothing per transaction: after a SIGKILL in the middle of a write, every
        // reported batch is there, whole, and the file opens and reads cleanly.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        int reported = 0;
        QRandomGenerator random(killSeed());
        for (int round = 0; round < 2; ++round) {
            QProcess writer;
            writer.start(QStringLiteral(OUTBOX_WRITER_PATH), {QStringLiteral("workspace"), path, QStringLiteral("100000")});
            QVERIFY(writer.waitForStarted());
            QVERIFY(readThenKill(writer, 10 + int(random.bounded(40)),
                                 [&reported](const QByteArray &line) { reported = std::max(reported, line.toInt()); }));
        }
        QVERIFY(reported >= 50);
        WorkspaceStore store;
        QCOMPARE(store.open(path), QString());
        const int count = store.count();
        QVERIFY2(count >= reported, qPrintable(QStringLiteral("%1 < %2").arg(count).arg(reported)));
        QCOMPARE(count % 50, 0); // never half a batch
        SessionTable t;
        QCOMPARE(store.readSummaries(&t), QString());
        QCOMPARE(t.size(), count);
        for (int i = 0; i < count; i += 37) {
            const std::optional<WorkspaceEntry> e = store.get(QStringLiteral("W-%1").arg(i));
            QVERIFY(e && e->support);
            QCOMPARE(QString::fromStdString(*e->support->agent->id), t.text(i, SessionTable::AgentId));
        }
    }

    void unreadableEarlierFormatCreatesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        const QString legacy = dir.filePath(QStringLiteral("w.json"));
        QFile f(legacy);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"entries\": [ {");
        f.close();
        WorkspaceStore store;
        QVERIFY(!store.open(path, legacy).isEmpty());
        QVERIFY(!QFile::exists(path));
        QVERIFY(QFile::exists(legacy)); // kept for the user
    }
};

QTEST_GUILESS_MAIN(TestSessionTable)
#include "tst_sessiontable.moc"
