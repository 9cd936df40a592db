#include "clioutput.h"

#include "stdstring.h"

#include "jsonlimits.h"
#include "privacy.h"
#include "supportctl.h"
#include "bulkrun.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <QEventLoop>

#include <cstdio>
#include <unistd.h>

namespace sd::cli {

QString tr(const char *text)
{
    return QCoreApplication::translate("supportctl", text);
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString parserProblem(QString text)
{
    if (text.size() > 1 && text.at(0).isUpper() && text.at(1).isLower())
        text[0] = text.at(0).toLower();
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

QString failureText(const ApiError &e, const ClientConfig &config)
{
    if (e.httpStatus == 401 && config.token.isEmpty())
        return tr("Could not %1 order %2: the server wants an access token, and none was given "
                  "(use --token-file FILE, $SUPPORTDESK_TOKEN or --token TOKEN)")
            .arg(operationName(e.operation), e.orderId);
    return e.message();
}

int exitCodeFor(const ApiError &e)
{
    switch (e.kind) {
    case ApiError::Kind::None: return ExitOk;
    case ApiError::Kind::InvalidInput: return ExitUsage;
    case ApiError::Kind::Refused:
    case ApiError::Kind::Conflict: return ExitRefused;
    case ApiError::Kind::Server: return ExitServer;
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Tls:
    case ApiError::Kind::Cancelled: return ExitNetwork;
    case ApiError::Kind::InvalidResponse: return ExitInvalidResponse;
    }
    return ExitInvalidResponse;
}

// Values come from the server: printed without control characters or escape sequences.
void printLine(const QString &label, const QString &value)
{
    if (!value.isEmpty())
        out() << label.leftJustified(13) << terminalSafe(value) << '\n';
}

void printAgent(const Agent &a, const QString &indent)
{
    QString name = a.person ? toQString(a.person->name) : QString();
    printLine(indent + tr("Agent:"), name.isEmpty() ? toQString(a.id)
                                                    : QStringLiteral("%1 (%2)").arg(name, toQString(a.id)));
    if (a.contact) {
        QStringList parts;
        if (a.contact->phone)
            parts << toQString(a.contact->phone);
        if (a.contact->email)
            parts << toQString(a.contact->email);
        printLine(indent + tr("  Contact:"), parts.join(QStringLiteral(", ")));
    }
    if (a.organization && a.organization->descriptor)
        printLine(indent + tr("  Org:"), toQString(a.organization->descriptor->name));
    if (a.rating)
        printLine(indent + tr("  Rating:"), QString::fromStdString(a.rating->text()));
}

void printSupport(const Support &s)
{
    printLine(tr("Order:"), toQString(s.orderId));
    printLine(tr("Phone:"), toQString(s.callbackPhone));
    if (s.chat) {
        QString chat = toQString(s.chat->url);
        if (s.chat->sessionId)
            chat += (chat.isEmpty() ? QString() : QStringLiteral(" "))
                  + tr("(session %1)").arg(toQString(s.chat->sessionId));
        printLine(tr("Chat:"), chat);
    }
    if (s.faq) {
        QString faq = toQString(s.faq->url);
        if (s.faq->mimeType)
            faq += QStringLiteral(" (%1)").arg(toQString(s.faq->mimeType));
        printLine(tr("FAQ:"), faq);
    }
    if (s.descriptor) {
        QString d = toQString(s.descriptor->name);
        if (s.descriptor->shortDesc)
            d += (d.isEmpty() ? QString() : QStringLiteral(": ")) + toQString(s.descriptor->shortDesc);
        printLine(tr("Descriptor:"), d);
    }
    if (s.agent)
        printAgent(*s.agent, QString());
    else
        printLine(tr("Agent:"), tr("(none assigned)"));
}

QString prettyJson(const QByteArray &body)
{
    nlohmann::json j;
    if (parseJsonBounded(std::string_view(body.constData(), size_t(body.size())), j).isError())
        return QString::fromUtf8(body);
    return QString::fromStdString(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

bool progressLineShown()
{
    static const bool shown = isatty(fileno(stderr));
    return shown;
}

void clearProgressLine()
{
    if (progressLineShown()) {
        err() << "\r\033[K";
        err().flush();
    }
}

void runWithProgress(BulkRun &run, const QString &format)
{
    QObject::connect(&run, &BulkRun::progress, [format](int done, int failed, int total) {
        if (!progressLineShown())
            return;
        err() << "\r\033[K" << format.arg(done).arg(total).arg(failed);
        err().flush();
    });
    QEventLoop loop;
    QObject::connect(&run, &BulkRun::finished, &loop, &QEventLoop::quit);
    run.start();
    loop.exec();
    clearProgressLine();
}

} // namespace sd::cli
