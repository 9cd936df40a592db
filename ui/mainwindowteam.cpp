// The Team view in the window (issue 13): its dock, the list filtered by its selection, and
// sessions dropped on an agent reassigned through the bulk flow (preview, progress, results,
// retry, one undo step).
#include "mainwindow.h"

#include "balancedialog.h"
#include "teamview.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QStatusBar>
#include <QTableView>

#include <algorithm>

namespace sd::ui {

void MainWindow::createTeamDock()
{
    m_teamDock = new TeamDock(m_desk, this);
    addDockWidget(Qt::LeftDockWidgetArea, m_teamDock);
    m_teamDock->hide();
    connect(m_teamDock, &TeamDock::agentsSelected, this, &MainWindow::filterByAgents);
    connect(m_teamDock, &TeamDock::sessionsDropped, this, &MainWindow::dropOnAgent);
    // The list's rows are dragged as their order IDs (copied: the list keeps them).
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setDefaultDropAction(Qt::CopyAction);
}

void MainWindow::filterByAgents(const QStringList &agentIds, bool unassigned)
{
    // The filter resets the list's model, which drops its selection.
    const QStringList selected = selectedOrderIds();
    const QString current = m_view->currentIndex().data(SessionModel::OrderIdRole).toString();
    m_model->setAgentFilter(agentIds, unassigned);
    if (selected.isEmpty())
        return;
    QList<int> rows;
    for (const QString &id : selected)
        if (const QModelIndex i = m_model->indexOf(id); i.isValid())
            rows << i.row();
    std::sort(rows.begin(), rows.end());
    QItemSelection keep;
    const int last = m_model->columnCount() - 1;
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i; // a run of adjacent rows is one range
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
            ++j;
        keep.select(m_model->index(rows[i], 0), m_model->index(rows[j], last));
        i = j + 1;
    }
    if (const QModelIndex c = m_model->indexOf(current); c.isValid())
        m_view->selectionModel()->setCurrentIndex(c, QItemSelectionModel::NoUpdate);
    m_view->selectionModel()->select(keep, QItemSelectionModel::ClearAndSelect);
}

void MainWindow::dropOnAgent(const QStringList &orderIds, const QString &agentId, bool unassigned)
{
    // Dropped on "Unassigned": the same as Bulk > Unassign selected.
    if (unassigned) {
        runBulk(requestsFor(UnassignAgentRequest{}, orderIds), true);
        return;
    }
    std::optional<Agent> agent = m_desk->knownAgents().find(agentId);
    if (!agent) {
        agent = Agent{};
        agent->id = agentId.toStdString();
    }
    runBulk(requestsFor(AssignAgentRequest{{}, *agent, {}}, orderIds), true);
}

void MainWindow::askAndBalance()
{
    const SessionTable &table = m_model->table();
    const auto session = [&table](int row) {
        return BalanceSession{table.text(row, SessionTable::OrderId), table.text(row, SessionTable::AgentId),
                              TeamLoad::counts(table.state(row))};
    };
    BalanceDialog::Input in;
    for (const QString &id : selectedOrderIds())
        if (const int row = table.find(id); row >= 0)
            in.selection << session(row);
    for (int row = 0; row < table.size(); ++row)
        if (table.utf8(row, SessionTable::AgentId).empty() && TeamLoad::counts(table.state(row)))
            in.unassigned << session(row);
    in.ofAgent = [this, session](const QString &agentId) {
        const SessionTable &t = m_model->table();
        const QByteArray id = agentId.toUtf8();
        QList<BalanceSession> sessions;
        for (int row = 0; row < t.size(); ++row)
            if (TeamLoad::counts(t.state(row)) && t.utf8(row, SessionTable::AgentId) == std::string_view(id.constData(), size_t(id.size())))
                sessions << session(row);
        return sessions;
    };
    in.agents = m_teamDock->agentIds();
    in.currentAgent = m_teamDock->currentAgentId();
    in.targets = m_teamDock->selectedAgentIds();
    in.name = [this](const QString &agentId) {
        const std::optional<Agent> a = m_desk->knownAgents().find(agentId);
        return a ? QString::fromStdString(a->displayName()) : QString();
    };
    in.load = [this](const QString &agentId) { return m_desk->teamLoad().count(agentId); };
    BalanceDialog dialog(std::move(in), this);
    if (dialog.exec() != QDialog::Accepted || dialog.plan().moves.isEmpty())
        return;
    QHash<QString, QString> moves;
    for (const BalanceMove &m : dialog.plan().moves)
        moves.insert(m.orderId, m.to);
    runBalance(moves);
}

void MainWindow::runBalance(const QHash<QString, QString> &moves)
{
    const DeskController::BulkPlan plan = m_desk->planBulk(requestsFor(AssignAgentRequest{}, moves.keys()));
    QHash<QString, Agent> agents;
    for (const QString &id : plan.send) {
        const QString to = moves.value(id);
        std::optional<Agent> agent = m_desk->knownAgents().find(to);
        if (!agent) {
            agent = Agent{};
            agent->id = to.toStdString();
        }
        agents.insert(id, *agent);
    }
    if (agents.isEmpty()) {
        statusBar()->showMessage(tr("Nothing to do: the %n session(s) chosen are closed, or not on the server.",
                                    nullptr, plan.skipped), 8000);
        return;
    }
    QHash<QString, QString> targetOf;
    for (auto a = agents.cbegin(); a != agents.cend(); ++a)
        targetOf.insert(a.key(), QString::fromStdString(a->displayName()));
    BulkRun *run = m_desk->bulkRun(agents, plan.previous);
    trackBulk(tr("Balance sessions"), run, [this, moves](const QStringList &failed) {
        QHash<QString, QString> again;
        for (const QString &id : failed)
            again.insert(id, moves.value(id));
        runBalance(again);
    }, targetOf);
}

} // namespace sd::ui
