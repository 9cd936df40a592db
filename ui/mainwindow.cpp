#include "mainwindow.h"
#include "mainwindow_p.h"

#include "apiurl.h"
#include "conflictdialog.h"
#include "detailpane.h"
#include "firstpaint.h"
#include "requestlog.h"
#include "undocommands.h"
#include "undonotice.h"
#include "columnfit.h"
#include "teamview.h"
#include "windowfit.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace sd::ui {

MainWindow::MainWindow(const QList<ServerProfile> &profiles, const QString &startProfileId,
                       QWidget *parent)
    : QMainWindow(parent), m_desk(new DeskController(this)), m_model(m_desk->model()), m_undo(m_desk->undoStack()),
      m_profiles(profiles)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("SupportDesk"));
    setWindowIcon(icon("supportdesk"));
    m_resolveConflict = [this](const QString &id, const Support &theirs, const Support &mine,
                               const std::optional<Support> &base) -> std::optional<Support> {
        ConflictDialog dialog(id, theirs, mine, base, this);
        if (dialog.fieldCount() == 0)
            return dialog.merged(); // no field both sides changed: theirs and mine together
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.merged();
    };
    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel)
            == QMessageBox::Yes;
    };

    // The session list with its filter bar.
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setAccessibleName(tr("Filter sessions"));
    m_filter->setPlaceholderText(tr("Filter by order, agent or phone (%1)").arg(nativeKeys(QKeySequence::Find)));
    m_stateFilter = new QComboBox(this);
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_stateFilter->setAccessibleName(tr("Status filter"));
    m_stateFilter->addItem(tr("Any status"), -1);
    for (SessionState s : {SessionState::Open, SessionState::Closed, SessionState::NotFound,
                           SessionState::Error, SessionState::Unknown})
        m_stateFilter->addItem(sessionStateName(s), int(s));
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("scopeFilter"));
    m_scope->setAccessibleName(tr("Whose sessions"));
    m_scope->addItem(tr("All"), int(SessionModel::Scope::All));
    m_scope->addItem(tr("Mine"), int(SessionModel::Scope::Mine));
    m_scope->addItem(tr("Unassigned"), int(SessionModel::Scope::Unassigned));
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("sessionView"));
    m_view->setAccessibleName(tr("Support sessions"));
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SessionModel::OrderIdColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights: sizing rows to contents costs seconds at 100k rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->setColumnWidth(SessionModel::OrderIdColumn, 160);
    m_view->setColumnWidth(SessionModel::AgentColumn, 150);
    m_view->setColumnWidth(SessionModel::PhoneColumn, 130);
    m_columnFitter = new ColumnFitter(m_view); // these widths are what the columns prefer
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));

    auto *left = new QWidget(this);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_stateFilter);
    filterRow->addWidget(m_scope);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(4, 4, 4, 4);
    leftLayout->addLayout(filterRow);
    // "Mine" with no identity would be an empty list without a word: it says why, and offers
    // to set the identity.
    m_mineHint = new QWidget(left);
    m_mineHint->setObjectName(QStringLiteral("mineHint"));
    {
        auto *text = new QLabel(tr("“Mine” lists the sessions assigned to you, and no agent identity is set "
                                   "for this server profile."), m_mineHint);
        text->setObjectName(QStringLiteral("mineHintText"));
        text->setWordWrap(true);
        auto *set = new QPushButton(tr("Set my agent ID…"), m_mineHint);
        set->setObjectName(QStringLiteral("mineHintSet"));
        connect(set, &QPushButton::clicked, this, [this] { askIdentity(false); });
        auto *row = new QHBoxLayout(m_mineHint);
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(text, 1);
        row->addWidget(set);
    }
    m_mineHint->hide();
    leftLayout->addWidget(m_mineHint);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(m_countLabel);

    m_detail = new DetailPane(this);
    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);

    m_logModel = new RequestLogModel(this);
    m_logDock = new RequestLogDock(m_logModel, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    m_logDock->hide();
    createTeamDock();

    m_inFlightLabel = new QLabel(this);
    m_inFlightLabel->setObjectName(QStringLiteral("inFlightLabel"));
    m_changedLabel = new QLabel(this);
    m_changedLabel->setObjectName(QStringLiteral("changedLabel"));
    m_identityButton = new QToolButton(this);
    m_identityButton->setObjectName(QStringLiteral("identityButton"));
    m_identityButton->setAccessibleName(tr("My agent identity"));
    m_identityButton->setAutoRaise(true);
    m_identityButton->setToolTip(tr("Who you are on this server: your sessions under “Mine”, your name in the audit trail."));
    connect(m_identityButton, &QToolButton::clicked, this, [this] { askIdentity(false); });
    statusBar()->addPermanentWidget(m_identityButton);
    statusBar()->addPermanentWidget(m_changedLabel);
    m_offlineLabel = new QLabel(this);
    m_offlineLabel->setObjectName(QStringLiteral("offlineLabel"));
    statusBar()->addPermanentWidget(m_offlineLabel);
    statusBar()->addPermanentWidget(m_inFlightLabel);

    m_undoNotice = new UndoNotice(m_undo, this);
    statusBar()->insertPermanentWidget(0, m_undoNotice); // beside, not under, the messages
    createActions();
    createMenusAndToolbar();

    // What the first frame does not show comes after it: the clear buttons of the filter and the
    // go-to field (their icons are the first images read, which loads the image plugins) and the
    // tray icon. The fields take typing meanwhile; the button appears with the text.
    afterFirstPaint(this, [this] {
        m_filter->setClearButtonEnabled(true);
        m_goTo->setClearButtonEnabled(true);
        if (QSystemTrayIcon::isSystemTrayAvailable()) {
            m_tray = new QSystemTrayIcon(windowIcon(), this);
            m_tray->setToolTip(tr("SupportDesk"));
            m_tray->show();
        }
    });
    connect(this, &MainWindow::notified, this, [this](const QString &title, const QString &text) {
        if (m_tray)
            m_tray->showMessage(title, text, QSystemTrayIcon::Information, 8000);
    });

    connect(m_filter, &QLineEdit::textChanged, this, &MainWindow::applyFilterText);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int v = m_stateFilter->currentData().toInt();
        m_model->setStateFilter(v < 0 ? std::nullopt : std::optional<SessionState>(SessionState(v)));
    });
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setScope(SessionModel::Scope(m_scope->currentData().toInt()), m_desk->profile().myAgentId);
        updateIdentity();
    });
    connect(m_model, &SessionModel::visibleCountChanged, this, &MainWindow::updateStatusBar);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onSelectionChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &tl) {
        if (m_model->data(tl, SessionModel::OrderIdRole).toString() == selectedOrderId())
            onSelectionChanged();
    });
    m_detail->setHistorySource(m_desk->audit());
    connect(m_desk->client(), &ApiClient::exchangeFinished, m_logModel, &RequestLogModel::add);
    connect(m_desk->client(), &ApiClient::requestsInFlightChanged, this, &MainWindow::updateStatusBar);
    connectDesk();
    connect(m_detail, &DetailPane::saveRequested, this, &MainWindow::saveSelected);
    connect(m_detail, &DetailPane::revertRequested, this, &MainWindow::revertDraft);
    connect(m_detail, &DetailPane::retryRequested, this, [this] { refresh(m_detail->orderId()); });
    connect(m_detail, &DetailPane::assignRequested, this, &MainWindow::askAndAssign);
    connect(m_detail, &DetailPane::unassignRequested, this, [this] { unassign(m_detail->orderId()); });
    connect(m_detail, &DetailPane::editsChanged, this, &MainWindow::keepTypedDraft);
    connect(m_detail, &DetailPane::editsChanged, this, &MainWindow::updateActions);
    connect(m_detail, &DetailPane::newRequestRequested, this, &MainWindow::askAndCreateAgain);
    connect(m_detail, &DetailPane::profilesRequested, this, &MainWindow::manageProfiles);
    m_detail->setOutboxLookup([this](const QString &id) { return m_model->isWaitingInOutbox(id); });
    m_detail->setWaitingCreationLookup([this](const QString &id) { return m_desk->waitingCreation(id); });
    connect(m_detail, &DetailPane::linkNotOpened, this, [this](const QString &problem) {
        statusBar()->showMessage(problem, 15000);
    });

    QSettings settings;
    const bool restored = restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_view->horizontalHeader()->restoreState(settings.value(QStringLiteral("window/columns")).toByteArray());
    fitSessionColumns(m_view, m_columnFitter);
    // Whole on the screen it opens on (a HiDPI laptop at 200% has 1200x800 to offer; a geometry
    // saved on a larger monitor may not fit this one).
    fitToScreen(this, restored ? QSize() : QSize(1360, 840));

    // The profile's outbox opens after the first frame (after a switch, one turn later).
    m_desk->setDeferral([this](std::function<void()> work) { afterFirstPaint(this, std::move(work)); });
    ServerProfile start = m_profiles.value(0);
    for (const ServerProfile &p : std::as_const(m_profiles))
        if (p.id == startProfileId)
            start = p;
    applyProfile(start);
    updateActions();
    if (m_model->rowCount() > 0)
        m_view->selectRow(0);
}

