// The session list at scale: load from the workspace store, sort by each column, filter by a
// substring (per keystroke), and peak memory. Times are the best of a few runs.
#include "sessionmodel.h"
#include "seed.h"
#include "workspace.h"
#include "workspacestore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QDir>
#include <QFileInfo>
#include <QProcess>

#include <sys/resource.h>
#include <algorithm>
#include <cstdio>

using namespace sd;

static long peakMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

// Writes a workspace store of `count` realistic sessions, as the app would have saved it.
static int writeStore(const QString &path, int count)
{
    const std::vector<std::string> docs = seedSessions(std::min(count, 5000), 3);
    QDir().mkpath(QFileInfo(path).absolutePath());
    WorkspaceStore store;
    if (!store.open(path).isEmpty())
        return 1;
    std::vector<WorkspaceEntry> batch;
    for (int i = 0; i < count; ++i) {
        WorkspaceEntry e;
        e.orderId = QStringLiteral("ORD-%1").arg(100001 + i);
        e.state = SessionState::Open;
        auto parsed = parseSupport(docs[size_t(i) % docs.size()]);
        e.support = parsed.value;
        e.support->orderId = e.orderId.toStdString();
        e.lastChange = QDateTime::currentDateTimeUtc().addSecs(-(i * 7919L) % 86400);
        batch.push_back(std::move(e));
        if (batch.size() == 10000 || i + 1 == count) {
            if (!store.put(batch).isEmpty())
                return 1;
            batch.clear();
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 3 && QByteArray(argv[1]) == "write") { // bench_model write PATH COUNT
        return writeStore(QString::fromLocal8Bit(argv[2]), std::atoi(argv[3]));
    }
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.sqlite"));
    // Written by a child process, so that this one's peak memory is the list's alone.
    if (QProcess::execute(QCoreApplication::applicationFilePath(),
                          {QStringLiteral("write"), path, QString::number(count)}) != 0)
        return 1;
    const long baseMb = peakMb();
    QElapsedTimer t;
    t.start();
    WorkspaceStore store;
    SessionTable loaded;
    if (!store.open(path).isEmpty() || !store.readSummaries(&loaded).isEmpty())
        return 1;
    const qint64 loadMs = t.elapsed();
    const size_t tableBytes = loaded.memoryBytes();
    ui::SessionModel model;
    t.restart();
    model.setTable(std::move(loaded));
    const qint64 modelMs = t.elapsed();
    std::printf("rows %d\nload_store_ms %lld\nset_table_ms %lld\ntable_mb %.1f\n", count, loadMs,
                modelMs, double(tableBytes) / 1e6);
    const char *names[] = {"order", "status", "agent", "phone", "chat", "last_change"};
    double worstSort = 0;
    for (int c = 0; c < ui::SessionModel::ColumnCount; ++c) {
        double best = 1e12;
        for (int r = 0; r < 3; ++r) {
            QElapsedTimer s;
            s.start();
            model.sort(c, r % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
            best = std::min(best, double(s.nsecsElapsed()) / 1e6);
        }
        worstSort = std::max(worstSort, best);
        std::printf("sort_%s_ms %.1f\n", names[c], best);
    }
    std::printf("sort_worst_ms %.1f\n", worstSort);
    // Typing "berg" then "ord-1234": each keystroke refilters.
    double worstFilter = 0;
    std::vector<double> all;
    for (const char *text : {"b", "be", "ber", "berg", "o", "or", "ord", "ord-", "ord-1", "ord-12", "ord-123", "ord-1234", ""}) {
        QElapsedTimer s;
        s.start();
        model.setFilterText(QString::fromLatin1(text));
        const double ms = double(s.nsecsElapsed()) / 1e6;
        all.push_back(ms);
        std::fprintf(stderr, "filter \"%s\" %.1f ms, %d rows\n", text, ms, model.rowCount());
        worstFilter = std::max(worstFilter, ms);
    }
    std::sort(all.begin(), all.end());
    std::printf("filter_keystroke_worst_ms %.1f\nfilter_keystroke_median_ms %.1f\n", worstFilter, all[all.size() / 2]);
    std::printf("peak_rss_mb %ld\n(peak before loading %ld)\n", peakMb(), baseMb);
    return 0;
}
