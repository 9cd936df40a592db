// The session history's query against reading the whole audit log: a log of N entries
// (5,000 orders), then the first query (which indexes the log), 100 later queries, and one
// AuditLog::read of everything. Prints "key value" lines for tests/bench/run.sh.
#include "auditlog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

using sd::AuditEntry;
using sd::AuditLog;
using sd::AuditOrderIndex;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int total = argc > 1 ? qBound(1000, QByteArray(argv[1]).toInt(), 10'000'000) : 100'000;
    const int orders = 5000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.log"));
    const QByteArray session = R"({"order_id":"ORD-0","callback_phone":"+49 30 1234567",)"
                               R"("descriptor":{"name":"Billing","short_desc":"Invoice twice",)"
                               R"("long_desc":"The customer was charged twice for the same order."},)"
                               R"("agent":{"id":"agent-1001","person":{"name":"Jane Doe"}}})";
    {
        AuditLog log(path);
        std::vector<AuditEntry> batch;
        for (int i = 0; i < total; ++i) {
            AuditEntry e;
            e.user = QStringLiteral("agent");
            e.server = QStringLiteral("http://127.0.0.1:1/");
            e.orderId = QStringLiteral("ORD-%1").arg(i % orders);
            e.operation = QStringLiteral("update");
            e.phase = i % 2 ? AuditEntry::Phase::Outcome : AuditEntry::Phase::Intent;
            (i % 2 ? e.after : e.before) = session;
            e.result = QStringLiteral("ok");
            e.httpStatus = 200;
            batch.push_back(std::move(e));
            if (batch.size() == 10'000 || i + 1 == total) {
                if (!log.append(batch).isEmpty())
                    return 1;
                batch.clear();
            }
        }
    }
    AuditOrderIndex index(path);
    QElapsedTimer timer;
    timer.start();
    const size_t found = index.entriesFor(QStringLiteral("ORD-4321"), {}, 50).size();
    const double first = timer.nsecsElapsed() / 1e6;
    timer.restart();
    for (int i = 0; i < 100; ++i)
        index.entriesFor(QStringLiteral("ORD-%1").arg(i * 37 % orders), {}, 50);
    const double later = timer.nsecsElapsed() / 1e6 / 100;
    timer.restart();
    const size_t all = AuditLog::read(path).size();
    const double whole = timer.nsecsElapsed() / 1e6;
    std::printf("entries %zu\nlog_mb %lld\nfound %zu\nfirst_query_ms %.2f\nlater_query_ms %.3f\nread_all_ms %.1f\n",
                all, QFileInfo(path).size() >> 20, found, first, later, whole);
    return 0;
}
