// Requests as values: one small type per operation of the Support Management API. Each knows
// its Operation, method, path (through apiurl.h), whether it carries a body and an If-Match,
// and the reply type its result comes in. ApiClient::send() takes any of them; the outbox
// stores them (as JSON, read back as untrusted input).
//
// These structs are the one list of operations: every name of an operation (JSON key, the name
// the audit log and the outbox store, the translated name in messages) and its method are
// members here, and requests.cpp finds them by walking the variant's alternatives. Adding an
// operation: a struct here (with the members every one has), added to ApiRequest, its body and
// JSON cases in requests.cpp where it carries data, and its tag in Operation (apierror.h).
#pragma once

#include "apierror.h"
#include "models.h"

#include <QByteArray>
#include <QtGlobal>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <string_view>
#include <variant>
#include <vector>

namespace sd {

class SupportReply;
class AgentReply;

// Every request type has:
//   kOperation   its tag (one Operation per type)
//   kMethod      the HTTP method
//   kKey         its name in the stored JSON (requestToJson)
//   kRecordName  its name in the audit log and the outbox's "op" column. On users' disks: never
//                change one. Reads share "read"; a write's is unique (checked in requests.cpp).
//   kDisplayName its name in messages ("Could not %1 order %2"), translated in context sd::Api
//   kDoneText    what the status bar says when it succeeded ("Order %1: ..."), the same
//   kTargetsAgent, kHasIfMatch, Reply: path, If-Match and result type

// POST /support/{id}: opens a session; `body` optional (its order_id is set to the ID).
struct CreateRequest
{
    static constexpr Operation kOperation = Operation::Create;
    static constexpr const char *kMethod = "POST";
    static constexpr const char *kKey = "create";
    static constexpr const char *kRecordName = "create";
    static constexpr const char *kDisplayName = QT_TRANSLATE_NOOP("sd::Api", "create");
    static constexpr const char *kDoneText = QT_TRANSLATE_NOOP("sd::Api", "Order %1: support request created.");
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
    static constexpr const char *kMethod = "GET";
    static constexpr const char *kKey = "fetch";
    static constexpr const char *kRecordName = "read";
    static constexpr const char *kDisplayName = QT_TRANSLATE_NOOP("sd::Api", "fetch");
    static constexpr const char *kDoneText = QT_TRANSLATE_NOOP("sd::Api", "Order %1: loaded.");
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
    static constexpr const char *kMethod = "PUT";
    static constexpr const char *kKey = "replace";
    static constexpr const char *kRecordName = "update";
    static constexpr const char *kDisplayName = QT_TRANSLATE_NOOP("sd::Api", "update");
    static constexpr const char *kDoneText = QT_TRANSLATE_NOOP("sd::Api", "Order %1: changes saved.");
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
    static constexpr const char *kMethod = "DELETE";
    static constexpr const char *kKey = "close";
    static constexpr const char *kRecordName = "close";
    static constexpr const char *kDisplayName = QT_TRANSLATE_NOOP("sd::Api", "close");
    static constexpr const char *kDoneText = QT_TRANSLATE_NOOP("sd::Api", "Order %1: session closed.");
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
    static constexpr const char *kMethod = "GET";
    static constexpr const char *kKey = "fetch-agent";
    static constexpr const char *kRecordName = "read";
    static constexpr const char *kDisplayName = QT_TRANSLATE_NOOP("sd::Api", "fetch the agent of");
    static constexpr const char *kDoneText = QT_TRANSLATE_NOOP("sd::Api", "Order %1: agent loaded.");
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
    static constexpr const char *kMethod = "PUT";
    static constexpr const char *kKey = "assign-agent";
    static constexpr const char *kRecordName = "assign";
    static constexpr const char *kDisplayName = QT_TRANSLATE_NOOP("sd::Api", "assign an agent to");
    static constexpr const char *kDoneText = QT_TRANSLATE_NOOP("sd::Api", "Order %1: agent assigned.");
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
    static constexpr const char *kMethod = "DELETE";
    static constexpr const char *kKey = "unassign-agent";
    static constexpr const char *kRecordName = "unassign";
    static constexpr const char *kDisplayName = QT_TRANSLATE_NOOP("sd::Api", "remove the agent from");
    static constexpr const char *kDoneText = QT_TRANSLATE_NOOP("sd::Api", "Order %1: agent removed.");
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

// What each request type says of its Operation (see the members above).
QByteArray methodOf(Operation op);
bool isWrite(Operation op);
// "create", "update", "close", "assign", "unassign"; "read" for the reads.
const char *recordNameOf(Operation op);
// The write whose kRecordName is `name` (how the audit log and the outbox read it back);
// nullopt for a name no write has (reads are never stored as changes).
std::optional<Operation> writeRecordedAs(QStringView name);
// operationName() (apierror.h) is defined in requests.cpp, from kDisplayName.
// "Order %1: agent assigned." and the like, translated (kDoneText; %1 the order ID).
QString doneTextOf(Operation op);

// A request of `op`'s type for `orderId`, its other members default (a template to fill in).
ApiRequest requestOf(Operation op, const QString &orderId);
// The same request for another order (bulk runs: one template, a request per session).
ApiRequest withOrderId(ApiRequest request, const QString &orderId);
// withOrderId() for each of `orderIds`, in their order.
std::vector<ApiRequest> requestsFor(const ApiRequest &request, const QStringList &orderIds);

// What the outbox keeps of a request besides its kind and order ID: the whole session of a
// replace, the agent of an assign, the body of a create (empty when none); nothing for the rest.
QByteArray payloadOf(const ApiRequest &request);
// The request of kind `op` for `orderId` from such a payload (untrusted: read from disk).
// nullopt, with the reason in `error`, when it does not parse or may not be sent.
std::optional<ApiRequest> requestFromPayload(Operation op, const QString &orderId,
                                             std::string_view payload, QString *error);

// {"request": key, "order_id": ..., "if_match": ..., "session"/"agent": {...}}
QByteArray requestToJson(const ApiRequest &request);
// A stored request is untrusted input: bounded (jsonlimits.h), every member checked, unknown
// members refused. nullopt with a message in `error` when it cannot be sent as it is.
std::optional<ApiRequest> requestFromJson(std::string_view json, QString *error);

} // namespace sd
