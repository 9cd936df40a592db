// One guarded write: optimistic concurrency as one thing. A change made on a version of a
// session is sent only onto that version:
//   - with If-Match when the version has an ETag;
//   - else by reading a fresh copy first and comparing it with the copy the change was made on.
// A 412 and "the fresh copy differs" are the same outcome, Conflict, carrying their session
// (nullopt when it was closed meanwhile). A session that already is as the change wants it
// (applied before a crash, or by someone else) counts as Done without sending it again. A close
// answered 404 (the session is already closed) is Done: decided in closedAlready(), only there.
#pragma once

#include "apiclient.h"
#include "requests.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace sd {

// The version a change was made on.
struct WriteBase
{
    QByteArray etag; // its ETag; empty when the server gave none
    QByteArray json; // the copy itself (serialize(Support)); empty when not kept
    // The write may have left before (a crash before its outcome was kept): read first, so it
    // is never applied twice.
    bool sentBefore = false;
    // The copy was read just now (read-modify-write): with an ETag, If-Match alone guards it.
    // A copy kept for longer is compared even with an ETag (a session closed and opened again
    // may count its versions anew).
    bool justRead = false;
};

struct WriteOutcome
{
    enum class Kind {
        Done,     // the session is as the change wants it (sent now, or found so)
        Conflict, // the session is not the one the change was made on
        Failed,   // not decided: network, authentication, refusal (see error)
        Stopped,  // the beforeSend hook said no: nothing was sent
    };
    Kind kind = Kind::Failed;
    std::optional<Support> session; // Done: the result; Conflict: theirs (nullopt: closed)
    QByteArray etag;                // its ETag
    bool sent = false;              // Done: the write itself was sent now (not found done)
    // Failed: why. error.operation says which request failed (Operation::Fetch for the read).
    ApiError error;
};

class GuardedWrite : public QObject
{
    Q_OBJECT
public:
    enum class Mode {
        Write,     // send the change, guarded
        CheckOnly, // only read: Done when already applied, else Conflict (a conflict shown again)
    };

    // `request`: a ReplaceRequest, AssignAgentRequest, UnassignAgentRequest or CloseRequest (its
    // If-Match is set here). A CreateRequest is sent as it is (nothing to guard).
    GuardedWrite(ApiClient *client, ApiRequest request, WriteBase base, QObject *parent = nullptr);
    ~GuardedWrite() override;

    void setMode(Mode mode) { m_mode = mode; }
    // Called right before the write leaves; false: it does not (the outcome is Stopped).
    void setBeforeSend(std::function<bool()> hook) { m_beforeSend = std::move(hook); }

    // Starts; finished() follows asynchronously, once.
    void start();
    void abort();
    bool isFinished() const { return m_finished; }
    const WriteOutcome &outcome() const { return m_outcome; }
    const ApiRequest &request() const { return m_request; }

    // Whether the session `current` already is as `request` wants it.
    static bool matchesIntent(const ApiRequest &request, const std::optional<Support> &current);
    // A 404 for this request means its goal is reached: a close of a session that is closed.
    static bool closedAlready(const ApiRequest &request, const ApiError &error);
    // A 404 of the session means it was closed since the change was made (a conflict).
    static bool sessionGone(const ApiError &error);

Q_SIGNALS:
    // Each request it sends (the read, the write), right after sending: a caller that shows
    // replies (pending marks, banners, the list) follows them; the outcome is still finished()'s.
    void replyStarted(sd::ApiReply *reply);
    void finished();

private:
    void read(bool afterPrecondition);
    void write(const QByteArray &ifMatch);
    void finish(WriteOutcome outcome);
    void done(const std::optional<Support> &session, const QByteArray &etag, bool sent);
    void conflict(const std::optional<Support> &theirs, const QByteArray &etag);
    void failed(const ApiError &error);

    QPointer<ApiClient> m_client;
    ApiRequest m_request;
    WriteBase m_base;
    Mode m_mode = Mode::Write;
    std::function<bool()> m_beforeSend;
    QPointer<ApiReply> m_reply;
    WriteOutcome m_outcome;
    bool m_finished = false;
};

} // namespace sd
