// The plan of a "Balance" (issue 13): which of the chosen sessions move to which of the target
// agents so that their load is even, moving as few sessions as possible. One pure function,
// shared by the app's Balance dialog and `supportctl balance`. No network, no widgets.
//
// Rules:
// - Closed sessions are left out (counted in `closedExcluded`). Order IDs are expected unique.
// - The even share: the open sessions (plus what the targets hold outside them, `heldElsewhere`)
//   spread over the targets as evenly as whole sessions allow, water-filling around what each
//   already holds elsewhere, and never above the cap. Where the count does not divide evenly,
//   the one extra session goes first to targets that already hold more than the share (each
//   such saves a move), then by the targets' order.
// - A session stays with its agent while that agent (a target) holds no more than its share:
//   an agent keeps its first sessions in the input order, the later ones are its excess.
// - The pool: unassigned sessions, then those of agents who are not targets (they are moved:
//   balancing over A, B means "A and B take these"), then the targets' excess, each part in
//   input order. The pool is handed out to the targets still below their share:
//     least loaded: each next session to the target with the lowest load at that moment
//                   (ties: the earlier target in the list);
//     round robin:  to the targets in their order, cycling, skipping those at their share.
//   Both give the same counts; they differ in which session goes where.
// - A cap can leave room for fewer sessions than there are: the pool sessions that find no
//   room stay where they are (the plan never unassigns) and are listed in `unplaced`; a
//   target's excess left in place keeps that agent above the cap.
// - Deterministic: the same input gives the same plan.
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace sd {

struct BalanceSession
{
    QString orderId;
    QString agentId; // empty: unassigned
    bool open = true;
};

enum class BalanceStrategy { LeastLoaded, RoundRobin };

struct BalanceOptions
{
    QStringList targets; // in the order ties are broken; non-empty, no blanks, no repeats
    BalanceStrategy strategy = BalanceStrategy::LeastLoaded;
    std::optional<int> cap; // most open sessions a target should hold (with heldElsewhere)
    // Open sessions the agents hold outside the chosen ones: they count towards the load and
    // are never moved. The app passes the workspace's counts (balancing the unassigned over
    // B and C must favour whichever holds less already); supportctl knows only the listed
    // sessions and passes none.
    QHash<QString, int> heldElsewhere;
};

struct BalanceMove
{
    QString orderId;
    QString from; // empty: was unassigned
    QString to;
};

struct BalanceAgentLoad
{
    QString agentId;
    int before = 0; // open sessions, heldElsewhere included
    int after = 0;
    bool target = false;
};

struct BalancePlan
{
    QString error; // non-empty: no plan (bad targets or cap); everything else is empty
    QList<BalanceMove> moves;     // in input order
    // The targets in their order, then the other agents who held chosen sessions, by ID.
    QList<BalanceAgentLoad> agents;
    int unassignedBefore = 0;
    int unassignedAfter = 0;
    QStringList unplaced; // order IDs that fit under no target's cap: left where they are
    int closedExcluded = 0;
    int openSessions = 0; // the chosen sessions that are open

    bool ok() const { return error.isEmpty(); }
};

BalancePlan planBalance(const QList<BalanceSession> &sessions, const BalanceOptions &options);

} // namespace sd
