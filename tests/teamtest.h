// The fixture of the tst_team* tests (the Team view of issue 13, as a supervisor uses it): GuiTest
// plus the helpers both share (the sessions listed and their agents on the server, the Team
// view's rows and counts, opening the Team view, loading seeded sessions, the bulk progress).
#pragma once

#include "balanceplan.h"
#include "guitest.h"
#include "teamview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QDrag>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QRegularExpression>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <map>

using namespace sd;
using namespace sd::ui;

class TeamTest : public GuiTest
{
protected:
    QStringList m_ids; // the sessions in the list

    QString serverAgentId(const QString &orderId) const
    {
        const auto parsed = parseSupport(m_server->sessionJson(orderId).toStdString());
        return parsed.ok() && parsed.value->agent && parsed.value->agent->id
                   ? QString::fromStdString(*parsed.value->agent->id) : QString();
    }
    // Open sessions per agent ("" = unassigned) among the listed ones, as the server has them.
    std::map<QString, int> serverLoads() const
    {
        std::map<QString, int> loads;
        for (const QString &id : m_ids)
            if (m_server->hasSession(id))
                ++loads[serverAgentId(id)];
        return loads;
    }
    QTableView *teamView() const { return m_window->findChild<QTableView *>(QStringLiteral("teamView")); }
    QDockWidget *teamDock() const { return m_window->findChild<QDockWidget *>(QStringLiteral("teamDock")); }
    // The Team view's row of an agent ("" = Unassigned), as shown (sorted, filtered).
    QModelIndex teamRow(const QString &agentId, int column = TeamModel::AgentColumn) const
    {
        QAbstractItemModel *m = teamView()->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex i = m->index(r, column);
            if (agentId.isEmpty() ? i.data(TeamModel::UnassignedRole).toBool()
                                  : (!i.data(TeamModel::UnassignedRole).toBool() && i.data(TeamModel::AgentIdRole).toString() == agentId))
                return i;
        }
        return {};
    }
    int shownLoad(const QString &agentId) const
    {
        const QModelIndex i = teamRow(agentId, TeamModel::LoadColumn);
        return i.isValid() ? i.data().toInt() : -1;
    }
    void clickTeamRow(const QString &agentId, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        const QModelIndex i = teamRow(agentId);
        QVERIFY2(i.isValid(), qPrintable(agentId));
        teamView()->scrollTo(i);
        QTest::mouseClick(teamView()->viewport(), Qt::LeftButton, modifiers, teamView()->visualRect(i).center());
    }
    QStringList shownOrderIds() const { return m_window->sessionModel()->visibleOrderIds(); }
    void showTeam()
    {
        keys(Qt::Key_T, Qt::ControlModifier);
        QTRY_VERIFY(teamDock() && teamDock()->isVisible());
    }
    // Opens the first `count` seeded sessions (open or not) in the list.
    void load(int count)
    {
        m_ids.clear();
        for (int i = 1; i <= count; ++i)
            m_ids << QStringLiteral("ORD-1000%1").arg(i, 2, 10, QLatin1Char('0'));
        QApplication::clipboard()->setText(m_ids.join(QLatin1Char('\n')));
        keys(Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        for (const QString &id : std::as_const(m_ids))
            QTRY_VERIFY2_WITH_TIMEOUT(listed(id) && stateOf(id) != SessionState::Unknown, qPrintable(id), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->client()->unfinishedReplies(), 0, 10000);
    }
    // The agent of the most listed open sessions on the server, and another one.
    QPair<QString, QString> twoAgents() const
    {
        QString busiest, other;
        int most = 0;
        for (const auto &[agent, n] : serverLoads())
            if (!agent.isEmpty() && n > most) {
                most = n;
                busiest = agent;
            }
        for (const auto &[agent, n] : serverLoads())
            if (!agent.isEmpty() && agent != busiest) {
                other = agent;
                break;
            }
        return {busiest, other};
    }
    void checkCountsMatchServer()
    {
        for (const auto &[agent, n] : serverLoads())
            QTRY_COMPARE_WITH_TIMEOUT(shownLoad(agent), n, 10000);
    }
    QWidget *lastProgress() const { return m_window->lastBulkDialog(); }
    void closeProgressWhenFinished()
    {
        QWidget *progress = lastProgress();
        QVERIFY(progress);
        auto *close = progress->findChild<QPushButton *>(QStringLiteral("bulkClose"));
        QTRY_VERIFY_WITH_TIMEOUT(close->isEnabled(), 20000);
        click(close);
        QTRY_VERIFY(!progress->isVisible());
    }
};
