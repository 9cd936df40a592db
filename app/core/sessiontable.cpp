#include "sessiontable.h"

#include "stdstring.h"

#include "privacy.h"

#include <QDateTime>
#include <QHashFunctions>
#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace sd {

namespace {

char foldAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
}

// The longest prefix of `s` of at most `max` bytes that ends on a UTF-8 character boundary.
std::string_view clip(std::string_view s, size_t max)
{
    if (s.size() <= max)
        return s;
    size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
        --n;
    return s.substr(0, n);
}

bool isAscii(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

constexpr quint64 kOnes = 0x0101010101010101ull;
constexpr quint64 kHighs = 0x8080808080808080ull;

// The eight bytes of `w` with their ASCII capitals lower-cased (other bytes unchanged).
quint64 foldWord(quint64 w)
{
    const quint64 low7 = w & ~kHighs;
    const quint64 atLeastA = low7 + kOnes * (0x80 - 'A');
    const quint64 pastZ = low7 + kOnes * (0x80 - 'Z' - 1);
    const quint64 capitals = atLeastA & ~pastZ & ~w & kHighs;
    return w | (capitals >> 2); // 0x80 >> 2 == 0x20, the case bit
}

// Finds the lower-case ASCII `needle` in `hay`, folding the case of `hay`'s ASCII letters.
// Candidates for the first byte are found eight bytes at a time; most rows have none.
bool containsFolded(std::string_view hay, std::string_view needle)
{
    const size_t m = needle.size();
    if (m > hay.size())
        return false;
    const char *h = hay.data();
    const size_t last = hay.size() - m; // last possible start
    const auto matchesAt = [&](size_t at) {
        size_t k = 1;
        while (k < m && foldAscii(h[at + k]) == needle[k])
            ++k;
        return k == m;
    };
    const quint64 pattern = kOnes * static_cast<unsigned char>(needle[0]);
    size_t i = 0;
    for (; i + 8 <= hay.size(); i += 8) {
        quint64 word;
        std::memcpy(&word, h + i, 8);
        const quint64 x = foldWord(qFromLittleEndian(word)) ^ pattern;
        // A high bit for each zero byte (bytes after a zero may be marked too; each is checked).
        quint64 zeros = (x - kOnes) & ~x & kHighs;
        while (zeros) {
            const size_t at = i + size_t(qCountTrailingZeroBits(zeros) / 8);
            if (at > last)
                return false;
            if (matchesAt(at))
                return true;
            zeros &= zeros - 1;
        }
    }
    for (; i <= last; ++i)
        if (foldAscii(h[i]) == needle[0] && matchesAt(i))
            return true;
    return false;
}

int compareFolded(std::string_view a, std::string_view b)
{
    const size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        const unsigned char ca = static_cast<unsigned char>(foldAscii(a[i]));
        const unsigned char cb = static_cast<unsigned char>(foldAscii(b[i]));
        if (ca != cb)
            return ca < cb ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

// The text as it sorts: ASCII letters folded, and every run of digits as '0', its length
// and its digits without leading zeros, so that numbers sort by value ("ORD-9" before
// "ORD-10", as an agent reads them) and otherwise byte by byte.
void appendSortKey(std::string_view text, std::string &out)
{
    for (size_t i = 0; i < text.size();) {
        if (text[i] < '0' || text[i] > '9') {
            out.push_back(foldAscii(text[i++]));
            continue;
        }
        size_t end = i;
        while (end < text.size() && text[end] >= '0' && text[end] <= '9')
            ++end;
        size_t start = i;
        while (start + 1 < end && text[start] == '0')
            ++start;
        out.push_back('0');
        out.push_back(char(std::min<size_t>(end - start, 255)));
        out.append(text.substr(start, end - start));
        i = end;
    }
}

int compareBytes(std::string_view a, std::string_view b)
{
    const int c = std::memcmp(a.data(), b.data(), std::min(a.size(), b.size()));
    if (c != 0)
        return c < 0 ? -1 : 1;
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

size_t hashOf(std::string_view s)
{
    return qHashBits(s.data(), s.size(), 0);
}

} // namespace

SessionSummary summarize(const WorkspaceEntry &e)
{
    SessionSummary s;
    s.orderId = e.orderId;
    s.state = e.state;
    if (e.support) {
        const Support &support = *e.support;
        s.phone = toQString(support.callbackPhone);
        if (support.chat)
            s.chat = toQString(support.chat->sessionId);
        if (support.agent) {
            s.agentId = toQString(support.agent->id);
            if (support.agent->person)
                s.agentName = toQString(support.agent->person->name);
        }
    }
    s.lastChangeMs = e.lastChange.isValid() ? e.lastChange.toMSecsSinceEpoch() : 0;
    s.lastSeenMs = e.lastSeen.isValid() ? e.lastSeen.toMSecsSinceEpoch() : 0;
    s.hasDraft = e.draft.has_value();
    s.error = e.lastError;
    return s;
}

SessionTable::Needle::Needle(const QString &text)
    : m_text(text.trimmed().toLower())
{
    m_text.remove(QChar(0)); // the texts' separator can never match
    m_lower = m_text.toStdString();
    m_ascii = isAscii(m_lower);
}

void SessionTable::clear()
{
    m_rows.clear();
    m_text.clear();
    m_wasted = 0;
    m_slots.clear();
    m_errors.clear();
}

void SessionTable::reserve(int rows, qsizetype textBytes)
{
    m_rows.reserve(size_t(rows));
    m_text.reserve(size_t(textBytes));
    if (m_slots.size() < size_t(rows) * 2)
        rehash(size_t(rows) * 2);
}

std::string_view SessionTable::utf8(int row, Field field) const
{
    const Row &r = m_rows[size_t(row)];
    size_t at = r.offset;
    for (int f = 0; f < field; ++f)
        at += r.length[f] + 1u;
    return std::string_view(m_text.data() + at, r.length[field]);
}

QString SessionTable::text(int row, Field field) const
{
    const std::string_view s = utf8(row, field);
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool SessionTable::isAssigned(int row) const
{
    const Row &r = m_rows[size_t(row)];
    return r.length[AgentId] > 0 || r.length[AgentName] > 0;
}

SessionSummary SessionTable::summary(int row) const
{
    SessionSummary s;
    s.orderId = text(row, OrderId);
    s.state = state(row);
    s.agentId = text(row, AgentId);
    s.agentName = text(row, AgentName);
    s.phone = text(row, Phone);
    s.chat = text(row, Chat);
    s.lastChangeMs = lastChangeMs(row);
    s.lastSeenMs = lastSeenMs(row);
    s.hasDraft = hasDraft(row);
    s.error = error(row);
    return s;
}

int SessionTable::find(QStringView orderId) const
{
    const QByteArray key = orderId.toUtf8();
    return findUtf8(std::string_view(key.constData(), size_t(key.size())));
}

int SessionTable::findUtf8(std::string_view orderId) const
{
    if (m_slots.empty())
        return -1;
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hashOf(orderId) & mask;; i = (i + 1) & mask) {
        const qint32 row = m_slots[i];
        if (row < 0)
            return -1;
        if (utf8(row, OrderId) == orderId)
            return row;
    }
}

void SessionTable::indexInsert(int row)
{
    if ((m_rows.size()) * 2 > m_slots.size())
        rehash(std::max<size_t>(64, m_slots.size() * 2));
    const size_t mask = m_slots.size() - 1;
    size_t i = hashOf(utf8(row, OrderId)) & mask;
    while (m_slots[i] >= 0)
        i = (i + 1) & mask;
    m_slots[i] = row;
}

void SessionTable::rehash(size_t slots)
{
    size_t size = 64;
    while (size < slots)
        size *= 2;
    m_slots.assign(size, -1);
    const size_t mask = size - 1;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        size_t i = hashOf(utf8(row, OrderId)) & mask;
        while (m_slots[i] >= 0)
            i = (i + 1) & mask;
        m_slots[i] = row;
    }
}

int SessionTable::upsert(const SessionSummary &s)
{
    const QByteArray texts[FieldCount] = {s.orderId.toUtf8(), s.agentName.toUtf8(),
                                          s.agentId.toUtf8(),  s.phone.toUtf8(),
                                          QByteArray(),        s.chat.toUtf8()};
    std::string_view views[FieldCount];
    for (int f = 0; f < FieldCount; ++f)
        views[f] = std::string_view(texts[f].constData(), size_t(texts[f].size()));
    return upsertUtf8(views, s.state, s.lastChangeMs, s.lastSeenMs, s.hasDraft, s.error);
}

int SessionTable::upsertUtf8(const std::string_view (&texts)[FieldCount], SessionState state,
                             qint64 lastChangeMs, qint64 lastSeenMs, bool hasDraft,
                             const QString &error)
{
    // The phone without its spaces, so that "+4930" finds "+49 30".
    std::string digits;
    const std::string_view phone = texts[Phone];
    if (phone.find(' ') != std::string_view::npos) {
        digits.reserve(phone.size());
        for (char c : phone)
            if (c != ' ')
                digits += c;
    }
    Row r{};
    r.lastChangeMs = lastChangeMs;
    r.lastSeenMs = lastSeenMs;
    r.state = quint8(state);
    r.flags = hasDraft ? HasDraft : 0;
    const size_t start = m_text.size();
    for (int f = 0; f < FieldCount; ++f) {
        const std::string_view t = clip(f == PhoneDigits ? std::string_view(digits) : texts[f], 0xFFFF);
        r.length[f] = quint16(t.size());
        m_text.append(t);
        m_text.push_back('\0');
    }
    const std::string_view span(m_text.data() + start,
                                size_t(r.length[OrderId] + r.length[AgentName] + r.length[AgentId]
                                       + r.length[Phone] + r.length[PhoneDigits] + 4));
    if (!isAscii(span)) {
        // Unicode case folding once here, so the filter compares bytes.
        const QByteArray folded = QString::fromUtf8(span.data(), qsizetype(span.size())).toLower().toUtf8();
        const std::string_view f = clip(std::string_view(folded.constData(), size_t(folded.size())), 0xFFFF);
        r.foldedLength = quint16(f.size());
        r.flags |= NonAscii;
        m_text.append(f);
        m_text.push_back('\0');
    }
    r.offset = quint32(start);

    const int existing = findUtf8(texts[OrderId]);
    int row = existing;
    if (existing >= 0) {
        const Row &old = m_rows[size_t(existing)];
        size_t oldBytes = 0;
        for (int f = 0; f < FieldCount; ++f)
            oldBytes += old.length[f] + 1u;
        if (old.flags & NonAscii)
            oldBytes += old.foldedLength + 1u;
        m_wasted += oldBytes;
        m_rows[size_t(existing)] = r;
    } else {
        row = int(m_rows.size());
        m_rows.push_back(r);
        indexInsert(row);
    }
    if (error.isEmpty())
        m_errors.remove(row);
    else
        m_errors.insert(row, error);
    compactIfWasteful();
    return row;
}

size_t SessionTable::bytesOf(const Row &r)
{
    size_t bytes = 0;
    for (int f = 0; f < FieldCount; ++f)
        bytes += r.length[f] + 1u;
    if (r.flags & NonAscii)
        bytes += r.foldedLength + 1u;
    return bytes;
}

std::vector<int> SessionTable::removeRows(const std::vector<int> &rows)
{
    std::vector<int> newRow(m_rows.size(), 0);
    for (int r : rows)
        if (r >= 0 && size_t(r) < m_rows.size())
            newRow[size_t(r)] = -1;
    std::vector<Row> kept;
    kept.reserve(m_rows.size());
    QHash<int, QString> errors;
    for (size_t r = 0; r < m_rows.size(); ++r) {
        if (newRow[r] < 0) {
            m_wasted += bytesOf(m_rows[r]); // its texts go with the next compaction
            continue;
        }
        newRow[r] = int(kept.size());
        if (auto it = m_errors.constFind(int(r)); it != m_errors.constEnd())
            errors.insert(newRow[r], *it);
        kept.push_back(m_rows[r]);
    }
    m_rows = std::move(kept);
    m_errors = std::move(errors);
    rehash(m_slots.size());
    compactIfWasteful();
    return newRow;
}

void SessionTable::compactIfWasteful()
{
    // Replaced texts stay in the buffer until they are half of it (and worth the copy); the
    // offsets are 32 bits, so the buffer is also compacted before it could outgrow them.
    const bool nearLimit = m_text.size() > 0xE0000000u;
    if (!nearLimit && (m_wasted < (1u << 20) || m_wasted * 2 < m_text.size()))
        return;
    std::string packed;
    packed.reserve(m_text.size() - m_wasted);
    for (Row &r : m_rows) {
        size_t bytes = 0;
        for (int f = 0; f < FieldCount; ++f)
            bytes += r.length[f] + 1u;
        if (r.flags & NonAscii)
            bytes += r.foldedLength + 1u;
        const size_t at = packed.size();
        packed.append(m_text, r.offset, bytes);
        r.offset = quint32(at);
    }
    m_text = std::move(packed);
    m_wasted = 0;
}

std::string_view SessionTable::searchSpan(const Row &r) const
{
    const size_t length = size_t(r.length[OrderId] + r.length[AgentName] + r.length[AgentId]
                                 + r.length[Phone] + r.length[PhoneDigits] + 4);
    if (r.flags & NonAscii) {
        size_t at = r.offset;
        for (int f = 0; f < FieldCount; ++f)
            at += r.length[f] + 1u;
        return std::string_view(m_text.data() + at, r.foldedLength);
    }
    return std::string_view(m_text.data() + r.offset, length);
}

bool SessionTable::contains(int row, const Needle &needle) const
{
    if (needle.isEmpty())
        return true;
    const Row &r = m_rows[size_t(row)];
    const std::string_view span = searchSpan(r);
    if (r.flags & NonAscii)
        return span.find(needle.m_lower) != std::string_view::npos; // already folded
    if (!needle.m_ascii)
        return false; // plain ASCII text cannot contain it
    return containsFolded(span, needle.m_lower);
}

int SessionTable::compareText(std::string_view a, std::string_view b)
{
    thread_local std::string keyA, keyB;
    keyA.clear();
    keyB.clear();
    appendSortKey(a, keyA);
    appendSortKey(b, keyB);
    return compareBytes(keyA, keyB);
}

int SessionTable::compare(int a, int b, Field field) const
{
    return compareText(utf8(a, field), utf8(b, field));
}

namespace {

struct SortItem
{
    quint64 key;
    qint32 row;
};

// Eight bytes of a sort key from `depth` on, big-endian so that integer order is key order;
// missing bytes are 0 (a prefix sorts first).
quint64 keyAt(std::string_view key, size_t depth)
{
    quint64 packed = 0;
    for (size_t k = 0; k < 8; ++k) {
        const size_t at = depth + k;
        packed = (packed << 8) | (at < key.size() ? static_cast<unsigned char>(key[at]) : 0u);
    }
    return packed;
}

} // namespace

void SessionTable::appendRowSortKey(SortKey sortKey, int row, std::string &out) const
{
    const auto appendNumber = [&out](quint64 n) {
        for (int shift = 56; shift >= 0; shift -= 8)
            out.push_back(char((n >> shift) & 0xFF)); // big-endian: byte order is number order
    };
    switch (sortKey) {
    case SortKey::OrderId: appendSortKey(utf8(row, OrderId), out); break;
    case SortKey::State: appendNumber(m_rows[size_t(row)].state); break;
    case SortKey::Agent: {
        // By the name shown (the ID when there is none), then by ID.
        const std::string_view name = utf8(row, AgentName);
        appendSortKey(name.empty() ? utf8(row, AgentId) : name, out);
        out.push_back('\0');
        appendSortKey(utf8(row, AgentId), out);
        break;
    }
    case SortKey::Phone: appendSortKey(utf8(row, Phone), out); break;
    case SortKey::Chat: appendSortKey(utf8(row, Chat), out); break;
    case SortKey::LastChange: // signed to unsigned order
        appendNumber(quint64(m_rows[size_t(row)].lastChangeMs) ^ (quint64(1) << 63));
        break;
    }
}

std::string SessionTable::rowSortKey(SortKey sortKey, int row) const
{
    std::string key;
    appendRowSortKey(sortKey, row, key);
    return key;
}

int SessionTable::compareRows(SortKey sortKey, int a, int b) const
{
    thread_local std::string keyA, keyB;
    keyA.clear();
    keyB.clear();
    appendRowSortKey(sortKey, a, keyA);
    appendRowSortKey(sortKey, b, keyB);
    return compareBytes(keyA, keyB);
}

std::vector<int> SessionTable::sortedRows(SortKey sortKey, bool descending) const
{
    // Multikey (MSD) sort: integers of eight key bytes are sorted, and only runs of equal
    // bytes look at the next eight. A comparison of texts per step would jump through memory
    // twice per comparison; this reads each key a few times in all. The keys of all rows are
    // built once, in row order, into one buffer.
    std::string keys;
    std::vector<quint32> keyStart;
    keys.reserve(m_text.size() - m_wasted);
    keyStart.reserve(m_rows.size() + 1);
    for (int row = 0; row < int(m_rows.size()); ++row) {
        keyStart.push_back(quint32(keys.size()));
        appendRowSortKey(sortKey, row, keys);
    }
    keyStart.push_back(quint32(keys.size()));
    const auto keyOf = [&keys, &keyStart](int row) {
        return std::string_view(keys.data() + keyStart[size_t(row)],
                                keyStart[size_t(row) + 1] - keyStart[size_t(row)]);
    };
    std::vector<SortItem> items(m_rows.size());
    for (size_t row = 0; row < m_rows.size(); ++row)
        items[row] = {keyAt(keyOf(int(row)), 0), qint32(row)};
    const auto less = [descending](const SortItem &a, const SortItem &b) {
        if (a.key != b.key)
            return descending ? a.key > b.key : a.key < b.key;
        return a.row < b.row;
    };
    struct Range { size_t begin, end, depth; };
    std::vector<Range> todo{{0, items.size(), 0}};
    while (!todo.empty()) {
        const Range r = todo.back();
        todo.pop_back();
        std::sort(items.begin() + qsizetype(r.begin), items.begin() + qsizetype(r.end), less);
        for (size_t i = r.begin; i < r.end;) {
            size_t j = i + 1;
            while (j < r.end && items[j].key == items[i].key)
                ++j;
            // Equal so far: if some are longer, go on with their next eight bytes (equal keys
            // that end here are already in row order).
            bool longer = false;
            for (size_t k = i; j - i > 1 && k < j && !longer; ++k)
                longer = keyOf(items[k].row).size() > r.depth + 8;
            if (longer) {
                for (size_t k = i; k < j; ++k)
                    items[k].key = keyAt(keyOf(items[k].row), r.depth + 8);
                todo.push_back({i, j, r.depth + 8});
            }
            i = j;
        }
    }
    std::vector<int> rows(items.size());
    for (size_t k = 0; k < items.size(); ++k)
        rows[k] = items[k].row;
    return rows;
}

bool SessionTable::orderIdStartsWith(int row, std::string_view lowerPrefix) const
{
    const std::string_view id = utf8(row, OrderId);
    if (id.size() < lowerPrefix.size())
        return false;
    return compareFolded(id.substr(0, lowerPrefix.size()), lowerPrefix) == 0;
}

size_t SessionTable::memoryBytes() const
{
    return m_rows.capacity() * sizeof(Row) + m_text.capacity()
         + m_slots.capacity() * sizeof(qint32);
}

QByteArray exportSessionsCsv(const SessionTable &table, const std::vector<int> &rows)
{
    QByteArray out = "order_id,status,agent_id,agent_name,callback_phone,chat_session,last_seen\r\n";
    for (int row : rows) {
        QStringList fields;
        fields << csvCell(table.text(row, SessionTable::OrderId))
               << sessionStateKey(table.state(row))
               << csvCell(table.text(row, SessionTable::AgentId))
               << csvCell(table.text(row, SessionTable::AgentName))
               << csvCell(table.text(row, SessionTable::Phone))
               << csvCell(table.text(row, SessionTable::Chat))
               << (table.lastSeenMs(row) > 0
                       ? QDateTime::fromMSecsSinceEpoch(table.lastSeenMs(row), Qt::UTC)
                             .toString(Qt::ISODate)
                       : QString());
        out += fields.join(QLatin1Char(',')).toUtf8();
        out += "\r\n";
    }
    return out;
}

} // namespace sd
