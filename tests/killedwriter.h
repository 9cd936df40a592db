// For tests that kill a writing helper process (outbox_writer) with SIGKILL mid-write: reads
// `lines` of what it reports having committed, passing each to `onLine`, then kills it.
#pragma once

#include <QProcess>
#include <QSignalSpy>
#include <functional>

#include <csignal>

inline bool readThenKill(QProcess &writer, int lines, const std::function<void(const QByteArray &)> &onLine)
{
    int read = 0;
    while (read < lines) {
        if (!writer.canReadLine() && !QSignalSpy(&writer, &QProcess::readyReadStandardOutput).wait(5000))
            break;
        while (writer.canReadLine()) {
            onLine(writer.readLine().trimmed());
            ++read;
        }
    }
    ::kill(pid_t(writer.processId()), SIGKILL); // in the middle of its next transaction
    return writer.waitForFinished(5000);
}
