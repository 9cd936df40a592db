// The fixture of the tst_supportctl_balance* tests (the real supportctl binary's `balance` and
// `load`, issue 13, black-box): an in-process sandbox per test function, the writes it answered,
// and ctl(), which runs supportctl against it (or against another server, such as the fault
// server) and returns what it printed; put() seeds sessions with the agents given.
#pragma once

#include "supportctltest.h"

class SupportctlBalanceTest : public SupportctlTest
{
protected:
    QStringList m_puts; // paths of the PUTs the sandbox answered
    QStringList m_writes; // "PUT path" and "DELETE path" the sandbox answered

    // supportctl against the sandbox, or against `server` (the fault server) when given.
    Run ctl(const QStringList &args, const QByteArray &input = {}, const QUrl &server = {})
    {
        if (!server.isValid())
            return SupportctlTest::ctl(args, input);
        return SupportctlTest::ctl(QStringList{QStringLiteral("--server"), server.toString(), QStringLiteral("--timeout"),
                                               QStringLiteral("5")} + args,
                                   input, {}, false);
    }

    // Sessions S1, S2, ... with the agents given ("" unassigned); returns their IDs, one a line.
    QByteArray put(const QStringList &agents, int first = 1)
    {
        QByteArray ids;
        for (int i = 0; i < agents.size(); ++i) {
            const std::string id = "S" + std::to_string(first + i);
            json s = {{"order_id", id}, {"callback_phone", "+1 555 0100"}};
            if (!agents[i].isEmpty())
                s["agent"] = {{"id", agents[i].toStdString()}};
            if (!m_server->putSessionJson(QString::fromStdString(id), QByteArray::fromStdString(s.dump())))
                qFatal("putSessionJson failed");
            ids += QByteArray::fromStdString(id) + '\n';
        }
        return ids;
    }

    QString agentOnServer(const QString &orderId)
    {
        const json s = json::parse(m_server->sessionJson(orderId).toStdString());
        return s.contains("agent") ? QString::fromStdString(s["agent"]["id"].get<std::string>()) : QString();
    }

    QMap<QString, int> loadsOnServer(int count)
    {
        QMap<QString, int> loads;
        for (int i = 1; i <= count; ++i)
            ++loads[agentOnServer(QStringLiteral("S%1").arg(i))];
        return loads;
    }

    static QStringList repeat(const QString &agent, int n) { return QStringList(n, agent); }

    // For init(): a fresh sandbox per test function (no seeded sessions: put() makes them), its
    // writes recorded.
    void startSandbox()
    {
        SupportctlTest::startSandbox(0);
        m_puts.clear();
        m_writes.clear();
        connect(m_server, &sd::SandboxServer::requestHandled, this,
                [this](const QByteArray &method, const QString &path, int) {
                    if (method == "PUT")
                        m_puts << path;
                    if (method == "PUT" || method == "DELETE" || method == "POST")
                        m_writes << QString::fromLatin1(method) + QLatin1Char(' ') + path;
                });
    }
};
