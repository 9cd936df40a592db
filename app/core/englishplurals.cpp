#include "englishplurals.h"

namespace sd {

QString EnglishPlurals::translate(const char *, const char *sourceText, const char *, int n) const
{
    if (n < 0 || !sourceText)
        return {}; // not a plural: the source text stands
    const QLatin1String marker("(s)");
    QString text = QString::fromUtf8(sourceText);
    if (!text.contains(marker))
        return {};
    return n == 1 ? text.remove(marker) : text.replace(marker, QLatin1String("s"));
}

} // namespace sd
