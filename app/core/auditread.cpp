#include "auditlog.h"
#include "auditlog_p.h"

#include "privacy.h"

#include <QFileInfo>
#include <QSet>

#include <map>

namespace sd {

using namespace auditdetail;

// ---- reading ----------------------------------------------------------------------------------

AuditVerification AuditLog::verify(const QString &path)
{
    AuditVerification v;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (file.exists()) {
            v.intact = false;
            v.reason = tr("Cannot read %1: %2").arg(path, file.errorString());
            return v;
        }
        // No log yet is an empty, intact chain; unless its head file says entries were written.
        const QString headFile = headPath(path);
        const Head head = readHead(headFile);
        if (head.exists && !head.readable) {
            v.intact = false;
            v.reason = tr("The head file %1 cannot be read: %2.").arg(headFile, head.problem);
        } else if (head.readable && head.seq > 0) {
            v.intact = false;
            v.firstBroken = 1;
            v.reason = tr("The audit log %1 is missing, but its head file %2 records that entry %3 had "
                          "been written: the log was removed.").arg(path, headFile).arg(head.seq);
        }
        return v;
    }
    lockShared(file);
    const Head head = readHead(headPath(path));
    const auto broken = [&v](qint64 line, const QString &why) {
        if (!v.intact)
            return; // the first one counts
        v.intact = false;
        v.firstBroken = line;
        v.reason = why;
    };

    LineReader reader(file);
    LineReader::Line line;
    qint64 lineNo = 0;
    qint64 expected = 1;
    QByteArray prev;
    qint64 goodEnd = 0;       // offset after the last entry
    qint64 damageLine = 0;    // first line after it that is no entry, 0: none
    QString damageWhy;
    bool damageTorn = false;
    QByteArray hashAtHead;
    qint64 headLine = 0;
    qint64 sealedLine = 0;
    QString sealedWhy;
    int format = 0;
    std::map<qint64, std::pair<qint64, QString>> open; // intent seq -> line, order
    while (v.intact && reader.next(line)) {
        ++lineNo;
        QString why = tr("it is longer than %1 bytes").arg(kMaxLineBytes);
        const std::optional<json> parsed = line.tooLong ? std::nullopt : parseEntry(line.text, &why);
        if (!parsed) {
            if (damageLine == 0) {
                damageLine = lineNo;
                damageWhy = why;
            }
            damageTorn = !line.terminated;
            continue;
        }
        json j = *parsed;
        const qint64 seq = *intOf(j, "seq");
        const QByteArray stated = QByteArray::fromStdString(j["hash"].get<std::string>());
        const bool isSeal = str(j, "operation") == kDamagedTail && j.contains("damage");
        const json damage = isSeal ? j["damage"] : json::object();
        const qint64 sealedBytes = intOf(damage, "bytes").value_or(0);
        // What an interrupted append leaves: one line without its newline, nothing else.
        const bool interrupted = damageLine == lineNo - 1 && damage.size() == 3 && isTrue(damage, "torn");
        if (damageLine != 0) {
            // Lines that are no entries are accepted only when a seal right after them
            // records exactly those bytes.
            const qint64 region = line.start - goodEnd;
            const bool tornSeal = isTrue(damage, "torn");
            const qint64 recorded = region - (tornSeal ? 1 : 0);
            const auto sha = damage.find("sha256");
            if (!isSeal || sealedBytes != recorded || sha == damage.end() || !sha->is_string()
                || QByteArray::fromStdString(sha->get<std::string>()) != hashOfRange(path, goodEnd, recorded)) {
                broken(damageLine, tr("Line %1 is not an audit entry: %2.").arg(damageLine).arg(damageWhy));
                break;
            }
            damageLine = 0;
        } else if (sealedBytes > 0) {
            broken(lineNo, tr("Line %1 records damage that is not there.").arg(lineNo));
            break;
        }
        j.erase("hash");
        if (hashOf(j) != stated) {
            broken(lineNo, tr("Line %1 was changed after it was written.").arg(lineNo));
            break;
        }
        if (QByteArray::fromStdString(j["prev"].get<std::string>()) != prev) {
            broken(lineNo, tr("Line %1 does not follow the entry before it (an entry was removed, "
                              "inserted or moved).").arg(lineNo));
            break;
        }
        if (seq != expected) {
            broken(lineNo, tr("Line %1 carries sequence number %2 instead of %3.").arg(lineNo).arg(seq).arg(expected));
            break;
        }
        if (isSeal) {
            const QString what = str(j, "result");
            if (sealedBytes > 0 && interrupted)
                v.notes << tr("Entry %1 (line %2) seals a write cut off by an interruption: %3. "
                              "The entries after it are intact.").arg(seq).arg(lineNo).arg(what);
            else if (sealedLine == 0) {
                // Reported, but the chain after it is still checked.
                sealedLine = lineNo;
                sealedWhy = tr("Entry %1 (line %2) records damage found before it was written: %3.")
                                .arg(seq).arg(lineNo).arg(what);
            }
        }
        const QString phase = str(j, "phase");
        if (phase == QLatin1String("intent"))
            open[seq] = {lineNo, str(j, "order")};
        else if (phase == QLatin1String("outcome"))
            open.erase(intOf(j, "intent").value_or(0));
        format = std::max(format, int(intOf(j, "v").value_or(1)));
        if (head.readable && seq == head.seq) {
            hashAtHead = stated;
            headLine = lineNo;
        }
        prev = stated;
        goodEnd = line.start + line.length;
        ++expected;
        v.entries = seq;
    }
    if (damageLine != 0)
        broken(damageLine, damageTorn && damageLine == lineNo
                               ? tr("Line %1 was cut off by an interrupted write; the next change "
                                    "recorded seals it.").arg(damageLine)
                               : tr("Line %1 is not an audit entry: %2.").arg(damageLine).arg(damageWhy));
    const QString headFile = headPath(path);
    if (head.exists && !head.readable)
        broken(lineNo + 1, tr("The head file %1 cannot be read: %2.").arg(headFile, head.problem));
    else if (head.readable && head.seq > v.entries)
        broken(lineNo + 1, tr("The log ends at entry %1, but entry %2 was written (%3): entries were "
                              "removed from its end.").arg(v.entries).arg(head.seq).arg(headFile));
    else if (head.readable && head.seq > 0 && hashAtHead != head.hash)
        broken(headLine, tr("Entry %1 (line %2) is not the one recorded in %3.").arg(head.seq).arg(headLine).arg(headFile));
    else if (!head.exists && format >= kFormat)
        broken(lineNo + 1, tr("The head file %1 is missing, so entries removed from the end of the "
                              "log would not show.").arg(headFile));
    if (sealedLine != 0)
        broken(sealedLine, sealedWhy);
    if (!open.empty()) {
        v.unknownOutcomes = qint64(open.size());
        QStringList which;
        for (const auto &[seq, where] : open) {
            if (which.size() == 10) {
                which << QStringLiteral("…");
                break;
            }
            which << tr("entry %1 (order %2)").arg(seq).arg(where.second);
        }
        v.notes << tr("%n write(s) with outcome unknown (sent, but no outcome was recorded): %1.",
                      nullptr, int(open.size())).arg(which.join(QStringLiteral(", ")));
    }
    return v;
}

