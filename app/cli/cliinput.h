// supportctl's input files: bodies, ID lists and the token file ("-": standard input).
#pragma once

#include "models.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace sd::cli {

bool readInput(const QString &path, QByteArray *data, QString *problem);
bool readBody(const QString &path, Support *body, QString *problem);
bool readIdList(const QString &path, QStringList *ids, QString *problem);
// The token from the first line of `path` ("-": standard input), trimmed. A file other users
// can read is used, with a warning: the token has leaked already, and refusing would only break
// setups that mount secrets 0644.
bool readTokenFile(const QString &path, QString *token, QString *problem);

} // namespace sd::cli
