#include "translations.h"

#include "englishplurals.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace sd::ui {

QString installTranslations(const QLocale &locale)
{
    QCoreApplication *app = QCoreApplication::instance();
    // Installed first, so asked last: "%n session(s)" reads "1 session", "2 sessions".
    QCoreApplication::installTranslator(new EnglishPlurals(app));
    auto *own = new QTranslator(app);
    if (!own->load(locale, QStringLiteral("supportdesk"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        return {};
    }
    const QLocale language(own->language());
    // Qt's texts (OK, Cancel, "Strg+F") in the language found for ours, so a window never
    // mixes two languages (the files are in qt6-translations-l10n).
    auto *qt = new QTranslator(app);
    if (qt->load(language, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    QCoreApplication::installTranslator(own);
    // LANGUAGE=de with English or C formats would put "30 Nov 2026" under German menus: dates
    // and numbers follow the UI language unless the formats already are in it. Those come
    // from LC_ALL, LC_TIME or LANG, as the C library takes them: with LC_ALL=C.UTF-8,
    // QLocale::system() reports LANGUAGE's language but formats as C.
    QString formats;
    for (const char *variable : {"LC_ALL", "LC_TIME", "LANG"})
        if (!(formats = qEnvironmentVariable(variable)).isEmpty())
            break;
    const QLocale::Language formatLanguage =
        formats.isEmpty() ? locale.language() : QLocale(formats).language();
    if (formatLanguage != language.language())
        QLocale::setDefault(language);
    return own->language();
}

} // namespace sd::ui
