// The session list at scale: load from the workspace store, sort by each column, filter by a
// substring (per keystroke), and peak memory; then the same for the baseline the issue names,
// a naive model of five strings per row behind a QSortFilterProxyModel, in a child process
// reading the same store (so each process's peak memory is its own list's).
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
#include <QSortFilterProxyModel>
#include <QFile>

#include <sqlite3.h>
#include <array>
#include <functional>

#include <algorithm>
#include <cstdio>

using namespace sd;

namespace {

// The process's own peak resident memory (VmHWM; getrusage's maxrss survives exec in a child).
long peakMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong() / 1024;
    return -1;
}

// Writes a workspace store of `count` realistic sessions, as the app would have saved it.
int writeStore(const QString &path, int count)
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

// The baseline: five strings per row, sorted and filtered by a QSortFilterProxyModel.
class NaiveModel : public QAbstractTableModel
{
public:
    std::vector<std::array<QString, 5>> rows;
    int rowCount(const QModelIndex &p = {}) const override { return p.isValid() ? 0 : int(rows.size()); }
    int columnCount(const QModelIndex &p = {}) const override { return p.isValid() ? 0 : 5; }
    QVariant data(const QModelIndex &i, int role) const override
    {
        if (role != Qt::DisplayRole)
            return {};
        return rows[size_t(i.row())][size_t(i.column())];
    }
};

const char *const kKeystrokes[] = {"b", "be", "ber", "berg", "o", "or", "ord", "ord-",
                                   "ord-1", "ord-12", "ord-123", "ord-1234", ""};

// Sorts by every column (best of `repeats`, alternating direction) and types the keystrokes.
void measureList(QAbstractItemModel &model, int columns, int repeats,
                 const std::function<void(const QString &)> &filter, const char *prefix)
{
    double worstSort = 0;
    for (int c = 0; c < columns; ++c) {
        double best = 1e12;
        for (int r = 0; r < repeats; ++r) {
            QElapsedTimer s;
            s.start();
            model.sort(c, r % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
            best = std::min(best, double(s.nsecsElapsed()) / 1e6);
        }
        worstSort = std::max(worstSort, best);
        std::printf("%ssort_column%d_ms %.1f\n", prefix, c, best);
    }
    std::printf("%ssort_worst_ms %.1f\n", prefix, worstSort);
    double worstFilter = 0;
    std::vector<double> all;
    for (const char *text : kKeystrokes) {
        QElapsedTimer s;
        s.start();
        filter(QString::fromLatin1(text));
        const double ms = double(s.nsecsElapsed()) / 1e6;
        all.push_back(ms);
        std::fprintf(stderr, "%sfilter \"%s\" %.1f ms, %d rows\n", prefix, text, ms, model.rowCount());
        worstFilter = std::max(worstFilter, ms);
    }
    std::sort(all.begin(), all.end());
    std::printf("%sfilter_keystroke_worst_ms %.1f\n%sfilter_keystroke_median_ms %.1f\n", prefix,
                worstFilter, prefix, all[all.size() / 2]);
}

int runNaive(const QString &path)
{
    const long baseMb = peakMb();
    QElapsedTimer t;
    t.start();
    NaiveModel model;
    sqlite3 *db = nullptr;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK
        || sqlite3_prepare_v2(db, "SELECT order_id, state, agent_name, phone, chat FROM summary ORDER BY seq",
                              -1, &stmt, nullptr) != SQLITE_OK)
        return 1;
    const auto text = [stmt](int c) {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, c)),
                                 sqlite3_column_bytes(stmt, c));
    };
    while (sqlite3_step(stmt) == SQLITE_ROW)
        model.rows.push_back({text(0), text(1), text(2), text(3), text(4)});
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    std::printf("naive_load_store_ms %lld\n", t.elapsed());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterKeyColumn(-1);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    measureList(proxy, 5, 1, [&proxy](const QString &f) { proxy.setFilterFixedString(f); }, "naive_");
    std::printf("naive_peak_rss_mb %ld\n(naive peak before loading %ld)\n", peakMb(), baseMb);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 3 && QByteArray(argv[1]) == "write") // bench_model write PATH COUNT
        return writeStore(QString::fromLocal8Bit(argv[2]), std::atoi(argv[3]));
    if (argc > 2 && QByteArray(argv[1]) == "naive") // bench_model naive PATH
        return runNaive(QString::fromLocal8Bit(argv[2]));
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
    const bool withBaseline = !(argc > 2 && QByteArray(argv[2]) == "--no-baseline");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.sqlite"));
    // Written by a child process, so that this one's peak memory is the list's alone.
    if (QProcess::execute(QCoreApplication::applicationFilePath(),
                          {QStringLiteral("write"), path, QString::number(count)}) != 0)
        return 1;
    {
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
        measureList(model, ui::SessionModel::ColumnCount, 3,
                    [&model](const QString &f) { model.setFilterText(f); }, "");
        std::printf("peak_rss_mb %ld\n(peak before loading %ld)\n", peakMb(), baseMb);
    }
    std::fflush(stdout);
    if (withBaseline) {
        QProcess naive;
        naive.setProcessChannelMode(QProcess::ForwardedChannels);
        naive.start(QCoreApplication::applicationFilePath(), {QStringLiteral("naive"), path});
        naive.waitForFinished(-1);
        return naive.exitCode();
    }
    return 0;
}
