#include "profiles.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <qt6keychain/keychain.h>

namespace sd {

QList<ServerProfile> loadProfiles(QSettings &settings)
{
    QList<ServerProfile> profiles;
    const int n = settings.beginReadArray(QStringLiteral("profiles"));
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        ServerProfile p;
        p.id = settings.value(QStringLiteral("id")).toString();
        p.name = settings.value(QStringLiteral("name")).toString();
        // An earlier version stored "https://user:password@host/" as typed: the credentials are
        // dropped here (and with the next save, from the file too); such addresses are refused now.
        p.baseUrl = QUrl(settings.value(QStringLiteral("baseUrl")).toString()).adjusted(QUrl::RemoveUserInfo);
        p.timeoutSeconds = std::clamp(settings.value(QStringLiteral("timeout"), 15).toInt(), 1, 600);
        p.concurrency = std::clamp(settings.value(QStringLiteral("concurrency"), 6).toInt(), 1, 64);
        p.refreshIntervalSeconds = std::clamp(settings.value(QStringLiteral("refresh"), 120).toInt(), 0, 86400);
        p.myAgentId = settings.value(QStringLiteral("myAgentId")).toString();
        p.myAgentName = settings.value(QStringLiteral("myAgentName")).toString();
        p.identityAsked = settings.value(QStringLiteral("identityAsked"), false).toBool();
        if (!p.id.isEmpty() && p.baseUrl.isValid())
            profiles << p;
    }
    settings.endArray();
    return profiles;
}

void saveProfiles(QSettings &settings, const QList<ServerProfile> &all)
{
    QList<ServerProfile> profiles;
    for (const ServerProfile &p : all)
        if (!p.transient)
            profiles << p;
    settings.remove(QStringLiteral("profiles"));
    settings.beginWriteArray(QStringLiteral("profiles"), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        settings.setArrayIndex(i);
        const ServerProfile &p = profiles[i];
        settings.setValue(QStringLiteral("id"), p.id);
        settings.setValue(QStringLiteral("name"), p.name);
        settings.setValue(QStringLiteral("baseUrl"), p.baseUrl.adjusted(QUrl::RemoveUserInfo).toString());
        settings.setValue(QStringLiteral("timeout"), p.timeoutSeconds);
        settings.setValue(QStringLiteral("concurrency"), p.concurrency);
        settings.setValue(QStringLiteral("refresh"), p.refreshIntervalSeconds);
        settings.setValue(QStringLiteral("myAgentId"), p.myAgentId);
        settings.setValue(QStringLiteral("myAgentName"), p.myAgentName);
        settings.setValue(QStringLiteral("identityAsked"), p.identityAsked);
    }
    settings.endArray();
    settings.sync();
    // Nothing secret is kept there (tokens live in the keychain), but which servers the agent
    // works with is nobody else's business; QSettings keeps the mode on later writes.
    if (QFileInfo(settings.fileName()).isFile())
        QFile::setPermissions(settings.fileName(), QFile::ReadOwner | QFile::WriteOwner);
}

QString makeProfileId(const QString &name, const QList<ServerProfile> &existing)
{
    static const QRegularExpression unsafe(QStringLiteral("[^a-z0-9]+"));
    QString base = name.toLower().replace(unsafe, QStringLiteral("-"));
    while (base.startsWith(QLatin1Char('-')))
        base.remove(0, 1);
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("profile");
    QString id = base;
    for (int n = 2;; ++n) {
        bool taken = id == QLatin1String("demo"); // the --demo sandbox's, never saved
        for (const ServerProfile &p : existing)
            taken = taken || p.id == id;
        if (!taken)
            return id;
        id = base + QLatin1Char('-') + QString::number(n);
    }
}

TokenStore::TokenStore(QObject *parent) : QObject(parent) {}

QString TokenStore::serviceName()
{
    return QStringLiteral("SupportDesk");
}

namespace {
TokenStore::Result resultOf(QKeychain::Job *job)
{
    TokenStore::Result r;
    r.ok = job->error() == QKeychain::NoError;
    r.noKeychain = job->error() == QKeychain::NoBackendAvailable
                || job->error() == QKeychain::NotImplemented
                || job->error() == QKeychain::OtherError;
    r.error = r.ok ? QString() : job->errorString();
    return r;
}
} // namespace

void TokenStore::read(const QString &profileId, Callback done)
{
    if (m_sessionTokens.contains(profileId)) {
        Result r;
        r.ok = true;
        r.token = m_sessionTokens.value(profileId);
        QMetaObject::invokeMethod(this, [done, r] { done(r); }, Qt::QueuedConnection);
        return;
    }
    // No parent: a job must outlive this store while its backend may still call back
    // (libsecret answers asynchronously); it deletes itself when finished.
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    job->setAutoDelete(true);
    job->setKey(profileId);
    connect(job, &QKeychain::Job::finished, this, [job, done](QKeychain::Job *) {
        Result r = resultOf(job);
        if (job->error() == QKeychain::EntryNotFound) {
            r.ok = true; // no token stored: not an error
            r.error.clear();
        }
        r.token = job->textData();
        done(r);
    });
    job->start();
}

void TokenStore::write(const QString &profileId, const QString &token, Callback done)
{
    // No parent: a job must outlive this store while its backend may still call back
    // (libsecret answers asynchronously); it deletes itself when finished.
    auto *job = new QKeychain::WritePasswordJob(serviceName());
    job->setAutoDelete(true);
    job->setKey(profileId);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, job, done, profileId](QKeychain::Job *) {
        const Result r = resultOf(job);
        if (r.ok)
            m_sessionTokens.remove(profileId);
        done(r);
    });
    job->start();
}

void TokenStore::remove(const QString &profileId, Callback done)
{
    m_sessionTokens.remove(profileId);
    // No parent: a job must outlive this store while its backend may still call back
    // (libsecret answers asynchronously); it deletes itself when finished.
    auto *job = new QKeychain::DeletePasswordJob(serviceName());
    job->setAutoDelete(true);
    job->setKey(profileId);
    connect(job, &QKeychain::Job::finished, this, [job, done](QKeychain::Job *) {
        Result r = resultOf(job);
        if (job->error() == QKeychain::EntryNotFound)
            r.ok = true;
        done(r);
    });
    job->start();
}

void TokenStore::setSessionToken(const QString &profileId, const QString &token)
{
    m_sessionTokens.insert(profileId, token);
}

QString TokenStore::sessionToken(const QString &profileId) const
{
    return m_sessionTokens.value(profileId);
}

} // namespace sd
