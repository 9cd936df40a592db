// The one way JSON from outside (a server's answer, a request body, a file, a database row) is
// parsed: bounded in size and nesting depth before nlohmann builds anything. nlohmann copies,
// compares and dumps values recursively, so a value nested 100,000 levels deep overflows the
// stack long after it was parsed; bounding the depth at the entry point keeps every later use safe.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <string>
#include <string_view>

class QIODevice;

namespace sd {

// Deep enough for any Support document with extensions (its own schema is 5 levels deep).
inline constexpr int kMaxJsonDepth = 64;
// One document: a response, a request body, one stored session, one line of a file.
inline constexpr std::size_t kMaxJsonBytes = std::size_t(64) << 20;
// A whole file that is one document (the sandbox's data file, the earlier workspace format).
inline constexpr std::size_t kMaxJsonFileBytes = std::size_t(2) << 30;

struct JsonLimits
{
    int maxDepth = kMaxJsonDepth;
    std::size_t maxBytes = kMaxJsonBytes;
};

struct JsonError
{
    enum class Kind { None, TooLarge, TooDeep, Syntax };
    Kind kind = Kind::None;
    std::size_t limit = 0;  // the depth or byte limit that was exceeded
    std::size_t offset = 0; // byte offset of the problem (0-based)
    std::size_t line = 0;   // 1-based; 0 when unknown (TooLarge)
    std::size_t column = 0; // 1-based, in bytes
    std::string message;    // English, for API error bodies and parse results:
                            // "nested deeper than 64 levels", "not valid JSON: ..."

    bool isError() const { return kind != Kind::None; }
    // A translated sentence naming the line and column, for messages about files.
    QString text() const;
};

// Checks `text` against `limits` with one linear scan (no recursion, nothing allocated), then
// parses it into `out`. On failure `out` is null and the error says what and where.
JsonError parseJsonBounded(std::string_view text, nlohmann::json &out,
                           const JsonLimits &limits = {});

// The scan alone: the first place where `text` is too large or nested too deep.
JsonError checkJsonBounds(std::string_view text, const JsonLimits &limits = {});

// Nesting depth of an already built value (a scalar is 0, `[]` is 1), without recursion.
// Stops once it exceeds `stopAbove`, returning stopAbove + 1.
int jsonDepth(const nlohmann::json &value, int stopAbove = kMaxJsonDepth);

// At most maxBytes + 1 bytes of `device` (one more than allowed tells a larger input), read in
// pieces: QIODevice::read(n) allocates all n bytes up front, gigabytes for a bound that large.
QByteArray readAtMost(QIODevice &device, qint64 maxBytes);

} // namespace sd
