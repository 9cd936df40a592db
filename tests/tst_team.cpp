// The Team view of issue 13, as a supervisor uses it: real key presses and mouse clicks on the
// real window (offscreen), checked against what reaches the in-process sandbox and what the
// Team view and the session list show.
#include "guitest.h"
#include "teamview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QDrag>
#include <QHeaderView>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QRegularExpression>
#include <QMimeData>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <map>

using namespace sd;
using namespace sd::ui;

class TestTeam : public GuiTest
{
    Q_OBJECT

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
    // Drags the selected rows of the session list onto a row of the Team view. The press and the
    // moves are real mouse events on the list; offscreen, QDrag::exec() ends at once without a
    // drop (the offscreen platform has no drag and drop), so the drop is delivered as the
    // platform would: enter, move and drop events carrying the list's own mime data, sent to the
    // Team view's viewport and handled by its real drop code.
    void dragSelectedOnto(const QString &agentId)
    {
        QTableView *list = m_window->sessionView();
        const QModelIndexList rows = list->selectionModel()->selectedRows();
        QVERIFY(!rows.isEmpty());
        QVERIFY2(list->dragEnabled(), "the session list does not start drags");
        const QPoint from = list->visualRect(rows.first()).center();
        QTest::mousePress(list->viewport(), Qt::LeftButton, {}, from);
        QTest::mouseMove(list->viewport(), from + QPoint(QApplication::startDragDistance() + 5, 0));
        QTest::mouseMove(list->viewport(), from + QPoint(3 * QApplication::startDragDistance() + 5, 2));
        QTest::mouseRelease(list->viewport(), Qt::LeftButton, {}, from + QPoint(3 * QApplication::startDragDistance() + 5, 2));

        std::unique_ptr<QMimeData> mime(list->model()->mimeData(list->selectionModel()->selectedIndexes()));
        QVERIFY(mime);
        QVERIFY(list->model()->supportedDragActions() & Qt::CopyAction);
        const QModelIndex target = teamRow(agentId);
        QVERIFY2(target.isValid(), qPrintable(agentId));
        QWidget *viewport = teamView()->viewport();
        const QPoint at = teamView()->visualRect(target).center();
        QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, {});
        QApplication::sendEvent(viewport, &enter);
        QVERIFY2(enter.isAccepted(), "the Team view refuses the sessions");
        QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, {});
        QApplication::sendEvent(viewport, &move);
        QVERIFY2(move.isAccepted(), "the Team view refuses the sessions on this row");
        QDropEvent drop(at, Qt::CopyAction, mime.get(), Qt::LeftButton, {});
        QApplication::sendEvent(viewport, &drop);
        QVERIFY2(drop.isAccepted(), "the drop was not taken");
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
    void selectInList(const QStringList &ids)
    {
        clickRow(ids.first());
        for (const QString &id : ids.mid(1))
            clickRow(id, Qt::LeftButton, Qt::ControlModifier);
        QCOMPARE(m_window->selectedOrderIds().size(), ids.size());
    }

