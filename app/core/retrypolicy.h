// When and how long to wait before trying a request again (SEMANTICS.md, "Tolerance").
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <optional>

namespace sd {

struct RetryPolicy
{
    int maxRetries = 3;          // retries after the first attempt
    int baseDelayMs = 500;       // first backoff; doubles each retry
    int maxDelayMs = 30'000;     // cap of one backoff
    int maxRetryAfterMs = 120'000; // a longer Retry-After is not waited for: the error is final

    // 408, 429, 500, 502, 503, 504: the transient statuses, as curl's --retry counts them.
    static bool isTransientStatus(int httpStatus);
    // Idempotent methods may be retried; POST never once sent.
    static bool isRetryableMethod(const QByteArray &method);
    // Backoff before retry number `retry` (1-based): base * 2^(retry-1), capped, with jitter
    // drawn from [0.5, 1.5) of that value. `jitter01` in [0, 1) makes it testable.
    int backoffMs(int retry, double jitter01) const;
    // Retry-After as delta-seconds or an HTTP date; nullopt when absent, negative or unreadable.
    // Saturates at the largest qint64 (however many digits): callers compare it with what they
    // are willing to wait and must clamp it before handing it to a timer.
    static std::optional<qint64> parseRetryAfterMs(const QByteArray &value,
                                                   const QDateTime &now);
};

} // namespace sd
