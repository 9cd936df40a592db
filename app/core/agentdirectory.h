// The agents seen in one workspace (one server profile): agent ID -> the name, phone, e-mail
// and organisation last seen with that ID in any session. The assign dialog fills an agent's
// details from here, so that a changed ID never keeps the previous person's details. No widgets.
#pragma once

#include "models.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace sd {

class SessionTable;

class AgentDirectory
{
public:
    void clear() { m_agents.clear(); }
    // A name, phone, e-mail or organisation: more than a bare ID.
    static bool hasDetails(const Agent &agent);
    // The agent of a whole session. An agent with details replaces what was known of its ID; a
    // bare ID adds the agent only when it is new (it must not erase known details).
    void add(const Agent &agent);
    // What the session list holds of every row (ID and name), for agents not known better.
    void addFromTable(const SessionTable &table);

    std::optional<Agent> find(const QString &id) const;
    bool contains(const QString &id) const { return m_agents.contains(id); }
    QStringList ids() const; // sorted
    int size() const { return int(m_agents.size()); }
    // The agents whose ID or name contains `text` (ignoring case), by name then ID; every agent
    // when `text` is empty. For completion and for the list's filter.
    QList<Agent> search(const QString &text) const;

private:
    QHash<QString, Agent> m_agents;
};

} // namespace sd
