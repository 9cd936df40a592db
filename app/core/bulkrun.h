// Many operations, one per order ID, with at most `concurrency` in flight.
//
// Keeps only `concurrency` requests inside QNetworkAccessManager at a time (queueing thousands
// there halves throughput); a request's place is free at its resultReady(), the item is
// reported at its finished() (for a write: once the audit trail holds its outcome).
// Signal order: itemStarted() when an item's request is made, itemFinished() once per started
// item, progress() after each, then finished() exactly once (also after cancel()).
#pragma once

#include "apiclient.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <functional>
#include <vector>

namespace sd {

class AuditRecorder;

struct BulkItemResult
{
    QString orderId;
    bool done = false; // false: not run (cancelled before start)
    ApiError error;    // Kind::None on success
    QByteArray body;   // the server's final body
    std::optional<Support> support;
    std::optional<Agent> agent;
    bool ok() const { return done && !error.isError(); }
};

class BulkRun : public QObject
{
    Q_OBJECT
public:
    using StartFn = std::function<ApiReply *(const QString &orderId)>;
    BulkRun(const QStringList &orderIds, int concurrency, StartFn start, QObject *parent = nullptr);
    ~BulkRun() override;

    // Every item is `operation` through the client `recorder` is attached to: their intents are
    // written ahead, a window at a time, in one batch each.
    void setAuditIntents(AuditRecorder *recorder, Operation operation);
    void start();
    void cancel(); // aborts what is in flight, starts nothing more
    bool isRunning() const { return m_running; }
    bool isCancelled() const { return m_cancelled; }
    bool isFinished() const { return m_finishedEmitted; }

    int total() const { return int(m_results.size()); }
    int doneCount() const { return m_done; }
    int failedCount() const { return m_failed; }
    int remaining() const { return total() - m_done; }
    int maxObservedInFlight() const { return m_maxInFlight; }
    // Estimated milliseconds left, from the rate so far; -1 when not yet known.
    qint64 estimatedRemainingMs() const;
    const std::vector<BulkItemResult> &results() const { return m_results; }

Q_SIGNALS:
    void itemStarted(int index);
    void itemFinished(int index, const sd::BulkItemResult &result);
    void progress(int done, int failed, int total);
    void finished();

private:
    void fill();
    void onReplyFinished(int index, ApiReply *reply);
    void finishIfDone();

    std::vector<BulkItemResult> m_results;
    int m_concurrency;
    StartFn m_start;
    int m_next = 0;
    int m_inFlight = 0;   // without a result yet
    int m_unreported = 0; // started, finished() not yet seen
    QPointer<AuditRecorder> m_audit;
    Operation m_auditOperation = Operation::Fetch;
    int m_reservedEnd = 0; // intents written for the items before this one
    int m_maxInFlight = 0;
    int m_done = 0;
    int m_failed = 0;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_finishedEmitted = false;
    QList<QPointer<ApiReply>> m_replies; // the client owns them and may go first
    QElapsedTimer m_clock;
};

} // namespace sd
