// The fixture of the tst_outbox* tests (the offline outbox, without a window): a temporary folder
// for the outbox files and the helpers these tests share (a free port, a queued assignment, a
// client config, the outbox_writer helper sending until it kills itself, a file's mode).
#pragma once

#include "outbox.h"
#include "killedwriter.h"
#include "sandboxserver.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sqlite3.h>
#include <sys/stat.h>

using namespace sd;

class OutboxTest : public QObject
{
protected:
    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    static OutboxItem assignItem(const QString &orderId, const QString &agentId, const QByteArray &etag = {})
    {
        OutboxItem item;
        item.orderId = orderId;
        item.op = Operation::AssignAgent;
        item.payload = QStringLiteral(R"({"id":"%1"})").arg(agentId).toUtf8();
        item.baseEtag = etag;
        return item;
    }

    static ClientConfig configFor(const QUrl &url)
    {
        ClientConfig config;
        config.baseUrl = url;
        config.retry.maxRetries = 0;
        return config;
    }

    // Runs tests/outbox_writer's "send" mode on `db` until it drains the outbox (exit 0) or kills
    // itself at `killAt` (see outbox_writer.cpp). The event loop runs meanwhile: the sandbox is in
    // this process.
    static int runSender(const QString &db, const QUrl &url, const QString &killAt)
    {
        QProcess helper;
        helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QSignalSpy finished(&helper, &QProcess::finished);
        helper.start(QStringLiteral(OUTBOX_WRITER_PATH), {QStringLiteral("send"), db, url.toString(), killAt});
        if (!helper.waitForStarted() || !finished.wait(30000))
            return -1;
        return helper.exitStatus() == QProcess::CrashExit ? -SIGKILL : helper.exitCode();
    }

    static int fileMode(const QString &path)
    {
        struct stat st;
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
    }

    QTemporaryDir m_dir;
};
