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

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>

#include <nlohmann/json.hpp>

#include <cstdio>

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

// Sends the moves back of `indexes` (all of one kind: assign or unassign), each onto the
// version read (If-Match), a line each as they finish.
void sendBack(ApiClient &client, AuditRecorder &audit, QList<Item> &items, const QList<int> &indexes,
              bool unassign, const UndoArgs &args)
{
    if (indexes.isEmpty())
        return;
    QStringList ids;
    QHash<QString, int> indexOf;
    for (int i : indexes) {
        ids << items[i].move.orderId;
        indexOf.insert(items[i].move.orderId, i);
    }
    // Without an ETag (a server without the extension) the read just made is the version: the
    // write follows it at once, as a GuardedWrite on a copy just read does.
    BulkRun run(ids, args.concurrency, [&client, &items, &indexOf, unassign](const QString &orderId) -> ApiReply * {
        const Item &item = items[indexOf.value(orderId)];
        return unassign ? client.unassignAgent(orderId, item.etag)
                        : client.assignAgent(orderId, *item.move.from, item.etag);
    });
    run.setAuditIntents(&audit, unassign ? Operation::UnassignAgent : Operation::AssignAgent);
    QObject::connect(&run, &BulkRun::itemFinished, [&](int, const BulkItemResult &result) {
        Item &item = items[indexOf.value(result.orderId)];
        if (result.ok()) {
            item.outcome = Outcome::MovedBack;
        } else if (result.error.kind == ApiError::Kind::Conflict || result.error.httpStatus == 412) {
            item.outcome = Outcome::Changed;
            item.read = false; // what it is now is not known
        } else if (unassign && result.error.code == QLatin1String("AGENT_NOT_ASSIGNED")) {
            item.outcome = Outcome::AlreadyBack;
        } else if (GuardedWrite::sessionGone(result.error)) {
            item.outcome = Outcome::Closed;
        } else {
            item.outcome = Outcome::Failed;
            item.error = result.error;
        }
        clearProgressLine();
        if (!args.json) {
            out() << lineOf(item, args.config, false) << '\n';
            out().flush();
        }
    });
    runWithProgress(run, tr("%1/%2 done, %3 failed"));
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
    const QString stem = dir + QStringLiteral("/balance-")
                       + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
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
    const QByteArray text = QByteArray::fromStdString(doc.dump(1, ' ', false, json::error_handler_t::replace)) + '\n';
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
