#include "sessionmodel.h"

#include <QBrush>
#include <QFont>
#include <QLocale>
#include <QPalette>
#include <QGuiApplication>

#include <algorithm>

namespace sd::ui {

namespace {
QString q(const std::optional<std::string> &s)
{
    return s ? QString::fromStdString(*s) : QString();
}
} // namespace

SessionModel::SessionModel(QObject *parent) : QAbstractTableModel(parent) {}

int SessionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SessionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SessionModel::displayText(const WorkspaceEntry &e, int column) const
{
    const Support *s = e.support ? &*e.support : nullptr;
    switch (column) {
    case OrderIdColumn: return e.orderId;
    case StatusColumn: {
        QString text = sessionStateName(e.state);
        if (m_pending.contains(e.orderId))
            text = tr("pending change");
        else if (e.draft)
            text += tr(" (unsaved edit)");
        return text;
    }
    case AgentColumn:
        if (s && s->agent) {
            const QString name = s->agent->person ? q(s->agent->person->name) : QString();
            return name.isEmpty() ? q(s->agent->id) : name;
        }
        return {};
    case PhoneColumn: return s ? q(s->callbackPhone) : QString();
    case ChatColumn: return s && s->chat ? q(s->chat->sessionId) : QString();
    case LastChangeColumn:
        return e.lastChange.isValid()
                   ? QLocale().toString(e.lastChange.toLocalTime(), QLocale::ShortFormat)
                   : QString();
    }
    return {};
}

QVariant SessionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const WorkspaceEntry &e = m_entries[size_t(m_rows[size_t(index.row())])];
    switch (role) {
    case Qt::DisplayRole: return displayText(e, index.column());
    case Qt::ToolTipRole:
        if (!e.lastError.isEmpty())
            return e.lastError;
        return displayText(e, index.column());
    case Qt::FontRole:
        if (m_changed.contains(e.orderId)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn
            && (e.state == SessionState::Error || e.state == SessionState::NotFound))
            return QBrush(QColor(0xd9, 0x48, 0x3b));
        if (e.state == SessionState::Closed)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::AccessibleTextRole:
        return displayText(e, index.column());
    case OrderIdRole: return e.orderId;
    case StateRole: return int(e.state);
    case PendingRole: return m_pending.contains(e.orderId);
    case ChangedRole: return m_changed.contains(e.orderId);
    case HasDraftRole: return e.draft.has_value();
    }
    return {};
}

QVariant SessionModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OrderIdColumn: return tr("Order");
    case StatusColumn: return tr("Status");
    case AgentColumn: return tr("Agent");
    case PhoneColumn: return tr("Callback phone");
    case ChatColumn: return tr("Chat session");
    case LastChangeColumn: return tr("Last change seen");
    }
    return {};
}

SessionModel::Keys SessionModel::makeKeys(const WorkspaceEntry &e) const
{
    Keys k;
    k.orderId = e.orderId.toLower();
    if (e.support) {
        const Support &s = *e.support;
        k.phone = q(s.callbackPhone);
        k.phoneDigits = QString(k.phone).remove(QLatin1Char(' '));
        k.chat = s.chat ? q(s.chat->sessionId).toLower() : QString();
        if (s.agent) {
            k.assigned = true;
            k.agentId = q(s.agent->id);
            const QString name = s.agent->person ? q(s.agent->person->name) : QString();
            k.agent = (name.isEmpty() ? k.agentId : name + QLatin1Char(' ') + k.agentId).toLower();
        }
    }
    return k;
}

void SessionModel::setEntries(std::vector<WorkspaceEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    m_keys.clear();
    m_keys.reserve(m_entries.size());
    m_byOrderId.clear();
    m_byOrderId.reserve(qsizetype(m_entries.size()));
    for (size_t i = 0; i < m_entries.size(); ++i) {
        m_keys.push_back(makeKeys(m_entries[i]));
        m_byOrderId.insert(m_entries[i].orderId, int(i));
    }
    m_pending.clear();
    m_changed.clear();
    endResetModel();
    refilter();
}

