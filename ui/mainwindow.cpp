#include "mainwindow.h"

#include "apiurl.h"
#include "auditlog.h"
#include "auditviewer.h"
#include "bulkdialogs.h"
#include "conflictdialog.h"
#include "undocommands.h"
#include "undonotice.h"
#include "detailpane.h"
#include "dialogs.h"
#include "keyboardflow.h"
#include "identitydialog.h"
#include "privatefile.h"
#include "requestlog.h"
#include "sessionhistory.h"
#include "version.h"
#include "windowfit.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QUndoStack>
#include <QSystemTrayIcon>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QFileInfo>
#include <thread>
#include <unordered_set>

namespace sd::ui {

namespace {
QIcon icon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/") + QLatin1String(name) + QStringLiteral(".svg"));
}
// Shortcuts named in texts read as the menus show them ("Strg+F" in German).
QString nativeKeys(const QKeySequence &keys)
{
    return keys.toString(QKeySequence::NativeText);
}
} // namespace

MainWindow::MainWindow(const QList<ServerProfile> &profiles, const QString &startProfileId,
                       QWidget *parent)
    : QMainWindow(parent), m_client(new ApiClient(this)), m_audit(new AuditRecorder(defaultAuditLogPath(), this)),
      m_tokens(new TokenStore(this)),
      m_model(new SessionModel(this)), m_profiles(profiles)
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
    m_filter->setClearButtonEnabled(true);
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

    m_saveTimer = new QTimer(this);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(400);
    connect(m_saveTimer, &QTimer::timeout, this, &MainWindow::saveWorkspaceNow);
    m_refreshTimer = new QTimer(this);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] { refreshAll(true); });

    m_undo = new QUndoStack(this);
    m_undoNotice = new UndoNotice(m_undo, this);
    statusBar()->insertPermanentWidget(0, m_undoNotice); // beside, not under, the messages
    createActions();
    createMenusAndToolbar();

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("SupportDesk"));
        m_tray->show();
    }
    // After sleep or a network drop nothing may be missed: a jump of the wall clock (the
    // machine slept) or the first answer after failures triggers a full resync.
    m_clockWatch = new QTimer(this);
    m_clockWatch->setInterval(30'000);
    m_lastTick = QDateTime::currentDateTimeUtc();
    connect(m_clockWatch, &QTimer::timeout, this, [this] {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (m_lastTick.secsTo(now) > 90)
            refreshAll(true);
        m_lastTick = now;
    });
    m_clockWatch->start();
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
        m_model->setScope(SessionModel::Scope(m_scope->currentData().toInt()), m_profile.myAgentId);
        updateIdentity();
    });
    connect(m_model, &SessionModel::visibleCountChanged, this, &MainWindow::updateStatusBar);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onSelectionChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &tl) {
        if (m_model->data(tl, SessionModel::OrderIdRole).toString() == selectedOrderId())
            onSelectionChanged();
    });
    // Every write, the outbox's included: its intent before it is sent, its outcome after.
    m_audit->attach(m_client);
    m_audit->setBeforeLookup([this](const QString &id) -> std::optional<Support> {
        const std::optional<WorkspaceEntry> e = entry(id);
        return e ? e->support : std::nullopt;
    });
    m_detail->setHistorySource(m_audit);
    connect(m_audit, &AuditRecorder::problem, this, [this](const QString &problem) {
        statusBar()->showMessage(tr("The audit trail: %1").arg(problem), 15000);
    });
    connect(m_client, &ApiClient::exchangeFinished, m_logModel, &RequestLogModel::add);
    connect(m_client, &ApiClient::requestsInFlightChanged, this, &MainWindow::updateStatusBar);
    connect(m_client, &ApiClient::retryScheduled, this,
            [this](const QString &orderId, Operation, int retry, int delayMs, const ApiError &) {
                statusBar()->showMessage(tr("Order %1: trying again in %2 s (retry %3)…")
                                             .arg(orderId)
                                             .arg(double(delayMs) / 1000.0, 0, 'f', 1)
                                             .arg(retry),
                                         delayMs + 1000);
            });
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
    connect(m_detail, &DetailPane::linkNotOpened, this, [this](const QString &problem) {
        statusBar()->showMessage(problem, 15000);
    });

    QSettings settings;
    const bool restored = restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_view->horizontalHeader()->restoreState(settings.value(QStringLiteral("window/columns")).toByteArray());
    // Whole on the screen it opens on (a HiDPI laptop at 200% has 1200x800 to offer; a geometry
    // saved on a larger monitor may not fit this one).
    fitToScreen(this, restored ? QSize() : QSize(1360, 840));

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
    flushBeforeLeaving(); // nothing the agent saw may be lost on the way out
}

void MainWindow::flushBeforeLeaving()
{
    if (m_loader.joinable())
        m_loader.join(); // the reader ends by itself; a result not yet taken is dropped
    if (m_loading) {
        ++m_loadGeneration;
        m_loading = false;
        if (m_loadError.isEmpty() && !m_unsaved.isEmpty() && QFileInfo::exists(m_storePath))
            m_loadError = m_store.open(m_storePath);
    }
    saveWorkspaceNow();
}

QAction *MainWindow::action(const QString &objectName) const
{
    return m_actions.value(objectName);
}

void MainWindow::createActions()
{
    const auto make = [this](const char *name, const QString &text, const char *iconName,
                             const QKeySequence &shortcut, auto slot) {
        auto *a = new QAction(text, this);
        a->setObjectName(QString::fromLatin1(name));
        if (iconName)
            a->setIcon(icon(iconName));
        if (!shortcut.isEmpty())
            a->setShortcut(shortcut);
        connect(a, &QAction::triggered, this, slot);
        m_actions.insert(a->objectName(), a);
        return a;
    };
    make("newSession", tr("&New support request…"), "new", QKeySequence::New, [this] { askAndCreate(); });
    make("openOrder", tr("&Open order…"), "open", QKeySequence::Open, [this] { askAndOpenOrder(); });
    make("goToOrder", tr("&Go to order"), "goto", QKeySequence(Qt::CTRL | Qt::Key_L), [this] {
        m_goTo->setFocus();
        m_goTo->selectAll();
    });
    make("focusFilter", tr("&Filter sessions"), nullptr, QKeySequence::Find, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    // Filter > pick > edit > save > next without the mouse; the focus stays in the pane.
    auto *keyboard = new KeyboardFlow(m_filter, m_view, m_detail, this);
    make("nextSession", tr("&Next session"), nullptr, QKeySequence(Qt::CTRL | Qt::Key_PageDown),
         [keyboard] { keyboard->step(1); });
    make("previousSession", tr("P&revious session"), nullptr, QKeySequence(Qt::CTRL | Qt::Key_PageUp),
         [keyboard] { keyboard->step(-1); });
    make("refresh", tr("&Refresh"), "refresh", QKeySequence(Qt::Key_F5), [this] {
        for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
            refresh(m_model->data(i, SessionModel::OrderIdRole).toString());
    });
    make("refreshAll", tr("Refresh &all"), "refresh-all", QKeySequence(Qt::SHIFT | Qt::Key_F5),
         [this] { refreshAll(false); });
    make("save", tr("&Save changes"), "save", QKeySequence::Save, [this] { saveSelected(); });
    make("revert", tr("Re&vert changes"), nullptr, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
         [this] { revertDraft(); });
    make("openInPane", tr("&Open"), nullptr, QKeySequence(), [this] { openSelectedInPane(); });
    // The list's own keys (a window shortcut would take Ctrl+C and Delete from the text fields).
    QAction *copyIds = make("copyOrderId", tr("Copy order &ID"), nullptr, QKeySequence::Copy,
                            [this] { copySelectedOrderIds(); });
    copyIds->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(copyIds);
    QAction *remove = make("removeFromList", tr("Re&move from list"), nullptr, QKeySequence::Delete,
                           [this] { removeSelectedFromList(); });
    remove->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(remove);
    make("assignAgent", tr("&Assign or reassign agent…"), "assign",
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), [this] { askAndAssign(); });
    make("unassignAgent", tr("&Unassign agent"), "unassign",
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), [this] { unassign(selectedOrderId()); });
    make("closeSession", tr("&Close session…"), "close", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
         [this] { askAndClose(); });
    make("selectAllShown", tr("Select all &shown"), nullptr, QKeySequence::SelectAll, [this] { m_view->selectAll(); });
    make("bulkReassign", tr("&Reassign selected…"), "assign", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A),
         [this] { askAndBulk(BulkKind::Reassign); });
    make("bulkUnassign", tr("U&nassign selected…"), "unassign", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_U),
         [this] { askAndBulk(BulkKind::Unassign); });
    make("bulkClose", tr("C&lose selected…"), "close", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_W),
         [this] { askAndBulk(BulkKind::Close); });
    make("auditViewer", tr("&Audit trail…"), nullptr, QKeySequence(Qt::CTRL | Qt::Key_J), [this] { showAuditTrail(); });
    QAction *notify = make("notifyMine", tr("&Notify me when my sessions change"), nullptr, QKeySequence(),
                           [this](bool on) { QSettings().setValue(QStringLiteral("notifyMine"), on); });
    notify->setCheckable(true);
    notify->setChecked(QSettings().value(QStringLiteral("notifyMine"), true).toBool());
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undo"));
    undo->setShortcut(QKeySequence::Undo);
    m_actions.insert(undo->objectName(), undo);
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redo"));
    redo->setShortcut(QKeySequence::Redo);
    m_actions.insert(redo->objectName(), redo);
    // QUndoStack glues "prefix command" together; a translation needs the whole text (connected
    // after the action's own slot, so this text wins).
    const auto undoText = [undo](const QString &command) {
        undo->setText(command.isEmpty() ? tr("&Undo") : tr("&Undo %1", "undo action; %1 is what it undoes").arg(command));
    };
    const auto redoText = [redo](const QString &command) {
        redo->setText(command.isEmpty() ? tr("&Redo") : tr("&Redo %1", "redo action; %1 is what it redoes").arg(command));
    };
    connect(m_undo, &QUndoStack::undoTextChanged, undo, undoText);
    connect(m_undo, &QUndoStack::redoTextChanged, redo, redoText);
    undoText(m_undo->undoText());
    redoText(m_undo->redoText());
    // Queued: an entry that became stale is dropped after the step that uncovered it.
    connect(m_undo, &QUndoStack::indexChanged, this, &MainWindow::dropUndoOfClosed, Qt::QueuedConnection);
    make("importIds", tr("&Import order IDs…"), "import", QKeySequence(Qt::CTRL | Qt::Key_I),
         [this] { importFromFile(); });
    make("pasteIds", tr("&Paste order IDs"), nullptr, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V),
         [this] { importFromClipboard(); });
    make("exportCsv", tr("&Export list as CSV…"), "export", QKeySequence(Qt::CTRL | Qt::Key_E),
         [this] { exportCsv(); });
    QAction *profiles = make("manageProfiles", tr("Server &profiles…"), "profiles",
                             QKeySequence(Qt::CTRL | Qt::Key_Comma), [this] { manageProfiles(); });
    // QKeySequence::Preferences has no key outside KDE and macOS: Ctrl+, everywhere, and the
    // platform's own key too where it has another one.
    for (const QKeySequence &k : QKeySequence::keyBindings(QKeySequence::Preferences))
        if (!profiles->shortcuts().contains(k))
            profiles->setShortcuts(profiles->shortcuts() << k);
    make("myIdentity", tr("My agent &identity…"), nullptr, QKeySequence(), [this] { askIdentity(false); });
    make("quit", tr("&Quit"), nullptr, QKeySequence::Quit, [this] { close(); });
    make("shortcuts", tr("&Keyboard shortcuts"), nullptr, QKeySequence(Qt::Key_F1), [this] { showShortcuts(); });
    make("about", tr("&About SupportDesk"), nullptr, QKeySequence(), [this] { showAbout(); });
    QAction *log = m_logDock->toggleViewAction();
    log->setObjectName(QStringLiteral("showRequestLog"));
    log->setText(tr("Request &log"));
    log->setShortcut(QKeySequence(Qt::Key_F12));
    m_actions.insert(log->objectName(), log);
}

