#include "windowfit.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QScreen>
#include <QTimer>
#include <QToolBar>

namespace sd::ui {

namespace {

// Before a window is shown its frame is unknown; window managers' frames are about this size.
constexpr QMargins kFrameGuess(8, 32, 8, 8);

QScreen *screenOf(const QWidget *window)
{
    if (QScreen *s = QGuiApplication::screenAt(window->geometry().center()))
        return s;
    return window->screen() ? window->screen() : QGuiApplication::primaryScreen();
}

// Checks the window again once it is shown and its real frame is known.
class ShownCheck : public QObject
{
public:
    ShownCheck(QWidget *window, bool fill) : QObject(window), m_window(window), m_fill(fill)
    {
        window->installEventFilter(this);
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::Show) {
            m_window->removeEventFilter(this);
            QTimer::singleShot(0, this, [this] {
                if (m_window && !(m_window->windowState() & (Qt::WindowMaximized | Qt::WindowFullScreen))) {
                    const QRect frame = m_window->frameGeometry(), client = m_window->geometry();
                    const QMargins margins(client.left() - frame.left(), client.top() - frame.top(),
                                           frame.right() - client.right(), frame.bottom() - client.bottom());
                    const QRect available = screenOf(m_window)->availableGeometry();
                    // Sized for the whole screen with a guessed frame: the real one is known now.
                    const QRect fitted = m_fill ? available.marginsRemoved(margins)
                                                : fittedGeometry(client, margins, available);
                    if (fitted != client)
                        m_window->setGeometry(fitted);
                }
                deleteLater();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QPointer<QWidget> m_window;
    bool m_fill;
};

// Re-decides on every resize whether the second toolbar needs a row of its own.
class ToolBarWrap : public QObject
{
public:
    ToolBarWrap(QMainWindow *window, QToolBar *second) : QObject(window), m_window(window), m_second(second)
    {
        window->installEventFilter(this);
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
            update();
        return QObject::eventFilter(watched, event);
    }

private:
    void update()
    {
        if (!m_second)
            return;
        const Qt::ToolBarArea area = m_window->toolBarArea(m_second);
        if (area != Qt::TopToolBarArea && area != Qt::BottomToolBarArea)
            return; // moved to a side by the user: nothing to wrap
        int needed = 0;
        for (QToolBar *bar : m_window->findChildren<QToolBar *>(Qt::FindDirectChildrenOnly)) {
            if (!bar->isVisible() || bar->isFloating() || m_window->toolBarArea(bar) != area)
                continue;
            if (bar != m_second)
                fitButtons(bar);
            needed += bar->sizeHint().width();
        }
        const bool wrapped = m_window->toolBarBreak(m_second);
        if (!wrapped && needed > m_window->width())
            m_window->insertToolBarBreak(m_second);
        else if (wrapped && needed <= m_window->width())
            m_window->removeToolBarBreak(m_second);
    }

    // Text beside the icons while the row is wide enough for them (long texts, German), else
    // the text under the icons, which is narrower: never icons alone, never an overflow menu.
    void fitButtons(QToolBar *bar)
    {
        if (bar->toolButtonStyle() == Qt::ToolButtonTextBesideIcon) {
            const int beside = bar->sizeHint().width();
            if (beside > m_window->width()) {
                m_besideWidth.insert(bar, beside);
                bar->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
            }
        } else if (bar->toolButtonStyle() == Qt::ToolButtonTextUnderIcon && m_besideWidth.contains(bar)
                   && m_besideWidth.value(bar) <= m_window->width()) {
            bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        }
    }

    QMainWindow *m_window;
    QPointer<QToolBar> m_second;
    QHash<QToolBar *, int> m_besideWidth; // the width a bar needed with its text beside the icons
};

} // namespace

QRect fittedGeometry(const QRect &geometry, const QMargins &frame, const QRect &available)
{
    const QRect room = available.marginsRemoved(frame);
    QRect r(geometry.topLeft(), geometry.size().boundedTo(room.size()));
    if (r.right() > room.right())
        r.moveRight(room.right());
    if (r.bottom() > room.bottom())
        r.moveBottom(room.bottom());
    if (r.left() < room.left())
        r.moveLeft(room.left());
    if (r.top() < room.top())
        r.moveTop(room.top());
    return r;
}

void fitToScreen(QWidget *window, const QSize &preferred)
{
    const QRect available = screenOf(window)->availableGeometry();
    const QRect room = available.marginsRemoved(kFrameGuess);
    bool fill = false;
    if (preferred.isEmpty()) {
        window->setGeometry(fittedGeometry(window->geometry(), kFrameGuess, available));
    } else {
        fill = preferred.width() > room.width() || preferred.height() > room.height();
        // A first start: the preferred size where it fits, else the whole screen; centred.
        QRect r(QPoint(), preferred.boundedTo(available.marginsRemoved(kFrameGuess).size()));
        r.moveCenter(available.center());
        window->setGeometry(fittedGeometry(r, kFrameGuess, available));
    }
    new ShownCheck(window, fill);
}

void wrapToolBarWhenNarrow(QMainWindow *window, QToolBar *second)
{
    new ToolBarWrap(window, second);
}

} // namespace sd::ui
