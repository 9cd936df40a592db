#include "auditlog.h"
#include "auditlog_p.h"
#include "logging.h"
#include "privacy.h"
#include "requests.h" // the names the log records (kRecordName)

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QThread>

#include <chrono>

namespace sd {

using namespace auditdetail;

// ---- AuditRecorder ----------------------------------------------------------------------------

AuditRecorder::AuditRecorder(const QString &path, QObject *parent)
    : QObject(parent), m_log(path), m_user(currentUserName())
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, &AuditRecorder::flush);
    m_syncer.setMaxThreadCount(1); // in order: the head file never goes back
    // Problems reach the user through problem(); the log is for diagnosis (sd.audit.debug).
    connect(this, &AuditRecorder::problem, this, [](const QString &message) {
        qCDebug(lcAudit).noquote() << "audit trail:" << maskPersonalData(message);
    });
}

AuditRecorder::~AuditRecorder()
{
    if (m_client)
        m_client->setWriteJournal(nullptr);
    m_syncer.waitForDone();
    if (!m_pending.empty()) // their owners are going away with us: no reports
        m_log.append(m_pending);
}

void AuditRecorder::attach(ApiClient *client)
{
    if (m_client)
        m_client->setWriteJournal(nullptr);
    m_client = client;
    if (client)
        client->setWriteJournal(this);
}

QString AuditRecorder::server() const
{
    return m_client ? m_client->config().baseUrl.adjusted(QUrl::RemoveUserInfo).toString() : QString();
}

void AuditRecorder::setBeforeLookup(std::function<std::optional<Support>(const QString &)> lookup)
{
    m_lookup = std::move(lookup);
}

AuditEntry AuditRecorder::intentFor(Operation operation, const QString &orderId,
                                    const QString &server, const std::optional<Support> &before) const
{
    AuditEntry e;
    e.phase = AuditEntry::Phase::Intent;
    e.user = m_user;
    e.server = server;
    e.orderId = orderId;
    e.operation = QString::fromLatin1(recordNameOf(operation));
    std::optional<Support> known = before;
    if (!known && m_lookup)
        known = m_lookup(orderId);
    if (known)
        e.before = QByteArray::fromStdString(serialize(*known));
    return e;
}

qint64 AuditRecorder::write(std::vector<AuditEntry> &entries, QString *problem)
{
    AuditLog::Sync sync;
    *problem = m_log.write(entries, &sync);
    const QString notice = m_log.takeNotice();
    if (!notice.isEmpty())
        Q_EMIT this->problem(notice);
    if (!problem->isEmpty())
        return 0;
    const qint64 batch = ++m_lastBatch;
    for (auto &report : m_unwritten) // their outcomes were in `entries`
        m_unsynced.emplace_back(batch, std::move(report));
    m_unwritten.clear();
    auto task = std::make_shared<AuditLog::Sync>(std::move(sync));
    m_syncer.start([this, task, batch] {
        const QString failed = task->run();
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_syncedBatch = batch;
            if (!failed.isEmpty())
                m_failedBatches.insert(batch, failed);
        }
        m_syncedChanged.notify_all();
        QMetaObject::invokeMethod(this, [this, batch, failed] { onSynced(batch, failed); },
                                  Qt::QueuedConnection);
    });
    return batch;
}

QString AuditRecorder::waitUntilSynced(qint64 batch)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    const auto done = [&] { return m_syncedBatch >= batch || m_failedBatches.contains(batch); };
    const QString timedOut = tr("The disk did not confirm the audit log %1 within a minute.").arg(m_log.path());
    // Syncs run in order: while one that timed out is still stuck, none after it can end, and
    // each write would block the caller another minute.
    if (m_syncedBatch < m_stalledBatch && !done())
        return timedOut;
    if (!m_syncedChanged.wait_for(lock, std::chrono::minutes(1), done)) {
        m_stalledBatch = std::max(m_stalledBatch, batch);
        m_failedBatches.insert(batch, timedOut); // its other intents were not sent either
        return timedOut;
    }
    return m_failedBatches.value(batch);
}

void AuditRecorder::onSynced(qint64 batch, const QString &problem)
{
    if (!problem.isEmpty())
        Q_EMIT this->problem(problem); // the writes are done on the server: reported anyway
    // Reports in the order their outcomes were written.
    auto done = std::stable_partition(m_unsynced.begin(), m_unsynced.end(),
                                      [batch](const auto &r) { return r.first <= batch; });
    std::vector<std::function<void()>> reports;
    for (auto it = m_unsynced.begin(); it != done; ++it)
        reports.push_back(std::move(it->second));
    m_unsynced.erase(m_unsynced.begin(), done);
    for (const auto &report : reports)
        report();
}

