// supportctl's output: the streams, exit statuses and how sessions and agents are printed.
#pragma once

#include "apiclient.h"
#include "apierror.h"
#include "models.h"

#include <QByteArray>
#include <QString>
#include <QTextStream>

namespace sd {
class BulkRun;
}

namespace sd::cli {

// supportctl's messages (context "supportctl").
QString tr(const char *text);
QTextStream &out();
QTextStream &err();

int exitCodeFor(const ApiError &e);
// The error as printed: a 401 with no token sent says that one is wanted, not that it was refused.
QString failureText(const ApiError &e, const ClientConfig &config);
// QCommandLineParser's message in the CLI's style (lowercase, no final period).
QString parserProblem(QString text);
// Values come from the server: printed without control characters or escape sequences.
void printLine(const QString &label, const QString &value);
void printAgent(const Agent &a, const QString &indent);
void printSupport(const Support &s);
QString prettyJson(const QByteArray &body);

// A bulk run's progress on one line of stderr, only when stderr is a terminal.
// clearProgressLine() before printing a result line; runWithProgress() starts `run`, shows
// `format` ("%1/%2 done, %3 failed", translated; done, total, failed) while it runs, returns
// when it has finished and leaves the line empty.
bool progressLineShown();
void clearProgressLine();
void runWithProgress(BulkRun &run, const QString &format);

} // namespace sd::cli
