#include "agentdirectory.h"

#include "sessiontable.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace sd {

bool AgentDirectory::hasDetails(const Agent &a)
{
    return (a.person && a.person->name && !a.person->name->empty())
        || (a.contact && ((a.contact->phone && !a.contact->phone->empty())
                          || (a.contact->email && !a.contact->email->empty())))
        || a.organization.has_value();
}

void AgentDirectory::add(const Agent &agent)
{
    if (!agent.id || agent.id->empty())
        return;
    const QString id = QString::fromStdString(*agent.id);
    if (hasDetails(agent) || !m_agents.contains(id))
        m_agents.insert(id, agent);
}

void AgentDirectory::addFromTable(const SessionTable &table)
{
    // Few distinct agents among many rows: each row costs a hash of its UTF-8 ID only.
    std::unordered_set<std::string_view> seen;
    for (int row = 0; row < table.size(); ++row) {
        const std::string_view id = table.utf8(row, SessionTable::AgentId);
        if (id.empty() || !seen.insert(id).second)
            continue;
        const QString key = table.text(row, SessionTable::AgentId);
        Agent &a = m_agents[key];
        if (!a.id)
            a.id = std::string(id);
        const std::string_view name = table.utf8(row, SessionTable::AgentName);
        if (!name.empty() && !(a.person && a.person->name)) {
            if (!a.person)
                a.person.emplace();
            a.person->name = std::string(name);
        }
    }
}

std::optional<Agent> AgentDirectory::find(const QString &id) const
{
    if (auto it = m_agents.constFind(id); it != m_agents.constEnd())
        return *it;
    return std::nullopt;
}

QList<Agent> AgentDirectory::search(const QString &text) const
{
    const QString needle = text.trimmed();
    QList<Agent> found;
    for (const Agent &a : m_agents) {
        const QString id = QString::fromStdString(a.id.value_or(std::string()));
        const QString name = QString::fromStdString(a.person ? a.person->name.value_or(std::string()) : std::string());
        if (needle.isEmpty() || id.contains(needle, Qt::CaseInsensitive) || name.contains(needle, Qt::CaseInsensitive))
            found << a;
    }
    // Agents known by name first, alphabetically; then the bare IDs.
    const auto key = [](const Agent &a) {
        const std::string name = a.person ? a.person->name.value_or(std::string()) : std::string();
        return std::pair(name.empty(), QString::fromStdString(name.empty() ? a.id.value_or(std::string()) : name).toCaseFolded());
    };
    std::sort(found.begin(), found.end(), [&key](const Agent &a, const Agent &b) {
        const auto ka = key(a), kb = key(b);
        return ka != kb ? ka < kb : a.id < b.id;
    });
    return found;
}

QStringList AgentDirectory::ids() const
{
    QStringList ids = m_agents.keys();
    ids.sort();
    return ids;
}

} // namespace sd
