// The one error type of the API layer.
#pragma once

#include <QMetaType>
#include <QString>

namespace sd {

enum class Operation {
    Create,        // POST   /support/{id}
    Fetch,         // GET    /support/{id}
    Update,        // PUT    /support/{id}
    Close,         // DELETE /support/{id}
    FetchAgent,    // GET    /support/{id}/agent
    AssignAgent,   // PUT    /support/{id}/agent
    UnassignAgent, // DELETE /support/{id}/agent
};

// The tag of a request type (requests.h): its method, path and names are members there.
// "create", "fetch the agent of", ... (translated; from the request type's kDisplayName).
QString operationName(Operation op);

struct ApiError
{
    enum class Kind {
        None,
        InvalidInput,    // refused before sending (bad order ID, bad body)
        Refused,         // 4xx other than 412
        Server,          // 5xx after retries
        Network,         // connection refused, dropped, DNS
        Timeout,         // no answer within the timeout
        Tls,             // certificate or handshake failure
        InvalidResponse, // not JSON, wrong shape, wrong content type, truncated, too large
        Conflict,        // 412, or the session changed under a read-modify-write
        Cancelled,       // abort() by the caller
    };

    Kind kind = Kind::None;
    int httpStatus = 0;     // 0 when no HTTP answer arrived
    QString code;           // the server's error.code
    QString serverMessage;  // the server's error.message
    QString detail;         // what we observed (e.g. JSON path of a shape error)
    Operation operation = Operation::Fetch;
    QString orderId;
    bool notSent = false;   // the request never left (connection refused, unknown host)

    bool isError() const { return kind != Kind::None; }
    // False when the same request can only get the same answer (no open session, one already
    // open, input refused): nobody should be offered to try it again.
    bool canSucceedOnRetry() const;
    // A sentence a support agent understands, naming the operation and order.
    QString message() const;
    static QString kindName(Kind kind);
};

} // namespace sd

Q_DECLARE_METATYPE(sd::ApiError)