void MainWindow::createMenusAndToolbar()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    for (const char *n : {"newSession", "openOrder", "importIds", "pasteIds", "exportCsv"})
        file->addAction(action(QString::fromLatin1(n)));
    file->addSeparator();
    file->addAction(action(QStringLiteral("quit")));
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(action(QStringLiteral("undo")));
    edit->addAction(action(QStringLiteral("redo")));
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("selectAllShown")));
    edit->addAction(action(QStringLiteral("copyOrderId")));
    edit->addAction(action(QStringLiteral("removeFromList")));
    QMenu *session = menuBar()->addMenu(tr("&Session"));
    for (const char *n : {"save", "revert", "refresh", "refreshAll", "assignAgent", "unassignAgent"})
        session->addAction(action(QString::fromLatin1(n)));
    session->addSeparator();
    session->addAction(action(QStringLiteral("closeSession")));
    QMenu *bulk = menuBar()->addMenu(tr("&Bulk"));
    for (const char *n : {"bulkReassign", "bulkUnassign", "bulkClose"})
        bulk->addAction(action(QString::fromLatin1(n)));
    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (const char *n : {"goToOrder", "focusFilter", "nextSession", "previousSession", "showRequestLog", "auditViewer"})
        view->addAction(action(QString::fromLatin1(n)));
    QMenu *settings = menuBar()->addMenu(tr("Se&ttings"));
    settings->addAction(action(QStringLiteral("manageProfiles")));
    settings->addAction(action(QStringLiteral("myIdentity")));
    settings->addAction(action(QStringLiteral("notifyMine")));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(QStringLiteral("shortcuts")));
    help->addAction(action(QStringLiteral("about")));

    // The rows' context menu: what can be done to the sessions selected.
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    const QList<QAction *> rowActions = m_view->actions(); // "Copy order ID", "Remove from list", added above
    auto *separator = new QAction(m_view);
    separator->setSeparator(true);
    auto *afterOpen = new QAction(m_view);
    afterOpen->setSeparator(true);
    m_view->insertActions(rowActions.value(0), {action(QStringLiteral("openInPane")), afterOpen,
                                               action(QStringLiteral("refresh")), action(QStringLiteral("assignAgent")),
                                               action(QStringLiteral("unassignAgent")), action(QStringLiteral("closeSession")),
                                               separator});

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // Every button says what it does, in a word or two (the menus and tooltips say it whole), so
    // the row fits an 800 px wide window.
    const std::pair<const char *, QString> buttons[] = {
        {"newSession", tr("New", "toolbar button: new support request")},
        {"openOrder", tr("Open", "toolbar button: open order")},
        {"refresh", tr("Refresh", "toolbar button: refresh the selected sessions")},
        {"refreshAll", tr("Refresh all", "toolbar button")},
        {"assignAgent", tr("Assign", "toolbar button: assign or reassign an agent")},
        {"unassignAgent", tr("Unassign", "toolbar button: remove the agent")},
        {"closeSession", tr("Close", "toolbar button: close the session")},
    };
    for (const auto &[name, text] : buttons) {
        QAction *a = action(QString::fromLatin1(name));
        QString tip = a->text();
        a->setIconText(text);
        a->setToolTip(tip.remove(QLatin1Char('&')));
        bar->addAction(a);
    }
    // Finding a session and the server: a toolbar of their own, which takes a row of its own
    // when the window is too narrow for both (instead of hiding them in the overflow menu).
    QToolBar *navigation = addToolBar(tr("Go to and server"));
    navigation->setObjectName(QStringLiteral("navigationToolBar"));
    wrapToolBarWhenNarrow(this, navigation);
    bar = navigation;
    m_goTo = new QLineEdit(bar);
    m_goTo->setObjectName(QStringLiteral("goToEdit"));
    m_goTo->setAccessibleName(tr("Go to order"));
    m_goTo->setPlaceholderText(tr("Go to order (%1)").arg(nativeKeys(Qt::CTRL | Qt::Key_L)));
    m_goTo->setClearButtonEnabled(true);
    m_goTo->setMaximumWidth(220);
    m_goTo->setMinimumWidth(m_goTo->fontMetrics().averageCharWidth() * 16);
    connect(m_goTo, &QLineEdit::textEdited, this, &MainWindow::goToOrder);
    connect(m_goTo, &QLineEdit::returnPressed, this, [this] {
        const QString id = m_goTo->text().trimmed();
        if (id.isEmpty())
            return;
        if (!m_model->contains(id) && m_model->firstOrderIdWithPrefix(id).isEmpty())
            openOrder(id); // not in the workspace yet: fetch it
        else if (m_model->contains(id))
            selectOrder(id);
        m_view->setFocus();
    });
    bar->addWidget(m_goTo);
    bar->addSeparator();
    auto *profileLabel = new QLabel(tr(" Server: "), bar);
    bar->addWidget(profileLabel);
    m_profileBox = new QComboBox(bar);
    m_profileBox->setObjectName(QStringLiteral("profileBox"));
    m_profileBox->setAccessibleName(tr("Server profile"));
    profileLabel->setBuddy(m_profileBox);
    bar->addWidget(m_profileBox);
    for (const ServerProfile &p : std::as_const(m_profiles))
        m_profileBox->addItem(p.name, p.id);
    connect(m_profileBox, &QComboBox::activated, this,
            [this](int i) { switchProfile(m_profileBox->itemData(i).toString()); });
}

void MainWindow::applyProfile(const ServerProfile &profile)
{
    if (m_profile.id != profile.id)
        m_undo->clear(); // undo entries belong to one server
    m_profile = profile;
    m_audit->setUser(profile.myAgentId.isEmpty() ? currentUserName() : profile.myAgentId);
    ClientConfig config;
    config.baseUrl = profile.baseUrl;
    config.timeoutMs = profile.timeoutSeconds * 1000;
    m_client->setConfig(config);
    // Ends with the application's name, so the platform does not add it a second time.
    setWindowTitle(tr("%1 — SupportDesk").arg(profile.name));
    const int boxIndex = m_profileBox->findData(profile.id);
    if (boxIndex >= 0)
        m_profileBox->setCurrentIndex(boxIndex);
    loadWorkspace();
    openOutbox();
    if (profile.refreshIntervalSeconds > 0)
        m_refreshTimer->start(profile.refreshIntervalSeconds * 1000);
    else
        m_refreshTimer->stop();
    m_model->setScope(SessionModel::Scope(m_scope->currentData().toInt()), profile.myAgentId);
    updateIdentity();
    // A profile's first use asks who the agent is there (once: skipping is an answer too).
    if (profile.myAgentId.isEmpty() && !profile.identityAsked)
        QTimer::singleShot(0, this, [this, id = profile.id] {
            if (m_profile.id == id && m_profile.myAgentId.isEmpty() && !m_profile.identityAsked)
                askIdentity(true);
        });
    // The token comes from the keychain; requests wait for nothing, a token arrives shortly.
    const QString id = profile.id;
    m_tokens->read(id, [this, id](const TokenStore::Result &r) {
        if (m_profile.id != id)
            return;
        if (r.ok && !r.token.isEmpty()) {
            ClientConfig c = m_client->config();
            c.token = r.token;
            m_client->setConfig(c);
        } else if (!r.ok && !r.noKeychain) {
            statusBar()->showMessage(tr("The access token could not be read from the system keychain, so "
                                        "requests are sent without one. (The keychain said: %1)").arg(r.error), 10000);
        }
    });
}

QString MainWindow::workspacePath() const
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                      + QStringLiteral("/workspaces");
    ensurePrivateDir(dir); // ours: 0700 even if an earlier version made it 0755 (the store says if it fails)
    return dir + QLatin1Char('/') + m_profile.id + QStringLiteral(".sqlite");
}

QString MainWindow::legacyWorkspacePath() const
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
         + QStringLiteral("/workspaces/") + m_profile.id + QStringLiteral(".json");
}

std::optional<WorkspaceEntry> MainWindow::entry(const QString &orderId) const
{
    if (auto it = m_unsaved.constFind(orderId); it != m_unsaved.constEnd())
        return *it;
    if (!m_model->contains(orderId))
        return std::nullopt; // e.g. still being read, or in a store that could not be
    std::optional<WorkspaceEntry> stored = m_store.get(orderId);
    if (!stored && !m_store.lastError().isEmpty())
        statusBar()->showMessage(tr("Order %1 could not be read from the saved session list: %2")
                                     .arg(orderId, m_store.lastError()), 10000);
    return stored;
}

void MainWindow::putEntry(const WorkspaceEntry &e)
{
    m_model->upsert(e);
    m_unsaved.insert(e.orderId, e);
    scheduleSave();
}

