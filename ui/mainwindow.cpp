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

    m_undoNotice = new UndoNotice(m_undo, this);
    statusBar()->insertPermanentWidget(0, m_undoNotice); // beside, not under, the messages
    createActions();
    createMenusAndToolbar();

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("SupportDesk"));
        m_tray->show();
    }
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
    m_desk->flushBeforeLeaving(); // nothing the agent saw may be lost on the way out
    m_desk->disconnect(this);     // the desk outlives the window's own parts by a moment
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
    m_desk->setNotifyMine(notify->isChecked());
    connect(notify, &QAction::toggled, m_desk, &DeskController::setNotifyMine);
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
    // Ends with the application's name, so the platform does not add it a second time.
    setWindowTitle(tr("%1 — SupportDesk").arg(profile.name));
    const int boxIndex = m_profileBox->findData(profile.id);
    if (boxIndex >= 0)
        m_profileBox->setCurrentIndex(boxIndex);
    m_desk->openProfile(profile);
    m_model->setScope(SessionModel::Scope(m_scope->currentData().toInt()), profile.myAgentId);
    updateIdentity();
    // A profile's first use asks who the agent is there (once: skipping is an answer too).
    if (profile.myAgentId.isEmpty() && !profile.identityAsked)
        QTimer::singleShot(0, this, [this, id = profile.id] {
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
    action(QStringLiteral("removeFromList"))->setEnabled(e.has_value() && !m_desk->isLoadingWorkspace());
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

void MainWindow::updateChangedCount()
{
    const int changed = m_model->changedCount();
    m_changedLabel->setText(changed ? tr("%n changed by others", nullptr, changed) : QString());
    const QString name = m_desk->profile().name;
    setWindowTitle(changed ? tr("(%1) %2 — SupportDesk").arg(changed).arg(name) : tr("%1 — SupportDesk").arg(name));
}

void MainWindow::updateOfflineLabel(int retryInMs)
{
    const int queued = m_desk->outbox() ? m_desk->outbox()->queuedCount() : 0;
    if (queued == 0) {
        m_offlineLabel->clear();
        return;
    }
    QString text = tr("Offline: %n pending change(s) in the outbox", nullptr, queued);
    if (retryInMs > 0)
        text += QStringLiteral(" · ") + tr("next try in %1 s").arg(retryInMs / 1000);
    m_offlineLabel->setText(text);
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
    BulkRun *run = m_desk->bulkRun(kind, send, agent, previous);
    auto *progress = new BulkProgressDialog(title, this);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->track(run);
    connect(progress, &BulkProgressDialog::retryFailedRequested, this,
            [this, kind, agent](const QStringList &failed) { runBulk(kind, failed, agent, false); });
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
        AgentDialog dialog(tr("Reassign %n session(s)", nullptr, int(ids.size())), std::nullopt, m_desk->knownAgents(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        agent = dialog.agent();
    }
    runBulk(kind, ids, agent, true);
}

void MainWindow::showFailureBanner(const ApiError &err)
{
    QString text = err.message();
    if (err.kind == ApiError::Kind::Conflict)
        text += QLatin1Char(' ') + tr("Your edit is kept as a draft. Refresh to see their version, then save again.");
    // Asked for a token while none is set: trying again cannot help, the profile can.
    const bool noToken = err.httpStatus == 401 && m_desk->client()->config().token.isEmpty();
    if (noToken)
        text += QLatin1Char(' ') + tr("The server wants an access token, and no access token is set in the "
                                      "server profile \"%1\". Enter one there.").arg(m_desk->profile().name);
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
                       m_desk->knownAgents(), this);
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
    ProfileDialog dialog(m_profiles, m_desk->profile().id, this);
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
                    m_desk->tokens()->setSessionToken(id, token);
                    statusBar()->showMessage(tr("The system keychain is not available, so the token is kept "
                                                "only until SupportDesk closes."), 10000);
                }
            } else if (!r.ok) {
                statusBar()->showMessage(tr("The access token could not be stored in the system keychain. "
                                            "(The keychain said: %1)").arg(r.error), 10000);
            }
            if (id == m_desk->profile().id) {
                const bool usable = r.ok || !m_desk->tokens()->sessionToken(id).isEmpty();
                m_desk->setToken(usable ? token : QString());
            }
        };
        if (token.isEmpty())
            m_desk->tokens()->remove(id, done);
        else
            m_desk->tokens()->write(id, token, done);
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

