// supportdesk-sandbox: the reference server of the Support Management API.
#include "sandboxserver.h"
#include "version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QTextStream>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("supportdesk-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SUPPORTDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Reference server of the GovStack e-Marketplace Support Management API."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption host(QStringLiteral("host"),
                                  QCoreApplication::translate("main", "Address to listen on."),
                                  QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QCoreApplication::translate("main", "Port; 0 picks a free one."),
                                  QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption token(QStringLiteral("token"),
                                   QCoreApplication::translate("main", "Require this bearer token."),
                                   QStringLiteral("TOKEN"));
    const QCommandLineOption data(QStringLiteral("data"),
                                  QCoreApplication::translate("main", "Persist sessions in FILE."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QCoreApplication::translate("main", "Add N sample sessions."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption latency(QStringLiteral("latency"),
                                     QCoreApplication::translate("main", "Delay every answer."),
                                     QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption noEtag(QStringLiteral("no-etag"),
                                    QCoreApplication::translate("main", "Send no ETags (like a platform without them)."));
    const QCommandLineOption quiet(QStringLiteral("quiet"),
                                   QCoreApplication::translate("main", "No request log on stderr."));
    parser.addOptions({host, port, token, data, seed, latency, noEtag, quiet});
    parser.process(app);

    QTextStream err(stderr);
    const auto usage = [&](const QString &message) {
        err << "supportdesk-sandbox: " << message << '\n';
        err.flush();
        return 1;
    };
    bool ok = false;
    const uint portValue = parser.value(port).toUInt(&ok);
    if (!ok || portValue > 65535)
        return usage(QCoreApplication::translate("main", "--port needs a number from 0 to 65535."));
    const int seedCount = parser.value(seed).toInt(&ok);
    if (!ok || seedCount < 0 || seedCount > 10'000'000)
        return usage(QCoreApplication::translate("main", "--seed needs a number from 0 to 10000000."));
    const int latencyMs = parser.value(latency).toInt(&ok);
    if (!ok || latencyMs < 0 || latencyMs > 600'000)
        return usage(QCoreApplication::translate("main", "--latency needs milliseconds from 0 to 600000."));
    QHostAddress address;
    if (!address.setAddress(parser.value(host)))
        return usage(QCoreApplication::translate("main", "--host needs an IP address."));

    sd::SandboxServer server;
    server.setToken(parser.value(token));
    server.setLatencyMs(latencyMs);
    server.setEtagsEnabled(!parser.isSet(noEtag));
    if (!parser.isSet(quiet))
        server.setLogSink([&err](const QString &line) {
            err << line << '\n';
            err.flush();
        });
    if (parser.isSet(data)) {
        const QString problem = server.setDataFile(parser.value(data));
        if (!problem.isEmpty())
            return usage(QCoreApplication::translate("main", "cannot use data file: %1").arg(problem));
    }
    if (seedCount > 0)
        server.seed(seedCount);
    const QUrl url = server.start(address, quint16(portValue));
    if (!url.isValid())
        return usage(QCoreApplication::translate("main", "cannot listen on %1 port %2.")
                         .arg(address.toString())
                         .arg(portValue));
    std::printf("%s\n", url.toString().toUtf8().constData());
    std::fflush(stdout);
    return app.exec();
}
