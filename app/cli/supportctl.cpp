#include "supportctl.h"

#include "clibalance.h"
#include "clibalanceundo.h"
#include "cliinput.h"
#include "clioutput.h"
#include "cliusage.h"

#include "apiclient.h"
#include "apiurl.h"
#include "auditlog.h"
#include "bulkrun.h"
#include "guardedwrite.h"
#include "jsonlimits.h"
#include "privacy.h"
#include "version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <unistd.h>

namespace sd::cli {

namespace {

struct Globals
{
    ClientConfig config;
    QString auditLog = defaultAuditLogPath();
    bool json = false;
    bool verbose = false;
    int concurrency = 6;
};

class Runner
{
public:
    Runner(const Globals &g) : m_globals(g), m_audit(g.auditLog)
    {
        m_client.setConfig(g.config);
        // Every write: its intent in the audit trail before it is sent, its outcome after.
        m_audit.attach(&m_client);
        QObject::connect(&m_audit, &AuditRecorder::problem, [last = QString()](const QString &problem) mutable {
            if (problem == std::exchange(last, problem))
                return; // once, not once per session of a bulk run
            err() << "supportctl: " << tr("warning: %1").arg(problem) << '\n';
            err().flush();
        });
        if (g.verbose) {
            QObject::connect(&m_client, &ApiClient::exchangeFinished, [](const Exchange &ex) {
                QString line = QStringLiteral("> %1 %2 -> %3 %4ms")
                                   .arg(QString::fromLatin1(ex.method),
                                        ex.url.toString(QUrl::FullyEncoded | QUrl::RemoveUserInfo))
                                   .arg(ex.httpStatus == 0 ? QStringLiteral("---")
                                                           : QString::number(ex.httpStatus))
                                   .arg(ex.durationMs);
                if (ex.attempt > 1)
                    line += QStringLiteral(" (attempt %1)").arg(ex.attempt);
                if (ex.error.isError())
                    line += QStringLiteral(" [%1] %2").arg(ApiError::kindName(ex.error.kind),
                                                           ex.error.serverMessage);
                err() << terminalSafe(maskPersonalData(line)) << '\n';
                err().flush();
            });
            QObject::connect(&m_client, &ApiClient::retryScheduled,
                             [](const QString &, Operation, int retry, int delayMs,
                                const ApiError &) {
                                 err() << QStringLiteral("> retry %1 in %2ms").arg(retry).arg(delayMs)
                                       << '\n';
                                 err().flush();
                             });
        }
    }

    ApiClient &client() { return m_client; }
    AuditRecorder &audit() { return m_audit; }

