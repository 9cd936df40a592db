#include "balancedialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace sd::ui {

BalanceDialog::BalanceDialog(Input input, QWidget *parent) : QDialog(parent), m_in(std::move(input))
{
    setObjectName(QStringLiteral("balanceDialog"));
    setWindowTitle(tr("Balance sessions"));

    auto *fromSelection = new QRadioButton(tr("The %n selected session(s)", nullptr, int(m_in.selection.size())), this);
    fromSelection->setObjectName(QStringLiteral("balanceFromSelection"));
    auto *fromUnassigned = new QRadioButton(tr("All %n unassigned session(s)", nullptr, int(m_in.unassigned.size())), this);
    fromUnassigned->setObjectName(QStringLiteral("balanceFromUnassigned"));
    auto *fromAgent = new QRadioButton(tr("All sessions of this agent:"), this);
    fromAgent->setObjectName(QStringLiteral("balanceFromAgent"));
    m_agent = new QComboBox(this);
    m_agent->setObjectName(QStringLiteral("balanceAgent"));
    m_agent->setAccessibleName(tr("Agent whose sessions are balanced"));
    for (const QString &id : std::as_const(m_in.agents))
        m_agent->addItem(tr("%1: %n open", nullptr, m_in.load(id)).arg(nameOf(id)), id);
    m_agent->setCurrentIndex(std::max(0, m_agent->findData(m_in.currentAgent)));
    m_source = new QButtonGroup(this);
    m_source->addButton(fromSelection, int(Source::Selection));
    m_source->addButton(fromUnassigned, int(Source::Unassigned));
    m_source->addButton(fromAgent, int(Source::Agent));
    // A source with no session would only plan nothing: not offered.
    fromSelection->setEnabled(!m_in.selection.isEmpty());
    fromUnassigned->setEnabled(!m_in.unassigned.isEmpty());
    fromAgent->setEnabled(!m_in.agents.isEmpty());
    (m_in.selection.isEmpty() ? m_in.unassigned.isEmpty() && !m_in.agents.isEmpty() ? fromAgent : fromUnassigned
                              : fromSelection)->setChecked(true);

    m_targets = new QLabel(this);
    m_targets->setObjectName(QStringLiteral("balanceTargets"));
    m_targets->setWordWrap(true);
    QStringList names;
    for (const QString &id : std::as_const(m_in.targets))
        names << nameOf(id);
    m_targets->setText(m_in.targets.isEmpty()
                           ? tr("No agents chosen: select the agents to balance over in the Team view (Ctrl+click for several), then open Balance again.")
                           : names.join(QLatin1String(", ")));

    m_strategy = new QComboBox(this);
    m_strategy->setObjectName(QStringLiteral("balanceStrategy"));
    m_strategy->setAccessibleName(tr("Strategy"));
    m_strategy->addItem(tr("Least loaded first"), int(BalanceStrategy::LeastLoaded));
    m_strategy->addItem(tr("Round robin"), int(BalanceStrategy::RoundRobin));
    m_cap = new QSpinBox(this);
    m_cap->setObjectName(QStringLiteral("balanceCap"));
    m_cap->setAccessibleName(tr("Most open sessions per agent"));
    m_cap->setRange(0, 1'000'000);
    m_cap->setSpecialValueText(tr("No cap"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("balanceSummary"));
    m_summary->setWordWrap(true);
    m_agentsPreview = new QListWidget(this);
    m_agentsPreview->setObjectName(QStringLiteral("balanceAgentsPreview"));
    m_agentsPreview->setAccessibleName(tr("Open sessions per agent, before and after"));
    m_movesPreview = new QListWidget(this);
    m_movesPreview->setObjectName(QStringLiteral("balanceMovesPreview"));
    m_movesPreview->setAccessibleName(tr("Sessions that move"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Run"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *sources = new QVBoxLayout;
    sources->addWidget(fromSelection);
    sources->addWidget(fromUnassigned);
    auto *agentRow = new QHBoxLayout;
    agentRow->addWidget(fromAgent);
    agentRow->addWidget(m_agent, 1);
    sources->addLayout(agentRow);
    auto *form = new QFormLayout;
    form->addRow(tr("Sessions:"), sources);
    form->addRow(tr("Over these agents:"), m_targets);
    form->addRow(tr("&Strategy:"), m_strategy);
    form->addRow(tr("&Cap per agent:"), m_cap);
    // Wide enough for a whole move ("ORDER: from → to", the target last) beside the counts:
    // the lines were cut before the target at the old fixed width.
    QString longestName;
    const QFontMetrics fm = m_movesPreview->fontMetrics();
    for (const QString &id : m_in.agents + m_in.targets)
        if (const QString n = nameOf(id); fm.horizontalAdvance(n) > fm.horizontalAdvance(longestName))
            longestName = n;
    const int margin = 2 * m_movesPreview->frameWidth() + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 12;
    const int agentsWidth = fm.horizontalAdvance(tr("%1: %2 → %3").arg(longestName).arg(9999).arg(9999)) + margin;
    const int movesWidth = fm.horizontalAdvance(tr("%1: %2 → %3").arg(QStringLiteral("ORD-1000000"), longestName, longestName)) + margin;
    auto *previews = new QHBoxLayout;
    previews->addWidget(m_agentsPreview, agentsWidth);
    previews->addWidget(m_movesPreview, movesWidth);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addLayout(previews, 1);
    layout->addWidget(m_buttons);
    const QSize room = screen() ? screen()->availableGeometry().size() * 9 / 10 : QSize(720, 520);
    resize(QSize(std::max(720, agentsWidth + movesWidth + 40), 520).boundedTo(room));

    connect(m_source, &QButtonGroup::idClicked, this, &BalanceDialog::replan);
    connect(m_agent, &QComboBox::currentIndexChanged, this, [this, fromAgent] {
        fromAgent->setChecked(true);
        replan();
    });
    connect(m_strategy, &QComboBox::currentIndexChanged, this, &BalanceDialog::replan);
    connect(m_cap, &QSpinBox::valueChanged, this, &BalanceDialog::replan);
    replan();
}

QString BalanceDialog::nameOf(const QString &agentId) const
{
    if (agentId.isEmpty())
        return tr("Unassigned"); // as the Team view names it
    const QString name = m_in.name ? m_in.name(agentId) : QString();
    return name.isEmpty() || name == agentId ? agentId : tr("%1 (%2)").arg(name, agentId);
}

QList<BalanceSession> BalanceDialog::chosen() const
{
    switch (Source(m_source->checkedId())) {
    case Source::Selection: return m_in.selection;
    case Source::Unassigned: return m_in.unassigned;
    case Source::Agent: return m_in.ofAgent ? m_in.ofAgent(m_agent->currentData().toString()) : QList<BalanceSession>();
    }
    return {};
}

void BalanceDialog::replan()
{
    const QList<BalanceSession> sessions = chosen();
    BalanceOptions options;
    options.targets = m_in.targets;
    options.strategy = BalanceStrategy(m_strategy->currentData().toInt());
    if (m_cap->value() > 0)
        options.cap = m_cap->value();
    // What the targets hold outside the chosen sessions counts towards their load.
    QHash<QString, int> chosenOpen;
    for (const BalanceSession &s : sessions)
        if (s.open && !s.agentId.isEmpty())
            ++chosenOpen[s.agentId];
    for (const QString &t : std::as_const(m_in.targets))
        if (const int elsewhere = m_in.load(t) - chosenOpen.value(t); elsewhere > 0)
            options.heldElsewhere.insert(t, elsewhere);

    m_agentsPreview->clear();
    m_movesPreview->clear();
    if (m_in.targets.isEmpty()) {
        m_plan = {};
        m_plan.error = m_targets->text();
    } else {
        m_plan = planBalance(sessions, options);
    }
    QPushButton *run = m_buttons->button(QDialogButtonBox::Ok);
    if (!m_plan.ok()) {
        m_summary->setText(m_plan.error);
        run->setEnabled(false);
        return;
    }
    for (const BalanceAgentLoad &a : std::as_const(m_plan.agents))
        m_agentsPreview->addItem(tr("%1: %2 → %3").arg(nameOf(a.agentId)).arg(a.before).arg(a.after));
    if (m_plan.unassignedBefore != m_plan.unassignedAfter)
        m_agentsPreview->addItem(tr("Unassigned: %1 → %2").arg(m_plan.unassignedBefore).arg(m_plan.unassignedAfter));
    for (const BalanceMove &m : std::as_const(m_plan.moves))
        m_movesPreview->addItem(tr("%1: %2 → %3").arg(m.orderId, nameOf(m.from), nameOf(m.to)));
    for (const QString &id : std::as_const(m_plan.unplaced))
        m_movesPreview->addItem(tr("%1: stays, no agent has room under the cap").arg(id));
    QString summary = tr("%n session(s) will move.", nullptr, int(m_plan.moves.size()));
    if (m_plan.closedExcluded > 0)
        summary += QLatin1Char(' ') + tr("%n closed session(s) left out.", nullptr, m_plan.closedExcluded);
    if (!m_plan.unplaced.isEmpty())
        summary += QLatin1Char(' ') + tr("%n session(s) find no room under the cap and stay.", nullptr, int(m_plan.unplaced.size()));
    summary += QLatin1Char(' ') + tr("Nothing is sent before Run; Edit > Undo puts every previous agent back.");
    m_summary->setText(summary);
    run->setEnabled(!m_plan.moves.isEmpty());
}

} // namespace sd::ui
