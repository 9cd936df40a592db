// The session list's rows and what they show: the table behind it, row storage (upsert, remove,
// marks such as pending, changed and waiting), data() and headers, and dragging order IDs.
// Which rows are shown and in what order (filters, scopes, the agent filter, sorting) is in
// sessionmodelfilter.cpp.
#include "sessionmodel.h"
#include "sessionmodel_p.h"

#include <QBrush>
#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QMimeData>
#include <QPalette>

#include <algorithm>

namespace sd::ui {

SessionModel::SessionModel(QObject *parent) : QAbstractTableModel(parent) {}

int SessionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SessionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QStringList SessionModel::statusTexts()
{
    QStringList texts{tr("pending change (in the outbox)"), tr("in progress…")};
    for (SessionState s : {SessionState::Unknown, SessionState::Open, SessionState::Closed,
                           SessionState::NotFound, SessionState::Error}) {
        texts << sessionStateName(s) << sessionStateName(s) + tr(" (unsaved edit)");
    }
    return texts;
}

QString SessionModel::displayText(int row, int column) const
{
    switch (column) {
    case OrderIdColumn: return m_table.text(row, SessionTable::OrderId);
    case StatusColumn: {
        // "Pending change" is only what waits in the outbox; a request on its way is "in progress".
        if (m_waiting.contains(row))
            return tr("pending change (in the outbox)");
        if (m_pending.contains(row))
            return tr("in progress…");
        QString text = sessionStateName(m_table.state(row));
        if (m_table.hasDraft(row))
            text += tr(" (unsaved edit)");
        return text;
    }
    case AgentColumn: {
        const QString name = m_table.text(row, SessionTable::AgentName);
        return name.isEmpty() ? m_table.text(row, SessionTable::AgentId) : name;
    }
    case PhoneColumn: return m_table.text(row, SessionTable::Phone);
    case ChatColumn: return m_table.text(row, SessionTable::Chat);
    case LastChangeColumn: {
        const qint64 ms = m_table.lastChangeMs(row);
        return ms > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(),
                                           QLocale::ShortFormat)
                      : QString();
    }
    }
    return {};
}

QVariant SessionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const int row = m_rows[size_t(index.row())];
    const SessionState state = m_table.state(row);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayText(row, index.column());
    case Qt::ToolTipRole: {
        // Why the last request failed (not for a change the outbox is still to send: it will be),
        // and what others changed. The Status cell says its status whole first: it may elide it.
        const QString error = m_waiting.contains(row) ? QString() : m_table.error(row);
        const QStringList fields = m_changed.contains(row) ? m_changedFields.value(row) : QStringList();
        QStringList lines;
        if (index.column() == StatusColumn || (error.isEmpty() && fields.isEmpty()))
            lines << displayText(row, index.column());
        if (!error.isEmpty())
            lines << error;
        if (!fields.isEmpty())
            lines << tr("Changed elsewhere: %1.").arg(QLocale().createSeparatedList(fields));
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::FontRole:
        if (m_changed.contains(row)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn
            && (state == SessionState::Error || state == SessionState::NotFound))
            return QBrush(QColor(0xd9, 0x48, 0x3b));
        if (state == SessionState::Closed)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case OrderIdRole: return m_table.text(row, SessionTable::OrderId);
    case StateRole: return int(state);
    case PendingRole: return m_pending.contains(row);
    case ChangedRole: return m_changed.contains(row);
    case HasDraftRole: return m_table.hasDraft(row);
    case WaitingRole: return m_waiting.contains(row);
    }
    return {};
}

QVariant SessionModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal)
        return {};
    // The time this app saw the session differ from its earlier copy, not when it was changed.
    if (role == Qt::ToolTipRole && section == LastChangeColumn)
        return tr("When this app noticed that the session had changed on the server (not when "
                  "it was changed there)");
    if (role == Qt::ToolTipRole)
        return headerData(section, o, Qt::DisplayRole); // whole, where a narrow column elides it
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OrderIdColumn: return tr("Order");
    case StatusColumn: return tr("Status");
    case AgentColumn: return tr("Agent");
    case PhoneColumn: return tr("Callback phone");
    case ChatColumn: return tr("Chat session");
    case LastChangeColumn: return tr("Change noticed");
    }
    return {};
}

