// AuditOrderIndex: the audit entries of one order, for a session's history.
#pragma once

#include "auditlog.h"

#include <QFile>
#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace sd {

// The entries of one order, for a session's history, without reading the whole log each time:
// one pass over the log finds the lines of every order (only the order's name is looked at,
// nothing is parsed), later calls index only what was appended since, and a query parses just
// the lines of its order. A log that shrank or was replaced is indexed again.
class AuditOrderIndex
{
public:
    explicit AuditOrderIndex(QString path = defaultAuditLogPath());
    QString path() const { return m_path; }
    void setPath(const QString &path);

    // The writes recorded for `orderId`, newest first, at most `limit`: an outcome carries the
    // `before` of its intent (and its intent's seq in `link`); an intent without outcome is
    // returned as it is ("outcome unknown"); sealed damage is not an order's. Only entries of
    // `server` when it is not empty. Lines that are no entries (torn, damaged) are skipped, one
    // message each in `skipped`.
    std::vector<AuditEntry> entriesFor(const QString &orderId, const QString &server = {},
                                       int limit = 50, QStringList *skipped = nullptr,
                                       QString *error = nullptr);
    // The log's size as last indexed: unchanged means no entry was added.
    qint64 indexedSize() const { return m_indexed; }

private:
    struct Line
    {
        qint64 start;
        qint64 length; // without the newline
    };
    QString update(QFile &file);
    void reset();

    QString m_path;
    qint64 m_indexed = 0;   // bytes of whole lines looked at
    QByteArray m_tailCheck; // the last bytes indexed, to notice a replaced file
    QHash<QByteArray, std::vector<Line>> m_lines; // the order as written (JSON-escaped)
};

} // namespace sd
