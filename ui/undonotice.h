// "Agent removed from ORD-1. [Undo]" in the status bar, right after a change that is easy to make
// by mistake: one click (or Enter on the button) undoes it, while it is still the last entry.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;
class QUndoStack;

namespace sd::ui {

class UndoNotice : public QWidget
{
    Q_OBJECT
public:
    UndoNotice(QUndoStack *stack, QWidget *parent = nullptr);
    // Offers to undo the stack's last entry (just pushed), saying `text`, for a while.
    void offer(const QString &text);

private:
    QUndoStack *m_stack;
    QLabel *m_text;
    QPushButton *m_undo;
    QTimer *m_expire;
    int m_index = -1; // the stack's index the offer is about
};

} // namespace sd::ui
