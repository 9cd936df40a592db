// Balance… (issue 13): which sessions, over which agents (the Team view's selection), with
// which strategy and cap; the preview (per agent before -> after, per session from -> to) is
// planBalance's, recomputed as the choices change. Nothing is sent here: Run only accepts.
#pragma once

#include "balanceplan.h"

#include <QDialog>
#include <functional>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QSpinBox;

namespace sd::ui {

class BalanceDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Source { Selection, Unassigned, Agent };
    struct Input
    {
        QList<BalanceSession> selection;  // the sessions selected in the list
        QList<BalanceSession> unassigned; // every unassigned session of the workspace
        // Every session of the workspace held by an agent, by agent ID.
        std::function<QList<BalanceSession>(const QString &agentId)> ofAgent;
        QStringList agents;      // for "all of one agent's": every agent, in the Team view's order
        QString currentAgent;    // the one picked first
        QStringList targets;     // the Team view's selected agents
        std::function<QString(const QString &agentId)> name;
        std::function<int(const QString &agentId)> load; // open sessions in the workspace
    };

    explicit BalanceDialog(Input input, QWidget *parent = nullptr);
    const BalancePlan &plan() const { return m_plan; }

private:
    void replan();
    QList<BalanceSession> chosen() const;
    QString nameOf(const QString &agentId) const;

    Input m_in;
    BalancePlan m_plan;
    QButtonGroup *m_source;
    QComboBox *m_agent;
    QComboBox *m_strategy;
    QSpinBox *m_cap;
    QLabel *m_targets;
    QLabel *m_summary;
    QListWidget *m_agentsPreview;
    QListWidget *m_movesPreview;
    QDialogButtonBox *m_buttons;
};

} // namespace sd::ui
