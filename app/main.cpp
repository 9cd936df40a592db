// supportdesk: the desktop console. Thin: options, translations, profiles, the main window.
#include "apiurl.h"
#include "deskcontroller.h"
#include "lazyicon.h"
#include "mainwindow.h"
#include "outbox.h"
#include "sandboxserver.h"
#include "translations.h"
#include "version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QCryptographicHash>
#include <QLibraryInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLocale>
#include <QLockFile>
#include <QMessageBox>
#include <QPalette>
#include <QStyle>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QElapsedTimer>
#include <QEvent>
#include <QTranslator>
#include <QAction>

#include <cstdio>
#include <memory>

namespace {
// SUPPORTDESK_BENCH_FIRST_PAINT=1: print the milliseconds from main() to the first paint of the
// main window, then quit (tests/bench/run.sh compares it with a bare QMainWindow).
class FirstPaintProbe : public QObject
{
public:
    explicit FirstPaintProbe(const QElapsedTimer &clock) : m_clock(clock) {}
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!m_done && (event->type() == QEvent::UpdateRequest || event->type() == QEvent::Paint)) {
            m_done = true;
            // The window paints here and the time is taken when it is done, as bench_window
            // does; work queued behind the first frame is not part of it.
            watched->event(event);
            std::printf("first_paint_ms %.1f\n", double(m_clock.nsecsElapsed()) / 1e6);
            std::fflush(stdout);
            QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
            return true;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_clock;
    bool m_done = false;
};

// The local socket on which the SupportDesk with process ID `pid` listens for "bring your window
// forward" (one name per user's data folder and process).
QString raiseSocketName(qint64 pid)
{
    const QByteArray data = QFile::encodeName(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    return QStringLiteral("supportdesk-%1-%2")
        .arg(QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha1).toHex().left(16)))
        .arg(pid);
}

// Asks the SupportDesk with process ID `pid`, which has the profile open, to bring its window
// forward; says that the profile is in use when it cannot be asked.
void tellProfileInUse(qint64 pid, const QString &profileName)
{
    QLocalSocket socket;
    socket.connectToServer(raiseSocketName(pid));
    if (socket.waitForConnected(1000) && socket.write("raise\n") > 0 && socket.waitForBytesWritten(1000)) {
        std::fprintf(stderr, "supportdesk: the profile is already open in process %lld; its window was brought to the front\n",
                     static_cast<long long>(pid));
        return;
    }
    QMessageBox::warning(nullptr, QApplication::translate("main", "Profile in use"),
                         QApplication::translate("main", "The server profile %1 is already open in another "
                                                         "SupportDesk (process %2). Use that window, or close it "
                                                         "first.").arg(profileName).arg(pid));
}