void MainWindow::loadWorkspace()
{
    const QString path = workspacePath();
    const QString legacy = legacyWorkspacePath();
    flushBeforeLeaving(); // the previous profile's list
    m_store.close();
    m_unsaved.clear();
    m_storePath = path;
    m_knownAgents.clear();
    m_model->setTable({});
    m_detail->showEntry(nullptr, false);
    m_loading = true;
    m_loadError.clear();
    const quint64 generation = ++m_loadGeneration;
    if (!QFileInfo::exists(path) && !QFileInfo::exists(legacy)) {
        finishLoading({}, {}); // a new list: its file is created with the first session
        return;
    }
    // A large list is read on a worker thread, with a connection of its own (importing a
    // workspace of the earlier format first): the window paints at once and stays usable.
    const qint64 bytes = QFileInfo(path).size() + QFileInfo(legacy).size();
    if (bytes > kAsyncLoadBytes) {
        statusBar()->showMessage(tr("Loading the session list…"));
        if (m_loader.joinable())
            m_loader.join();
        m_loader = std::thread([this, path, legacy, generation, guard = QPointer<MainWindow>(this)] {
            auto table = std::make_shared<SessionTable>();
            QString error;
            QStringList problems;
            {
                WorkspaceStore reader;
                error = reader.open(path, legacy);
                if (error.isEmpty())
                    error = reader.readSummaries(table.get());
                problems = reader.importProblems();
            } // closed (its WAL checkpointed) before the window opens its own connection
            QMetaObject::invokeMethod(qApp, [this, guard, table, error, problems, generation] {
                if (guard && generation == m_loadGeneration)
                    finishLoading(std::move(*table), error, problems);
            }, Qt::QueuedConnection);
        });
        return;
    }
    // A small one is read here, through the window's own connection.
    SessionTable table;
    QString error = m_store.open(path, legacy);
    if (error.isEmpty())
        error = m_store.readSummaries(&table);
    finishLoading(std::move(table), error, m_store.importProblems());
}

void MainWindow::finishLoading(SessionTable table, const QString &error,
                               const QStringList &importProblems)
{
    m_loading = false;
    m_loadError = error;
    if (m_loadError.isEmpty() && !m_store.isOpen() && QFileInfo::exists(m_storePath))
        m_loadError = m_store.open(m_storePath); // after a read on the worker thread
    if (!m_loadError.isEmpty()) {
        // Keep the damaged file for the user; work on a list kept in memory only.
        statusBar()->showMessage(
            tr("The saved session list could not be read: %1 — changes are kept until SupportDesk closes, "
               "not saved.").arg(m_loadError));
    } else if (!importProblems.isEmpty()) {
        // The rest was imported; the earlier file stays beside the store as "*.imported".
        statusBar()->showMessage(
            tr("Part of the earlier session list could not be imported (%n problem(s)). The first: %1",
               nullptr, int(importProblems.size()))
                .arg(importProblems.front()));
    } else if (table.size() > 0) {
        statusBar()->clearMessage();
    }
    // Sessions the agent opened while the list was loading stay, with their newer state, and
    // keep a draft the store held for them (the newer copy came from the server, without it).
    for (WorkspaceEntry &e : m_unsaved) {
        if (!e.draft && m_store.isOpen())
            if (const std::optional<WorkspaceEntry> stored = m_store.get(e.orderId))
                e.draft = stored->draft;
        table.upsert(summarize(e));
    }
    loadKnownAgents();
    m_knownAgents.addFromTable(table); // the agents named in the list, for completion
    const QString selected = selectedOrderId();
    m_model->setTable(std::move(table));
    markWaitingInOutbox();
    if (!selected.isEmpty())
        selectOrder(selected);
    updateStatusBar();
    updateIdentity(); // a name for the identity, from the directory
    if (!m_unsaved.isEmpty())
        scheduleSave();
    Q_EMIT workspaceLoaded();
}

void MainWindow::scheduleSave()
{
    // At most this long after the first unsaved change, however many follow (a bulk refresh).
    if (!m_saveTimer->isActive())
        m_saveTimer->start();
}

void MainWindow::saveWorkspaceNow()
{
    m_saveTimer->stop();
    if (m_unsaved.isEmpty() || !m_loadError.isEmpty())
        return; // nothing to write, or a store we could not read: never written over
    if (m_loading) {
        m_saveTimer->start(); // into the store once it is read
        return;
    }
    if (!m_store.isOpen()) {
        const QString problem = m_store.open(m_storePath); // the list's first session
        if (!problem.isEmpty()) {
            statusBar()->showMessage(tr("Could not save the session list: %1 — will try again.").arg(problem), 10000);
            m_saveTimer->start(5000);
            return;
        }
    }
    std::vector<WorkspaceEntry> entries;
    entries.reserve(size_t(m_unsaved.size()));
    for (const WorkspaceEntry &e : std::as_const(m_unsaved))
        entries.push_back(e);
    const QString problem = m_store.put(entries);
    if (!problem.isEmpty()) {
        statusBar()->showMessage(tr("Could not save the session list: %1 — will try again.").arg(problem), 10000);
        m_saveTimer->start(5000);
        return;
    }
    m_unsaved.clear();
}

void MainWindow::updateStatusBar()
{
    const int inFlight = m_client->requestsInFlight();
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
            fetchAgentOfShown(id);
    }
    updateActions();
}

// The list's copy of a session can name an agent the server no longer has (someone else
// reassigned it): opening a session asks the server for its agent and keeps the answer, in
// the stored session and in its draft (the agent is not edited in the form).
void MainWindow::fetchAgentOfShown(const QString &orderId)
{
    AgentReply *reply = m_client->fetchAgent(orderId);
    connect(reply, &ApiReply::finished, reply, &QObject::deleteLater);
    connect(reply, &ApiReply::finished, this, [this, reply, orderId] {
        const ApiError &err = reply->error();
        const bool none = err.kind == ApiError::Kind::Refused && err.httpStatus == 404
                       && err.code == QLatin1String("AGENT_NOT_ASSIGNED");
        if (!reply->isOk() && !none)
            return; // the session's own requests and banner say what is wrong
        std::optional<WorkspaceEntry> e = entry(orderId);
        if (!e || !e->support || e->state != SessionState::Open)
            return;
        const std::optional<Agent> agent = none ? std::nullopt : reply->result();
        if (e->support->agent == agent)
            return;
        const WorkspaceEntry before = *e;
        e->support->agent = agent;
        if (e->draft)
            e->draft->agent = agent;
        e->lastSeen = e->lastChange = QDateTime::currentDateTimeUtc();
        if (agent)
            rememberAgents(*e->support);
        putEntry(*e);
        noticeChange(before, *e->support);
        if (m_detail->orderId() == orderId) {
            m_detail->showEntry(e, m_model->isPending(orderId));
            m_detail->showChangedElsewhere(SessionHistory::changedFieldNames(*before.support, *e->support));
        }
        updateActions();
    });
}

void MainWindow::updateActions()
{
    const QString id = selectedOrderId();
    // The list's summary is enough here (this runs on every keystroke in the detail pane).
    const std::optional<SessionSummary> e = id.isEmpty() ? std::nullopt : m_model->summary(id);
    const bool open = e && e->state == SessionState::Open;
    action(QStringLiteral("refresh"))->setEnabled(e.has_value());
    action(QStringLiteral("assignAgent"))->setEnabled(open);
    action(QStringLiteral("unassignAgent"))->setEnabled(open && (!e->agentId.isEmpty() || !e->agentName.isEmpty()));
    action(QStringLiteral("closeSession"))->setEnabled(open);
    action(QStringLiteral("save"))->setEnabled(open && m_detail->isDirty() && m_detail->isValid());
    action(QStringLiteral("revert"))->setEnabled(e && m_detail->orderId() == id && m_detail->isDirty());
    action(QStringLiteral("removeFromList"))->setEnabled(e.has_value() && !m_loading);
    action(QStringLiteral("openInPane"))->setEnabled(e.has_value());
    action(QStringLiteral("copyOrderId"))->setEnabled(e.has_value());
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

void MainWindow::rememberAgents(const Support &s)
{
    if (!s.agent)
        return;
    m_knownAgents.add(*s.agent);
    if (s.agent->id && QString::fromStdString(*s.agent->id) == m_profile.myAgentId && m_profile.myAgentName.isEmpty())
        updateIdentity(); // the directory has learnt the agent's own name
}

void MainWindow::trackReply(ApiReply *reply, bool ownWrite, bool fromUndo)
{
    watch(reply, ownWrite, fromUndo);
    connect(reply, &ApiReply::finished, reply, &QObject::deleteLater);
}

void MainWindow::watch(ApiReply *reply, bool ownWrite, bool fromUndo)
{
    m_model->setPending(reply->orderId(), true);
    const std::optional<WorkspaceEntry> e = entry(reply->orderId());
    const std::optional<Support> before = e ? e->support : std::nullopt;
    const QByteArray beforeEtag = e ? e->etag : QByteArray();
    connect(reply, &ApiReply::finished, this, [this, reply, ownWrite, fromUndo, before, beforeEtag] {
        const ApiError::Kind kind = reply->error().kind;
        const bool unreachable = kind == ApiError::Kind::Network || kind == ApiError::Kind::Timeout;
        onReplyFinished(reply, ownWrite);
        if (ownWrite && unreachable && reply->operation() != Operation::Fetch)
            enqueueOffline(reply, beforeEtag, before);
        else if (ownWrite && kind == ApiError::Kind::Conflict && reply->operation() == Operation::Update) {
            const std::optional<WorkspaceEntry> now = entry(reply->orderId());
            if (now && now->draft)
                resolveUpdateConflict(reply->orderId(), *now->draft, before);
        }
        if (ownWrite && !fromUndo && reply->isOk())
            pushUndo(reply, before);
        if (reply->isOk() && m_outbox && m_outbox->queuedCount() > 0 && m_sender && !m_sender->isSending())
            m_sender->start(); // the server answers again: send what waited
    });
}

void MainWindow::noticeChange(const WorkspaceEntry &before, const Support &now)
{
    const QString mine = m_profile.myAgentId;
    if (mine.isEmpty() || !action(QStringLiteral("notifyMine"))->isChecked() || !before.support)
        return;
    const auto agentId = [](const Support &s) {
        return s.agent && s.agent->id ? QString::fromStdString(*s.agent->id) : QString();
    };
    if (agentId(*before.support) != mine)
        return; // only sessions assigned to me
    if (agentId(now) != mine)
        Q_EMIT notified(tr("Session %1 is no longer yours").arg(before.orderId),
                        agentId(now).isEmpty() ? tr("Its agent was removed.")
                                               : tr("It was reassigned to %1.").arg(QString::fromStdString(now.agent->displayName())));
    else
        Q_EMIT notified(tr("Session %1 changed").arg(before.orderId),
                        tr("Someone else changed a session assigned to you."));
}

void MainWindow::updateChangedCount()
{
    const int changed = m_model->changedCount();
    m_changedLabel->setText(changed ? tr("%n changed by others", nullptr, changed) : QString());
    setWindowTitle(changed ? tr("(%1) %2 — SupportDesk").arg(changed).arg(m_profile.name)
                           : tr("%1 — SupportDesk").arg(m_profile.name));
}

void MainWindow::openOutbox()
{
    delete m_sender;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                      + QStringLiteral("/outbox");
    ensurePrivateDir(dir); // ours: 0700 even if an earlier version made it 0755 (the outbox says if it fails)
    m_outbox.reset(); // first: it holds the profile's lock
    m_outbox = std::make_unique<Outbox>(dir + QLatin1Char('/') + m_profile.id + QStringLiteral(".sqlite"));
    if (!m_outbox->isOpen()) {
        statusBar()->showMessage(tr("The offline outbox cannot be opened: %1").arg(m_outbox->error()));
        return;
    }
    m_sender = new OutboxSender(m_client, m_outbox.get(), this);
    connect(m_sender, &OutboxSender::offline, this, [this](int ms) { updateOfflineLabel(ms); });
    connect(m_sender, &OutboxSender::drained, this, [this] { updateOfflineLabel(); });
    connect(m_sender, &OutboxSender::itemSent, this, &MainWindow::onOutboxSent);
    connect(m_sender, &OutboxSender::itemConflict, this, &MainWindow::onOutboxConflict);
    connect(m_sender, &OutboxSender::itemFailed, this, [this](const OutboxItem &item, const ApiError &e) {
        m_model->setPending(item.orderId, m_outbox->hasPendingFor(item.orderId));
        statusBar()->showMessage(tr("A change waiting for order %1 was refused: %2").arg(item.orderId, e.message()), 15000);
        updateOfflineLabel();
    });
    connect(m_sender, &OutboxSender::authRequired, this, [this] {
        const int queued = m_outbox->queuedCount();
        m_offlineLabel->setText(tr("%n change(s) waiting: the server refused the access token.", nullptr, queued));
    });
    connect(m_sender, &OutboxSender::storeFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Waiting changes are not being sent, because the outbox cannot be written: %1")
                                     .arg(message));
    });
    if (!m_outbox->notice().isEmpty())
        statusBar()->showMessage(m_outbox->notice());
    bool undecided = false; // a conflict the agent had not decided when the last run ended
    for (const OutboxItem &item : m_outbox->items()) {
        if (item.state == QLatin1String("queued"))
            m_model->setPending(item.orderId, true);
        undecided = undecided || item.state == QLatin1String("conflict");
    }
    updateOfflineLabel();
    if (m_outbox->queuedCount() > 0 || undecided)
        m_sender->start(); // left from the last run: sent, or the conflict asked about again
}

