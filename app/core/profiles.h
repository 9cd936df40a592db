// Server profiles (kept in QSettings) and their tokens (kept in the OS keychain only).
#pragma once

#include <QList>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QUrl>

#include <functional>

namespace sd {

struct ServerProfile
{
    QString id;   // stable key (settings group, keychain entry, workspace file)
    QString name; // shown to the user
    QUrl baseUrl;
    int timeoutSeconds = 15;
    int concurrency = 6;
    int refreshIntervalSeconds = 120; // 0: no background refresh
    QString myAgentId;                // who the agent is on this server: the "mine" filter, the audit trail
    QString myAgentName;              // optional, with myAgentId
    bool identityAsked = false;       // the first-use question was answered (or skipped)
    bool transient = false;           // for this run only, never saved (the --demo sandbox)
    bool operator==(const ServerProfile &) const = default;
};

QList<ServerProfile> loadProfiles(QSettings &settings);
// Saves all but the transient ones.
void saveProfiles(QSettings &settings, const QList<ServerProfile> &profiles);
// A file-name-safe ID from a name, unique among `existing`.
QString makeProfileId(const QString &name, const QList<ServerProfile> &existing);

// Tokens live in the OS keychain (QtKeychain). When no keychain is available, the caller is
// told (`noKeychain`) and may keep the token in memory for this run only: it is never
// written to a file.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    explicit TokenStore(QObject *parent = nullptr);

    struct Result
    {
        bool ok = false;
        bool noKeychain = false; // no secret service / keychain backend
        QString token;           // for read()
        QString error;
    };
    using Callback = std::function<void(const Result &)>;

    void read(const QString &profileId, Callback done);
    void write(const QString &profileId, const QString &token, Callback done);
    void remove(const QString &profileId, Callback done);

    // The in-memory fallback.
    void setSessionToken(const QString &profileId, const QString &token);
    QString sessionToken(const QString &profileId) const;

    static QString serviceName();

private:
    QHash<QString, QString> m_sessionTokens;
};

} // namespace sd