    // Waits for one reply and prints it.
    int single(ApiReply *reply)
    {
        QEventLoop loop;
        QObject::connect(reply, &ApiReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        reply->deleteLater();
        if (!reply->isOk())
            return failure(reply->error());
        if (auto *a = qobject_cast<AgentReply *>(reply)) {
            if (m_globals.json) {
                out() << prettyJson(reply->rawBody()) << '\n';
            } else if (a->result()) {
                printLine(tr("Order:"), reply->orderId()); // as `get` names it
                printAgent(*a->result(), QString());
            }
            out().flush();
            return ExitOk;
        }
        const auto *s = qobject_cast<SupportReply *>(reply);
        return printed(reply->orderId(), s ? s->result() : std::nullopt, reply->rawBody());
    }

    // Reads the session, applies `change` and writes it back guarded (guardedwrite.h): onto
    // the version read, never over someone else's change made meanwhile.
    int guardedUpdate(const QString &orderId, const std::function<void(Support &)> &change)
    {
        SupportReply *read = m_client.fetch(orderId);
        QEventLoop loop;
        QObject::connect(read, &ApiReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        read->deleteLater();
        if (!read->isOk())
            return failure(read->error());
        Support s = *read->result();
        const WriteBase base{read->etag(), QByteArray::fromStdString(serialize(s)), false, true};
        change(s);
        GuardedWrite write(&m_client, ReplaceRequest{orderId, std::move(s), {}}, base);
        QObject::connect(&write, &GuardedWrite::finished, &loop, &QEventLoop::quit);
        write.start();
        loop.exec();
        const WriteOutcome &outcome = write.outcome();
        if (outcome.kind != WriteOutcome::Kind::Done)
            return failure(outcome.error);
        return printed(orderId, outcome.session, {});
    }

private:
    int failure(const ApiError &error)
    {
        err() << "supportctl: " << terminalSafe(failureText(error, m_globals.config)) << '\n';
        err().flush();
        return exitCodeFor(error);
    }

    // A session as the server answered (`raw`, when there is one) or as read.
    int printed(const QString &orderId, const std::optional<Support> &session, const QByteArray &raw)
    {
        if (m_globals.json) {
            if (!raw.trimmed().isEmpty())
                out() << prettyJson(raw) << '\n';
            else if (session)
                out() << prettyJson(QByteArray::fromStdString(serialize(*session))) << '\n';
            else
                out() << "{}\n";
        } else if (session) {
            printSupport(*session);
        } else {
            out() << terminalSafe(tr("Order %1: closed.").arg(orderId)) << '\n';
        }
        out().flush();
        return ExitOk;
    }

public:
    // `audited`: the operation changes sessions; their intents go to the audit trail in batches.
    int bulk(const QStringList &ids, BulkRun::StartFn start, const QString &verb,
             std::optional<Operation> audited = std::nullopt,
             const std::function<nlohmann::json(nlohmann::json)> &wrapJson = {})
    {
        if (ids.isEmpty())
            return usageError(tr("no order IDs given"));
        for (const QString &id : ids) {
            const QString problem = orderIdProblem(id);
            if (!problem.isEmpty())
                return usageError(tr("order ID \"%1\": %2").arg(id.left(40), problem));
        }
        BulkRun run(ids, m_globals.concurrency, std::move(start));
        if (audited)
            run.setAuditIntents(&m_audit, *audited);
        QObject::connect(&run, &BulkRun::itemFinished, [&](int, const BulkItemResult &item) {
            clearProgressLine();
            if (!m_globals.json) {
                if (item.ok()) {
                    QString agent;
                    if (item.support && item.support->agent)
                        agent = QString::fromStdString(item.support->agent->displayName());
                    out() << terminalSafe(item.orderId) << '\t' << verb
                          << (agent.isEmpty() ? QString() : QStringLiteral("\t") + terminalSafe(agent))
                          << '\n';
                } else {
                    out() << terminalSafe(item.orderId) << '\t' << tr("FAILED") << '\t'
                          << terminalSafe(failureText(item.error, m_globals.config)) << '\n';
                }
                out().flush();
            }
        });
        runWithProgress(run, tr("%1/%2 done, %3 failed"));

        QStringList failedIds;
        QSet<int> codes;
        for (const BulkItemResult &item : run.results()) {
            if (!item.ok()) {
                failedIds << item.orderId;
                codes.insert(exitCodeFor(item.error));
            }
        }
        if (m_globals.json) {
            nlohmann::json array = nlohmann::json::array();
            for (const BulkItemResult &item : run.results()) {
                if (!item.ok())
                    continue;
                const std::string_view body(item.body.constData(), size_t(item.body.size()));
                nlohmann::json j;
                const bool parsed = !parseJsonBounded(body, j).isError();
                if (!parsed && item.support)
                    nlohmann::to_json(j, *item.support);
                array.push_back(parsed || item.support ? j : nlohmann::json::object());
            }
            if (wrapJson)
                array = wrapJson(std::move(array)); // one document (balance: with its plan)
            out() << QString::fromStdString(array.dump(2, ' ', false,
                                                       nlohmann::json::error_handler_t::replace))
                  << '\n';
            out().flush();
        }
        const int okCount = run.total() - int(failedIds.size());
        err() << tr("%1 of %2 succeeded, %3 failed").arg(okCount).arg(run.total()).arg(failedIds.size());
        if (!failedIds.isEmpty()) {
            const int shown = 20;
            err() << ": " << terminalSafe(failedIds.mid(0, shown).join(QStringLiteral(", ")));
            if (failedIds.size() > shown)
                err() << tr(" and %1 more").arg(failedIds.size() - shown);
        }
        err() << '\n';
        err().flush();
        if (failedIds.isEmpty())
            return ExitOk;
        if (okCount == 0 && codes.size() == 1)
            return *codes.begin();
        return ExitPartial;
    }

private:
    Globals m_globals;
    ApiClient m_client;
    AuditRecorder m_audit;
};

QCommandLineOption opt(const QString &name, const QString &valueName = {})
{
    return valueName.isEmpty() ? QCommandLineOption(name) : QCommandLineOption(name, QString(), valueName);
}

} // namespace

int run(const QStringList &arguments)
{
    QCommandLineParser global;
    global.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const auto server = opt(QStringLiteral("server"), QStringLiteral("URL"));
    const auto token = opt(QStringLiteral("token"), QStringLiteral("TOKEN"));
    const auto tokenFile = opt(QStringLiteral("token-file"), QStringLiteral("FILE"));
    const auto timeout = opt(QStringLiteral("timeout"), QStringLiteral("SECONDS"));
    const auto retries = opt(QStringLiteral("retries"), QStringLiteral("N"));
    const auto concurrency = opt(QStringLiteral("concurrency"), QStringLiteral("N"));
    const auto json = opt(QStringLiteral("json"));
    const auto caCert = opt(QStringLiteral("ca-cert"), QStringLiteral("FILE"));
    const QCommandLineOption verbose(QStringList{QStringLiteral("v"), QStringLiteral("verbose")});
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const auto version = opt(QStringLiteral("version"));
    // The commands' own options; parsed together with the global ones so that either may stand
    // before or after the command.
    const auto phone = opt(QStringLiteral("callback-phone"), QStringLiteral("P"));
    const auto body = opt(QStringLiteral("body"), QStringLiteral("FILE"));
    const auto chatUrl = opt(QStringLiteral("chat-url"), QStringLiteral("U"));
    const auto chatSession = opt(QStringLiteral("chat-session"), QStringLiteral("S"));
    const auto name = opt(QStringLiteral("name"), QStringLiteral("N"));
    const auto agentPhone = opt(QStringLiteral("phone"), QStringLiteral("P"));
    const auto email = opt(QStringLiteral("email"), QStringLiteral("E"));
    const auto from = opt(QStringLiteral("from"), QStringLiteral("FILE"));
    const auto log = opt(QStringLiteral("log"), QStringLiteral("FILE"));
    const auto unmasked = opt(QStringLiteral("unmasked"));
    const auto agents = opt(QStringLiteral("agents"), QStringLiteral("A,B,..."));
    const auto strategy = opt(QStringLiteral("strategy"), QStringLiteral("S"));
    const auto cap = opt(QStringLiteral("cap"), QStringLiteral("N"));
    const auto dryRun = opt(QStringLiteral("dry-run"));
    const auto undo = opt(QStringLiteral("undo"), QStringLiteral("FILE"));
    const auto undoFile = opt(QStringLiteral("undo-file"), QStringLiteral("FILE"));
    const QList<QCommandLineOption> commandOptions = {phone, body, chatUrl, chatSession,
                                                      name, agentPhone, email, from, log, unmasked,
                                                      agents, strategy, cap, dryRun, undo, undoFile};
    global.addOptions({server, token, tokenFile, timeout, retries, concurrency, json, caCert, verbose, help, version});
    global.addOptions(commandOptions);
    if (!global.parse(QStringList{QStringLiteral("supportctl")} + arguments)) {
        QStringList withValue;
        for (const QCommandLineOption &o : QList<QCommandLineOption>{server, token, tokenFile, timeout, retries, concurrency, caCert} + commandOptions)
            if (!o.valueName().isEmpty())
                withValue << o.names();
        return usageError(parserProblem(global.errorText()), commandWordOf(arguments, withValue));
    }
    if (global.isSet(help)) {
        out() << usageText();
        out().flush();
        return ExitOk;
    }
    if (global.isSet(version)) {
        out() << "supportctl " << SUPPORTDESK_VERSION << '\n';
        out().flush();
        return ExitOk;
    }

    QStringList args = global.positionalArguments();
    if (args.isEmpty())
        return usageError(tr("no command given"));
    const QString command = args.takeFirst();

    struct Spec
    {
        QList<QCommandLineOption> options;
        int minArgs;
        int maxArgs; // -1: any
    };
    const QMap<QString, Spec> specs = {
        {QStringLiteral("get"), {{}, 1, 1}},
        {QStringLiteral("create"), {{phone, body}, 1, 1}},
        {QStringLiteral("update"), {{phone, chatUrl, chatSession, body}, 1, 1}},
        {QStringLiteral("close"), {{from}, 0, -1}},
        {QStringLiteral("agent"), {{}, 1, 1}},
        {QStringLiteral("assign"), {{name, agentPhone, email}, 2, 2}},
        {QStringLiteral("unassign"), {{from}, 0, -1}},
        {QStringLiteral("audit"), {{log, unmasked}, 1, 1}},
        {QStringLiteral("reassign"), {{from, name, agentPhone, email}, 1, -1}},
        {QStringLiteral("fetch"), {{from}, 0, -1}},
        {QStringLiteral("balance"), {{from, agents, strategy, cap, dryRun, undo, undoFile}, 0, -1}},
        {QStringLiteral("load"), {{from}, 0, -1}},
    };
    if (!specs.contains(command))
        return usageError(tr("unknown command \"%1\"").arg(command));
    const Spec spec = specs.value(command);
    for (const QCommandLineOption &o : commandOptions) {
        bool allowed = false;
        for (const QCommandLineOption &a : spec.options)
            allowed = allowed || a.names() == o.names();
        if (global.isSet(o) && !allowed)
            return usageError(tr("\"%1\" does not take --%2").arg(command, o.names().first()), command);
    }
    if (args.size() < spec.minArgs || (spec.maxArgs >= 0 && args.size() > spec.maxArgs))
        return usageError(tr("wrong number of arguments for \"%1\"").arg(command), command);
    QCommandLineParser &sub = global;

    const auto env = QProcessEnvironment::systemEnvironment();
    Globals g;
    g.json = global.isSet(json);
    g.verbose = global.isSet(verbose);
    const QString serverText = global.isSet(server) ? global.value(server)
                                                    : env.value(QStringLiteral("SUPPORTDESK_SERVER"));
    bool ok = true;
    if (global.isSet(timeout)) {
        const double seconds = global.value(timeout).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 3600)
            return usageError(tr("--timeout needs seconds between 0 and 3600"));
        g.config.timeoutMs = int(seconds * 1000);
    }
    if (global.isSet(retries)) {
        g.config.retry.maxRetries = global.value(retries).toInt(&ok);
        if (!ok || g.config.retry.maxRetries < 0 || g.config.retry.maxRetries > 20)
            return usageError(tr("--retries needs a number from 0 to 20"));
    }
    if (global.isSet(concurrency)) {
        g.concurrency = global.value(concurrency).toInt(&ok);
        if (!ok || g.concurrency < 1 || g.concurrency > 64)
            return usageError(tr("--concurrency needs a number from 1 to 64"));
    }
    if (global.isSet(caCert)) {
        const QString problem = loadCaCertificates(global.value(caCert), &g.config.extraCaCertificates);
        if (!problem.isEmpty())
            return usageError(problem);
    }