void SessionModel::setTable(SessionTable table)
{
    beginResetModel();
    m_table = std::move(table);
    m_teamLoad.load(m_table);
    m_pending.clear();
    m_changed.clear();
    m_changedFields.clear();
    m_waiting.clear();
    m_sorted.clear();
    if (m_sortColumn >= 0)
        rebuildSorted();
    m_rows.clear();
    if (m_sortColumn >= 0) {
        for (int row : m_sorted)
            if (accepts(row))
                m_rows.push_back(row);
    } else {
        for (int row = 0; row < m_table.size(); ++row)
            if (accepts(row))
                m_rows.push_back(row);
    }
    rebuildRowOf();
    endResetModel();
    Q_EMIT visibleCountChanged(int(m_rows.size()), totalCount());
    Q_EMIT teamLoadReset();
}

void SessionModel::upsert(const SessionSummary &summary)
{
    const int existing = m_table.find(summary.orderId);
    std::optional<std::string> oldKey;
    if (existing >= 0 && m_sortColumn >= 0)
        oldKey = m_table.rowSortKey(sortKeyOfColumn(m_sortColumn), existing);
    QString agentBefore;
    bool openBefore = false;
    if (existing >= 0) {
        agentBefore = m_table.text(existing, SessionTable::AgentId);
        openBefore = TeamLoad::counts(m_table.state(existing));
    }
    const int row = m_table.upsert(summary);
    const bool openAfter = TeamLoad::counts(summary.state);
    const QString agentAfter = m_table.text(row, SessionTable::AgentId);
    if (agentBefore != agentAfter || openBefore != openAfter) {
        m_teamLoad.change(agentBefore, openBefore, agentAfter, openAfter);
        Q_EMIT teamLoadChanged(agentBefore, agentAfter);
    }
    if (existing < 0) {
        m_rowOf.push_back(-1);
        if (m_sortColumn >= 0 && !m_sortedDirty)
            insertInOrder(m_sorted, row);
        else if (m_sortColumn >= 0)
            m_sorted.push_back(row); // ordered when the order is next needed
        if (accepts(row))
            showRow(row);
        Q_EMIT visibleCountChanged(int(m_rows.size()), totalCount());
        return;
    }
    if (oldKey && *oldKey != m_table.rowSortKey(sortKeyOfColumn(m_sortColumn), row)) {
        // Its place in the full order moved: the full order is sorted again when next needed
        // (moving it now costs O(n) per update, minutes over a refresh of 100k sessions). The
        // shown rows keep their places until the next filter or sort.
        m_sortedDirty = true;
    }
    const int shownRow = m_rowOf[size_t(row)];
    const bool accepted = accepts(row);
    if (shownRow >= 0 && !accepted) {
        beginRemoveRows({}, shownRow, shownRow);
        m_rows.erase(m_rows.begin() + shownRow);
        m_rowOf[size_t(row)] = -1;
        for (size_t r = size_t(shownRow); r < m_rows.size(); ++r)
            m_rowOf[size_t(m_rows[r])] = int(r);
        endRemoveRows();
        Q_EMIT visibleCountChanged(int(m_rows.size()), totalCount());
    } else if (shownRow < 0 && accepted) {
        showRow(row);
        Q_EMIT visibleCountChanged(int(m_rows.size()), totalCount());
    } else if (shownRow >= 0) {
        emitRowChanged(row, 0, ColumnCount - 1);
    }
}

void SessionModel::showRow(int row)
{
    const int shown = positionInOrder(m_rows, row); // found before beginInsertRows

    beginInsertRows({}, shown, shown);
    m_rows.insert(m_rows.begin() + shown, row);
    for (size_t r = size_t(shown); r < m_rows.size(); ++r)
        m_rowOf[size_t(m_rows[r])] = int(r);
    endInsertRows();
}