void MainWindow::updateOfflineLabel(int retryInMs)
{
    markWaitingInOutbox(); // called on every change of the outbox
    const int queued = m_outbox ? m_outbox->queuedCount() : 0;
    if (queued == 0) {
        m_offlineLabel->clear();
        return;
    }
    QString text = tr("Offline: %n pending change(s) in the outbox", nullptr, queued);
    if (retryInMs > 0)
        text += QStringLiteral(" · ") + tr("next try in %1 s").arg(retryInMs / 1000);
    m_offlineLabel->setText(text);
}

void MainWindow::enqueueOffline(ApiReply *reply, const QByteArray &baseEtag,
                                const std::optional<Support> &base)
{
    if (!m_outbox || !m_outbox->isOpen())
        return;
    OutboxItem item;
    item.orderId = reply->orderId();
    item.baseEtag = baseEtag;
    if (base)
        item.baseJson = QByteArray::fromStdString(serialize(*base));
    switch (reply->operation()) {
    case Operation::Update: {
        item.op = OutboxItem::Op::Update;
        const std::optional<WorkspaceEntry> e = entry(item.orderId);
        if (!e || !e->draft)
            return;
        item.payload = QByteArray::fromStdString(serialize(*e->draft));
        break;
    }
    case Operation::AssignAgent: {
        item.op = OutboxItem::Op::Assign;
        const QByteArray body = reply->sentBody();
        const auto sent = parseSupport(std::string_view(body.constData(), size_t(body.size())));
        if (!sent.ok() || !sent.value->agent)
            return;
        item.payload = QByteArray::fromStdString(serialize(*sent.value->agent));
        break;
    }
    case Operation::UnassignAgent: item.op = OutboxItem::Op::Unassign; break;
    case Operation::Close: item.op = OutboxItem::Op::Close; break;
    case Operation::Create:
        item.op = OutboxItem::Op::Create;
        item.payload = reply->sentBody();
        item.baseEtag.clear();
        item.baseJson.clear(); // a new session builds on nothing
        break;
    default: return;
    }
    const qint64 queuedId = m_outbox->enqueue(item);
    if (queuedId == 0) {
        statusBar()->showMessage(tr("The change could not be kept in the outbox: %1").arg(m_outbox->error()), 15000);
        return;
    }
    if (item.op == OutboxItem::Op::Create && !reply->error().notSent)
        m_outbox->markAttempted(queuedId); // it may have arrived: a POST is never sent twice
    m_model->setPending(item.orderId, true);
    if (item.orderId == selectedOrderId())
        m_detail->showBanner(tr("The server cannot be reached. Your change is kept in the outbox "
                                "and will be sent, in order, when it answers again."), false);
    updateOfflineLabel();
    if (!m_sender->isSending())
        QTimer::singleShot(0, m_sender, [s = m_sender] { if (s) s->start(); });
}

void MainWindow::onOutboxSent(const OutboxItem &item, const std::optional<Support> &result)
{
    const std::optional<WorkspaceEntry> existing = entry(item.orderId);
    WorkspaceEntry e = existing ? *existing : WorkspaceEntry{};
    e.orderId = item.orderId;
    if (item.op == OutboxItem::Op::Close) {
        e.state = SessionState::Closed;
    } else if (result) {
        e.support = result;
        e.state = SessionState::Open;
    }
    if (item.op == OutboxItem::Op::Update || item.op == OutboxItem::Op::Create)
        e.draft.reset();
    e.lastError.clear();
    e.lastSeen = QDateTime::currentDateTimeUtc();
    putEntry(e);
    if (item.op == OutboxItem::Op::Close)
        dropUndoOfClosed();
    m_model->setPending(item.orderId, m_outbox->hasPendingFor(item.orderId));
    if (item.orderId == selectedOrderId()) {
        m_detail->showEntry(entry(item.orderId), m_model->isPending(item.orderId));
        m_detail->hideBanner();
    }
    if (item.op == OutboxItem::Op::Create)
        statusBar()->showMessage(tr("Order %1: support request created.").arg(item.orderId), 4000);
    updateOfflineLabel();
    scheduleSave();
}

void MainWindow::onOutboxConflict(const OutboxItem &item, const std::optional<Support> &theirs)
{
    m_model->setPending(item.orderId, m_outbox->hasPendingFor(item.orderId));
    updateOfflineLabel();
    // The change stays in the outbox until the agent decides here (quit or crash meanwhile: the
    // next start asks again); keep mine sends it through the outbox, on the version shown.
    QTimer::singleShot(0, this, [this, item, theirs, sender = m_sender] {
        if (!sender || sender != m_sender)
            return; // another profile now
        const auto settled = qScopeGuard([this, id = item.orderId] {
            m_model->setPending(id, m_outbox && m_outbox->hasPendingFor(id));
            updateOfflineLabel();
        });
        const std::string_view payload(item.payload.constData(), size_t(item.payload.size()));
        if (item.op == OutboxItem::Op::Update) {
            const auto mine = parseSupport(payload);
            if (!mine.ok()) {
                m_sender->takeTheirs(item); // (not reached: an unreadable change fails before it is sent)
                return;
            }
            const auto parsedBase = parseSupport(std::string_view(item.baseJson.constData(), size_t(item.baseJson.size())));
            const std::optional<Support> base = parsedBase.ok() ? parsedBase.value : std::nullopt;
            const std::optional<Support> merged =
                theirs ? m_resolveConflict(item.orderId, *theirs, *mine.value, base) : std::nullopt;
            if (!merged) {
                storeDraft(item.orderId, *mine.value); // kept, not lost, not sent
                m_sender->takeTheirs(item);
                if (!theirs)
                    statusBar()->showMessage(tr("Order %1 was closed on the server before your change reached it. "
                                                "Your change is kept as a draft.").arg(item.orderId), 15000);
                return;
            }
            storeDraft(item.orderId, *merged);
            if (item.orderId == m_detail->orderId()) // the resolution replaces what the form held
                m_detail->reloadEntry(entry(item.orderId), true);
            m_sender->keepMine(item, QByteArray::fromStdString(serialize(*merged)));
            return;
        }
        if (!theirs) {
            m_sender->takeTheirs(item);
            statusBar()->showMessage(tr("Order %1 was closed on the server before your change reached it. "
                                        "The change was dropped.").arg(item.orderId), 15000);
            return;
        }
        const QString who = theirs->agent ? QString::fromStdString(theirs->agent->displayName()) : tr("nobody");
        const QString what = item.op == OutboxItem::Op::Assign ? tr("assign the agent you chose")
                           : item.op == OutboxItem::Op::Unassign ? tr("remove the agent")
                                                                 : tr("close the session");
        if (m_confirm(tr("Order %1 changed meanwhile").arg(item.orderId),
                      tr("While you were offline someone else changed order %1 (agent now: %2).\n\n"
                         "Still %3?").arg(item.orderId, who, what)))
            m_sender->keepMine(item);
        else
            m_sender->takeTheirs(item);
    });
}

