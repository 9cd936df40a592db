// For tests that kill a writing helper process (outbox_writer) with SIGKILL mid-write: reads
// `lines` of what it reports having committed, passing each to `onLine`, then kills it.
#pragma once

#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <functional>

#include <csignal>

// The seed of a test's random kill points: SUPPORTDESK_TEST_SEED when set (to replay a failed
// run), else a fresh one. Logged either way, so every failure names the seed that replays it.
inline quint32 killSeed()
{
    bool given = false;
    quint32 seed = qEnvironmentVariable("SUPPORTDESK_TEST_SEED").toUInt(&given); // all of quint32
    if (!given)
        seed = QRandomGenerator::global()->generate();
    qInfo("%s: random kill points from seed %u (replay with SUPPORTDESK_TEST_SEED=%u)",
          QTest::currentTestFunction(), seed, seed);
    return seed;
}

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