void MainWindow::showAuditTrail()
{
    AuditViewer viewer(m_desk->audit()->path(), this);
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

void MainWindow::askIdentity(bool firstUse)
{
    if (m_identityDialog) {
        m_identityDialog->raise();
        m_identityDialog->activateWindow();
        return;
    }
    const ServerProfile &profile = m_desk->profile();
    auto *dialog = new IdentityDialog(profile.name, profile.myAgentId, profile.myAgentName, m_desk->knownAgents(),
                                      firstUse, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_identityDialog = dialog;
    const QString profileId = profile.id;
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
    if (profileId != m_desk->profile().id)
        return;
    m_desk->setIdentity(agentId, agentName);
    m_model->setScope(SessionModel::Scope(m_scope->currentData().toInt()), agentId);
    updateIdentity();
}

void MainWindow::updateIdentity()
{
    const QString id = m_desk->profile().myAgentId;
    QString name = m_desk->profile().myAgentName;
    if (name.isEmpty() && !id.isEmpty())
        if (const std::optional<Agent> known = m_desk->knownAgents().find(id); known && known->person)
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

// What the desk reports, shown: the status bar, the detail pane, the list's selection.
void MainWindow::connectDesk()
{
    m_desk->setPrompts(this);
    m_desk->setViewQueries([this] { return selectedOrderId(); }, [this] { return m_detail->orderId(); });
    connect(m_desk, &DeskController::statusMessage, this, [this](const QString &text, int timeoutMs) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text, timeoutMs);
    });
    connect(m_desk, &DeskController::workspaceReset, this, [this] { m_detail->showEntry(nullptr, false); });
    connect(m_desk, &DeskController::workspaceLoaded, this, [this](const QString &selected) {
        if (!selected.isEmpty())
            selectOrder(selected);
        updateStatusBar();
        updateIdentity(); // a name for the identity, from the directory
        Q_EMIT workspaceLoaded();
    });
    connect(m_desk, &DeskController::replyApplied, this, &MainWindow::onReplyApplied);
    connect(m_desk, &DeskController::operationFinished, this, &MainWindow::operationFinished);
    connect(m_desk, &DeskController::notified, this, &MainWindow::notified);
    connect(m_desk, &DeskController::changedCountChanged, this, &MainWindow::updateChangedCount);
    connect(m_desk, &DeskController::changedElsewhere, this,
            [this](const QString &, const QStringList &fields) { m_detail->showChangedElsewhere(fields); });
    connect(m_desk, &DeskController::entryChanged, this, [this](const QString &id) {
        m_detail->showEntry(entry(id), m_model->isPending(id));
    });
    connect(m_desk, &DeskController::agentRefreshed, this, [this](const QString &id, const QStringList &fields) {
        if (m_detail->orderId() == id) {
            m_detail->showEntry(entry(id), m_model->isPending(id));
            m_detail->showChangedElsewhere(fields);
        }
        updateActions();
    });
    connect(m_desk, &DeskController::draftReplaced, this,
            [this](const QString &id) { m_detail->reloadEntry(entry(id), true); });
    connect(m_desk, &DeskController::outboxSent, this, [this](const QString &id) {
        m_detail->showEntry(entry(id), m_model->isPending(id));
        m_detail->hideBanner();
    });
    connect(m_desk, &DeskController::queuedOffline, this, [this] {
        m_detail->showBanner(tr("The server cannot be reached. Your change is kept in the outbox "
                                "and will be sent, in order, when it answers again."), false);
    });
    connect(m_desk, &DeskController::outboxChanged, this, &MainWindow::updateOfflineLabel);
    connect(m_desk, &DeskController::outboxAuthRequired, this, [this](int queued) {
        m_offlineLabel->setText(tr("%n change(s) waiting: the server refused the access token.", nullptr, queued));
    });
    connect(m_desk, &DeskController::removedFromList, this, [this](int firstShown, int removed) {
        // The model was reset: the row now in the first removed one's place is selected.
        if (firstShown >= 0 && m_model->rowCount() > 0)
            m_view->selectionModel()->setCurrentIndex(m_model->index(std::min(firstShown, m_model->rowCount() - 1), 0),
                                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        else
            onSelectionChanged();
        updateStatusBar();
        if (removed > 0)
            statusBar()->showMessage(tr("%n session(s) removed from the list (not from the server).", nullptr, removed), 6000);
    });
    connect(m_desk, &DeskController::restoredToList, this, [this](const QString &first) {
        if (!first.isEmpty())
            selectOrder(first);
        updateStatusBar();
    });
    connect(m_desk, &DeskController::knownAgentsChanged, this, [this] { applyFilterText(m_filter->text()); });
    connect(m_desk, &DeskController::ownNameLearnt, this, &MainWindow::updateIdentity);
    connect(m_desk, &DeskController::undoOffered, m_undoNotice, &UndoNotice::offer);
}

// The session shown after an answer: the form, the banner, the actions.
void MainWindow::onReplyApplied(const DeskOutcome &o)
{
    const QString &id = o.orderId;
    const ApiError &err = o.error;
    if (id == selectedOrderId()) {
        // Saved: the form shows the server's copy again, unless the agent typed on meanwhile.
        const auto withoutAgent = [](Support s) { s.agent.reset(); return s; };
        const bool savedWhatIsShown = o.ownWrite && o.ok && o.operation == Operation::Update
            && o.draftBefore && m_detail->orderId() == id
            && withoutAgent(m_detail->editedSupport()) == withoutAgent(*o.draftBefore);
        if (savedWhatIsShown)
            m_detail->reloadEntry(entry(id), false);
        else
            m_detail->showEntry(entry(id), false);
        // A fetch that finds no session: the row and the pane say so, it is not a failure.
        const bool notFoundFetch = err.httpStatus == 404 && o.operation == Operation::Fetch;
        if (!o.ok && err.kind != ApiError::Kind::Cancelled && !notFoundFetch) {
            showFailureBanner(err);
        } else if (o.ok || notFoundFetch) {
            m_detail->hideBanner();
        }
    }
    updateActions();
}

bool MainWindow::confirm(const QString &title, const QString &text)
{
    return m_confirm(title, text);
}

std::optional<Support> MainWindow::resolveConflict(const QString &orderId, const Support &theirs, const Support &mine,
                                                   const std::optional<Support> &base)
{
    return m_resolveConflict(orderId, theirs, mine, base);
}

} // namespace sd::ui