QString AuditRecorder::reserve(Operation operation, const QStringList &orderIds)
{
    if (orderIds.isEmpty())
        return {};
    const QString server = m_client ? m_client->config().baseUrl.adjusted(QUrl::RemoveUserInfo).toString() : QString();
    std::vector<AuditEntry> entries = std::exchange(m_pending, {});
    const size_t outcomes = entries.size();
    for (const QString &id : orderIds)
        entries.push_back(intentFor(operation, id, server, std::nullopt));
    QString problem;
    const qint64 batch = write(entries, &problem);
    if (batch == 0) {
        entries.resize(outcomes);
        m_pending = std::move(entries);
        Q_EMIT this->problem(problem);
        return problem;
    }
    m_flushTimer.stop();
    for (size_t i = outcomes; i < entries.size(); ++i)
        m_reserved[qMakePair(int(operation), entries[i].orderId)].append(qMakePair(entries[i].seq, batch));
    return {};
}

void AuditRecorder::notSent(Operation operation, const QString &orderId, const QString &server, qint64 intent)
{
    AuditEntry e;
    e.phase = AuditEntry::Phase::Outcome;
    e.link = intent;
    e.user = m_user;
    e.server = server;
    e.orderId = orderId;
    e.operation = QString::fromLatin1(recordNameOf(operation));
    e.result = tr("not sent");
    m_pending.push_back(std::move(e));
}

void AuditRecorder::unreserve(Operation operation, const QStringList &orderIds)
{
    const QString server = m_client ? m_client->config().baseUrl.adjusted(QUrl::RemoveUserInfo).toString() : QString();
    for (const QString &id : orderIds) {
        const auto it = m_reserved.find(qMakePair(int(operation), id));
        if (it == m_reserved.end())
            continue;
        const qint64 intent = it->takeFirst().first;
        if (it->isEmpty())
            m_reserved.erase(it);
        notSent(operation, id, server, intent);
    }
    scheduleFlush();
}

QString AuditRecorder::writeStarting(const ApiClient &client, const ApiReply &reply, qint64 *id)
{
    m_writing.removeAll(nullptr);
    const auto reserved = m_reserved.find(qMakePair(int(reply.operation()), reply.orderId()));
    qint64 batch = 0;
    if (reserved != m_reserved.end()) {
        const auto [seq, reservedIn] = reserved->takeFirst();
        if (reserved->isEmpty())
            m_reserved.erase(reserved);
        *id = seq;
        batch = reservedIn;
    } else {
        std::optional<Support> before;
        if (const auto *s = qobject_cast<const SupportReply *>(&reply))
            before = s->before();
        std::vector<AuditEntry> entries = std::exchange(m_pending, {});
        entries.push_back(intentFor(reply.operation(), reply.orderId(),
                                    client.config().baseUrl.adjusted(QUrl::RemoveUserInfo).toString(), before));
        QString problem;
        batch = write(entries, &problem);
        if (batch == 0) {
            entries.pop_back();
            m_pending = std::move(entries);
            return tr("The audit trail could not be written, so nothing was sent. %1").arg(problem);
        }
        m_flushTimer.stop();
        *id = entries.back().seq;
    }
    // Nothing leaves before its intent is on disk.
    const QString problem = waitUntilSynced(batch);
    if (!problem.isEmpty()) {
        // The intent may be in the file all the same: closed, not left as "outcome unknown".
        notSent(reply.operation(), reply.orderId(),
                client.config().baseUrl.adjusted(QUrl::RemoveUserInfo).toString(), *id);
        scheduleFlush();
        return tr("The audit trail could not be written, so nothing was sent. %1").arg(problem);
    }
    m_writing.append(const_cast<ApiReply *>(&reply));
    return {};
}

void AuditRecorder::writeFinished(const ApiReply &reply, qint64 id, std::function<void()> report)
{
    m_writing.removeAll(const_cast<ApiReply *>(&reply));
    m_writing.removeAll(nullptr);
    AuditEntry e;
    e.phase = AuditEntry::Phase::Outcome;
    e.link = id;
    e.user = m_user;
    e.server = m_client ? m_client->config().baseUrl.adjusted(QUrl::RemoveUserInfo).toString() : QString();
    e.orderId = reply.orderId();
    e.operation = QString::fromLatin1(recordNameOf(reply.operation()));
    if (reply.isOk())
        e.after = reply.rawBody();
    e.result = reply.isOk() ? QStringLiteral("ok") : reply.error().message();
    e.httpStatus = reply.httpStatus();
    m_pending.push_back(std::move(e));
    m_unwritten.push_back(std::move(report));
    scheduleFlush();
}

void AuditRecorder::scheduleFlush()
{
    // Batches while writes are in flight; at once when the last one ended.
    if (m_pending.size() >= 100 || m_writing.isEmpty())
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void AuditRecorder::flush()
{
    m_flushTimer.stop();
    if (m_pending.empty())
        return;
    std::vector<AuditEntry> entries = std::exchange(m_pending, {});
    QString problem;
    if (write(entries, &problem) != 0)
        return;
    m_pending = std::move(entries); // tried again with the next batch
    // Their writes are done on the server: reported, with the warning, rather than never.
    QMetaObject::invokeMethod(this, [reports = std::exchange(m_unwritten, {})] {
        for (const auto &report : reports)
            report();
    }, Qt::QueuedConnection);
    Q_EMIT this->problem(problem);
}

} // namespace sd
