#include "apierror.h"

#include <QCoreApplication>

namespace sd {

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::InvalidInput: return QStringLiteral("invalid input");
    case Kind::Refused: return QStringLiteral("refused");
    case Kind::Server: return QStringLiteral("server error");
    case Kind::Network: return QStringLiteral("network error");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Tls: return QStringLiteral("TLS error");
    case Kind::InvalidResponse: return QStringLiteral("invalid response");
    case Kind::Conflict: return QStringLiteral("conflict");
    case Kind::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

bool ApiError::canSucceedOnRetry() const
{
    switch (kind) {
    case Kind::None:
    case Kind::InvalidInput:
        return false;
    case Kind::Refused:
        // 401 and 403 may pass with another token; 408 and 429 are transient.
        return httpStatus == 401 || httpStatus == 403 || httpStatus == 408 || httpStatus == 429;
    default:
        return true;
    }
}

QString ApiError::message() const
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("sd::ApiError", s); };
    const QString what = tr("Could not %1 order %2").arg(operationName(operation), orderId);
    QString why;
    switch (kind) {
    case Kind::None: return {};
    case Kind::InvalidInput: why = tr("the input is not valid"); break;
    case Kind::Refused:
        if (httpStatus == 401)
            why = tr("the server refused the access token (HTTP 401)");
        else if (httpStatus == 404 && code == QLatin1String("AGENT_NOT_ASSIGNED"))
            why = tr("no agent is assigned (HTTP 404)");
        else if (httpStatus == 404)
            why = tr("there is no open support session for it (HTTP 404)");
        else if (httpStatus == 409)
            why = tr("a support session for it is already open (HTTP 409)");
        else
            why = tr("the server refused the request (HTTP %1)").arg(httpStatus);
        break;
    case Kind::Server: why = tr("the server failed (HTTP %1)").arg(httpStatus); break;
    case Kind::Network: why = tr("the server could not be reached"); break;
    case Kind::Timeout: why = tr("the server did not answer in time"); break;
    case Kind::Tls: why = tr("the server's certificate could not be verified"); break;
    case Kind::InvalidResponse: why = tr("the server's answer was not a valid response"); break;
    case Kind::Conflict:
        why = tr("the session was changed by someone else since it was loaded");
        break;
    case Kind::Cancelled: why = tr("the request was cancelled"); break;
    }
    QString text = what + QStringLiteral(": ") + why + QLatin1Char('.');
    if (!serverMessage.isEmpty())
        text += QLatin1Char(' ') + tr("The server said: %1").arg(serverMessage);
    if (!detail.isEmpty())
        text += QLatin1Char(' ') + detail;
    return text;
}

} // namespace sd