private Q_SLOTS:
    void initTestCase() { setUpApplication(); }

    void init()
    {
        resetLocalState();
        startServer();
        useServerProfile();
        makeWindow();
    }

    void cleanup() { tearDown(); }

    // Ctrl+T shows the Team view: every agent holding open sessions with its count and the
    // unassigned; clicking an agent filters the list to theirs, Ctrl+click adds another,
    // clearing the selection shows every session again; the filter field narrows the agents;
    // the header sorts by load and by name.
    void countsAndSelectionFilterTheList()
    {
        load(30);
        QVERIFY(!teamDock()->isVisible());
        showTeam();
        checkCountsMatchServer();
        QTRY_COMPARE(shownLoad(QString()), serverLoads()[QString()]);
        QVERIFY(serverLoads()[QString()] > 0);
        // F1 lists the action with its key, and Balance… with its own.
        QStringList f1;
        const auto listed = whenShown(modal(QStringLiteral("shortcutsDialog")), [&f1](QWidget *d) {
            auto *table = d->findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
            QVERIFY(table);
            for (int r = 0; r < table->rowCount(); ++r)
                f1 << table->item(r, 0)->text() + QLatin1Char('=') + (table->item(r, 1) ? table->item(r, 1)->text() : QString());
            standardButton(d, QDialogButtonBox::Close) ? click(standardButton(d, QDialogButtonBox::Close))
                                                       : static_cast<QDialog *>(d)->reject();
        });
        keys(Qt::Key_F1);
        QTRY_VERIFY(*listed);
        QVERIFY2(f1.contains(QStringLiteral("Team=") + QKeySequence(Qt::CTRL | Qt::Key_T).toString(QKeySequence::NativeText)),
                 qPrintable(f1.join(QLatin1Char('\n'))));
        QVERIFY2(f1.contains(QStringLiteral("Balance…=") + QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_B).toString(QKeySequence::NativeText)),
                 qPrintable(f1.join(QLatin1Char('\n'))));

        const auto [busiest, other] = twoAgents();
        QVERIFY(!busiest.isEmpty() && !other.isEmpty());
        const int all = m_window->sessionModel()->rowCount();
        QCOMPARE(all, m_ids.size());
        clickTeamRow(busiest);
        QTRY_VERIFY(!shownOrderIds().isEmpty());
        for (const QString &id : shownOrderIds())
            QCOMPARE(serverAgentId(id), busiest);
        QCOMPARE(shownOrderIds().size(), serverLoads()[busiest]); // every one of theirs is open here
        clickTeamRow(other, Qt::ControlModifier);
        QCOMPARE(shownOrderIds().size(), serverLoads()[busiest] + serverLoads()[other]);
        clickTeamRow(QString());
        QCOMPARE(shownOrderIds().size(), serverLoads()[QString()]);
        for (const QString &id : shownOrderIds())
            QCOMPARE(serverAgentId(id), QString());
        clickTeamRow(QString(), Qt::ControlModifier); // deselects: no agent chosen
        QTRY_COMPARE(m_window->sessionModel()->rowCount(), all);

        // Sorted by load, most first (Unassigned on top); then by name.
        QHeaderView *header = teamView()->horizontalHeader();
        QAbstractItemModel *m = teamView()->model();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(TeamModel::LoadColumn) + 10, header->height() / 2));
        const auto loadsInOrder = [m] {
            QList<int> l;
            for (int r = 1; r < m->rowCount(); ++r)
                l << m->index(r, TeamModel::LoadColumn).data(TeamModel::LoadRole).toInt();
            return l;
        };
        QVERIFY(m->index(0, 0).data(TeamModel::UnassignedRole).toBool());
        QList<int> l = loadsInOrder();
        QVERIFY2(std::is_sorted(l.begin(), l.end()) || std::is_sorted(l.rbegin(), l.rend()), "not sorted by load");
        QVERIFY(l.first() != l.last());
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(TeamModel::AgentColumn) + 10, header->height() / 2));
        QStringList names;
        for (int r = 1; r < m->rowCount(); ++r)
            names << m->index(r, TeamModel::AgentColumn).data().toString();
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
        QStringList reversed(sorted.rbegin(), sorted.rend());
        QVERIFY2(names == sorted || names == reversed, qPrintable(names.join(QLatin1String(", "))));

        // The filter field narrows the agents by name.
        const QString name = teamRow(busiest).data().toString();
        auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("teamFilter"));
        QVERIFY(filter && !filter->accessibleName().isEmpty());
        QVERIFY(!teamView()->accessibleName().isEmpty());
        QTest::mouseClick(filter, Qt::LeftButton);
        QTest::keyClicks(filter, name);
        QTRY_VERIFY(m->rowCount() < names.size());
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex i = m->index(r, 0);
            QVERIFY(i.data(TeamModel::UnassignedRole).toBool() || i.data().toString().contains(name, Qt::CaseInsensitive));
        }
        QVERIFY(teamRow(busiest).isValid());
    }

    // Sessions selected in the list (Ctrl+click) and dragged onto an agent: the bulk preview, Run,
    // the progress and its results; the server has them with the agent, the Team view's counts
    // follow; Edit > Undo puts the previous agents back, on the server and in the counts.
    void dragOntoAgentReassignsAndUndoes()
    {
        load(30);
        showTeam();
        checkCountsMatchServer();
        const auto [busiest, target] = twoAgents();
        // Two sessions of other agents and one unassigned.
        QStringList moved;
        QHash<QString, QString> before;
        for (const QString &id : std::as_const(m_ids)) {
            const QString a = serverAgentId(id);
            if (m_server->hasSession(id) && a != target && (moved.size() < 2 ? !a.isEmpty() : a.isEmpty())) {
                moved << id;
                before.insert(id, a);
            }
            if (moved.size() == 3)
                break;
        }
        QCOMPARE(moved.size(), 3);
        const int targetBefore = shownLoad(target), unassignedBefore = shownLoad(QString());
        selectInList(moved);
        m_server->writes.clear();

        QStringList previewLines;
        const auto run = whenShown(modal(QStringLiteral("bulkPreviewDialog")), [&previewLines](QWidget *d) {
            auto *list = d->findChild<QListView *>(QStringLiteral("bulkPreviewList"));
            for (int r = 0; r < list->model()->rowCount(); ++r)
                previewLines << list->model()->index(r, 0).data().toString();
            click(standardButton(d, QDialogButtonBox::Ok));
        });
        dragSelectedOnto(target);
        QTRY_VERIFY(*run);
        QCOMPARE(previewLines.size(), 3);
        closeProgressWhenFinished();
        for (const QString &id : moved)
            QCOMPARE(serverAgentId(id), target);
        QTRY_COMPARE(shownLoad(target), targetBefore + 3);
        QTRY_COMPARE(shownLoad(QString()), unassignedBefore - 1);
        checkCountsMatchServer();

        // One undo step puts all three back.
        activate();
        m_window->action(QStringLiteral("undo"))->trigger();
        for (const QString &id : moved)
            QTRY_COMPARE_WITH_TIMEOUT(serverAgentId(id), before.value(id), 10000);
        QTRY_COMPARE(shownLoad(target), targetBefore);
        QTRY_COMPARE(shownLoad(QString()), unassignedBefore);
        checkCountsMatchServer();
    }

    // Dropped on "Unassigned": the bulk unassign flow (preview, run); the server has no agent.
    void dropOnUnassignedUnassigns()
    {
        load(30);
        showTeam();
        QStringList moved;
        for (const QString &id : std::as_const(m_ids))
            if (m_server->hasSession(id) && !serverAgentId(id).isEmpty() && moved.size() < 2)
                moved << id;
        const int unassignedBefore = shownLoad(QString());
        selectInList(moved);
        const auto run = whenShown(modal(QStringLiteral("bulkPreviewDialog")), [](QWidget *d) {
            click(standardButton(d, QDialogButtonBox::Ok));
        });
        dragSelectedOnto(QString());
        QTRY_VERIFY(*run);
        closeProgressWhenFinished();
        for (const QString &id : moved)
            QCOMPARE(serverAgentId(id), QString());
        QTRY_COMPARE(shownLoad(QString()), unassignedBefore + 2);
        checkCountsMatchServer();
    }
    // Balance…: the unassigned sessions over two agents chosen with Ctrl+click in the Team view.
    // The preview shows per agent before -> after and per session from -> to, and nothing is
    // sent before Run; Run moves them (evenly); one Edit > Undo puts every one back.
    void balanceUnassignedOverTwoAgents()
    {
        load(30);
        showTeam();
        checkCountsMatchServer();
        const auto [b, c] = twoAgents();
        const std::map<QString, int> loads = serverLoads();
        const int unassigned = loads.at(QString());
        QStringList wereUnassigned;
        for (const QString &id : std::as_const(m_ids))
            if (m_server->hasSession(id) && serverAgentId(id).isEmpty())
                wereUnassigned << id;
        QCOMPARE(wereUnassigned.size(), unassigned);
        clickTeamRow(b);
        clickTeamRow(c, Qt::ControlModifier);
        m_server->writes.clear();

        QStringList agentLines, moveLines;
        bool sentBeforeRun = true;
        const auto run = whenShown(modal(QStringLiteral("balanceDialog")), [&](QWidget *d) {
            auto *fromUnassigned = d->findChild<QAbstractButton *>(QStringLiteral("balanceFromUnassigned"));
            QVERIFY(fromUnassigned);
            QTest::mouseClick(fromUnassigned, Qt::LeftButton, {}, QPoint(8, fromUnassigned->height() / 2));
            QVERIFY(fromUnassigned->isChecked());
            auto *agentsPreview = d->findChild<QListWidget *>(QStringLiteral("balanceAgentsPreview"));
            auto *movesPreview = d->findChild<QListWidget *>(QStringLiteral("balanceMovesPreview"));
            for (int r = 0; r < agentsPreview->count(); ++r)
                agentLines << agentsPreview->item(r)->text();
            for (int r = 0; r < movesPreview->count(); ++r)
                moveLines << movesPreview->item(r)->text();
            QTest::qWait(100);
            sentBeforeRun = !m_server->writes.isEmpty();
            click(standardButton(d, QDialogButtonBox::Ok));
        });
        keys(Qt::Key_B, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(*run);
        QVERIFY(!sentBeforeRun);
        QCOMPARE(moveLines.size(), unassigned);
        for (const QString &id : wereUnassigned)
            QVERIFY2(!moveLines.filter(id + QStringLiteral(": (none) → ")).isEmpty(), qPrintable(moveLines.join(QLatin1Char('\n'))));
        const int total = loads.at(b) + loads.at(c) + unassigned;
        const int high = (total + 1) / 2, low = total / 2;
        QVERIFY2(agentLines.filter(QStringLiteral("%1 → ").arg(loads.at(b))).size() >= 1, qPrintable(agentLines.join(QLatin1Char('\n'))));
        QVERIFY2(!agentLines.filter(QRegularExpression(QStringLiteral("→ (%1|%2)$").arg(high).arg(low))).isEmpty(),
                 qPrintable(agentLines.join(QLatin1Char('\n'))));

        closeProgressWhenFinished();
        const std::map<QString, int> after = serverLoads();
        QCOMPARE(after.count(QString()) ? after.at(QString()) : 0, 0);
        for (const QString &id : wereUnassigned)
            QVERIFY2(serverAgentId(id) == b || serverAgentId(id) == c, qPrintable(id));
        QVERIFY2(std::abs(after.at(b) - after.at(c)) <= 1, qPrintable(QStringLiteral("%1 %2").arg(after.at(b)).arg(after.at(c))));
        QCOMPARE(after.at(b) + after.at(c), total);
        checkCountsMatchServer();
        QTRY_COMPARE(shownLoad(QString()), 0);

        // One undo step puts every session back to unassigned.
        activate();
        QVERIFY(m_window->action(QStringLiteral("undo"))->isEnabled());
        m_window->action(QStringLiteral("undo"))->trigger();
        for (const QString &id : wereUnassigned)
            QTRY_COMPARE_WITH_TIMEOUT(serverAgentId(id), QString(), 10000);
        QTRY_COMPARE(shownLoad(QString()), unassigned);
        QTRY_COMPARE(shownLoad(b), loads.at(b));
        QTRY_COMPARE(shownLoad(c), loads.at(c));
    }
};

QTEST_MAIN(TestTeam)
#include "tst_team.moc"
