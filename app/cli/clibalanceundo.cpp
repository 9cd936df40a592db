#include "clibalanceundo.h"

#include "clioutput.h"
#include "supportctl.h"

#include "apiurl.h"
#include "auditlog.h"
#include "auditrecorder.h"
#include "bulkrun.h"
#include "guardedwrite.h"
#include "jsonlimits.h"
#include "privacy.h"
#include "privatefile.h"
#include "stdstring.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace sd::cli {

namespace {

using nlohmann::json;

constexpr char kFormat[] = "supportctl-balance-undo";
constexpr int kVersion = 1;

enum class Outcome { MoveBack, MovedBack, AlreadyBack, Changed, Closed, Failed };

struct Item
{
    UndoMove move;
    Outcome outcome = Outcome::Failed;
    bool read = false;           // the session was read: `now` is its agent
    QString now;                 // its agent's ID then; empty: unassigned
    QByteArray etag;             // of that read: the write goes onto that version only
    QByteArray base;             // that read's copy (serialize(Support)): the version without an ETag
    ApiError error;              // Failed
};

QString agentText(const std::optional<Agent> &agent)
{
    return agent ? terminalSafe(toQString(agent->id)) : tr("(unassigned)");
}

json agentIdJson(const std::optional<Agent> &agent)
{
    return agent ? json(agent->id.value_or(std::string())) : json(nullptr);
}

// Why a move of the file cannot be used; empty when it can.
QString moveProblem(const json &m, UndoMove *move)
{
    if (!m.is_object())
        return tr("not an object");
    const auto id = m.find("order_id");
    if (id == m.end() || !id->is_string())
        return tr("\"order_id\" is missing or not text");
    move->orderId = QString::fromStdString(id->get<std::string>());
    const QString idProblem = orderIdProblem(move->orderId);
    if (!idProblem.isEmpty())
        return tr("\"order_id\": %1").arg(idProblem);
    const auto agentOf = [](const json &j, Agent *agent) -> QString {
        if (!j.is_object())
            return tr("not an agent object");
        const ParseResult<Agent> parsed = agentFromJson(j);
        if (!parsed.ok())
            return QString::fromStdString(parsed.errorPath + ": " + parsed.errorMessage);
        if (!parsed.value->id || QString::fromStdString(*parsed.value->id).trimmed().isEmpty())
            return tr("the agent has no ID");
        *agent = *parsed.value;
        return {};
    };
    const auto to = m.find("to");
    if (to == m.end())
        return tr("\"to\" is missing");
    if (const QString p = agentOf(*to, &move->to); !p.isEmpty())
        return tr("\"to\": %1").arg(p);
    const auto from = m.find("from");
    if (from == m.end())
        return tr("\"from\" is missing (null for a session that was unassigned)");
    if (!from->is_null()) {
        Agent agent;
        if (const QString p = agentOf(*from, &agent); !p.isEmpty())
            return tr("\"from\": %1").arg(p);
        if (agent.id == move->to.id)
            return tr("\"from\" and \"to\" are the same agent");
        move->from = agent;
    }
    return {};
}

// Reads the sessions of `items` (bounded concurrency): their agent and version now.
void readAll(ApiClient &client, QList<Item> &items, int concurrency)
{
    QStringList ids;
    QHash<QString, QByteArray> etags;
    for (const Item &item : std::as_const(items))
        ids << item.move.orderId;
    BulkRun run(ids, concurrency, [&client, &etags](const QString &orderId) -> ApiReply * {
        SupportReply *reply = client.fetch(orderId);
        QObject::connect(reply, &ApiReply::resultReady, [&etags, reply, orderId] {
            etags.insert(orderId, reply->etag());
        });
        return reply;
    });
    runWithProgress(run, tr("reading: %1/%2 done, %3 failed"));
    for (qsizetype i = 0; i < items.size(); ++i) {
        Item &item = items[i];
        const BulkItemResult &result = run.results()[size_t(i)];
        if (result.ok() && result.support) {
            item.read = true;
            item.now = result.support->agent ? toQString(result.support->agent->id) : QString();
            item.etag = etags.value(item.move.orderId);
            item.base = QByteArray::fromStdString(serialize(*result.support));
            const QString from = item.move.from ? toQString(item.move.from->id) : QString();
            if (item.now == toQString(item.move.to.id))
                item.outcome = Outcome::MoveBack;
            else if (item.now == from)
                item.outcome = Outcome::AlreadyBack; // put back already (or never moved)
            else
                item.outcome = Outcome::Changed;
        } else if (GuardedWrite::sessionGone(result.error)) {
            item.outcome = Outcome::Closed;
        } else {
            item.outcome = Outcome::Failed;
            item.error = result.error;
            if (!result.error.isError()) { // ok but no session: not what a GET answers
                item.error.kind = ApiError::Kind::InvalidResponse;
                item.error.orderId = item.move.orderId;
            }
        }
    }
}

QString lineOf(const Item &item, const ClientConfig &config, bool dryRun)
{
    const QString id = terminalSafe(item.move.orderId);
    const QString changed = tr("changed since the balance; left as it is");
    switch (item.outcome) {
    case Outcome::MoveBack:
        if (!dryRun)
            return id + QLatin1Char('\t') + tr("NOT SENT"); // not reached: every move is sent or dry
        return id + QLatin1Char('\t') + tr("would move back") + QLatin1Char('\t')
             + terminalSafe(toQString(item.move.to.id)) + QStringLiteral(" -> ") + agentText(item.move.from);
    case Outcome::MovedBack:
        return id + QLatin1Char('\t') + tr("moved back") + QLatin1Char('\t') + agentText(item.move.from);
    case Outcome::AlreadyBack:
        return id + QLatin1Char('\t') + tr("already back") + QLatin1Char('\t') + agentText(item.move.from);
    case Outcome::Changed:
        if (!item.read) // a 412: changed between the read and the write
            return id + QLatin1Char('\t') + tr("CONFLICT") + QLatin1Char('\t') + changed;
        return id + QLatin1Char('\t') + tr("CONFLICT") + QLatin1Char('\t')
             + (item.now.isEmpty() ? tr("now unassigned: %1").arg(changed)
                                   : tr("now with %1: %2").arg(terminalSafe(item.now), changed));
    case Outcome::Closed:
        return id + QLatin1Char('\t') + tr("CONFLICT") + QLatin1Char('\t')
             + tr("no open session: closed since the balance; left as it is");
    case Outcome::Failed:
        return id + QLatin1Char('\t') + tr("FAILED") + QLatin1Char('\t') + terminalSafe(failureText(item.error, config));
    }
    return id;
}

const char *outcomeKey(Outcome o, bool dryRun)
{
    switch (o) {
    case Outcome::MoveBack: return dryRun ? "would_move_back" : "not_sent";
    case Outcome::MovedBack: return "moved_back";
    case Outcome::AlreadyBack: return "already_back";
    case Outcome::Changed: return "changed";
    case Outcome::Closed: return "closed";
    case Outcome::Failed: return "failed";
    }
    return "failed";
}

// Sends the moves back of `indexes` (all of one kind: assign or unassign), at most
// args.concurrency at a time, a line each as they finish. Each is a GuardedWrite onto the copy
// just read: If-Match on its ETag, or (a server without ETags) a fresh copy compared with it
// right before the write; a 412 after its own write landed (a retry whose first answer was
// lost) is found moved back, not reported as a conflict.
void sendBack(ApiClient &client, AuditRecorder &audit, QList<Item> &items, const QList<int> &indexes,
              bool unassign, const UndoArgs &args)
{
    if (indexes.isEmpty())
        return;
    const Operation operation = unassign ? Operation::UnassignAgent : Operation::AssignAgent;
    constexpr qsizetype kIntentWindow = 100; // one sync of intents per window, as BulkRun does
    const int concurrency = std::max(1, args.concurrency);
    const int total = int(indexes.size());
    QEventLoop loop;
    qsizetype next = 0;
    qsizetype reservedEnd = 0;
    QStringList reserved;
    int inFlight = 0;
    int finishedCount = 0;
    int failedCount = 0;
    const QString progress = tr("%1/%2 done, %3 failed");
    std::function<void()> fill;
    const auto onFinished = [&](GuardedWrite *write, int index) {
        --inFlight;
        ++finishedCount;
        Item &item = items[index];
        const WriteOutcome &o = write->outcome();
        switch (o.kind) {
        case WriteOutcome::Kind::Done:
            // Found as wanted without sending, on a server without ETags: put back by someone.
            item.outcome = !o.sent && item.etag.isEmpty() ? Outcome::AlreadyBack : Outcome::MovedBack;
            break;
        case WriteOutcome::Kind::Conflict:
            if (!o.session) {
                item.outcome = Outcome::Closed;
            } else {
                item.outcome = Outcome::Changed;
                item.read = true; // as it is now
                item.now = o.session->agent ? toQString(o.session->agent->id) : QString();
            }
            break;
        case WriteOutcome::Kind::Failed:
        case WriteOutcome::Kind::Stopped:
            if (unassign && o.error.code == QLatin1String("AGENT_NOT_ASSIGNED")) {
                item.outcome = Outcome::AlreadyBack;
            } else if (GuardedWrite::sessionGone(o.error)) {
                item.outcome = Outcome::Closed;
            } else {
                item.outcome = Outcome::Failed;
                item.error = o.error;
                ++failedCount;
            }
            break;
        }
        write->deleteLater();
        clearProgressLine();
        if (!args.json) {
            out() << lineOf(item, args.config, false) << '\n';
            out().flush();
        }
        if (progressLineShown()) {
            err() << "\r\033[K" << progress.arg(finishedCount).arg(total).arg(failedCount);
            err().flush();
        }
        if (inFlight == 0 && next >= indexes.size())
            loop.quit();
        else
            fill();
    };
    fill = [&] {
        while (inFlight < concurrency && next < indexes.size()) {
            // The intents of the next window are written while half of this one is still to go.
            if (reservedEnd < indexes.size() && next >= reservedEnd - kIntentWindow / 2) {
                QStringList ids;
                for (qsizetype i = reservedEnd; i < std::min(indexes.size(), reservedEnd + kIntentWindow); ++i)
                    ids << items[indexes[i]].move.orderId;
                audit.reserve(operation, ids); // on failure each write tries, and says why
                reserved += ids;
                reservedEnd += ids.size();
            }
            const int index = indexes[next++];
            const Item &item = items[index];
            ApiRequest request = unassign ? ApiRequest(UnassignAgentRequest{item.move.orderId, {}})
                                          : ApiRequest(AssignAgentRequest{item.move.orderId, *item.move.from, {}});
            WriteBase base;
            base.etag = item.etag;
            base.json = item.base;
            base.justRead = true;
            auto *write = new GuardedWrite(&client, std::move(request), std::move(base), &loop);
            ++inFlight;
            QObject::connect(write, &GuardedWrite::finished, &loop,
                             [&onFinished, write, index] { onFinished(write, index); });
            write->start();
        }
    };
    fill();
    loop.exec();
    audit.unreserve(operation, reserved); // intents never used are closed as not sent
    clearProgressLine();
}

} // namespace

