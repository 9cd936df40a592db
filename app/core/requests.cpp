#include "requests.h"

#include "apiurl.h"
#include "jsonlimits.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>
#include <utility>
#include <type_traits>

namespace sd {

namespace {

using json = nlohmann::json;

QString tr(const char *text)
{
    return QCoreApplication::translate("sd::Requests", text);
}

constexpr int kMaxIfMatchBytes = 8192;

// Calls f(std::type_identity<T>{}) for each request type T, in the variant's order, until f
// returns true; whether one did. The only walk over "every operation": the lookups below use it.
template<typename F, std::size_t... I>
constexpr bool anyRequestType(F &&f, std::index_sequence<I...>)
{
    return (f(std::type_identity<std::variant_alternative_t<I, ApiRequest>>{}) || ...);
}

template<typename F>
constexpr bool anyRequestType(F &&f)
{
    return anyRequestType(std::forward<F>(f), std::make_index_sequence<std::variant_size_v<ApiRequest>>{});
}

// What `get` reads of the request type tagged `op`.
template<typename Result, typename Get>
constexpr Result ofOperation(Operation op, Get get)
{
    Result out{};
    anyRequestType([&](auto type) {
        using T = typename decltype(type)::type;
        if (T::kOperation != op)
            return false;
        out = get(type);
        return true;
    });
    return out;
}

constexpr bool sameText(const char *a, const char *b)
{
    return std::string_view(a) == std::string_view(b);
}

constexpr bool isWriteMethod(const char *method)
{
    return !sameText(method, "GET");
}

// What is stored on disk must read back as the same operation: one type per tag, and no two
// writes recorded under one name (reads are never read back).
constexpr bool namesAreUnique()
{
    bool unique = true;
    anyRequestType([&](auto a) {
        using A = typename decltype(a)::type;
        anyRequestType([&](auto b) {
            using B = typename decltype(b)::type;
            if constexpr (!std::is_same_v<A, B>) {
                if (A::kOperation == B::kOperation || sameText(A::kKey, B::kKey)
                    || (isWriteMethod(A::kMethod) && isWriteMethod(B::kMethod) && sameText(A::kRecordName, B::kRecordName)))
                    unique = false;
            }
            return false;
        });
        return false;
    });
    return unique;
}
static_assert(namesAreUnique(), "each request type needs its own Operation, key and record name");

// Header values end at a line break: one inside would add headers of its own.
QString ifMatchProblem(const QByteArray &etag)
{
    if (etag.size() > kMaxIfMatchBytes)
        return tr("The version tag (If-Match) is longer than %1 bytes.").arg(kMaxIfMatchBytes);
    if (std::any_of(etag.begin(), etag.end(), [](char c) { return uchar(c) < 0x20 || uchar(c) == 0x7f; }))
        return tr("The version tag (If-Match) contains control characters.");
    return {};
}

} // namespace

Operation operationOf(const ApiRequest &request)
{
    return std::visit([](const auto &r) { return std::decay_t<decltype(r)>::kOperation; }, request);
}

QString orderIdOf(const ApiRequest &request)
{
    return std::visit([](const auto &r) { return r.orderId; }, request);
}

QByteArray methodOf(Operation op)
{
    return QByteArray(ofOperation<const char *>(op, [](auto type) { return decltype(type)::type::kMethod; }));
}

QByteArray methodOf(const ApiRequest &request)
{
    return methodOf(operationOf(request));
}

bool isWrite(Operation op)
{
    return methodOf(op) != "GET";
}

bool isWrite(const ApiRequest &request)
{
    return isWrite(operationOf(request));
}

const char *recordNameOf(Operation op)
{
    return ofOperation<const char *>(op, [](auto type) { return decltype(type)::type::kRecordName; });
}

std::optional<Operation> writeRecordedAs(QStringView name)
{
    std::optional<Operation> out;
    anyRequestType([&](auto type) {
        using T = typename decltype(type)::type;
        if (!isWriteMethod(T::kMethod) || name != QLatin1String(T::kRecordName))
            return false;
        out = T::kOperation;
        return true;
    });
    return out;
}

QString operationName(Operation op)
{
    return QCoreApplication::translate(
        "sd::Api", ofOperation<const char *>(op, [](auto type) { return decltype(type)::type::kDisplayName; }));
}

QString doneTextOf(Operation op)
{
    return QCoreApplication::translate(
        "sd::Api", ofOperation<const char *>(op, [](auto type) { return decltype(type)::type::kDoneText; }));
}

ApiRequest requestOf(Operation op, const QString &orderId)
{
    ApiRequest out;
    anyRequestType([&](auto type) {
        using T = typename decltype(type)::type;
        if (T::kOperation != op)
            return false;
        T r;
        r.orderId = orderId;
        out = std::move(r);
        return true;
    });
    return out;
}

ApiRequest withOrderId(ApiRequest request, const QString &orderId)
{
    std::visit([&orderId](auto &r) { r.orderId = orderId; }, request);
    return request;
}

std::vector<ApiRequest> requestsFor(const ApiRequest &request, const QStringList &orderIds)
{
    std::vector<ApiRequest> out;
    out.reserve(size_t(orderIds.size()));
    for (const QString &id : orderIds)
        out.push_back(withOrderId(request, id));
    return out;
}

QUrl urlOf(const ApiRequest &request, const QUrl &base)
{
    return std::visit(
        [&base](const auto &r) {
            return supportUrl(base, r.orderId, std::decay_t<decltype(r)>::kTargetsAgent);
        },
        request);
}

bool hasBody(const ApiRequest &request)
{
    if (const auto *c = std::get_if<CreateRequest>(&request))
        return c->body.has_value();
    return std::holds_alternative<ReplaceRequest>(request)
        || std::holds_alternative<AssignAgentRequest>(request);
}

QByteArray bodyOf(const ApiRequest &request)
{
    if (const auto *c = std::get_if<CreateRequest>(&request); c && c->body) {
        Support s = *c->body;
        s.orderId = c->orderId.toStdString();
        return QByteArray::fromStdString(serialize(s));
    }
    if (const auto *r = std::get_if<ReplaceRequest>(&request)) {
        Support s = r->whole;
        s.orderId = r->orderId.toStdString();
        return QByteArray::fromStdString(serialize(s));
    }
    if (const auto *a = std::get_if<AssignAgentRequest>(&request)) {
        Support s;
        s.orderId = a->orderId.toStdString();
        s.agent = a->agent;
        return QByteArray::fromStdString(serialize(s));
    }
    return {};
}

QByteArray ifMatchOf(const ApiRequest &request)
{
    return std::visit(
        [](const auto &r) -> QByteArray {
            if constexpr (std::decay_t<decltype(r)>::kHasIfMatch)
                return r.ifMatch;
            else
                return {};
        },
        request);
}

void setIfMatch(ApiRequest &request, const QByteArray &etag)
{
    std::visit(
        [&etag](auto &r) {
            if constexpr (std::decay_t<decltype(r)>::kHasIfMatch)
                r.ifMatch = etag;
        },
        request);
}

QString requestProblem(const ApiRequest &request)
{
    if (QString problem = orderIdProblem(orderIdOf(request)); !problem.isEmpty())
        return problem;
    if (const auto *a = std::get_if<AssignAgentRequest>(&request);
        a && (!a->agent.id || QString::fromStdString(*a->agent.id).trimmed().isEmpty()))
        return QCoreApplication::translate("sd::ApiClient", "An agent needs an ID.");
    return ifMatchProblem(ifMatchOf(request));
}

const char *requestKey(const ApiRequest &request)
{
    return std::visit([](const auto &r) { return std::decay_t<decltype(r)>::kKey; }, request);
}

QByteArray requestToJson(const ApiRequest &request)
{
    json j = json::object();
    j["request"] = requestKey(request);
    j["order_id"] = orderIdOf(request).toStdString();
    if (const QByteArray etag = ifMatchOf(request); !etag.isEmpty())
        j["if_match"] = etag.toStdString();
    if (const auto *c = std::get_if<CreateRequest>(&request); c && c->body)
        j["session"] = *c->body;
    if (const auto *r = std::get_if<ReplaceRequest>(&request))
        j["session"] = r->whole;
    if (const auto *a = std::get_if<AssignAgentRequest>(&request))
        j["agent"] = a->agent;
    // Strings from sessions may hold anything: never throw on invalid UTF-8.
    return QByteArray::fromStdString(j.dump(-1, ' ', false, json::error_handler_t::replace));
}

namespace {

template<typename T>
bool readOne(const json &j, ApiRequest *out, QString *error)
{
    T r;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string &key = it.key();
        const json &value = it.value();
        if (key == "request")
            continue;
        if (key == "order_id") {
            if (!value.is_string()) {
                *error = tr("The order ID is not a string.");
                return false;
            }
            r.orderId = QString::fromStdString(value.template get<std::string>());
        } else if (key == "if_match" && T::kHasIfMatch) {
            if (!value.is_string()) {
                *error = tr("The version tag (If-Match) is not a string.");
                return false;
            }
            if constexpr (T::kHasIfMatch)
                r.ifMatch = QByteArray::fromStdString(value.template get<std::string>());
        } else if (key == "session"
                   && (std::is_same_v<T, CreateRequest> || std::is_same_v<T, ReplaceRequest>)) {
            auto s = supportFromJson(value);
            if (!s.ok()) {
                *error = tr("The session is not valid: %1 at \"%2\".")
                             .arg(QString::fromStdString(s.errorMessage),
                                  QString::fromStdString("/session" + s.errorPath));
                return false;
            }
            if constexpr (std::is_same_v<T, CreateRequest>)
                r.body = std::move(*s.value);
            else if constexpr (std::is_same_v<T, ReplaceRequest>)
                r.whole = std::move(*s.value);
        } else if (key == "agent" && std::is_same_v<T, AssignAgentRequest>) {
            auto a = agentFromJson(value);
            if (!a.ok()) {
                *error = tr("The agent is not valid: %1 at \"%2\".")
                             .arg(QString::fromStdString(a.errorMessage),
                                  QString::fromStdString("/agent" + a.errorPath));
                return false;
            }
            if constexpr (std::is_same_v<T, AssignAgentRequest>)
                r.agent = std::move(*a.value);
        } else {
            *error = tr("The request has a member \"%1\" that does not belong to it.")
                         .arg(QString::fromStdString(key).left(100));
            return false;
        }
    }
    if (!j.contains("order_id")) {
        *error = tr("The request names no order ID.");
        return false;
    }
    if constexpr (std::is_same_v<T, ReplaceRequest>) {
        if (!j.contains("session")) {
            *error = tr("The request to replace a session holds no session.");
            return false;
        }
    }
    if constexpr (std::is_same_v<T, AssignAgentRequest>) {
        if (!j.contains("agent")) {
            *error = tr("The request to assign an agent holds no agent.");
            return false;
        }
    }
    *out = std::move(r);
    if (const QString problem = requestProblem(*out); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    return true;
}

template<std::size_t I = 0>
bool readByKey(const std::string &key, const json &j, ApiRequest *out, QString *error)
{
    if constexpr (I < std::variant_size_v<ApiRequest>) {
        using T = std::variant_alternative_t<I, ApiRequest>;
        if (key == T::kKey)
            return readOne<T>(j, out, error);
        return readByKey<I + 1>(key, j, out, error);
    } else {
        *error = tr("\"%1\" is not a known request.").arg(QString::fromStdString(key).left(100));
        return false;
    }
}

} // namespace

std::optional<ApiRequest> requestFromJson(std::string_view text, QString *error)
{
    QString ignored;
    QString &why = error ? *error : ignored;
    json j;
    if (const JsonError e = parseJsonBounded(text, j); e.isError()) {
        why = tr("The stored request is not valid JSON: %1.").arg(QString::fromStdString(e.message));
        return std::nullopt;
    }
    if (!j.is_object()) {
        why = tr("The stored request is not a JSON object.");
        return std::nullopt;
    }
    const auto kind = j.find("request");
    if (kind == j.end() || !kind->is_string()) {
        why = tr("The stored request does not say which request it is.");
        return std::nullopt;
    }
    ApiRequest out;
    if (!readByKey(kind->get<std::string>(), j, &out, &why))
        return std::nullopt;
    return out;
}

QByteArray payloadOf(const ApiRequest &request)
{
    return std::visit(
        [](const auto &r) -> QByteArray {
            if constexpr (requires { r.whole; })
                return QByteArray::fromStdString(serialize(r.whole));
            else if constexpr (requires { r.agent; })
                return QByteArray::fromStdString(serialize(r.agent));
            else if constexpr (requires { r.body; })
                return r.body ? QByteArray::fromStdString(serialize(*r.body)) : QByteArray();
            else
                return {};
        },
        request);
}

std::optional<ApiRequest> requestFromPayload(Operation op, const QString &orderId, std::string_view payload,
                                             QString *error)
{
    QString ignored;
    QString &why = error ? *error : ignored;
    const auto unreadable = [&why](const std::string &message, const std::string &path) {
        why = QString::fromStdString(message + (path.empty() ? std::string() : " at " + path));
        return true; // the type was found; its payload is not readable
    };
    std::optional<ApiRequest> out;
    anyRequestType([&](auto type) {
        using T = typename decltype(type)::type;
        if (T::kOperation != op)
            return false;
        T r;
        r.orderId = orderId;
        if constexpr (requires { r.whole; }) {
            auto s = parseSupport(payload);
            if (!s.ok())
                return unreadable(s.errorMessage, s.errorPath);
            r.whole = std::move(*s.value);
        } else if constexpr (requires { r.agent; }) {
            auto a = parseAgent(payload);
            if (!a.ok())
                return unreadable(a.errorMessage, a.errorPath);
            r.agent = std::move(*a.value);
        } else if constexpr (requires { r.body; }) {
            if (!payload.empty()) {
                auto s = parseSupport(payload);
                if (!s.ok())
                    return unreadable(s.errorMessage, s.errorPath);
                r.body = std::move(s.value);
            }
        }
        out = std::move(r);
        return true;
    });
    if (!out)
        return std::nullopt;
    if (const QString problem = requestProblem(*out); !problem.isEmpty()) {
        why = problem;
        return std::nullopt;
    }
    return out;
}

} // namespace sd
