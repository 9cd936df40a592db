// Internal to the API client's files (apiclient.cpp, apireply.cpp).
#pragma once

#include <QByteArray>

namespace sd::detail {

inline bool isJsonContentType(const QByteArray &contentType)
{
    const QByteArray mime = contentType.split(';').first().trimmed().toLower();
    return mime == "application/json" || (mime.startsWith("application/") && mime.endsWith("+json"));
}

inline bool isBlank(const QByteArray &body)
{
    return body.trimmed().isEmpty();
}

} // namespace sd::detail
