// Helper for tst_outbox and tst_sessiontable: writes as fast as it can and prints what it
// committed after each transaction; the tests kill it with SIGKILL at a random moment.
//   outbox_writer DB COUNT ORDER_PREFIX    enqueues COUNT assignments, prints each item's ID
//   outbox_writer workspace DB BATCHES     puts BATCHES batches of 50 sessions into a workspace
//                                          store, prints the number of sessions committed
#include "outbox.h"
#include "workspacestore.h"

#include <QCoreApplication>
#include <cstdio>

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
    if (argc < 4)
        return 1; // outbox_writer DB COUNT ORDER_PREFIX
    sd::Outbox outbox(QString::fromLocal8Bit(argv[1]));
    if (!outbox.isOpen())
        return 2;
    const int count = atoi(argv[2]);
    for (int i = 0; i < count; ++i) {
        sd::OutboxItem item;
        item.orderId = QString::fromLocal8Bit(argv[3]) + QString::number(i);
        item.op = sd::OutboxItem::Op::Assign;
        item.payload = QStringLiteral(R"({"id":"agent-%1","person":{"name":"Writer %1"}})").arg(i).toUtf8();
        const qint64 id = outbox.enqueue(item);
        if (id == 0)
            return 3;
        std::printf("%lld\n", static_cast<long long>(id));
        std::fflush(stdout);
    }
    return 0;
}
