// Helper for tst_outbox: enqueues N assignments as fast as it can and prints the ID of each
// one after its transaction committed. The test kills it with SIGKILL at a random moment.
#include "outbox.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
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
