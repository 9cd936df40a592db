// The session list: every session of the workspace as a compact SessionTable row, with
// filtering and sorting done in the model (a QSortFilterProxyModel over strings takes seconds
// at a million rows). A table row number names a session until remove() takes rows out (which
// resets the model).
#pragma once

#include "sessiontable.h"
#include "teamload.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <optional>
#include <vector>

class QMimeData;

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
        PendingRole, // a request for it is in flight, or a change of it waits in the outbox
        ChangedRole, // changed by someone else since the agent last looked
        HasDraftRole,
        WaitingRole, // a change of it waits in the outbox (a "pending change")
    };
    enum class Scope { All, Mine, Unassigned };

    explicit SessionModel(QObject *parent = nullptr);
    // Every text the Status column can show, so that the view can size the column to fit them.
    static QStringList statusTexts();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The whole workspace (all sessions, filtered or not).
    void setTable(SessionTable table);
    const SessionTable &table() const { return m_table; }
    int totalCount() const { return m_table.size(); }

    // Adds the session or replaces the one with its order ID. A new session appears at its
    // sorted place; a changed one stays where it is until the next sort or filter change, so
    // rows do not jump under the agent's pointer.
    void upsert(const SessionSummary &summary);
    void upsert(const WorkspaceEntry &entry) { upsert(summarize(entry)); }
    // Many at once (an import): one reset instead of a row insertion each.
    void upsertMany(const std::vector<SessionSummary> &summaries);
    // Takes the sessions off the list (unknown IDs are ignored); returns how many were listed.
    int remove(const QStringList &orderIds);
    bool contains(const QString &orderId) const { return m_table.find(orderId) >= 0; }
    std::optional<SessionSummary> summary(const QString &orderId) const;
    QString orderIdAt(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &orderId, int column = 0) const;
    void setPending(const QString &orderId, bool pending);
    bool isPending(const QString &orderId) const;
    // The sessions with a change waiting in the outbox (every other mark is cleared).
    void setWaitingInOutbox(const QSet<QString> &orderIds);
    bool isWaitingInOutbox(const QString &orderId) const;
    void setChanged(const QString &orderId, bool changed);
    // Marks it changed by someone else and names the fields that changed (added to those named
    // since the agent last looked); the row's tooltip lists them.
    void addChangedFields(const QString &orderId, const QStringList &fields);
    QStringList changedFields(const QString &orderId) const;
    int changedCount() const { return int(m_changed.size()); }
    QStringList visibleOrderIds() const;
    QStringList allOrderIds() const;
    const std::vector<int> &visibleTableRows() const { return m_rows; }

    // `agentIds`: agents whose name (as the agent directory knows it) matches `text`; their rows
    // match too, also those that carry only the agent's ID.
    void setFilterText(const QString &text, const QStringList &agentIds = {});
    void setStateFilter(std::optional<SessionState> state); // nullopt: every state
    void setScope(Scope scope, const QString &myAgentId);
    // The Team view's selection: only the open sessions of these agents (and, with `unassigned`,
    // the unassigned ones), as the Team view counts them. Nothing chosen: no such filter.
    void setAgentFilter(const QStringList &agentIds, bool unassigned);
    bool hasAgentFilter() const { return m_agentFilterOn; }

    // Open sessions per agent over the whole workspace (filtered or not), kept up to date as
    // rows change (the Team view's counts).
    const TeamLoad &teamLoad() const { return m_teamLoad; }

    // Dragging sessions (onto the Team view): their order IDs, one per line.
    static QString orderIdsMimeType();
    static QStringList orderIdsFromMime(const QMimeData *data);
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }
    QString filterText() const { return m_needle.text(); }
    // First session whose order ID starts with `prefix` (case-insensitive), shown or not.
    QString firstOrderIdWithPrefix(const QString &prefix) const;

Q_SIGNALS:
    void visibleCountChanged(int visible, int total);
    // The open sessions of these agents changed (empty ID: the unassigned); each O(1).
    void teamLoadChanged(const QString &agentBefore, const QString &agentAfter);
    void teamLoadReset(); // recounted: many rows at once

private:
    bool accepts(int tableRow) const;
    bool matchesText(int tableRow) const; // the filter text, or one of its agents
    bool less(int a, int b) const; // in the current sort order
    void refilter();               // rebuilds m_rows from m_sorted
    void rebuildSorted();
    void rebuildRowOf();
    QString displayText(int tableRow, int column) const;
    int positionInOrder(const std::vector<int> &rows, int row) const;
    void insertInOrder(std::vector<int> &rows, int row) const;
    void showRow(int row); // among the shown rows, at its place
    bool setMark(QSet<int> &marks, const QString &orderId, bool on); // true if it changed
    void emitRowChanged(int tableRow, int firstColumn, int lastColumn);

    SessionTable m_table;
    TeamLoad m_teamLoad;
    bool m_agentFilterOn = false;
    bool m_agentFilterUnassigned = false;
    QSet<QByteArray> m_agentFilter; // UTF-8 agent IDs
    std::vector<int> m_sorted; // every table row in sort order (empty when unsorted)
    bool m_sortedDirty = false; // a sort key changed since m_sorted was built
    std::vector<int> m_rows;   // the rows shown, in display order
    std::vector<int> m_rowOf;  // table row -> shown row, -1 when filtered out
    QSet<int> m_pending;       // table rows
    QSet<int> m_changed;
    QHash<int, QStringList> m_changedFields; // of rows in m_changed
    QSet<int> m_waiting;       // table rows with a change in the outbox
    SessionTable::Needle m_needle;
    QSet<QByteArray> m_needleAgentIds; // UTF-8
    QByteArray m_myAgentIdUtf8;
    std::optional<SessionState> m_stateFilter;
    Scope m_scope = Scope::All;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace sd::ui
