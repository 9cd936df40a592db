#include "clibalance.h"

#include "clibalanceundo.h"
#include "clioutput.h"
#include "cliusage.h"
#include "supportctl.h"

#include "agentdirectory.h"
#include "apiclient.h"
#include "apiurl.h"
#include "privacy.h"
#include "stdstring.h"
#include "teamload.h"

#include <QFile>
#include <QSet>

#include <nlohmann/json.hpp>

#include <cstdio>

namespace sd::cli {

namespace {

using nlohmann::json;

// What the listed sessions are now, fetched with bounded concurrency.
struct Snapshot
{
    QList<BalanceSession> sessions; // in list order; open = false: no open session (404)
    AgentDirectory directory;       // the agents seen, with their details
    QHash<QString, Agent> agentOf;  // each session's agent exactly as read (for the undo file)
    QStringList notOpen;
    QList<BulkItemResult> failed;   // could not be fetched: left out
    QSet<int> failedCodes;
};

json jsonText(const QString &text)
{
    return text.isEmpty() ? json(nullptr) : json(text.toStdString());
}

QString listed(const QStringList &ids)
{
    const int shown = 20;
    QString text = terminalSafe(ids.mid(0, shown).join(QStringLiteral(", ")));
    if (ids.size() > shown)
        text += tr(" and %1 more").arg(ids.size() - shown);
    return text;
}

// The order IDs as given, each once; a usage error for a bad one.
bool checkIds(QStringList *ids, const QString &command, int *exitCode)
{
    if (ids->isEmpty()) {
        *exitCode = usageError(tr("give order IDs or --from"), command);
        return false;
    }
    QSet<QString> seen;
    QStringList unique;
    for (const QString &id : std::as_const(*ids)) {
        const QString problem = orderIdProblem(id);
        if (!problem.isEmpty()) {
            *exitCode = usageError(tr("order ID \"%1\": %2").arg(id.left(40), problem), command);
            return false;
        }
        if (!seen.contains(id)) {
            seen.insert(id);
            unique << id;
        }
    }
    *ids = unique;
    return true;
}

Snapshot fetchAll(ApiClient &client, const LoadArgs &args)
{
    BulkRun run(args.ids, args.concurrency, [&client](const QString &orderId) -> ApiReply * {
        return client.fetch(orderId);
    });
    runWithProgress(run, tr("fetching: %1/%2 done, %3 failed"));

    Snapshot snap;
    snap.sessions.reserve(qsizetype(run.results().size()));
    for (const BulkItemResult &item : run.results()) {
        if (item.ok()) {
            QString agentId;
            if (item.support && item.support->agent) {
                agentId = toQString(item.support->agent->id);
                snap.directory.add(*item.support->agent);
                snap.agentOf.insert(item.orderId, *item.support->agent);
            }
            snap.sessions.append({item.orderId, agentId, true});
        } else if (item.error.httpStatus == 404) {
            // No open session under that ID (closed): left out, as the plan leaves out closed ones.
            snap.sessions.append({item.orderId, QString(), false});
            snap.notOpen << item.orderId;
        } else {
            snap.failed.append(item);
            snap.failedCodes.insert(exitCodeFor(item.error));
        }
    }
    // The failed ones: a line each, as the bulk commands print them.
    if (!args.json) {
        for (const BulkItemResult &item : std::as_const(snap.failed))
            out() << terminalSafe(item.orderId) << '\t' << tr("FAILED") << '\t'
                  << terminalSafe(failureText(item.error, args.config)) << '\n';
        out().flush();
    }
    if (!snap.notOpen.isEmpty())
        err() << "supportctl: " << tr("no open session, left out: %1").arg(listed(snap.notOpen)) << '\n';
    if (!snap.failed.isEmpty()) {
        QStringList ids;
        for (const BulkItemResult &item : std::as_const(snap.failed))
            ids << item.orderId;
        err() << "supportctl: " << tr("%1 of %2 could not be fetched and are left out: %3")
                                       .arg(snap.failed.size()).arg(args.ids.size()).arg(listed(ids))
              << '\n';
    }
    err().flush();
    return snap;
}

json failedJson(const Snapshot &snap, const ClientConfig &config)
{
    json failed = json::array();
    for (const BulkItemResult &item : snap.failed)
        failed.push_back({{"order_id", item.orderId.toStdString()},
                          {"error", failureText(item.error, config).toStdString()}});
    return failed;
}

json idsJson(const QStringList &ids)
{
    json array = json::array();
    for (const QString &id : ids)
        array.push_back(id.toStdString());
    return array;
}

void printJson(const json &j)
{
    out() << QString::fromStdString(j.dump(2, ' ', false, json::error_handler_t::replace)) << '\n';
    out().flush();
}

// The exit status when some sessions could not be fetched: as a bulk command's (the one kind
// when nothing could be read at all, else a partial failure).
int fetchExit(const Snapshot &snap, qsizetype total)
{
    if (snap.failed.isEmpty())
        return ExitOk;
    if (snap.failed.size() == total && snap.failedCodes.size() == 1)
        return *snap.failedCodes.begin();
    return ExitPartial;
}

QString strategyKey(BalanceStrategy strategy)
{
    return strategy == BalanceStrategy::RoundRobin ? QStringLiteral("round-robin")
                                                   : QStringLiteral("least-loaded");
}

json planJson(const BalanceArgs &args, const BalancePlan &plan, const Snapshot &snap)
{
    json agents = json::array();
    for (const BalanceAgentLoad &a : plan.agents)
        agents.push_back({{"id", a.agentId.toStdString()}, {"before", a.before}, {"after", a.after},
                          {"target", a.target}});
    json moves = json::array();
    for (const BalanceMove &m : plan.moves)
        moves.push_back({{"order_id", m.orderId.toStdString()}, {"from", jsonText(m.from)},
                         {"to", m.to.toStdString()}});
    return {{"strategy", strategyKey(args.strategy).toStdString()},
            {"cap", args.cap ? json(*args.cap) : json(nullptr)},
            {"open_sessions", plan.openSessions},
            {"agents", agents},
            {"unassigned", {{"before", plan.unassignedBefore}, {"after", plan.unassignedAfter}}},
            {"moves", moves},
            {"unplaced", idsJson(plan.unplaced)},
            {"not_open", idsJson(snap.notOpen)},
            {"failed", failedJson(snap, args.config)}};
}

void printPlan(const BalanceArgs &args, const BalancePlan &plan)
{
    const QString how = args.strategy == BalanceStrategy::RoundRobin ? tr("round robin")
                                                                     : tr("least loaded first");
    out() << (args.cap ? tr("Plan (%1, at most %2 per agent): %3 of %4 open sessions move.")
                             .arg(how).arg(*args.cap).arg(plan.moves.size()).arg(plan.openSessions)
                       : tr("Plan (%1): %2 of %3 open sessions move.")
                             .arg(how).arg(plan.moves.size()).arg(plan.openSessions))
          << '\n';
    int width = 12;
    for (const BalanceAgentLoad &a : plan.agents)
        width = std::max(width, int(terminalSafe(a.agentId).size()));
    const QString unassigned = tr("(unassigned)");
    width = std::max(width, int(unassigned.size()));
    out() << tr("Agent").leftJustified(width) << "  " << tr("Before").rightJustified(6) << "  "
          << tr("After").rightJustified(6) << '\n';
    const auto row = [&](const QString &name, int before, int after) {
        out() << name.leftJustified(width) << "  " << QString::number(before).rightJustified(6) << "  "
              << QString::number(after).rightJustified(6) << '\n';
    };
    for (const BalanceAgentLoad &a : plan.agents)
        row(terminalSafe(a.agentId), a.before, a.after);
    row(unassigned, plan.unassignedBefore, plan.unassignedAfter);
    for (const BalanceMove &m : plan.moves)
        out() << terminalSafe(m.orderId) << '\t' << (m.from.isEmpty() ? unassigned : terminalSafe(m.from))
              << " -> " << terminalSafe(m.to) << '\n';
    if (!plan.unplaced.isEmpty())
        out() << tr("No room under the cap, left where they are: %1").arg(listed(plan.unplaced)) << '\n';
    out().flush();
}

// Whether a move's answer says it was not applied: a refusal (4xx, 412) or never sent. Every
// other failure (no answer, a 5xx, a cut or unreadable answer) leaves its outcome unknown.
bool moveRefused(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::InvalidInput:
    case ApiError::Kind::Refused:
    case ApiError::Kind::Conflict:
    case ApiError::Kind::Tls:
        return true;
    default:
        return false;
    }
}

} // namespace

