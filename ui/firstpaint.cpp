#include "firstpaint.h"

#include <QEvent>
#include <QPointer>
#include <QTimer>
#include <QVariant>
#include <QWidget>

namespace sd::ui {

namespace {
class FirstPaintWatch : public QObject
{
public:
    FirstPaintWatch(QWidget *window, std::function<void()> work) : QObject(window), m_work(std::move(work))
    {
        window->installEventFilter(this);
        // A window that is not shown paints nothing to wait for; one that is waits at most a second.
        QTimer::singleShot(0, this, [this, window] {
            if (!window->isVisible())
                runSoon();
        });
        QTimer::singleShot(1000, this, &FirstPaintWatch::runSoon);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == parent() && (event->type() == QEvent::UpdateRequest || event->type() == QEvent::Paint)) {
            watched->setProperty(kPainted, true);
            runSoon(); // posted: after this frame is painted
        }
        return false;
    }

    static constexpr const char *kPainted = "sdFirstFramePainted";

private:
    void runSoon()
    {
        if (m_queued)
            return;
        m_queued = true;
        parent()->removeEventFilter(this);
        QTimer::singleShot(0, this, [this] {
            const std::function<void()> work = std::move(m_work);
            deleteLater();
            work();
        });
    }

    std::function<void()> m_work;
    bool m_queued = false;
};
} // namespace

void afterFirstPaint(QWidget *window, std::function<void()> work)
{
    if (window->property(FirstPaintWatch::kPainted).toBool())
        QTimer::singleShot(0, window, std::move(work)); // painted already: no frame to wait for
    else
        new FirstPaintWatch(window, std::move(work));
}

} // namespace sd::ui
