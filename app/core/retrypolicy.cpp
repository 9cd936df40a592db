#include "retrypolicy.h"

#include <QLocale>
#include <QTimeZone>
#include <algorithm>
#include <cmath>
#include <limits>

namespace sd {

bool RetryPolicy::isTransientStatus(int s)
{
    return s == 408 || s == 429 || s == 500 || s == 502 || s == 503 || s == 504;
}

bool RetryPolicy::isRetryableMethod(const QByteArray &method)
{
    return method == "GET" || method == "PUT" || method == "DELETE";
}

int RetryPolicy::backoffMs(int retry, double jitter01) const
{
    const double exp = std::pow(2.0, std::clamp(retry - 1, 0, 30));
    const double base = std::min<double>(double(baseDelayMs) * exp, double(maxDelayMs));
    const double jittered = base * (0.5 + std::clamp(jitter01, 0.0, 1.0));
    return int(std::min<double>(jittered, double(maxDelayMs)));
}

std::optional<qint64> RetryPolicy::parseRetryAfterMs(const QByteArray &raw, const QDateTime &now)
{
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    const QByteArray value = raw.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    const bool negative = value.startsWith('-');
    const QByteArrayView digits = QByteArrayView(value).sliced(negative ? 1 : 0);
    if (!digits.isEmpty() && std::all_of(digits.begin(), digits.end(), isDigit)) {
        if (negative)
            return std::nullopt; // SEMANTICS.md: a negative one counts as absent
        // delta-seconds of any length, saturating: a wait too long to count is still too long
        // to wait for, never a small or negative number after an overflow.
        qint64 seconds = 0;
        for (const char c : digits) {
            const int d = c - '0';
            if (seconds > (kMax - d) / 10)
                return kMax;
            seconds = seconds * 10 + d;
        }
        return seconds > kMax / 1000 ? kMax : seconds * 1000;
    }
    // An HTTP date is short; anything longer is not one (and not worth parsing).
    if (value.size() > 64)
        return std::nullopt;
    // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"; also RFC 2822 with an offset.
    const QString text = QString::fromLatin1(value);
    QDateTime when = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (when.isValid())
        when.setTimeZone(QTimeZone::utc());
    else
        when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return std::max<qint64>(0, now.msecsTo(when));
}

} // namespace sd