QString undoServerName(const QUrl &baseUrl)
{
    // "https://h/" and "https://h" are one server (StripTrailingSlash keeps a lone "/").
    QString name = baseUrl.adjusted(QUrl::RemoveUserInfo | QUrl::NormalizePathSegments).toString(QUrl::FullyEncoded);
    while (name.endsWith(QLatin1Char('/')))
        name.chop(1);
    return name;
}

QString defaultUndoPath(QString *problem)
{
    // Beside the audit trail: the same private data folder, and it follows
    // $SUPPORTDESK_AUDIT_LOG where that is moved.
    const QString dir = QFileInfo(defaultAuditLogPath()).absolutePath() + QStringLiteral("/balance-undo");
    *problem = ensurePrivateDir(dir);
    if (!problem->isEmpty())
        return {};
    // The process ID too: two runs started in the same second (two shells) would otherwise both
    // find the name free and one replace the other's record.
    const QString stem = dir + QStringLiteral("/balance-")
                       + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"))
                       + QLatin1Char('-') + QString::number(QCoreApplication::applicationPid());
    QString path = stem + QStringLiteral(".json");
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = stem + QStringLiteral("-%1.json").arg(n);
    return path;
}

QString writeUndoFile(const QString &path, const UndoRecord &record)
{
    json moves = json::array();
    for (const UndoMove &m : record.moves) {
        json to;
        nlohmann::to_json(to, m.to);
        json from = nullptr;
        if (m.from)
            nlohmann::to_json(from, *m.from);
        moves.push_back({{"order_id", m.orderId.toStdString()}, {"from", std::move(from)}, {"to", std::move(to)}});
    }
    const json doc = {{"format", kFormat},
                      {"version", kVersion},
                      {"server", record.server.toStdString()},
                      {"balanced_at", record.balancedAt.toUTC().toString(Qt::ISODate).toStdString()},
                      {"complete", record.complete},
                      {"moves", std::move(moves)}};
    // Bounded as the reader is: a record --undo would refuse is not written (nor the run made).
    if (record.moves.size() > kMaxUndoMoves)
        return tr("cannot keep the undo file %1: this run would move %2 sessions, more than the %3 an undo file "
                  "may hold; balance fewer sessions at a time")
            .arg(path).arg(record.moves.size()).arg(kMaxUndoMoves);
    if (jsonDepth(doc, kMaxUndoJsonDepth) > kMaxUndoJsonDepth)
        return tr("cannot keep the undo file %1: an agent's details are nested deeper than an undo file may hold")
            .arg(path);
    const std::string dumped = doc.dump(-1, ' ', false, json::error_handler_t::replace); // compact
    if (qint64(dumped.size()) + 1 > kMaxUndoFileBytes)
        return tr("cannot keep the undo file %1: the record of this run would be larger than the %2 MiB an undo "
                  "file may hold; balance fewer sessions at a time")
            .arg(path).arg(kMaxUndoFileBytes >> 20);
    const QByteArray text = QByteArray::fromStdString(dumped) + '\n';
    QSaveFile file(path);
    if (!openPrivate(file) || file.write(text) != text.size() || !file.commit())
        return tr("cannot write the undo file %1: %2").arg(path, file.errorString());
    return {};
}

