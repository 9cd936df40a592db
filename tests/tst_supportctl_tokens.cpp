// The real supportctl binary (as tst_supportctl.cpp): access tokens (missing, wrong, from the
// environment, a file or stdin; never printed) and credentials in the server address.
#include "supportctltest.h"

class TestSupportctlTokens : public SupportctlTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startSandbox(); }
    void cleanup() { stopSandbox(); }

    // No token sent to a server that wants one: the message says none was given and how to give
    // one (not that a token was refused); the parser's errors read like the CLI's own.
    void missingTokenAndParserErrorsSayItPlainly()
    {
        m_server->setToken(QStringLiteral("very-secret-token"));
        Run r = ctl({QStringLiteral("get"), QStringLiteral("ORD-100001")});
        QCOMPARE(r.code, 2);
        QVERIFY2(!r.err.contains(QStringLiteral("refused")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("none was given")) && r.err.contains(QStringLiteral("--token-file"))
                     && r.err.contains(QStringLiteral("SUPPORTDESK_TOKEN")),
                 qPrintable(r.err));
        r = ctl({QStringLiteral("--token"), QStringLiteral("wrong"), QStringLiteral("get"), QStringLiteral("ORD-100001")});
        QVERIFY2(r.err.contains(QStringLiteral("refused the access token")), qPrintable(r.err));
        r = ctl({QStringLiteral("--bogus"), QStringLiteral("get"), QStringLiteral("ORD-100001")});
        QVERIFY2(r.err.startsWith(QStringLiteral("supportctl: unknown option 'bogus'\n")), qPrintable(r.err));
    }

    void tokenFromEnvironmentNeverPrinted()
    {
        m_server->setToken(QStringLiteral("very-secret-token"));
        Run r = ctl({QStringLiteral("-v"), QStringLiteral("get"), QStringLiteral("ORD-100001")});
        QCOMPARE(r.code, 2); // 401
        QVERIFY(r.err.contains(QStringLiteral("401")));
        r = ctl({QStringLiteral("-v"), QStringLiteral("get"), QStringLiteral("ORD-100001")}, {},
                {{QStringLiteral("SUPPORTDESK_TOKEN"), QStringLiteral("very-secret-token")}});
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.contains(QStringLiteral("GET http://127.0.0.1")));
        QVERIFY(!r.err.contains(QStringLiteral("very-secret-token")));
        QVERIFY(!r.out.contains(QStringLiteral("very-secret-token")));
        r = ctl({QStringLiteral("-v"), QStringLiteral("--token"), QStringLiteral("very-secret-token"), QStringLiteral("get"), QStringLiteral("NOPE")});
        QCOMPARE(r.code, 2);
        QVERIFY(!r.err.contains(QStringLiteral("very-secret-token")));
    }

    void tokenFromFileAndStdin()
    {
        const QString token = QStringLiteral("tok-from-file-0123456789");
        m_server->setToken(token);
        const QString path = m_dir.filePath(QStringLiteral("token"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(token.toUtf8() + "  \nsecond line ignored\n");
        file.close();
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
        const auto noToken = [&token](const Run &r) {
            return !r.out.contains(token) && !r.err.contains(token);
        };

        Run r = ctl({QStringLiteral("-v"), QStringLiteral("--token-file"), path, QStringLiteral("get"), QStringLiteral("ORD-100001")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("ORD-100001")));
        QVERIFY(!r.err.contains(QStringLiteral("warning")));
        QVERIFY(noToken(r));
        r = ctl({QStringLiteral("-v"), QStringLiteral("--token-file"), QStringLiteral("-"), QStringLiteral("get"), QStringLiteral("ORD-100001")},
                token.toUtf8() + "\n");
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(noToken(r));
        // It wins over the environment; a wrong one is refused by the server.
        r = ctl({QStringLiteral("--token-file"), path, QStringLiteral("get"), QStringLiteral("ORD-100001")}, {},
                {{QStringLiteral("SUPPORTDESK_TOKEN"), QStringLiteral("wrong")}});
        QCOMPARE(r.code, 0);
        r = ctl({QStringLiteral("--token-file"), QStringLiteral("-"), QStringLiteral("get"), QStringLiteral("ORD-100001")}, "wrong\n");
        QCOMPARE(r.code, 2);

        // Readable by others: used, with a warning naming the file (not the token).
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        r = ctl({QStringLiteral("--token-file"), path, QStringLiteral("get"), QStringLiteral("ORD-100001")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("warning")) && r.err.contains(path), qPrintable(r.err));
        QVERIFY(noToken(r));

        // Usage errors send nothing.
        const QString empty = m_dir.filePath(QStringLiteral("empty-token"));
        QFile e(empty);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.write("\n");
        e.close();
        // One line far longer than any token (64 KiB) is refused, not cut to size and sent.
        const QString longLine = m_dir.filePath(QStringLiteral("long-token"));
        QFile l(longLine);
        QVERIFY(l.open(QIODevice::WriteOnly));
        l.write(QByteArray(100 * 1024, 'a') + "\n");
        l.close();
        QFile::setPermissions(longLine, QFile::ReadOwner | QFile::WriteOwner);
        const qint64 before = m_server->requestCount();
        for (const QStringList &args : {QStringList{QStringLiteral("--token-file"), empty, QStringLiteral("get"), QStringLiteral("A")},
                                        QStringList{QStringLiteral("--token-file"), longLine, QStringLiteral("get"), QStringLiteral("A")},
                                        QStringList{QStringLiteral("--token-file"), m_dir.filePath(QStringLiteral("missing")), QStringLiteral("get"), QStringLiteral("A")},
                                        QStringList{QStringLiteral("--token-file"), path, QStringLiteral("--token"), token, QStringLiteral("get"), QStringLiteral("A")},
                                        QStringList{QStringLiteral("--token-file"), QStringLiteral("-"), QStringLiteral("fetch"), QStringLiteral("--from"), QStringLiteral("-")}}) {
            r = ctl(args, token.toUtf8() + "\nORD-1\n");
            QVERIFY2(r.code == 1, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err));
            QVERIFY(noToken(r));
        }
        QCOMPARE(m_server->requestCount(), before);

        // --help says --token is visible to others and offers --token-file.
        r = ctl({QStringLiteral("--help")}, {}, {}, false);
        QVERIFY(r.out.contains(QStringLiteral("--token-file FILE")));
        QVERIFY(r.out.contains(QStringLiteral("other users")));
    }

    void credentialsInServerAddressRefused()
    {
        // In --server or SUPPORTDESK_SERVER: refused before anything is sent, stored or printed.
        QUrl withCredentials = m_url;
        withCredentials.setUserName(QStringLiteral("agent"));
        withCredentials.setPassword(QStringLiteral("s3cret-pw"));
        const QStringList update{QStringLiteral("-v"), QStringLiteral("update"), QStringLiteral("ORD-100001"),
                                 QStringLiteral("--chat-session"), QStringLiteral("S")};
        const qint64 before = m_server->requestCount();
        QList<Run> runs;
        runs << ctl(QStringList{QStringLiteral("--server"), withCredentials.toString()} + update, {}, {}, false);
        runs << ctl(update, {}, {{QStringLiteral("SUPPORTDESK_SERVER"), withCredentials.toString()}}, false);
        for (const Run &r : std::as_const(runs)) {
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(QStringLiteral("password")), qPrintable(r.err));
            QVERIFY(!r.err.contains(QStringLiteral("s3cret-pw")) && !r.out.contains(QStringLiteral("s3cret-pw")));
        }
        QCOMPARE(m_server->requestCount(), before);
        QFile audit(m_auditLog);
        QVERIFY(!audit.exists() || (audit.open(QIODevice::ReadOnly) && !audit.readAll().contains("s3cret-pw")));
    }
};

QTEST_GUILESS_MAIN(TestSupportctlTokens)
#include "tst_supportctl_tokens.moc"