void MainWindow::resolveUpdateConflict(const QString &orderId, const Support &mine,
                                       const std::optional<Support> &base)
{
    SupportReply *read = m_client->fetch(orderId);
    connect(read, &ApiReply::finished, this, [this, read, orderId, mine, base] {
        read->deleteLater();
        onReplyFinished(read, false);
        if (!read->isOk() || !read->result())
            return; // the banner says why; the draft stays
        const QByteArray theirEtag = read->etag();
        const std::optional<Support> merged = m_resolveConflict(orderId, *read->result(), mine, base);
        if (!merged) {
            storeDraft(orderId, mine); // kept, not lost, not sent
            return;
        }
        storeDraft(orderId, *merged);
        if (orderId == m_detail->orderId()) // the resolution replaces what the form held
            m_detail->reloadEntry(entry(orderId), true);
        trackReply(m_client->replace(orderId, *merged, theirEtag), true);
    });
}

void MainWindow::pushUndo(ApiReply *reply, const std::optional<Support> &before)
{
    const QString id = reply->orderId();
    auto *sr = qobject_cast<SupportReply *>(reply);
    if (!sr || !sr->result())
        return;
    switch (reply->operation()) {
    case Operation::AssignAgent:
    case Operation::UnassignAgent: {
        QHash<QString, std::optional<Agent>> previous;
        previous.insert(id, before ? before->agent : std::nullopt);
        const QString text = reply->operation() == Operation::AssignAgent
                                 ? tr("Assign agent to %1").arg(id)
                                 : tr("Unassign agent from %1").arg(id);
        m_undo->push(new AgentUndoCommand(this, text, previous, sr->result()->agent));
        if (reply->operation() == Operation::UnassignAgent)
            m_undoNotice->offer(tr("Agent removed from %1.").arg(id));
        break;
    }
    case Operation::Update:
        if (before)
            m_undo->push(new UpdateUndoCommand(this, tr("Edit %1").arg(id), id, *before, *sr->result()));
        break;
    default:
        break; // create and close cannot be undone on the server
    }
}

void MainWindow::applyAgents(const QHash<QString, std::optional<Agent>> &agents, const QString &step, bool undoing)
{
    QStringList ids = agents.keys();
    ids.removeIf([this](const QString &id) { // closed meanwhile: nothing left to change
        const std::optional<SessionSummary> s = m_model->summary(id);
        return s && (s->state == SessionState::Closed || s->state == SessionState::NotFound);
    });
    if (ids.isEmpty())
        return;
    auto *run = new BulkRun(ids, m_profile.concurrency, [this, agents](const QString &id) -> ApiReply * {
        const std::optional<Agent> &a = agents.value(id);
        ApiReply *r = a ? static_cast<ApiReply *>(m_client->assignAgent(id, *a))
                        : static_cast<ApiReply *>(m_client->unassignAgent(id));
        watch(r, true, true);
        return r;
    }, this);
    const auto assigned = [](const std::optional<Agent> &a) { return a.has_value(); };
    if (std::all_of(agents.cbegin(), agents.cend(), assigned))
        run->setAuditIntents(m_audit, Operation::AssignAgent);
    else if (std::none_of(agents.cbegin(), agents.cend(), assigned))
        run->setAuditIntents(m_audit, Operation::UnassignAgent);
    connect(run, &BulkRun::finished, run, &QObject::deleteLater);
    connect(run, &BulkRun::finished, this, [this, run, step, undoing] {
        statusBar()->showMessage(undoRedoResult(step, undoing, run->failedCount()), 8000);
    });
    run->start();
}

QString MainWindow::undoRedoResult(const QString &step, bool undoing, int failed)
{
    if (failed == 0)
        return undoing ? tr("Undone: %1.").arg(step) : tr("Redone: %1.").arg(step);
    return undoing ? tr("Undo of “%1”: %n session(s) could not be changed.", nullptr, failed).arg(step)
                   : tr("Redo of “%1”: %n session(s) could not be changed.", nullptr, failed).arg(step);
}

void MainWindow::applyFields(const QString &orderId, const Support &fields)
{
    if (const std::optional<SessionSummary> s = m_model->summary(orderId);
        s && (s->state == SessionState::Closed || s->state == SessionState::NotFound))
        return; // closed meanwhile: nothing left to change
    trackReply(m_client->update(orderId, [fields](Support &current) {
        current.callbackPhone = fields.callbackPhone;
        current.chat = fields.chat;
        current.faq = fields.faq;
        current.descriptor = fields.descriptor;
    }), true, true);
}

