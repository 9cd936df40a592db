// Balance… of the Team view (issue 13), as a supervisor uses it (fixture in teamtest.h): the
// dialog's sources (unassigned, selected sessions, one agent's), strategies and cap, its preview,
// the run against the sandbox, Retry failed and the one undo step.
#include "teamtest.h"

class TestTeamBalance : public TeamTest
{
    Q_OBJECT

    // `count` distinct agents of the seeded sessions, whole (names, contacts).
    QList<Agent> seededAgents(int count) const
    {
        QList<Agent> agents;
        QStringList seen;
        for (int i = 1; i <= 30 && agents.size() < count; ++i) {
            const auto parsed = parseSupport(m_server->sessionJson(QStringLiteral("ORD-1000%1").arg(i, 2, 10, QLatin1Char('0'))).toStdString());
            if (!parsed.ok() || !parsed.value->agent || !parsed.value->agent->id)
                continue;
            const QString id = QString::fromStdString(*parsed.value->agent->id);
            if (!seen.contains(id)) {
                seen << id;
                agents << *parsed.value->agent;
            }
        }
        return agents;
    }
    static QString idOf(const Agent &a) { return QString::fromStdString(a.id.value_or(std::string())); }
    // Sessions of this test's own on the server (BAL-001…), held as `holders` says (an index
    // into `agents`, -1: unassigned), and only they in the list, in this order.
    void arrange(const QList<Agent> &agents, const QList<int> &holders)
    {
        const auto model = parseSupport(m_server->sessionJson(QStringLiteral("ORD-100001")).toStdString());
        QVERIFY(model.ok());
        m_ids.clear();
        for (int i = 0; i < holders.size(); ++i) {
            Support s = *model.value;
            s.agent = holders[i] < 0 ? std::nullopt : std::optional<Agent>(agents[holders[i]]);
            const QString id = QStringLiteral("BAL-%1").arg(i + 1, 3, 10, QLatin1Char('0'));
            QVERIFY(m_server->putSessionJson(id, QByteArray::fromStdString(serialize(s))));
            m_ids << id;
        }
        paste(m_ids);
    }
    static QList<int> holding(std::initializer_list<std::pair<int, int>> runs) // {holder, count}…
    {
        QList<int> h;
        for (const auto &[holder, n] : runs)
            h << QList<int>(n, holder);
        return h;
    }
    // The agents selected in the Team view, in the order it shows them (what Balance goes over).
    QStringList selectedTargets() const
    {
        QStringList ids;
        QAbstractItemModel *m = teamView()->model();
        for (int r = 0; r < m->rowCount(); ++r)
            if (teamView()->selectionModel()->isRowSelected(r, {}) && !m->index(r, 0).data(TeamModel::UnassignedRole).toBool())
                ids << m->index(r, 0).data(TeamModel::AgentIdRole).toString();
        return ids;
    }
    // planBalance over `chosen` (in this order) as the server has them, the targets' other open
    // sessions counted as theirs: what the dialog must plan and the run must do.
    BalancePlan expectedPlan(const QStringList &chosen, const QStringList &targets, BalanceStrategy strategy,
                             std::optional<int> cap = std::nullopt) const
    {
        QList<BalanceSession> sessions;
        QHash<QString, int> chosenOpen;
        for (const QString &id : chosen) {
            sessions << BalanceSession{id, serverAgentId(id), true};
            if (!serverAgentId(id).isEmpty())
                ++chosenOpen[serverAgentId(id)];
        }
        BalanceOptions options;
        options.targets = targets;
        options.strategy = strategy;
        options.cap = cap;
        std::map<QString, int> loads = serverLoads();
        for (const QString &t : targets)
            if (const int elsewhere = loads[t] - chosenOpen.value(t); elsewhere > 0)
                options.heldElsewhere.insert(t, elsewhere);
        return planBalance(sessions, options);
    }
    static QHash<QString, QString> targetsOf(const BalancePlan &plan)
    {
        QHash<QString, QString> to;
        for (const BalanceMove &m : plan.moves)
            to.insert(m.orderId, m.to);
        return to;
    }
    // The writes the sandbox received on the session or the agent of this order.
    int writesTo(const QString &orderId) const
    {
        int n = 0;
        for (const TestSandbox::Write &w : std::as_const(m_server->writes))
            if (w.path.split(QLatin1Char('/')).contains(orderId))
                ++n;
        return n;
    }
    // The preview's lines, and the agent ID each "ORDER: from → to" line names as the target.
    struct Preview
    {
        QStringList agents, moves;
        QString summary;
        QHash<QString, QString> to;
    };
    static Preview readPreview(QWidget *d)
    {
        Preview p;
        auto *agentsPreview = d->findChild<QListWidget *>(QStringLiteral("balanceAgentsPreview"));
        auto *movesPreview = d->findChild<QListWidget *>(QStringLiteral("balanceMovesPreview"));
        for (int r = 0; r < agentsPreview->count(); ++r)
            p.agents << agentsPreview->item(r)->text();
        static const QRegularExpression move(QStringLiteral("^(\\S+): .* → .*\\((agent-\\d+)\\)$"));
        for (int r = 0; r < movesPreview->count(); ++r) {
            p.moves << movesPreview->item(r)->text();
            if (const auto m = move.match(p.moves.last()); m.hasMatch())
                p.to.insert(m.captured(1), m.captured(2));
        }
        p.summary = d->findChild<QLabel *>(QStringLiteral("balanceSummary"))->text();
        return p;
    }
    // Every line of the moves preview fits its width: the target, at the end, is not cut off.
    static bool movesWhole(QWidget *d)
    {
        auto *moves = d->findChild<QListWidget *>(QStringLiteral("balanceMovesPreview"));
        for (int r = 0; r < moves->count(); ++r)
            if (moves->fontMetrics().horizontalAdvance(moves->item(r)->text()) >= moves->viewport()->width())
                return false;
        return moves->count() > 0;
    }
    // Run, when it can be clicked; else the dialog is cancelled (a disabled Run would leave it
    // open and the test waiting for its watchdog) and the test fails.
    static void clickRun(QWidget *d)
    {
        QAbstractButton *run = standardButton(d, QDialogButtonBox::Ok);
        if (!run->isEnabled()) {
            static_cast<QDialog *>(d)->reject();
            QFAIL("Run is disabled: the plan moves nothing");
        }
        click(run);
    }
    static void clickRadio(QWidget *d, const char *name)
    {
        auto *b = d->findChild<QAbstractButton *>(QString::fromLatin1(name));
        QVERIFY(b);
        QTest::mouseClick(b, Qt::LeftButton, {}, QPoint(8, b->height() / 2));
        QVERIFY(b->isChecked());
    }
    // Replaces the cap as a person does: into the field, select all, type.
    static void typeCap(QWidget *d, int cap)
    {
        auto *spin = d->findChild<QSpinBox *>(QStringLiteral("balanceCap"));
        QVERIFY(spin && !spin->accessibleName().isEmpty());
        QTest::mouseClick(spin, Qt::LeftButton, {}, QPoint(6, spin->height() / 2));
        QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(spin, QString::number(cap));
        QCOMPARE(spin->value(), cap);
    }
    static void chooseRoundRobin(QWidget *d)
    {
        auto *strategy = d->findChild<QComboBox *>(QStringLiteral("balanceStrategy"));
        QVERIFY(strategy);
        QTest::keyClick(strategy, Qt::Key_Down);
        QCOMPARE(strategy->currentText(), QStringLiteral("Round robin"));
    }
    void checkServerHas(const QHash<QString, QString> &expected, const QHash<QString, QString> &before)
    {
        for (const QString &id : std::as_const(m_ids))
            QVERIFY2(serverAgentId(id) == expected.value(id, before.value(id)),
                     qPrintable(QStringLiteral("%1: %2, planned %3").arg(id, serverAgentId(id), expected.value(id, before.value(id)))));
    }
    QHash<QString, QString> serverAgents() const
    {
        QHash<QString, QString> a;
        for (const QString &id : m_ids)
            a.insert(id, serverAgentId(id));
        return a;
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
            QVERIFY2(!moveLines.filter(id + QStringLiteral(": Unassigned → ")).isEmpty(), qPrintable(moveLines.join(QLatin1Char('\n'))));
        const int total = loads.at(b) + loads.at(c) + unassigned;
        const int high = (total + 1) / 2, low = total / 2;
        QVERIFY2(agentLines.filter(QStringLiteral("%1 → ").arg(loads.at(b))).size() >= 1, qPrintable(agentLines.join(QLatin1Char('\n'))));
        QVERIFY2(!agentLines.filter(QRegularExpression(QStringLiteral("→ (%1|%2)$").arg(high).arg(low))).isEmpty(),
                 qPrintable(agentLines.join(QLatin1Char('\n'))));

        // Each result line names the agent its session went to, as the preview did.
        QWidget *progress = lastProgress();
        QVERIFY(progress);
        QTRY_VERIFY_WITH_TIMEOUT(progress->findChild<QPushButton *>(QStringLiteral("bulkClose"))->isEnabled(), 20000);
        const QAbstractItemModel *results = progress->findChild<QListView *>(QStringLiteral("bulkResults"))->model();
        QStringList resultLines;
        for (int r = 0; r < results->rowCount(); ++r)
            resultLines << results->index(r, 0).data().toString();
        for (const QString &id : wereUnassigned) {
            QString to = moveLines.filter(id + QStringLiteral(": Unassigned → ")).value(0).section(QStringLiteral(" → "), 1);
            to = to.left(to.lastIndexOf(QStringLiteral(" ("))); // the name, without "(agent-ID)"
            QVERIFY2(resultLines.contains(QStringLiteral("%1 → %2 — done").arg(id, to)), qPrintable(resultLines.join(QLatin1Char('\n'))));
        }
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

    // Balance… with a cap: the unassigned over two agents who may hold 3 each. The preview shows
    // both at the cap, names every session that stays and says how many; Run sends exactly the
    // planned moves, nothing for the sessions that stay.
    void balanceWithACapLeavesTheRestWhereTheyAre()
    {
        const QList<Agent> agents = seededAgents(2);
        QCOMPARE(agents.size(), 2);
        const QString a = idOf(agents[0]), b = idOf(agents[1]);
        arrange(agents, holding({{0, 2}, {1, 1}, {-1, 7}}));
        showTeam();
        checkCountsMatchServer();
        clickTeamRow(a);
        clickTeamRow(b, Qt::ControlModifier);
        const QStringList targets = selectedTargets();
        QCOMPARE(targets.size(), 2);
        const QHash<QString, QString> before = serverAgents();
        const BalancePlan expected = expectedPlan(m_ids.mid(3), targets, BalanceStrategy::LeastLoaded, 3);
        QCOMPARE(expected.moves.size(), 3);
        QCOMPARE(expected.unplaced.size(), 4);
        m_server->writes.clear();

        Preview uncapped, capped;
        bool sentBeforeRun = true;
        const auto run = whenShown(modal(QStringLiteral("balanceDialog")), [&](QWidget *d) {
            clickRadio(d, "balanceFromUnassigned");
            uncapped = readPreview(d);
            typeCap(d, 3);
            capped = readPreview(d);
            QTest::qWait(50);
            sentBeforeRun = !m_server->writes.isEmpty();
            clickRun(d);
        });
        keys(Qt::Key_B, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(*run);
        QVERIFY(!sentBeforeRun);
        QCOMPARE(uncapped.to.size(), 7); // without a cap every unassigned one moves
        QCOMPARE(capped.to, targetsOf(expected));
        const QString lines = capped.agents.join(QLatin1Char('\n')) + QLatin1Char('\n') + capped.moves.join(QLatin1Char('\n'));
        for (const QString &id : expected.unplaced)
            QVERIFY2(capped.moves.contains(id + QStringLiteral(": stays, no agent has room under the cap")), qPrintable(lines));
        QVERIFY2(capped.summary.contains(QStringLiteral("3 sessions will move.")), qPrintable(capped.summary));
        QVERIFY2(capped.summary.contains(QStringLiteral("4 sessions find no room under the cap and stay.")), qPrintable(capped.summary));
        QVERIFY2(capped.agents.filter(QStringLiteral("(%1): 2 → 3").arg(a)).size() == 1, qPrintable(lines));
        QVERIFY2(capped.agents.filter(QStringLiteral("(%1): 1 → 3").arg(b)).size() == 1, qPrintable(lines));
        QVERIFY2(capped.agents.contains(QStringLiteral("Unassigned: 7 → 4")), qPrintable(lines));

        closeProgressWhenFinished();
        checkServerHas(targetsOf(expected), before);
        for (const QString &id : std::as_const(m_ids))
            QCOMPARE(writesTo(id), targetsOf(expected).contains(id) ? 1 : 0);
        checkCountsMatchServer();
        QTRY_COMPARE(shownLoad(QString()), 4);
        QTRY_COMPARE(shownLoad(a), 3);
        QTRY_COMPARE(shownLoad(b), 3);
    }

    // Round robin, chosen in the dialog with the keyboard, over the sessions selected in the list
    // (Ctrl+A in the list the Team view's selection filtered): the preview and the server follow
    // the round-robin plan, which here differs from least-loaded-first.
    void balanceRoundRobinFollowsTheRoundRobinPlan()
    {
        const QList<Agent> agents = seededAgents(3);
        QCOMPARE(agents.size(), 3);
        arrange(agents, holding({{0, 12}, {1, 1}, {2, 4}, {-1, 3}}));
        showTeam();
        checkCountsMatchServer();
        clickTeamRow(idOf(agents[0]));
        clickTeamRow(idOf(agents[1]), Qt::ControlModifier);
        clickTeamRow(idOf(agents[2]), Qt::ControlModifier);
        const QStringList targets = selectedTargets();
        QCOMPARE(targets.size(), 3);
        QTRY_COMPARE(m_window->sessionModel()->rowCount(), 17); // the three agents' sessions
        keys(Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(m_window->selectedOrderIds().size(), 17);
        const QStringList chosen = shownOrderIds();
        const QHash<QString, QString> before = serverAgents();
        const BalancePlan expected = expectedPlan(chosen, targets, BalanceStrategy::RoundRobin);
        QVERIFY(expected.ok());
        QVERIFY2(targetsOf(expected) != targetsOf(expectedPlan(chosen, targets, BalanceStrategy::LeastLoaded)),
                 "the strategies plan the same here: the test would prove nothing");
        m_server->writes.clear();

        Preview preview;
        const auto run = whenShown(modal(QStringLiteral("balanceDialog")), [&](QWidget *d) {
            clickRadio(d, "balanceFromSelection");
            chooseRoundRobin(d);
            preview = readPreview(d);
            clickRun(d);
        });
        keys(Qt::Key_B, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(*run);
        QCOMPARE(preview.to, targetsOf(expected));
        closeProgressWhenFinished();
        checkServerHas(targetsOf(expected), before);
        for (const QString &id : std::as_const(m_ids))
            QCOMPARE(writesTo(id), targetsOf(expected).contains(id) ? 1 : 0);
        // 17 over three: 6, 6 and 5; the unassigned were not chosen and stay.
        QList<int> loads;
        for (const Agent &agent : agents)
            loads << serverLoads()[idOf(agent)];
        std::sort(loads.begin(), loads.end());
        QCOMPARE(loads, (QList<int>{5, 6, 6}));
        QCOMPARE(serverLoads()[QString()], 3);
        checkCountsMatchServer();
    }

    // "All sessions of this agent": the busiest agent's sessions, the agent picked with the keys
    // in the dialog, over that agent and two others: 9, 1 and 2 become 4 each with 5 moves; the
    // unassigned are not touched.
    void balanceAllOfOneAgentsSessions()
    {
        const QList<Agent> agents = seededAgents(3);
        QCOMPARE(agents.size(), 3);
        const QString a = idOf(agents[0]);
        arrange(agents, holding({{0, 9}, {1, 1}, {2, 2}, {-1, 2}}));
        showTeam();
        checkCountsMatchServer();
        clickTeamRow(a);
        clickTeamRow(idOf(agents[1]), Qt::ControlModifier);
        clickTeamRow(idOf(agents[2]), Qt::ControlModifier); // the agent the dialog offers first
        const QStringList targets = selectedTargets();
        QCOMPARE(targets.size(), 3);
        const QHash<QString, QString> before = serverAgents();
        const BalancePlan expected = expectedPlan(m_ids.mid(0, 9), targets, BalanceStrategy::LeastLoaded);
        m_server->writes.clear();

        Preview preview;
        bool linesWhole = false;
        const auto run = whenShown(modal(QStringLiteral("balanceDialog")), [&](QWidget *d) {
            clickRadio(d, "balanceFromAgent");
            auto *combo = d->findChild<QComboBox *>(QStringLiteral("balanceAgent"));
            QVERIFY(combo && !combo->accessibleName().isEmpty());
            QCOMPARE(combo->currentData().toString(), idOf(agents[2]));
            QTest::keyClick(combo, Qt::Key_Home);
            for (int i = 0; i < combo->count() && combo->currentData().toString() != a; ++i)
                QTest::keyClick(combo, Qt::Key_Down);
            QCOMPARE(combo->currentData().toString(), a);
            QVERIFY(d->findChild<QAbstractButton *>(QStringLiteral("balanceFromAgent"))->isChecked());
            preview = readPreview(d);
            linesWhole = movesWhole(d);
            clickRun(d);
        });
        keys(Qt::Key_B, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(*run);
        const QString lines = preview.agents.join(QLatin1Char('\n'));
        QVERIFY2(preview.agents.filter(QStringLiteral("(%1): 9 → 4").arg(a)).size() == 1, qPrintable(lines));
        QVERIFY2(preview.agents.filter(QStringLiteral("(%1): 1 → 4").arg(idOf(agents[1]))).size() == 1, qPrintable(lines));
        QVERIFY2(preview.agents.filter(QStringLiteral("(%1): 2 → 4").arg(idOf(agents[2]))).size() == 1, qPrintable(lines));
        QCOMPARE(preview.to.size(), 5);
        QCOMPARE(preview.to, targetsOf(expected));
        QVERIFY2(linesWhole, qPrintable(preview.moves.join(QLatin1Char('\n'))));
        closeProgressWhenFinished();
        checkServerHas(targetsOf(expected), before);
        for (const Agent &agent : agents)
            QCOMPARE(serverLoads()[idOf(agent)], 4);
        QCOMPARE(serverLoads()[QString()], 2);
        for (const QString &id : m_ids.mid(12))
            QCOMPARE(writesTo(id), 0);
        checkCountsMatchServer();
    }

    // Some sessions of a Balance fail (the server refuses them), "Retry failed" sends them again
    // once the server is well: the whole run, retried sessions included, is still one undo step,
    // named once; one Ctrl+Z puts every session back.
    void balanceRetryOfFailedIsTheSameUndoStep()
    {
        const QList<Agent> agents = seededAgents(2);
        QCOMPARE(agents.size(), 2);
        arrange(agents, holding({{0, 1}, {1, 1}, {-1, 6}}));
        showTeam();
        checkCountsMatchServer();
        clickTeamRow(idOf(agents[0]));
        clickTeamRow(idOf(agents[1]), Qt::ControlModifier);
        const QHash<QString, QString> before = serverAgents();
        const BalancePlan expected = expectedPlan(m_ids.mid(2), selectedTargets(), BalanceStrategy::LeastLoaded);
        QCOMPARE(expected.moves.size(), 6);
        const QStringList refused = {m_ids[3], m_ids[6]};
        for (const QString &id : refused)
            m_server->refuseWritesTo.insert(id);

        const auto run = whenShown(modal(QStringLiteral("balanceDialog")), [](QWidget *d) {
            clickRadio(d, "balanceFromUnassigned");
            clickRun(d);
        });
        keys(Qt::Key_B, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(*run);
        QPointer<QWidget> first = lastProgress();
        QVERIFY(first);
        QTRY_VERIFY_WITH_TIMEOUT(first->findChild<QPushButton *>(QStringLiteral("bulkClose"))->isEnabled(), 20000);
        for (const QString &id : refused)
            QCOMPARE(serverAgentId(id), QString());
        QCOMPARE(m_window->action(QStringLiteral("undo"))->text(), QStringLiteral("&Undo Balance 4 sessions"));

        m_server->refuseWritesTo.clear();
        auto *retry = first->findChild<QPushButton *>(QStringLiteral("bulkRetryFailed"));
        QVERIFY(retry->isEnabled());
        click(retry);
        QTRY_VERIFY(lastProgress() && lastProgress() != first.data());
        QTRY_VERIFY(!first); // the first run's results close on Retry failed
        closeProgressWhenFinished();
        checkServerHas(targetsOf(expected), before);
        // One step, named once, for the six.
        QTRY_COMPARE(m_window->action(QStringLiteral("undo"))->text(), QStringLiteral("&Undo Balance 6 sessions"));

        keys(Qt::Key_Z, Qt::ControlModifier);
        for (const QString &id : std::as_const(m_ids))
            QTRY_COMPARE_WITH_TIMEOUT(serverAgentId(id), before.value(id), 10000);
        QTRY_COMPARE(shownLoad(QString()), 6);
        QVERIFY2(!m_window->action(QStringLiteral("undo"))->isEnabled(), qPrintable(m_window->action(QStringLiteral("undo"))->text()));
        checkCountsMatchServer();
    }

    // The supervisor's order: the unassigned sessions selected in the list (Unassigned clicked in
    // the Team view, Ctrl+A), then the agents Ctrl+clicked; the sessions stay selected and are
    // Balance's "selected sessions". Every move's line is whole in the preview (the target is
    // at its end), and a source with no session is not offered.
    void balanceSelectionChosenBeforeTheAgents()
    {
        const QList<Agent> agents = seededAgents(2);
        QCOMPARE(agents.size(), 2);
        arrange(agents, holding({{0, 2}, {1, 1}, {-1, 5}}));
        showTeam();
        checkCountsMatchServer();
        clickTeamRow(QString());
        QTRY_COMPARE(m_window->sessionModel()->rowCount(), 5);
        clickRow(m_ids[3]);
        keys(Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(m_window->selectedOrderIds().size(), 5);
        clickTeamRow(idOf(agents[0]), Qt::ControlModifier);
        clickTeamRow(idOf(agents[1]), Qt::ControlModifier);
        QTRY_COMPARE(m_window->sessionModel()->rowCount(), 8);
        QStringList selected = m_window->selectedOrderIds();
        selected.sort();
        QCOMPARE(selected, m_ids.mid(3));
        const QHash<QString, QString> before = serverAgents();
        const BalancePlan expected = expectedPlan(m_ids.mid(3), selectedTargets(), BalanceStrategy::LeastLoaded);
        QCOMPARE(expected.moves.size(), 5);

        Preview preview;
        QString fromSelection;
        bool linesWhole = false, unassignedOffered = true;
        const auto run = whenShown(modal(QStringLiteral("balanceDialog")), [&](QWidget *d) {
            auto *selection = d->findChild<QAbstractButton *>(QStringLiteral("balanceFromSelection"));
            QVERIFY(selection->isChecked());
            fromSelection = selection->text();
            preview = readPreview(d);
            linesWhole = movesWhole(d);
            unassignedOffered = d->findChild<QAbstractButton *>(QStringLiteral("balanceFromUnassigned"))->isEnabled();
            clickRun(d);
        });
        keys(Qt::Key_B, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(*run);
        QCOMPARE(fromSelection, QStringLiteral("The 5 selected sessions"));
        QVERIFY2(linesWhole, qPrintable(preview.moves.join(QLatin1Char('\n'))));
        QVERIFY(unassignedOffered);
        QCOMPARE(preview.to, targetsOf(expected));
        closeProgressWhenFinished();
        checkServerHas(targetsOf(expected), before);
        QCOMPARE(serverLoads()[idOf(agents[0])], 4);
        QCOMPARE(serverLoads()[idOf(agents[1])], 4);

        // Now nothing is unassigned and nothing selected: neither is offered.
        clickTeamRow(QString());
        QTRY_COMPARE(m_window->sessionModel()->rowCount(), 0);
        QVERIFY(m_window->selectedOrderIds().isEmpty());
        bool emptyOffered = true;
        const auto cancel = whenShown(modal(QStringLiteral("balanceDialog")), [&](QWidget *d) {
            emptyOffered = d->findChild<QAbstractButton *>(QStringLiteral("balanceFromSelection"))->isEnabled()
                        || d->findChild<QAbstractButton *>(QStringLiteral("balanceFromUnassigned"))->isEnabled();
            click(standardButton(d, QDialogButtonBox::Cancel));
        });
        keys(Qt::Key_B, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(*cancel);
        QVERIFY(!emptyOffered);
    }
};

QTEST_MAIN(TestTeamBalance)
#include "tst_team_balance.moc"
