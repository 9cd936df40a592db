// supportctl: thin entry point; the commands live in supportctl.cpp.
#include "supportctl.h"
#include "version.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("supportctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SUPPORTDESK_VERSION));
    return sd::cli::run(app.arguments().mid(1));
}
