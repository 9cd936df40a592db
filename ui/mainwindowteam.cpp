// The Team view in the window (issue 13): its dock, the list filtered by its selection, and
// sessions dropped on an agent reassigned through the bulk flow (preview, progress, results,
// retry, one undo step).
#include "mainwindow.h"

#include "teamview.h"

#include <QAction>
#include <QTableView>

namespace sd::ui {

void MainWindow::createTeamDock()
{
    m_teamDock = new TeamDock(m_desk, this);
    addDockWidget(Qt::LeftDockWidgetArea, m_teamDock);
    m_teamDock->hide();
    connect(m_teamDock, &TeamDock::agentsSelected, m_model, &SessionModel::setAgentFilter);
    connect(m_teamDock, &TeamDock::sessionsDropped, this, &MainWindow::dropOnAgent);
    // The list's rows are dragged as their order IDs (copied: the list keeps them).
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setDefaultDropAction(Qt::CopyAction);
}

void MainWindow::dropOnAgent(const QStringList &orderIds, const QString &agentId, bool unassigned)
{
    // Dropped on "Unassigned": the same as Bulk > Unassign selected.
    if (unassigned) {
        runBulk(BulkKind::Unassign, orderIds, std::nullopt, true);
        return;
    }
    std::optional<Agent> agent = m_desk->knownAgents().find(agentId);
    if (!agent) {
        agent = Agent{};
        agent->id = agentId.toStdString();
    }
    runBulk(BulkKind::Reassign, orderIds, agent, true);
}

} // namespace sd::ui