bool readUndoFile(const QString &path, UndoRecord *record, QString *problem)
{
    const auto fail = [&](const QString &why) {
        *problem = tr("%1 is not a usable undo file of supportctl balance: %2").arg(path, why);
        return false;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = tr("cannot read the undo file %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray text = readAtMost(file, kMaxUndoFileBytes);
    if (text.size() > kMaxUndoFileBytes)
        return fail(tr("it is larger than %1 MiB").arg(kMaxUndoFileBytes >> 20));
    json doc;
    const JsonError parsed = parseJsonBounded(std::string_view(text.constData(), size_t(text.size())), doc,
                                              JsonLimits{kMaxUndoJsonDepth, size_t(kMaxUndoFileBytes)});
    if (parsed.isError())
        return fail(parsed.text());
    if (!doc.is_object())
        return fail(tr("it is not a JSON object"));
    const auto format = doc.find("format");
    if (format == doc.end() || *format != kFormat)
        return fail(tr("\"format\" is not \"%1\"").arg(QLatin1String(kFormat)));
    const auto version = doc.find("version");
    if (version == doc.end() || !version->is_number_integer() || *version != kVersion)
        return fail(tr("\"version\" is not %1").arg(kVersion));
    const auto server = doc.find("server");
    if (server == doc.end() || !server->is_string())
        return fail(tr("\"server\" is missing or not text"));
    record->server = QString::fromStdString(server->get<std::string>());
    const QUrl serverUrl(record->server, QUrl::StrictMode);
    if (!baseUrlProblem(serverUrl).isEmpty() || undoServerName(serverUrl) != record->server)
        return fail(tr("\"server\" is not a server address"));
    const auto at = doc.find("balanced_at");
    if (at == doc.end() || !at->is_string())
        return fail(tr("\"balanced_at\" is missing or not text"));
    record->balancedAt = QDateTime::fromString(QString::fromStdString(at->get<std::string>()), Qt::ISODate);
    if (!record->balancedAt.isValid())
        return fail(tr("\"balanced_at\" is not a date and time"));
    const auto complete = doc.find("complete");
    if (complete == doc.end() || !complete->is_boolean())
        return fail(tr("\"complete\" is missing or not true or false"));
    record->complete = complete->get<bool>();
    const auto moves = doc.find("moves");
    if (moves == doc.end() || !moves->is_array())
        return fail(tr("\"moves\" is missing or not a list"));
    if (moves->size() > size_t(kMaxUndoMoves))
        return fail(tr("more than %1 moves").arg(kMaxUndoMoves));
    QSet<QString> seen;
    record->moves.clear();
    record->moves.reserve(qsizetype(moves->size()));
    for (size_t i = 0; i < moves->size(); ++i) {
        UndoMove move;
        const QString why = moveProblem((*moves)[i], &move);
        if (!why.isEmpty())
            return fail(tr("move %1: %2").arg(i + 1).arg(why));
        if (seen.contains(move.orderId))
            return fail(tr("move %1: order %2 is listed twice").arg(i + 1).arg(move.orderId.left(40)));
        seen.insert(move.orderId);
        record->moves.append(std::move(move));
    }
    return true;
}

QString shellQuoted(const QString &path)
{
    static const QString plain = QStringLiteral(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+:@%,=");
    bool quote = path.isEmpty();
    for (const QChar c : path)
        quote = quote || !plain.contains(c);
    if (!quote)
        return path;
    QString quoted = path;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

int runBalanceUndo(ApiClient &client, AuditRecorder &audit, const UndoArgs &args)
{
    UndoRecord record;
    QString problem;
    // Nothing is sent on a file that is not one: the moves would be guesses.
    if (!readUndoFile(args.file, &record, &problem)) {
        err() << "supportctl: " << terminalSafe(problem) << '\n' << tr("Nothing was sent.") << '\n';
        err().flush();
        return ExitUsage;
    }
    const QString configured = undoServerName(args.config.baseUrl);
    if (record.server != configured) {
        err() << "supportctl: "
              << terminalSafe(tr("%1 holds a balance run on %2, and the server given is %3: nothing was sent "
                                 "(give --server %2 to undo it there)")
                                  .arg(args.file, record.server, configured))
              << '\n';
        err().flush();
        return ExitUsage;
    }
    if (!record.complete)
        err() << "supportctl: "
              << terminalSafe(tr("warning: %1 was written before its balance run finished; sessions that run did "
                                 "not move are found with their agent and left as they are")
                                  .arg(args.file))
              << '\n';
    err().flush();

    QList<Item> items;
    items.reserve(record.moves.size());
    for (const UndoMove &m : std::as_const(record.moves)) {
        Item item;
        item.move = m;
        items.append(std::move(item));
    }
    if (!items.isEmpty())
        readAll(client, items, args.concurrency);

    QList<int> assignBack, unassignBack;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item &item = items[i];
        if (!args.json && (args.dryRun || item.outcome != Outcome::MoveBack)) {
            out() << lineOf(item, args.config, args.dryRun) << '\n';
        }
        if (item.outcome == Outcome::MoveBack)
            (item.move.from ? assignBack : unassignBack) << int(i);
    }
    out().flush();
    if (!args.dryRun) {
        sendBack(client, audit, items, assignBack, false, args);
        sendBack(client, audit, items, unassignBack, true, args);
    }

    int back = 0, already = 0, conflicts = 0, failed = 0;
    QSet<int> codes;
    QStringList problems;
    for (const Item &item : std::as_const(items)) {
        switch (item.outcome) {
        case Outcome::MoveBack:
        case Outcome::MovedBack: ++back; break;
        case Outcome::AlreadyBack: ++already; break;
        case Outcome::Changed:
        case Outcome::Closed:
            ++conflicts;
            codes.insert(ExitRefused); // as a 412 is: the server's copy is not the one expected
            problems << item.move.orderId;
            break;
        case Outcome::Failed:
            ++failed;
            codes.insert(exitCodeFor(item.error));
            problems << item.move.orderId;
            break;
        }
    }
    if (args.json) {
        json results = json::array();
        for (const Item &item : std::as_const(items)) {
            json r = {{"order_id", item.move.orderId.toStdString()},
                      {"from", agentIdJson(item.move.from)},
                      {"to", item.move.to.id.value_or(std::string())},
                      {"outcome", outcomeKey(item.outcome, args.dryRun)}};
            if (item.read)
                r["now"] = item.now.isEmpty() ? json(nullptr) : json(item.now.toStdString());
            r["error"] = item.outcome == Outcome::Failed ? json(failureText(item.error, args.config).toStdString())
                                                         : json(nullptr);
            results.push_back(std::move(r));
        }
        const json doc = {{"undo", {{"file", args.file.toStdString()},
                                    {"server", record.server.toStdString()},
                                    {"balanced_at", record.balancedAt.toUTC().toString(Qt::ISODate).toStdString()},
                                    {"complete", record.complete}}},
                          {"dry_run", args.dryRun},
                          {"results", std::move(results)},
                          {"summary", {{args.dryRun ? "would_move_back" : "moved_back", back},
                                       {"already_back", already},
                                       {"conflicts", conflicts},
                                       {"failed", failed}}}};
        out() << QString::fromStdString(doc.dump(2, ' ', false, json::error_handler_t::replace)) << '\n';
        out().flush();
    }
    err() << (args.dryRun ? tr("Undo (dry run): %1 would move back, %2 already back, %3 changed since the balance "
                               "and left as they are, %4 could not be read")
                          : tr("Undo: %1 moved back, %2 already back, %3 changed since the balance and left as "
                               "they are, %4 failed"))
                 .arg(back).arg(already).arg(conflicts).arg(failed);
    if (!problems.isEmpty()) {
        const int shown = 20;
        err() << ": " << terminalSafe(problems.mid(0, shown).join(QStringLiteral(", ")));
        if (problems.size() > shown)
            err() << tr(" and %1 more").arg(problems.size() - shown);
    }
    err() << '\n';
    if (args.dryRun)
        err() << tr("Dry run: nothing was sent.") << '\n';
    err().flush();
    if (problems.isEmpty())
        return ExitOk;
    // As a bulk command: the one kind when nothing else came through, else a partial failure.
    if (back + already == 0 && codes.size() == 1)
        return *codes.begin();
    return ExitPartial;
}

} // namespace sd::cli