    if (command == QLatin1String("audit")) {
        const QString path = global.isSet(log) ? global.value(log) : defaultAuditLogPath();
        if (args[0] == QLatin1String("verify")) {
            const AuditVerification v = AuditLog::verify(path);
            if (v.intact)
                out() << tr("%1: intact, %2 entries").arg(path).arg(v.entries) << '\n';
            else
                out() << terminalSafe(tr("%1: BROKEN: %2").arg(path, v.reason)) << '\n';
            for (const QString &note : v.notes)
                out() << terminalSafe(tr("%1: note: %2").arg(path, note)) << '\n';
            out().flush();
            return v.intact ? ExitOk : ExitRefused;
        }
        if (args[0] == QLatin1String("export")) {
            QString problem;
            QStringList skipped;
            const auto entries = AuditLog::read(path, &problem, &skipped);
            if (!problem.isEmpty())
                return usageError(problem);
            for (const QString &line : std::as_const(skipped))
                err() << "supportctl: " << tr("warning: %1").arg(line) << '\n';
            err().flush();
            const QByteArray csv = AuditLog::exportCsv(entries, global.isSet(unmasked));
            std::fwrite(csv.constData(), 1, size_t(csv.size()), stdout);
            std::fflush(stdout);
            return ExitOk;
        }
        return usageError(tr("audit needs \"verify\" or \"export\""), command);
    }
    if (global.isSet(unmasked) || global.isSet(log))
        return usageError(tr("--log and --unmasked go with \"audit\""), command);

