// The UI language: SupportDesk's texts, Qt's own (standard buttons, shortcut names) and the
// date and number formats, all in the same language.
#pragma once

#include <QLocale>
#include <QString>

namespace sd::ui {

// Installs the translators for the UI languages of `locale` (LANGUAGE, LC_ALL, LANG for the
// system locale) into the application, owned by it. Returns the language loaded, empty for
// English (the source language).
QString installTranslations(const QLocale &locale = QLocale::system());

} // namespace sd::ui