bool parseStrategy(const QString &text, BalanceStrategy *strategy, QString *problem)
{
    if (text == QLatin1String("least-loaded"))
        *strategy = BalanceStrategy::LeastLoaded;
    else if (text == QLatin1String("round-robin"))
        *strategy = BalanceStrategy::RoundRobin;
    else {
        *problem = tr("--strategy needs \"least-loaded\" or \"round-robin\"");
        return false;
    }
    return true;
}

bool parseCap(const QString &text, int *cap, QString *problem)
{
    bool ok = false;
    *cap = text.toInt(&ok);
    if (!ok || *cap < 0 || *cap > 10'000'000) {
        *problem = tr("--cap needs a number from 0 to 10000000");
        return false;
    }
    return true;
}

int runLoad(ApiClient &client, const LoadArgs &given)
{
    LoadArgs args = given;
    int code = ExitOk;
    if (!checkIds(&args.ids, QStringLiteral("load"), &code))
        return code;
    const Snapshot snap = fetchAll(client, args);
    TeamLoad load;
    for (const BalanceSession &s : snap.sessions)
        load.add(s.agentId, s.open);
    QStringList agents = load.agents();
    // Most loaded first, then by ID.
    std::stable_sort(agents.begin(), agents.end(), [&load](const QString &a, const QString &b) {
        return load.count(a) > load.count(b);
    });
    const auto nameOf = [&snap](const QString &id) {
        const std::optional<Agent> agent = snap.directory.find(id);
        return agent && agent->person ? toQString(agent->person->name) : QString();
    };
    if (args.json) {
        json rows = json::array();
        for (const QString &id : std::as_const(agents))
            rows.push_back({{"id", id.toStdString()}, {"name", jsonText(nameOf(id))}, {"open", load.count(id)}});
        printJson({{"agents", rows},
                   {"unassigned", load.unassigned()},
                   {"open_sessions", load.total()},
                   {"not_open", idsJson(snap.notOpen)},
                   {"failed", failedJson(snap, args.config)}});
    } else {
        int width = 12;
        for (const QString &id : std::as_const(agents))
            width = std::max(width, int(terminalSafe(id).size()));
        const QString unassigned = tr("(unassigned)");
        width = std::max(width, int(unassigned.size()));
        out() << tr("Agent").leftJustified(width) << "  " << tr("Open").rightJustified(6) << "  " << tr("Name") << '\n';
        for (const QString &id : std::as_const(agents))
            out() << terminalSafe(id).leftJustified(width) << "  " << QString::number(load.count(id)).rightJustified(6)
                  << "  " << terminalSafe(nameOf(id)) << '\n';
        out() << unassigned.leftJustified(width) << "  " << QString::number(load.unassigned()).rightJustified(6) << '\n';
        out().flush();
    }
    return fetchExit(snap, args.ids.size());
}

