// supportctl's command table: --help and the usage errors that name a command's synopsis.
#pragma once

#include <QString>
#include <QStringList>

namespace sd::cli {

QString usageText();
// Prints `message` (and the synopsis of `command`, if known); returns ExitUsage.
int usageError(const QString &message, const QString &command = {});
// The command word of a command line the parser refused (an unknown or incomplete option), so
// that the error can name its synopsis: the first argument that is not an option or the value
// of one.
QString commandWordOf(const QStringList &arguments, const QStringList &optionsWithValue);

} // namespace sd::cli