MainWindow::~MainWindow()
{
    m_desk->flushBeforeLeaving(); // nothing the agent saw may be lost on the way out
    m_desk->disconnect(this);     // the desk outlives the window's own parts by a moment
    // The widgets are destroyed after this body: a dock hidden then (the Team view clears its
    // selection, which refilters the list) must not reach this window's slots any more.
    m_model->disconnect(this);
    if (m_teamDock)
        m_teamDock->disconnect();
}

void MainWindow::applyProfile(const ServerProfile &profile)
{
    // Ends with the application's name, so the platform does not add it a second time.
    setWindowTitle(tr("%1 — SupportDesk").arg(profile.name));
    const int boxIndex = m_profileBox->findData(profile.id);
    if (boxIndex >= 0)
        m_profileBox->setCurrentIndex(boxIndex);
    m_desk->openProfile(profile);
    m_model->setScope(SessionModel::Scope(m_scope->currentData().toInt()), profile.myAgentId);
    updateIdentity();
    // A profile's first use asks who the agent is there (once: skipping is an answer too).
    // Asked over the window, once it is painted (at start-up the question came before the window).
    if (profile.myAgentId.isEmpty() && !profile.identityAsked)
        afterFirstPaint(this, [this, id = profile.id] {
            const ServerProfile &now = m_desk->profile();
            if (now.id == id && now.myAgentId.isEmpty() && !now.identityAsked)
                askIdentity(true);
        });
}