int SessionModel::upsert(const WorkspaceEntry &entry)
{
    auto it = m_byOrderId.constFind(entry.orderId);
    if (it == m_byOrderId.constEnd()) {
        const int index = int(m_entries.size());
        m_entries.push_back(entry);
        m_keys.push_back(makeKeys(entry));
        m_byOrderId.insert(entry.orderId, index);
        m_rowOf.push_back(-1);
        if (accepts(index)) {
            const int row = int(m_rows.size());
            beginInsertRows({}, row, row);
            m_rows.push_back(index);
            m_rowOf[size_t(index)] = row;
            endInsertRows();
        }
        Q_EMIT visibleCountChanged(int(m_rows.size()), totalCount());
        return index;
    }
    const int index = *it;
    m_entries[size_t(index)] = entry;
    m_keys[size_t(index)] = makeKeys(entry);
    const QModelIndex shown = indexOf(entry.orderId);
    const bool wasShown = shown.isValid();
    if (wasShown != accepts(index)) {
        refilter(); // it moves in or out of the filtered view
    } else if (wasShown) {
        Q_EMIT dataChanged(shown, this->index(shown.row(), ColumnCount - 1));
    }
    return index;
}

const WorkspaceEntry *SessionModel::entry(const QString &orderId) const
{
    auto it = m_byOrderId.constFind(orderId);
    return it == m_byOrderId.constEnd() ? nullptr : &m_entries[size_t(*it)];
}

const WorkspaceEntry *SessionModel::entryAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return nullptr;
    return &m_entries[size_t(m_rows[size_t(index.row())])];
}

QModelIndex SessionModel::indexOf(const QString &orderId, int column) const
{
    auto it = m_byOrderId.constFind(orderId);
    if (it == m_byOrderId.constEnd() || size_t(*it) >= m_rowOf.size() || m_rowOf[size_t(*it)] < 0)
        return {};
    return index(m_rowOf[size_t(*it)], column);
}

void SessionModel::rebuildRowOf()
{
    m_rowOf.assign(m_entries.size(), -1);
    for (size_t r = 0; r < m_rows.size(); ++r)
        m_rowOf[size_t(m_rows[r])] = int(r);
}

void SessionModel::setPending(const QString &orderId, bool pending)
{
    if (pending == m_pending.contains(orderId))
        return;
    if (pending)
        m_pending.insert(orderId);
    else
        m_pending.remove(orderId);
    const QModelIndex i = indexOf(orderId, StatusColumn);
    if (i.isValid())
        Q_EMIT dataChanged(i, i);
}

void SessionModel::setChanged(const QString &orderId, bool changed)
{
    if (changed == m_changed.contains(orderId))
        return;
    if (changed)
        m_changed.insert(orderId);
    else
        m_changed.remove(orderId);
    const QModelIndex i = indexOf(orderId);
    if (i.isValid())
        Q_EMIT dataChanged(i, index(i.row(), ColumnCount - 1));
}

QStringList SessionModel::visibleOrderIds() const
{
    QStringList ids;
    ids.reserve(qsizetype(m_rows.size()));
    for (int i : m_rows)
        ids << m_entries[size_t(i)].orderId;
    return ids;
}

QStringList SessionModel::allOrderIds() const
{
    QStringList ids;
    ids.reserve(qsizetype(m_entries.size()));
    for (const WorkspaceEntry &e : m_entries)
        ids << e.orderId;
    return ids;
}

bool SessionModel::accepts(int i) const
{
    const WorkspaceEntry &e = m_entries[size_t(i)];
    const Keys &k = m_keys[size_t(i)];
    if (m_stateFilter && e.state != *m_stateFilter)
        return false;
    if (m_scope == Scope::Unassigned && k.assigned)
        return false;
    if (m_scope == Scope::Mine && (m_myAgentId.isEmpty() || k.agentId != m_myAgentId))
        return false;
    if (m_filterText.isEmpty())
        return true;
    return m_matcher.indexIn(k.orderId) >= 0 || m_matcher.indexIn(k.agent) >= 0
        || m_matcher.indexIn(k.phone) >= 0 || m_matcher.indexIn(k.phoneDigits) >= 0;
}

