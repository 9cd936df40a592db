#include "balanceplan.h"

#include <QCoreApplication>

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sd {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sd::Balance", text);
}

constexpr int kUnassigned = -1;
constexpr int kOtherAgent = -2;
constexpr qint64 kNoLimit = std::numeric_limits<int>::max();

std::u16string_view view(const QString &s)
{
    return {reinterpret_cast<const char16_t *>(s.utf16()), size_t(s.size())};
}

// How many of the chosen sessions each target ends with: as even as whole sessions allow
// around what each holds elsewhere, never above its room under the cap.
std::vector<qint64> shares(qint64 toPlace, const std::vector<qint64> &elsewhere,
                           const std::vector<qint64> &room, const std::vector<qint64> &held)
{
    const size_t k = elsewhere.size();
    std::vector<qint64> x(k, 0);
    qint64 roomTotal = 0;
    for (qint64 r : room)
        roomTotal += r;
    if (toPlace >= roomTotal)
        return room; // everyone at the cap
    const auto sumAt = [&](qint64 level) {
        qint64 sum = 0;
        for (size_t t = 0; t < k; ++t)
            sum += std::clamp(level - elsewhere[t], qint64(0), room[t]);
        return sum;
    };
    // The highest level whose fill fits: sumAt is monotone in the level.
    qint64 lo = 0;
    qint64 hi = *std::max_element(elsewhere.begin(), elsewhere.end()) + toPlace + 1; // sumAt(hi) > toPlace
    while (hi - lo > 1) {
        const qint64 mid = lo + (hi - lo) / 2;
        (sumAt(mid) <= toPlace ? lo : hi) = mid;
    }
    qint64 left = toPlace;
    for (size_t t = 0; t < k; ++t) {
        x[t] = std::clamp(lo - elsewhere[t], qint64(0), room[t]);
        left -= x[t];
    }
    // One more each for some of those at the level with room left: first for those that hold
    // more than their share already (each saves a move), then in the targets' order.
    std::vector<bool> atLevel(k);
    for (size_t t = 0; t < k; ++t)
        atLevel[t] = elsewhere[t] <= lo && x[t] < room[t]; // fits one more: not beyond the level
    for (int pass = 0; pass < 2 && left > 0; ++pass) {
        for (size_t t = 0; t < k && left > 0; ++t) {
            if (!atLevel[t] || (pass == 0 && held[t] <= x[t]))
                continue;
            atLevel[t] = false; // one each
            ++x[t];
            --left;
        }
    }
    return x;
}

} // namespace

