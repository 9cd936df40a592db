// The audit trail's hash chain: intact logs verify; an edited, deleted, reordered or torn
// entry is found and named; exports mask personal data unless asked not to.
#include "auditlog.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sd;

namespace {
AuditEntry sample(int n)
{
    AuditEntry e;
    e.user = QStringLiteral("agent");
    e.server = QStringLiteral("http://127.0.0.1:1/");
    e.orderId = QStringLiteral("ORD-%1").arg(n);
    e.operation = QStringLiteral("assign");
    e.before = R"({"agent":{"id":"old"}})";
    e.after = R"({"agent":{"id":"new","contact":{"phone":"+49 30 1234567","email":"jane@example.org"}}})";
    e.result = QStringLiteral("ok");
    e.httpStatus = 200;
    return e;
}

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

    void lastEntryDeletedIsOnlyDetectableByCount()
    {
        // A chain cannot prove its own end; verify reports how many entries it holds.
        QList<QByteArray> l = lines(m_path);
        l.removeLast();
        writeLines(m_path, l);
        const AuditVerification v = AuditLog::verify(m_path);
        QVERIFY(v.intact);
        QCOMPARE(v.entries, 4);
    }

    void tornLastLineDetectedAndNotGluedOnto()
    {
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::Append));
        f.write("{\"seq\":6,\"time\":"); // a crash in the middle of a write
        f.close();
        AuditVerification v = AuditLog::verify(m_path);
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBroken, 6);
        // Appending refuses to build on a damaged head rather than hide it.
        QVERIFY(!AuditLog(m_path).append(sample(7)).isEmpty());
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
    }
};

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"
