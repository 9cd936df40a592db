// English plural forms for the "%n thing(s)" source texts: "1 session", "2 sessions". English is
// the source language, so no .ts file holds these; installed before any other translator, it
// answers only where no translation does (a German text missing its plural gets proper English).
#pragma once

#include <QTranslator>

namespace sd {

class EnglishPlurals : public QTranslator
{
    Q_OBJECT
public:
    using QTranslator::QTranslator;
    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return false; }
};

} // namespace sd