std::vector<AuditEntry> AuditLog::read(const QString &path, QString *error, QStringList *skipped)
{
    std::vector<AuditEntry> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error && file.exists())
            *error = file.errorString();
        return out;
    }
    lockShared(file);
    LineReader reader(file);
    LineReader::Line line;
    qint64 lineNo = 0;
    QHash<qint64, size_t> intents;
    while (reader.next(line)) {
        ++lineNo;
        QString why;
        const std::optional<json> parsed = line.tooLong ? std::nullopt : parseEntry(line.text, &why);
        if (!parsed) {
            if (skipped)
                skipped->append(tr("%1 line %2 is not an audit entry: %3.")
                                    .arg(path).arg(lineNo)
                                    .arg(line.tooLong ? tr("it is longer than %1 bytes").arg(kMaxLineBytes) : why));
            continue;
        }
        AuditEntry e = entryOf(*parsed);
        if (e.phase == AuditEntry::Phase::Intent) {
            intents.insert(e.seq, out.size());
        } else if (e.phase == AuditEntry::Phase::Outcome) {
            const auto it = intents.constFind(e.link);
            if (it != intents.constEnd()) {
                AuditEntry &intent = out[*it];
                intent.link = e.seq;
                if (e.before.isEmpty())
                    e.before = intent.before; // the outcome row shows the whole change
                intents.erase(it);
            }
        }
        out.push_back(std::move(e));
    }
    for (AuditEntry &e : out)
        if (e.phase == AuditEntry::Phase::Intent)
            e.result = e.link ? tr("intent (outcome in entry %1)").arg(e.link) : tr("outcome unknown");
    return out;
}

QByteArray AuditLog::exportCsv(const std::vector<AuditEntry> &entries, bool unmasked)
{
    const auto field = [unmasked](const QString &raw) -> QString {
        return csvCell(unmasked ? raw : maskPersonalData(raw)); // quoted, formulas neutralised
    };
    QString out = QStringLiteral("seq,time,user,server,order,operation,result,status,before,after,hash\r\n");
    for (const AuditEntry &e : entries) {
        QStringList row{QString::number(e.seq), e.time.toString(Qt::ISODateWithMs), field(e.user),
                        field(e.server), field(e.orderId), csvCell(e.operation), field(e.result),
                        QString::number(e.httpStatus), field(QString::fromUtf8(e.before)),
                        field(QString::fromUtf8(e.after)), QString::fromLatin1(e.hash)};
        out += row.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace sd