    if (global.isSet(token) && global.isSet(tokenFile))
        return usageError(tr("give --token or --token-file, not both"));
    if (global.isSet(tokenFile)) {
        const QString path = global.value(tokenFile);
        if (path == QLatin1String("-")
            && ((global.isSet(body) && global.value(body) == path)
                || (global.isSet(from) && global.value(from) == path)))
            return usageError(tr("only one of --token-file, --body and --from can read standard input"));
        QString problem;
        if (!readTokenFile(path, &g.config.token, &problem))
            return usageError(problem);
    } else {
        g.config.token = global.isSet(token) ? global.value(token)
                                             : env.value(QStringLiteral("SUPPORTDESK_TOKEN"));
    }
    if (serverText.isEmpty())
        return usageError(tr("no server: give --server URL or set SUPPORTDESK_SERVER"));
    g.config.baseUrl = QUrl(serverText, QUrl::StrictMode);
    const QString urlProblem = baseUrlProblem(g.config.baseUrl);
    if (!urlProblem.isEmpty())
        return usageError(urlProblem);
    const bool bulkCapable = command == QLatin1String("close") || command == QLatin1String("unassign");
    const bool singleOrder = (spec.maxArgs == 1 && command != QLatin1String("audit"))
                          || command == QLatin1String("assign")
                          || (bulkCapable && args.size() == 1 && !global.isSet(from));
    if (bulkCapable && args.isEmpty() && !global.isSet(from))
        return usageError(tr("give an order ID or --from"), command);
    if (singleOrder) {
        const QString problem = orderIdProblem(args[0]);
        if (!problem.isEmpty())
            return usageError(problem);
    }

