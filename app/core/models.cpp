#include "models.h"

#include "jsonlimits.h"
#include "models_p.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <stdexcept>
#include <vector>

using nlohmann::json;

namespace sd {

using detail::dumpSafe;

// ---- RawJson -------------------------------------------------------------------------------

RawJson::RawJson() = default;
RawJson::RawJson(const json &value) : m_value(std::make_unique<json>(value)) {}
RawJson::RawJson(const RawJson &other)
    : m_value(other.m_value ? std::make_unique<json>(*other.m_value) : nullptr)
{
}
RawJson::RawJson(RawJson &&other) noexcept = default;
RawJson &RawJson::operator=(const RawJson &other)
{
    if (this != &other)
        m_value = other.m_value ? std::make_unique<json>(*other.m_value) : nullptr;
    return *this;
}
RawJson &RawJson::operator=(RawJson &&other) noexcept = default;
RawJson::~RawJson() = default;

const json &RawJson::value() const
{
    static const json emptyObject = json::object();
    return m_value ? *m_value : emptyObject;
}

json &RawJson::mutableValue()
{
    if (!m_value)
        m_value = std::make_unique<json>(json::object());
    return *m_value;
}

std::string RawJson::dump(int indent) const
{
    return value().dump(indent, ' ', false, json::error_handler_t::replace);
}

bool RawJson::operator==(const RawJson &other) const
{
    // An absent value and an empty object mean the same: no extra fields.
    return value() == other.value();
}

// ---- parsing -------------------------------------------------------------------------------

namespace {

struct ValidationError : std::runtime_error
{
    std::string path;
    ValidationError(std::string p, const std::string &what)
        : std::runtime_error(what), path(std::move(p))
    {
    }
};

const char *typeName(const json &j)
{
    switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "object";
    case json::value_t::array: return "array";
    case json::value_t::string: return "string";
    case json::value_t::boolean: return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "number";
    default: return "value";
    }
}

std::string escapePointer(const std::string &key)
{
    std::string out;
    out.reserve(key.size());
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

[[noreturn]] void fail(const std::string &path, const char *expected, const json &got)
{
    throw ValidationError(path, std::string("expected ") + expected + ", got " + typeName(got));
}

// Walks one JSON object: known keys are taken by the typed readers, the rest (and known keys
// that are null) go to `extra`.
class ObjectReader
{
public:
    ObjectReader(const json &j, std::string path) : m_json(j), m_path(std::move(path))
    {
        if (!j.is_object())
            fail(m_path.empty() ? std::string() : m_path, "an object", j);
    }

    template<typename F>
    void field(const char *key, F &&read)
    {
        auto it = m_json.find(key);
        if (it == m_json.end())
            return;
        m_taken += 1;
        m_seen.push_back(key);
        if (it->is_null())
            return; // kept in extra by finish()
        read(*it, m_path + "/" + escapePointer(key));
    }

    void string(const char *key, OptString &out)
    {
        field(key, [&](const json &v, const std::string &p) {
            if (!v.is_string())
                fail(p, "a string", v);
            out = v.get_ref<const std::string &>();
        });
    }

    void rawObject(const char *key, std::optional<RawJson> &out)
    {
        field(key, [&](const json &v, const std::string &p) {
            if (!v.is_object())
                fail(p, "an object", v);
            out = RawJson(v);
        });
    }

    void rawArray(const char *key, std::optional<RawJson> &out)
    {
        field(key, [&](const json &v, const std::string &p) {
            if (!v.is_array())
                fail(p, "an array", v);
            out = RawJson(v);
        });
    }

    template<typename T, typename ReadFn>
    void object(const char *key, std::optional<T> &out, ReadFn readFn)
    {
        field(key, [&](const json &v, const std::string &p) { out = readFn(v, p); });
    }

    RawJson finish() const
    {
        // Fast path: every key was a known, non-null field.
        if (m_taken == m_json.size()) {
            bool anyNull = false;
            for (const char *k : m_seen)
                anyNull = anyNull || m_json.find(k)->is_null();
            if (!anyNull)
                return {};
        }
        json extra = json::object();
        for (auto it = m_json.begin(); it != m_json.end(); ++it) {
            bool known = false;
            for (const char *k : m_seen)
                known = known || it.key() == k;
            if (!known || it->is_null())
                extra[it.key()] = *it;
        }
        return extra.empty() ? RawJson() : RawJson(extra);
    }

private:
    const json &m_json;
    std::string m_path;
    std::size_t m_taken = 0;
    std::vector<const char *> m_seen;
};

NameCode readNameCode(const json &j, const std::string &path)
{
    ObjectReader r(j, path);
    NameCode v;
    r.string("name", v.name);
    r.string("code", v.code);
    v.extra = r.finish();
    return v;
}

AdditionalDesc readAdditionalDesc(const json &j, const std::string &path)
{
    ObjectReader r(j, path);
    AdditionalDesc v;
    r.string("url", v.url);
    r.string("content_type", v.contentType);
    v.extra = r.finish();
    return v;
}

Descriptor readDescriptor(const json &j, const std::string &path)
{
    ObjectReader r(j, path);
    Descriptor v;
    r.string("name", v.name);
    r.string("code", v.code);
    r.string("short_desc", v.shortDesc);
    r.string("long_desc", v.longDesc);
    r.object("additional_desc", v.additionalDesc, readAdditionalDesc);
    r.rawArray("media", v.media);
    r.rawArray("images", v.images);
    v.extra = r.finish();
    return v;
}

Contact readContact(const json &j, const std::string &path)
{
    ObjectReader r(j, path);
    Contact v;
    r.string("phone", v.phone);
    r.string("email", v.email);
    r.rawObject("jcard", v.jcard);
    v.extra = r.finish();
    return v;
}

Person readPerson(const json &j, const std::string &path)
{
    ObjectReader r(j, path);
    Person v;
    r.string("id", v.id);
    r.string("url", v.url);
    r.string("name", v.name);
    r.string("gender", v.gender);
    r.string("dob", v.dob);
    r.string("age", v.age);
    r.rawObject("image", v.image);
    r.rawArray("creds", v.creds);
    r.rawArray("languages", v.languages);
    r.rawArray("skills", v.skills);
    r.rawArray("tags", v.tags);
    v.extra = r.finish();
    return v;
}

Organization readOrganization(const json &j, const std::string &path)
{
    ObjectReader r(j, path);
    Organization v;
    r.object("descriptor", v.descriptor, readDescriptor);
    r.string("address", v.address);
    r.object("state", v.state, readNameCode);
    r.object("city", v.city, readNameCode);
    r.object("contact", v.contact, readContact);
    v.extra = r.finish();
    return v;
}

Rating readRating(const json &j, const std::string &path)
{
    if (!j.is_string() && !j.is_number())
        fail(path, "a string or a number", j);
    if (j.is_number_float() && !std::isfinite(j.get<double>()))
        fail(path, "a finite number", j);
    return Rating{RawJson(j)};
}

Agent readAgent(const json &j, const std::string &path)
{
    ObjectReader r(j, path);
    Agent v;
    r.string("id", v.id);
    r.object("person", v.person, readPerson);
    r.object("contact", v.contact, readContact);
    r.object("organization", v.organization, readOrganization);
    r.object("rating", v.rating, readRating);
    v.extra = r.finish();
    return v;
}

Chat readChat(const json &j, const std::string &path)
{
    ObjectReader r(j, path);
    Chat v;
    r.string("url", v.url);
    r.string("session_id", v.sessionId);
    v.extra = r.finish();
    return v;
}

Faq readFaq(const json &j, const std::string &path)
{
    ObjectReader r(j, path);
    Faq v;
    r.string("url", v.url);
    r.string("mime_type", v.mimeType);
    v.extra = r.finish();
    return v;
}

Support readSupport(const json &j, const std::string &path)
{
    ObjectReader r(j, path);
    Support v;
    r.object("descriptor", v.descriptor, readDescriptor);
    r.string("order_id", v.orderId);
    r.string("callback_phone", v.callbackPhone);
    r.object("chat", v.chat, readChat);
    r.object("faq", v.faq, readFaq);
    r.object("agent", v.agent, readAgent);
    v.extra = r.finish();
    return v;
}

template<typename T, typename ReadFn>
ParseResult<T> fromJsonValue(const json &j, ReadFn readFn)
{
    ParseResult<T> result;
    try {
        result.value = readFn(j, std::string());
    } catch (const ValidationError &e) {
        result.errorPath = e.path;
        result.errorMessage = e.what();
    }
    return result;
}

// A value built elsewhere may be nested deeper than the bounded parser allows; the readers and
// RawJson recurse, so it is refused before they see it.
template<typename T, typename ReadFn>
ParseResult<T> fromCheckedJsonValue(const json &j, ReadFn readFn)
{
    if (jsonDepth(j, kMaxJsonDepth) > kMaxJsonDepth) {
        ParseResult<T> result;
        result.errorMessage = "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
        return result;
    }
    return fromJsonValue<T>(j, readFn);
}

template<typename T, typename ReadFn>
ParseResult<T> parseText(std::string_view text, ReadFn readFn)
{
    json j;
    const JsonError error = parseJsonBounded(text, j);
    if (error.isError()) {
        ParseResult<T> result;
        result.errorMessage = error.message;
        return result;
    }
    return fromJsonValue<T>(j, readFn);
}

} // namespace

std::string Rating::text() const
{
    if (value.isNull())
        return {};
    const json &v = value.value();
    if (v.is_string())
        return v.get<std::string>();
    return dumpSafe(v, -1);
}

Rating Rating::fromText(const std::string &text)
{
    return Rating{RawJson(json(text))};
}

std::string Agent::displayName() const
{
    if (person && person->name && !person->name->empty())
        return *person->name;
    return id.value_or(std::string());
}

ParseResult<Support> parseSupport(std::string_view text)
{
    return parseText<Support>(text, readSupport);
}

ParseResult<Agent> parseAgent(std::string_view text)
{
    return parseText<Agent>(text, readAgent);
}

ParseResult<Support> supportFromJson(const json &j)
{
    return fromCheckedJsonValue<Support>(j, readSupport);
}

ParseResult<Agent> agentFromJson(const json &j)
{
    return fromCheckedJsonValue<Agent>(j, readAgent);
}

std::optional<ApiErrorBody> parseErrorBody(std::string_view text)
{
    json j;
    if (parseJsonBounded(text, j).isError() || !j.is_object())
        return std::nullopt;
    auto it = j.find("error");
    if (it == j.end() || !it->is_object())
        return std::nullopt;
    ApiErrorBody body;
    auto str = [&](const char *key, OptString &out) {
        auto f = it->find(key);
        if (f != it->end()) {
            if (f->is_string())
                out = f->get<std::string>();
            else if (!f->is_null())
                out = dumpSafe(*f, -1);
        }
    };
    str("code", body.code);
    str("message", body.message);
    str("paths", body.paths);
    return body;
}

} // namespace sd