void MainWindow::updateStatusBar()
{
    const int inFlight = m_desk->client()->requestsInFlight();
    m_inFlightLabel->setText(inFlight > 0 ? tr("%n request(s) in flight", nullptr, inFlight)
                                          : tr("idle"));
    m_countLabel->setText(tr("%1 of %2 sessions shown").arg(m_model->rowCount()).arg(m_model->totalCount()));
}

QString MainWindow::selectedOrderId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (current.isValid() && m_view->selectionModel()->isRowSelected(current.row(), {}))
        return m_model->data(m_model->index(current.row(), 0), SessionModel::OrderIdRole).toString();
    return rows.isEmpty() ? QString() : m_model->data(rows.first(), SessionModel::OrderIdRole).toString();
}

void MainWindow::selectOrder(const QString &orderId)
{
    QModelIndex index = m_model->indexOf(orderId);
    if (!index.isValid() && m_model->contains(orderId)) {
        // Filtered out: clear the filters so the agent sees it.
        m_filter->clear();
        m_stateFilter->setCurrentIndex(0);
        m_scope->setCurrentIndex(0);
        index = m_model->indexOf(orderId);
    }
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void MainWindow::onSelectionChanged()
{
    const QString id = selectedOrderId();
    const std::optional<WorkspaceEntry> e = id.isEmpty() ? std::nullopt : entry(id);
    const QStringList changedElsewhere = m_model->changedFields(id);
    m_detail->showEntry(e, e && m_model->isPending(id));
    if (e) {
        m_detail->showChangedElsewhere(changedElsewhere);
        m_model->setChanged(id, false); // seen now
        updateChangedCount();
        // Once per opening, not each time the list changes under the selection.
        if (e->state == SessionState::Open && std::exchange(m_agentAskedFor, id) != id)
            m_desk->refreshAgent(id);
    }
    updateActions();
}

void MainWindow::openSelectedInPane()
{
    const QString id = selectedOrderId();
    if (id.isEmpty())
        return;
    selectOrder(id); // that row alone, when several were selected
    m_detail->focusFirstField();
}

void MainWindow::copySelectedOrderIds()
{
    // In list order, one a line: what "Paste order IDs" reads back.
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &i : std::as_const(rows))
        ids << m_model->data(i, SessionModel::OrderIdRole).toString();
    if (ids.isEmpty())
        return;
    QApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
    statusBar()->showMessage(ids.size() == 1 ? tr("Order ID copied.")
                                             : tr("%n order IDs copied.", nullptr, int(ids.size())),
                             4000);
}

QStringList MainWindow::selectedOrderIds() const
{
    QStringList ids;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        ids << m_model->data(i, SessionModel::OrderIdRole).toString();
    return ids;
}

