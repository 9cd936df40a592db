// The models keep optional text as std::optional<std::string> (UTF-8, "absent" distinct from
// ""); the UI and the CLI work with QString. These are the only conversions between the two.
#pragma once

#include <QString>

#include <optional>
#include <string>

namespace sd {

// The text of an optional field; absent gives an empty string.
inline QString toQString(const std::optional<std::string> &s)
{
    return s ? QString::fromStdString(*s) : QString();
}

// Sets an optional field from text as typed: empty text makes it absent, anything else is
// kept exactly (spaces included).
inline void setOptional(std::optional<std::string> &out, const QString &text)
{
    if (text.isEmpty())
        out.reset();
    else
        out = text.toStdString();
}

// As setOptional(), but the text is trimmed first: blank text makes the field absent.
inline void setOptionalTrimmed(std::optional<std::string> &out, const QString &text)
{
    setOptional(out, text.trimmed());
}

} // namespace sd
