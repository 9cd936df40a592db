// supportctl balance and load (issue 13): fetch the listed sessions, then count their load per
// agent or even it out over target agents with the core's plan (planBalance, as the app does).
#pragma once

#include "balanceplan.h"
#include "bulkrun.h"

#include <QStringList>
#include <functional>
#include <optional>

#include <nlohmann/json_fwd.hpp>

namespace sd::cli {

// supportctl's bulk run (a line per order, the summary, the exit status); `wrapJson`, when
// given, makes the one JSON document printed with --json out of the results array.
using BulkFn = std::function<int(const QStringList &ids, BulkRun::StartFn start, const QString &verb,
                                 Operation audited, std::function<nlohmann::json(nlohmann::json)> wrapJson)>;

struct LoadArgs
{
    QStringList ids;
    bool json = false;
    int concurrency = 6;
    ClientConfig config; // for the failure texts
};

struct BalanceArgs : LoadArgs
{
    QString agents; // --agents A,B,C
    BalanceStrategy strategy = BalanceStrategy::LeastLoaded;
    std::optional<int> cap;
    bool dryRun = false;
    QString undoFile; // --undo-file; empty: a new file beside the audit trail (clibalanceundo.h)
};

// --strategy and --cap as typed; false (and `problem`) when unreadable.
bool parseStrategy(const QString &text, BalanceStrategy *strategy, QString *problem);
bool parseCap(const QString &text, int *cap, QString *problem);

int runLoad(ApiClient &client, const LoadArgs &args);
int runBalance(ApiClient &client, const BalanceArgs &args, const BulkFn &bulk);

} // namespace sd::cli