BalancePlan planBalance(const QList<BalanceSession> &sessions, const BalanceOptions &options)
{
    BalancePlan plan;
    const QStringList &targets = options.targets;
    if (targets.isEmpty()) {
        plan.error = tr("Choose at least one agent to balance the sessions over.");
        return plan;
    }
    if (options.cap && *options.cap < 0) {
        plan.error = tr("The cap per agent must be zero or more.");
        return plan;
    }
    // One lookup per session: std::hash of the UTF-16 bytes is several times cheaper than
    // QHash<QString> here (100,000 sessions within 50 ms).
    std::unordered_map<std::u16string_view, int> targetIndex;
    targetIndex.reserve(size_t(targets.size()) * 2);
    for (int t = 0; t < targets.size(); ++t) {
        if (targets[t].trimmed().isEmpty()) {
            plan.error = tr("An agent ID to balance over is empty.");
            return plan;
        }
        if (targetIndex.count(view(targets[t]))) {
            plan.error = tr("Agent %1 is named twice.").arg(targets[t]);
            return plan;
        }
        targetIndex.emplace(view(targets[t]), t);
    }
    const size_t k = size_t(targets.size());
    const size_t n = size_t(sessions.size());

    // Who holds what now.
    std::vector<int> holder(n, kUnassigned); // target index, kUnassigned or kOtherAgent; closed: kOtherAgent, skipped
    std::vector<qint64> held(k, 0);
    QHash<QString, int> otherBefore;
    qint64 open = 0;
    for (size_t i = 0; i < n; ++i) {
        const BalanceSession &s = sessions[qsizetype(i)];
        if (!s.open) {
            ++plan.closedExcluded;
            continue;
        }
        ++open;
        if (s.agentId.isEmpty()) {
            ++plan.unassignedBefore;
            continue;
        }
        const auto it = targetIndex.find(view(s.agentId));
        if (it != targetIndex.end()) {
            holder[i] = it->second;
            ++held[size_t(it->second)];
        } else {
            holder[i] = kOtherAgent;
            ++otherBefore[s.agentId];
        }
    }
    plan.openSessions = int(open);

    std::vector<qint64> elsewhere(k, 0);
    std::vector<qint64> room(k, kNoLimit);
    for (size_t t = 0; t < k; ++t) {
        elsewhere[t] = std::max(0, options.heldElsewhere.value(targets[qsizetype(t)]));
        if (options.cap)
            room[t] = std::max(qint64(0), qint64(*options.cap) - elsewhere[t]);
    }
    const std::vector<qint64> share = shares(open, elsewhere, room, held);

    // Each target keeps its first sessions up to its share; the rest of its sessions, the
    // unassigned and other agents' sessions make the pool, in that order of preference.
    std::vector<qint64> load(k);
    std::vector<qint64> kept(k, 0);
    std::vector<size_t> unassignedPool, otherPool, excessPool;
    for (size_t i = 0; i < n; ++i) {
        if (!sessions[qsizetype(i)].open)
            continue;
        const int h = holder[i];
        if (h == kUnassigned)
            unassignedPool.push_back(i);
        else if (h == kOtherAgent)
            otherPool.push_back(i);
        else if (kept[size_t(h)] < share[size_t(h)])
            ++kept[size_t(h)];
        else
            excessPool.push_back(i);
    }
    std::vector<qint64> space(k);
    for (size_t t = 0; t < k; ++t) {
        load[t] = elsewhere[t] + kept[t];
        space[t] = share[t] - kept[t];
    }

    std::vector<int> dest(n, -1);
    plan.moves.reserve(qsizetype(unassignedPool.size() + otherPool.size() + excessPool.size()));
    // Targets with space, by load then list order (least loaded) or in list order (round robin).
    using Entry = std::pair<qint64, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> leastLoaded;
    std::vector<int> cycle;
    for (size_t t = 0; t < k; ++t) {
        if (space[t] <= 0)
            continue;
        if (options.strategy == BalanceStrategy::LeastLoaded)
            leastLoaded.push({load[t], int(t)});
        else
            cycle.push_back(int(t));
    }
    size_t turn = 0;
    const auto nextTarget = [&]() -> int {
        if (options.strategy == BalanceStrategy::LeastLoaded) {
            if (leastLoaded.empty())
                return -1;
            const int t = leastLoaded.top().second;
            leastLoaded.pop();
            if (space[size_t(t)] > 1)
                leastLoaded.push({load[size_t(t)] + 1, t});
            return t;
        }
        if (cycle.empty())
            return -1;
        turn %= cycle.size();
        const int t = cycle[turn];
        if (space[size_t(t)] > 1)
            ++turn;
        else
            cycle.erase(cycle.begin() + qsizetype(turn)); // the next one moves into its place
        return t;
    };
    for (const std::vector<size_t> *pool : {&unassignedPool, &otherPool, &excessPool}) {
        for (size_t i : *pool) {
            const int t = nextTarget();
            if (t < 0)
                break;
            dest[i] = t;
            ++load[size_t(t)];
            --space[size_t(t)];
        }
    }

    // The moves and the loads after, in input order.
    std::vector<qint64> after = elsewhere;
    QHash<QString, int> otherAfter;
    for (size_t i = 0; i < n; ++i) {
        const BalanceSession &s = sessions[qsizetype(i)];
        if (!s.open)
            continue;
        const int h = holder[i];
        if (dest[i] >= 0) {
            ++after[size_t(dest[i])];
            if (dest[i] != h)
                plan.moves.append({s.orderId, s.agentId, targets[dest[i]]});
            continue;
        }
        if (h >= 0) {
            ++after[size_t(h)];
            if (kept[size_t(h)] > 0) {
                --kept[size_t(h)]; // one of the kept ones (they come first in the input)
                continue;
            }
        } else if (h == kOtherAgent) {
            ++otherAfter[s.agentId];
        } else {
            ++plan.unassignedAfter;
        }
        plan.unplaced.append(s.orderId);
    }
    plan.agents.reserve(qsizetype(k) + otherBefore.size());
    for (size_t t = 0; t < k; ++t)
        plan.agents.append({targets[qsizetype(t)], int(elsewhere[t] + held[t]), int(after[t]), true});
    QStringList others = otherBefore.keys();
    std::sort(others.begin(), others.end());
    for (const QString &id : std::as_const(others)) {
        const int elsewhereOf = std::max(0, options.heldElsewhere.value(id));
        plan.agents.append({id, elsewhereOf + otherBefore.value(id), elsewhereOf + otherAfter.value(id), false});
    }
    return plan;
}

} // namespace sd