void SessionModel::upsertMany(const std::vector<SessionSummary> &summaries)
{
    if (summaries.size() < 64) {
        for (const SessionSummary &s : summaries)
            upsert(s);
        return;
    }
    for (const SessionSummary &s : summaries) {
        if (const int existing = m_table.find(s.orderId); existing >= 0)
            m_teamLoad.remove(m_table.text(existing, SessionTable::AgentId), TeamLoad::counts(m_table.state(existing)));
        const int row = m_table.upsert(s);
        m_teamLoad.add(m_table.text(row, SessionTable::AgentId), TeamLoad::counts(s.state));
        if (row >= int(m_rowOf.size()))
            m_rowOf.push_back(-1);
    }
    if (m_sortColumn >= 0)
        rebuildSorted();
    refilter();
    Q_EMIT teamLoadReset();
}

int SessionModel::remove(const QStringList &orderIds)
{
    std::vector<int> rows;
    for (const QString &id : orderIds)
        if (const int row = m_table.find(id); row >= 0)
            rows.push_back(row);
    if (rows.empty())
        return 0;
    for (int row : rows)
        m_teamLoad.remove(m_table.text(row, SessionTable::AgentId), TeamLoad::counts(m_table.state(row)));
    beginResetModel();
    const std::vector<int> newRow = m_table.removeRows(rows);
    const auto remapMarks = [&newRow](QSet<int> &marks) {
        QSet<int> moved;
        for (int row : std::as_const(marks))
            if (newRow[size_t(row)] >= 0)
                moved.insert(newRow[size_t(row)]);
        marks = std::move(moved);
    };
    remapMarks(m_pending);
    remapMarks(m_changed);
    QHash<int, QStringList> fields;
    for (auto it = m_changedFields.cbegin(); it != m_changedFields.cend(); ++it)
        if (newRow[size_t(it.key())] >= 0)
            fields.insert(newRow[size_t(it.key())], it.value());
    m_changedFields = std::move(fields);
    remapMarks(m_waiting);
    // The mapping keeps the order of the rows that stay: sorted and shown orders stay valid.
    const auto remapOrder = [&newRow](std::vector<int> &order) {
        std::erase_if(order, [&newRow](int row) { return newRow[size_t(row)] < 0; });
        for (int &row : order)
            row = newRow[size_t(row)];
    };
    remapOrder(m_sorted);
    remapOrder(m_rows);
    rebuildRowOf();
    endResetModel();
    Q_EMIT visibleCountChanged(int(m_rows.size()), totalCount());
    Q_EMIT teamLoadReset();
    return int(rows.size());
}

std::optional<SessionSummary> SessionModel::summary(const QString &orderId) const
{
    const int row = m_table.find(orderId);
    if (row < 0)
        return std::nullopt;
    return m_table.summary(row);
}

QString SessionModel::orderIdAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    return m_table.text(m_rows[size_t(index.row())], SessionTable::OrderId);
}

QModelIndex SessionModel::indexOf(const QString &orderId, int column) const
{
    const int row = m_table.find(orderId);
    if (row < 0 || size_t(row) >= m_rowOf.size() || m_rowOf[size_t(row)] < 0)
        return {};
    return index(m_rowOf[size_t(row)], column);
}

void SessionModel::rebuildRowOf()
{
    m_rowOf.assign(size_t(m_table.size()), -1);
    for (size_t r = 0; r < m_rows.size(); ++r)
        m_rowOf[size_t(m_rows[r])] = int(r);
}

void SessionModel::emitRowChanged(int row, int firstColumn, int lastColumn)
{
    const int shown = m_rowOf[size_t(row)];
    if (shown >= 0)
        Q_EMIT dataChanged(index(shown, firstColumn), index(shown, lastColumn));
}

bool SessionModel::setMark(QSet<int> &marks, const QString &orderId, bool on)
{
    const int row = m_table.find(orderId);
    if (row < 0 || on == marks.contains(row))
        return false;
    if (on)
        marks.insert(row);
    else
        marks.remove(row);
    return true;
}

void SessionModel::setPending(const QString &orderId, bool pending)
{
    if (setMark(m_pending, orderId, pending))
        emitRowChanged(m_table.find(orderId), StatusColumn, StatusColumn);
}

