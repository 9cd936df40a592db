// Open sessions per agent, plus the unassigned: the counts of the Team view (issue 13), kept
// up to date per change in O(1) (one hash lookup) instead of recounting the whole list.
// Keyed by agent ID (a session whose agent has no ID counts as unassigned). No widgets.
#pragma once

#include "workspace.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sd {

class SessionTable;

class TeamLoad
{
public:
    // Which sessions count: the open ones (not closed, not missing, not yet loaded).
    static bool counts(SessionState state) { return state == SessionState::Open; }

    void clear();
    // Recounts every row of the session list (after loading a workspace).
    void load(const SessionTable &table);

    // One session, with its agent (empty: unassigned) and whether it is open. Each O(1).
    void add(const QString &agentId, bool open = true);
    void remove(const QString &agentId, bool open = true);
    // A session changed its agent or was opened, closed or found missing.
    void change(const QString &agentBefore, bool openBefore, const QString &agentAfter, bool openAfter);

    int count(const QString &agentId) const; // an agent's open sessions; 0 for one unseen
    int unassigned() const { return m_unassigned; }
    int total() const { return m_total; } // open sessions, assigned or not
    QStringList agents() const; // the agents holding open sessions, sorted by ID
    int agentCount() const;

private:
    struct Hash
    {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    void adjust(std::string_view agentId, int delta);

    std::unordered_map<std::string, int, Hash, std::equal_to<>> m_counts; // UTF-8 agent ID
    int m_unassigned = 0;
    int m_total = 0;
};

} // namespace sd
