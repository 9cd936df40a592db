#include "shortcutsdialog.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sd::ui {

namespace {
// Moved from the window; its texts keep the window's translation context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sd::ui::MainWindow)
};

// The name F1 lists for an action: Undo and Redo by their names, not the step they would undo now.
QString shortcutName(const QAction *a)
{
    if (a->objectName() == QLatin1String("undo"))
        return Text::tr("&Undo");
    if (a->objectName() == QLatin1String("redo"))
        return Text::tr("&Redo");
    return a->text();
}

} // namespace

void showShortcutsDialog(QMainWindow *window)
{
    QDialog dialog(window);
    dialog.setObjectName(QStringLiteral("shortcutsDialog"));
    dialog.setWindowTitle(Text::tr("Keyboard shortcuts"));
    auto *table = new QTableWidget(0, 2, &dialog);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setAccessibleName(Text::tr("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({Text::tr("Action"), Text::tr("Shortcut")});
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
    for (QAction *menuAction : window->menuBar()->actions()) {
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
    heading(Text::tr("Session list and detail pane"));
    rows({
        {Text::tr("From the filter into the list"), keyOf(QKeyCombination(Qt::Key_Down))},
        {Text::tr("Open the selected session in the detail pane"), keyOf(QKeyCombination(Qt::Key_Return))},
        {Text::tr("From the list to the detail pane"), keyOf(QKeyCombination(Qt::Key_Tab))},
        {Text::tr("From the detail pane back to the list"), keyOf(QKeyCombination(Qt::Key_Escape))},
        {Text::tr("Select several sessions"), keyOf(Qt::SHIFT | Qt::Key_Down)},
    });
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnToContents(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    // Every row readable without scrolling sideways, within the screen.
    const QRect screen = window->screen()->availableGeometry();
    const int width = table->columnWidth(0) + table->fontMetrics().averageCharWidth() * 24 + 48;
    dialog.resize(std::min(std::max(width, 460), screen.width() - 40),
                  std::min(std::max(480, table->rowCount() * table->verticalHeader()->defaultSectionSize() / 2),
                           screen.height() - 80));
    dialog.exec();
}

} // namespace sd::ui