bool SessionModel::isPending(const QString &orderId) const
{
    const int row = m_table.find(orderId);
    return row >= 0 && m_pending.contains(row);
}

void SessionModel::setWaitingInOutbox(const QSet<QString> &orderIds)
{
    QSet<int> rows;
    for (const QString &id : orderIds)
        if (const int row = m_table.find(id); row >= 0)
            rows.insert(row);
    if (rows == m_waiting)
        return;
    const QSet<int> changed = (rows - m_waiting) | (m_waiting - rows);
    m_waiting = std::move(rows);
    for (int row : changed)
        emitRowChanged(row, StatusColumn, StatusColumn);
}

bool SessionModel::isWaitingInOutbox(const QString &orderId) const
{
    const int row = m_table.find(orderId);
    return row >= 0 && m_waiting.contains(row);
}

void SessionModel::setChanged(const QString &orderId, bool changed)
{
    if (!changed)
        m_changedFields.remove(m_table.find(orderId));
    if (setMark(m_changed, orderId, changed))
        emitRowChanged(m_table.find(orderId), 0, ColumnCount - 1);
}

void SessionModel::addChangedFields(const QString &orderId, const QStringList &fields)
{
    const int row = m_table.find(orderId);
    if (row < 0)
        return;
    QStringList &named = m_changedFields[row];
    for (const QString &f : fields)
        if (!named.contains(f))
            named << f;
    setMark(m_changed, orderId, true);
    emitRowChanged(row, 0, ColumnCount - 1); // bold, and its tooltip changed
}

QStringList SessionModel::changedFields(const QString &orderId) const
{
    const int row = m_table.find(orderId);
    return row >= 0 && m_changed.contains(row) ? m_changedFields.value(row) : QStringList();
}

QStringList SessionModel::visibleOrderIds() const
{
    QStringList ids;
    ids.reserve(qsizetype(m_rows.size()));
    for (int row : m_rows)
        ids << m_table.text(row, SessionTable::OrderId);
    return ids;
}

QStringList SessionModel::allOrderIds() const
{
    QStringList ids;
    ids.reserve(m_table.size());
    for (int row = 0; row < m_table.size(); ++row)
        ids << m_table.text(row, SessionTable::OrderId);
    return ids;
}

QString SessionModel::orderIdsMimeType()
{
    return QStringLiteral("application/x-supportdesk-order-ids");
}

QStringList SessionModel::orderIdsFromMime(const QMimeData *data)
{
    if (!data || !data->hasFormat(orderIdsMimeType()))
        return {};
    return QString::fromUtf8(data->data(orderIdsMimeType())).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

Qt::ItemFlags SessionModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid())
        f |= Qt::ItemIsDragEnabled;
    return f;
}

QStringList SessionModel::mimeTypes() const
{
    return {orderIdsMimeType(), QStringLiteral("text/plain")};
}

QMimeData *SessionModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    QSet<int> seen;
    for (const QModelIndex &i : indexes) // one index per column of each selected row
        if (i.isValid() && !seen.contains(i.row())) {
            seen.insert(i.row());
            ids << orderIdAt(i);
        }
    if (ids.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    const QByteArray text = ids.join(QLatin1Char('\n')).toUtf8();
    data->setData(orderIdsMimeType(), text);
    data->setText(QString::fromUtf8(text));
    return data;
}

QString SessionModel::firstOrderIdWithPrefix(const QString &prefix) const
{
    const QByteArray p = prefix.trimmed().toLower().toUtf8();
    if (p.isEmpty())
        return {};
    const std::string_view lower(p.constData(), size_t(p.size()));
    // Prefer a shown row, in display order; else any session.
    for (int row : m_rows)
        if (m_table.orderIdStartsWith(row, lower))
            return m_table.text(row, SessionTable::OrderId);
    for (int row = 0; row < m_table.size(); ++row)
        if (m_table.orderIdStartsWith(row, lower))
            return m_table.text(row, SessionTable::OrderId);
    return {};
}

} // namespace sd::ui