void MainWindow::runBulk(BulkKind kind, const QStringList &ids, const std::optional<Agent> &agent,
                         bool preview)
{
    if (ids.isEmpty())
        return;
    QHash<QString, std::optional<Agent>> previous;
    QStringList lines, send;
    lines.reserve(ids.size());
    const auto agentText = [](const std::optional<Agent> &a) {
        return a ? QString::fromStdString(a->displayName()) : tr("(none)");
    };
    int skipped = 0;
    for (const QString &id : ids) {
        // What the list knows to be closed or missing would only get a 404: not sent.
        const std::optional<SessionSummary> known = m_model->summary(id);
        if (known && known->state == SessionState::Closed) {
            lines << tr("%1: skipped, the session is already closed").arg(id);
            ++skipped;
            continue;
        }
        if (known && known->state == SessionState::NotFound) {
            lines << tr("%1: skipped, the server has no open session for it").arg(id);
            ++skipped;
            continue;
        }
        send << id;
        const std::optional<WorkspaceEntry> e = entry(id);
        const std::optional<Agent> before = e && e->support ? e->support->agent : std::nullopt;
        previous.insert(id, before);
        switch (kind) {
        case BulkKind::Reassign:
            lines << tr("%1: %2 → %3").arg(id, agentText(before), agentText(agent));
            break;
        case BulkKind::Unassign:
            lines << tr("%1: %2 → (none)").arg(id, agentText(before));
            break;
        case BulkKind::Close:
            lines << tr("%1: close the session").arg(id);
            break;
        }
    }
    const QString title = kind == BulkKind::Reassign ? tr("Reassign sessions")
                        : kind == BulkKind::Unassign ? tr("Unassign sessions")
                                                     : tr("Close sessions");
    if (preview) {
        QString summary = tr("%n session(s) will change:", nullptr, int(send.size()));
        if (skipped > 0)
            summary += QLatin1Char(' ') + tr("%n session(s) will be skipped: closed, or not on the server.", nullptr, skipped);
        if (kind == BulkKind::Close)
            summary += QLatin1Char(' ') + tr("Closing cannot be undone: the server cannot reopen a session.");
        else
            summary += QLatin1Char(' ') + tr("Edit > Undo puts every previous agent back.");
        BulkPreviewDialog dialog(title, summary, lines, int(send.size()), kind == BulkKind::Close, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
    }
    if (send.isEmpty()) {
        statusBar()->showMessage(tr("Nothing to do: the %n session(s) chosen are closed, or not on the server.",
                                    nullptr, skipped), 8000);
        return;
    }
    auto *run = new BulkRun(send, m_profile.concurrency, [this, kind, agent](const QString &id) -> ApiReply * {
        ApiReply *r = kind == BulkKind::Reassign ? static_cast<ApiReply *>(m_client->assignAgent(id, *agent))
                    : kind == BulkKind::Unassign ? static_cast<ApiReply *>(m_client->unassignAgent(id))
                                                 : static_cast<ApiReply *>(m_client->close(id));
        watch(r, true, true); // one undo entry for the whole run, below
        return r;
    }, this);
    run->setAuditIntents(m_audit, kind == BulkKind::Reassign   ? Operation::AssignAgent
                                  : kind == BulkKind::Unassign ? Operation::UnassignAgent
                                                               : Operation::Close);
    auto *progress = new BulkProgressDialog(title, this);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->track(run);
    connect(progress, &BulkProgressDialog::retryFailedRequested, this,
            [this, kind, agent](const QStringList &failed) { runBulk(kind, failed, agent, false); });
    connect(run, &BulkRun::finished, this, [this, run, kind, agent, previous, title] {
        if (kind != BulkKind::Close) {
            QHash<QString, std::optional<Agent>> before;
            for (const BulkItemResult &r : run->results())
                if (r.ok())
                    before.insert(r.orderId, previous.value(r.orderId));
            if (!before.isEmpty()) {
                m_undo->push(new AgentUndoCommand(this, kind == BulkKind::Reassign
                                                            ? tr("Reassign %n session(s)", nullptr, int(before.size()))
                                                            : tr("Unassign %n session(s)", nullptr, int(before.size())),
                                                  before, kind == BulkKind::Reassign ? agent : std::nullopt));
                if (kind == BulkKind::Unassign)
                    m_undoNotice->offer(before.size() == 1 ? tr("Agent removed from %1.").arg(before.begin().key())
                                                           : tr("Agent removed from %n session(s).", nullptr, int(before.size())));
            }
        }
        run->deleteLater();
    });
    m_lastBulkDialog = progress;
    progress->open();
    run->start();
}

QStringList MainWindow::selectedOrderIds() const
{
    QStringList ids;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        ids << m_model->data(i, SessionModel::OrderIdRole).toString();
    return ids;
}

void MainWindow::askAndBulk(BulkKind kind)
{
    const QStringList ids = selectedOrderIds();
    if (ids.isEmpty()) {
        statusBar()->showMessage(tr("Select sessions first (%1 selects every session the filter shows).")
                                     .arg(nativeKeys(QKeySequence::SelectAll)), 6000);
        return;
    }
    std::optional<Agent> agent;
    if (kind == BulkKind::Reassign) {
        AgentDialog dialog(tr("Reassign %n session(s)", nullptr, int(ids.size())), std::nullopt, m_knownAgents, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        agent = dialog.agent();
    }
    runBulk(kind, ids, agent, true);
}

void MainWindow::onReplyFinished(ApiReply *reply, bool ownWrite)
{
    const QString id = reply->orderId();
    m_model->setPending(id, false);
    const std::optional<WorkspaceEntry> existing = entry(id);
    WorkspaceEntry e = existing ? *existing : WorkspaceEntry{};
    e.orderId = id;
    const ApiError &err = reply->error();
    auto *supportReply = qobject_cast<SupportReply *>(reply);
    if (reply->isOk()) {
        e.lastSeen = QDateTime::currentDateTimeUtc();
        e.lastError.clear();
        if (reply->operation() == Operation::Close) {
            e.state = SessionState::Closed;
            if (supportReply && supportReply->result())
                e.support = supportReply->result();
            e.draft.reset();
            e.lastChange = e.lastSeen;
        } else if (supportReply && supportReply->result()) {
            const Support &s = *supportReply->result();
            const bool changed = !e.support || !(*e.support == s);
            if (changed)
                e.lastChange = e.lastSeen;
            // Changed by someone else: bold until the agent looks at it.
            if (changed && !ownWrite && e.support) {
                const QStringList fields = SessionHistory::changedFieldNames(*e.support, s);
                if (id != selectedOrderId())
                    m_model->addChangedFields(id, fields);
                else if (m_detail->orderId() == id)
                    m_detail->showChangedElsewhere(fields);
                noticeChange(e, s);
            }
            e.support = s;
            e.etag = reply->etag();
            e.state = SessionState::Open;
            if (ownWrite && (reply->operation() == Operation::Update || reply->operation() == Operation::Create))
                e.draft.reset(); // saved, or the new request made from it
            rememberAgents(s);
        }
        const QString done = [&] {
            switch (reply->operation()) {
            case Operation::Create: return tr("Order %1: support request created.");
            case Operation::Fetch: return tr("Order %1: loaded.");
            case Operation::Update: return tr("Order %1: changes saved.");
            case Operation::Close: return tr("Order %1: session closed.");
            case Operation::FetchAgent: return tr("Order %1: agent loaded.");
            case Operation::AssignAgent: return tr("Order %1: agent assigned.");
            case Operation::UnassignAgent: return tr("Order %1: agent removed.");
            }
            return tr("Order %1: done.");
        }();
        statusBar()->showMessage(done.arg(id), 4000);
    } else if (err.kind == ApiError::Kind::Cancelled) {
        // nothing changed
    } else if (err.kind == ApiError::Kind::Refused && err.httpStatus == 404
               && err.code != QLatin1String("AGENT_NOT_ASSIGNED")) {
        e.state = existing && existing->state == SessionState::Closed ? SessionState::Closed
                                                                      : SessionState::NotFound;
        e.lastError = err.message();
        e.lastSeen = QDateTime::currentDateTimeUtc();
    } else {
        // Reads that failed make the entry an error only when nothing better is known; a
        // failed write keeps the last good copy and says so in the banner. A server that cannot
        // be reached changes nothing about what is known of the session.
        const bool noAnswer = err.kind == ApiError::Kind::Network || err.kind == ApiError::Kind::Timeout;
        if ((e.state == SessionState::Unknown || reply->operation() == Operation::Fetch)
            && !(noAnswer && existing && existing->support)
            && !(noAnswer && ownWrite && reply->operation() == Operation::Create)) // queued, see watch()
            e.state = existing && existing->support && reply->operation() != Operation::Fetch
                          ? existing->state
                          : SessionState::Error;
        e.lastError = err.message();
    }
    putEntry(e);
    if (e.state == SessionState::Closed || e.state == SessionState::NotFound)
        dropUndoOfClosed();
    updateChangedCount();
    const bool unreachable = err.kind == ApiError::Kind::Network || err.kind == ApiError::Kind::Timeout;
    if (unreachable) {
        m_wasUnreachable = true;
    } else if (reply->isOk() && std::exchange(m_wasUnreachable, false)) {
        QTimer::singleShot(0, this, [this] { refreshAll(true); }); // back after a drop: resync
    }
    if (id == selectedOrderId()) {
        // Saved: the form shows the server's copy again, unless the agent typed on meanwhile.
        const auto withoutAgent = [](Support s) { s.agent.reset(); return s; };
        const bool savedWhatIsShown = ownWrite && reply->isOk() && reply->operation() == Operation::Update
            && existing && existing->draft && m_detail->orderId() == id
            && withoutAgent(m_detail->editedSupport()) == withoutAgent(*existing->draft);
        if (savedWhatIsShown)
            m_detail->reloadEntry(entry(id), false);
        else
            m_detail->showEntry(entry(id), false);
        // A fetch that finds no session: the row and the pane say so, it is not a failure.
        const bool notFoundFetch = err.httpStatus == 404 && reply->operation() == Operation::Fetch;
        if (!reply->isOk() && err.kind != ApiError::Kind::Cancelled && !notFoundFetch) {
            showFailureBanner(err);
        } else if (reply->isOk() || notFoundFetch) {
            m_detail->hideBanner();
        }
    }
    scheduleSave();
    updateActions();
    Q_EMIT operationFinished(id, reply->isOk());
}

void MainWindow::showFailureBanner(const ApiError &err)
{
    QString text = err.message();
    if (err.kind == ApiError::Kind::Conflict)
        text += QLatin1Char(' ') + tr("Your edit is kept as a draft. Refresh to see their version, then save again.");
    // Asked for a token while none is set: trying again cannot help, the profile can.
    const bool noToken = err.httpStatus == 401 && m_client->config().token.isEmpty();
    if (noToken)
        text += QLatin1Char(' ') + tr("The server wants an access token, and no access token is set in the "
                                      "server profile \"%1\". Enter one there.").arg(m_profile.name);
    m_detail->showBanner(text, !noToken && err.canSucceedOnRetry(), noToken);
}

void MainWindow::openOrder(const QString &orderId)
{
    const QString &id = orderId;
    const QString problem = orderIdProblem(id);
    if (!problem.isEmpty()) {
        statusBar()->showMessage(problem, 8000);
        return;
    }
    if (!m_model->contains(id)) {
        WorkspaceEntry e;
        e.orderId = id;
        putEntry(e);
    }
    selectOrder(id);
    refresh(id);
}

void MainWindow::refresh(const QString &orderId)
{
    if (orderId.isEmpty())
        return;
    trackReply(m_client->fetch(orderId), false);
}

void MainWindow::refreshAll(bool quiet)
{
    // A closed session stays closed: it is fetched only when asked for by itself (F5 on it).
    const SessionTable &table = m_model->table();
    QStringList ids;
    ids.reserve(table.size());
    for (int row = 0; row < table.size(); ++row)
        if (table.state(row) != SessionState::Closed)
            ids << table.text(row, SessionTable::OrderId);
    fetchInBulk(ids, quiet);
}

void MainWindow::fetchInBulk(const QStringList &ids, bool quiet)
{
    if (m_bulk) {
        // One run at a time keeps the profile's concurrency limit; the rest waits its turn.
        for (const QString &id : ids)
            if (!m_bulkQueue.contains(id))
                m_bulkQueue << id;
        return;
    }
    if (ids.isEmpty())
        return;
    auto *run = new BulkRun(ids, m_profile.concurrency, [this](const QString &id) -> ApiReply * {
        SupportReply *r = m_client->fetch(id);
        m_model->setPending(id, true);
        connect(r, &ApiReply::finished, this, [this, r] { onReplyFinished(r, false); });
        return r;
    }, this);
    m_bulk = run;
    // No open session on the server is an answer (the row says so), not a failure.
    struct Counts { int notFound = 0, failed = 0; };
    auto counts = std::make_shared<Counts>();
    connect(run, &BulkRun::itemFinished, this, [counts](int, const BulkItemResult &r) {
        if (!r.done || r.ok() || r.error.kind == ApiError::Kind::Cancelled)
            return;
        if (r.error.kind == ApiError::Kind::Refused && r.error.httpStatus == 404)
            ++counts->notFound;
        else
            ++counts->failed;
    });
    connect(run, &BulkRun::progress, this, [this, quiet](int done, int, int total) {
        if (!quiet)
            statusBar()->showMessage(tr("Refreshing %n session(s): %1 done…", nullptr, total).arg(done));
    });
    connect(run, &BulkRun::finished, this, [this, run, quiet, counts] {
        const int answered = run->doneCount() - counts->failed;
        if (!quiet || counts->failed > 0) {
            QString text = answered > 0 || counts->failed == 0
                               ? tr("Refreshed %n session(s).", nullptr, answered) : QString();
            if (counts->notFound > 0)
                text += QLatin1Char(' ') + tr("No open session on the server for %n of them.", nullptr, counts->notFound);
            if (counts->failed > 0)
                text += QLatin1Char(' ') + tr("%n session(s) could not be refreshed.", nullptr, counts->failed);
            statusBar()->showMessage(text.trimmed(), 8000);
        }
        run->deleteLater();
        m_bulk = nullptr;
        const QStringList next = std::exchange(m_bulkQueue, {});
        fetchInBulk(next, true);
    });
    run->start();
}

void MainWindow::createSession(const QString &orderId, const Support &fields)
{
    if (!m_model->contains(orderId)) {
        WorkspaceEntry e;
        e.orderId = orderId;
        putEntry(e);
    }
    selectOrder(orderId);
    trackReply(m_client->create(orderId, fields), true);
}

void MainWindow::storeDraft(const QString &orderId, const std::optional<Support> &draft)
{
    const std::optional<WorkspaceEntry> existing = entry(orderId);
    if (!existing)
        return;
    WorkspaceEntry e = *existing;
    e.draft = draft;
    putEntry(e);
    saveWorkspaceNow(); // a draft must survive a crash right after
}

void MainWindow::saveSelected()
{
    const QString id = m_detail->orderId();
    const std::optional<WorkspaceEntry> e = entry(id);
    if (!e || !m_detail->isDirty() || !m_detail->isValid() || m_detail->isReadOnly())
        return;
    const Support edited = m_detail->editedSupport();
    storeDraft(id, edited); // kept until the server confirms
    if (!e->etag.isEmpty()) {
        // The server versions sessions: write the whole edited copy only if it is unchanged.
        trackReply(m_client->replace(id, edited, e->etag), true);
        return;
    }
    // No ETags: compare a fresh copy with the one the agent loaded before writing.
    const std::optional<Support> loaded = e->support;
    SupportReply *read = m_client->fetch(id);
    m_model->setPending(id, true);
    connect(read, &ApiReply::finished, this, [this, read, id, edited, loaded] {
        read->deleteLater();
        if (!read->isOk() || !read->result()) {
            onReplyFinished(read, false); // the banner says why; the draft stays
            const ApiError::Kind k = read->error().kind;
            if (k == ApiError::Kind::Network || k == ApiError::Kind::Timeout) {
                // Offline: queue the save itself (compared again with `loaded` when sent).
                OutboxItem item;
                item.orderId = id;
                item.op = OutboxItem::Op::Update;
                item.payload = QByteArray::fromStdString(serialize(edited));
                if (loaded)
                    item.baseJson = QByteArray::fromStdString(serialize(*loaded));
                if (m_outbox && m_outbox->enqueue(item) > 0) {
                    m_model->setPending(id, true);
                    updateOfflineLabel();
                }
            }
            return;
        }
        if (loaded && !(*read->result() == *loaded)) {
            m_model->setPending(id, false);
            const std::optional<Support> merged = m_resolveConflict(id, *read->result(), edited, loaded);
            if (merged) {
                storeDraft(id, *merged);
                if (id == m_detail->orderId()) // the resolution replaces what the form held
                    m_detail->reloadEntry(entry(id), true);
                trackReply(m_client->replace(id, *merged), true);
            }
            return; // declined: the edit stays as a draft
        }
        trackReply(m_client->replace(id, edited), true);
    });
}

void MainWindow::assign(const QString &orderId, const Agent &agent)
{
    trackReply(m_client->assignAgent(orderId, agent), true);
}

void MainWindow::unassign(const QString &orderId)
{
    if (orderId.isEmpty())
        return;
    trackReply(m_client->unassignAgent(orderId), true);
}

void MainWindow::closeSession(const QString &orderId)
{
    trackReply(m_client->close(orderId), true);
}

int MainWindow::importOrderIds(const QStringList &ids)
{
    QStringList added;
    std::vector<SessionSummary> summaries;
    QSet<QString> seen;
    for (const QString &id : ids) {
        if (!orderIdProblem(id).isEmpty() || m_model->contains(id) || seen.contains(id))
            continue;
        seen.insert(id);
        WorkspaceEntry e;
        e.orderId = id;
        m_unsaved.insert(id, e);
        summaries.push_back(summarize(e));
        added << id;
    }
    m_model->upsertMany(summaries); // one reset for a long list, not a row insertion each
    scheduleSave();
    fetchInBulk(added, true);
    statusBar()->showMessage(tr("%n order(s) added to the list.", nullptr, int(added.size())), 6000);
    return int(added.size());
}

void MainWindow::goToOrder(const QString &prefix)
{
    const QString id = m_model->firstOrderIdWithPrefix(prefix);
    if (!id.isEmpty())
        selectOrder(id);
}

void MainWindow::switchProfile(const QString &profileId)
{
    if (profileId == m_profile.id)
        return;
    saveWorkspaceNow();
    // A run belongs to the profile that started it: its next requests must not go to the new
    // server with the new token (what is in flight is cancelled by the client itself).
    m_bulkQueue.clear();
    for (BulkRun *run : findChildren<BulkRun *>())
        run->cancel();
    for (const ServerProfile &p : std::as_const(m_profiles))
        if (p.id == profileId)
            applyProfile(p);
}

void MainWindow::askAndOpenOrder()
{
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Open order"),
                                               tr("Order IDs (separated by spaces or commas):"),
                                               QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    // Order IDs hold no white space or commas (orderIdProblem): several were pasted at once.
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    QStringList ids = text.split(separators, Qt::SkipEmptyParts);
    ids.removeDuplicates();
    for (const QString &id : std::as_const(ids))
        openOrder(id);
    if (!ids.isEmpty())
        selectOrder(ids.first());
}

void MainWindow::askAndCreate()
{
    NewSessionDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        createSession(dialog.orderId(), dialog.support());
}

void MainWindow::askAndAssign()
{
    const QString id = selectedOrderId();
    const std::optional<WorkspaceEntry> e = entry(id);
    if (!e || e->state != SessionState::Open)
        return;
    const std::optional<Agent> current = e->support ? e->support->agent : std::nullopt;
    AgentDialog dialog(current ? tr("Reassign order %1").arg(id) : tr("Assign order %1").arg(id), current,
                       m_knownAgents, this);
    if (dialog.exec() == QDialog::Accepted)
        assign(id, dialog.agent());
}

void MainWindow::askAndClose()
{
    const QString id = selectedOrderId();
    const std::optional<WorkspaceEntry> e = entry(id);
    if (!e || e->state != SessionState::Open)
        return;
    if (confirmIrreversible(tr("Close session"),
                            tr("Close the support session of order %1?\n\nThe server cannot reopen it: "
                               "a new request would start a new session.").arg(id),
                            tr("Close session", "button that closes the session")))
        closeSession(id);
}

void MainWindow::importFromFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import order IDs"), QString(),
                                                      tr("CSV or text files (*.csv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        statusBar()->showMessage(tr("Cannot read %1: %2").arg(path, file.errorString()), 10000);
        return;
    }
    importOrderIds(parseOrderIdList(QString::fromUtf8(file.readAll())));
}

void MainWindow::importFromClipboard()
{
    importOrderIds(parseOrderIdList(QApplication::clipboard()->text()));
}

void MainWindow::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export sessions"),
                                                      QStringLiteral("sessions.csv"),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsvTo(path);
}