int runBalance(ApiClient &client, const BalanceArgs &given, const BulkFn &bulk)
{
    BalanceArgs args = given;
    const QString command = QStringLiteral("balance");
    if (args.agents.isNull())
        return usageError(tr("balance needs --agents A,B,..."), command);
    BalanceOptions options;
    options.strategy = args.strategy;
    options.cap = args.cap;
    for (const QString &id : args.agents.split(QLatin1Char(',')))
        options.targets << id.trimmed();
    // The targets are checked before anything is sent.
    const BalancePlan check = planBalance({}, options);
    if (!check.ok())
        return usageError(tr("--agents: %1").arg(parserProblem(check.error)), command);
    int code = ExitOk;
    if (!checkIds(&args.ids, command, &code))
        return code;

    const Snapshot snap = fetchAll(client, args);
    const int fetched = fetchExit(snap, args.ids.size());
    if (snap.failed.size() == args.ids.size()) {
        if (args.json)
            printJson({{"plan", nullptr}, {"failed", failedJson(snap, args.config)}});
        return fetched; // nothing to plan with
    }
    const BalancePlan plan = planBalance(snap.sessions, options);
    const json planned = planJson(args, plan, snap);
    if (args.dryRun || plan.moves.isEmpty()) {
        if (args.json)
            printJson(args.dryRun ? json{{"plan", planned}} : json{{"plan", planned}, {"results", json::array()}});
        else
            printPlan(args, plan);
        err() << (args.dryRun ? tr("Dry run: nothing was sent.") : tr("Nothing to move.")) << '\n';
        err().flush();
        return fetched;
    }
    if (!args.json)
        printPlan(args, plan);

    // Each move to its target, with the details known of that agent (from any listed session).
    QHash<QString, Agent> agentOf;
    for (const QString &id : std::as_const(options.targets)) {
        Agent agent = snap.directory.find(id).value_or(Agent{});
        agent.id = id.toStdString();
        agentOf.insert(id, agent);
    }
    QHash<QString, QString> targetOf;
    QStringList moved;
    for (const BalanceMove &m : plan.moves) {
        targetOf.insert(m.orderId, m.to);
        moved << m.orderId;
    }

    // The undo record is on disk before anything is sent (a run cut short can be undone too),
    // and once the run is over holds only the moves that may have been made (all but refusals).
    UndoRecord record;
    record.server = undoServerName(args.config.baseUrl);
    record.balancedAt = QDateTime::currentDateTimeUtc();
    for (const BalanceMove &m : plan.moves) {
        UndoMove undo{m.orderId, std::nullopt, agentOf.value(m.to)};
        if (!m.from.isEmpty())
            undo.from = snap.agentOf.value(m.orderId); // put back as it was, details and all
        record.moves.append(std::move(undo));
    }
    QString undoPath = args.undoFile;
    QString problem;
    if (undoPath.isEmpty())
        undoPath = defaultUndoPath(&problem);
    if (problem.isEmpty())
        problem = writeUndoFile(undoPath, record);
    if (!problem.isEmpty()) {
        err() << "supportctl: " << terminalSafe(problem) << '\n' << tr("Nothing was sent.") << '\n';
        err().flush();
        return ExitUsage;
    }

    // Kept for the undo: every move sent that was not refused. One without a definite answer
    // (no answer, a 5xx, cancelled) may have been applied; the undo finds it where it is.
    QSet<QString> done;
    const int ran = bulk(moved, [&client, &agentOf, &targetOf, &done](const QString &orderId) -> ApiReply * {
        ApiReply *reply = client.assignAgent(orderId, agentOf.value(targetOf.value(orderId)));
        QObject::connect(reply, &ApiReply::finished, [reply, &done] {
            if (!moveRefused(reply->error()))
                done.insert(reply->orderId());
        });
        return reply;
    }, tr("assigned"), Operation::AssignAgent, [planned, undoPath, &done](json results) {
        return json{{"plan", planned}, {"results", std::move(results)},
                    {"undo_file", done.isEmpty() ? json(nullptr) : json(undoPath.toStdString())}};
    });

    record.complete = true;
    record.moves.removeIf([&done](const UndoMove &m) { return !done.contains(m.orderId); });
    if (record.moves.isEmpty()) {
        QFile::remove(undoPath); // nothing to undo
    } else {
        problem = writeUndoFile(undoPath, record);
        if (!problem.isEmpty()) // the record written before the run still undoes it
            err() << "supportctl: " << tr("warning: %1").arg(terminalSafe(problem)) << '\n';
        err() << tr("To undo: supportctl balance --undo %1").arg(terminalSafe(shellQuoted(undoPath))) << '\n';
        err().flush();
    }
    // (Some sessions never read: a partial failure, whatever became of the moves.)
    return fetched != ExitOk ? ExitPartial : ran;
}

} // namespace sd::cli