void MainWindow::openOrder(const QString &orderId)
{
    const QString &id = orderId;
    const QString problem = orderIdProblem(id);
    if (!problem.isEmpty()) {
        statusBar()->showMessage(problem, 8000);
        return;
    }
    m_desk->addEmpty(id);
    selectOrder(id);
    refresh(id);
}

void MainWindow::createSession(const QString &orderId, const Support &fields)
{
    m_desk->addEmpty(orderId);
    selectOrder(orderId);
    m_desk->create(orderId, fields);
}

void MainWindow::saveSelected()
{
    const QString id = m_detail->orderId();
    const std::optional<WorkspaceEntry> e = entry(id);
    if (!e || !m_detail->isDirty() || !m_detail->isValid() || m_detail->isReadOnly())
        return;
    m_desk->save(id, m_detail->editedSupport());
}

void MainWindow::assign(const QString &orderId, const Agent &agent)
{
    m_desk->assign(orderId, agent);
}

void MainWindow::unassign(const QString &orderId)
{
    m_desk->unassign(orderId);
}

void MainWindow::closeSession(const QString &orderId)
{
    m_desk->close(orderId);
}

void MainWindow::goToOrder(const QString &prefix)
{
    const QString id = m_model->firstOrderIdWithPrefix(prefix);
    if (!id.isEmpty())
        selectOrder(id);
}

void MainWindow::switchProfile(const QString &profileId)
{
    if (profileId == m_desk->profile().id)
        return;
    saveWorkspaceNow();
    m_desk->cancelRuns();
    for (const ServerProfile &p : std::as_const(m_profiles))
        if (p.id == profileId)
            applyProfile(p);
}

void MainWindow::keepTypedDraft()
{
    // Every edit is a draft as soon as it is typed (kept in the store, marked in the list) until
    // it is saved or reverted: another row, Quit or a crash does not lose it.
    const QString id = m_detail->orderId();
    if (id.isEmpty() || m_detail->isReadOnly())
        return;
    std::optional<WorkspaceEntry> e = entry(id);
    if (!e)
        return;
    const std::optional<Support> draft = m_detail->isDirty() ? std::optional<Support>(m_detail->editedSupport())
                                                             : std::nullopt;
    if (draft == e->draft)
        return;
    e->draft = draft;
    m_desk->putEntry(*e);
}

void MainWindow::revertDraft()
{
    const QString id = m_detail->orderId();
    if (id.isEmpty())
        return;
    m_desk->storeDraft(id, std::nullopt);
    // The form is emptied and filled again: the focus goes back to the field it was in, not to
    // whatever comes next in the window.
    const QPointer<QWidget> focused = QApplication::focusWidget();
    if (const std::optional<WorkspaceEntry> e = entry(id)) {
        m_detail->showEntry(nullptr, false);
        m_detail->showEntry(e, m_model->isPending(id));
    }
    if (focused && focused->isVisible())
        focused->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void MainWindow::removeSelectedFromList()
{
    if (m_desk->isLoadingWorkspace())
        return;
    std::vector<WorkspaceEntry> rows;
    int waiting = 0;
    for (const QString &id : selectedOrderIds()) {
        // A change on its way would bring the row back when it is sent: it stays.
        if (m_model->isPending(id) || (m_desk->outbox() && m_desk->outbox()->hasPendingFor(id))) {
            ++waiting;
            continue;
        }
        if (std::optional<WorkspaceEntry> e = entry(id))
            rows.push_back(std::move(*e));
    }
    if (waiting > 0)
        statusBar()->showMessage(tr("%n session(s) with a change on its way stay in the list.", nullptr, waiting), 8000);
    if (rows.empty())
        return;
    const int n = int(rows.size());
    m_undo->push(new RemoveRowsCommand(m_desk, tr("Remove %n session(s) from the list", nullptr, n), std::move(rows)));
    m_undoNotice->offer(tr("%n session(s) removed from the list (not from the server).", nullptr, n));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWorkspaceNow();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/columns"), m_view->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("lastProfile"), m_desk->profile().id);
    event->accept();
}

void MainWindow::applyFilterText(const QString &text)
{
    // The filter finds an agent's sessions by the name the directory knows, also where a row
    // carries only the agent's ID.
    QStringList agentIds;
    if (!text.trimmed().isEmpty())
        for (const Agent &a : m_desk->knownAgents().search(text))
            agentIds << QString::fromStdString(a.id.value_or(std::string()));
    m_model->setFilterText(text, agentIds);
}

} // namespace sd::ui
