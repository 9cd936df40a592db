#include "undonotice.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QUndoStack>

namespace sd::ui {

UndoNotice::UndoNotice(QUndoStack *stack, QWidget *parent)
    : QWidget(parent), m_stack(stack), m_text(new QLabel(this)), m_undo(new QPushButton(tr("&Undo"), this)),
      m_expire(new QTimer(this))
{
    setObjectName(QStringLiteral("undoNotice"));
    m_text->setObjectName(QStringLiteral("undoNoticeText"));
    m_undo->setObjectName(QStringLiteral("undoNoticeButton"));
    m_undo->setAccessibleName(tr("Undo the last change"));
    // A click leaves the focus where the user was working (the button hides itself after it).
    m_undo->setFocusPolicy(Qt::TabFocus);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addWidget(m_undo);
    m_expire->setSingleShot(true);
    m_expire->setInterval(20'000);
    connect(m_expire, &QTimer::timeout, this, &QWidget::hide);
    connect(m_undo, &QPushButton::clicked, this, [this] {
        hide();
        if (m_stack->index() == m_index && m_stack->canUndo())
            m_stack->undo();
    });
    // Another change, an undo or a redo: the offer no longer names the last entry.
    connect(m_stack, &QUndoStack::indexChanged, this, [this](int index) {
        if (index != m_index)
            hide();
    });
    hide();
}

void UndoNotice::offer(const QString &text)
{
    m_index = m_stack->index();
    m_text->setText(text);
    setAccessibleDescription(text);
    show();
    m_expire->start();
}

} // namespace sd::ui
