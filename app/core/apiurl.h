// Order IDs and request URLs (SEMANTICS.md, "The order ID").
#pragma once

#include <QString>
#include <QUrl>

namespace sd {

constexpr int kMaxOrderIdBytes = 1024;

// Empty when the ID may be sent; else why not (a translated sentence).
QString orderIdProblem(const QString &orderId);
// RFC 3986 percent-encoding of one path segment: unreserved characters stay, all else %XX.
// ("." and ".." are refused by orderIdProblem(): they cannot travel as one segment.)
QByteArray encodeOrderId(const QString &orderId);
// base (with or without trailing slash or a path prefix) + "/support/{id}" [+ "/agent"].
// Invalid QUrl when the base is not an absolute http(s) URL.
QUrl supportUrl(const QUrl &base, const QString &orderId, bool agent);
// The same URL as bytes, exactly as it travels.
QByteArray supportUrlEncoded(const QUrl &base, const QString &orderId, bool agent);
// Empty when usable as a server base URL; else why not. An address with a user name or
// password ("https://user:pw@host/") is refused.
QString baseUrlProblem(const QUrl &base);

} // namespace sd
