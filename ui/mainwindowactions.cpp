// The window's actions, menus and toolbars, and when each action is enabled.
#include "mainwindow.h"
#include "mainwindow_p.h"

#include "detailpane.h"
#include "keyboardflow.h"
#include "requestlog.h"
#include "shortcutsdialog.h"
#include "teamview.h"
#include "windowfit.h"

#include <QAction>
#include <QStatusBar>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>

namespace sd::ui {

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
    make("save", tr("&Save changes"), "save", QKeySequence::Save, [this] {
        if (m_detail->isDirty() && !m_detail->isValid()) {
            // Ctrl+S on a number that is not one: say why nothing is sent, where it can be seen
            // (at 800x600 the pane's own message can be below the visible part).
            statusBar()->showMessage(DetailPane::phoneProblemText(), 10000);
            m_detail->revealPhoneProblem();
            return;
        }
        saveSelected();
    });
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
         [this] { askAndBulk(AssignAgentRequest{}); });
    make("bulkUnassign", tr("U&nassign selected…"), "unassign", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_U),
         [this] { askAndBulk(UnassignAgentRequest{}); });
    make("bulkClose", tr("C&lose selected…"), "close", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_W),
         [this] { askAndBulk(CloseRequest{}); });
    make("balance", tr("&Balance…"), nullptr, QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_B), [this] { askAndBalance(); });
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
    make("shortcuts", tr("&Keyboard shortcuts"), nullptr, QKeySequence(Qt::Key_F1), [this] { showShortcutsDialog(this); });
    make("about", tr("&About SupportDesk"), nullptr, QKeySequence(), [this] { showAbout(); });
    QAction *log = m_logDock->toggleViewAction();
    log->setObjectName(QStringLiteral("showRequestLog"));
    log->setText(tr("Request &log"));
    log->setShortcut(QKeySequence(Qt::Key_F12));
    m_actions.insert(log->objectName(), log);
    QAction *team = m_teamDock->toggleViewAction();
    team->setObjectName(QStringLiteral("showTeam"));
    team->setText(tr("&Team"));
    team->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_actions.insert(team->objectName(), team);
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
    for (const char *n : {"bulkReassign", "bulkUnassign", "bulkClose", "balance"})
        bulk->addAction(action(QString::fromLatin1(n)));
    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (const char *n : {"goToOrder", "focusFilter", "nextSession", "previousSession", "showRequestLog", "showTeam", "auditViewer"})
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
    // (Its clear button comes after the first frame: see the window.)
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
    action(QStringLiteral("save"))->setEnabled(open && m_detail->isDirty()); // invalid: says why
    action(QStringLiteral("revert"))->setEnabled(e && m_detail->orderId() == id && m_detail->isDirty());
    action(QStringLiteral("removeFromList"))->setEnabled(e.has_value() && !m_desk->isLoadingWorkspace());
    action(QStringLiteral("openInPane"))->setEnabled(e.has_value());
    action(QStringLiteral("copyOrderId"))->setEnabled(e.has_value());
}

} // namespace sd::ui