    Runner runner(g);
    ApiClient &client = runner.client();
    const QString id = args.value(0);

    if (command == QLatin1String("get"))
        return runner.single(client.fetch(id));
    if (command == QLatin1String("close") && singleOrder)
        return runner.single(client.close(id));
    if (command == QLatin1String("agent"))
        return runner.single(client.fetchAgent(id));
    if (command == QLatin1String("unassign") && singleOrder)
        return runner.single(client.unassignAgent(id));
    if (command == QLatin1String("create")) {
        std::optional<Support> s;
        QString problem;
        if (sub.isSet(body)) {
            s.emplace();
            if (!readBody(sub.value(body), &*s, &problem))
                return usageError(problem);
        }
        if (sub.isSet(phone)) {
            if (!s)
                s.emplace();
            s->callbackPhone = sub.value(phone).toStdString();
        }
        return runner.single(client.create(id, s));
    }
    if (command == QLatin1String("update")) {
        const bool anyField = sub.isSet(phone) || sub.isSet(chatUrl) || sub.isSet(chatSession);
        if (!anyField && !sub.isSet(body))
            return usageError(tr("update needs --body or at least one field option"), command);
        const auto applyFields = [&sub, phone, chatUrl, chatSession](Support &s) {
            if (sub.isSet(phone))
                s.callbackPhone = sub.value(phone).toStdString();
            if (sub.isSet(chatUrl) || sub.isSet(chatSession)) {
                if (!s.chat)
                    s.chat.emplace();
                if (sub.isSet(chatUrl))
                    s.chat->url = sub.value(chatUrl).toStdString();
                if (sub.isSet(chatSession))
                    s.chat->sessionId = sub.value(chatSession).toStdString();
            }
        };
        if (sub.isSet(body)) {
            Support s;
            QString problem;
            if (!readBody(sub.value(body), &s, &problem))
                return usageError(problem);
            applyFields(s);
            return runner.single(client.replace(id, s));
        }
        return runner.guardedUpdate(id, applyFields);
    }

