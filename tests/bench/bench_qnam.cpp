// The floor of the design: a bare QNetworkAccessManager GETting the same URLs with the same
// number in flight and nothing else (no models, no retries). supportctl is compared with it.
#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 4)
        return 1; // bench_qnam BASE_URL IDS_FILE IN_FLIGHT
    const QByteArray base = argv[1];
    QFile f(QString::fromLocal8Bit(argv[2]));
    if (!f.open(QIODevice::ReadOnly))
        return 1;
    QList<QByteArray> ids = f.readAll().split('\n');
    ids.removeAll(QByteArray());
    const int inFlight = std::atoi(argv[3]);
    QNetworkAccessManager nam;
    int next = 0, done = 0, running = 0;
    std::function<void()> fill = [&] {
        while (running < inFlight && next < ids.size()) {
            QNetworkReply *r = nam.get(QNetworkRequest(QUrl::fromEncoded(base + "support/" + ids[next++].toPercentEncoding())));
            ++running;
            QObject::connect(r, &QNetworkReply::finished, [&, r] {
                r->readAll();
                r->deleteLater();
                --running;
                if (++done == ids.size())
                    QCoreApplication::quit();
                fill();
            });
        }
    };
    fill();
    app.exec();
    std::printf("%d\n", done);
    return 0;
}
