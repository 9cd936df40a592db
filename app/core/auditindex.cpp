#include "auditlog.h"
#include "auditlog_p.h"

#include <QFileInfo>

#include <limits>

namespace sd {

using namespace auditdetail;

// ---- AuditOrderIndex --------------------------------------------------------------------------

namespace {

// The order IDs named in a line, as written (JSON-escaped): the value after each `"order":"`.
// A quote inside a string is written escaped, so the key can only be a key; one in a stored
// body names no entry's order, and the line's parse weeds it out.
template<typename F>
void forEachOrderIn(const QByteArray &line, F &&take)
{
    static const QByteArray key = QByteArrayLiteral("\"order\":\"");
    for (qsizetype at = line.indexOf(key); at >= 0; at = line.indexOf(key, at + 1)) {
        const qsizetype from = at + key.size();
        for (qsizetype i = from; i < line.size(); ++i) {
            if (line[i] == '\\') {
                ++i;
            } else if (line[i] == '"') {
                take(QByteArray::fromRawData(line.constData() + from, i - from));
                break;
            }
        }
    }
}

QByteArray escapedOrder(const QString &orderId)
{
    const std::string text = json(orderId.toStdString()).dump(-1, ' ', false, json::error_handler_t::replace);
    return QByteArray::fromStdString(text.substr(1, text.size() - 2));
}

constexpr qsizetype kTailCheckBytes = 64;

} // namespace

AuditOrderIndex::AuditOrderIndex(QString path) : m_path(std::move(path)) {}

void AuditOrderIndex::setPath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    reset();
}

void AuditOrderIndex::reset()
{
    m_indexed = 0;
    m_tailCheck.clear();
    m_lines.clear();
}

QString AuditOrderIndex::update(QFile &file)
{
    const qint64 size = file.size();
    if (size < m_indexed) {
        reset(); // shrank: another file now
    } else if (m_indexed > 0) {
        if (!file.seek(m_indexed - m_tailCheck.size()))
            return file.errorString();
        if (file.read(m_tailCheck.size()) != m_tailCheck)
            reset(); // replaced by another file at least as long
    }
    if (size == m_indexed)
        return {};
    if (!file.seek(m_indexed))
        return file.errorString();
    LineReader reader(file);
    LineReader::Line line;
    const qint64 base = m_indexed;
    while (reader.next(line)) {
        if (!line.terminated)
            break; // being written, or torn: looked at again once a newline follows it
        const qint64 start = base + line.start;
        if (!line.tooLong) {
            QByteArray last;
            forEachOrderIn(line.text, [&](const QByteArray &order) {
                if (order == last)
                    return;
                last = QByteArray(order.constData(), order.size());
                auto it = m_lines.find(order);
                if (it == m_lines.end())
                    it = m_lines.insert(last, {});
                it->push_back({start, line.length - 1});
            });
        }
        m_indexed = start + line.length;
    }
    const qint64 check = std::min<qint64>(kTailCheckBytes, m_indexed);
    m_tailCheck.clear();
    if (check > 0 && file.seek(m_indexed - check))
        m_tailCheck = file.read(check);
    return {};
}

std::vector<AuditEntry> AuditOrderIndex::entriesFor(const QString &orderId, const QString &server,
                                                    int limit, QStringList *skipped, QString *error)
{
    std::vector<AuditEntry> out;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error && file.exists())
            *error = file.errorString();
        reset();
        return out;
    }
    if (const QString problem = update(file); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return out;
    }
    const auto lines = m_lines.constFind(escapedOrder(orderId));
    if (lines == m_lines.constEnd())
        return out;
    constexpr size_t kOther = std::numeric_limits<size_t>::max(); // an outcome not returned
    QHash<qint64, size_t> outcomeOf; // intent seq -> its outcome in `out` (or kOther)
    qsizetype awaited = 0;           // outcomes in `out` whose intent is still to come
    const auto full = [&] { return limit >= 0 && out.size() >= size_t(limit); };
    for (auto it = lines->crbegin(); it != lines->crend(); ++it) {
        if (full() && awaited == 0)
            break;
        QByteArray text;
        if (it->length <= kMaxLineBytes && file.seek(it->start))
            text = file.read(it->length);
        QString why = tr("it is longer than %1 bytes").arg(kMaxLineBytes);
        const std::optional<json> parsed = text.size() == it->length ? parseEntry(text, &why) : std::nullopt;
        if (!parsed) {
            if (skipped)
                skipped->append(tr("%1: the line at byte %2 is not an audit entry: %3.")
                                    .arg(m_path).arg(it->start).arg(why));
            continue;
        }
        AuditEntry e = entryOf(*parsed);
        if (e.orderId != orderId)
            continue; // the name was in a stored body
        const bool wanted = !full() && (server.isEmpty() || e.server.isEmpty() || e.server == server);
        if (e.phase == AuditEntry::Phase::Intent) {
            const auto outcome = outcomeOf.constFind(e.seq);
            if (outcome != outcomeOf.constEnd()) {
                if (*outcome != kOther) {
                    AuditEntry &o = out[*outcome];
                    if (o.before.isEmpty())
                        o.before = e.before; // the outcome shows the whole change
                    --awaited;
                }
                outcomeOf.erase(outcome);
                continue;
            }
            e.result = tr("outcome unknown");
        } else if (e.phase == AuditEntry::Phase::Outcome && e.link > 0) {
            outcomeOf.insert(e.link, wanted ? out.size() : kOther);
            awaited += wanted;
        }
        if (wanted)
            out.push_back(std::move(e));
    }
    return out;
}

} // namespace sd