bool MainWindow::exportCsvTo(const QString &path)
{
    const std::vector<int> &shown = m_model->visibleTableRows();
    QSaveFile file(path); // callback phones: 0600, written atomically
    if (!openPrivate(file) || file.write(exportSessionsCsv(m_model->table(), shown)) < 0 || !file.commit()) {
        statusBar()->showMessage(tr("Could not write %1: %2").arg(path, file.errorString()), 10000);
        return false;
    }
    statusBar()->showMessage(tr("Exported %1 sessions to %2.").arg(shown.size()).arg(path), 6000);
    return true;
}

void MainWindow::manageProfiles()
{
    ProfileDialog dialog(m_profiles, m_profile.id, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    saveWorkspaceNow();
    m_profiles = dialog.profiles();
    QSettings settings;
    saveProfiles(settings, m_profiles);
    const QHash<QString, QString> tokens = dialog.changedTokens();
    for (auto it = tokens.begin(); it != tokens.end(); ++it) {
        const QString id = it.key(), token = it.value();
        const auto done = [this, id, token](const TokenStore::Result &r) {
            if (token.isEmpty()) {
                // Removed: from this run in any case, and from the keychain when there is one.
                if (r.ok || r.noKeychain)
                    statusBar()->showMessage(tr("The access token is removed."), 6000);
                else
                    statusBar()->showMessage(tr("The access token could not be removed from the system keychain. "
                                                "(The keychain said: %1)").arg(r.error), 10000);
            } else if (r.ok) {
                statusBar()->showMessage(tr("The access token is stored in the system keychain."), 6000);
            } else if (r.noKeychain) {
                // Say so, and ask before doing anything else with the token. The keychain's own
                // words ("Failed to execute child process 'dbus-launch'") are detail, not the message.
                const bool keep = confirmWithDetail(tr("No keychain available"),
                    tr("The system keychain is not available, so the token can be kept only in memory "
                       "until SupportDesk closes: it will not be written anywhere and must be entered "
                       "again next time.\n\nUse the token for this run only?"),
                    r.error);
                if (keep) {
                    m_tokens->setSessionToken(id, token);
                    statusBar()->showMessage(tr("The system keychain is not available, so the token is kept "
                                                "only until SupportDesk closes."), 10000);
                }
            } else if (!r.ok) {
                statusBar()->showMessage(tr("The access token could not be stored in the system keychain. "
                                            "(The keychain said: %1)").arg(r.error), 10000);
            }
            if (id == m_profile.id) {
                ClientConfig c = m_client->config();
                const bool usable = r.ok || !m_tokens->sessionToken(id).isEmpty();
                c.token = usable ? token : QString();
                m_client->setConfig(c);
            }
        };
        if (token.isEmpty())
            m_tokens->remove(id, done);
        else
            m_tokens->write(id, token, done);
    }
    m_profileBox->clear();
    for (const ServerProfile &p : std::as_const(m_profiles))
        m_profileBox->addItem(p.name, p.id);
    QString next = dialog.selectedId();
    if (next.isEmpty() && !m_profiles.isEmpty())
        next = m_profiles.first().id;
    for (const ServerProfile &p : std::as_const(m_profiles))
        if (p.id == next)
            applyProfile(p);
}

// A question whose yes-button names the action (not "Yes"); Cancel is the default, as the action
// cannot be undone.
bool MainWindow::confirmIrreversible(const QString &title, const QString &text, const QString &verb)
{
    if (m_confirmReplaced)
        return m_confirm(title, text);
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel, this);
    box.button(QMessageBox::Yes)->setText(verb);
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Yes;
}

bool MainWindow::confirmWithDetail(const QString &title, const QString &text, const QString &detail)
{
    if (m_confirmReplaced)
        return m_confirm(title, text);
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setDefaultButton(QMessageBox::Cancel);
    if (!detail.isEmpty())
        box.setDetailedText(detail);
    return box.exec() == QMessageBox::Yes;
}

void MainWindow::markWaitingInOutbox()
{
    QSet<QString> waiting;
    if (m_outbox && m_outbox->isOpen())
        for (const OutboxItem &item : m_outbox->items())
            if (item.state == QLatin1String("queued"))
                waiting.insert(item.orderId);
    const QString shown = m_detail->orderId();
    const bool before = !shown.isEmpty() && m_model->isWaitingInOutbox(shown);
    m_model->setWaitingInOutbox(waiting);
    if (!shown.isEmpty() && waiting.contains(shown) != before)
        m_detail->showEntry(entry(shown), m_model->isPending(shown)); // its state line
}

void MainWindow::showAuditTrail()
{
    AuditViewer viewer(m_audit->path(), this);
    viewer.exec();
}

// The name F1 lists for an action: Undo and Redo by their names, not the step they would undo now.
QString MainWindow::shortcutName(const QAction *a) const
{
    if (a->objectName() == QLatin1String("undo"))
        return tr("&Undo");
    if (a->objectName() == QLatin1String("redo"))
        return tr("&Redo");
    return a->text();
}

