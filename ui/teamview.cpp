#include "teamview.h"

#include "deskcontroller.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace sd::ui {

TeamModel::TeamModel(DeskController *desk, QObject *parent) : QAbstractTableModel(parent), m_desk(desk)
{
    connect(desk->model(), &SessionModel::teamLoadChanged, this, &TeamModel::loadChanged);
    connect(desk->model(), &SessionModel::teamLoadReset, this, [this] { rebuild(false); });
    connect(desk, &DeskController::knownAgentsChanged, this, [this] { rebuild(false); });
    connect(desk, &DeskController::workspaceReset, this, [this] { rebuild(true); });
    rebuild(true);
}

int TeamModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_agents.size()) + 1;
}

int TeamModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int TeamModel::load(int row) const
{
    const TeamLoad &team = m_desk->teamLoad();
    return row == 0 ? team.unassigned() : team.count(m_agents.at(row - 1));
}

QVariant TeamModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() > int(m_agents.size()))
        return {};
    const int row = index.row();
    const QString id = row == 0 ? QString() : m_agents.at(row - 1);
    const auto name = [this, &id] {
        if (id.isEmpty())
            return tr("Unassigned");
        const std::optional<Agent> agent = m_desk->knownAgents().find(id);
        const QString shown = agent ? QString::fromStdString(agent->displayName()) : QString();
        return shown.isEmpty() ? id : shown;
    };
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == AgentColumn)
            return name();
        return load(row);
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return row == 0 ? tr("Unassigned: %n open session(s)", nullptr, load(row))
                        : tr("%1 (%2): %n open session(s)", nullptr, load(row)).arg(name(), id);
    case Qt::TextAlignmentRole:
        if (index.column() == LoadColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case AgentIdRole: return id;
    case LoadRole: return load(row);
    case MaxLoadRole: return m_max;
    case UnassignedRole: return row == 0;
    }
    return {};
}

QVariant TeamModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == AgentColumn ? tr("Agent") : tr("Open sessions");
}

Qt::ItemFlags TeamModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid())
        f |= Qt::ItemIsDropEnabled;
    return f;
}

QStringList TeamModel::mimeTypes() const
{
    return {SessionModel::orderIdsMimeType()};
}

bool TeamModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                const QModelIndex &parent) const
{
    return parent.isValid() && (action & supportedDropActions())
        && data && data->hasFormat(SessionModel::orderIdsMimeType());
}

bool TeamModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                             const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QStringList ids = SessionModel::orderIdsFromMime(data);
    if (ids.isEmpty())
        return false;
    const QString agentId = parent.data(AgentIdRole).toString();
    // Queued: the bulk preview is modal, and must not run inside the drop's own event handling.
    QMetaObject::invokeMethod(this, [this, ids, agentId] { Q_EMIT sessionsDropped(ids, agentId, agentId.isEmpty()); },
                              Qt::QueuedConnection);
    return true;
}

void TeamModel::rebuild(bool full)
{
    QStringList ids = m_desk->knownAgents().ids();
    for (const QString &id : m_desk->teamLoad().agents())
        ids << id;
    if (full) {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        beginResetModel();
        m_agents = ids;
        m_rowOf.clear();
        for (int i = 0; i < m_agents.size(); ++i)
            m_rowOf.insert(m_agents.at(i), i + 1);
        updateMax(false);
        endResetModel();
        return;
    }
    for (const QString &id : std::as_const(ids))
        touchAgent(id);
    updateMax(false);
    if (rowCount() > 0) // every count may have changed
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void TeamModel::touchAgent(const QString &agentId)
{
    if (agentId.isEmpty() || m_rowOf.contains(agentId))
        return;
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_agents << agentId;
    m_rowOf.insert(agentId, row);
    endInsertRows();
}

void TeamModel::updateMax(bool notify)
{
    int max = 0;
    for (int row = 0; row < rowCount(); ++row)
        max = std::max(max, load(row));
    if (max == m_max)
        return;
    m_max = max;
    if (notify && rowCount() > 0) // every bar's scale
        Q_EMIT dataChanged(index(0, LoadColumn), index(rowCount() - 1, LoadColumn));
}

void TeamModel::loadChanged(const QString &before, const QString &after)
{
    touchAgent(before);
    touchAgent(after);
    const int oldMax = m_max;
    for (const QString &id : {before, after}) {
        const int row = rowOfAgent(id);
        const int count = load(row);
        if (count > m_max)
            m_max = count;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    if (m_max != oldMax) {
        Q_EMIT dataChanged(index(0, LoadColumn), index(rowCount() - 1, LoadColumn));
    } else if (const int b = load(rowOfAgent(before)); b + 1 == m_max) {
        updateMax(true); // the largest may have shrunk (a scan of the agents, not the sessions)
    }
}

void TeamProxyModel::setFilterText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool TeamProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Unassigned first whichever way the column is sorted.
    const bool ascending = sortOrder() == Qt::AscendingOrder;
    if (left.data(TeamModel::UnassignedRole).toBool())
        return ascending;
    if (right.data(TeamModel::UnassignedRole).toBool())
        return !ascending;
    if (left.column() == TeamModel::LoadColumn) {
        const int a = left.data(TeamModel::LoadRole).toInt(), b = right.data(TeamModel::LoadRole).toInt();
        if (a != b)
            return a < b;
    }
    const QString an = left.siblingAtColumn(TeamModel::AgentColumn).data().toString();
    const QString bn = right.siblingAtColumn(TeamModel::AgentColumn).data().toString();
    if (const int c = an.localeAwareCompare(bn); c != 0)
        return c < 0;
    return left.data(TeamModel::AgentIdRole).toString() < right.data(TeamModel::AgentIdRole).toString();
}

bool TeamProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QModelIndex i = sourceModel()->index(sourceRow, TeamModel::AgentColumn, sourceParent);
    return i.data().toString().contains(m_text, Qt::CaseInsensitive)
        || i.data(TeamModel::AgentIdRole).toString().contains(m_text, Qt::CaseInsensitive);
}

void LoadBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString number = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : nullptr;
    if (style)
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QRect r = opt.rect.adjusted(4, 3, -4, -3);
    const int numberWidth = opt.fontMetrics.horizontalAdvance(QStringLiteral("00000"));
    const QRect barArea(r.left(), r.top(), std::max(0, r.width() - numberWidth - 6), r.height());
    const int load = index.data(TeamModel::LoadRole).toInt();
    const int max = index.data(TeamModel::MaxLoadRole).toInt();
    painter->save();
    if (max > 0 && load > 0 && barArea.width() > 0) {
        QRect bar = barArea;
        bar.setWidth(std::max(2, int(qint64(barArea.width()) * load / max)));
        painter->setPen(Qt::NoPen);
        painter->setBrush(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Highlight));
        painter->drawRect(bar);
    }
    painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(QRect(r.right() - numberWidth, r.top(), numberWidth, r.height()),
                      Qt::AlignRight | Qt::AlignVCenter, number);
    painter->restore();
}

QSize LoadBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(std::max(s.width(), option.fontMetrics.horizontalAdvance(QStringLiteral("00000")) * 3));
    return s;
}

TeamDock::TeamDock(DeskController *desk, QWidget *parent) : QDockWidget(tr("Team"), parent)
{
    setObjectName(QStringLiteral("teamDock"));
    setAccessibleName(tr("Team"));
    m_model = new TeamModel(desk, this);
    m_proxy = new TeamProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setDynamicSortFilter(true);
    m_proxy->sort(TeamModel::LoadColumn, Qt::DescendingOrder); // as the view shows it (agentIds)
    // A reset (another profile's workspace) drops the selection without selectionChanged.
    connect(m_proxy, &QAbstractItemModel::modelReset, this,
            [this] { Q_EMIT agentsSelected(selectedAgentIds(), unassignedSelected()); });
    connect(m_model, &TeamModel::sessionsDropped, this, &TeamDock::sessionsDropped);
    // A closed Team view filters nothing.
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible && !isVisible() && m_view)
            m_view->clearSelection();
    });
}

bool TeamDock::event(QEvent *event)
{
    if (event->type() == QEvent::Show && !m_view) {
        makeView();
        // Laid out and shown now, with the dock (made inside its showing, both would come a turn later).
        layout()->activate();
        widget()->show();
    }
    return QDockWidget::event(event);
}

void TeamDock::makeView()
{
    auto *box = new QWidget(this);
    m_filter = new QLineEdit(box);
    m_filter->setObjectName(QStringLiteral("teamFilter"));
    m_filter->setAccessibleName(tr("Filter agents"));
    m_filter->setPlaceholderText(tr("Filter agents by name or ID"));
    m_filter->setClearButtonEnabled(true);
    m_view = new QTableView(box);
    m_view->setObjectName(QStringLiteral("teamView"));
    m_view->setAccessibleName(tr("Open sessions per agent"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(TeamModel::LoadColumn, new LoadBarDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TeamModel::LoadColumn, Qt::DescendingOrder);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    // The names take what the dock leaves after the load column (no horizontal scrolling).
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(TeamModel::AgentColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(TeamModel::LoadColumn, QHeaderView::Interactive);
    m_view->setColumnWidth(TeamModel::LoadColumn,
                           std::max(header->fontMetrics().horizontalAdvance(m_model->headerData(TeamModel::LoadColumn, Qt::Horizontal).toString()) + 32,
                                    m_view->fontMetrics().horizontalAdvance(QStringLiteral("00000")) * 3));
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setWordWrap(false);
    // Sessions dragged from the list land on a row (never between rows).
    m_view->setAcceptDrops(true);
    m_view->setDragDropMode(QAbstractItemView::DropOnly);
    m_view->setDragDropOverwriteMode(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDefaultDropAction(Qt::CopyAction);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    setWidget(box);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &TeamProxyModel::setFilterText);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { Q_EMIT agentsSelected(selectedAgentIds(), unassignedSelected()); });
}

QStringList TeamDock::selectedAgentIds() const
{
    QStringList ids;
    if (!m_view)
        return ids; // never shown: nothing selected
    // selectedRows() comes in the order of the clicks; Balance breaks ties and goes round in
    // this order, so it is the order the supervisor sees (and the dialog lists) instead.
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &i : std::as_const(rows))
        if (!i.data(TeamModel::UnassignedRole).toBool())
            ids << i.data(TeamModel::AgentIdRole).toString();
    return ids;
}

bool TeamDock::unassignedSelected() const
{
    if (!m_view)
        return false;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        if (i.data(TeamModel::UnassignedRole).toBool())
            return true;
    return false;
}

QString TeamDock::currentAgentId() const
{
    if (!m_view)
        return {};
    return m_view->currentIndex().data(TeamModel::AgentIdRole).toString();
}

QStringList TeamDock::agentIds() const
{
    QStringList ids;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        if (const QModelIndex i = m_proxy->index(r, 0); !i.data(TeamModel::UnassignedRole).toBool())
            ids << i.data(TeamModel::AgentIdRole).toString();
    return ids;
}

} // namespace sd::ui
