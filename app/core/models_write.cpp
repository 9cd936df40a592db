// Writing the models as JSON (reading them is in models.cpp): every known field, then the
// unknown ones kept in `extra`, unchanged.
#include "models.h"
#include "models_p.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace sd {

using detail::dumpSafe;

namespace {

// ---- writing -------------------------------------------------------------------------------

json start(const RawJson &extra)
{
    return extra.isNull() ? json::object() : extra.value();
}

void put(json &j, const char *key, const OptString &v)
{
    if (v)
        j[key] = *v;
}

void put(json &j, const char *key, const std::optional<RawJson> &v)
{
    if (v)
        j[key] = v->value();
}

json write(const NameCode &v)
{
    json j = start(v.extra);
    put(j, "name", v.name);
    put(j, "code", v.code);
    return j;
}

json write(const AdditionalDesc &v)
{
    json j = start(v.extra);
    put(j, "url", v.url);
    put(j, "content_type", v.contentType);
    return j;
}

json write(const Descriptor &v)
{
    json j = start(v.extra);
    put(j, "name", v.name);
    put(j, "code", v.code);
    put(j, "short_desc", v.shortDesc);
    put(j, "long_desc", v.longDesc);
    if (v.additionalDesc)
        j["additional_desc"] = write(*v.additionalDesc);
    put(j, "media", v.media);
    put(j, "images", v.images);
    return j;
}

json write(const Contact &v)
{
    json j = start(v.extra);
    put(j, "phone", v.phone);
    put(j, "email", v.email);
    put(j, "jcard", v.jcard);
    return j;
}

json write(const Person &v)
{
    json j = start(v.extra);
    put(j, "id", v.id);
    put(j, "url", v.url);
    put(j, "name", v.name);
    put(j, "gender", v.gender);
    put(j, "dob", v.dob);
    put(j, "age", v.age);
    put(j, "image", v.image);
    put(j, "creds", v.creds);
    put(j, "languages", v.languages);
    put(j, "skills", v.skills);
    put(j, "tags", v.tags);
    return j;
}

json write(const Organization &v)
{
    json j = start(v.extra);
    if (v.descriptor)
        j["descriptor"] = write(*v.descriptor);
    put(j, "address", v.address);
    if (v.state)
        j["state"] = write(*v.state);
    if (v.city)
        j["city"] = write(*v.city);
    if (v.contact)
        j["contact"] = write(*v.contact);
    return j;
}

json write(const Agent &v)
{
    json j = start(v.extra);
    put(j, "id", v.id);
    if (v.person)
        j["person"] = write(*v.person);
    if (v.contact)
        j["contact"] = write(*v.contact);
    if (v.organization)
        j["organization"] = write(*v.organization);
    if (v.rating && !v.rating->value.isNull())
        j["rating"] = v.rating->value.value();
    return j;
}

json write(const Chat &v)
{
    json j = start(v.extra);
    put(j, "url", v.url);
    put(j, "session_id", v.sessionId);
    return j;
}

json write(const Faq &v)
{
    json j = start(v.extra);
    put(j, "url", v.url);
    put(j, "mime_type", v.mimeType);
    return j;
}

json write(const Support &v)
{
    json j = start(v.extra);
    if (v.descriptor)
        j["descriptor"] = write(*v.descriptor);
    put(j, "order_id", v.orderId);
    put(j, "callback_phone", v.callbackPhone);
    if (v.chat)
        j["chat"] = write(*v.chat);
    if (v.faq)
        j["faq"] = write(*v.faq);
    if (v.agent)
        j["agent"] = write(*v.agent);
    return j;
}


} // namespace

void to_json(json &j, const Support &s)
{
    j = write(s);
}

void to_json(json &j, const Agent &a)
{
    j = write(a);
}

std::string serialize(const Support &s, int indent)
{
    return dumpSafe(write(s), indent);
}

std::string serialize(const Agent &a, int indent)
{
    return dumpSafe(write(a), indent);
}

std::string serializeError(const std::string &code, const std::string &message,
                           const std::string &paths)
{
    json err = {{"code", code}, {"message", message}};
    if (!paths.empty())
        err["paths"] = paths;
    return dumpSafe(json{{"error", err}}, -1);
}

} // namespace sd
