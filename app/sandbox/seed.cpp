#include "seed.h"

#include <nlohmann/json.hpp>

#include <random>

using nlohmann::json;

namespace sd {

namespace {
const char *const kFirst[] = {"Amara", "Jonas", "Priya", "Kwame", "Sofia", "Mateo", "Aiko", "Lena",
                              "Omar", "Chloe", "Ravi", "Zanele", "Ingrid", "Tomás", "Mei", "Yusuf"};
const char *const kLast[] = {"Okafor", "Schmidt", "Nair", "Mensah", "Rossi", "García", "Tanaka",
                             "Novak", "Haddad", "Dubois", "Kumar", "Dlamini", "Berg", "Silva"};
const char *const kOrgs[] = {"Swift Logistics", "GreenCart Marketplace", "Metro Couriers",
                             "Sunrise Foods Cooperative", "Harbor Freight Partners"};
const char *const kCities[][2] = {{"Kigali", "KGL"}, {"Berlin", "BER"}, {"Bengaluru", "BLR"},
                                  {"Accra", "ACC"}, {"Lisbon", "LIS"}};
const char *const kTopics[][2] = {
    {"Delivery delayed", "The parcel has not arrived on the promised date."},
    {"Wrong item received", "The customer received a different product than ordered."},
    {"Refund request", "The customer asks for a refund of a damaged item."},
    {"Payment failed", "The card was charged but the order shows as unpaid."},
    {"Address change", "The customer wants the delivery sent to a new address."},
    {"Missing invoice", "The invoice was not attached to the confirmation e-mail."}};
} // namespace

std::vector<std::string> seedSessions(int count, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return int(rng() % std::uint32_t(n)); };
    std::vector<std::string> out;
    out.reserve(size_t(std::max(0, count)));
    for (int i = 0; i < count; ++i) {
        const int number = 100001 + i;
        std::string orderId = (i % 17 == 16) ? "ORD/2026/" + std::to_string(number)
                                             : "ORD-" + std::to_string(number);
        const auto &topic = kTopics[pick(6)];
        json s = {{"order_id", orderId},
                  {"callback_phone", "+49 30 " + std::to_string(5550000 + pick(9999))},
                  {"descriptor", {{"name", topic[0]}, {"short_desc", topic[1]}, {"code", "SUP-" + std::to_string(pick(90) + 10)}}},
                  {"chat",
                   {{"url", "https://chat.example.org/s/" + std::to_string(number)},
                    {"session_id", "CS-" + std::to_string(700000 + i)}}},
                  {"faq", {{"url", "https://help.example.org/faq/orders.pdf"}, {"mime_type", "application/pdf"}}}};
        if (i % 5 == 3)
            s["x_priority"] = (i % 2) ? "high" : "normal"; // an extension field: must survive
        if (i % 6 != 5) { // about one in six is unassigned
            const int a = pick(40);
            const std::string first = kFirst[a % 16], last = kLast[a % 14];
            std::string mail = first + "." + last;
            for (char &c : mail)
                c = char(std::tolower(static_cast<unsigned char>(c)));
            const auto &city = kCities[a % 5];
            json agent = {{"id", "agent-" + std::to_string(1000 + a)},
                          {"person", {{"name", first + " " + last}}},
                          {"contact", {{"phone", "+49 40 " + std::to_string(6660000 + a * 37)}, {"email", mail + "@support.example.org"}}},
                          {"organization",
                           {{"descriptor", {{"name", kOrgs[a % 5]}}},
                            {"city", {{"name", city[0]}, {"code", city[1]}}}}}};
            // Ratings arrive as strings and as numbers from real platforms.
            if (a % 3 == 0)
                agent["rating"] = std::to_string(3 + a % 3) + ".5";
            else if (a % 3 == 1)
                agent["rating"] = 3 + a % 3;
            s["agent"] = std::move(agent);
        }
        out.push_back(s.dump());
    }
    return out;
}

} // namespace sd
