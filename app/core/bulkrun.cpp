#include "bulkrun.h"

#include "auditlog.h"

namespace sd {

BulkRun::BulkRun(const QStringList &orderIds, int concurrency, StartFn start, QObject *parent)
    : QObject(parent), m_concurrency(std::max(1, concurrency)), m_start(std::move(start))
{
    m_results.resize(orderIds.size());
    for (qsizetype i = 0; i < orderIds.size(); ++i)
        m_results[size_t(i)].orderId = orderIds[i];
}

BulkRun::~BulkRun()
{
    for (const QPointer<ApiReply> &reply : std::as_const(m_replies)) {
        if (!reply)
            continue; // deleted with its client (a window closing mid-run)
        reply->disconnect(this);
        reply->deleteLater();
    }
}

void BulkRun::setAuditIntents(AuditRecorder *recorder, Operation operation)
{
    m_audit = recorder;
    m_auditOperation = operation;
}

void BulkRun::start()
{
    if (m_running || m_finishedEmitted)
        return;
    m_running = true;
    m_clock.start();
    if (m_results.empty()) {
        QMetaObject::invokeMethod(this, [this] {
            m_running = false;
            m_finishedEmitted = true;
            Q_EMIT finished();
        }, Qt::QueuedConnection);
        return;
    }
    fill();
}

void BulkRun::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    const auto replies = m_replies;
    for (const QPointer<ApiReply> &reply : replies)
        if (reply)
            reply->abort(); // each ends with Cancelled through onReplyFinished
    finishIfDone();
}

qint64 BulkRun::estimatedRemainingMs() const
{
    if (m_done == 0 || !m_clock.isValid())
        return -1;
    return m_clock.elapsed() * remaining() / m_done;
}

void BulkRun::fill()
{
    // One batch (one sync) of intents per window, not one per write.
    constexpr int kIntentWindow = 100;
    while (!m_cancelled && m_inFlight < m_concurrency && m_next < total()) {
        const int index = m_next++;
        // The next window is written while half of this one is still to go: on disk before
        // it is needed.
        if (m_audit && m_reservedEnd < total() && index >= m_reservedEnd - kIntentWindow / 2) {
            QStringList ids;
            for (int i = m_reservedEnd; i < std::min(total(), m_reservedEnd + kIntentWindow); ++i)
                ids << m_results[size_t(i)].orderId;
            m_audit->reserve(m_auditOperation, ids); // on failure each write tries, and says why
            m_reservedEnd += int(ids.size());
        }
        ApiReply *reply = m_start(m_results[size_t(index)].orderId);
        ++m_inFlight;
        ++m_unreported;
        m_maxInFlight = std::max(m_maxInFlight, m_inFlight);
        m_replies.append(reply);
        connect(reply, &ApiReply::resultReady, this, [this] {
            --m_inFlight;
            fill(); // before this write's outcome is kept: it goes into a batch
        });
        connect(reply, &ApiReply::finished, this,
                [this, index, reply] { onReplyFinished(index, reply); });
        Q_EMIT itemStarted(index);
    }
}

void BulkRun::onReplyFinished(int index, ApiReply *reply)
{
    --m_unreported;
    m_replies.removeOne(reply);
    BulkItemResult &item = m_results[size_t(index)];
    item.done = true;
    item.error = reply->error();
    item.body = reply->rawBody();
    if (auto *s = qobject_cast<SupportReply *>(reply))
        item.support = s->result();
    else if (auto *a = qobject_cast<AgentReply *>(reply))
        item.agent = a->result();
    ++m_done;
    if (item.error.isError())
        ++m_failed;
    reply->deleteLater();
    Q_EMIT itemFinished(index, item);
    Q_EMIT progress(m_done, m_failed, total());
    fill();
    finishIfDone();
}

void BulkRun::finishIfDone()
{
    if (m_unreported > 0 || (m_next < total() && !m_cancelled) || m_finishedEmitted)
        return;
    if (m_audit) {
        // Intents written ahead for items never sent (cancelled, or refused before sending).
        QStringList ids;
        for (int i = 0; i < m_reservedEnd; ++i)
            ids << m_results[size_t(i)].orderId;
        m_audit->unreserve(m_auditOperation, ids);
    }
    m_running = false;
    m_finishedEmitted = true;
    Q_EMIT finished();
}

} // namespace sd
