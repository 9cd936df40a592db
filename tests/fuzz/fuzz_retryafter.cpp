// RetryPolicy::parseRetryAfterMs on any header value a server may send (delta-seconds or an
// HTTP date): no overflow (UBSan stops on one), never a negative wait, and the backoff that
// follows stays within its cap for every retry number a client can reach.
#include "fuzzsupport.h"
#include "retrypolicy.h"

#include <QDateTime>
#include <QTimeZone>

#include <cstring>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray value = fuzz::bytes(data, size);
    // A fixed "now", so a finding reproduces from its input alone.
    static const QDateTime now(QDate(2026, 3, 14), QTime(15, 9, 26), QTimeZone::utc());
    if (const auto ms = sd::RetryPolicy::parseRetryAfterMs(value, now))
        FUZZ_CHECK(*ms >= 0);

    // The first bytes as a retry number and a jitter: backoffMs must hold its bounds for every
    // retry a client can reach (1-based, up to any --retries) and every jitter in [0, 1).
    if (size >= 2 * sizeof(uint32_t)) {
        uint32_t rawRetry = 0, rawJitter = 0;
        std::memcpy(&rawRetry, data, sizeof rawRetry);
        std::memcpy(&rawJitter, data + sizeof rawRetry, sizeof rawJitter);
        const int retry = int(rawRetry % 0x7fffffffu) + 1;
        const double jitter01 = double(rawJitter) / 4294967296.0;
        const sd::RetryPolicy policy;
        const int delay = policy.backoffMs(retry, jitter01);
        FUZZ_CHECK(delay >= 0 && delay <= policy.maxDelayMs);
    }
    return 0;
}
