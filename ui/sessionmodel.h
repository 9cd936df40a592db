// The session list: all workspace entries, with filtering and sorting done in the model on
// precomputed keys (a QSortFilterProxyModel over strings is far too slow at 100k+ rows).
#pragma once

#include "workspace.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QStringMatcher>
#include <optional>
#include <vector>

namespace sd::ui {

class SessionModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { OrderIdColumn, StatusColumn, AgentColumn, PhoneColumn, ChatColumn,
                  LastChangeColumn, ColumnCount };
    enum Role {
        OrderIdRole = Qt::UserRole + 1,
        StateRole,   // int(SessionState)
        PendingRole, // a request for it is in flight
        ChangedRole, // changed by someone else since the agent last looked
        HasDraftRole,
    };
    enum class Scope { All, Mine, Unassigned };

    explicit SessionModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The whole workspace (all entries, filtered or not).
    void setEntries(std::vector<WorkspaceEntry> entries);
    const std::vector<WorkspaceEntry> &entries() const { return m_entries; }
    int totalCount() const { return int(m_entries.size()); }

    // Adds the entry or replaces the one with the same order ID; returns its entry index.
    int upsert(const WorkspaceEntry &entry);
    const WorkspaceEntry *entry(const QString &orderId) const;
    const WorkspaceEntry *entryAt(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &orderId, int column = 0) const;
    void setPending(const QString &orderId, bool pending);
    bool isPending(const QString &orderId) const { return m_pending.contains(orderId); }
    void setChanged(const QString &orderId, bool changed);
    QStringList visibleOrderIds() const;
    QStringList allOrderIds() const;

    void setFilterText(const QString &text);
    void setStateFilter(std::optional<SessionState> state); // nullopt: every state
    void setScope(Scope scope, const QString &myAgentId);
    QString filterText() const { return m_filterText; }
    // First entry whose order ID starts with `prefix` (case-insensitive), shown or not.
    QString firstOrderIdWithPrefix(const QString &prefix) const;

Q_SIGNALS:
    void visibleCountChanged(int visible, int total);

private:
    struct Keys
    {
        QString orderId; // lower-cased, for filtering
        QString agent;
        QString phone;
        QString phoneDigits; // without spaces, so "+4930" finds "+49 30"
        QString chat;
        QString agentId;
        bool assigned = false;
    };
    Keys makeKeys(const WorkspaceEntry &e) const;
    bool accepts(int entryIndex) const;
    void refilter(); // rebuilds m_rows, keeps the sort
    void sortRows();
    QString displayText(const WorkspaceEntry &e, int column) const;

    std::vector<WorkspaceEntry> m_entries;
    std::vector<Keys> m_keys;
    QHash<QString, int> m_byOrderId;
    std::vector<int> m_rows;  // visible entry indexes, in display order
    std::vector<int> m_rowOf; // entry index -> row, -1 when filtered out
    void rebuildRowOf();
    QSet<QString> m_pending;
    QSet<QString> m_changed;
    QString m_filterText;
    QStringMatcher m_matcher; // the filter text, searched with a precomputed table
    std::optional<SessionState> m_stateFilter;
    Scope m_scope = Scope::All;
    QString m_myAgentId;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace sd::ui
