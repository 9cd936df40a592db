#include "cliusage.h"

#include "clioutput.h"
#include "privacy.h"
#include "supportctl.h"

namespace sd::cli {

namespace {

// One line per command form: --help lists them, and a usage error names the misused one's.
struct CommandSynopsis
{
    const char *command;
    const char *synopsis;
    const char *note;
};
constexpr CommandSynopsis kCommands[] = {
    {"get", "get ORDER_ID", ""},
    {"create", "create ORDER_ID [--callback-phone P] [--body FILE|-]", ""},
    {"update", "update ORDER_ID [--callback-phone P] [--chat-url U] [--chat-session S] [--body FILE|-]", ""},
    {"agent", "agent ORDER_ID", "(GET /support/{id}/agent)"},
    {"assign", "assign ORDER_ID AGENT_ID [--name N] [--phone P] [--email E]", ""},
    {"unassign", "unassign (ORDER_ID... | --from FILE|-)", ""},
    {"close", "close (ORDER_ID... | --from FILE|-)", ""},
    {"reassign", "reassign AGENT_ID (ORDER_ID... | --from FILE|-) [--name N] [--phone P] [--email E]", ""},
    {"fetch", "fetch (ORDER_ID... | --from FILE|-)", ""},
    {"load", "load (ORDER_ID... | --from FILE|-)", "(open sessions per agent)"},
    {"balance", "balance --agents A,B,... [--strategy least-loaded|round-robin] [--cap N] [--dry-run] [--undo-file FILE] (ORDER_ID... | --from FILE|-)", ""},
    {"balance", "balance --undo FILE [--dry-run]", "(put back what a balance run moved)"},
    {"audit", "audit verify [--log FILE]", "(check the audit trail's hash chain)"},
    {"audit", "audit export [--log FILE] [--unmasked]", "(CSV; phones and e-mails masked by default)"},
};

const char kUsageHead[] = R"(Usage: supportctl [--server URL] [--token-file FILE|-] [--timeout SECONDS] [--retries N]
                  [--concurrency N] [--json] [--ca-cert FILE] [-v] COMMAND ...
Commands:
)";

const char kUsageTail[] = R"(Options:
  --server URL       base URL of the Provider Platform (default: $SUPPORTDESK_SERVER)
  --token-file FILE  read the bearer token from the first line of FILE ("-": standard
                     input); never printed
  --token TOKEN      the bearer token itself: other users of this machine can see it (ps,
                     /proc); use --token-file or $SUPPORTDESK_TOKEN (the default) instead
  --timeout SECONDS  per request (default 15)
  --retries N        retries of transient failures (default 3; POST is never retried)
  --concurrency N    requests in flight for bulk commands (default 6)
  --json             print the server's JSON, every field included (load, balance: their
                     counts and plan as JSON)
  --ca-cert FILE     also trust this CA certificate (PEM or DER)
  -v, --verbose      log each exchange on stderr (token and phone numbers masked)
  -h, --help         this text
  --version          the version
balance: fetches the listed sessions, plans the moves that even out the open sessions over
  the agents (the fewest moves; a session stays with its agent up to the even share or
  --cap; the excess and the unassigned go to the least loaded, or in turn with round-robin;
  sessions of other agents move too), prints the plan, then reassigns (--dry-run: only the
  plan). Only the listed sessions count; sessions with no open session are left out.
  Each run keeps its moves in an undo file (0600; --undo-file FILE, default a new file in
  balance-undo/ beside the audit trail) and prints "To undo: supportctl balance --undo FILE".
balance --undo FILE: moves each session of FILE back to its agent before the run (or
  unassigns it), onto the version just read (If-Match); a session changed since (another
  agent, closed) is left as it is and counts as a conflict. Refused (1, nothing sent) when
  FILE is damaged or was written for another server. --dry-run: what it would do.
Every change is recorded in the audit trail before it is sent, and again with its outcome
  ($SUPPORTDESK_AUDIT_LOG, default ~/.local/share/SupportDesk/audit.log, with a .head file).
Exit status: 0 ok; 1 usage error (nothing sent); 2 refused by the server (4xx);
  3 server error (5xx) after retries; 4 network error, timeout or TLS failure;
  5 invalid response; 6 partial failure in a bulk command.
  audit verify: 0 intact, 2 broken.
  balance --undo: a session changed since the balance counts as refused: 2 when nothing
  was moved back, else 6.
)";

} // namespace

QString usageText()
{
    QString text = QString::fromUtf8(kUsageHead);
    for (const CommandSynopsis &c : kCommands) {
        const QString note = QString::fromUtf8(c.note);
        text += QStringLiteral("  ")
              + (note.isEmpty() ? QString::fromUtf8(c.synopsis)
                                : QString::fromUtf8(c.synopsis).leftJustified(38) + QLatin1Char(' ') + note)
              + QLatin1Char('\n');
    }
    return text + QString::fromUtf8(kUsageTail);
}

// `command`: the command that was misused, if known; its synopsis is shown.
int usageError(const QString &message, const QString &command)
{
    err() << "supportctl: " << terminalSafe(message) << '\n';
    for (const CommandSynopsis &c : kCommands)
        if (!command.isEmpty() && command == QLatin1String(c.command))
            err() << "usage: supportctl " << c.synopsis << '\n';
    err() << tr("Try 'supportctl --help'.") << '\n';
    err().flush();
    return ExitUsage;
}

// The command word of a command line the parser refused (an unknown or incomplete option), so
// that the error can name its synopsis: the first argument that is not an option or the value
// of one.
QString commandWordOf(const QStringList &arguments, const QStringList &optionsWithValue)
{
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == QLatin1String("--"))
            return arguments.value(i + 1);
        if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            const QString name = a.mid(a.startsWith(QLatin1String("--")) ? 2 : 1);
            if (!name.contains(QLatin1Char('=')) && optionsWithValue.contains(name))
                ++i; // its value
            continue;
        }
        return a;
    }
    return {};
}

} // namespace sd::cli
