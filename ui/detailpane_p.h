// Internal to the detail pane (detailpane.cpp, detailpanecards.cpp): rich-text links and values.
#pragma once

#include "models.h"

#include <QLocale>
#include <QString>
#include <QUrl>

namespace sd::ui::detail {

// A numeric rating in the user's locale ("3,5" in German); a text rating as the server sent it.
inline QString ratingText(const Rating &rating)
{
    const QString text = QString::fromStdString(rating.text());
    bool number = false;
    const double value = text.toDouble(&number);
    return number ? QLocale().toString(value) : text;
}

inline QString escaped(const QString &s)
{
    return s.toHtmlEscaped();
}

// A link's words stay on one line when the links wrap.
inline QString unbroken(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
}

// A link as rich text; the address encoded (an e-mail may hold non-ASCII letters).
inline QString anchor(const QUrl &url, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>")
        .arg(escaped(QString::fromUtf8(url.toEncoded())), unbroken(text));
}

// tel: takes no spaces (RFC 3966): "+49 30 5550100" dials as tel:+49305550100.
inline QUrl telUrl(const QString &phone)
{
    QString number = phone;
    number.remove(QLatin1Char(' '));
    return QUrl(QStringLiteral("tel:") + number);
}

inline QUrl mailtoUrl(const QString &email)
{
    return QUrl(QStringLiteral("mailto:") + email);
}

} // namespace sd::ui::detail
