// Internals shared by the audit files (auditlog.cpp: the file and appends; auditentry.cpp: the
// entry format and hashing; auditread.cpp: verify, read, CSV; auditindex.cpp; auditrecorder.cpp).
// Not for use outside them.
#pragma once

#include "auditlog.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace sd {

namespace {
// The log's messages. lupdate files a free tr() in namespace sd under the context "sd", so
// that is the context they are looked up in (with "sd::AuditLog" their German never showed).
inline QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("sd", text, disambiguation, n);
}
} // namespace

namespace auditdetail {

using nlohmann::json;

// A line is one entry; embedded sessions are bounded by the response limit, so this is far
// above any entry we write and keeps a hostile file from taking all memory.
constexpr qsizetype kMaxLineBytes = 64 * 1024 * 1024;
// Sessions are shallow; a deeper body is kept as a string, so no entry we write is deeper than
// this plus the entry's own levels, and no line deeper than that is parsed (dump() recurses).
constexpr int kMaxBodyDepth = 64;
constexpr int kMaxLineDepth = kMaxBodyDepth + 4;
constexpr qint64 kMaxHeadBytes = 4096;
constexpr int kLockWaitMs = 10'000;
constexpr int kFormat = 2; // 2: intents, outcomes and a head file

inline const QString kDamagedTail = QStringLiteral("damaged-tail");

// ---- the entry format (auditentry.cpp) ----
bool depthWithin(const char *data, qsizetype size, int limit);
bool isHexHash(const std::string &s);
std::optional<qint64> intOf(const json &j, const char *key);
bool isTrue(const json &j, const char *key);
QString str(const json &j, const char *key);
QByteArray rawOf(const json &j, const char *key);
QByteArray hashOf(const json &withoutHash);
// A line of the log, parsed: an object with the fields every entry has, of the right types.
// Else an explanation (for the message naming the line).
std::optional<json> parseEntry(const QByteArray &line, QString *why);
json bodyJson(const QByteArray &text);
const char *phaseName(AuditEntry::Phase phase);
json toJson(const AuditEntry &e);
// Fills in seq, prev and hash; returns the line, newline included.
QByteArray seal(json &j, qint64 seq, const QByteArray &prev, QByteArray *hash);
// SHA-256 of the bytes [from, from + length) of `path`.
QByteArray hashOfRange(const QString &path, qint64 from, qint64 length);
// An entry as parseEntry() accepted it. An outcome's link is the seq of its intent.
AuditEntry entryOf(const json &j);

// ---- the file (auditlog.cpp) ----
// Readers wait briefly for a writer to finish its batch, so they do not take a line being
// written for a torn one; they read anyway when it takes longer.
void lockShared(QFile &file);
bool tryLock(QFile &file);
void unlockFile(QFile &file);

struct Head
{
    bool exists = false;
    bool readable = false;
    QString problem;
    qint64 seq = 0;
    QByteArray hash;
};
Head readHead(const QString &path);

// Reads a file line by line with the byte offset of each line; a line is cut at kMaxLineBytes
// (marked too long) and the final line may lack its newline.
class LineReader
{
public:
    explicit LineReader(QFile &file) : m_file(file) {}

    struct Line
    {
        QByteArray text;     // without the newline
        qint64 start = 0;
        qint64 length = 0;   // newline included
        bool terminated = false;
        bool tooLong = false;
    };

    bool next(Line &line)
    {
        line = Line{};
        line.start = m_offset;
        for (;;) {
            const qsizetype nl = m_buffer.indexOf('\n', m_pos);
            if (nl >= 0) {
                take(line, nl - m_pos);
                m_pos = nl + 1;
                ++m_offset;
                ++line.length;
                line.terminated = true;
                return true;
            }
            take(line, m_buffer.size() - m_pos);
            m_buffer = m_file.read(1 << 20);
            m_pos = 0;
            if (m_buffer.isEmpty())
                return line.length > 0;
        }
    }

private:
    void take(Line &line, qsizetype n)
    {
        line.length += n;
        m_offset += n;
        if (!line.tooLong && line.text.size() + n > kMaxLineBytes) {
            line.tooLong = true;
            line.text.clear();
        }
        if (!line.tooLong)
            line.text.append(m_buffer.constData() + m_pos, n);
        m_pos += n;
    }

    QFile &m_file;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_offset = 0;
};

} // namespace auditdetail
} // namespace sd
