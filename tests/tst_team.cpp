// The Team view of issue 13, as a supervisor uses it (fixture in teamtest.h): Ctrl+T, its counts,
// its selection filtering the list, its filter field and sorting, and sessions dragged from the
// list onto an agent or onto Unassigned. Balance… is in tst_team_balance.cpp.
#include "teamtest.h"

class TestTeam : public TeamTest
{
    Q_OBJECT

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
};

QTEST_MAIN(TestTeam)
#include "tst_team.moc"
