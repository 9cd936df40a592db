#include "keyboardflow.h"

#include <QAbstractItemModel>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTableView>

namespace sd::ui {

namespace {

bool takesTabFocus(const QWidget *w)
{
    return w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus);
}

bool editable(const QWidget *w)
{
    if (const auto *line = qobject_cast<const QLineEdit *>(w))
        return !line->isReadOnly();
    if (const auto *text = qobject_cast<const QPlainTextEdit *>(w))
        return !text->isReadOnly();
    return false;
}

bool plain(const QKeyEvent *e)
{
    return (e->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
}

} // namespace

KeyboardFlow::KeyboardFlow(QLineEdit *filter, QTableView *list, QWidget *pane, QObject *parent)
    : QObject(parent), m_filter(filter), m_list(list), m_pane(pane)
{
    // Tab leaves the list (to the pane) instead of walking its cells.
    m_list->setTabKeyNavigation(false);
    m_filter->installEventFilter(this);
    m_list->installEventFilter(this);
    // The pane's fields: Shift+Tab from the first one and Escape lead back to the list.
    m_pane->installEventFilter(this);
    for (QWidget *w : m_pane->findChildren<QWidget *>())
        if (w->focusPolicy() & Qt::TabFocus)
            w->installEventFilter(this);
}

QWidget *KeyboardFlow::firstField() const
{
    QWidget *fallback = nullptr;
    // The focus chain is the order Tab walks, so "first" is what a person would reach first.
    // (The pane's widgets need not follow the pane in the window's chain: walk it all.)
    for (QWidget *w = m_pane->nextInFocusChain(); w && w != m_pane; w = w->nextInFocusChain()) {
        if (!m_pane->isAncestorOf(w) || !takesTabFocus(w) || w->focusProxy())
            continue;
        if (editable(w))
            return w;
        if (!fallback && !qobject_cast<QScrollArea *>(w))
            fallback = w;
    }
    return fallback;
}

void KeyboardFlow::step(int delta)
{
    QAbstractItemModel *model = m_list->model();
    if (!model || model->rowCount() == 0)
        return;
    const QModelIndex current = m_list->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + delta, 0, model->rowCount() - 1) : 0;
    const QModelIndex next = model->index(row, current.isValid() ? current.column() : 0);
    m_list->selectionModel()->setCurrentIndex(next, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_list->scrollTo(next);
}

void KeyboardFlow::enterList()
{
    QAbstractItemModel *model = m_list->model();
    if (!model || model->rowCount() == 0)
        return;
    // The row already picked, if it is still shown; else the first one.
    if (!m_list->currentIndex().isValid())
        step(0);
    else
        selectCurrentRow();
    m_list->setFocus(Qt::TabFocusReason);
}

void KeyboardFlow::selectCurrentRow()
{
    const QModelIndex current = m_list->currentIndex();
    if (current.isValid() && !m_list->selectionModel()->isRowSelected(current.row(), current.parent()))
        m_list->selectionModel()->setCurrentIndex(current, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

bool KeyboardFlow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_filter && key->key() == Qt::Key_Down && plain(key)) {
        enterList();
        return true;
    }
    if (watched == m_list && plain(key)
        && (key->key() == Qt::Key_Tab || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
        if (key->key() != Qt::Key_Tab) {
            if (!m_list->currentIndex().isValid())
                return QObject::eventFilter(watched, event);
            selectCurrentRow(); // Enter opens the current row, also out of a multiple selection
        }
        if (QWidget *field = firstField()) {
            field->setFocus(Qt::TabFocusReason);
            return true;
        }
        return QObject::eventFilter(watched, event);
    }
    const bool inPane = watched == m_pane || (watched->isWidgetType() && m_pane->isAncestorOf(static_cast<QWidget *>(watched)));
    if (inPane && key->key() == Qt::Key_Backtab && watched == firstField()) {
        m_list->setFocus(Qt::BacktabFocusReason);
        return true;
    }
    if (inPane && key->key() == Qt::Key_Escape && plain(key)) {
        m_list->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace sd::ui
