#include "teamload.h"

#include "sessiontable.h"

#include <algorithm>

namespace sd {

void TeamLoad::clear()
{
    m_counts.clear();
    m_unassigned = 0;
    m_total = 0;
}

void TeamLoad::load(const SessionTable &table)
{
    clear();
    // The agent IDs straight from the table's UTF-8 texts: no QString per row.
    for (int row = 0; row < table.size(); ++row)
        if (counts(table.state(row)))
            adjust(table.utf8(row, SessionTable::AgentId), +1);
}

void TeamLoad::adjust(std::string_view agentId, int delta)
{
    // Removing what was never added (a caller out of step) must not make a count negative.
    if (agentId.empty()) {
        if (m_unassigned + delta < 0)
            return;
        m_unassigned += delta;
        m_total += delta;
        return;
    }
    auto it = m_counts.find(agentId);
    if (it == m_counts.end()) {
        if (delta <= 0)
            return;
        it = m_counts.emplace(std::string(agentId), 0).first;
    }
    it->second += delta;
    m_total += delta;
    if (it->second <= 0)
        m_counts.erase(it); // agents() lists only those holding sessions
}

void TeamLoad::add(const QString &agentId, bool open)
{
    if (open) {
        const QByteArray utf8 = agentId.toUtf8();
        adjust(std::string_view(utf8.constData(), size_t(utf8.size())), +1);
    }
}

void TeamLoad::remove(const QString &agentId, bool open)
{
    if (open) {
        const QByteArray utf8 = agentId.toUtf8();
        adjust(std::string_view(utf8.constData(), size_t(utf8.size())), -1);
    }
}

void TeamLoad::change(const QString &agentBefore, bool openBefore, const QString &agentAfter, bool openAfter)
{
    if (openBefore == openAfter && agentBefore == agentAfter)
        return;
    remove(agentBefore, openBefore);
    add(agentAfter, openAfter);
}

int TeamLoad::count(const QString &agentId) const
{
    if (agentId.isEmpty())
        return m_unassigned;
    const QByteArray utf8 = agentId.toUtf8();
    const auto it = m_counts.find(std::string_view(utf8.constData(), size_t(utf8.size())));
    return it == m_counts.end() ? 0 : it->second;
}

QStringList TeamLoad::agents() const
{
    QStringList ids;
    ids.reserve(qsizetype(m_counts.size()));
    for (const auto &[id, n] : m_counts)
        ids << QString::fromUtf8(id.data(), qsizetype(id.size()));
    std::sort(ids.begin(), ids.end());
    return ids;
}

int TeamLoad::agentCount() const
{
    return int(m_counts.size());
}

} // namespace sd