void SessionModel::refilter()
{
    beginResetModel();
    m_rows.clear();
    for (int i = 0; i < int(m_entries.size()); ++i)
        if (accepts(i))
            m_rows.push_back(i);
    sortRows();
    rebuildRowOf();
    endResetModel();
    Q_EMIT visibleCountChanged(int(m_rows.size()), totalCount());
}

void SessionModel::setFilterText(const QString &text)
{
    const QString lower = text.trimmed().toLower();
    if (lower == m_filterText)
        return;
    const bool narrowing = !m_filterText.isEmpty() && lower.startsWith(m_filterText);
    m_filterText = lower;
    m_matcher.setPattern(lower);
    if (!narrowing) {
        refilter();
        return;
    }
    // Typing on: only the rows shown now can still match, already in sorted order.
    beginResetModel();
    std::vector<int> kept;
    kept.reserve(m_rows.size());
    for (int i : m_rows)
        if (accepts(i))
            kept.push_back(i);
    m_rows = std::move(kept);
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
    m_myAgentId = myAgentId;
    refilter();
}

QString SessionModel::firstOrderIdWithPrefix(const QString &prefix) const
{
    const QString p = prefix.trimmed().toLower();
    if (p.isEmpty())
        return {};
    // Prefer a visible row, in display order; else any entry.
    for (int i : m_rows)
        if (m_keys[size_t(i)].orderId.startsWith(p))
            return m_entries[size_t(i)].orderId;
    for (size_t i = 0; i < m_keys.size(); ++i)
        if (m_keys[i].orderId.startsWith(p))
            return m_entries[i].orderId;
    return {};
}

void SessionModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> oldRows = m_rows;
    sortRows();
    rebuildRowOf();
    // Keep selections and the current row on the same sessions.
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &i : before)
        after << index(m_rowOf[size_t(oldRows[size_t(i.row())])], i.column());
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void SessionModel::sortRows()
{
    if (m_sortColumn < 0)
        return;
    const int column = m_sortColumn;
    const bool asc = m_sortOrder == Qt::AscendingOrder;
    auto cmpStrings = [asc](const QString &a, const QString &b, int ia, int ib) {
        const int c = a.compare(b);
        if (c != 0)
            return asc ? c < 0 : c > 0;
        return ia < ib;
    };
    auto less = [&](int a, int b) -> bool {
        const Keys &ka = m_keys[size_t(a)], &kb = m_keys[size_t(b)];
        const WorkspaceEntry &ea = m_entries[size_t(a)], &eb = m_entries[size_t(b)];
        switch (column) {
        case OrderIdColumn: return cmpStrings(ka.orderId, kb.orderId, a, b);
        case StatusColumn:
            if (ea.state != eb.state)
                return asc ? ea.state < eb.state : ea.state > eb.state;
            return a < b;
        case AgentColumn: return cmpStrings(ka.agent, kb.agent, a, b);
        case PhoneColumn: return cmpStrings(ka.phone, kb.phone, a, b);
        case ChatColumn: return cmpStrings(ka.chat, kb.chat, a, b);
        case LastChangeColumn: {
            const qint64 ta = ea.lastChange.isValid() ? ea.lastChange.toMSecsSinceEpoch() : 0;
            const qint64 tb = eb.lastChange.isValid() ? eb.lastChange.toMSecsSinceEpoch() : 0;
            if (ta != tb)
                return asc ? ta < tb : ta > tb;
            return a < b;
        }
        }
        return a < b;
    };
    std::sort(m_rows.begin(), m_rows.end(), less);
}

} // namespace sd::ui
