// Helper for tst_outbox and tst_sessiontable: writes as fast as it can and prints what it
// committed after each transaction; the tests kill it with SIGKILL at a random moment.
//   outbox_writer DB COUNT ORDER_PREFIX    enqueues COUNT assignments, prints each item's ID
//   outbox_writer workspace DB BATCHES     puts BATCHES batches of 50 sessions into a workspace
//                                          store, prints the number of sessions committed
//   outbox_writer send DB URL KILL_AT      sends the outbox DB to the server at URL, and kills
//                                          itself (SIGKILL) when its KILL_AT-th SQLite statement
//                                          starts, or, for KILL_AT "sql:TEXT", the first statement
//                                          starting with TEXT; exits 0 when the outbox is drained
#include "outbox.h"
#include "workspacestore.h"

#include <QCoreApplication>
#include <QUrl>
#include <csignal>
#include <cstdio>
#include <cstring>

#include <sqlite3.h>

namespace {

long g_killAt = 0;           // the statement number to die at (0: none)
QByteArray g_killAtSql;      // or the statement text to die at
long g_statements = 0;

int onStatement(unsigned, void *, void *, void *sql)
{
    ++g_statements;
    const char *text = static_cast<const char *>(sql);
    if ((g_killAt > 0 && g_statements == g_killAt)
        || (!g_killAtSql.isEmpty() && text && std::strncmp(text, g_killAtSql.constData(), size_t(g_killAtSql.size())) == 0)) {
        std::fprintf(stderr, "killed at statement %ld: %s\n", g_statements, text ? text : "");
        ::raise(SIGKILL); // a real crash, in the middle of whatever the sender was doing
    }
    return 0;
}

// Runs for every connection this process opens (the outbox's too, whatever opens it).
int traceConnection(sqlite3 *db, const char **, const sqlite3_api_routines *)
{
    sqlite3_trace_v2(db, SQLITE_TRACE_STMT, onStatement, nullptr);
    return SQLITE_OK;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && QByteArray(argv[1]) == "workspace") {
        sd::WorkspaceStore store;
        if (!store.open(QString::fromLocal8Bit(argv[2])).isEmpty())
            return 2;
        const int batches = atoi(argv[3]);
        for (int b = 0; b < batches; ++b) {
            std::vector<sd::WorkspaceEntry> batch;
            for (int i = 0; i < 50; ++i) {
                sd::WorkspaceEntry e;
                e.orderId = QStringLiteral("W-%1").arg(b * 50 + i);
                e.state = sd::SessionState::Open;
                e.support = sd::parseSupport(
                    QStringLiteral(R"({"order_id":"%1","callback_phone":"+49 30 %2","agent":{"id":"agent-%2"}})")
                        .arg(e.orderId).arg(b).toStdString()).value;
                batch.push_back(std::move(e));
            }
            if (!store.put(batch).isEmpty())
                return 3;
            std::printf("%d\n", (b + 1) * 50);
            std::fflush(stdout);
        }
        return 0;
    }
    if (argc == 5 && QByteArray(argv[1]) == "send") {
        const QByteArray killAt(argv[4]);
        if (killAt.startsWith("sql:"))
            g_killAtSql = killAt.mid(4);
        else
            g_killAt = killAt.toLong();
        sqlite3_auto_extension(reinterpret_cast<void (*)()>(traceConnection));
        sd::Outbox outbox(QString::fromLocal8Bit(argv[2]));
        if (!outbox.isOpen())
            return 2;
        sd::ApiClient client;
        sd::ClientConfig config;
        config.baseUrl = QUrl(QString::fromLocal8Bit(argv[3]));
        client.setConfig(config);
        sd::OutboxSender sender(&client, &outbox);
        QObject::connect(&sender, &sd::OutboxSender::drained, &app, [] { QCoreApplication::exit(0); });
        QObject::connect(&sender, &sd::OutboxSender::offline, &app, [] { QCoreApplication::exit(4); });
        sender.start();
        return app.exec();
    }
    if (argc < 4)
        return 1; // outbox_writer DB COUNT ORDER_PREFIX
    sd::Outbox outbox(QString::fromLocal8Bit(argv[1]));
    if (!outbox.isOpen())
        return 2;
    const int count = atoi(argv[2]);
    for (int i = 0; i < count; ++i) {
        sd::OutboxItem item;
        item.orderId = QString::fromLocal8Bit(argv[3]) + QString::number(i);
        item.op = sd::Operation::AssignAgent;
        item.payload = QStringLiteral(R"({"id":"agent-%1","person":{"name":"Writer %1"}})").arg(i).toUtf8();
        const qint64 id = outbox.enqueue(item);
        if (id == 0)
            return 3;
        std::printf("%lld\n", static_cast<long long>(id));
        std::fflush(stdout);
    }
    return 0;
}