// One SupportDesk per profile (its outbox holds the profile's lock, see outbox.h): a second start
// on a profile in use asks the first to come forward, or says that the profile is in use.
// Returns false when this process should end.
bool profileIsFree(const QString &profileId, const QString &profileName)
{
    const QString lockPath = sd::Outbox::lockPathFor(sd::Outbox::pathFor(profileId));
    // No lock file: nobody holds the profile. Taking the lock here only to release it would
    // write and sync a file before the first paint (5-10 ms); the window's outbox takes it, and
    // refuses to open if another SupportDesk started in the same instant.
    if (!QFileInfo::exists(lockPath))
        return true;
    QLockFile probe(lockPath);
    probe.setStaleLockTime(0);
    if (probe.tryLock(0))
        return true; // released again at once: the window's outbox takes it
    if (probe.error() != QLockFile::LockFailedError)
        return true; // cannot be checked here (e.g. no data folder yet): the outbox will say
    qint64 pid = 0;
    QString host, app;
    probe.getLockInfo(&pid, &host, &app);
    tellProfileInUse(pid, profileName);
    return false;
}
} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    // --version and --help answer without a display (package tests, scripts, ssh sessions).
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--version" || arg == "-v" || arg == "--help" || arg == "-h" || arg == "--help-all")
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SupportDesk"));
    QApplication::setApplicationName(QStringLiteral("supportdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("SupportDesk"));
    QApplication::setApplicationVersion(QStringLiteral(SUPPORTDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.supportdesk.SupportDesk"));
    QApplication::setWindowIcon(sd::ui::lazyIcon(QStringLiteral(":/icons/supportdesk.svg"))); // read when shown
    // The system palette is used as it is (a dark desktop theme gives a dark console).
    // SUPPORTDESK_PALETTE=dark forces a dark Fusion palette where the platform offers none.
    const bool dark = qEnvironmentVariable("SUPPORTDESK_PALETTE") == QLatin1String("dark");
    // The style's own icons (menu bar, toolbar and dock buttons) are read when first drawn.
    QApplication::setStyle(sd::ui::lazyIconStyle(dark ? QStringLiteral("Fusion") : QApplication::style()->name()));
    if (dark) {
        QPalette p;
        p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
        p.setColor(QPalette::WindowText, QColor(0xe8, 0xea, 0xed));
        p.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x24));
        p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
        p.setColor(QPalette::Text, QColor(0xe8, 0xea, 0xed));
        p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3c));
        p.setColor(QPalette::ButtonText, QColor(0xe8, 0xea, 0xed));
        p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xde));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x37, 0x3c));
        p.setColor(QPalette::ToolTipText, QColor(0xe8, 0xea, 0xed));
        p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
        p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x86, 0x8b));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x86, 0x8b));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x86, 0x8b));
        QApplication::setPalette(p);
    }

    // The UI language follows the system (LANGUAGE/LC_ALL/LANG); German ships with the app.
    sd::ui::installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Desktop console for support sessions on marketplace orders."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
        QApplication::translate("main", "Start a built-in sandbox server with sample sessions and use it."));
    const QCommandLineOption server(QStringLiteral("server"),
        QApplication::translate("main", "Connect to this server directly."), QStringLiteral("URL"));
    const QCommandLineOption seed(QStringLiteral("demo-sessions"),
        QApplication::translate("main", "Number of sample sessions for --demo."), QStringLiteral("N"),
        QStringLiteral("200"));
    const QCommandLineOption newRequest(QStringLiteral("new"),
        QApplication::translate("main", "Open the New support request dialog at start."));
    parser.addOptions({demo, server, seed, newRequest});
    parser.process(app);

    QSettings settings;
    QList<sd::ServerProfile> profiles = sd::loadProfiles(settings);
    const QList<sd::ServerProfile> stored = profiles;
    // Earlier versions saved the demo profile with the random port of that run: it only ever
    // led to "connection refused".
    profiles.removeIf([](const sd::ServerProfile &p) {
        return p.id == QLatin1String("demo") && p.baseUrl.host() == QLatin1String("127.0.0.1");
    });
    QString startId = settings.value(QStringLiteral("lastProfile")).toString();
    const auto upsertProfile = [&profiles](const sd::ServerProfile &p) {
        for (sd::ServerProfile &existing : profiles)
            if (existing.id == p.id) {
                existing.baseUrl = p.baseUrl;
                return;
            }
        profiles.prepend(p);
    };

    // Only --demo pays for a server (constructing QHttpServer costs ~20% of start-up).
    std::unique_ptr<sd::SandboxServer> sandbox;
    QStringList demoIds;
    if (parser.isSet(demo)) {
        const int count = std::clamp(parser.value(seed).toInt(), 1, 1'000'000);
        sandbox = std::make_unique<sd::SandboxServer>();
        sandbox->seed(count);
        const QUrl url = sandbox->start();
        if (!url.isValid()) {
            std::fprintf(stderr, "supportdesk: cannot start the demo sandbox on 127.0.0.1\n");
            return 1;
        }
        sd::ServerProfile p;
        p.id = QStringLiteral("demo");
        p.name = QApplication::translate("main", "Demo (built-in sandbox)");
        p.baseUrl = url;
        // A demo identity, one of the sample agents: the demo asks nothing at start and "Mine"
        // shows sessions at once (Settings > My agent identity changes it for this run).
        p.myAgentId = QStringLiteral("agent-1006");
        p.refreshIntervalSeconds = 60;
        p.transient = true; // its port is this run's: never saved
        upsertProfile(p);
        startId = p.id;
        for (int i = 0; i < count; ++i)
            demoIds << ((i % 17 == 16) ? QStringLiteral("ORD/2026/%1") : QStringLiteral("ORD-%1")).arg(100001 + i);
    } else if (parser.isSet(server)) {
        sd::ServerProfile p;
        p.id = QStringLiteral("command-line");
        p.baseUrl = QUrl(parser.value(server));
        p.name = QApplication::translate("main", "Command line (%1)").arg(p.baseUrl.host());
        if (p.baseUrl.scheme() != QLatin1String("http") && p.baseUrl.scheme() != QLatin1String("https")) {
            std::fprintf(stderr, "supportdesk: --server needs an http:// or https:// URL\n");
            return 1;
        }
        // E.g. credentials in the address: refused before anything is stored.
        if (const QString problem = sd::baseUrlProblem(p.baseUrl); !problem.isEmpty()) {
            std::fprintf(stderr, "supportdesk: %s\n", qPrintable(problem));
            return 1;
        }
        upsertProfile(p);
        startId = p.id;
    }
    if (profiles.isEmpty()) {
        sd::ServerProfile p;
        p.id = QStringLiteral("local");
        p.name = QApplication::translate("main", "Local server");
        p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8080/"));
        profiles << p;
    }
    // Written only when something changed: a write syncs the file to disk before the first paint.
    if (profiles != stored)
        sd::saveProfiles(settings, profiles);
    else if (QFileInfo(settings.fileName()).isFile()) // private also when an earlier version made it
        QFile::setPermissions(settings.fileName(), QFile::ReadOwner | QFile::WriteOwner);

    if (parser.isSet(demo)) {
        // The demo starts from the sandbox's fresh sessions, not last run's list.
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        for (const char *suffix : {".sqlite", ".sqlite-wal", ".sqlite-shm", ".json"})
            QFile::remove(dir + QStringLiteral("/workspaces/demo") + QLatin1String(suffix));
    }
    sd::ServerProfile start = profiles.first(); // as the window picks it
    for (const sd::ServerProfile &p : std::as_const(profiles))
        if (p.id == startId)
            start = p;
    if (!profileIsFree(start.id, start.name))
        return 1;
    sd::ui::MainWindow window(profiles, startId);
    // Another SupportDesk started in the same instant on this profile took its outbox first (it
    // is opened after the first frame): this window does not stay, as if it had been found above.
    QObject::connect(window.desk(), &sd::ui::DeskController::outboxHeldElsewhere, &window,
                     [&window, name = start.name](qint64 pid, bool firstProfile) {
                         if (!firstProfile)
                             return; // a profile chosen later: the status bar says it is in use
                         window.hide();
                         tellProfileInUse(pid, name);
                         QCoreApplication::exit(1);
                     });
    // A second start on a profile this process has open asks this window to come forward.
    QLocalServer raiseServer;
    QObject::connect(&raiseServer, &QLocalServer::newConnection, &window, [&raiseServer, &window] {
        while (QLocalSocket *peer = raiseServer.nextPendingConnection()) {
            QObject::connect(peer, &QLocalSocket::disconnected, peer, &QObject::deleteLater);
            window.showNormal();
            window.raise();
            window.activateWindow();
        }
    });
    QLocalServer::removeServer(raiseSocketName(QCoreApplication::applicationPid()));
    raiseServer.listen(raiseSocketName(QCoreApplication::applicationPid()));
    FirstPaintProbe probe(sinceMain);
    if (qEnvironmentVariableIsSet("SUPPORTDESK_BENCH_FIRST_PAINT"))
        window.installEventFilter(&probe);
    window.show();
    if (!demoIds.isEmpty()) {
        window.importOrderIds(demoIds);
        window.selectOrder(demoIds.first());
    }
    if (parser.isSet(newRequest))
        QTimer::singleShot(0, &window, [&window] { window.action(QStringLiteral("newSession"))->trigger(); });
    return app.exec();
}
