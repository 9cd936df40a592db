// Which sessions the list shows and in what order: the text, state, scope and Team view (agent)
// filters, and sorting by a column, all done in the model over the SessionTable's rows. Row
// storage and data() are in sessionmodel.cpp.
#include "sessionmodel.h"
#include "sessionmodel_p.h"

#include <algorithm>

namespace sd::ui {

int SessionModel::positionInOrder(const std::vector<int> &rows, int row) const
{
    const auto at = m_sortColumn >= 0
                        ? std::upper_bound(rows.begin(), rows.end(), row,
                                           [this](int a, int b) { return less(a, b); })
                        : std::upper_bound(rows.begin(), rows.end(), row);
    return int(at - rows.begin());
}

void SessionModel::insertInOrder(std::vector<int> &rows, int row) const
{
    rows.insert(rows.begin() + positionInOrder(rows, row), row);
}

bool SessionModel::accepts(int row) const
{
    if (m_stateFilter && m_table.state(row) != *m_stateFilter)
        return false;
    if (m_scope == Scope::Unassigned && m_table.isAssigned(row))
        return false;
    if (m_scope == Scope::Mine
        && (m_myAgentIdUtf8.isEmpty()
            || m_table.utf8(row, SessionTable::AgentId)
                   != std::string_view(m_myAgentIdUtf8.constData(), size_t(m_myAgentIdUtf8.size()))))
        return false;
    if (m_agentFilterOn) {
        // What the Team view counts: the open sessions.
        if (!TeamLoad::counts(m_table.state(row)))
            return false;
        const std::string_view agent = m_table.utf8(row, SessionTable::AgentId);
        const bool match = agent.empty() ? m_agentFilterUnassigned
                                         : m_agentFilter.contains(QByteArray::fromRawData(agent.data(), qsizetype(agent.size())));
        if (!match)
            return false;
    }
    return matchesText(row);
}

bool SessionModel::matchesText(int row) const
{
    if (m_table.contains(row, m_needle))
        return true;
    if (m_needleAgentIds.isEmpty())
        return false;
    const std::string_view agent = m_table.utf8(row, SessionTable::AgentId);
    return !agent.empty() && m_needleAgentIds.contains(QByteArray::fromRawData(agent.data(), qsizetype(agent.size())));
}

void SessionModel::refilter()
{
    if (m_sortedDirty)
        rebuildSorted();
    beginResetModel();
    m_rows.clear();
    // Rows are tested in table order (memory order: a sorted order jumps around and costs a cache
    // miss per row), then taken in the full sorted order, so a new filter never sorts.
    std::vector<char> accepted(size_t(m_table.size()));
    for (int row = 0; row < m_table.size(); ++row)
        accepted[size_t(row)] = accepts(row);
    if (m_sortColumn >= 0) {
        for (int row : m_sorted)
            if (accepted[size_t(row)])
                m_rows.push_back(row);
    } else {
        for (int row = 0; row < m_table.size(); ++row)
            if (accepted[size_t(row)])
                m_rows.push_back(row);
    }
    rebuildRowOf();
    endResetModel();
    Q_EMIT visibleCountChanged(int(m_rows.size()), totalCount());
}

void SessionModel::setFilterText(const QString &text, const QStringList &agentIds)
{
    SessionTable::Needle needle(text);
    QSet<QByteArray> ids;
    for (const QString &id : agentIds)
        ids.insert(id.toUtf8());
    if (needle.text() == m_needle.text() && ids == m_needleAgentIds)
        return;
    // A longer text matches fewer agents too: only the rows shown can still match.
    const bool narrowing = !m_needle.isEmpty() && needle.text().startsWith(m_needle.text())
                        && (ids - m_needleAgentIds).isEmpty();
    m_needle = std::move(needle);
    m_needleAgentIds = std::move(ids);
    if (!narrowing) {
        refilter();
        return;
    }
    // Typing on: only the rows shown now can still match, already in sorted order.
    beginResetModel();
    std::vector<char> keep(size_t(m_table.size()));
    for (int row = 0; row < m_table.size(); ++row) // in memory order, as in refilter()
        keep[size_t(row)] = m_rowOf[size_t(row)] >= 0 && matchesText(row);
    std::erase_if(m_rows, [&keep](int row) { return !keep[size_t(row)]; });
    rebuildRowOf();
    endResetModel();
    Q_EMIT visibleCountChanged(int(m_rows.size()), totalCount());
}

void SessionModel::setStateFilter(std::optional<SessionState> state)
{
    m_stateFilter = state;
    refilter();
}

void SessionModel::setScope(Scope scope, const QString &myAgentId)
{
    m_scope = scope;
    m_myAgentIdUtf8 = myAgentId.toUtf8();
    refilter();
}

void SessionModel::setAgentFilter(const QStringList &agentIds, bool unassigned)
{
    QSet<QByteArray> ids;
    for (const QString &id : agentIds)
        ids.insert(id.toUtf8());
    const bool on = unassigned || !ids.isEmpty();
    if (on == m_agentFilterOn && ids == m_agentFilter && unassigned == m_agentFilterUnassigned)
        return;
    m_agentFilterOn = on;
    m_agentFilter = std::move(ids);
    m_agentFilterUnassigned = unassigned;
    refilter();
}

void SessionModel::sort(int column, Qt::SortOrder order)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    const std::vector<int> oldRows = m_rows;
    m_sortColumn = column >= 0 && column < ColumnCount ? column : -1;
    m_sortOrder = order;
    rebuildSorted();
    m_rows.clear();
    for (int row : m_sorted)
        if (m_rowOf[size_t(row)] >= 0)
            m_rows.push_back(row);
    if (m_sortColumn < 0)
        m_rows = oldRows;
    rebuildRowOf();
    // Keep selections and the current row on the same sessions.
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &i : before)
        after << index(m_rowOf[size_t(oldRows[size_t(i.row())])], i.column());
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

bool SessionModel::less(int a, int b) const
{
    const int c = m_table.compareRows(sortKeyOfColumn(m_sortColumn), a, b);
    if (c != 0)
        return m_sortOrder == Qt::AscendingOrder ? c < 0 : c > 0;
    return a < b; // ties keep the table order, in both directions (as sortedRows does)
}

void SessionModel::rebuildSorted()
{
    m_sortedDirty = false;
    m_sorted.clear();
    if (m_sortColumn < 0)
        return;
    m_sorted = m_table.sortedRows(sortKeyOfColumn(m_sortColumn), m_sortOrder == Qt::DescendingOrder);
}

} // namespace sd::ui
