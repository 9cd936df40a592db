// First paint: a bare QMainWindow, measured in the same way as supportdesk (which prints its
// own figure with SUPPORTDESK_BENCH_FIRST_PAINT=1). Prints ms from main() to the first paint.
#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMainWindow>
#include <QStatusBar>
#include <QPaintEvent>
#include <cstdio>

class Window : public QMainWindow
{
public:
    QElapsedTimer *clock;
    bool painted = false;
    bool event(QEvent *e) override
    {
        if (e->type() == QEvent::UpdateRequest || e->type() == QEvent::Paint) {
            const bool r = QMainWindow::event(e);
            if (!painted) {
                painted = true;
                std::printf("first_paint_ms %.1f\n", double(clock->nsecsElapsed()) / 1e6);
                std::fflush(stdout);
                QMetaObject::invokeMethod(qApp, &QApplication::quit, Qt::QueuedConnection);
            }
            return r;
        }
        return QMainWindow::event(e);
    }
};

int main(int argc, char **argv)
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    Window w;
    w.clock = &clock;
    w.resize(1200, 760);
    // With an argument "text": a line edit and a label, the least a window with text pays
    // (style, fonts, text layout), which the bare window never does.
    if (argc > 1 && QByteArray(argv[1]) == "text") {
        auto *edit = new QLineEdit(&w);
        edit->setPlaceholderText(QStringLiteral("Filter"));
        w.setCentralWidget(edit);
        w.statusBar()->showMessage(QStringLiteral("Ready"));
    }
    w.show();
    return app.exec();
}
