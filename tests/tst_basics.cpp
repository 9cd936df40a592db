// URL building and order-ID encoding, the retry table, masking of personal data, CSV cells and
// terminal text made safe, and server addresses with credentials refused.
#include "apierror.h"
#include "apiurl.h"
#include "privacy.h"
#include "profiles.h"
#include "retrypolicy.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <limits>

class TestBasics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void url_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("orderId");
        QTest::addColumn<bool>("agent");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QStringLiteral("http://h") << QStringLiteral("ORD-1") << false << QByteArray("http://h/support/ORD-1");
        QTest::newRow("trailing slash") << QStringLiteral("http://h/") << QStringLiteral("ORD-1") << false << QByteArray("http://h/support/ORD-1");
        QTest::newRow("prefix") << QStringLiteral("https://h/api/v1/") << QStringLiteral("ID") << false << QByteArray("https://h/api/v1/support/ID");
        QTest::newRow("prefix no slash") << QStringLiteral("https://h/api/v1") << QStringLiteral("ID") << true << QByteArray("https://h/api/v1/support/ID/agent");
        QTest::newRow("port") << QStringLiteral("http://127.0.0.1:8080/") << QStringLiteral("a") << true << QByteArray("http://127.0.0.1:8080/support/a/agent");
        QTest::newRow("reserved") << QStringLiteral("http://h") << QStringLiteral("ORD/7 ?#%") << false << QByteArray("http://h/support/ORD%2F7%20%3F%23%25");
        QTest::newRow("unreserved stay") << QStringLiteral("http://h") << QStringLiteral("a-b.c_d~e") << false << QByteArray("http://h/support/a-b.c_d~e");
        QTest::newRow("utf8") << QStringLiteral("http://h") << QStringLiteral("ä€") << false << QByteArray("http://h/support/%C3%A4%E2%82%AC");
        QTest::newRow("plus and colon") << QStringLiteral("http://h") << QStringLiteral("a+b:c@d") << false << QByteArray("http://h/support/a%2Bb%3Ac%40d");
        QTest::newRow("query in base dropped") << QStringLiteral("http://h/x?y=1") << QStringLiteral("a") << false << QByteArray("http://h/x/support/a");
    }
    void url()
    {
        QFETCH(QString, base);
        QFETCH(QString, orderId);
        QFETCH(bool, agent);
        QFETCH(QByteArray, expected);
        const QUrl url = sd::supportUrl(QUrl(base), orderId, agent);
        QVERIFY(url.isValid());
        QCOMPARE(url.toEncoded(), expected);
    }

    void dotIdsRefused()
    {
        // SEMANTICS.md: "." and ".." are dot segments whatever their encoding: refused.
        QVERIFY(!sd::orderIdProblem(QStringLiteral(".")).isEmpty());
        QVERIFY(!sd::orderIdProblem(QStringLiteral("..")).isEmpty());
        QVERIFY(sd::orderIdProblem(QStringLiteral("...")).isEmpty());
        QVERIFY(sd::orderIdProblem(QStringLiteral(".a")).isEmpty());
        QCOMPARE(sd::encodeOrderId(QStringLiteral("...")), QByteArray("..."));
    }

    void orderIdChecks()
    {
        QVERIFY(!sd::orderIdProblem(QString()).isEmpty());
        QVERIFY(!sd::orderIdProblem(QStringLiteral(" \t\n")).isEmpty());
        QVERIFY(!sd::orderIdProblem(QString(1025, QLatin1Char('x'))).isEmpty());
        QVERIFY(sd::orderIdProblem(QString(1024, QLatin1Char('x'))).isEmpty());
        // 1,024 bytes, not characters: 342 three-byte characters are 1,026 bytes.
        QVERIFY(!sd::orderIdProblem(QString(342, QChar(0x20AC))).isEmpty());
        QVERIFY(sd::orderIdProblem(QStringLiteral(" a ")).isEmpty());
    }

    void badBaseUrls()
    {
        QVERIFY(!sd::baseUrlProblem(QUrl(QStringLiteral("ftp://h/"))).isEmpty());
        QVERIFY(!sd::baseUrlProblem(QUrl(QStringLiteral("h/support"))).isEmpty());
        QVERIFY(!sd::baseUrlProblem(QUrl()).isEmpty());
        QVERIFY(!sd::supportUrl(QUrl(QStringLiteral("nope")), QStringLiteral("a"), false).isValid());
    }

    void transientStatuses()
    {
        for (int s : {408, 429, 500, 502, 503, 504})
            QVERIFY(sd::RetryPolicy::isTransientStatus(s));
        for (int s : {200, 400, 401, 403, 404, 409, 412, 413, 501, 505})
            QVERIFY(!sd::RetryPolicy::isTransientStatus(s));
        QVERIFY(!sd::RetryPolicy::isRetryableMethod("POST"));
        QVERIFY(sd::RetryPolicy::isRetryableMethod("PUT"));
    }

    void backoffGrowsWithJitter()
    {
        sd::RetryPolicy p;
        p.baseDelayMs = 100;
        p.maxDelayMs = 1000;
        QCOMPARE(p.backoffMs(1, 0.5), 100);
        QCOMPARE(p.backoffMs(2, 0.5), 200);
        QCOMPARE(p.backoffMs(3, 0.5), 400);
        QCOMPARE(p.backoffMs(1, 0.0), 50);
        QCOMPARE(p.backoffMs(1, 0.999), 149);
        QCOMPARE(p.backoffMs(10, 0.5), 1000); // capped
    }

    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("present");
        QTest::addColumn<qint64>("ms");
        const qint64 max = std::numeric_limits<qint64>::max();
        QTest::newRow("seconds") << QByteArray("3") << true << qint64(3000);
        QTest::newRow("zero, spaces") << QByteArray(" 0 ") << true << qint64(0);
        QTest::newRow("leading zeros") << QByteArray("000000000000000000000000000007") << true << qint64(7000);
        QTest::newRow("largest exact") << QByteArray("9223372036854775") << true << qint64(9223372036854775000);
        QTest::newRow("ms overflow") << QByteArray("9223372036854776") << true << max;
        QTest::newRow("INT64_MAX") << QByteArray("9223372036854775807") << true << max;
        QTest::newRow("beyond int64") << QByteArray("18446744073709551617") << true << max;
        QTest::newRow("a thousand digits") << QByteArray(1000, '9') << true << max;
        QTest::newRow("date") << QByteArray("Wed, 21 Oct 2015 07:28:05 GMT") << true << qint64(5000);
        QTest::newRow("date in the past") << QByteArray("Wed, 21 Oct 2015 07:27:00 GMT") << true << qint64(0);
        QTest::newRow("far date") << QByteArray("Fri, 31 Dec 9999 23:59:59 GMT") << true
                                  << QDateTime(QDate(2015, 10, 21), QTime(7, 28, 0), QTimeZone::utc())
                                         .msecsTo(QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), QTimeZone::utc()));
        QTest::newRow("huge year") << QByteArray("Fri, 31 Dec 999999999 23:59:59 GMT") << false << qint64(0);
        QTest::newRow("negative") << QByteArray("-1") << false << qint64(0);
        QTest::newRow("INT64_MIN") << QByteArray("-9223372036854775808") << false << qint64(0);
        QTest::newRow("huge negative") << QByteArray("-99999999999999999999999") << false << qint64(0);
        QTest::newRow("plus sign") << QByteArray("+5") << false << qint64(0);
        QTest::newRow("fraction") << QByteArray("1.5") << false << qint64(0);
        QTest::newRow("hex") << QByteArray("0x10") << false << qint64(0);
        QTest::newRow("garbage") << QByteArray("soon") << false << qint64(0);
        QTest::newRow("empty") << QByteArray("") << false << qint64(0);
        QTest::newRow("nul inside") << QByteArray("1\0" "2", 3) << false << qint64(0);
        QTest::newRow("long garbage") << QByteArray(100000, 'x') << false << qint64(0);
    }
    void retryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, present);
        QFETCH(qint64, ms);
        const QDateTime now = QDateTime(QDate(2015, 10, 21), QTime(7, 28, 0), QTimeZone::utc());
        const std::optional<qint64> parsed = sd::RetryPolicy::parseRetryAfterMs(value, now);
        QCOMPARE(parsed.has_value(), present);
        if (present)
            QCOMPARE(*parsed, ms);
    }

    void masking()
    {
        QCOMPARE(sd::maskPhone(QStringLiteral("+49 30 1234567")), QStringLiteral("+** ** *****67"));
        QCOMPARE(sd::maskEmail(QStringLiteral("jane.doe@example.com")), QStringLiteral("j***@example.com"));
        const QString text = sd::maskPersonalData(
            QStringLiteral("call +49 30 1234567 or mail jane@example.org about ORD-100001"));
        QVERIFY(!text.contains(QStringLiteral("1234567")));
        QVERIFY(!text.contains(QStringLiteral("jane@")));
        QVERIFY(text.contains(QStringLiteral("ORD-100001"))); // six digits: not a phone
        QVERIFY(text.contains(QStringLiteral("67")));
    }

    // OWASP CSV injection: a cell a spreadsheet would run as a formula is shown as text.
    void csvCell_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("cell");
        QTest::newRow("plain") << QStringLiteral("ORD-1") << QStringLiteral("ORD-1");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("formula") << QStringLiteral("=1+2") << QStringLiteral("'=1+2");
        QTest::newRow("hyperlink") << QStringLiteral("=HYPERLINK(\"http://x\",\"y\")")
                                   << QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        QTest::newRow("phone") << QStringLiteral("+49 30 1234567") << QStringLiteral("'+49 30 1234567");
        QTest::newRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("carriage return") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
        QTest::newRow("inside is fine") << QStringLiteral("a=b+c") << QStringLiteral("a=b+c");
        QTest::newRow("comma") << QStringLiteral("Doe, Jane") << QStringLiteral("\"Doe, Jane\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
        QTest::newRow("formula and comma") << QStringLiteral("=A1,B1") << QStringLiteral("\"'=A1,B1\"");
    }
    void csvCell()
    {
        QFETCH(QString, value);
        QFETCH(QString, cell);
        QCOMPARE(sd::csvCell(value), cell);
    }

    void terminalSafe_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        QTest::newRow("plain") << QStringLiteral("Anna Müller") << QStringLiteral("Anna Müller");
        QTest::newRow("colour") << QStringLiteral("\x1b[31mRed\x1b[0m") << QStringLiteral("Red");
        QTest::newRow("clear screen") << QStringLiteral("a\x1b[2J\x1b[Hb") << QStringLiteral("ab");
        QTest::newRow("title by OSC, BEL") << QStringLiteral("\x1b]0;owned\x07x") << QStringLiteral("x");
        QTest::newRow("hyperlink by OSC, ST") << QStringLiteral("\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\")
                                              << QStringLiteral("link");
        QTest::newRow("two-byte escape") << QStringLiteral("a\x1b" "cb") << QStringLiteral("ab");
        QTest::newRow("charset escape") << QStringLiteral("a\x1b(Bb") << QStringLiteral("ab");
        QTest::newRow("C1 CSI") << QStringLiteral("a") + QChar(0x9B) + QStringLiteral("31mb") << QStringLiteral("ab");
        QTest::newRow("C1 other") << QStringLiteral("a") + QChar(0x85) + QStringLiteral("b") << QStringLiteral("ab");
        QTest::newRow("backspace and bell") << QStringLiteral("ab\x08\x07" "c") << QStringLiteral("abc");
        QTest::newRow("DEL") << QStringLiteral("a\x7f" "b") << QStringLiteral("ab");
        QTest::newRow("NUL") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b")) << QStringLiteral("ab");
        QTest::newRow("line breaks") << QStringLiteral("a\nAgent: evil\r\tb") << QStringLiteral("a Agent: evil  b");
        QTest::newRow("bidi override") << QStringLiteral("abc") + QChar(0x202E) + QStringLiteral("fdp.exe")
                                       << QStringLiteral("abcfdp.exe");
        QTest::newRow("bidi isolate") << QChar(0x2066) + QStringLiteral("x") + QChar(0x2069) << QStringLiteral("x");
        QTest::newRow("unterminated CSI") << QStringLiteral("a\x1b[31") << QStringLiteral("a");
        QTest::newRow("escape at end") << QStringLiteral("a\x1b") << QStringLiteral("a");
        QTest::newRow("emoji kept") << QStringLiteral("ok \U0001F600") << QStringLiteral("ok \U0001F600");
    }
    void terminalSafe()
    {
        QFETCH(QString, text);
        QFETCH(QString, shown);
        QCOMPARE(sd::terminalSafe(text), shown);
    }

    void credentialsInServerAddressRefused()
    {
        for (const char *url : {"https://agent:s3cret@h/api/", "http://agent@127.0.0.1:8080/",
                                "https://:s3cret@h/"}) {
            const QString problem = sd::baseUrlProblem(QUrl(QString::fromLatin1(url)));
            QVERIFY2(!problem.isEmpty(), url);
            QVERIFY2(!problem.contains(QStringLiteral("s3cret")), qPrintable(problem));
            QVERIFY2(!sd::supportUrl(QUrl(QString::fromLatin1(url)), QStringLiteral("a"), false).isValid(), url);
        }
        QVERIFY(sd::baseUrlProblem(QUrl(QStringLiteral("https://h/api/"))).isEmpty());
    }

    void profilesKeepNoCredentials()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("supportdesk.conf"));
        {
            // Written by an earlier version, which stored the address as typed.
            QSettings old(path, QSettings::IniFormat);
            old.beginWriteArray(QStringLiteral("profiles"), 1);
            old.setArrayIndex(0);
            old.setValue(QStringLiteral("id"), QStringLiteral("p"));
            old.setValue(QStringLiteral("name"), QStringLiteral("P"));
            old.setValue(QStringLiteral("baseUrl"), QStringLiteral("https://agent:s3cret@h.example/api/"));
            old.endArray();
        }
        QSettings settings(path, QSettings::IniFormat);
        const QList<sd::ServerProfile> profiles = sd::loadProfiles(settings);
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles[0].baseUrl, QUrl(QStringLiteral("https://h.example/api/")));
        sd::ServerProfile typed = profiles[0];
        typed.baseUrl = QUrl(QStringLiteral("https://agent:s3cret@h.example/api/"));
        sd::saveProfiles(settings, {typed});
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        QVERIFY(stored.contains("h.example"));
        QVERIFY2(!stored.contains("s3cret") && !stored.contains("agent@"), stored.constData());
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
                 QFile::Permissions());
    }

    void errorMessagesNameOperationAndOrder()
    {
        sd::ApiError e;
        e.kind = sd::ApiError::Kind::Refused;
        e.httpStatus = 404;
        e.operation = sd::Operation::Fetch;
        e.orderId = QStringLiteral("ORD-9");
        e.serverMessage = QStringLiteral("gone");
        QVERIFY(e.message().contains(QStringLiteral("ORD-9")));
        QVERIFY(e.message().contains(QStringLiteral("404")));
        QVERIFY(e.message().contains(QStringLiteral("gone")));
        e.kind = sd::ApiError::Kind::Timeout;
        QVERIFY(e.message().contains(QStringLiteral("in time")));
    }
};

QTEST_GUILESS_MAIN(TestBasics)
#include "tst_basics.moc"
