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

} // namespace sd