void MainWindow::showShortcuts()
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("shortcutsDialog"));
    dialog.setWindowTitle(tr("Keyboard shortcuts"));
    auto *table = new QTableWidget(0, 2, &dialog);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    const auto plain = [](QString text) { return text.remove(QLatin1Char('&')); };
    const auto heading = [table](const QString &text) {
        const int row = table->rowCount();
        table->insertRow(row);
        auto *item = new QTableWidgetItem(text);
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
        item->setFlags(Qt::ItemIsEnabled);
        table->setItem(row, 0, item);
        table->setItem(row, 1, new QTableWidgetItem);
        table->setSpan(row, 0, 1, 2);
    };
    using Entry = std::pair<QString, QString>; // what it does, its keys
    const auto rows = [table](std::vector<Entry> entries) {
        std::sort(entries.begin(), entries.end(),
                  [](const Entry &a, const Entry &b) { return a.first.localeAwareCompare(b.first) < 0; });
        for (const auto &[text, keys] : entries) {
            const int row = table->rowCount();
            table->insertRow(row);
            table->setItem(row, 0, new QTableWidgetItem(text));
            table->setItem(row, 1, new QTableWidgetItem(keys));
        }
    };
    // One group per menu, in the menus' order; each sorted by name.
    for (QAction *menuAction : menuBar()->actions()) {
        if (!menuAction->menu())
            continue;
        std::vector<Entry> entries;
        for (QAction *a : menuAction->menu()->actions()) {
            if (a->isSeparator() || a->shortcut().isEmpty())
                continue;
            QStringList keys;
            for (const QKeySequence &k : a->shortcuts())
                keys << k.toString(QKeySequence::NativeText);
            entries.emplace_back(plain(shortcutName(a)), keys.join(QStringLiteral(", ")));
        }
        if (entries.empty())
            continue;
        heading(plain(menuAction->text()));
        rows(std::move(entries));
    }
    // Keys that belong to a place in the window rather than to a menu.
    const auto keyOf = [](QKeyCombination k) { return QKeySequence(k).toString(QKeySequence::NativeText); };
    heading(tr("Session list and detail pane"));
    rows({
        {tr("From the filter into the list"), keyOf(QKeyCombination(Qt::Key_Down))},
        {tr("Open the selected session in the detail pane"), keyOf(QKeyCombination(Qt::Key_Return))},
        {tr("From the list to the detail pane"), keyOf(QKeyCombination(Qt::Key_Tab))},
        {tr("From the detail pane back to the list"), keyOf(QKeyCombination(Qt::Key_Escape))},
        {tr("Select several sessions"), keyOf(Qt::SHIFT | Qt::Key_Down)},
    });
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnToContents(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    // Every row readable without scrolling sideways, within the screen.
    const QRect screen = this->screen()->availableGeometry();
    const int width = table->columnWidth(0) + table->fontMetrics().averageCharWidth() * 24 + 48;
    dialog.resize(std::min(std::max(width, 460), screen.width() - 40),
                  std::min(std::max(480, table->rowCount() * table->verticalHeader()->defaultSectionSize() / 2),
                           screen.height() - 80));
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About SupportDesk"),
                       tr("<h3>SupportDesk %1</h3><p>A desktop console for support sessions on "
                          "marketplace orders, speaking the GovStack e-Marketplace Support "
                          "Management API.</p>").arg(QStringLiteral(SUPPORTDESK_VERSION)));
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
    putEntry(*e);
}

void MainWindow::revertDraft()
{
    const QString id = m_detail->orderId();
    if (id.isEmpty())
        return;
    storeDraft(id, std::nullopt);
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
    if (m_loading)
        return;
    std::vector<WorkspaceEntry> rows;
    int waiting = 0;
    for (const QString &id : selectedOrderIds()) {
        // A change on its way would bring the row back when it is sent: it stays.
        if (m_model->isPending(id) || (m_outbox && m_outbox->hasPendingFor(id))) {
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
    m_undo->push(new RemoveRowsCommand(this, tr("Remove %n session(s) from the list", nullptr, n), std::move(rows)));
    m_undoNotice->offer(tr("%n session(s) removed from the list (not from the server).", nullptr, n));
}

void MainWindow::removeFromWorkspace(const QStringList &orderIds)
{
    saveWorkspaceNow(); // a session not stored yet: its agent goes into the directory first
    int firstShown = -1;
    for (const QString &id : orderIds)
        if (const QModelIndex i = m_model->indexOf(id); i.isValid())
            firstShown = firstShown < 0 ? i.row() : std::min(firstShown, i.row());
    for (const QString &id : orderIds)
        m_unsaved.remove(id);
    const int removed = m_model->remove(orderIds);
    if (m_store.isOpen()) {
        const QString problem = m_store.remove(orderIds);
        if (!problem.isEmpty())
            statusBar()->showMessage(tr("Could not save the session list: %1").arg(problem), 10000);
    }
    // The model was reset: the row now in the first removed one's place is selected.
    if (firstShown >= 0 && m_model->rowCount() > 0)
        m_view->selectionModel()->setCurrentIndex(m_model->index(std::min(firstShown, m_model->rowCount() - 1), 0),
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    else
        onSelectionChanged();
    updateStatusBar();
    if (removed > 0)
        statusBar()->showMessage(tr("%n session(s) removed from the list (not from the server).", nullptr, removed), 6000);
}

void MainWindow::restoreToWorkspace(const std::vector<WorkspaceEntry> &entries)
{
    std::vector<SessionSummary> summaries;
    summaries.reserve(entries.size());
    for (const WorkspaceEntry &e : entries) {
        m_unsaved.insert(e.orderId, e);
        summaries.push_back(summarize(e));
    }
    m_model->upsertMany(summaries);
    scheduleSave();
    if (!entries.empty())
        selectOrder(entries.front().orderId);
    updateStatusBar();
}

void MainWindow::askAndCreateAgain()
{
    const QString id = m_detail->orderId();
    const std::optional<WorkspaceEntry> e = entry(id);
    if (!e)
        return;
    NewSessionDialog dialog(this);
    dialog.setInitial(id, e->draft ? *e->draft : e->support.value_or(Support{}));
    if (dialog.exec() == QDialog::Accepted)
        createSession(dialog.orderId(), dialog.support());
}

void MainWindow::dropUndoOfClosed()
{
    // Undoing or redoing a change to a session that is closed (or gone) could only fail.
    const auto stale = [this](const QUndoCommand *c) {
        QStringList ids;
        if (const auto *a = dynamic_cast<const AgentUndoCommand *>(c))
            ids = a->orderIds();
        else if (const auto *u = dynamic_cast<const UpdateUndoCommand *>(c))
            ids = u->orderIds();
        if (ids.isEmpty())
            return false;
        for (const QString &id : std::as_const(ids)) {
            const std::optional<SessionSummary> s = m_model->summary(id);
            if (!s || (s->state != SessionState::Closed && s->state != SessionState::NotFound))
                return false;
        }
        return true;
    };
    // An obsolete entry is dropped by undo()/redo() without being run.
    while (m_undo->canUndo() && stale(m_undo->command(m_undo->index() - 1))) {
        const_cast<QUndoCommand *>(m_undo->command(m_undo->index() - 1))->setObsolete(true);
        m_undo->undo();
    }
    while (m_undo->canRedo() && stale(m_undo->command(m_undo->index()))) {
        const_cast<QUndoCommand *>(m_undo->command(m_undo->index()))->setObsolete(true);
        m_undo->redo();
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWorkspaceNow();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/columns"), m_view->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("lastProfile"), m_profile.id);
    event->accept();
}

void MainWindow::askIdentity(bool firstUse)
{
    if (m_identityDialog) {
        m_identityDialog->raise();
        m_identityDialog->activateWindow();
        return;
    }
    auto *dialog = new IdentityDialog(m_profile.name, m_profile.myAgentId, m_profile.myAgentName, m_knownAgents,
                                      firstUse, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_identityDialog = dialog;
    const QString profileId = m_profile.id;
    connect(dialog, &QDialog::finished, this, [this, dialog, profileId, firstUse](int result) {
        if (result == QDialog::Accepted)
            setIdentity(profileId, dialog->agentId(), dialog->agentName());
        else if (firstUse) // skipped: not asked again (Settings > My agent identity sets it)
            setIdentity(profileId, QString(), QString());
    });
    dialog->open(); // not exec(): the window may be closed or switch profiles meanwhile
}

void MainWindow::setIdentity(const QString &profileId, const QString &agentId, const QString &agentName)
{
    for (ServerProfile &p : m_profiles)
        if (p.id == profileId) {
            p.myAgentId = agentId;
            p.myAgentName = agentName;
            p.identityAsked = true;
        }
    QSettings settings;
    saveProfiles(settings, m_profiles);
    if (profileId != m_profile.id)
        return;
    m_profile.myAgentId = agentId;
    m_profile.myAgentName = agentName;
    m_profile.identityAsked = true;
    m_audit->setUser(agentId.isEmpty() ? currentUserName() : agentId);
    m_model->setScope(SessionModel::Scope(m_scope->currentData().toInt()), agentId);
    updateIdentity();
}

void MainWindow::updateIdentity()
{
    const QString id = m_profile.myAgentId;
    QString name = m_profile.myAgentName;
    if (name.isEmpty() && !id.isEmpty())
        if (const std::optional<Agent> known = m_knownAgents.find(id); known && known->person)
            name = QString::fromStdString(known->person->name.value_or(std::string()));
    if (id.isEmpty())
        m_identityButton->setText(tr("No agent identity set — Set…"));
    else if (name.isEmpty())
        m_identityButton->setText(tr("Working as %1").arg(id));
    else
        m_identityButton->setText(tr("Working as %1 (%2)", "agent ID (name)").arg(id, name));
    const bool mine = SessionModel::Scope(m_scope->currentData().toInt()) == SessionModel::Scope::Mine;
    m_mineHint->setVisible(mine && id.isEmpty());
}

void MainWindow::loadKnownAgents()
{
    if (!m_store.isOpen())
        return;
    if (const QString problem = m_store.readAgents(&m_knownAgents); !problem.isEmpty())
        statusBar()->showMessage(tr("The agent directory could not be read: %1").arg(problem), 10000);
    // Sessions answered while the list was loading are newer than the store.
    for (const WorkspaceEntry &e : std::as_const(m_unsaved))
        if (e.support && e.support->agent)
            m_knownAgents.add(*e.support->agent);
    applyFilterText(m_filter->text()); // names it knows now
}

void MainWindow::applyFilterText(const QString &text)
{
    // The filter finds an agent's sessions by the name the directory knows, also where a row
    // carries only the agent's ID.
    QStringList agentIds;
    if (!text.trimmed().isEmpty())
        for (const Agent &a : m_knownAgents.search(text))
            agentIds << QString::fromStdString(a.id.value_or(std::string()));
    m_model->setFilterText(text, agentIds);
}

} // namespace sd::ui
