// Internal to models.cpp and models_write.cpp.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace sd::detail {

// Invalid UTF-8 from a server is replaced rather than thrown on.
inline std::string dumpSafe(const nlohmann::json &j, int indent)
{
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace sd::detail
