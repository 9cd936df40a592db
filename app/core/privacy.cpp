#include "privacy.h"

#include <QRegularExpression>

namespace sd {

QString maskPhone(const QString &phone)
{
    int digits = 0;
    for (QChar c : phone)
        digits += c.isDigit() ? 1 : 0;
    QString out = phone;
    int seen = 0;
    for (QChar &c : out) {
        if (c.isDigit()) {
            ++seen;
            if (seen <= digits - 2)
                c = QLatin1Char('*');
        }
    }
    return out;
}

QString maskEmail(const QString &email)
{
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return QString(email.size(), QLatin1Char('*'));
    return email.left(1) + QStringLiteral("***") + email.mid(at);
}

QString maskPersonalData(const QString &text)
{
    static const QRegularExpression email(
        QStringLiteral(R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,})"));
    static const QRegularExpression phone(QStringLiteral(R"(\+?\(?\d[\d\s().\-]{5,}\d)"));
    QString out = text;
    for (const QRegularExpression *re : {&email, &phone}) {
        QString next;
        qsizetype last = 0;
        auto it = re->globalMatch(out);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString found = m.captured();
            int digits = 0;
            for (QChar c : found)
                digits += c.isDigit() ? 1 : 0;
            const bool isEmail = re == &email;
            if (!isEmail && digits < 7)
                continue;
            next += out.mid(last, m.capturedStart() - last);
            next += isEmail ? maskEmail(found) : maskPhone(found);
            last = m.capturedEnd();
        }
        next += out.mid(last);
        out = next;
    }
    return out;
}

QString csvCell(const QString &value)
{
    QString cell = value;
    if (!cell.isEmpty()) {
        const QChar first = cell.front();
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
            || first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            cell.prepend(QLatin1Char('\''));
    }
    if (!cell.contains(QLatin1Char(',')) && !cell.contains(QLatin1Char('"'))
        && !cell.contains(QLatin1Char('\n')) && !cell.contains(QLatin1Char('\r')))
        return cell;
    cell.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + cell + QLatin1Char('"');
}

namespace {

bool isBidiControl(char16_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
}

} // namespace

QString terminalSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    qsizetype i = 0;
    // Skips a control string (OSC, DCS, SOS, PM, APC) up to its terminator: BEL, ESC \ or ST.
    const auto skipString = [&] {
        while (i < n) {
            const char16_t c = text[i].unicode();
            if (c == 0x07 || c == 0x9C) {
                ++i;
                return;
            }
            if (c == 0x1B && i + 1 < n && text[i + 1] == QLatin1Char('\\')) {
                i += 2;
                return;
            }
            ++i;
        }
    };
    // Skips the parameters and intermediates of a CSI sequence and its final byte.
    const auto skipCsi = [&] {
        while (i < n) {
            const char16_t c = text[i].unicode();
            if (c >= 0x20 && c <= 0x3F) {
                ++i;
                continue;
            }
            if (c >= 0x40 && c <= 0x7E)
                ++i;
            return; // anything else ends a broken sequence and is judged on its own
        }
    };
    while (i < n) {
        const char16_t c = text[i].unicode();
        if (c == 0x1B) {
            ++i;
            const char16_t k = i < n ? text[i].unicode() : 0;
            if (k == u'[') {
                ++i;
                skipCsi();
            } else if (k == u']' || k == u'P' || k == u'X' || k == u'^' || k == u'_') {
                ++i;
                skipString();
            } else {
                // ESC, intermediates (0x20-0x2F), one final (0x30-0x7E): e.g. ESC c, ESC ( B.
                while (i < n && text[i].unicode() >= 0x20 && text[i].unicode() <= 0x2F)
                    ++i;
                if (i < n && text[i].unicode() >= 0x30 && text[i].unicode() <= 0x7E)
                    ++i;
            }
            continue;
        }
        ++i;
        if (c == 0x9B) {
            skipCsi();
        } else if (c == 0x90 || c == 0x98 || c == 0x9D || c == 0x9E || c == 0x9F) {
            skipString();
        } else if (c == u'\t' || c == u'\n' || c == u'\r' || c == 0x0B || c == 0x0C
                   || c == 0x2028 || c == 0x2029) {
            out += QLatin1Char(' ');
        } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || isBidiControl(c)) {
            // dropped
        } else {
            out += QChar(c);
        }
    }
    return out;
}

} // namespace sd
