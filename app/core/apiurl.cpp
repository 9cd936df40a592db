#include "apiurl.h"

#include <QCoreApplication>

namespace sd {

QString orderIdProblem(const QString &orderId)
{
    if (orderId.isEmpty())
        return QCoreApplication::translate("sd::Api", "The order ID is empty.");
    if (orderId.trimmed().isEmpty())
        return QCoreApplication::translate("sd::Api", "The order ID contains only white space.");
    // URL libraries, proxies and servers resolve these away as dot segments, however encoded.
    if (orderId == QLatin1String(".") || orderId == QLatin1String(".."))
        return QCoreApplication::translate("sd::Api",
                                           "The order ID \"%1\" cannot be sent: servers read it "
                                           "as a step in the path, not as an ID.")
            .arg(orderId);
    const qsizetype bytes = orderId.toUtf8().size();
    if (bytes > kMaxOrderIdBytes)
        return QCoreApplication::translate("sd::Api",
                                           "The order ID is %1 bytes long; at most %2 are allowed.")
            .arg(bytes)
            .arg(kMaxOrderIdBytes);
    return {};
}

QByteArray encodeOrderId(const QString &orderId)
{
    // toPercentEncoding leaves exactly RFC 3986's unreserved set: ALPHA DIGIT - . _ ~
    return orderId.toUtf8().toPercentEncoding();
}

QString baseUrlProblem(const QUrl &base)
{
    if (!base.isValid() || base.isRelative() || base.host().isEmpty())
        return QCoreApplication::translate("sd::Api",
                                           "The server address \"%1\" is not an absolute URL.")
            .arg(base.toDisplayString(QUrl::RemoveUserInfo));
    // Credentials in the address would be stored in the settings and shown wherever the address
    // is (logs, the audit trail, "copy as curl"): refused, never used.
    if (!base.userInfo().isEmpty() || base.authority().contains(QLatin1Char('@')))
        return QCoreApplication::translate("sd::Api",
                                           "The server address must not contain a user name or "
                                           "password: they would be stored and shown with it. "
                                           "Give an access token instead.");
    const QString scheme = base.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QCoreApplication::translate("sd::Api",
                                           "The server address must start with http:// or https://.");
    return {};
}

QUrl supportUrl(const QUrl &base, const QString &orderId, bool agent)
{
    const QByteArray encoded = supportUrlEncoded(base, orderId, agent);
    return encoded.isEmpty() ? QUrl() : QUrl::fromEncoded(encoded, QUrl::StrictMode);
}

QByteArray supportUrlEncoded(const QUrl &base, const QString &orderId, bool agent)
{
    if (!baseUrlProblem(base).isEmpty())
        return {};
    QByteArray prefix = base.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment)
                            .toEncoded(QUrl::FullyEncoded);
    while (prefix.endsWith('/'))
        prefix.chop(1);
    QByteArray encoded = prefix + "/support/" + encodeOrderId(orderId);
    if (agent)
        encoded += "/agent";
    return encoded;
}

} // namespace sd
