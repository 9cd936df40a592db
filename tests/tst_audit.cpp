// The audit trail's hash chain: intact logs verify; an edited, deleted, reordered or torn
// entry is found and named; a session's history is read from it; exports mask personal data
// unless asked not to. The trail as the client writes it is in tst_audit_recorder.cpp.
#include "audittest.h"

#include <QFile>
#include <QFileInfo>
#include <QDir>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace sd;

namespace {
QList<QByteArray> lines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> l = f.readAll().split('\n');
    if (!l.isEmpty() && l.last().isEmpty())
        l.removeLast();
    return l;
}

void writeLines(const QString &path, const QList<QByteArray> &l)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(l.join('\n') + '\n');
}
} // namespace

class TestAudit : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("audit-%1.log").arg(QString::fromLatin1(QTest::currentTestFunction())));
        QFile::remove(m_path);
        AuditLog log(m_path);
        for (int i = 1; i <= 5; ++i)
            QCOMPARE(log.append(sample(i)), QString());
    }

    void intactChain()
    {
        const AuditVerification v = AuditLog::verify(m_path);
        QVERIFY(v.intact);
        QCOMPARE(v.entries, 5);
        const auto entries = AuditLog::read(m_path);
        QCOMPARE(entries.size(), size_t(5));
        QCOMPARE(entries[2].seq, 3);
        QCOMPARE(entries[2].orderId, QStringLiteral("ORD-3"));
        QCOMPARE(entries[3].prevHash, entries[2].hash);
        QVERIFY(AuditLog::verify(m_dir.filePath(QStringLiteral("none.log"))).intact); // no log yet
    }

    void editedEntryDetected()
    {
        QList<QByteArray> l = lines(m_path);
        l[2].replace("ORD-3", "ORD-9");
        writeLines(m_path, l);
        const AuditVerification v = AuditLog::verify(m_path);
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBroken, 3);
        QVERIFY(v.reason.contains(QStringLiteral("changed")));
    }

    void deletedEntryDetected()
    {
        QList<QByteArray> l = lines(m_path);
        l.removeAt(1);
        writeLines(m_path, l);
        const AuditVerification v = AuditLog::verify(m_path);
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBroken, 2);
    }

    void reorderedEntriesDetected()
    {
        QList<QByteArray> l = lines(m_path);
        l.swapItemsAt(3, 4);
        writeLines(m_path, l);
        const AuditVerification v = AuditLog::verify(m_path);
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBroken, 4);
    }

    void lastEntriesDeletedAreDetected()
    {
        // The head file beside the log remembers the newest entry.
        QList<QByteArray> l = lines(m_path);
        l.removeLast();
        l.removeLast();
        writeLines(m_path, l);
        AuditVerification v = AuditLog::verify(m_path);
        QVERIFY(!v.intact);
        QCOMPARE(v.entries, 3);
        QVERIFY2(v.reason.contains(QStringLiteral("entry 5 was written")), qPrintable(v.reason));
        QVERIFY(v.reason.contains(QStringLiteral("removed from its end")));

        // The next append does not hide it: it records it, and the chain goes on from there.
        AuditLog log(m_path);
        QCOMPARE(log.append(sample(6)), QString());
        QVERIFY(log.takeNotice().contains(QStringLiteral("removed from its end")));
        v = AuditLog::verify(m_path);
        QVERIFY(!v.intact);
        QCOMPARE(v.entries, 5); // 3, the seal, the new one
        QVERIFY2(v.reason.contains(QStringLiteral("Entry 4 (line 4) records damage")), qPrintable(v.reason));

        // Without the head file an end cut off cannot be seen: that is reported too.
        QVERIFY(QFile::remove(AuditLog::headPath(m_path)));
        v = AuditLog::verify(m_path);
        QVERIFY(!v.intact);
        QVERIFY(v.reason.contains(QStringLiteral("is missing")));
    }

    void deletedLogIsDetected()
    {
        // The head file outlives the log: a log removed is no empty, intact chain.
        QVERIFY(QFile::remove(m_path));
        AuditVerification v = AuditLog::verify(m_path);
        QVERIFY(!v.intact);
        QCOMPARE(v.entries, 0);
        QVERIFY2(v.reason.contains(QStringLiteral("entry 5 had been written")), qPrintable(v.reason));
        QVERIFY(v.reason.contains(QStringLiteral("removed")));

        // The next append records it.
        AuditLog log(m_path);
        QCOMPARE(log.append(sample(6)), QString());
        QVERIFY(log.takeNotice().contains(QStringLiteral("removed from its end")));
        QVERIFY(!AuditLog::verify(m_path).intact);

        // Neither log nor head: nothing was ever written.
        QVERIFY(QFile::remove(m_path));
        QVERIFY(QFile::remove(AuditLog::headPath(m_path)));
        QVERIFY(AuditLog::verify(m_path).intact);
    }

    void firstBatchWithoutHeadIsNoDamage()
    {
        // Killed (or out of disk space) while the first batch of a new log syncs: the head
        // file that sync would have written is not there. That is no removal.
        const QString path = m_dir.filePath(QStringLiteral("first-batch.log"));
        {
            AuditLog log(path);
            std::vector<AuditEntry> entries{sample(1), sample(2)};
            AuditLog::Sync sync;
            QCOMPARE(log.write(entries, &sync), QString());
        } // never run
        AuditVerification v = AuditLog::verify(path);
        QVERIFY2(v.intact, qPrintable(v.reason));
        QCOMPARE(v.entries, 2);
        AuditLog log(path);
        QCOMPARE(log.append(sample(3)), QString());
        QCOMPARE(log.takeNotice(), QString());
        v = AuditLog::verify(path);
        QVERIFY2(v.intact, qPrintable(v.reason));
        QCOMPARE(v.entries, 3);
        QVERIFY(v.notes.isEmpty());

        // A head file removed afterwards is still reported.
        QVERIFY(QFile::remove(AuditLog::headPath(path)));
        QVERIFY(!AuditLog::verify(path).intact);
    }

    void tornLastLineIsSealedAndAppendsGoOn()
    {
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::Append));
        f.write("{\"seq\":6,\"time\":"); // a crash in the middle of a write
        f.close();
        AuditVerification v = AuditLog::verify(m_path);
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBroken, 6);
        QVERIFY2(v.reason.contains(QStringLiteral("Line 6 was cut off")), qPrintable(v.reason));

        // The next append seals the torn bytes with an entry that records them, and goes on.
        AuditLog log(m_path);
        QCOMPARE(log.append(sample(7)), QString());
        QVERIFY(!log.takeNotice().isEmpty());
        QCOMPARE(log.append(sample(8)), QString());
        v = AuditLog::verify(m_path);
        QVERIFY2(v.intact, qPrintable(v.reason));
        QCOMPARE(v.entries, 8); // 5, the seal, 7 and 8
        QCOMPARE(v.notes.size(), 1);
        QVERIFY2(v.notes[0].contains(QStringLiteral("Entry 6 (line 7) seals a write cut off")), qPrintable(v.notes[0]));
        QVERIFY2(v.notes[0].contains(QStringLiteral("16 byte")), qPrintable(v.notes[0]));
        const auto entries = AuditLog::read(m_path);
        QCOMPARE(entries.size(), size_t(8));
        QCOMPARE(entries[5].operation, QStringLiteral("damaged-tail"));
        QCOMPARE(entries[7].orderId, QStringLiteral("ORD-8"));

        // The torn bytes stay as they were: changing them is evident.
        QList<QByteArray> l = lines(m_path);
        l[5].replace("time", "tame");
        writeLines(m_path, l);
        v = AuditLog::verify(m_path);
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBroken, 6);
    }

    void wrongTypedLineIsNamedNeverFatal()
    {
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::Append));
        f.write("{\"seq\":\"x\",\"hash\":1}\n");
        f.close();
        AuditVerification v = AuditLog::verify(m_path);
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBroken, 6);
        QVERIFY2(v.reason.contains(QStringLiteral("Line 6 is not an audit entry")), qPrintable(v.reason));
        QVERIFY(v.reason.contains(QStringLiteral("\"seq\"")));
        QStringList skipped;
        QCOMPARE(AuditLog::read(m_path, nullptr, &skipped).size(), size_t(5));
        QCOMPARE(skipped.size(), 1);
        QVERIFY(skipped[0].contains(m_path + QStringLiteral(" line 6")));

        // Every key of the wrong type, anywhere: named, never thrown.
        for (const char *bad : {R"({"seq":1,"hash":"x","prev":""})", R"({"seq":1.5,"hash":1})",
                                R"({"seq":-1})", R"([1,2])", R"({"seq":99999999999999999999})",
                                R"({"seq":6,"hash":"0000000000000000000000000000000000000000000000000000000000000000","prev":"","status":"x"})",
                                R"({"seq":6,"hash":"0000000000000000000000000000000000000000000000000000000000000000","prev":"","damage":3})"}) {
            QVERIFY(f.open(QIODevice::Append));
            f.write(QByteArray(bad) + '\n');
            f.close();
            QVERIFY(!AuditLog::verify(m_path).intact);
            AuditLog::read(m_path);
        }
        QFile::resize(m_path, QFileInfo(m_path).size() - 1); // and a torn one
        QVERIFY(!AuditLog::verify(m_path).intact);

        // The next append still works: the damage is sealed (and stays reported by verify).
        AuditLog log(m_path);
        QCOMPARE(log.append(sample(7)), QString());
        QCOMPARE(log.append(sample(8)), QString());
        v = AuditLog::verify(m_path);
        QVERIFY(!v.intact);
        QCOMPARE(v.entries, 8);
        QVERIFY2(v.reason.contains(QStringLiteral("Entry 6 (line 14) records damage")), qPrintable(v.reason));
    }

    void deepOrHugeLinesAreRefusedNotParsed()
    {
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::Append));
        f.write(QByteArray(200000, '[') + '\n');
        f.close();
        const AuditVerification v = AuditLog::verify(m_path);
        QVERIFY(!v.intact);
        QVERIFY(v.reason.contains(QStringLiteral("nested")));
        QCOMPARE(AuditLog::read(m_path).size(), size_t(5));
    }

    void filesArePrivate()
    {
        const mode_t oldMask = ::umask(022); // whatever the umask
        const auto restore = qScopeGuard([oldMask] { ::umask(oldMask); });
        const QString path = m_dir.filePath(QStringLiteral("private/sub/audit.log"));
        QCOMPARE(AuditLog(path).append(sample(1)), QString());
        const auto mode = [](const QString &p) {
            return QFileInfo(p).permissions() & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser);
        };
        QCOMPARE(mode(path), QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(mode(AuditLog::headPath(path)), QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(mode(QFileInfo(path).absolutePath()), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!QFile::exists(path + QStringLiteral(".lock"))); // the log itself is locked
        QVERIFY(AuditLog::verify(path).intact);
    }

    // A session's history: the writes of one order, newest first, each outcome with the
    // "before" of its intent; another server's entries and other orders left out.
    void entriesForOneOrder()
    {
        QVERIFY(QFile::remove(m_path) && QFile::remove(AuditLog::headPath(m_path)));
        AuditLog log(m_path);
        const auto write = [&log](const QString &order, const QByteArray &before, const QByteArray &after,
                                  const QString &server = QStringLiteral("http://a/")) {
            AuditEntry intent = sample(0);
            intent.orderId = order;
            intent.server = server;
            intent.operation = QStringLiteral("update");
            intent.phase = AuditEntry::Phase::Intent;
            intent.before = before;
            intent.after.clear();
            intent.result.clear();
            std::vector<AuditEntry> one{intent};
            QCOMPARE(log.append(one), QString());
            AuditEntry outcome = intent;
            outcome.phase = AuditEntry::Phase::Outcome;
            outcome.link = one[0].seq;
            outcome.before.clear();
            outcome.after = after;
            outcome.result = QStringLiteral("ok");
            QCOMPARE(log.append(outcome), QString());
        };
        write(QStringLiteral("ORD-1"), R"({"callback_phone":"+49 1"})", R"({"callback_phone":"+49 2"})");
        write(QStringLiteral("ORD-2"), R"({"callback_phone":"+49 7"})", R"({"callback_phone":"+49 8"})");
        write(QStringLiteral("ORD-1"), R"({"callback_phone":"+49 2"})", R"({"callback_phone":"+49 3"})");
        write(QStringLiteral("ORD-1"), R"({"callback_phone":"+49 9"})", R"({"callback_phone":"+49 0"})",
              QStringLiteral("http://b/"));
        // A body naming another order as "order" does not make the entry that order's.
        write(QStringLiteral("ORD-2"), R"({"order":"ORD-1"})", R"({"order":"ORD-1"})");
        AuditEntry unknown = sample(0);
        unknown.orderId = QStringLiteral("ORD-1");
        unknown.server = QStringLiteral("http://a/");
        unknown.phase = AuditEntry::Phase::Intent;
        QCOMPARE(log.append(unknown), QString()); // sent, no outcome recorded

        AuditOrderIndex index(m_path);
        std::vector<AuditEntry> got = index.entriesFor(QStringLiteral("ORD-1"), QStringLiteral("http://a/"));
        QCOMPARE(got.size(), size_t(3));
        QCOMPARE(got[0].phase, AuditEntry::Phase::Intent);
        QCOMPARE(got[0].result, QStringLiteral("outcome unknown"));
        QCOMPARE(got[1].phase, AuditEntry::Phase::Outcome);
        QCOMPARE(got[1].before, QByteArray(R"({"callback_phone":"+49 2"})"));
        QCOMPARE(got[1].after, QByteArray(R"({"callback_phone":"+49 3"})"));
        QCOMPARE(got[2].before, QByteArray(R"({"callback_phone":"+49 1"})"));
        QVERIFY(got[1].seq > got[2].seq);
        QCOMPARE(index.entriesFor(QStringLiteral("ORD-1")).size(), size_t(4)); // every server
        QCOMPARE(index.entriesFor(QStringLiteral("ORD-2")).size(), size_t(2));
        QCOMPARE(index.entriesFor(QStringLiteral("ORD-3")).size(), size_t(0));
        // Bounded: the newest only, still with its intent's "before".
        got = index.entriesFor(QStringLiteral("ORD-1"), QStringLiteral("http://a/"), 2);
        QCOMPARE(got.size(), size_t(2));
        QCOMPARE(got[1].before, QByteArray(R"({"callback_phone":"+49 2"})"));

        // Appended later (by another process, too): found without indexing anew.
        AuditLog other(m_path);
        AuditEntry record = sample(0);
        record.orderId = QStringLiteral("ORD-1");
        record.server = QStringLiteral("http://a/");
        QCOMPARE(other.append(record), QString());
        got = index.entriesFor(QStringLiteral("ORD-1"), QStringLiteral("http://a/"));
        QCOMPARE(got.size(), size_t(4));
        QCOMPARE(got[0].operation, QStringLiteral("assign"));

        // A log replaced by a shorter one is indexed anew.
        QVERIFY(QFile::remove(m_path) && QFile::remove(AuditLog::headPath(m_path)));
        QCOMPARE(AuditLog(m_path).append(sample(2)), QString());
        QCOMPARE(index.entriesFor(QStringLiteral("ORD-1")).size(), size_t(0));
        QCOMPARE(index.entriesFor(QStringLiteral("ORD-2")).size(), size_t(1));
    }

    // A torn write, a damaged line and a line cut short: the readable entries of the order are
    // still given, the others named.
    void entriesForOneOrderInADamagedLog()
    {
        QList<QByteArray> l = lines(m_path);
        QCOMPARE(l.size(), 5);
        // Line 2 (ORD-2) damaged in place; a copy of line 3 (ORD-3) with its end cut off.
        l[1].replace("\"seq\":2", "\"seq\":\"two\"");
        l.insert(3, l[2].left(l[2].indexOf("\"prev\""))); // still names its order
        writeLines(m_path, l);
        {
            QFile f(m_path);
            QVERIFY(f.open(QIODevice::Append));
            f.write("{\"order\":\"ORD-3\",\"seq\":6,\"ti"); // a crash in the middle of a write
        }
        AuditOrderIndex index(m_path);
        QStringList skipped;
        std::vector<AuditEntry> got = index.entriesFor(QStringLiteral("ORD-3"), {}, 50, &skipped);
        QCOMPARE(got.size(), size_t(1));
        QCOMPARE(got[0].seq, 3);
        QCOMPARE(skipped.size(), 1); // the cut copy; the torn end is not a line yet
        QVERIFY2(skipped[0].contains(QStringLiteral("not an audit entry")), qPrintable(skipped[0]));
        skipped.clear();
        QCOMPARE(index.entriesFor(QStringLiteral("ORD-2"), {}, 50, &skipped).size(), size_t(0));
        QCOMPARE(skipped.size(), 1);
        QCOMPARE(index.entriesFor(QStringLiteral("ORD-5")).size(), size_t(1));

        // The next append seals the torn end; the order's new entry is found after it.
        AuditEntry e = sample(3);
        QCOMPARE(AuditLog(m_path).append(e), QString());
        skipped.clear();
        got = index.entriesFor(QStringLiteral("ORD-3"), {}, 50, &skipped);
        QCOMPARE(got.size(), size_t(2));
        QVERIFY(got[0].seq > got[1].seq);
        QCOMPARE(got[1].seq, 3);
        QCOMPARE(skipped.size(), 2); // the cut copy and the torn write
    }

    void exportMasksUnlessAsked()
    {
        const auto entries = AuditLog::read(m_path);
        const QByteArray masked = AuditLog::exportCsv(entries, false);
        QVERIFY(masked.startsWith("seq,time,user"));
        QVERIFY(!masked.contains("1234567"));
        QVERIFY(!masked.contains("jane@"));
        QVERIFY(masked.contains("ORD-4"));
        const QByteArray plain = AuditLog::exportCsv(entries, true);
        QVERIFY(plain.contains("+49 30 1234567"));
        QVERIFY(plain.contains("jane@example.org"));

        // Every cell neutralised, the operation too (read from a file anyone could edit).
        AuditEntry e = sample(1);
        e.operation = QStringLiteral("=HYPERLINK(\"http://x\"),1");
        const QByteArray csv = AuditLog::exportCsv({e}, true);
        QVERIFY2(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\"),1\","), csv.constData());
    }
};

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"
