// JSON: parse + serialize of Support objects through the typed models, against plain
// nlohmann parsing and dumping of the same bytes, in one process. Prints the ratio.
#include "models.h"
#include "seed.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>

int main(int argc, char **argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 20000;
    const std::vector<std::string> docs = sd::seedSessions(count, 7);
    using clock = std::chrono::steady_clock;
    size_t sink = 0;
    double best_plain = 1e9, best_typed = 1e9;
    for (int round = 0; round < 5; ++round) {
        auto t0 = clock::now();
        for (const std::string &d : docs)
            sink += nlohmann::json::parse(d).dump().size();
        auto t1 = clock::now();
        for (const std::string &d : docs) {
            auto parsed = sd::parseSupport(d);
            sink += sd::serialize(*parsed.value).size();
        }
        auto t2 = clock::now();
        best_plain = std::min(best_plain, std::chrono::duration<double, std::milli>(t1 - t0).count());
        best_typed = std::min(best_typed, std::chrono::duration<double, std::milli>(t2 - t1).count());
    }
    std::printf("json_plain_ms %.1f\njson_typed_ms %.1f\njson_ratio %.2f\n(sink %zu, %d documents)\n",
                best_plain, best_typed, best_typed / best_plain, sink, count);
    return 0;
}