    const auto agentFromOptions = [&](const QString &agentId) {
        Agent a;
        a.id = agentId.toStdString();
        if (sub.isSet(name)) {
            a.person.emplace();
            a.person->name = sub.value(name).toStdString();
        }
        if (sub.isSet(agentPhone) || sub.isSet(email)) {
            a.contact.emplace();
            if (sub.isSet(agentPhone))
                a.contact->phone = sub.value(agentPhone).toStdString();
            if (sub.isSet(email))
                a.contact->email = sub.value(email).toStdString();
        }
        return a;
    };
    if (command == QLatin1String("assign")) {
        if (args[1].trimmed().isEmpty())
            return usageError(tr("the agent ID is empty"), command);
        return runner.single(client.assignAgent(id, agentFromOptions(args[1])));
    }

    if (command == QLatin1String("balance") && sub.isSet(undo)) {
        // The undo names its sessions itself.
        if (!args.isEmpty() || sub.isSet(from) || sub.isSet(agents) || sub.isSet(strategy) || sub.isSet(cap)
            || sub.isSet(undoFile))
            return usageError(tr("--undo takes no order IDs, --from, --agents, --strategy, --cap or --undo-file"),
                              command);
        UndoArgs u;
        u.file = sub.value(undo);
        u.json = g.json;
        u.dryRun = sub.isSet(dryRun);
        u.concurrency = g.concurrency;
        u.config = g.config;
        return runBalanceUndo(client, runner.audit(), u);
    }

    // Bulk commands.
    QStringList ids = command == QLatin1String("reassign") ? args.mid(1) : args;
    if (sub.isSet(from)) {
        if (!ids.isEmpty())
            return usageError(tr("give order IDs or --from, not both"), command);
        QString problem;
        if (!readIdList(sub.value(from), &ids, &problem))
            return usageError(problem);
    }
    if (command == QLatin1String("load") || command == QLatin1String("balance")) {
        BalanceArgs b;
        b.ids = ids;
        b.json = g.json;
        b.concurrency = g.concurrency;
        b.config = g.config;
        if (command == QLatin1String("load"))
            return runLoad(client, b);
        QString problem;
        if (sub.isSet(strategy) && !parseStrategy(sub.value(strategy), &b.strategy, &problem))
            return usageError(problem, command);
        if (sub.isSet(cap) && !parseCap(sub.value(cap), &b.cap.emplace(), &problem))
            return usageError(problem, command);
        if (sub.isSet(agents))
            b.agents = sub.value(agents);
        b.dryRun = sub.isSet(dryRun);
        b.undoFile = sub.value(undoFile);
        return runBalance(client, b, [&runner](const QStringList &moved, BulkRun::StartFn start, const QString &verb,
                                               Operation audited, std::function<nlohmann::json(nlohmann::json)> wrap) {
            return runner.bulk(moved, std::move(start), verb, audited, wrap);
        });
    }
    // One request per order ID from a template (its operation decides whether intents are
    // written ahead to the audit trail).
    const auto bulkOf = [&runner, &client, &ids](const ApiRequest &each, const QString &verb) {
        const Operation op = operationOf(each);
        return runner.bulk(ids, [&client, each](const QString &orderId) -> ApiReply * {
            return client.send(withOrderId(each, orderId));
        }, verb, isWrite(op) ? std::optional<Operation>(op) : std::nullopt);
    };
    if (command == QLatin1String("reassign")) {
        if (args[0].trimmed().isEmpty())
            return usageError(tr("the agent ID is empty"), command);
        return bulkOf(AssignAgentRequest{{}, agentFromOptions(args[0]), {}}, tr("assigned"));
    }
    if (command == QLatin1String("unassign"))
        return bulkOf(UnassignAgentRequest{}, tr("unassigned"));
    if (command == QLatin1String("close"))
        return bulkOf(CloseRequest{}, tr("closed"));
    return bulkOf(FetchRequest{}, tr("ok"));
}

} // namespace sd::cli
