// Requests as values: one small type per operation of the Support Management API. Each knows
// its Operation, method, path (through apiurl.h), whether it carries a body and an If-Match,
// and the reply type its result comes in. ApiClient::send() takes any of them; the outbox
// stores them (as JSON, read back as untrusted input).
//
// Adding an operation: a struct here (with the members every one has), its case in
// requests.cpp (body, JSON) and its Operation (apierror.h).
#pragma once

#include "apierror.h"
#include "models.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>
#include <string_view>
#include <variant>

namespace sd {

class SupportReply;
class AgentReply;

// POST /support/{id}: opens a session; `body` optional (its order_id is set to the ID).
struct CreateRequest
{
    static constexpr Operation kOperation = Operation::Create;
    static constexpr bool kTargetsAgent = false;
    static constexpr bool kHasIfMatch = false;
    using Reply = SupportReply; // result: the new Support
    QString orderId;
    std::optional<Support> body;
    bool operator==(const CreateRequest &) const = default;
};

// GET /support/{id}
struct FetchRequest
{
    static constexpr Operation kOperation = Operation::Fetch;
    static constexpr bool kTargetsAgent = false;
    static constexpr bool kHasIfMatch = false;
    using Reply = SupportReply;
    QString orderId;
    bool operator==(const FetchRequest &) const = default;
};

// PUT /support/{id} with the whole session (its order_id is set to the ID).
struct ReplaceRequest
{
    static constexpr Operation kOperation = Operation::Update;
    static constexpr bool kTargetsAgent = false;
    static constexpr bool kHasIfMatch = true;
    using Reply = SupportReply;
    QString orderId;
    Support whole;
    QByteArray ifMatch; // sent when not empty
    bool operator==(const ReplaceRequest &) const = default;
};

// DELETE /support/{id}; a 2xx without a body leaves the reply without a result.
struct CloseRequest
{
    static constexpr Operation kOperation = Operation::Close;
    static constexpr bool kTargetsAgent = false;
    static constexpr bool kHasIfMatch = true;
    using Reply = SupportReply;
    QString orderId;
    QByteArray ifMatch;
    bool operator==(const CloseRequest &) const = default;
};

// GET /support/{id}/agent
struct FetchAgentRequest
{
    static constexpr Operation kOperation = Operation::FetchAgent;
    static constexpr bool kTargetsAgent = true;
    static constexpr bool kHasIfMatch = false;
    using Reply = AgentReply; // result: the Agent
    QString orderId;
    bool operator==(const FetchAgentRequest &) const = default;
};

// PUT /support/{id}/agent; `agent.id` is required.
struct AssignAgentRequest
{
    static constexpr Operation kOperation = Operation::AssignAgent;
    static constexpr bool kTargetsAgent = true;
    static constexpr bool kHasIfMatch = true;
    using Reply = SupportReply;
    QString orderId;
    Agent agent;
    QByteArray ifMatch;
    bool operator==(const AssignAgentRequest &) const = default;
};

// DELETE /support/{id}/agent
struct UnassignAgentRequest
{
    static constexpr Operation kOperation = Operation::UnassignAgent;
    static constexpr bool kTargetsAgent = true;
    static constexpr bool kHasIfMatch = true;
    using Reply = SupportReply;
    QString orderId;
    QByteArray ifMatch;
    bool operator==(const UnassignAgentRequest &) const = default;
};

using ApiRequest = std::variant<CreateRequest, FetchRequest, ReplaceRequest, CloseRequest,
                                FetchAgentRequest, AssignAgentRequest, UnassignAgentRequest>;

Operation operationOf(const ApiRequest &request);
QString orderIdOf(const ApiRequest &request);
// "GET", "POST", "PUT" or "DELETE", from the Operation.
QByteArray methodOf(const ApiRequest &request);
// A request that changes something on the server (the audit trail sees it before it is sent).
bool isWrite(const ApiRequest &request);
// base + /support/{percent-encoded id}[/agent] (apiurl.h); invalid when the base is not usable.
QUrl urlOf(const ApiRequest &request, const QUrl &base);
// Whether a JSON body is sent (Content-Type set), and that body exactly as it travels.
bool hasBody(const ApiRequest &request);
QByteArray bodyOf(const ApiRequest &request);
QByteArray ifMatchOf(const ApiRequest &request);
// Sets the If-Match of a request that can carry one (no effect on the others).
void setIfMatch(ApiRequest &request, const QByteArray &etag);
// Empty when the request may be sent; else why not (a translated sentence): the order ID, an
// agent without ID, an If-Match that is not a header value.
QString requestProblem(const ApiRequest &request);

// Stable names for JSON and logs: "create", "fetch", "replace", "close", "fetch-agent",
// "assign-agent", "unassign-agent".
const char *requestKey(const ApiRequest &request);

// {"request": key, "order_id": ..., "if_match": ..., "session"/"agent": {...}}
QByteArray requestToJson(const ApiRequest &request);
// A stored request is untrusted input: bounded (jsonlimits.h), every member checked, unknown
// members refused. nullopt with a message in `error` when it cannot be sent as it is.
std::optional<ApiRequest> requestFromJson(std::string_view json, QString *error);

} // namespace sd
