// What the session list shows of every session, held compactly enough for a million rows:
// one fixed-size record per session and its texts as UTF-8 in one shared buffer (about 150
// bytes per session instead of the ~5 KB of a typed Support). The full session lives in the
// WorkspaceStore and is read only when one is opened.
#pragma once

#include "workspace.h"

#include <QHash>
#include <QString>
#include <QStringView>
#include <string>
#include <string_view>
#include <vector>

namespace sd {

struct SessionSummary
{
    QString orderId;
    SessionState state = SessionState::Unknown;
    QString agentId;
    QString agentName;
    QString phone;
    QString chat;
    qint64 lastChangeMs = 0; // 0: no change seen
    qint64 lastSeenMs = 0;   // 0: never loaded
    bool hasDraft = false;
    QString error;
};

SessionSummary summarize(const WorkspaceEntry &entry);

class SessionTable
{
public:
    // The texts of a row, in the order they are laid out. Order ID to phone digits are
    // searched by the filter as one span.
    enum Field : quint8 { OrderId, AgentName, AgentId, Phone, PhoneDigits, Chat, FieldCount };

    // A filter text prepared once per keystroke.
    class Needle
    {
    public:
        explicit Needle(const QString &text = {});
        bool isEmpty() const { return m_lower.empty(); }
        const QString &text() const { return m_text; }

    private:
        friend class SessionTable;
        QString m_text;      // lower-cased
        std::string m_lower; // the same in UTF-8
        bool m_ascii = true;
    };

    int size() const { return int(m_rows.size()); }
    void clear();
    void reserve(int rows, qsizetype textBytes);

    // Row of the order ID, or -1.
    int find(QStringView orderId) const;
    int findUtf8(std::string_view orderId) const;
    // Adds the session or replaces the row with its order ID; returns the row.
    int upsert(const SessionSummary &summary);
    // The same from UTF-8 texts (the store's fast path); `texts` in Field order, PhoneDigits
    // ignored (derived).
    int upsertUtf8(const std::string_view (&texts)[FieldCount], SessionState state,
                   qint64 lastChangeMs, qint64 lastSeenMs, bool hasDraft, const QString &error);

    // Takes rows out; the rows after them move up. Returns, per old row, its new row (-1: removed).
    std::vector<int> removeRows(const std::vector<int> &rows);

    std::string_view utf8(int row, Field field) const;
    QString text(int row, Field field) const;
    SessionState state(int row) const { return SessionState(m_rows[size_t(row)].state); }
    qint64 lastChangeMs(int row) const { return m_rows[size_t(row)].lastChangeMs; }
    qint64 lastSeenMs(int row) const { return m_rows[size_t(row)].lastSeenMs; }
    bool hasDraft(int row) const { return m_rows[size_t(row)].flags & HasDraft; }
    bool isAssigned(int row) const;
    QString error(int row) const { return m_errors.value(row); }
    SessionSummary summary(int row) const;

    // Does the order ID, agent name or ID, or phone (with or without its spaces) contain the
    // needle, ignoring case?
    bool contains(int row, const Needle &needle) const;
    // Comparison of one field of two rows, ignoring case and with numbers by value
    // ("ORD-9" before "ORD-10"): <0, 0, >0.
    int compare(int a, int b, Field field) const;
    static int compareText(std::string_view a, std::string_view b); // the same for two texts
    // Sorts every row by one key, ties by row number (ascending, also when descending).
    enum class SortKey { OrderId, State, Agent /* name shown (ID if none), then ID */, Phone, Chat, LastChange };
    std::vector<int> sortedRows(SortKey key, bool descending) const;
    // The bytes a row sorts by (texts as compareText orders them; numbers big-endian), and the
    // comparison of two rows by them: <0, 0, >0.
    std::string rowSortKey(SortKey key, int row) const;
    int compareRows(SortKey key, int a, int b) const;
    // Does the order ID start with `lowerPrefix` (lower-cased UTF-8), ignoring case?
    bool orderIdStartsWith(int row, std::string_view lowerPrefix) const;

    size_t memoryBytes() const;

private:
    enum Flag : quint8 { HasDraft = 1, NonAscii = 2 };
    struct Row
    {
        qint64 lastChangeMs;
        qint64 lastSeenMs;
        quint32 offset; // of the first text in m_text
        quint16 length[FieldCount];
        quint16 foldedLength; // a lower-cased copy of the search span follows the texts when the
                              // span is not plain ASCII
        quint8 state;
        quint8 flags;
    };
    static size_t bytesOf(const Row &row); // its texts in m_text
    std::string_view searchSpan(const Row &row) const;
    void appendRowSortKey(SortKey key, int row, std::string &out) const;
    void indexInsert(int row);
    void rehash(size_t slots);
    void compactIfWasteful();

    std::vector<Row> m_rows;
    std::string m_text; // texts of all rows, each followed by '\0'
    size_t m_wasted = 0; // bytes of replaced texts still in m_text
    std::vector<qint32> m_slots; // open-addressing index: order ID -> row; -1 empty
    QHash<int, QString> m_errors; // the few rows with an error
};

// The CSV export of the given rows (RFC 4180 quoting).
QByteArray exportSessionsCsv(const SessionTable &table, const std::vector<int> &rows);

} // namespace sd
