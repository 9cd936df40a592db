// Realistic sample sessions for demos, tests and benchmarks.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sd {

// `count` Support objects as JSON text, deterministic for a given seed. Order IDs are
// "ORD-" followed by six digits, and every 17th one contains a slash ("ORD/2026/...").
std::vector<std::string> seedSessions(int count, std::uint32_t seed);

} // namespace sd
