// The Support and Agent JSON models (models.h) on any bytes a server or a file may hold: parsing
// never crashes, and what parses serializes back to the same JSON value and parses again equal.
#include "fuzzsupport.h"
#include "models.h"

#include <nlohmann/json.hpp>

#include <string_view>

using nlohmann::json;

namespace {

template<typename T, typename Parse>
void roundTrip(std::string_view text, Parse parse)
{
    const sd::ParseResult<T> first = parse(text);
    if (!first.ok()) {
        FUZZ_CHECK(!first.errorMessage.empty());
        return;
    }
    FUZZ_CHECK(first.errorMessage.empty());
    const std::string written = sd::serialize(*first.value);
    // Unknown fields are kept at every level: the same JSON value comes back (models.h). Only
    // compared once the model accepted the text, so the comparison stays within its limits.
    const json original = json::parse(text.begin(), text.end());
    const json rewritten = json::parse(written);
    FUZZ_CHECK(original == rewritten);
    const sd::ParseResult<T> second = parse(written);
    FUZZ_CHECK(second.ok());
    FUZZ_CHECK(*second.value == *first.value);
    FUZZ_CHECK(sd::serialize(*second.value) == written);
    (void)sd::serialize(*first.value, 2);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    roundTrip<sd::Support>(text, [](std::string_view t) { return sd::parseSupport(t); });
    roundTrip<sd::Agent>(text, [](std::string_view t) { return sd::parseAgent(t); });

    if (const auto support = sd::parseSupport(text); support.ok() && support.value->agent) {
        const sd::Agent &agent = *support.value->agent;
        (void)agent.displayName();
        if (agent.rating)
            (void)agent.rating->text();
    }
    if (const auto error = sd::parseErrorBody(text)) {
        (void)error->code;
        (void)error->message;
    }
    return 0;
}
