// Typed values of the Support Management schemas (Support, Agent and what they reference).
//
// Every field is optional. Fields a struct does not model are kept in `extra` and written back
// unchanged, at every level, so parse-then-serialize yields the same JSON value. Known fields
// that arrive as JSON null are treated as absent but kept in `extra` for the same reason.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace sd {

// An opaque JSON value (usually an object or array), cheap to copy when empty. Keeps the full
// nlohmann header out of every file that includes the models.
class RawJson
{
public:
    RawJson();
    RawJson(const nlohmann::json &value);
    RawJson(const RawJson &other);
    RawJson(RawJson &&other) noexcept;
    RawJson &operator=(const RawJson &other);
    RawJson &operator=(RawJson &&other) noexcept;
    ~RawJson();

    bool isNull() const { return !m_value; }
    // Empty object when null.
    const nlohmann::json &value() const;
    nlohmann::json &mutableValue();
    std::string dump(int indent = -1) const;
    bool operator==(const RawJson &other) const;

private:
    std::unique_ptr<nlohmann::json> m_value;
};

using OptString = std::optional<std::string>;

struct NameCode
{
    OptString name;
    OptString code;
    RawJson extra;
    bool operator==(const NameCode &) const = default;
};

struct AdditionalDesc
{
    OptString url;
    OptString contentType; // "content_type"
    RawJson extra;
    bool operator==(const AdditionalDesc &) const = default;
};

struct Descriptor
{
    OptString name;
    OptString code;
    OptString shortDesc; // "short_desc"
    OptString longDesc;  // "long_desc"
    std::optional<AdditionalDesc> additionalDesc;
    std::optional<RawJson> media;  // array of MediaFile, kept as JSON
    std::optional<RawJson> images; // array of Image, kept as JSON
    RawJson extra;
    bool operator==(const Descriptor &) const = default;
};

struct Contact
{
    OptString phone;
    OptString email;
    std::optional<RawJson> jcard; // object
    RawJson extra;
    bool operator==(const Contact &) const = default;
};

struct Person
{
    OptString id;
    OptString url;
    OptString name;
    OptString gender;
    OptString dob;
    OptString age;                 // ISO 8601 duration
    std::optional<RawJson> image;  // object
    std::optional<RawJson> creds;  // arrays, kept as JSON
    std::optional<RawJson> languages;
    std::optional<RawJson> skills;
    std::optional<RawJson> tags;
    RawJson extra;
    bool operator==(const Person &) const = default;
};

struct Organization
{
    std::optional<Descriptor> descriptor;
    OptString address;
    std::optional<NameCode> state;
    std::optional<NameCode> city;
    std::optional<Contact> contact;
    RawJson extra;
    bool operator==(const Organization &) const = default;
};

// Rating value: the spec says string, real platforms send numbers too. The original JSON
// value is kept so that it round-trips with its type.
struct Rating
{
    RawJson value; // a JSON string or number
    std::string text() const;
    static Rating fromText(const std::string &text);
    bool operator==(const Rating &) const = default;
};

struct Agent
{
    OptString id;
    std::optional<Person> person;
    std::optional<Contact> contact;
    std::optional<Organization> organization;
    std::optional<Rating> rating;
    RawJson extra;
    bool operator==(const Agent &) const = default;

    // Display helpers: name if known, else the id.
    std::string displayName() const;
};

struct Chat
{
    OptString url;
    OptString sessionId; // "session_id"
    RawJson extra;
    bool operator==(const Chat &) const = default;
};

struct Faq
{
    OptString url;
    OptString mimeType; // "mime_type"
    RawJson extra;
    bool operator==(const Faq &) const = default;
};

struct Support
{
    std::optional<Descriptor> descriptor;
    OptString orderId; // "order_id"
    OptString callbackPhone; // "callback_phone"
    std::optional<Chat> chat;
    std::optional<Faq> faq;
    std::optional<Agent> agent;
    RawJson extra;
    bool operator==(const Support &) const = default;
};

struct ApiErrorBody
{
    OptString code;
    OptString message;
    OptString paths;
};

// The outcome of parsing: a value, or the JSON path and reason of the first problem.
template<typename T>
struct ParseResult
{
    std::optional<T> value;
    std::string errorPath;    // JSON pointer, e.g. "/agent/contact/phone"; "" is the root
    std::string errorMessage; // e.g. "expected a string, got number"
    bool ok() const { return value.has_value(); }
};

// Through parseJsonBounded (jsonlimits.h): text over 64 MiB or nested deeper than 64 levels is
// an error ("nested deeper than 64 levels (line 1, column 80)"), as is text that is not JSON.
ParseResult<Support> parseSupport(std::string_view json);
ParseResult<Agent> parseAgent(std::string_view json);
// `{"error": {...}}`; nullopt when the body is not of that shape.
std::optional<ApiErrorBody> parseErrorBody(std::string_view json);

// From an already parsed JSON value (used by the sandbox and bulk paths). A value nested deeper
// than kMaxJsonDepth is an error here too.
ParseResult<Support> supportFromJson(const nlohmann::json &j);
ParseResult<Agent> agentFromJson(const nlohmann::json &j);

void to_json(nlohmann::json &j, const Support &s);
void to_json(nlohmann::json &j, const Agent &a);

std::string serialize(const Support &s, int indent = -1);
std::string serialize(const Agent &a, int indent = -1);
std::string serializeError(const std::string &code, const std::string &message,
                           const std::string &paths = {});

} // namespace sd
