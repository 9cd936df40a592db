// Tokens in the OS keychain through QtKeychain. Run twice by ctest: inside a private D-Bus
// session with gnome-keyring (a real secret service), and with no D-Bus at all, where the
// store must report that no keychain is available instead of hanging or writing a file.
#include "profiles.h"

#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSettings>
#include <QTest>

using namespace sd;

namespace {
TokenStore::Result run(const std::function<void(TokenStore::Callback)> &start)
{
    TokenStore::Result result;
    bool done = false;
    start([&](const TokenStore::Result &r) {
        result = r;
        done = true;
    });
    QElapsedTimer clock;
    clock.start();
    while (!done && clock.elapsed() < 20000)
        QTest::qWait(10); // the keychain answers over D-Bus: spin the event loop until it does
    if (!done)
        result.error = QStringLiteral("no answer from the keychain within 20 s");
    return result;
}
} // namespace

class TestTokenStore : public QObject
{
    Q_OBJECT
    bool m_expectKeychain = qEnvironmentVariableIsSet("SUPPORTDESK_TEST_KEYCHAIN");

private Q_SLOTS:
    void writeReadRemove()
    {
        TokenStore store;
        const QString id = QStringLiteral("test-profile");
        const auto w = run([&](TokenStore::Callback cb) { store.write(id, QStringLiteral("s3cr3t"), cb); });
        if (!m_expectKeychain) {
            QVERIFY(!w.ok);
            QVERIFY(w.noKeychain);
            QVERIFY(!w.error.isEmpty());
            // The fallback lives in memory only.
            store.setSessionToken(id, QStringLiteral("s3cr3t"));
            const auto r = run([&](TokenStore::Callback cb) { store.read(id, cb); });
            QVERIFY(r.ok);
            QCOMPARE(r.token, QStringLiteral("s3cr3t"));
            TokenStore fresh; // a new run knows nothing of it
            const auto r2 = run([&](TokenStore::Callback cb) { fresh.read(id, cb); });
            QVERIFY(r2.token.isEmpty());
            return;
        }
        QVERIFY2(w.ok, qPrintable(w.error));
        TokenStore other; // another instance (as after a restart) reads it from the keychain
        const auto r = run([&](TokenStore::Callback cb) { other.read(id, cb); });
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.token, QStringLiteral("s3cr3t"));
        const auto d = run([&](TokenStore::Callback cb) { other.remove(id, cb); });
        QVERIFY(d.ok);
        const auto gone = run([&](TokenStore::Callback cb) { other.read(id, cb); });
        QVERIFY(gone.ok);
        QVERIFY(gone.token.isEmpty());
    }

    void profilesRoundTrip()
    {
        QSettings settings(QDir::temp().filePath(QStringLiteral("sd-profiles-test.ini")), QSettings::IniFormat);
        ServerProfile p;
        p.id = makeProfileId(QStringLiteral("Main Server!"), {});
        QCOMPARE(p.id, QStringLiteral("main-server"));
        p.name = QStringLiteral("Main Server!");
        p.baseUrl = QUrl(QStringLiteral("https://h/api/v1/"));
        p.concurrency = 4;
        saveProfiles(settings, {p});
        const QList<ServerProfile> loaded = loadProfiles(settings);
        QCOMPARE(loaded.size(), 1);
        QVERIFY(loaded.first() == p);
        QCOMPARE(makeProfileId(QStringLiteral("Main server"), loaded), QStringLiteral("main-server-2"));
        // No token anywhere in the settings file.
        QVERIFY(!settings.allKeys().join(QLatin1Char(' ')).contains(QStringLiteral("token"), Qt::CaseInsensitive));
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
