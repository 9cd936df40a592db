// The Team view (issue 13): every agent of the directory and every agent holding sessions, with
// the open sessions each holds in the workspace, plus "Unassigned"; a load bar per row. Its
// selection filters the session list; sessions dropped on a row are handed to the window, which
// reassigns them through the bulk flow.
#pragma once

#include <QAbstractTableModel>
#include <QDockWidget>
#include <QHash>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>

class QLineEdit;
class QTableView;

namespace sd::ui {

class DeskController;

class TeamModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { AgentColumn, LoadColumn, ColumnCount };
    enum Role {
        AgentIdRole = Qt::UserRole + 1, // empty for the Unassigned row
        LoadRole,                       // int: open sessions
        MaxLoadRole,                    // int: the largest load of any row (the bars' scale)
        UnassignedRole,                 // bool
    };

    explicit TeamModel(DeskController *desk, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override { return Qt::CopyAction; }
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    int rowOfAgent(const QString &agentId) const { return agentId.isEmpty() ? 0 : m_rowOf.value(agentId, -1); }

Q_SIGNALS:
    // Sessions dropped on an agent's row (`unassigned`: on the Unassigned row).
    void sessionsDropped(const QStringList &orderIds, const QString &agentId, bool unassigned);

private:
    // The directory's agents and those holding sessions. Not `full`: rows are only added (a
    // reset would drop the view's selection, and with it the list's filter).
    void rebuild(bool full);
    void loadChanged(const QString &before, const QString &after);
    void touchAgent(const QString &agentId);
    int load(int row) const;
    void updateMax(bool notify);

    DeskController *m_desk;
    QStringList m_agents; // row - 1 -> agent ID; row 0 is Unassigned
    QHash<QString, int> m_rowOf;
    int m_max = 0;
};

// Sorts by name or load (Unassigned stays on top) and filters agents by name or ID.
class TeamProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setFilterText(const QString &text);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

// The load column: a bar scaled to the largest load, and the number; palette colours only.
class LoadBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

class TeamDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit TeamDock(DeskController *desk, QWidget *parent = nullptr);
    TeamModel *model() const { return m_model; }
    QTableView *view() const { return m_view; } // null until the dock is first shown
    // The agents selected (Unassigned not included) in the view's order.
    QStringList selectedAgentIds() const;
    bool unassignedSelected() const;
    QString currentAgentId() const; // the row last clicked (empty: none, or Unassigned)
    QStringList agentIds() const;   // every agent, in the view's order

Q_SIGNALS:
    // The selection changed: the session list shows these agents' sessions (none: all).
    void agentsSelected(const QStringList &agentIds, bool unassigned);
    void sessionsDropped(const QStringList &orderIds, const QString &agentId, bool unassigned);

protected:
    bool event(QEvent *event) override;

private:
    // The filter and the table are made when the dock is first shown (Ctrl+T): hidden at start,
    // they would only delay the window's first frame.
    void makeView();

    TeamModel *m_model;
    TeamProxyModel *m_proxy;
    QLineEdit *m_filter = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace sd::ui
