// The fixture of the tst_supportctl* tests (the real supportctl binary, black-box): an
// in-process sandbox seeded with 40 sessions per test, a private audit log per test function, and
// ctl(), which runs supportctl against it (or against another server) and returns what it printed.
#pragma once

#include "faultserver.h"
#include "sandboxserver.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#ifndef Q_MOC_RUN // moc cannot parse nlohmann/json.hpp
#include <nlohmann/json.hpp>
#endif

using nlohmann::json;

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

class SupportctlTest : public QObject
{
protected:
    sd::SandboxServer *m_server = nullptr;
    QUrl m_url;
    QTemporaryDir m_dir;
    QString m_auditLog;

    // Runs supportctl without blocking the event loop (the sandbox lives in this process).
    Run ctl(const QStringList &args, const QByteArray &input = {},
            const QMap<QString, QString> &env = {}, bool withServer = true)
    {
        QProcess proc;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(QStringLiteral("SUPPORTDESK_SERVER"));
        e.remove(QStringLiteral("SUPPORTDESK_TOKEN"));
        e.insert(QStringLiteral("SUPPORTDESK_AUDIT_LOG"), m_auditLog);
        for (auto it = env.begin(); it != env.end(); ++it)
            e.insert(it.key(), it.value());
        proc.setProcessEnvironment(e);
        QStringList all = args;
        if (withServer)
            all = QStringList{QStringLiteral("--server"), m_url.toString(), QStringLiteral("--timeout"),
                              QStringLiteral("5")} + args;
        QSignalSpy finished(&proc, &QProcess::finished);
        proc.start(QStringLiteral(SUPPORTCTL_PATH), all);
        if (!proc.waitForStarted())
            return {};
        proc.write(input);
        proc.closeWriteChannel();
        if (!finished.wait(120000))
            return {};
        return {proc.exitCode(), QString::fromUtf8(proc.readAllStandardOutput()),
                QString::fromUtf8(proc.readAllStandardError())};
    }

    // For init(): a fresh sandbox (with `seedCount` sessions) and audit log per test function.
    void startSandbox(int seedCount = 40)
    {
        m_server = new sd::SandboxServer(this);
        m_url = m_server->start();
        QVERIFY(m_url.isValid());
        if (seedCount > 0)
            m_server->seed(seedCount);
        m_auditLog = m_dir.filePath(QStringLiteral("audit-%1.log").arg(QString::fromLatin1(QTest::currentTestFunction())));
    }
    void stopSandbox() { delete m_server; }
};
